// The match report, the --json shape of planned records, and the write estimate.
#include "tests/sync/PlannerFixture.h"

#include <QJsonArray>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class PlanReportTest : public PlannerFixture {};

} // namespace

TEST_F(PlanReportTest, CountsAndPercentagesPerOutcome) {
    m_crm.addRecord(RecordObject::Company,
                    {{u"name"_s, u"A"_s}, {u"domain"_s, u"a.com"_s}, {u"city"_s, u"Old"_s}});
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"B"_s}, {u"domain"_s, u"b.com"_s}});
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"C1"_s}, {u"domain"_s, u"c.com"_s}});
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"C2"_s}, {u"domain"_s, u"c.com"_s}});
    const qint64 a = company(u"A"_s, u"a.com"_s, {{u"city"_s, u"New"_s}}); // update
    company(u"B"_s, u"b.com"_s);                                           // unchanged
    company(u"C"_s, u"c.com"_s);                                           // ambiguous
    company(u"D"_s, u"d.com"_s);                                           // create
    company(u"D again"_s, u"www.d.com"_s);                                 // duplicate
    company(u"E"_s, u"n/a"_s);                                             // no key
    contact(a, u""_s);                                                     // skipped
    contact(a, u"not-an-email"_s);                                         // invalid
    contact(a, u"x@a.com"_s);                                              // create

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const MatchReport r = p.report();
    EXPECT_EQ(r.companyTotal, 6);
    EXPECT_EQ(r.contactTotal, 3);
    for (PlanAction action : {PlanAction::Update, PlanAction::Unchanged, PlanAction::Ambiguous,
                              PlanAction::Create, PlanAction::Duplicate, PlanAction::NoKey}) {
        EXPECT_EQ(r.count(RecordObject::Company, action), 1) << planActionName(action).toStdString();
        EXPECT_DOUBLE_EQ(r.percent(RecordObject::Company, action), 16.7);
    }
    EXPECT_EQ(r.count(RecordObject::Company, PlanAction::Skipped), 0);
    EXPECT_DOUBLE_EQ(r.percent(RecordObject::Company, PlanAction::Skipped), 0.0);
    EXPECT_EQ(r.count(RecordObject::Contact, PlanAction::Skipped), 1);
    EXPECT_EQ(r.count(RecordObject::Contact, PlanAction::Invalid), 1);
    EXPECT_EQ(r.count(RecordObject::Contact, PlanAction::Create), 1);
    EXPECT_DOUBLE_EQ(r.percent(RecordObject::Contact, PlanAction::Create), 33.3);

    const QJsonObject counts = r.toJson();
    EXPECT_EQ(counts.value(u"companies"_s).toObject().value(u"total"_s).toInt(), 6);
    EXPECT_EQ(counts.value(u"companies"_s).toObject().value(u"no_key"_s).toInt(), 1);
    EXPECT_EQ(counts.value(u"contacts"_s).toObject().value(u"invalid"_s).toInt(), 1);

    const QString text = r.toText();
    EXPECT_TRUE(text.contains(u"Companies: 6"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"create 1 (16.7%)"_s)) << text.toStdString();
    EXPECT_FALSE(text.contains(u"skipped 0"_s)) << text.toStdString();

    // Writes: 1 company create + 1 company update + 1 contact create, one call each.
    EXPECT_EQ(p.estimatedWriteCalls(m_crm.facts()), 3);
}

