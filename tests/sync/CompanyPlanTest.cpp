// The company half of the plan: matching by domain key, modes, strategies, explanations.
#include "tests/sync/PlannerFixture.h"

#include "core/domain/DomainKey.h"

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class CompanyPlanTest : public PlannerFixture {};

class SalesforceCompanyPlanTest : public PlannerFixture {
protected:
    SalesforceCompanyPlanTest()
        : PlannerFixture(CrmKind::Salesforce) {}
};

} // namespace

TEST_F(CompanyPlanTest, CreateUpdateAndUnchanged) {
    m_crm.addRecord(RecordObject::Company,
                    {{u"name"_s, u"Test Inc"_s}, {u"domain"_s, u"test.com"_s}, {u"city"_s, u"Paris"_s}});
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"Same"_s},
                                            {u"domain"_s, u"same.io"_s},
                                            {u"city"_s, u"Oslo"_s},
                                            {u"numberofemployees"_s, u"50.0"_s}});
    const qint64 update = company(u"Test"_s, u"https://www.test.com/app"_s, {{u"city"_s, u"Berlin"_s}});
    const qint64 create =
        company(u"New Co"_s, u"new.com"_s, {{u"city"_s, u"Rome"_s}, {u"employees"_s, u"12"_s}});
    const qint64 same = company(u"Same"_s, u"same.io"_s, {{u"city"_s, u"Oslo"_s}, {u"employees"_s, u"50"_s}});

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());

    const RecordPlan& u = companyOf(p, update);
    EXPECT_EQ(u.action, PlanAction::Update) << describe(u);
    EXPECT_FALSE(u.crmId.isEmpty());
    // Override writes the differing city; name and domain are Update-if-empty and the CRM has values.
    ASSERT_EQ(u.changes.size(), 1) << describe(u);
    EXPECT_EQ(u.changes.at(0),
              (PropertyChange{u"city"_s, u"Paris"_s, u"Berlin"_s, ChangeStrategy::Override, u"city"_s}));

    const RecordPlan& c = companyOf(p, create);
    EXPECT_EQ(c.action, PlanAction::Create) << describe(c);
    EXPECT_TRUE(c.crmId.isEmpty());
    // Every non-empty mapped value, whatever the strategy, in mapping order.
    QStringList written;
    for (const PropertyChange& ch : c.changes) {
        EXPECT_EQ(ch.strategy, ChangeStrategy::Create);
        EXPECT_TRUE(ch.before.isEmpty());
        written.append(ch.property + u'=' + ch.after);
    }
    EXPECT_EQ(written, (QStringList{u"name=New Co"_s, u"domain=new.com"_s, u"numberofemployees=12"_s,
                                    u"city=Rome"_s}));

    // 50 vs "50.0": numbers compare as numbers, so nothing to write.
    const RecordPlan& s = companyOf(p, same);
    EXPECT_EQ(s.action, PlanAction::Unchanged) << describe(s);
    EXPECT_TRUE(s.changes.isEmpty());

    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::Search);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 2); // the census and one chunk of keys
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FetchProperties), 1);
    // Planning writes nothing.
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Create) + m_crm.calls(FakeConnector::Op::Update) +
                  m_crm.calls(FakeConnector::Op::Upsert) + m_crm.calls(FakeConnector::Op::Associate),
              0);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 2);
}

