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

// Keys of `valueChars` characters (with quotes and comma) per HubSpot request: IN filters of at most
// maxValues values in at most maxFilterGroups groups, each group after the first adding its skeleton,
// within the body limit.
int exactKeysPerCall(const ConnectorFacts& f, int base, int valueChars) {
    int best = 0;
    for (int n = 1; n <= f.domainLookup.maxValues * f.maxFilterGroups; ++n) {
        const int groups = ceilDiv(n, f.domainLookup.maxValues);
        if (base + (groups - 1) * f.domainLookup.perGroupOverheadChars + n * valueChars <=
            f.domainLookup.maxRequestChars)
            best = n;
    }
    return best;
}

TEST_F(LookupBatchingTest, ThousandCompaniesSearchInFullChunks) {
    populate(1000, 2);
    m_input.settings.lookup = LookupStrategy::Search;

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());

    // HubSpot: one value per key (company0000.com: 15 characters, plus quotes and comma) spread over
    // IN filters of 100 values in up to 5 filter groups, in a body of at most 3,000 characters (the
    // skeleton 150 plus the properties, 70 per further group), and one census search for the raw
    // forms (www., schemes, paths...) that exact values cannot find.
    const ConnectorFacts& f = m_crm.facts();
    const int base =
        f.domainLookup.requestOverheadChars + propertiesChars(m_input.companyMapping, f, f.domainLookup);
    const int keysPerCall = exactKeysPerCall(f, base, 15 + f.domainLookup.perValueOverheadChars);
    EXPECT_EQ(keysPerCall, 149); // two filter groups
    const int searches = 1 + ceilDiv(1000, keysPerCall);
    EXPECT_EQ(searches, 8);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), searches);
    EXPECT_EQ(p.lookup.companySearchCalls, searches);
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

    // Never one call per record: 2 schema + 8 searches + 10 + 5 calls for 2,000 records.
    EXPECT_EQ(p.lookup.total(), m_crm.totalCalls());
    EXPECT_EQ(m_crm.totalCalls(), 2 + 8 + 10 + 5);
}

TEST_F(LookupBatchingTest, AutoPagesThroughASmallCrm) {
    populate(1000, 2); // 8 searches vs. 500 companies = 5 pages of 100
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::ListAll);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 5);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 0);
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::Unchanged), 500);
}

TEST_F(LookupBatchingTest, AutoSearchesALargeCrmForASmallSelection) {
    populate(400, 3, 5000); // a census + 3 searches vs. 5,134 companies = 52 pages
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::Search);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 4);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 0);
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::Unchanged), 134);

    // A census and one chunk: searched without counting first (a count could at best tie).
    m_input.companies = m_input.companies.mid(0, 30);
    m_input.contacts.clear();
    const SyncPlan small = plan();
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 0);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 2);
    EXPECT_EQ(small.report().count(RecordObject::Company, PlanAction::Unchanged), 10);
}

TEST_F(LookupBatchingTest, SearchPagesAreFollowed) {
    // Many CRM records share few keys: one search call's results span several pages.
    for (int i = 0; i < 450; ++i)
        m_crm.addRecord(RecordObject::Company, {{u"domain"_s, u"crowded.com"_s}});
    company(u"Crowded"_s, u"crowded.com"_s);
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 1 + 3); // census, then 200 + 200 + 50
    EXPECT_EQ(p.companies.at(0).match.candidates.size(), 450);
    EXPECT_EQ(p.companies.at(0).action, PlanAction::Ambiguous);
}

TEST_F(LookupBatchingTest, SearchMatchesRawFormsThroughTheCensus) {
    // The CRM holds the keys in the forms people and other tools type; exact values find the bare
    // hosts, the census every value with a scheme, www., a path, a port or a trailing dot.
    const QStringList raw{u"www.a-co.com"_s,
                          u"https://b-co.com/about"_s,
                          u"HTTP://WWW.C-CO.COM"_s,
                          u"d-co.com:8443"_s,
                          u"e-co.com."_s,
                          u"F-Co.com"_s,
                          u"https://www.g-co.com/"_s,
                          u"h-co.com/contact?x=1"_s,
                          u"münchen.de"_s};
    QStringList ids;
    for (const QString& value : raw)
        ids.append(m_crm.addRecord(RecordObject::Company, {{u"name"_s, value}, {u"domain"_s, value}}));
    m_crm.addRecord(RecordObject::Company, {{u"domain"_s, u"us.a-co.com"_s}}); // another host: no match
    m_crm.addRecord(RecordObject::Company, {{u"domain"_s, u"g-co.com"_s}});    // g-co.com twice
    QList<qint64> local;
    for (const QString& website :
         {u"a-co.com"_s, u"b-co.com"_s, u"c-co.com"_s, u"d-co.com"_s, u"e-co.com"_s, u"f-co.com"_s,
          u"https://g-co.com"_s, u"www.h-co.com"_s, u"xn--mnchen-3ya.de"_s})
        local.append(company(website, website));
    for (LookupStrategy strategy : {LookupStrategy::Search, LookupStrategy::Auto}) {
        m_input.settings.lookup = strategy;
        const SyncPlan p = plan();
        ASSERT_TRUE(p.ok());
        EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::Search);
        EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 2); // the census and one chunk
        EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 0);
        for (int i = 0; i < local.size(); ++i) {
            const RecordPlan& r = companyOf(p, local.at(i));
            if (i == 6) { // g-co.com: the census and the exact value each find one record
                EXPECT_EQ(r.action, PlanAction::Ambiguous);
                EXPECT_EQ(r.match.candidates.size(), 2);
                continue;
            }
            EXPECT_NE(r.action, PlanAction::Create) << raw.at(i).toStdString();
            EXPECT_EQ(r.crmId, ids.at(i)) << raw.at(i).toStdString();
        }
    }
    EXPECT_EQ(plan().report().count(RecordObject::Company, PlanAction::Create), 0);
}

