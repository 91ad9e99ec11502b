// Lookups are batched as tightly as the connector's facts allow; the planner picks the cheaper of
// searching by key and paging through all companies.
#include "tests/sync/PlannerFixture.h"

#include "core/connectors/LookupChunks.h"

#include <cmath>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

QString domainOf(int i) {
    return QStringLiteral("company%1.com").arg(i, 4, 10, QLatin1Char('0')); // 15 characters
}

int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
}

// What listing the default mapping's properties adds to a request of `limits`.
int propertiesChars(const Mapping& mapping, const ConnectorFacts& facts, const LookupLimits& limits) {
    QStringList properties = mapping.targetProperties();
    for (const QString& p : {facts.domainProperty, facts.nameProperty}) {
        if (!properties.contains(p))
            properties.append(p);
    }
    int chars = 0;
    for (const QString& p : properties)
        chars += int(p.size()) + limits.perValueOverheadChars;
    return chars;
}

class LookupBatchingTest : public PlannerFixture {
protected:
    // `selected` companies company0000.com..., the CRM holds every `step`-th of them, and each
    // selected company has one contact; the CRM knows the contacts of the companies it holds,
    // associated with them.
    void populate(int selected, int step, int extraCrmCompanies = 0) {
        for (int i = 0; i < selected; ++i) {
            const qint64 id = company(u"Company "_s + QString::number(i), domainOf(i));
            contact(id, QStringLiteral("person%1@%2").arg(i).arg(domainOf(i)));
            if (i % step == 0) {
                const QString companyId =
                    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"Company "_s + QString::number(i)},
                                                            {u"domain"_s, domainOf(i)}});
                const QString contactId =
                    m_crm.addRecord(RecordObject::Contact,
                                    {{u"email"_s, QStringLiteral("person%1@%2").arg(i).arg(domainOf(i))},
                                     {u"firstname"_s, u"Jane"_s},
                                     {u"lastname"_s, u"Doe"_s}});
                m_crm.addAssociation(contactId, companyId);
            }
        }
        for (int i = 0; i < extraCrmCompanies; ++i)
            m_crm.addRecord(RecordObject::Company, {{u"domain"_s, QStringLiteral("unrelated%1.org").arg(i)}});
    }
};

} // namespace

TEST_F(LookupBatchingTest, ThousandCompaniesSearchInFullChunks) {
    populate(1000, 2);
    m_input.settings.lookup = LookupStrategy::Search;

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());

    // HubSpot: 8 raw variants per key in one IN filter of at most 100 values, in a body of at most
    // 3,000 characters (each variant adds its length plus 3; the skeleton 150 plus the properties).
    const ConnectorFacts& f = m_crm.facts();
    // key, http://key, https://key, https://key/, and the same four with www.
    const int variantChars = 8 * 3 + (15 + 22 + 23 + 24) + (19 + 26 + 27 + 28);
    ASSERT_EQ(variantChars, 208);
    const int base =
        f.domainLookup.requestOverheadChars + propertiesChars(m_input.companyMapping, f, f.domainLookup);
    const int keysPerCall =
        std::min(f.domainLookup.maxValues / 8, (f.domainLookup.maxRequestChars - base) / variantChars);
    EXPECT_EQ(keysPerCall, 12);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), ceilDiv(1000, keysPerCall));
    EXPECT_EQ(p.lookup.companySearchCalls, ceilDiv(1000, keysPerCall));
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 0);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 0); // forced: no need to compare

    const MatchReport report = p.report();
    EXPECT_EQ(report.count(RecordObject::Company, PlanAction::Unchanged), 500);
    EXPECT_EQ(report.count(RecordObject::Company, PlanAction::Create), 500);

    // Contacts: HubSpot batch read by e-mail takes 100 e-mails; associations are read for the 500
    // matched contacts of matched companies, 100 per call.
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FindContacts), ceilDiv(1000, f.emailLookup.maxValues));
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::ReadAssociations), ceilDiv(500, f.maxAssociationReadBatch));
    EXPECT_EQ(report.count(RecordObject::Contact, PlanAction::Unchanged), 500);
    EXPECT_EQ(report.count(RecordObject::Contact, PlanAction::Create), 500);

    // Never one call per record: 2 schema + 84 searches + 10 + 5 calls for 2,000 records.
    EXPECT_EQ(p.lookup.total(), m_crm.totalCalls());
    EXPECT_EQ(m_crm.totalCalls(), 2 + 84 + 10 + 5);
}

TEST_F(LookupBatchingTest, AutoPagesThroughASmallCrm) {
    populate(1000, 2); // 84 searches vs. 500 companies = 5 pages of 100
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::ListAll);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 5);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 0);
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::Unchanged), 500);
}

TEST_F(LookupBatchingTest, AutoSearchesALargeCrmForASmallSelection) {
    populate(30, 3, 5000); // 3 searches vs. 5,010 companies = 51 pages
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::Search);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 3);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 0);
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::Unchanged), 10);

    // One chunk: searched without counting first.
    m_input.companies = m_input.companies.mid(0, 5);
    m_input.contacts.clear();
    const SyncPlan small = plan();
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 0);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 1);
    EXPECT_EQ(small.report().count(RecordObject::Company, PlanAction::Unchanged), 2);
}