// Every company mode x update strategy x (local value, CRM value) combination.
TEST_F(CompanyPlanTest, EveryModeAndStrategyCombination) {
    addField(RecordObject::Company, u"note"_s, FieldType::Text);
    CrmProperty note;
    note.name = u"note_p"_s;
    note.type = CrmPropertyType::String;
    m_crm.addProperty(RecordObject::Company, note);

    enum class Expect { Nothing, Write, Clear };
    struct Case {
        const char16_t* local;
        const char16_t* crm;
        Expect expect;
    };
    struct Config {
        UpdateStrategy strategy;
        bool clear;
        ChangeStrategy writeStrategy;
        QList<Case> cases;
    };
    const QList<Config> configs = {
        {UpdateStrategy::Override,
         false,
         ChangeStrategy::Override,
         {{u"", u"", Expect::Nothing},
          {u"", u"x", Expect::Nothing}, // an empty local value never clears...
          {u"a", u"", Expect::Write},
          {u"a", u"a", Expect::Nothing},
          {u"a", u"x", Expect::Write}}},
        {UpdateStrategy::Override,
         true,
         ChangeStrategy::Override,
         {{u"", u"", Expect::Nothing},
          {u"", u"x", Expect::Clear}, // ...unless the row says "clear when empty"
          {u"a", u"", Expect::Write},
          {u"a", u"a", Expect::Nothing},
          {u"a", u"x", Expect::Write}}},
        {UpdateStrategy::UpdateIfEmpty,
         false,
         ChangeStrategy::UpdateIfEmpty,
         {{u"", u"", Expect::Nothing},
          {u"", u"x", Expect::Nothing},
          {u"a", u"", Expect::Write},
          {u"a", u"a", Expect::Nothing},
          {u"a", u"x", Expect::Nothing}}},
    };

    for (CompanySyncMode mode : {CompanySyncMode::CreateAndUpdate, CompanySyncMode::UpdateOnly}) {
        for (const Config& config : configs) {
            SCOPED_TRACE(companySyncModeName(mode).toStdString() + " " +
                         updateStrategyName(config.strategy).toStdString() + (config.clear ? " clear" : ""));
            m_input.companies.clear();
            m_crm = FakeConnector(CrmKind::HubSpot);
            m_crm.addProperty(RecordObject::Company, note);
            m_input.settings.companyMode = mode;
            m_input.companyMapping = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
            m_input.companyMapping.rows.append(
                MappingRow{u"note"_s, {MappingTarget{u"note_p"_s, config.strategy, config.clear, {}}}});

            QList<qint64> ids;
            for (int i = 0; i < config.cases.size(); ++i) {
                const QString domain = QStringLiteral("c%1.example.com").arg(i);
                CrmValues crmValues{{u"domain"_s, domain}, {u"name"_s, domain}};
                if (!QString::fromUtf16(config.cases.at(i).crm).isEmpty())
                    crmValues.insert(u"note_p"_s, QString::fromUtf16(config.cases.at(i).crm));
                m_crm.addRecord(RecordObject::Company, crmValues);
                ids.append(
                    company(domain, domain, {{u"note"_s, QString::fromUtf16(config.cases.at(i).local)}}));
            }
            const qint64 unmatchedWith = company(u"Fresh"_s, u"fresh.example.org"_s, {{u"note"_s, u"a"_s}});
            const qint64 unmatchedEmpty = company(u"Blank"_s, u"blank.example.org"_s, {{u"note"_s, u""_s}});

            const SyncPlan p = plan();
            ASSERT_TRUE(p.ok());
            for (int i = 0; i < config.cases.size(); ++i) {
                const Case& c = config.cases.at(i);
                const RecordPlan& r = companyOf(p, ids.at(i));
                SCOPED_TRACE("local '" + QString::fromUtf16(c.local).toStdString() + "' crm '" +
                             QString::fromUtf16(c.crm).toStdString() + "': " + describe(r));
                const PropertyChange* ch = change(r, u"note_p"_s);
                switch (c.expect) {
                case Expect::Nothing:
                    EXPECT_EQ(ch, nullptr);
                    EXPECT_EQ(r.action, PlanAction::Unchanged); // a no-op costs no write
                    break;
                case Expect::Write:
                    ASSERT_NE(ch, nullptr);
                    EXPECT_EQ(ch->after, QString::fromUtf16(c.local));
                    EXPECT_EQ(ch->before, QString::fromUtf16(c.crm));
                    EXPECT_EQ(ch->strategy, config.writeStrategy);
                    EXPECT_EQ(r.action, PlanAction::Update);
                    break;
                case Expect::Clear:
                    ASSERT_NE(ch, nullptr);
                    EXPECT_TRUE(ch->after.isEmpty());
                    EXPECT_EQ(ch->before, QString::fromUtf16(c.crm));
                    EXPECT_EQ(ch->strategy, ChangeStrategy::ClearWhenEmpty);
                    EXPECT_EQ(r.action, PlanAction::Update);
                    break;
                }
            }
            const RecordPlan& fresh = companyOf(p, unmatchedWith);
            const RecordPlan& blank = companyOf(p, unmatchedEmpty);
            if (mode == CompanySyncMode::CreateAndUpdate) {
                EXPECT_EQ(fresh.action, PlanAction::Create);
                ASSERT_NE(change(fresh, u"note_p"_s), nullptr); // create writes whatever the strategy
                EXPECT_EQ(change(fresh, u"note_p"_s)->strategy, ChangeStrategy::Create);
                EXPECT_EQ(blank.action, PlanAction::Create);
                EXPECT_EQ(change(blank, u"note_p"_s), nullptr); // but never an empty value
            } else {
                for (const RecordPlan* r : {&fresh, &blank}) {
                    EXPECT_EQ(r->action, PlanAction::Skipped);
                    EXPECT_EQ(r->reason, PlanReason::NewUnderUpdateOnly);
                    EXPECT_TRUE(r->changes.isEmpty());
                    EXPECT_FALSE(r->reasonText.isEmpty());
                }
            }
        }
    }
}

