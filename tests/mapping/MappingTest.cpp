#include "core/mapping/Mapping.h"
#include "core/connectors/ConnectorFacts.h"
#include "tests/mapping/QtPrinters.h"

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

QStringList fields(const Mapping& m) {
    QStringList out;
    for (const MappingRow& r : m.rows)
        out.append(r.fieldKey);
    return out;
}

QStringList properties(const Mapping& m) {
    QStringList out;
    for (const MappingRow& r : m.rows) {
        EXPECT_EQ(r.targets.size(), 1);
        out.append(r.targets.constFirst().property);
    }
    return out;
}

MappingRow row(const char* field, std::initializer_list<const char*> targets) {
    MappingRow r;
    r.fieldKey = QString::fromLatin1(field);
    for (const char* t : targets)
        r.targets.append(MappingTarget{QString::fromLatin1(t), UpdateStrategy::Override, false, {}});
    return r;
}

} // namespace

TEST(MappingDefaults, HubSpotCompaniesFollowProduct) {
    const Mapping m = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
    EXPECT_EQ(m.object, RecordObject::Company);
    EXPECT_EQ(fields(m), (QStringList{u"name"_s, u"website"_s, u"employees"_s, u"country"_s, u"city"_s,
                                      u"description"_s, u"linkedin_url"_s}));
    EXPECT_EQ(properties(m), (QStringList{u"name"_s, u"domain"_s, u"numberofemployees"_s, u"country"_s,
                                          u"city"_s, u"description"_s, u"linkedin_company_page"_s}));
    // Name and domain default to Update if empty, everything else to Override.
    for (const MappingRow& r : m.rows) {
        const MappingTarget& t = r.targets.constFirst();
        const bool keyProperty = t.property == u"name" || t.property == u"domain";
        EXPECT_EQ(t.strategy, keyProperty ? UpdateStrategy::UpdateIfEmpty : UpdateStrategy::Override)
            << t.property.toStdString();
        EXPECT_FALSE(t.clearWhenEmpty);
        EXPECT_TRUE(t.valueMap.isEmpty());
    }
    // Choice fields (Industry) stay unmapped.
    EXPECT_FALSE(fields(m).contains(QStringLiteral("industry")));
}

TEST(MappingDefaults, HubSpotContacts) {
    const Mapping m = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Contact);
    EXPECT_EQ(fields(m),
              (QStringList{u"first_name"_s, u"last_name"_s, u"email"_s, u"job_title"_s, u"phone"_s}));
    EXPECT_EQ(properties(m),
              (QStringList{u"firstname"_s, u"lastname"_s, u"email"_s, u"jobtitle"_s, u"phone"_s}));
    for (const MappingRow& r : m.rows)
        EXPECT_EQ(r.targets.constFirst().strategy, UpdateStrategy::Override);
}

TEST(MappingDefaults, SandboxUsesHubSpotNames) {
    for (RecordObject o : {RecordObject::Company, RecordObject::Contact})
        EXPECT_EQ(Mapping::defaultMapping(CrmKind::Sandbox, o), Mapping::defaultMapping(CrmKind::HubSpot, o));
}

TEST(MappingDefaults, SalesforceAccountAndContact) {
    const Mapping a = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Company);
    EXPECT_EQ(fields(a), (QStringList{u"name"_s, u"website"_s, u"employees"_s, u"country"_s, u"city"_s,
                                      u"description"_s}));
    EXPECT_EQ(properties(a), (QStringList{u"Name"_s, u"Website"_s, u"NumberOfEmployees"_s,
                                          u"BillingCountry"_s, u"BillingCity"_s, u"Description"_s}));
    EXPECT_EQ(a.rows.at(0).targets.at(0).strategy, UpdateStrategy::UpdateIfEmpty);
    EXPECT_EQ(a.rows.at(1).targets.at(0).strategy, UpdateStrategy::UpdateIfEmpty);
    EXPECT_EQ(a.rows.at(2).targets.at(0).strategy, UpdateStrategy::Override);

    const Mapping c = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Contact);
    EXPECT_EQ(properties(c),
              (QStringList{u"FirstName"_s, u"LastName"_s, u"Email"_s, u"Title"_s, u"Phone"_s}));
}

