// Sync engine benchmark (PRODUCT.md "Performance targets": API efficiency and throughput).
//
// Syncs 10,000 companies and 20,000 contacts into an in-process Sandbox CRM that already holds
// 50,000 companies, through the real HubSpotConnector over loopback HTTP. Of the 10,000 companies
// 5,000 are already in the CRM (2,500 with a changed city, 2,500 unchanged) and 5,000 are new; each
// company has two contacts, the first contact of every existing company is already in the CRM and
// associated (unchanged). Calls are counted per endpoint from the sandbox's request log.
//
// Counters:
//   calls           CRM requests the sync made (every attempt the sandbox saw)
//   lower_bound     the fewest requests of the best correct plan for the job (an oracle that knows
//                   which lookup is cheaper, so no count call): 2 schema reads; the company lookup,
//                   the cheaper of paging every CRM company (100 per page) or searching: the census
//                   (1 call, or its pages of 200) plus the keys' IN values packed into 3,000-character
//                   bodies with nothing wasted (characters / room per body, rounded up); the contacts'
//                   e-mails 100 per batch read; one association read per 100 matched contacts; writes
//                   in full batches of 100 (associations of new contacts at create time), nothing for
//                   unchanged records
//   lookup_lower_bound, lookup_calls   the company-lookup share of lower_bound and of the plan's
//                   calls (count + census + searches, or count + pages)
//   vs_lower_bound  calls / lower_bound (target <= 1.1)
//   naive_calls     a one-call-per-record script: one lookup per company and contact, one write per
//                   written record
//   naive_ratio     naive_calls / calls
//   wall_s          wall time of the sync (plan + run)
//   rate_used       requests per second / the limit's 10 per second (rate-limited runs)
//
// BM_Sync/0: no rate limit, full size. BM_Sync/1: HubSpot's 100 requests per 10 s (client limiter and
// sandbox) on a 1/10 slice of the job (1,000 companies, 2,000 contacts, 5,000 CRM companies), in real
// time. BM_Sync/2: the full job under that limit (about 100 s).
#include "core/connectors/LookupChunks.h"
#include "core/connectors/hubspot/HubSpotConnector.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/RateLimiter.h"
#include "core/sandbox/SandboxServer.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/store/Workspace.h"
#include "core/sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

struct Job {
    int companies = 10000;
    int existing = 5000; // of them already in the CRM
    int changed = 2500;  // of those, with a changed city
    int crmCompanies = 50000;
};

Job scaled(double f) {
    Job j;
    j.companies = int(j.companies * f);
    j.existing = int(j.existing * f);
    j.changed = int(j.changed * f);
    j.crmCompanies = int(j.crmCompanies * f);
    return j;
}

QString domainOf(int i) {
    return u"co%1.example"_s.arg(i);
}

QJsonObject crmSeed(const Job& job) {
    QJsonArray companies;
    QJsonArray contacts;
    for (int i = 0; i < job.crmCompanies; ++i) {
        if (i < job.existing) {
            companies.append(
                QJsonObject{{u"name"_s, u"Company %1"_s.arg(i)},
                            {u"domain"_s, domainOf(i)},
                            {u"city"_s, i < job.changed ? u"Old city"_s : u"City %1"_s.arg(i % 50)}});
            contacts.append(QJsonObject{{u"email"_s, QString(u"a%1@"_s.arg(i) + domainOf(i))},
                                        {u"firstname"_s, u"Ann"_s},
                                        {u"lastname"_s, u"Person %1"_s.arg(i)},
                                        {u"associatedCompanies"_s, QJsonArray{int(companies.size()) - 1}}});
        } else {
            companies.append(
                QJsonObject{{u"name"_s, u"Other %1"_s.arg(i)}, {u"domain"_s, u"crm%1.example"_s.arg(i)}});
        }
    }
    return QJsonObject{{u"companies"_s, companies}, {u"contacts"_s, contacts}};
}

void fillWorkspace(const Workspace& workspace, const Job& job) {
    Workspace::Transaction tx = workspace.transaction();
    CompanyStore companies(workspace);
    ContactStore contacts(workspace);
    for (int i = 0; i < job.companies; ++i) {
        Company c;
        c.name = u"Company %1"_s.arg(i);
        c.website = domainOf(i);
        c.city = u"City %1"_s.arg(i % 50);
        companies.insert(c);
        for (const QString& who : {u"a"_s, u"b"_s}) {
            Contact p;
            p.companyId = c.id;
            p.firstName = who == u"a" ? u"Ann"_s : u"Bob"_s;
            p.lastName = u"Person %1"_s.arg(i);
            p.email = who + QString::number(i) + u'@' + domainOf(i);
            contacts.insert(p);
        }
    }
    tx.commit();
}