TEST_F(CompanyPlanTest, HostPolicyKeepsSubdomainsApart) {
    const QString sub =
        m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"US"_s}, {u"domain"_s, u"us.test.com"_s}});
    const qint64 root = company(u"Test"_s, u"test.com"_s);
    const qint64 us = company(u"Test US"_s, u"https://US.test.com/en"_s);

    m_input.settings.policy = DomainPolicy::Host;
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(companyOf(p, root).action, PlanAction::Create);
    EXPECT_EQ(companyOf(p, root).match.key, u"test.com"_s);
    EXPECT_EQ(companyOf(p, root).match.policy, u"host"_s);
    EXPECT_EQ(companyOf(p, us).crmId, sub);
    EXPECT_EQ(companyOf(p, us).match.key, u"us.test.com"_s);
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::Search);
}

TEST_F(CompanyPlanTest, RegistrablePolicyMatchesSubdomainsByPagingOnHubSpot) {
    const QString sub =
        m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"US"_s}, {u"domain"_s, u"us.test.com"_s}});
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"Other"_s}, {u"domain"_s, u"other.org"_s}});
    const qint64 root = company(u"Test"_s, u"test.com"_s);

    m_input.settings.policy = DomainPolicy::Registrable;
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const RecordPlan& r = companyOf(p, root);
    EXPECT_EQ(r.crmId, sub) << describe(r);
    EXPECT_EQ(r.match.policy, u"registrable"_s);
    ASSERT_EQ(r.match.candidates.size(), 1);
    EXPECT_EQ(r.match.candidates.at(0).rawValue, u"us.test.com"_s);
    // HubSpot's exact-value search would miss "us.test.com": the planner pages through all companies.
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::ListAll);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 0);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 1);
}

TEST_F(SalesforceCompanyPlanTest, RegistrablePolicySearchesBySubstringAndDropsFalsePositives) {
    const QString sub =
        m_crm.addRecord(RecordObject::Company,
                        {{u"Name"_s, u"Shop"_s}, {u"Website"_s, u"http://shop.example.co.uk:8080/x"_s}});
    m_crm.addRecord(RecordObject::Company,
                    {{u"Name"_s, u"Lookalike"_s}, {u"Website"_s, u"www.notexample.co.uk"_s}});
    const qint64 local = company(u"Example"_s, u"example.co.uk"_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.settings.policy, DomainPolicy::Registrable); // Salesforce's default
    const RecordPlan& r = companyOf(p, local);
    EXPECT_EQ(r.crmId, sub) << describe(r);
    ASSERT_EQ(r.match.candidates.size(), 1); // "notexample.co.uk" contains the key but is another company
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::Search);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 1);
}