TEST_F(PlanReportTest, RecordJsonCarriesTheHeadlessSchema) {
    const QString older = m_crm.addRecord(RecordObject::Company,
                                          {{u"name"_s, u"Old"_s}, {u"domain"_s, u"https://www.test.com"_s}},
                                          QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    m_crm.addRecord(RecordObject::Company, {{u"name"_s, u"New"_s}, {u"domain"_s, u"test.com"_s}});
    const qint64 id = company(u"Test"_s, u"test.com/app"_s, {{u"city"_s, u"Berlin"_s}});
    const qint64 person = contact(id, u"Jane@Test.com"_s);
    m_input.settings.ambiguous = AmbiguousHandling::UpdateOldest;

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    const QJsonObject o = companyOf(p, id).toJson();
    EXPECT_EQ(o.value(u"object"_s).toString(), u"company"_s);
    EXPECT_EQ(o.value(u"local_id"_s).toInteger(), id);
    EXPECT_EQ(o.value(u"name"_s).toString(), u"Test"_s);
    EXPECT_EQ(o.value(u"action"_s).toString(), u"update"_s);
    EXPECT_EQ(o.value(u"crm_id"_s).toString(), older);

    const QJsonObject match = o.value(u"match"_s).toObject();
    EXPECT_EQ(match.value(u"raw_value"_s).toString(), u"test.com/app"_s);
    EXPECT_EQ(match.value(u"key"_s).toString(), u"test.com"_s);
    EXPECT_EQ(match.value(u"policy"_s).toString(), u"host"_s);
    EXPECT_EQ(match.value(u"field"_s).toString(), u"website"_s);
    EXPECT_TRUE(match.value(u"oldest_chosen"_s).toBool());
    const QJsonArray candidates = match.value(u"candidates"_s).toArray();
    ASSERT_EQ(candidates.size(), 2);
    EXPECT_EQ(candidates.at(0).toObject().value(u"id"_s).toString(), older);
    EXPECT_EQ(candidates.at(0).toObject().value(u"raw_value"_s).toString(), u"https://www.test.com"_s);

    const QJsonArray changes = o.value(u"changes"_s).toArray();
    ASSERT_EQ(changes.size(), 1);
    const QJsonObject c = changes.at(0).toObject();
    EXPECT_EQ(c.value(u"property"_s).toString(), u"city"_s);
    EXPECT_EQ(c.value(u"before"_s).toString(), u""_s);
    EXPECT_EQ(c.value(u"after"_s).toString(), u"Berlin"_s);
    EXPECT_EQ(c.value(u"strategy"_s).toString(), u"override"_s);

    const QJsonObject pc = contactOf(p, person).toJson();
    EXPECT_EQ(pc.value(u"object"_s).toString(), u"contact"_s);
    EXPECT_EQ(pc.value(u"email"_s).toString(), u"Jane@Test.com"_s);
    EXPECT_EQ(pc.value(u"action"_s).toString(), u"create"_s);
    EXPECT_TRUE(pc.value(u"crm_id"_s).isNull());
    EXPECT_EQ(pc.value(u"match"_s).toObject().value(u"key"_s).toString(), u"jane@test.com"_s);
    EXPECT_EQ(pc.value(u"match"_s).toObject().value(u"policy"_s).toString(), u"email"_s);
    EXPECT_EQ(pc.value(u"association"_s).toObject().value(u"kind"_s).toString(), u"at_create"_s);
    EXPECT_EQ(pc.value(u"association"_s).toObject().value(u"company_crm_id"_s).toString(), older);
    for (const QJsonValue& ch : pc.value(u"changes"_s).toArray())
        EXPECT_EQ(ch.toObject().value(u"strategy"_s).toString(), u"create"_s);

    const QJsonObject whole = p.toJson();
    EXPECT_EQ(whole.value(u"records"_s).toArray().size(), 2);
    EXPECT_EQ(whole.value(u"lookup"_s).toObject().value(u"calls"_s).toInt(), m_crm.totalCalls());
    EXPECT_FALSE(whole.contains(u"error"_s));
}

TEST_F(PlanReportTest, SkippedRecordsExplainThemselvesInJson) {
    const qint64 id = company(u"Nowhere"_s, u"localhost"_s);
    const SyncPlan p = plan();
    const QJsonObject o = companyOf(p, id).toJson();
    EXPECT_EQ(o.value(u"action"_s).toString(), u"no_key"_s);
    EXPECT_EQ(o.value(u"reason_code"_s).toString(), u"no_key"_s);
    EXPECT_FALSE(o.value(u"reason"_s).toString().isEmpty());
    EXPECT_TRUE(o.value(u"match"_s).toObject().value(u"key"_s).isNull());
    EXPECT_FALSE(o.value(u"match"_s).toObject().value(u"no_key_reason"_s).toString().isEmpty());
    EXPECT_TRUE(o.value(u"changes"_s).toArray().isEmpty());
}

TEST_F(PlanReportTest, WriteEstimateUsesFullBatches) {
    for (int i = 0; i < 250; ++i)
        company(u"C"_s, QStringLiteral("c%1.com").arg(i));
    const SyncPlan p = plan();
    EXPECT_EQ(p.report().count(RecordObject::Company, PlanAction::Create), 250);
    EXPECT_EQ(p.estimatedWriteCalls(m_crm.facts()), 3); // 100 + 100 + 50
    ConnectorFacts salesforce = ConnectorFacts::forKind(CrmKind::Salesforce);
    EXPECT_EQ(p.estimatedWriteCalls(salesforce), 2); // 200 + 50
}

TEST(SyncSettingsNames, RoundTripAndDefaults) {
    for (CompanySyncMode m : {CompanySyncMode::CreateAndUpdate, CompanySyncMode::UpdateOnly})
        EXPECT_EQ(parseCompanySyncMode(companySyncModeName(m)), m);
    for (ContactSyncMode m :
         {ContactSyncMode::CreateAndUpdate, ContactSyncMode::UpdateOnly, ContactSyncMode::Disabled})
        EXPECT_EQ(parseContactSyncMode(contactSyncModeName(m)), m);
    for (AmbiguousHandling h : {AmbiguousHandling::Skip, AmbiguousHandling::UpdateOldest})
        EXPECT_EQ(parseAmbiguousHandling(ambiguousHandlingName(h)), h);
    for (LookupStrategy s : {LookupStrategy::Auto, LookupStrategy::Search, LookupStrategy::ListAll})
        EXPECT_EQ(parseLookupStrategy(lookupStrategyName(s)), s);
    EXPECT_FALSE(parseContactSyncMode(u"sometimes"_s).has_value());
    for (PlanAction a : {PlanAction::Create, PlanAction::NoKey, PlanAction::Skipped})
        EXPECT_EQ(parsePlanAction(planActionName(a)), a);

    EXPECT_EQ(SyncSettings::defaultsFor(CrmKind::HubSpot).policy, DomainPolicy::Host);
    EXPECT_EQ(SyncSettings::defaultsFor(CrmKind::Sandbox).policy, DomainPolicy::Host);
    EXPECT_EQ(SyncSettings::defaultsFor(CrmKind::Salesforce).policy, DomainPolicy::Registrable);
    const SyncSettings d = SyncSettings::defaultsFor(CrmKind::HubSpot);
    EXPECT_EQ(d.companyMode, CompanySyncMode::CreateAndUpdate);
    EXPECT_EQ(d.contactMode, ContactSyncMode::CreateAndUpdate);
    EXPECT_EQ(d.ambiguous, AmbiguousHandling::Skip);
}
