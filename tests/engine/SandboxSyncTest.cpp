// End to end over real HTTP: SyncEngine -> HubSpotConnector -> the in-process Sandbox CRM.
// Modes x strategies, policies, ambiguous and duplicate records, contacts' e-mails, associations,
// value maps, a bad record in a batch, undo, and no token anywhere in the workspace or the log.
#include "tests/engine/SandboxEngineFixture.h"

#include "core/log/ConnectorLogExport.h"
#include "core/net/Redactor.h"
#include "core/sandbox/hubspot/HubSpotDialect.h"
#include "core/sandbox/hubspot/HubSpotStore.h"
#include "core/store/FieldStore.h"
#include "core/sync/RunJournal.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

namespace syncdesk::test {
namespace {

using sandbox::hubspot::HubSpotRecord;

void setStrategy(Mapping& mapping, const QString& property, UpdateStrategy strategy, bool clear) {
    for (MappingRow& row : mapping.rows) {
        for (MappingTarget& t : row.targets) {
            if (t.property == property) {
                t.strategy = strategy;
                t.clearWhenEmpty = clear;
            }
        }
    }
}

QString idOf(const QList<HubSpotRecord>& records, const QString& property, const QString& value) {
    for (const HubSpotRecord& r : records) {
        if (r.properties.value(property).compare(value, Qt::CaseInsensitive) == 0)
            return QString::number(r.id);
    }
    return QString();
}

int countWith(const QList<HubSpotRecord>& records, const QString& property, const QString& value) {
    int n = 0;
    for (const HubSpotRecord& r : records)
        n += r.properties.value(property).compare(value, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return n;
}

// ---- Modes x strategies ---------------------------------------------------------------------

struct Combination {
    CompanySyncMode companyMode;
    ContactSyncMode contactMode;
    QString strategy; // override | update_if_empty | clear_when_empty
};

void PrintTo(const Combination& c, std::ostream* os) {
    *os << companySyncModeName(c.companyMode).toStdString() << '/'
        << contactSyncModeName(c.contactMode).toStdString() << '/' << c.strategy.toStdString();
}

std::string nameOf(const ::testing::TestParamInfo<Combination>& info) {
    const QString name = companySyncModeName(info.param.companyMode) + u'_' +
                         contactSyncModeName(info.param.contactMode) + u'_' + info.param.strategy;
    return name.toStdString();
}

class ModesAndStrategiesTest : public SandboxEngineFixture,
                               public ::testing::WithParamInterface<Combination> {};

TEST_P(ModesAndStrategiesTest, EndToEnd) {
    const Combination p = GetParam();
    const bool clear = p.strategy == u"clear_when_empty";
    const UpdateStrategy strategy =
        p.strategy == u"update_if_empty" ? UpdateStrategy::UpdateIfEmpty : UpdateStrategy::Override;
    for (const QString& property : {u"city"_s, u"country"_s, u"description"_s})
        setStrategy(m_companyMapping, property, strategy, clear);
    for (const QString& property : {u"jobtitle"_s, u"phone"_s})
        setStrategy(m_contactMapping, property, strategy, clear);
    m_settings.companyMode = p.companyMode;
    m_settings.contactMode = p.contactMode;
    restartEngine();

    seed(QJsonObject{{u"companies"_s, QJsonArray{QJsonObject{{u"name"_s, u"Alpha"_s},
                                                             {u"domain"_s, u"alpha.example"_s},
                                                             {u"city"_s, u"Paris"_s},
                                                             {u"description"_s, u"Old text"_s}}}},
                     {u"contacts"_s, QJsonArray{QJsonObject{{u"email"_s, u"ann@alpha.example"_s},
                                                            {u"firstname"_s, u"Ann"_s},
                                                            {u"lastname"_s, u"Smith"_s},
                                                            {u"jobtitle"_s, u"CTO"_s},
                                                            {u"phone"_s, u"+44 1"_s},
                                                            {u"associatedCompanies"_s, QJsonArray{0}}}}}});
    const qint64 alpha =
        company(u"Alpha"_s, u"https://alpha.example"_s, {{u"city"_s, u"Berlin"_s}, {u"country"_s, u"DE"_s}});
    const qint64 beta = company(u"Beta"_s, u"beta.example"_s, {{u"city"_s, u"Rome"_s}});
    contact(alpha, u"ann@alpha.example"_s, u"Ann"_s, u"Smith"_s, {{u"job_title"_s, u"CEO"_s}});
    const qint64 bob = contact(alpha, u"bob@alpha.example"_s, u"Bob"_s, u"Jones"_s);
    const qint64 carol = contact(beta, u"carol@beta.example"_s, u"Carol"_s, u"White"_s);

    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    EXPECT_EQ(out.failedRecords(), 0);

    const QList<HubSpotRecord> companies = crm(u"companies"_s);
    const QString alphaId = idOf(companies, u"domain"_s, u"alpha.example"_s);
    ASSERT_FALSE(alphaId.isEmpty());
    // Companies: the strategy decides per property.
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"city"_s),
              strategy == UpdateStrategy::Override ? u"Berlin"_s : u"Paris"_s);
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"country"_s),
              u"DE"_s); // empty in the CRM: every strategy fills it
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"description"_s), clear ? QString() : u"Old text"_s);
    // Mode: a new company is created only under Create & update.
    const bool betaCreated = p.companyMode == CompanySyncMode::CreateAndUpdate;
    EXPECT_EQ(companies.size(), betaCreated ? 2 : 1);
    const QString betaId = idOf(companies, u"domain"_s, u"beta.example"_s);
    if (betaCreated) {
        EXPECT_EQ(crmValue(u"companies"_s, betaId, u"city"_s), u"Rome"_s);
    }

    const QList<HubSpotRecord> contacts = crm(u"contacts"_s);
    const QString annId = idOf(contacts, u"email"_s, u"ann@alpha.example"_s);
    const bool contactsOn = p.contactMode != ContactSyncMode::Disabled;
    EXPECT_EQ(crmValue(u"contacts"_s, annId, u"jobtitle"_s),
              contactsOn && strategy == UpdateStrategy::Override ? u"CEO"_s : u"CTO"_s);
    EXPECT_EQ(crmValue(u"contacts"_s, annId, u"phone"_s), contactsOn && clear ? QString() : u"+44 1"_s);
    const bool createContacts = p.contactMode == ContactSyncMode::CreateAndUpdate;
    const QString bobId = idOf(contacts, u"email"_s, u"bob@alpha.example"_s);
    const QString carolId = idOf(contacts, u"email"_s, u"carol@beta.example"_s);
    EXPECT_EQ(!bobId.isEmpty(), createContacts);
    EXPECT_EQ(!carolId.isEmpty(), createContacts && betaCreated);
    if (!bobId.isEmpty()) {
        EXPECT_EQ(associatedCompanies(bobId), QStringList{alphaId});
    }
    if (!carolId.isEmpty()) {
        EXPECT_EQ(associatedCompanies(carolId), QStringList{betaId});
    }

    const QList<JournalRecord> rec = records(out.runId);
    const JournalRecord* c = find(rec, RecordObject::Contact, carol);
    ASSERT_TRUE(c);
    if (!contactsOn) {
        EXPECT_EQ(c->reasonCode, u"contacts_disabled"_s);
    } else if (!betaCreated) {
        EXPECT_EQ(c->reasonCode, u"company_not_synced"_s);
    }
    const JournalRecord* b = find(rec, RecordObject::Contact, bob);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->outcome, createContacts ? RecordOutcome::Created : RecordOutcome::Skipped);

    // Idempotent: a second run writes nothing.
    const qint64 writes = writeRequests();
    const RunOutcome again = sync();
    ASSERT_EQ(again.state, RunState::Completed);
    EXPECT_EQ(writeRequests(), writes);
}