TEST_F(CompanyPlanTest, AmbiguousIsSkippedByDefault) {
    // The newer record comes first in the CRM's order: candidates are ordered by age, not by CRM order.
    const QString newer =
        m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"B"_s}, {u"domain"_s, u"test.com"_s}},
                        QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC));
    const QString older = m_crm.addRecord(RecordObject::Company,
                                          {{u"name"_s, u"A"_s}, {u"domain"_s, u"https://www.test.com/"_s}},
                                          QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    const qint64 local = company(u"Test"_s, u"test.com"_s, {{u"city"_s, u"Berlin"_s}});

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const RecordPlan& r = companyOf(p, local);
    EXPECT_EQ(r.action, PlanAction::Ambiguous);
    EXPECT_EQ(r.reason, PlanReason::AmbiguousInCrm);
    EXPECT_TRUE(r.crmId.isEmpty());
    EXPECT_TRUE(r.changes.isEmpty());
    ASSERT_EQ(r.match.candidates.size(), 2);
    EXPECT_EQ(r.match.candidates.at(0).id, older);
    EXPECT_EQ(r.match.candidates.at(0).rawValue, u"https://www.test.com/"_s);
    EXPECT_EQ(r.match.candidates.at(1).id, newer);
    EXPECT_EQ(r.match.candidates.at(1).rawValue, u"test.com"_s);
    EXPECT_TRUE(r.reasonText.contains(older) && r.reasonText.contains(newer)) << r.reasonText.toStdString();
}

TEST_F(CompanyPlanTest, AmbiguousCanUpdateTheOldest) {
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"B"_s}, {u"domain"_s, u"test.com"_s}},
                    QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC));
    const QString older =
        m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"A"_s}, {u"domain"_s, u"www.test.com"_s}},
                        QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    const qint64 local = company(u"Test"_s, u"test.com"_s, {{u"city"_s, u"Berlin"_s}});
    m_input.settings.ambiguous = AmbiguousHandling::UpdateOldest;

    const SyncPlan p = plan();
    const RecordPlan& r = companyOf(p, local);
    EXPECT_EQ(r.action, PlanAction::Update) << describe(r);
    EXPECT_EQ(r.crmId, older);
    EXPECT_TRUE(r.match.oldestChosen);
    EXPECT_EQ(r.match.candidates.size(), 2);
    EXPECT_TRUE(r.match.notes().join(u' ').contains(u"oldest"_s)) << r.match.notes().join(u' ').toStdString();
    ASSERT_NE(change(r, u"city"_s), nullptr);
}

TEST_F(CompanyPlanTest, DuplicateInWorkspaceOnlyFirstIsSynced) {
    const qint64 first = company(u"Test"_s, u"test.com"_s);
    const qint64 second = company(u"Test again"_s, u"http://www.TEST.com/contact"_s);
    const qint64 other = company(u"Other"_s, u"other.com"_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(companyOf(p, first).action, PlanAction::Create);
    const RecordPlan& d = companyOf(p, second);
    EXPECT_EQ(d.action, PlanAction::Duplicate);
    EXPECT_EQ(d.reason, PlanReason::DuplicateInWorkspace);
    EXPECT_EQ(d.match.duplicateOf, first);
    EXPECT_EQ(d.match.key, u"test.com"_s);
    EXPECT_TRUE(d.changes.isEmpty());
    EXPECT_EQ(companyOf(p, other).action, PlanAction::Create);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 2); // the census and one chunk of keys
}