TEST(MappingDefaults, DefaultStrategyFollowsFacts) {
    const ConnectorFacts sf = ConnectorFacts::forKind(CrmKind::Salesforce);
    EXPECT_EQ(defaultStrategy(sf, RecordObject::Company, QStringLiteral("Website")),
              UpdateStrategy::UpdateIfEmpty);
    EXPECT_EQ(defaultStrategy(sf, RecordObject::Company, QStringLiteral("Name")),
              UpdateStrategy::UpdateIfEmpty);
    EXPECT_EQ(defaultStrategy(sf, RecordObject::Company, QStringLiteral("domain")), UpdateStrategy::Override);
    EXPECT_EQ(defaultStrategy(sf, RecordObject::Company, QStringLiteral("Industry")),
              UpdateStrategy::Override);
    // Contacts have no name/domain property: everything overrides.
    EXPECT_EQ(defaultStrategy(sf, RecordObject::Contact, QStringLiteral("Name")), UpdateStrategy::Override);
}

TEST(MappingKeyRow, FirstRowTargetingTheDomainPropertyInRowOrder) {
    const ConnectorFacts hs = ConnectorFacts::forKind(CrmKind::HubSpot);
    Mapping m;
    m.rows = {row("name", {"name"}), row("domain", {"domain"}), row("website", {"domain", "website"})};
    EXPECT_EQ(m.matchKeyRow(hs), 1);
    EXPECT_EQ(m.rowsTargeting(QStringLiteral("domain")), (QList<int>{1, 2}));

    // Reordering rows changes the match key.
    m.rows.swapItemsAt(1, 2);
    EXPECT_EQ(m.matchKeyRow(hs), 1);
    EXPECT_EQ(m.rows.at(m.matchKeyRow(hs)).fieldKey, QStringLiteral("website"));

    m.rows = {row("name", {"name"})};
    EXPECT_EQ(m.matchKeyRow(hs), -1);

    Mapping contacts;
    contacts.object = RecordObject::Contact;
    contacts.rows = {row("first_name", {"firstname"}), row("email", {"email"})};
    EXPECT_EQ(contacts.matchKeyRow(hs), 1);
}

TEST(MappingKeyRow, TargetPropertiesInFirstAppearanceOrder) {
    Mapping m;
    m.rows = {row("website", {"domain", "website_copy"}), row("name", {"name"}), row("domain", {"domain"})};
    EXPECT_EQ(m.targetProperties(), (QStringList{u"domain"_s, u"website_copy"_s, u"name"_s}));
    ASSERT_NE(m.target(0, QStringLiteral("website_copy")), nullptr);
    EXPECT_EQ(m.target(1, QStringLiteral("domain")), nullptr);
    EXPECT_EQ(m.target(7, QStringLiteral("domain")), nullptr);
}

TEST(MappingNames, StrategyNamesRoundTrip) {
    for (UpdateStrategy s : {UpdateStrategy::Override, UpdateStrategy::UpdateIfEmpty})
        EXPECT_EQ(parseUpdateStrategy(updateStrategyName(s)), s);
    EXPECT_EQ(updateStrategyName(UpdateStrategy::UpdateIfEmpty), QStringLiteral("update_if_empty"));
    EXPECT_FALSE(parseUpdateStrategy(QStringLiteral("sometimes")).has_value());
    EXPECT_EQ(parseCrmKind(QStringLiteral(" Salesforce ")), CrmKind::Salesforce);
    EXPECT_FALSE(parseCrmKind(QStringLiteral("pipedrive")).has_value());
}