INSTANTIATE_TEST_SUITE_P(
    AllCombinations, ModesAndStrategiesTest, ::testing::ValuesIn([] {
        std::vector<Combination> all;
        for (CompanySyncMode c : {CompanySyncMode::CreateAndUpdate, CompanySyncMode::UpdateOnly})
            for (ContactSyncMode k :
                 {ContactSyncMode::CreateAndUpdate, ContactSyncMode::UpdateOnly, ContactSyncMode::Disabled})
                for (const QString& s : {u"override"_s, u"update_if_empty"_s, u"clear_when_empty"_s})
                    all.push_back({c, k, s});
        return all;
    }()),
    nameOf);

// ---- Matching -------------------------------------------------------------------------------

class SandboxSyncTest : public SandboxEngineFixture {};

TEST_F(SandboxSyncTest, HostPolicyKeepsSubdomainsApartRegistrablePolicyJoinsThem) {
    seed(QJsonObject{{u"companies"_s, QJsonArray{QJsonObject{{u"name"_s, u"Shop"_s},
                                                             {u"domain"_s, u"shop.example.co.uk"_s}}}}});
    const qint64 local =
        company(u"Example UK"_s, u"https://www.example.co.uk/about"_s, {{u"city"_s, u"Leeds"_s}});

    const RunOutcome host = sync({}, true);
    ASSERT_EQ(host.state, RunState::Planned);
    const QList<JournalRecord> hostRecords = records(host.runId);
    const JournalRecord* h = find(hostRecords, RecordObject::Company, local);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->action, u"create"_s);
    EXPECT_EQ(h->matchKey, u"example.co.uk"_s);

    m_settings.policy = DomainPolicy::Registrable;
    restartEngine();
    const RunOutcome registrable = sync();
    ASSERT_EQ(registrable.state, RunState::Completed) << registrable.message.toStdString();
    const QList<JournalRecord> rec = records(registrable.runId);
    const JournalRecord* r = find(rec, RecordObject::Company, local);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->action, u"update"_s);
    EXPECT_EQ(r->outcome, RecordOutcome::Updated);
    EXPECT_EQ(crm(u"companies"_s).size(), 1);
    EXPECT_EQ(crmValue(u"companies"_s, r->crmId, u"city"_s), u"Leeds"_s);
    EXPECT_EQ(r->toJson(false).value(u"match"_s).toObject().value(u"policy"_s).toString(), u"registrable"_s);
}