TEST_F(CompanyPlanTest, FallbackRowSuppliesTheKeyAndIsNamed) {
    // Website first, then Domain, both onto `domain`: a fallback chain.
    m_input.companyMapping.rows.append(
        MappingRow{u"domain"_s, {MappingTarget{u"domain"_s, UpdateStrategy::UpdateIfEmpty, false, {}}}});
    const QString existing =
        m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"Acme"_s}, {u"domain"_s, u"acme.io"_s}});
    const qint64 emptyWebsite = company(u"Acme"_s, u""_s, {{u"domain"_s, u"acme.io"_s}});
    const qint64 naWebsite = company(u"Beta"_s, u"n/a"_s, {{u"domain"_s, u"beta.io"_s}});
    const qint64 both = company(u"Gamma"_s, u"gamma.io"_s, {{u"domain"_s, u"gamma-other.io"_s}});
    const qint64 ipWebsite = company(u"Delta"_s, u"192.168.1.10"_s, {{u"domain"_s, u"delta.io"_s}});

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());

    const RecordPlan& a = companyOf(p, emptyWebsite);
    EXPECT_EQ(a.crmId, existing);
    EXPECT_EQ(a.match.field, u"domain"_s);
    EXPECT_EQ(a.match.fieldLabel, u"Domain"_s);
    EXPECT_TRUE(a.match.fallback);
    EXPECT_EQ(a.match.skippedField, u"website"_s);
    EXPECT_EQ(a.match.rawValue, u"acme.io"_s);
    EXPECT_TRUE(a.match.notes().join(u' ').contains(u"Domain"_s)) << a.match.notes().join(u' ').toStdString();

    // "n/a" means no website: the Domain supplies the key, and the create writes Domain's value,
    // not "n/a", into `domain` (the same fallback chain).
    const RecordPlan& b = companyOf(p, naWebsite);
    EXPECT_EQ(b.action, PlanAction::Create);
    EXPECT_EQ(b.match.key, u"beta.io"_s);
    EXPECT_TRUE(b.match.fallback);
    ASSERT_NE(change(b, u"domain"_s), nullptr);
    EXPECT_EQ(change(b, u"domain"_s)->after, u"beta.io"_s);
    EXPECT_EQ(change(b, u"domain"_s)->fieldKey, u"domain"_s);

    // Website wins when it has a value.
    const RecordPlan& g = companyOf(p, both);
    EXPECT_EQ(g.match.key, u"gamma.io"_s);
    EXPECT_EQ(g.match.field, u"website"_s);
    EXPECT_FALSE(g.match.fallback);
    EXPECT_EQ(change(g, u"domain"_s)->after, u"gamma.io"_s);

    // A website that is not empty but gives no key does not fall back: no key, with the reason.
    const RecordPlan& d = companyOf(p, ipWebsite);
    EXPECT_EQ(d.action, PlanAction::NoKey);
    EXPECT_EQ(d.match.field, u"website"_s);
    EXPECT_FALSE(d.match.noKeyReason.isEmpty());
}

// HubSpot's `domain` holds a domain name, not a URL: SyncDesk writes the normalised host there, so
// the record is found again by its key (a raw URL with a path would not be), and Override compares
// by host, so "www.acme.com" and "https://acme.com/" are the same value.
TEST_F(CompanyPlanTest, HubSpotDomainGetsTheNormalisedHost) {
    m_input.companyMapping.rows[1].targets[0].strategy = UpdateStrategy::Override;
    ASSERT_EQ(m_input.companyMapping.rows[1].targets[0].property, u"domain"_s);
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"Same"_s}, {u"domain"_s, u"www.same.io"_s}});
    const QString moved = m_crm.addRecord(RecordObject::Company,
                                          {{u"name"_s, u"Moved"_s}, {u"domain"_s, u"https://moved.io/"_s}});
    const qint64 create = company(u"Quill"_s, u"https://www.Quill.co.uk/about?ref=crm#team"_s);
    const qint64 idn = company(u"München"_s, u"http://www.münchen.de/"_s);
    const qint64 same = company(u"Same"_s, u"https://same.io/"_s);
    const qint64 move = company(u"Moved"_s, u"moved.io"_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const RecordPlan& c = companyOf(p, create);
    EXPECT_EQ(c.action, PlanAction::Create) << describe(c);
    ASSERT_NE(change(c, u"domain"_s), nullptr);
    EXPECT_EQ(change(c, u"domain"_s)->after, u"quill.co.uk"_s);
    ASSERT_NE(change(companyOf(p, idn), u"domain"_s), nullptr);
    EXPECT_EQ(change(companyOf(p, idn), u"domain"_s)->after, u"münchen.de"_s); // Unicode, for people

    const RecordPlan& s = companyOf(p, same);
    EXPECT_EQ(s.action, PlanAction::Unchanged) << describe(s);

    // A CRM value written as a URL is the same host too: nothing to write for the domain.
    const RecordPlan& m = companyOf(p, move);
    EXPECT_EQ(m.crmId, moved) << describe(m);
    EXPECT_EQ(change(m, u"domain"_s), nullptr) << describe(m);
}

