#include "core/mapping/MissingFields.h"
#include "core/connectors/FakeConnector.h"
#include "core/mapping/MappingValidator.h"
#include "tests/mapping/QtPrinters.h"

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

FieldDefinition field(const QString& key, const QString& label, FieldType type,
                      const QStringList& choices = {}) {
    FieldDefinition f;
    f.object = RecordObject::Company;
    f.key = key;
    f.label = label;
    f.type = type;
    f.choices = choices;
    return f;
}

} // namespace

TEST(MissingFields, NamesFollowEachCrmsConvention) {
    const FieldDefinition linkedin = field(u"linkedin_url"_s, u"LinkedIn URL"_s, FieldType::Url);
    EXPECT_EQ(MissingFields::propertyName(linkedin, CrmKind::HubSpot), u"syncdesk_linkedin_url"_s);
    EXPECT_EQ(MissingFields::propertyName(linkedin, CrmKind::Sandbox), u"syncdesk_linkedin_url"_s);
    EXPECT_EQ(MissingFields::propertyName(linkedin, CrmKind::Salesforce), u"LinkedinUrl_SyncDesk__c"_s);

    const FieldDefinition odd = field(u"2024--Revenue (€)"_s, u"Revenue"_s, FieldType::Number);
    EXPECT_EQ(MissingFields::propertyName(odd, CrmKind::HubSpot), u"syncdesk_2024_revenue"_s);
    EXPECT_EQ(MissingFields::propertyName(odd, CrmKind::Salesforce), u"F2024Revenue_SyncDesk__c"_s);

    // Salesforce API names are at most 40 characters before __c.
    const FieldDefinition longKey =
        field(u"a_very_long_custom_field_key_that_goes_on_and_on"_s, u"Long"_s, FieldType::Text);
    const QString sf = MissingFields::propertyName(longKey, CrmKind::Salesforce);
    EXPECT_TRUE(sf.endsWith(u"_SyncDesk__c"_s)) << sf.toStdString();
    EXPECT_EQ(sf.size() - 3, 40) << sf.toStdString();
}

TEST(MissingFields, DefinitionsAreTypedFromTheLocalType) {
    struct Case {
        FieldType type;
        CrmPropertyType crmType;
        const char16_t* hubSpotFieldType;
        const char16_t* salesforceType;
    };
    const Case cases[] = {
        {FieldType::Text, CrmPropertyType::String, u"text", u"string"},
        {FieldType::Url, CrmPropertyType::String, u"text", u"url"},
        {FieldType::Email, CrmPropertyType::String, u"text", u"email"},
        {FieldType::Number, CrmPropertyType::Number, u"number", u"double"},
        {FieldType::Date, CrmPropertyType::Date, u"date", u"date"},
        {FieldType::Boolean, CrmPropertyType::Bool, u"booleancheckbox", u"boolean"},
        {FieldType::Choice, CrmPropertyType::Enumeration, u"select", u"picklist"},
    };
    for (const Case& c : cases) {
        const FieldDefinition f = field(u"x"_s, u"Segment"_s, c.type, {u"A"_s, u"B"_s});
        const CrmProperty hs = MissingFields::propertyDefinition(f, CrmKind::HubSpot);
        const CrmProperty sf = MissingFields::propertyDefinition(f, CrmKind::Salesforce);
        EXPECT_EQ(hs.label, u"Segment (SyncDesk)"_s);
        EXPECT_EQ(sf.label, u"Segment (SyncDesk)"_s);
        EXPECT_EQ(hs.type, c.crmType);
        EXPECT_EQ(sf.type, c.crmType);
        EXPECT_EQ(hs.fieldType, QString::fromUtf16(c.hubSpotFieldType));
        EXPECT_EQ(sf.fieldType, QString::fromUtf16(c.salesforceType));
        // The created property must accept the field: a mapping onto it validates.
        EXPECT_TRUE(MappingValidator::typeFits(c.type, hs)) << fieldTypeName(c.type).toStdString();
        EXPECT_TRUE(MappingValidator::typeFits(c.type, sf)) << fieldTypeName(c.type).toStdString();
        EXPECT_TRUE(hs.isWritable());
    }
    const CrmProperty choice = MissingFields::propertyDefinition(
        field(u"x"_s, u"Segment"_s, FieldType::Choice, {u"A"_s, u"B"_s}), CrmKind::HubSpot);
    EXPECT_EQ(choice.options, (QList<CrmPropertyOption>{{u"A"_s, u"A"_s}, {u"B"_s, u"B"_s}}));
}