TEST_F(SandboxSyncTest, RawDomainFormsInTheCrmAreMatchedByTheSearchNeverCreatedTwice) {
    // CRM values typed by people and other tools; the lookup is by search (census + exact values).
    m_settings.lookup = LookupStrategy::Search;
    restartEngine();
    const QStringList raw{u"www.alpha.example"_s, u"https://beta.example/about"_s,
                          u"HTTPS://WWW.Gamma.Example"_s, u"delta.example:8443"_s, u"Epsilon.Example"_s};
    QJsonArray companies;
    for (const QString& value : raw)
        companies.append(QJsonObject{{u"name"_s, value}, {u"domain"_s, value}, {u"city"_s, u"Old"_s}});
    seed(QJsonObject{{u"companies"_s, companies}});
    QList<qint64> local;
    for (const QString& website : {u"alpha.example"_s, u"http://beta.example"_s, u"gamma.example"_s,
                                   u"https://www.delta.example/"_s, u"epsilon.example"_s})
        local.append(company(website, website, {{u"city"_s, u"New"_s}}));
    // Created by this run with a raw website value: the next run must find it again.
    const qint64 zeta = company(u"Zeta"_s, u"https://www.zeta.example/app"_s, {{u"city"_s, u"New"_s}});
    m_server->requestLog().clear();

    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    EXPECT_EQ(out.failedRecords(), 0);
    const QList<JournalRecord> rec = records(out.runId);
    for (int i = 0; i < local.size(); ++i) {
        const JournalRecord* r = find(rec, RecordObject::Company, local.at(i));
        ASSERT_TRUE(r);
        EXPECT_EQ(r->outcome, RecordOutcome::Updated) << raw.at(i).toStdString();
        EXPECT_EQ(crmValue(u"companies"_s, r->crmId, u"domain"_s), raw.at(i)); // domain: update if empty
        EXPECT_EQ(crmValue(u"companies"_s, r->crmId, u"city"_s), u"New"_s);
    }
    EXPECT_EQ(find(rec, RecordObject::Company, zeta)->outcome, RecordOutcome::Created);
    EXPECT_EQ(crm(u"companies"_s).size(), 6);
    // A known job's calls: 1 schema read (no contacts), the census and one search, one update batch
    // and one create batch.
    EXPECT_EQ(requests(u"POST /crm/v3/objects/companies/search"_s), 2);
    EXPECT_EQ(requests(u"GET /crm/v3/properties/companies"_s), 1);
    EXPECT_EQ(m_server->requestLog().total(), 5);

    const qint64 writes = writeRequests();
    const RunOutcome again = sync();
    ASSERT_EQ(again.state, RunState::Completed) << again.message.toStdString();
    EXPECT_EQ(writeRequests(), writes); // everything unchanged, Zeta included
    EXPECT_EQ(crm(u"companies"_s).size(), 6);
    EXPECT_EQ(find(records(again.runId), RecordObject::Company, zeta)->outcome, RecordOutcome::Unchanged);
}

// HubSpot's search index lags behind writes ("a few moments"): a sync right after one that created
// companies must find them by the CRM ids the journal knows, never create them a second time. The
// domain written is the normalised host, so once indexed the record is found by its key as well.
TEST_F(SandboxSyncTest, ASyncRightAfterCreatesFindsTheNewCompaniesDespiteTheSearchIndexLag) {
    sandbox::SandboxSettings lagging = defaultSandboxSettings();
    lagging.indexLagMinMs = 3600 * 1000; // nothing written reaches search during this test
    lagging.indexLagMaxMs = 3600 * 1000;
    startSandbox(lagging);
    m_settings.lookup = LookupStrategy::Search;
    restartEngine();
    const qint64 quill = company(u"Quill"_s, u"https://www.Quill.example/about?ref=crm#team"_s);
    const qint64 rook = company(u"Rook"_s, u"rook.example"_s, {{u"city"_s, u"York"_s}});

    const RunOutcome first = sync();
    ASSERT_EQ(first.state, RunState::Completed) << first.message.toStdString();
    const QList<JournalRecord> created = records(first.runId);
    ASSERT_EQ(find(created, RecordObject::Company, quill)->outcome, RecordOutcome::Created);
    ASSERT_EQ(find(created, RecordObject::Company, rook)->outcome, RecordOutcome::Created);
    const QString quillId = find(created, RecordObject::Company, quill)->crmId;
    EXPECT_EQ(crmValue(u"companies"_s, quillId, u"domain"_s), u"quill.example"_s);
    EXPECT_EQ(crm(u"companies"_s).size(), 2);

    m_server->requestLog().clear();
    const RunOutcome again = sync();
    ASSERT_EQ(again.state, RunState::Completed) << again.message.toStdString();
    EXPECT_EQ(crm(u"companies"_s).size(), 2); // nothing created twice
    const QList<JournalRecord> second = records(again.runId);
    EXPECT_EQ(find(second, RecordObject::Company, quill)->outcome, RecordOutcome::Unchanged);
    EXPECT_EQ(find(second, RecordObject::Company, quill)->crmId, quillId);
    EXPECT_EQ(find(second, RecordObject::Company, rook)->outcome, RecordOutcome::Unchanged);
    // The search found neither (not indexed yet); one batch read by the known ids did.
    EXPECT_EQ(requests(u"POST /crm/v3/objects/companies/batch/read"_s), 1);
    EXPECT_EQ(writeRequests(), 0);
}