// Salesforce's Website is a URL field: the local value is written as it is.
TEST_F(SalesforceCompanyPlanTest, WebsiteKeepsTheLocalValue) {
    const qint64 create = company(u"Quill"_s, u"https://www.quill.co.uk/about"_s);
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const RecordPlan& c = companyOf(p, create);
    ASSERT_NE(change(c, u"Website"_s), nullptr) << describe(c);
    EXPECT_EQ(change(c, u"Website"_s)->after, u"https://www.quill.co.uk/about"_s);
}

TEST_F(CompanyPlanTest, SeveralUrlsUseTheFirstAndSaySo) {
    const qint64 local = company(u"Multi"_s, u"https://a-company.com, https://b-company.com"_s);
    const SyncPlan p = plan();
    const RecordPlan& r = companyOf(p, local);
    EXPECT_EQ(r.match.key, u"a-company.com"_s);
    EXPECT_TRUE(r.match.severalValues);
    EXPECT_EQ(r.match.usedValue, u"https://a-company.com"_s);
    EXPECT_EQ(r.match.rawValue, u"https://a-company.com, https://b-company.com"_s);
    EXPECT_TRUE(r.match.notes().join(u' ').contains(u"https://a-company.com"_s));
    const QJsonObject json = r.toJson();
    EXPECT_EQ(json.value(u"match"_s).toObject().value(u"used_value"_s).toString(),
              u"https://a-company.com"_s);
}

TEST_F(CompanyPlanTest, NoKeyReasonsAndNoLookupWithoutKeys) {
    const QStringList values = {u""_s,         u"n/a"_s,          u"localhost"_s,    u"acme"_s,
                                u"co.uk"_s,    u"jane@acme.io"_s, u"192.168.1.10"_s, u"mailto:jane@acme.io"_s,
                                u"acme..com"_s};
    QList<qint64> ids;
    for (const QString& v : values)
        ids.append(company(u"X"_s, v));
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    for (int i = 0; i < values.size(); ++i) {
        const RecordPlan& r = companyOf(p, ids.at(i));
        SCOPED_TRACE(values.at(i).toStdString());
        EXPECT_EQ(r.action, PlanAction::NoKey);
        EXPECT_EQ(r.reason, PlanReason::NoKey);
        EXPECT_EQ(r.match.noKeyReason, DomainKey::compute(values.at(i), DomainPolicy::Host).reasonText());
        EXPECT_FALSE(r.match.noKeyReason.isEmpty());
        EXPECT_TRUE(r.reasonText.contains(r.match.noKeyReason));
        EXPECT_EQ(r.match.rawValue, values.at(i));
    }
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain) + m_crm.calls(FakeConnector::Op::List) +
                  m_crm.calls(FakeConnector::Op::Count),
              0);
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::NoKey), values.size());
}