TEST_F(LookupBatchingTest, AutoListsWhenTheCensusIsLarge) {
    // Most CRM values carry a scheme: the census alone would take more pages than listing.
    for (int i = 0; i < 800; ++i)
        m_crm.addRecord(RecordObject::Company,
                        {{u"name"_s, u"C"_s}, {u"domain"_s, u"https://www."_s + domainOf(i)}});
    for (int i = 0; i < 700; ++i)
        company(u"C"_s, domainOf(i));
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    // 5 chunks + the census (6) < 8 pages: the census is asked; its 800 values are 4 pages, so
    // searching costs 9 calls >= 8: the plan lists instead (the census's first page is lost).
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::ListAll);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::Count), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::List), 8);
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::Unchanged), 700);
}

TEST_F(LookupBatchingTest, ACensusBeyondSearchsReachIsNeverTrusted) {
    // The census cannot page past the CRM's result limit: even a forced search lists then.
    m_crm.mutableFacts().maxSearchResults = 50;
    for (int i = 0; i < 60; ++i)
        m_crm.addRecord(RecordObject::Company,
                        {{u"name"_s, u"Last"_s}, {u"domain"_s, u"http://"_s + domainOf(i)}});
    company(u"Last"_s, domainOf(59));
    m_input.settings.lookup = LookupStrategy::Search;
    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.lookup.companyMethod, LookupStats::CompanyMethod::ListAll);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::SearchDomain), 1);
    EXPECT_EQ(p.companies.at(0).action, PlanAction::Unchanged);
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

TEST(LookupChunks, DomainSearchValuesAndCensus) {
    EXPECT_EQ(domainSearchValues(u"test.com"_s), QStringList{u"test.com"_s});
    // IDNs: the CRM may hold either form.
    EXPECT_EQ(domainSearchValues(u"xn--mnchen-3ya.de"_s),
              (QStringList{u"xn--mnchen-3ya.de"_s, u"münchen.de"_s}));

    const QStringList patterns = ConnectorFacts::forKind(CrmKind::HubSpot).domainCensusPatterns;
    for (const QString& v : {u"www.test.com"_s, u"https://test.com"_s, u"HTTP://Test.com/"_s,
                             u"test.com/about"_s, u"test.com:8080"_s, u"test.com."_s, u"WWW.TEST.COM"_s})
        EXPECT_TRUE(matchesDomainCensus(v, patterns)) << v.toStdString();
    for (const QString& v : {u"test.com"_s, u"us.test.com"_s, u"Test.Com"_s, u"münchen.de"_s})
        EXPECT_FALSE(matchesDomainCensus(v, patterns)) << v.toStdString();
}

TEST(LookupChunks, ExactValueChunksUseFilterGroups) {
    // 4 values per group, at most 2 groups, 100 characters: base 20, a further group 10, values 9.
    const LookupLimits limits{4, 100, 0, 0, 10};
    const auto nine = [](const QString&) { return QList<int>{9}; };
    const QList<QStringList> chunks = chunkExactValueLookup(QStringList(20, u"x"_s), limits, 2, 20, nine);
    // 8 values (2 groups) = 20 + 10 + 72 = 102 > 100: 7 values fit (20 + 10 + 63 = 93).
    ASSERT_EQ(chunks.size(), 3);
    EXPECT_EQ(chunks.at(0).size(), 7);
    EXPECT_EQ(chunks.at(2).size(), 6);
    // No per-filter limit: only the characters count (5 + 5 x 9 = 50).
    EXPECT_EQ(chunkExactValueLookup(QStringList(10, u"x"_s), LookupLimits{0, 50, 0, 0, 0}, 5, 5, nine).size(),
              2);
    // An item's values stay together; one too large for any request is reported.
    bool allFit = true;
    const QList<QStringList> big = chunkExactValueLookup(
        {u"a"_s, u"b"_s}, limits, 2, 20, [](const QString& s) { return QList<int>(s == u"b" ? 9 : 1, 9); },
        &allFit);
    EXPECT_EQ(big, (QList<QStringList>{{u"a"_s}, {u"b"_s}}));
    EXPECT_FALSE(allFit);
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