TEST_F(SandboxSyncTest, AmbiguousAndDuplicateInWorkspaceAreNotWritten) {
    seed(QJsonObject{
        {u"companies"_s,
         QJsonArray{QJsonObject{{u"name"_s, u"Twin 1"_s}, {u"domain"_s, u"twin.example"_s}},
                    QJsonObject{{u"name"_s, u"Twin 2"_s}, {u"domain"_s, u"www.twin.example"_s}}}}});
    const qint64 twin = company(u"Twin"_s, u"twin.example"_s, {{u"city"_s, u"Oslo"_s}});
    const qint64 first = company(u"First"_s, u"https://dup.example"_s);
    const qint64 second = company(u"Second"_s, u"http://www.dup.example/x"_s);
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed);
    const QList<JournalRecord> rec = records(out.runId);
    const JournalRecord* t = find(rec, RecordObject::Company, twin);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->action, u"ambiguous"_s);
    EXPECT_EQ(t->outcome, RecordOutcome::Skipped);
    EXPECT_EQ(t->toJson(false).value(u"match"_s).toObject().value(u"candidates"_s).toArray().size(), 2);
    for (const HubSpotRecord& r : crm(u"companies"_s))
        EXPECT_TRUE(r.properties.value(u"city"_s).isEmpty());
    const JournalRecord* s = find(rec, RecordObject::Company, second);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->action, u"duplicate"_s);
    EXPECT_EQ(s->toJson(false).value(u"match"_s).toObject().value(u"duplicate_of"_s).toInteger(), first);
    EXPECT_EQ(countWith(crm(u"companies"_s), u"name"_s, u"First"_s), 1);
    EXPECT_EQ(countWith(crm(u"companies"_s), u"name"_s, u"Second"_s), 0);
    bool logged = false;
    for (const ConnectorLogEntry& e : m_liveLog)
        logged = logged ||
                 (e.localId == twin && e.action == u"ambiguous"_s && e.message.contains(u"twin.example"_s));
    EXPECT_TRUE(logged);

    // "Update the oldest" resolves it.
    m_settings.ambiguous = AmbiguousHandling::UpdateOldest;
    restartEngine();
    const RunOutcome oldest = sync();
    ASSERT_EQ(oldest.state, RunState::Completed);
    const QString twin1 = idOf(crm(u"companies"_s), u"name"_s, u"Twin 1"_s);
    EXPECT_EQ(crmValue(u"companies"_s, twin1, u"city"_s), u"Oslo"_s);
    EXPECT_EQ(crmValue(u"companies"_s, idOf(crm(u"companies"_s), u"name"_s, u"Twin 2"_s), u"city"_s),
              QString());
}

TEST_F(SandboxSyncTest, ContactsWithoutOrWithAnInvalidEmailAreNeverSynced) {
    const qint64 acme = company(u"Acme"_s, u"acme.example"_s);
    const qint64 none = contact(acme, QString(), u"No"_s, u"Mail"_s);
    const qint64 bad = contact(acme, u"jane(at)acme"_s, u"Bad"_s, u"Mail"_s);
    const qint64 good = contact(acme, u"  Good@Acme.Example "_s, u"Good"_s, u"Mail"_s);
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed);
    const QList<JournalRecord> rec = records(out.runId);
    EXPECT_EQ(find(rec, RecordObject::Contact, none)->reasonCode, u"no_email"_s);
    EXPECT_EQ(find(rec, RecordObject::Contact, none)->outcome, RecordOutcome::Skipped);
    EXPECT_EQ(find(rec, RecordObject::Contact, bad)->action, u"invalid"_s);
    EXPECT_EQ(find(rec, RecordObject::Contact, bad)->outcome, RecordOutcome::Skipped);
    EXPECT_EQ(find(rec, RecordObject::Contact, good)->outcome, RecordOutcome::Created);
    const QList<HubSpotRecord> contacts = crm(u"contacts"_s);
    ASSERT_EQ(contacts.size(), 1);
    EXPECT_EQ(contacts.first().properties.value(u"email"_s), u"good@acme.example"_s);
}