TEST_F(CompanyPlanTest, ValueMapsAndPreflightRefusalOfUnmappedChoices) {
    m_input.companyMapping.rows.append(
        MappingRow{u"industry"_s,
                   {MappingTarget{u"industry"_s,
                                  UpdateStrategy::Override,
                                  false,
                                  {{u"Software"_s, u"COMPUTER_SOFTWARE"_s}, {u"Shops"_s, u"RETAIL"_s}}}}});
    const QString existing =
        m_crm.addRecord(RecordObject::Company,
                        {{u"name"_s, u"S"_s}, {u"domain"_s, u"soft.com"_s}, {u"industry"_s, u"RETAIL"_s}});
    const qint64 mapped = company(u"Soft"_s, u"soft.com"_s, {{u"industry"_s, u"Software"_s}});
    const qint64 unmapped = company(u"Bio"_s, u"bio.com"_s, {{u"industry"_s, u"Biotech"_s}});
    const qint64 noIndustry = company(u"Plain"_s, u"plain.com"_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const RecordPlan& m = companyOf(p, mapped);
    EXPECT_EQ(m.crmId, existing);
    ASSERT_NE(change(m, u"industry"_s), nullptr) << describe(m);
    EXPECT_EQ(change(m, u"industry"_s)->before, u"RETAIL"_s);
    EXPECT_EQ(change(m, u"industry"_s)->after, u"COMPUTER_SOFTWARE"_s);

    // A value the map does not cover: the record is invalid (never sent), the message says why;
    // the other records are planned as usual.
    const RecordPlan& u = companyOf(p, unmapped);
    EXPECT_EQ(u.action, PlanAction::Invalid);
    EXPECT_EQ(u.reason, PlanReason::InvalidValue);
    EXPECT_TRUE(u.reasonText.contains(u"Industry"_s) && u.reasonText.contains(u"Biotech"_s) &&
                u.reasonText.contains(u"industry"_s))
        << u.reasonText.toStdString();
    EXPECT_TRUE(u.changes.isEmpty());
    EXPECT_EQ(companyOf(p, noIndustry).action, PlanAction::Create);
}

TEST_F(CompanyPlanTest, MappingErrorsRefuseThePlan) {
    m_input.companyMapping.rows.append(MappingRow{
        u"industry"_s,
        {MappingTarget{u"industry"_s, UpdateStrategy::Override, false, {{u"Software"_s, u"SOFTWARE"_s}}}}});
    company(u"Soft"_s, u"soft.com"_s, {{u"industry"_s, u"Software"_s}});
    const SyncPlan p = plan();
    EXPECT_FALSE(p.ok());
    EXPECT_FALSE(p.error.has_value());
    ASSERT_EQ(p.problems.size(), 1);
    EXPECT_EQ(p.problems.at(0).code, MappingProblem::Code::ValueMapUnknownOption);
    EXPECT_TRUE(p.companies.isEmpty());
    // Only the schema was read.
    EXPECT_EQ(m_crm.totalCalls(), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FetchProperties), 1);
}

TEST_F(CompanyPlanTest, GivenPropertiesAreNotFetchedAgain) {
    m_input.companyProperties = FakeConnector::standardProperties(CrmKind::HubSpot, RecordObject::Company);
    company(u"A"_s, u"a.com"_s);
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FetchProperties), 0);
    EXPECT_EQ(p.lookup.schemaCalls, 0);
    EXPECT_EQ(p.lookup.total(), m_crm.totalCalls());
}

TEST_F(SalesforceCompanyPlanTest, RequiredPropertyMissingOnCreateIsInvalid) {
    const qint64 nameless = company(u""_s, u"nameless.com"_s);
    const qint64 named = company(u"Named"_s, u"named.com"_s);
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const RecordPlan& r = companyOf(p, nameless);
    EXPECT_EQ(r.action, PlanAction::Invalid);
    EXPECT_TRUE(r.reasonText.contains(u"Name"_s)) << r.reasonText.toStdString();
    EXPECT_EQ(companyOf(p, named).action, PlanAction::Create);
}

TEST_F(SalesforceCompanyPlanTest, TooLongValueIsInvalid) {
    const qint64 local = company(QString(300, u'x'), u"long.com"_s);
    const SyncPlan p = plan();
    const RecordPlan& r = companyOf(p, local);
    EXPECT_EQ(r.action, PlanAction::Invalid);
    EXPECT_TRUE(r.reasonText.contains(u"255"_s)) << r.reasonText.toStdString();
}

TEST_F(CompanyPlanTest, LookupFailureAndCancellationLeaveNoPartialPlan) {
    company(u"A"_s, u"a.com"_s);
    CrmError e;
    e.kind = CrmErrorKind::DailyLimit;
    e.httpStatus = 429;
    e.message = u"You have reached your daily limit."_s;
    m_crm.failNext(FakeConnector::Op::SearchDomain, e);
    SyncPlan p = plan();
    EXPECT_FALSE(p.ok());
    ASSERT_TRUE(p.error.has_value());
    EXPECT_EQ(p.error->kind, CrmErrorKind::DailyLimit);
    EXPECT_TRUE(p.companies.isEmpty());

    SyncPlanner planner(m_crm);
    int calls = 0;
    planner.setProgressCallback([&calls](const PlanProgress& progress) { calls = progress.calls; });
    planner.setCancelCheck([&calls] { return calls >= 1; }); // cancel after the schema call
    p = planner.plan(m_input);
    ASSERT_TRUE(p.error.has_value());
    EXPECT_EQ(p.error->kind, CrmErrorKind::Cancelled);
    EXPECT_EQ(calls, 1);
}