TEST(MissingFields, PlanCreatesMapsAndValidates) {
    const QList<FieldDefinition> chosen = {
        field(u"segment"_s, u"Segment"_s, FieldType::Choice, {u"Enterprise"_s, u"SMB"_s}),
        field(u"employees"_s, u"Employees"_s, FieldType::Number),
        field(u"founded"_s, u"Founded"_s, FieldType::Date)};
    QList<CrmProperty> existing = FakeConnector::standardProperties(CrmKind::HubSpot, RecordObject::Company);
    CrmProperty already = MissingFields::propertyDefinition(chosen.at(2), CrmKind::HubSpot);
    already.label = u"Founded (made by hand)"_s;
    existing.append(already);

    const QList<MissingFieldPlan> plans = MissingFields::plan(chosen, CrmKind::HubSpot, existing);
    ASSERT_EQ(plans.size(), 3);
    EXPECT_FALSE(plans.at(0).alreadyExists);
    EXPECT_FALSE(plans.at(1).alreadyExists);
    EXPECT_TRUE(plans.at(2).alreadyExists);
    EXPECT_EQ(plans.at(2).property.label, u"Founded (made by hand)"_s); // the CRM's own definition is kept
    EXPECT_EQ(plans.at(0).target.property, u"syncdesk_segment"_s);
    EXPECT_EQ(plans.at(0).target.strategy, UpdateStrategy::Override);
    EXPECT_EQ(plans.at(0).target.valueMap,
              (QMap<QString, QString>{{u"Enterprise"_s, u"Enterprise"_s}, {u"SMB"_s, u"SMB"_s}}));

    const Mapping before = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
    const Mapping after = MissingFields::addToMapping(before, plans);
    // employees already has a row: the copy is added to it; segment and founded get new rows.
    ASSERT_EQ(after.rows.size(), before.rows.size() + 2);
    const int employeesRow = 2;
    ASSERT_EQ(after.rows.at(employeesRow).fieldKey, u"employees"_s);
    EXPECT_EQ(after.rows.at(employeesRow).targets.size(), 2);
    EXPECT_EQ(after.rows.at(employeesRow).targets.at(1).property, u"syncdesk_employees"_s);
    EXPECT_EQ(after.rows.at(after.rows.size() - 2).fieldKey, u"segment"_s);
    EXPECT_EQ(after.rows.last().fieldKey, u"founded"_s);
    // Adding the same plans again changes nothing.
    EXPECT_EQ(MissingFields::addToMapping(after, plans), after);

    // Once the properties exist on the CRM, the mapping is valid.
    for (const MissingFieldPlan& p : plans) {
        if (!p.alreadyExists)
            existing.append(p.property);
    }
    QList<FieldDefinition> fields = builtInFields(RecordObject::Company);
    fields += {chosen.at(0), chosen.at(2)};
    const QList<MappingProblem> problems =
        MappingValidator::validate(after, fields, existing, ConnectorFacts::forKind(CrmKind::HubSpot));
    EXPECT_TRUE(problems.isEmpty()) << problems.constFirst().message.toStdString();
}

TEST(MissingFields, UniqueIdProperty) {
    const CrmProperty hs =
        MissingFields::uniqueIdPropertyDefinition(ConnectorFacts::forKind(CrmKind::HubSpot));
    EXPECT_EQ(hs.name, u"syncdesk_id"_s);
    EXPECT_TRUE(hs.unique);
    const CrmProperty sf =
        MissingFields::uniqueIdPropertyDefinition(ConnectorFacts::forKind(CrmKind::Salesforce));
    EXPECT_EQ(sf.name, u"SyncDesk_Id__c"_s);
    EXPECT_TRUE(sf.unique);
}