TEST_F(SandboxSyncTest, AssociationsAreAddedAtCreateAndForExistingContactsNeverRemoved) {
    seed(QJsonObject{
        {u"companies"_s, QJsonArray{QJsonObject{{u"name"_s, u"Acme"_s}, {u"domain"_s, u"acme.example"_s}},
                                    QJsonObject{{u"name"_s, u"Other"_s}, {u"domain"_s, u"other.example"_s}}}},
        {u"contacts"_s, QJsonArray{QJsonObject{{u"email"_s, u"old@acme.example"_s},
                                               {u"associatedCompanies"_s, QJsonArray{1}}},
                                   QJsonObject{{u"email"_s, u"moved@new.example"_s}}}}});
    const qint64 acme = company(u"Acme"_s, u"acme.example"_s);
    const qint64 fresh = company(u"New"_s, u"new.example"_s);
    contact(acme, u"old@acme.example"_s);   // existing contact, associated elsewhere: gets Acme too
    contact(acme, u"new@acme.example"_s);   // created with Acme at create time
    contact(fresh, u"moved@new.example"_s); // existing contact of a company created in this run
    contact(fresh, u"first@new.example"_s); // created with the company created in this run
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    const QList<HubSpotRecord> companies = crm(u"companies"_s);
    const QList<HubSpotRecord> contacts = crm(u"contacts"_s);
    const QString acmeId = idOf(companies, u"domain"_s, u"acme.example"_s);
    const QString otherId = idOf(companies, u"domain"_s, u"other.example"_s);
    const QString newId = idOf(companies, u"domain"_s, u"new.example"_s);
    ASSERT_FALSE(newId.isEmpty());
    QStringList old = associatedCompanies(idOf(contacts, u"email"_s, u"old@acme.example"_s));
    old.sort();
    QStringList expected{acmeId, otherId};
    expected.sort();
    EXPECT_EQ(old, expected);
    EXPECT_EQ(associatedCompanies(idOf(contacts, u"email"_s, u"new@acme.example"_s)), QStringList{acmeId});
    EXPECT_EQ(associatedCompanies(idOf(contacts, u"email"_s, u"moved@new.example"_s)), QStringList{newId});
    EXPECT_EQ(associatedCompanies(idOf(contacts, u"email"_s, u"first@new.example"_s)), QStringList{newId});
    // One call for the two added associations, none per record.
    EXPECT_EQ(requests(u"POST /crm/v4/associations/contacts/companies/batch/associate/default"_s), 1);
}

// The contacts' e-mails and their associations are read on other threads beside the company
// search (docs/sync-plan.md "Lookups in flight together"): every call is still counted, and the plan
// is the one a one-request-at-a-time lookup makes.
TEST_F(SandboxSyncTest, LookupsBesideTheCompanySearchAreAllCountedAndPlanAsUsual) {
    QJsonArray seedCompanies;
    QJsonArray seedContacts;
    for (int i = 0; i < 250; ++i) {
        const QString domain = u"co%1.example"_s.arg(i);
        const qint64 id = company(u"Company %1"_s.arg(i), u"https://"_s + domain);
        contact(id, u"first%1@"_s.arg(i) + domain);
        contact(id, u"second%1@"_s.arg(i) + domain);
        if (i % 2 == 0) { // an existing company; its first contact exists, associated with it or not
            seedCompanies.append(QJsonObject{{u"name"_s, u"Company %1"_s.arg(i)}, {u"domain"_s, domain}});
            QJsonObject c{{u"email"_s, QString(u"first%1@"_s.arg(i) + domain)}};
            if (i % 4 == 0)
                c.insert(u"associatedCompanies"_s, QJsonArray{seedCompanies.size() - 1});
            seedContacts.append(c);
        }
    }
    seed(QJsonObject{{u"companies"_s, seedCompanies}, {u"contacts"_s, seedContacts}});
    m_server->requestLog().clear();
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    ASSERT_TRUE(out.plan);
    const LookupStats& lookup = out.plan->lookup;
    EXPECT_EQ(lookup.contactLookupCalls, requests(u"POST /crm/v3/objects/contacts/batch/read"_s));
    EXPECT_EQ(lookup.contactLookupCalls, 5) << "500 e-mails, 100 a read";
    EXPECT_EQ(lookup.associationReadCalls,
              requests(u"POST /crm/v4/associations/contacts/companies/batch/read"_s));
    EXPECT_EQ(lookup.associationReadCalls, 2) << "125 contacts found";
    EXPECT_EQ(lookup.total(), m_server->requestLog().total() - writeRequests()) << "every read counted";
    int addAssociation = 0;
    int present = 0;
    for (const RecordPlan& r : out.plan->contacts) {
        addAssociation += r.association.kind == AssociationPlan::Kind::Add ? 1 : 0;
        present += r.association.kind == AssociationPlan::Kind::Present ? 1 : 0;
    }
    EXPECT_EQ(present, 63) << "existing contacts associated with their company (i % 4 == 0)";
    EXPECT_EQ(addAssociation, 62) << "existing contacts not associated yet";
    EXPECT_EQ(crm(u"companies"_s).size(), 250);
    EXPECT_EQ(crm(u"contacts"_s).size(), 500);
}