struct Bounds {
    double lower = 0;
    double companyLookup = 0; // of which the company lookup
    double naive = 0;
};

double ceilDiv(double n, double size) {
    return std::ceil(n / size);
}

// The fewest calls of the best correct plan for the job, from the plan's outcome (what must be read
// and written) and the CRM's limits; see the header comment.
Bounds bounds(const SyncPlan& plan, HubSpotConnector& crm, const Job& job, const QJsonObject& seed) {
    const ConnectorFacts& f = crm.facts();
    QStringList keys;
    int companyCreates = 0, companyUpdates = 0, contactCreates = 0, contactUpdates = 0, matchedContacts = 0;
    int associationAdds = 0, emails = 0, written = 0;
    for (const RecordPlan& r : plan.companies) {
        if (!r.match.key.isEmpty() && r.action != PlanAction::Duplicate)
            keys.append(r.match.key);
        companyCreates += r.action == PlanAction::Create ? 1 : 0;
        companyUpdates += r.action == PlanAction::Update ? 1 : 0;
    }
    for (const RecordPlan& r : plan.contacts) {
        emails += r.action == PlanAction::Create || r.action == PlanAction::Update ||
                          r.action == PlanAction::Unchanged || r.action == PlanAction::Ambiguous
                      ? 1
                      : 0;
        contactCreates += r.action == PlanAction::Create ? 1 : 0;
        contactUpdates += r.action == PlanAction::Update && !r.changes.isEmpty() ? 1 : 0;
        matchedContacts += r.crmId.isEmpty() ? 0 : 1;
        associationAdds += r.association.kind == AssociationPlan::Kind::Add ? 1 : 0;
    }
    written = companyCreates + companyUpdates + contactCreates + contactUpdates;

    // Company lookup: listing every CRM company, or searching. A search must send every key's values
    // (each costs its length + 2 quotes + 1 comma) in bodies of at most maxRequestChars, of which the
    // skeleton (properties, limit, paging cursor, one filter group) takes its share: the values'
    // characters divided by what is left per body (group overheads ignored, so this is a floor), plus
    // the census: one call, or its pages when CRM values that are not bare hosts exist.
    const QStringList props = Mapping::defaultMapping(f.kind, RecordObject::Company).targetProperties();
    const QString cursor = QString::number(f.maxSearchResults);
    const int skeleton = int(QJsonDocument(crm.domainSearchBody({QString()}, props, cursor))
                                 .toJson(QJsonDocument::Compact)
                                 .size()) -
                         2;
    double valueChars = 0;
    for (const QString& key : std::as_const(keys)) {
        for (const QString& v : domainSearchValues(key))
            valueChars += double(v.toUtf8().size()) + 3;
    }
    qint64 census = 0;
    for (const QJsonValue& c : seed.value(u"companies"_s).toArray()) {
        if (matchesDomainCensus(c.toObject().value(u"domain"_s).toString(), f.domainCensusPatterns))
            ++census;
    }
    const double search = std::max(1.0, ceilDiv(double(census), f.searchPageSize)) +
                          ceilDiv(valueChars, double(f.domainLookup.maxRequestChars - skeleton + 1));
    const double list = ceilDiv(job.crmCompanies, f.listPageSize);
    Bounds b;
    b.companyLookup = std::min(search, list);
    b.lower = 2 + b.companyLookup + ceilDiv(emails, f.emailLookup.maxValues) +
              ceilDiv(matchedContacts, f.maxAssociationReadBatch) + ceilDiv(companyCreates, f.maxWriteBatch) +
              ceilDiv(companyUpdates, f.maxWriteBatch) + ceilDiv(contactCreates, f.maxWriteBatch) +
              ceilDiv(contactUpdates, f.maxWriteBatch) + ceilDiv(associationAdds, f.maxWriteBatch);
    b.naive = double(plan.companies.size() + plan.contacts.size() + written);
    return b;
}