TEST_F(LookupBatchingTest, SearchPagesAreFollowed) {
    // Many CRM records share few keys: one search call's results span several pages.
    for (int i = 0; i < 450; ++i)
        m_crm.addRecord(RecordObject::Company, {{u"domain"_s, u"crowded.com"_s}});
    company(u"Crowded"_s, u"crowded.com"_s);
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 3); // 200 + 200 + 50
    EXPECT_EQ(p.companies.at(0).match.candidates.size(), 450);
    EXPECT_EQ(p.companies.at(0).action, PlanAction::Ambiguous);
}

TEST_F(LookupBatchingTest, ListPagingIsFollowedOnSalesforce) {
    m_crm = FakeConnector(CrmKind::Salesforce);
    m_input.companyMapping = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Company);
    m_input.contactMapping = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Contact);
    m_input.settings = SyncSettings::defaultsFor(CrmKind::Salesforce);
    m_input.settings.lookup = LookupStrategy::ListAll;
    for (int i = 0; i < 4500; ++i)
        m_crm.addRecord(RecordObject::Company, {{u"Name"_s, u"N"_s}, {u"Website"_s, domainOf(i)}});
    company(u"Company 4321"_s, u"https://www."_s + domainOf(4321));
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 3); // pages of 2,000
    EXPECT_EQ(p.companies.at(0).match.candidates.size(), 1);
    EXPECT_EQ(p.companies.at(0).match.candidates.at(0).rawValue, domainOf(4321));
}

TEST_F(LookupBatchingTest, SalesforceSearchRespectsTheUrlLimit) {
    m_crm = FakeConnector(CrmKind::Salesforce);
    m_input.companyMapping = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Company);
    m_input.contactMapping = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Contact);
    m_input.settings = SyncSettings::defaultsFor(CrmKind::Salesforce);
    m_input.settings.lookup = LookupStrategy::Search;
    for (int i = 0; i < 1000; ++i)
        company(u"C"_s, domainOf(i));

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const ConnectorFacts& f = m_crm.facts();
    const int base =
        f.domainLookup.requestOverheadChars + propertiesChars(m_input.companyMapping, f, f.domainLookup);
    const int keysPerCall =
        (f.domainLookup.maxRequestChars - base) / (15 + f.domainLookup.perValueOverheadChars);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), ceilDiv(1000, keysPerCall));
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 3);
}

TEST(LookupChunks, GreedyAndOrderPreserving) {
    const LookupLimits limits{5, 40, 10, 2};
    const QStringList items = {
        u"aaaa"_s, u"bbbb"_s, u"cccc"_s, u"dddd"_s, u"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"_s, u"f"_s};
    bool allFit = true;
    const QList<QStringList> chunks = chunkLookup(
        items, limits, limits.requestOverheadChars,
        [&limits](const QString& s) {
            return LookupItemCost{1, int(s.size()) + limits.perValueOverheadChars};
        },
        &allFit);
    // 10 + 4 x 6 = 34 <= 40; the long item (42 characters) does not fit anywhere: alone, and reported.
    EXPECT_EQ(chunks, (QList<QStringList>{{u"aaaa"_s, u"bbbb"_s, u"cccc"_s, u"dddd"_s},
                                          {u"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"_s},
                                          {u"f"_s}}));
    EXPECT_FALSE(allFit);

    const QList<QStringList> byCount =
        chunkLookup(QStringList(12, u"x"_s), LookupLimits{5, 0, 0, 0}, 0, [](const QString&) {
            return LookupItemCost{1, 1};
        });
    ASSERT_EQ(byCount.size(), 3);
    EXPECT_EQ(byCount.at(2).size(), 2);
    EXPECT_TRUE(chunkLookup({}, limits, 0, [](const QString&) { return LookupItemCost{}; }).isEmpty());
}

TEST(LookupChunks, DomainVariants) {
    const QStringList v = domainSearchVariants(u"test.com"_s);
    EXPECT_EQ(v, (QStringList{u"test.com"_s, u"http://test.com"_s, u"https://test.com"_s,
                              u"https://test.com/"_s, u"www.test.com"_s, u"http://www.test.com"_s,
                              u"https://www.test.com"_s, u"https://www.test.com/"_s}));
    // IDNs: the CRM may hold either form.
    const QStringList idn = domainSearchVariants(u"xn--mnchen-3ya.de"_s);
    EXPECT_EQ(idn.size(), 16);
    EXPECT_TRUE(idn.contains(u"münchen.de"_s));
    EXPECT_TRUE(idn.contains(u"https://www.xn--mnchen-3ya.de/"_s));
}

TEST(LookupChunks, ConnectorRefusesSearchItCannotServe) {
    FakeConnector hubSpot(CrmKind::HubSpot);
    const QStringList keys{u"a.com"_s, u"b.com"_s};
    EXPECT_TRUE(hubSpot.domainLookupChunks(keys, DomainPolicy::Host, {}).has_value());
    EXPECT_FALSE(hubSpot.domainLookupChunks(keys, DomainPolicy::Registrable, {}).has_value());
    FakeConnector salesforce(CrmKind::Salesforce);
    EXPECT_TRUE(salesforce.domainLookupChunks(keys, DomainPolicy::Registrable, {}).has_value());
    hubSpot.mutableFacts().domainSearch = DomainSearchMode::None;
    EXPECT_FALSE(hubSpot.domainLookupChunks(keys, DomainPolicy::Host, {}).has_value());
    // A properties list too long for any request: no search.
    FakeConnector tight(CrmKind::HubSpot);
    EXPECT_FALSE(
        tight.domainLookupChunks(keys, DomainPolicy::Host, QStringList(200, u"a_long_property_name"_s))
            .has_value());
}