TEST_F(SandboxSyncTest, ValueMapsAreAppliedAndUnmappedChoiceValuesAreRefusedBeforeAnythingIsWritten) {
    m_companyMapping.rows.append(
        MappingRow{u"industry"_s,
                   {MappingTarget{u"industry"_s,
                                  UpdateStrategy::Override,
                                  false,
                                  {{u"Software"_s, u"COMPUTER_SOFTWARE"_s}, {u"Retail"_s, u"RETAIL"_s}}}}});
    restartEngine();
    const qint64 soft = company(u"Soft"_s, u"soft.example"_s, {{u"industry"_s, u"software"_s}});
    const qint64 bio = company(u"Bio"_s, u"bio.example"_s, {{u"industry"_s, u"Biotech"_s}});
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    const QList<JournalRecord> rec = records(out.runId);
    const JournalRecord* s = find(rec, RecordObject::Company, soft);
    ASSERT_TRUE(s);
    EXPECT_EQ(crmValue(u"companies"_s, s->crmId, u"industry"_s), u"COMPUTER_SOFTWARE"_s);
    const JournalRecord* b = find(rec, RecordObject::Company, bio);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->action, u"invalid"_s);
    EXPECT_EQ(b->reasonCode, u"invalid_value"_s);
    EXPECT_TRUE(b->reason.contains(u"Biotech"_s)) << b->reason.toStdString();
    EXPECT_EQ(countWith(crm(u"companies"_s), u"name"_s, u"Bio"_s), 0);

    // A value map onto an option the CRM does not have refuses the whole plan: nothing is written.
    m_companyMapping.rows.last().targets.first().valueMap.insert(u"Biotech"_s, u"BIO_TECH"_s);
    restartEngine();
    const qint64 writes = writeRequests();
    const RunOutcome refused = sync();
    EXPECT_EQ(refused.state, RunState::Failed);
    EXPECT_TRUE(refused.configurationError);
    EXPECT_FALSE(refused.problems.isEmpty());
    EXPECT_TRUE(refused.message.contains(u"BIO_TECH"_s)) << refused.message.toStdString();
    EXPECT_EQ(writeRequests(), writes);
}

// A record the CRM refuses (a unique value already taken) fails alone, with and without
// multi-status answers, and with the executor's own split when the connector does not split.
TEST_F(SandboxSyncTest, ABatchWithOneBadRecordFailsOnlyThatRecord) {
    FieldStore fields(*m_workspace);
    ASSERT_TRUE(fields.addCustomField(RecordObject::Company, u"Ref"_s, FieldType::Text))
        << fields.lastError().toStdString();
    for (int variant = 0; variant < 3; ++variant) {
        SCOPED_TRACE(variant);
        startSandbox(defaultSandboxSettings());
        m_multiStatus = variant == 0;
        m_splitFailedBatches = variant == 1;
        m_companyMapping = Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company);
        m_companyMapping.rows.append(
            MappingRow{u"ref"_s, {MappingTarget{u"external_ref"_s, UpdateStrategy::Override, false, {}}}});
        restartEngine();
        seed(QJsonObject{
            {u"properties"_s,
             QJsonObject{{u"companies"_s, QJsonArray{QJsonObject{{u"name"_s, u"external_ref"_s},
                                                                 {u"label"_s, u"Ref"_s},
                                                                 {u"type"_s, u"string"_s},
                                                                 {u"fieldType"_s, u"text"_s},
                                                                 {u"groupName"_s, u"companyinformation"_s},
                                                                 {u"hasUniqueValue"_s, true}}}}}},
            {u"companies"_s, QJsonArray{QJsonObject{{u"name"_s, u"Taken"_s},
                                                    {u"domain"_s, u"taken.example"_s},
                                                    {u"external_ref"_s, u"R-TAKEN"_s}}}}});
        const QString prefix = u"v%1-"_s.arg(variant);
        QList<qint64> ids;
        for (int i = 0; i < 60; ++i)
            ids.append(company(prefix + u"Co %1"_s.arg(i), prefix + u"co%1.example"_s.arg(i),
                               {{u"ref"_s, i == 33 ? u"R-TAKEN"_s : prefix + u"R-%1"_s.arg(i)}}));
        SelectionRequest selection;
        selection.ids = ids;
        const RunOutcome out = sync(selection);
        ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
        EXPECT_EQ(out.failedRecords(), 1);
        EXPECT_EQ(crm(u"companies"_s).size(), 1 + 59);
        const QList<JournalRecord> rec = records(out.runId);
        const JournalRecord* bad = find(rec, RecordObject::Company, ids.at(33));
        ASSERT_TRUE(bad);
        EXPECT_EQ(bad->outcome, RecordOutcome::Failed);
        ASSERT_TRUE(bad->error) << QJsonDocument(bad->toJson(false)).toJson().toStdString();
        EXPECT_TRUE(bad->error->httpStatus == 409 || bad->error->httpStatus == 400) << bad->error->httpStatus;
        EXPECT_FALSE(bad->error->message.isEmpty());
    }
}