void BM_Sync(benchmark::State& state) {
    const bool rateLimited = state.range(0) >= 1;
    const Job job = state.range(0) == 1 ? scaled(0.1) : Job{};
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        std::unique_ptr<Workspace> workspace = Workspace::open(dir.filePath(u"ws.sqlite"_s));
        fillWorkspace(*workspace, job);
        sandbox::SandboxSettings s;
        s.indexLagMinMs = s.indexLagMaxMs = 0;
        s.randomSeed = 1;
        s.dailyLimit = 0;
        s.burstLimit = rateLimited ? 100 : 100000000;
        s.searchPerSecond = rateLimited ? 5 : 0;
        sandbox::SandboxServer server(s);
        server.listen();
        QString error;
        const QJsonObject seed = crmSeed(job);
        if (!server.loadSeedJson(seed, &error)) {
            state.SkipWithError(error.toStdString().c_str());
            return;
        }
        server.requestLog().clear();

        std::shared_ptr<RateLimiter> limiter;
        if (rateLimited) {
            limiter = std::make_shared<RateLimiter>();
            HubSpotHttpPolicy().configureLimiter(*limiter);
        }
        // Kept alive here: the engine drops its connection when the sync returns, and bounds() asks
        // the connector for its facts and request sizes afterwards.
        std::shared_ptr<HubSpotConnector> connector;
        ConnectionProvider provider = [&](const QString&, QString*, std::optional<CrmError>*) {
            HubSpotConnector::Options options;
            options.kind = CrmKind::Sandbox;
            options.baseUrl = server.baseUrl();
            options.accessToken = server.accessToken();
            HttpClient::Dependencies deps;
            deps.limiter = limiter;
            deps.policy = std::make_shared<HubSpotHttpPolicy>();
            auto c = std::make_shared<HubSpotConnector>(options, deps);
            connector = c;
            EngineConnection e;
            e.name = u"sandbox"_s;
            e.connector = c;
            e.companyMapping = Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company);
            e.contactMapping = Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Contact);
            e.settings = SyncSettings::defaultsFor(CrmKind::Sandbox);
            return std::optional<EngineConnection>(e);
        };
        SyncEngine engine(*workspace, provider);
        engine.log().setMinimumLevel(LogLevel::Info); // per-request lines are debug
        SyncRequest request;
        request.connection = u"sandbox"_s;
        state.ResumeTiming();

        QElapsedTimer timer;
        timer.start();
        const RunOutcome out = engine.sync(request);
        const double wall = timer.elapsed() / 1000.0;

        state.PauseTiming();
        if (out.state != RunState::Completed || out.failedRecords() != 0 || !out.plan) {
            state.SkipWithError(("sync did not complete: " + out.message.toStdString()).c_str());
            return;
        }
        const double calls = double(server.requestLog().total());
        // SYNCDESK_BENCH_SYNC_TIMELINE=FILE: every request the sandbox saw, one line each
        // (sandbox time ms, duration ms, status, endpoint), to see where a run waits.
        if (const QString path = qEnvironmentVariable("SYNCDESK_BENCH_SYNC_TIMELINE"); !path.isEmpty()) {
            if (FILE* f = fopen(path.toLocal8Bit().constData(), "w")) {
                for (const sandbox::RequestLogEntry& e : server.requestLog().entries())
                    fprintf(f, "%lld %lld %d %s\n", static_cast<long long>(e.timeMs),
                            static_cast<long long>(e.durationMs), e.status, qPrintable(e.endpoint));
                fclose(f);
            }
        }
        const Bounds b = bounds(*out.plan, *connector, job, seed);
        state.counters["calls"] = calls;
        state.counters["lower_bound"] = b.lower;
        state.counters["lookup_lower_bound"] = b.companyLookup;
        state.counters["lookup_calls"] =
            double(out.plan->lookup.countCalls + out.plan->lookup.companySearchCalls +
                   out.plan->lookup.companyListCalls);
        state.counters["vs_lower_bound"] = calls / b.lower;
        state.counters["naive_calls"] = b.naive;
        state.counters["naive_ratio"] = b.naive / calls;
        state.counters["wall_s"] = wall;
        if (rateLimited)
            state.counters["rate_used"] = calls / wall / 10.0;
        const QMap<QString, qint64> counts = server.requestLog().counts();
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            fprintf(stderr, "  %6lld  %s\n", static_cast<long long>(it.value()), qPrintable(it.key()));
        const auto byStatus = server.requestLog().countsByStatus();
        qint64 rejected = 0;
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            rejected += it->value(429);
        state.counters["http_429"] = double(rejected);
        state.ResumeTiming();
    }
}

BENCHMARK(BM_Sync)->Arg(0)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