// ---- Undo -----------------------------------------------------------------------------------

TEST_F(SandboxSyncTest, UndoRestoresWhatIsStillAsWrittenAndLeavesChangedFieldsAlone) {
    seed(QJsonObject{{u"companies"_s, QJsonArray{QJsonObject{{u"name"_s, u"Alpha"_s},
                                                             {u"domain"_s, u"alpha.example"_s},
                                                             {u"city"_s, u"Paris"_s},
                                                             {u"country"_s, u"FR"_s}}}}});
    const qint64 alpha =
        company(u"Alpha"_s, u"alpha.example"_s,
                {{u"city"_s, u"Berlin"_s}, {u"country"_s, u"DE"_s}, {u"description"_s, u"Makers"_s}});
    const qint64 beta = company(u"Beta"_s, u"beta.example"_s, {{u"city"_s, u"Rome"_s}});
    const qint64 gamma = company(u"Gamma"_s, u"gamma.example"_s, {{u"city"_s, u"Oslo"_s}});
    const qint64 ann = contact(beta, u"ann@beta.example"_s);
    const RunOutcome run = sync();
    ASSERT_EQ(run.state, RunState::Completed);
    const QList<JournalRecord> rec = records(run.runId);
    const QString alphaId = find(rec, RecordObject::Company, alpha)->crmId;
    const QString betaId = find(rec, RecordObject::Company, beta)->crmId;
    const QString gammaId = find(rec, RecordObject::Company, gamma)->crmId;
    const QString annId = find(rec, RecordObject::Contact, ann)->crmId;
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"city"_s), u"Berlin"_s);

    // Someone changes Alpha's country and Gamma's city in the CRM after the run.
    QHash<QString, QString> change{{u"country"_s, u"AT"_s}};
    ASSERT_TRUE(
        m_server->hubspot().store().updateRecord(u"companies"_s, alphaId.toLongLong(), change, u"CRM_UI"_s));
    change = {{u"city"_s, u"Bergen"_s}};
    ASSERT_TRUE(
        m_server->hubspot().store().updateRecord(u"companies"_s, gammaId.toLongLong(), change, u"CRM_UI"_s));

    // Dry run: says what it would do, writes nothing.
    const qint64 writes = writeRequests();
    const RunOutcome preview = m_engine->undo(run.runId, true);
    ASSERT_EQ(preview.state, RunState::Planned) << preview.message.toStdString();
    EXPECT_EQ(writeRequests(), writes);
    const QList<JournalRecord> planned = records(preview.runId);
    QHash<QString, QString> actions;
    for (const JournalRecord& r : planned)
        actions.insert(r.crmId, r.action);
    EXPECT_EQ(actions.value(alphaId), u"restore"_s);
    EXPECT_EQ(actions.value(betaId), u"archive"_s);
    EXPECT_EQ(actions.value(annId), u"archive"_s);
    EXPECT_EQ(actions.value(gammaId), u"left_alone"_s);

    const RunOutcome undo = m_engine->undo(run.runId, false);
    ASSERT_EQ(undo.state, RunState::Completed) << undo.message.toStdString();
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"city"_s), u"Paris"_s);       // put back
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"description"_s), QString()); // was empty: cleared again
    EXPECT_EQ(crmValue(u"companies"_s, alphaId, u"country"_s), u"AT"_s);       // changed since: left alone
    EXPECT_EQ(crmValue(u"companies"_s, betaId, u"name"_s), u"<missing>"_s);    // created, unchanged: archived
    EXPECT_EQ(crmValue(u"contacts"_s, annId, u"email"_s), u"<missing>"_s);
    EXPECT_EQ(crmValue(u"companies"_s, gammaId, u"city"_s), u"Bergen"_s); // created, changed since: kept
    const QList<JournalRecord> done = records(undo.runId);
    for (const JournalRecord& r : done) {
        if (r.crmId == alphaId) {
            EXPECT_EQ(r.outcome, RecordOutcome::Restored);
            EXPECT_TRUE(r.note.contains(u"country"_s)) << r.note.toStdString();
            for (const JournalChange& c : r.changes)
                EXPECT_NE(c.property, u"country"_s);
        }
        if (r.crmId == gammaId) {
            EXPECT_EQ(r.outcome, RecordOutcome::LeftAlone);
        }
    }
    const std::optional<RunInfo> undoRun = m_engine->journal().run(undo.runId);
    ASSERT_TRUE(undoRun);
    EXPECT_EQ(undoRun->kind, RunKind::Undo);
    EXPECT_EQ(undoRun->undoOf, run.runId);
    ConnectorLogFilter f;
    f.runId = undo.runId;
    EXPECT_FALSE(m_engine->log().query(f)->isEmpty());

    // Undoing it twice is refused.
    const RunOutcome twice = m_engine->undo(run.runId, false);
    EXPECT_TRUE(twice.configurationError);
    EXPECT_EQ(twice.runId, undo.runId);
}

// ---- Threads --------------------------------------------------------------------------------

// The desktop moves the engine to a worker thread: the connector (and its network manager) is made
// there, the sandbox answers from this thread, and the signals arrive here through the event loop.
TEST_F(SandboxSyncTest, TheEngineRunsOnAWorkerThreadAndItsSignalsReachThisThread) {
    for (int i = 0; i < 120; ++i)
        contact(company(u"Co %1"_s.arg(i), u"co%1.example"_s.arg(i)), u"p%1@co%1.example"_s.arg(i));
    QThread worker;
    worker.start();
    m_engine->moveToThread(&worker);
    QEventLoop loop;
    int progressHere = 0;
    int logHere = 0;
    int elsewhere = 0;
    qint64 finishedRun = 0;
    QObject::connect(m_engine.get(), &SyncEngine::progress, &loop, [&](const RunProgress&) {
        (QThread::currentThread() == loop.thread() ? progressHere : elsewhere)++;
    });
    QObject::connect(m_engine.get(), &SyncEngine::logEntry, &loop, [&](const ConnectorLogEntry&) {
        (QThread::currentThread() == loop.thread() ? logHere : elsewhere)++;
    });
    QObject::connect(m_engine.get(), &SyncEngine::finished, &loop, [&](qint64 id) {
        finishedRun = id;
        loop.quit();
    });
    SyncRequest request;
    request.connection = u"sandbox"_s;
    QThread* engineThread = nullptr;
    QMetaObject::invokeMethod(m_engine.get(), [&] {
        engineThread = QThread::currentThread();
        m_engine->sync(request);
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    SyncEngine* engine = m_engine.get();
    QThread* here = QThread::currentThread();
    QMetaObject::invokeMethod(
        engine, [engine, here] { engine->moveToThread(here); }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();

    EXPECT_EQ(engineThread, &worker);
    ASSERT_GT(finishedRun, 0);
    EXPECT_GT(progressHere, 0);
    EXPECT_GT(logHere, 100);
    EXPECT_EQ(elsewhere, 0);
    const std::optional<RunInfo> run = m_engine->journal().run(finishedRun);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->state, RunState::Completed);
    EXPECT_EQ(crm(u"companies"_s).size(), 120);
    EXPECT_EQ(crm(u"contacts"_s).size(), 120);
}

// ---- Secrets --------------------------------------------------------------------------------

TEST_F(SandboxSyncTest, NoTokenInTheWorkspaceTheLogOrItsCsvExport) {
    const QString token = m_server->accessToken();
    Redactor::shared()->addSecret(token); // as ConnectorFactory does for every token it uses
    m_server->addFault(*sandbox::FaultRule::parse(u"500,path=/crm/v3/objects/companies/batch/*,times=1"_s));
    m_server->addFault(*sandbox::FaultRule::parse(u"429,times=2"_s));
    for (int i = 0; i < 30; ++i)
        contact(company(u"Co %1"_s.arg(i), u"co%1.example"_s.arg(i)), u"p%1@co%1.example"_s.arg(i));
    m_companyMapping.rows.append(
        MappingRow{u"name"_s, {MappingTarget{u"no_such_property"_s, UpdateStrategy::Override, false, {}}}});
    restartEngine();
    const RunOutcome refused = sync(); // a refused plan logs too
    EXPECT_TRUE(refused.configurationError);
    m_companyMapping = Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company);
    restartEngine();
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();

    const QList<ConnectorLogEntry> all = *m_engine->log().query({});
    ASSERT_GT(all.size(), 60);
    int requestsLogged = 0;
    for (const ConnectorLogEntry& e : all) {
        requestsLogged += e.action == u"request"_s ? 1 : 0;
        for (const QString& text : {e.message, e.request, e.hint, e.code, e.category})
            EXPECT_FALSE(text.contains(token)) << text.toStdString();
    }
    EXPECT_GT(requestsLogged, 5);
    EXPECT_FALSE(ConnectorLogExport::toCsv(all).contains(token.toUtf8()));
    const QJsonArray json = ConnectorLogExport::toJson(all);
    EXPECT_FALSE(QJsonDocument(json).toJson().contains(token.toUtf8()));
    m_engine.reset();
    m_workspace->releaseThreadConnection();
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        const QString path = m_workspace.path() + suffix;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        EXPECT_FALSE(bytes.contains(token.toUtf8())) << path.toStdString();
        // A bearer token a few characters shorter must not be there either (no partial leaks).
        EXPECT_FALSE(bytes.contains(token.left(20).toUtf8())) << path.toStdString();
    }
}

} // namespace
} // namespace syncdesk::test
