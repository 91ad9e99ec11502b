// End-to-end: `syncdesk-cli sync` as a real process against `syncdesk-sandbox` (PRODUCT.md
// "Headless", docs/sync-runs.md): the --json document, the text report, exit codes, Ctrl+C.
#include "tests/cli/SyncCliTestSupport.h"

#include "core/connectors/ConnectorFacts.h"

#include <csignal>

namespace syncdesk::cli::test {
namespace {

class SyncCommand : public SyncCliFixture {};

TEST_F(SyncCommand, JsonDocumentOfADryRunAndOfARun) {
    ASSERT_TRUE(m_sandbox.start(statePath()));
    importCompanies(3);
    write(u"more.csv"_s, "name,website\nNo Site,n/a\n");
    ASSERT_EQ(run({u"import"_s, u"companies"_s, path(u"more.csv"_s)}).exitCode, 0);
    addConnection(m_sandbox.baseUrl());

    const CliResult dry =
        run({u"sync"_s, u"sb"_s, u"--dry-run"_s, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const QJsonObject doc = dry.json();
    const QJsonObject run1 = doc.value(u"run"_s).toObject();
    EXPECT_GT(run1.value(u"id"_s).toInteger(), 0);
    EXPECT_EQ(run1.value(u"connection"_s).toString(), u"sb"_s);
    EXPECT_TRUE(run1.value(u"dry_run"_s).toBool());
    EXPECT_EQ(run1.value(u"state"_s).toString(), u"planned"_s);
    const QJsonObject counts = run1.value(u"counts"_s).toObject();
    EXPECT_EQ(counts.value(u"companies"_s).toObject().value(u"total"_s).toInt(), 4);
    EXPECT_EQ(counts.value(u"companies"_s).toObject().value(u"create"_s).toInt(), 3);
    EXPECT_EQ(counts.value(u"companies"_s).toObject().value(u"no_key"_s).toInt(), 1);
    EXPECT_EQ(counts.value(u"contacts"_s).toObject().value(u"create"_s).toInt(), 6);
    const QJsonArray records = doc.value(u"records"_s).toArray();
    ASSERT_EQ(records.size(), 4 + 6);
    int noKey = 0;
    for (const QJsonValue& v : records) {
        const QJsonObject r = v.toObject();
        for (const char* key :
             {"object", "local_id", "action", "outcome", "crm_id", "match", "changes", "error"})
            EXPECT_TRUE(r.contains(QLatin1String(key))) << key;
        EXPECT_TRUE(r.value(u"outcome"_s).isNull());
        const bool company = r.value(u"object"_s).toString() == u"company";
        EXPECT_TRUE(r.contains(company ? u"name"_s : u"email"_s));
        const QJsonObject match = r.value(u"match"_s).toObject();
        for (const char* key : {"raw_value", "key", "policy", "field", "candidates"})
            EXPECT_TRUE(match.contains(QLatin1String(key))) << key;
        if (r.value(u"action"_s).toString() == u"no_key") {
            ++noKey;
            EXPECT_TRUE(match.value(u"key"_s).isNull());
            EXPECT_FALSE(match.value(u"no_key_reason"_s).toString().isEmpty());
        } else if (r.value(u"action"_s).toString() == u"create") {
            EXPECT_FALSE(r.value(u"changes"_s).toArray().isEmpty());
            const QJsonObject change = r.value(u"changes"_s).toArray().first().toObject();
            for (const char* key : {"property", "before", "after", "strategy"})
                EXPECT_TRUE(change.contains(QLatin1String(key))) << key;
        }
    }
    EXPECT_EQ(noKey, 1);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s), 0);

    const CliResult real = run({u"sync"_s, u"sb"_s, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(real.exitCode, 0) << real.err.toStdString();
    const QJsonObject done = real.json();
    EXPECT_FALSE(done.value(u"run"_s).toObject().value(u"dry_run"_s).toBool());
    EXPECT_EQ(done.value(u"run"_s).toObject().value(u"state"_s).toString(), u"completed"_s);
    int created = 0;
    for (const QJsonValue& v : done.value(u"records"_s).toArray()) {
        const QJsonObject r = v.toObject();
        if (r.value(u"outcome"_s).toString() == u"created") {
            ++created;
            EXPECT_FALSE(r.value(u"crm_id"_s).toString().isEmpty());
            EXPECT_TRUE(r.value(u"error"_s).isNull());
        }
    }
    EXPECT_EQ(created, 3 + 6);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s), 1);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/contacts/batch/create"_s), 1);

    // The same run, from the journal.
    const qint64 id = done.value(u"run"_s).toObject().value(u"id"_s).toInteger();
    const CliResult shown = run({u"run"_s, u"show"_s, QString::number(id), u"--json"_s});
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_EQ(shown.json().value(u"records"_s).toArray(), done.value(u"records"_s).toArray());

    // Nothing left to write: a second sync sends no write at all.
    const CliResult again = run({u"sync"_s, u"sb"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(u"unchanged"_s)) << again.out.toStdString();
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s), 1);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/update"_s), 0);
}

TEST_F(SyncCommand, TextReportShowsTheMatchReportAndEveryRecord) {
    ASSERT_TRUE(m_sandbox.start(statePath()));
    importCompanies(2);
    addConnection(m_sandbox.baseUrl());
    const CliResult r =
        run({u"sync"_s, u"sb"_s, u"--where"_s, u"name = \"Company 001\""_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Companies: 1"_s)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"company 2 Company 001 [co1.example]: create -> created"_s))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"city: (empty) -> City 1 (create)"_s));
    EXPECT_TRUE(r.out.contains(u"contact"_s));
    EXPECT_FALSE(r.out.contains(u"Company 000"_s));
}

TEST_F(SyncCommand, ExitCodes) {
    ASSERT_TRUE(m_sandbox.start(statePath()));
    importCompanies(2, u"ref"_s, [](int i) { return i == 1 ? u"R-TAKEN"_s : u"R-%1"_s.arg(i); });
    addConnection(m_sandbox.baseUrl());

    // 2: usage and configuration.
    EXPECT_EQ(run({u"sync"_s}).exitCode, 2);
    EXPECT_EQ(run({u"sync"_s, u"nope"_s, u"--token-env"_s, u"SD_TOKEN"_s}).exitCode, 2);
    const CliResult badFilter =
        run({u"sync"_s, u"sb"_s, u"--where"_s, u"employees >"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    EXPECT_EQ(badFilter.exitCode, 2);
    EXPECT_TRUE(badFilter.err.contains(u"^"_s)) << badFilter.err.toStdString();
    EXPECT_EQ(run({u"sync"_s, u"sb"_s, u"--ids"_s, u"1,x"_s}).exitCode, 2);
    EXPECT_EQ(run({u"sync"_s, u"sb"_s, u"--token-env"_s, u"SD_UNSET_VARIABLE"_s}).exitCode, 2);
    // 3: the CRM refuses the token.
    const CliResult auth = run({u"sync"_s, u"sb"_s, u"--token-env"_s, u"SD_BAD_TOKEN"_s});
    EXPECT_EQ(auth.exitCode, 3) << auth.err.toStdString();
    EXPECT_FALSE(auth.err.contains(u"not-a-valid-token"_s)); // never echoed
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s), 0);

    // 1: one record fails at the CRM (its unique value is taken), the rest is written.
    m_sandbox.stop();
    write(u"seed.json"_s,
          R"({"properties": {"companies": [{"name": "external_ref", "label": "Ref", "type": "string",
        "fieldType": "text", "groupName": "companyinformation", "hasUniqueValue": true}]},
        "companies": [{"name": "Taken", "domain": "taken.example", "external_ref": "R-TAKEN"}]})");
    QFile::remove(statePath());
    ASSERT_TRUE(m_sandbox.start(statePath(), {u"--seed"_s, path(u"seed.json"_s)}));
    write(u"mapping.json"_s, R"({"format": "syncdesk-mapping", "version": 1, "object": "companies", "rows": [
        {"field": "name", "targets": [{"property": "name", "strategy": "update_if_empty"}]},
        {"field": "website", "targets": [{"property": "domain", "strategy": "update_if_empty"}]},
        {"field": "ref", "targets": [{"property": "external_ref", "strategy": "override"}]}]})");
    const CliResult mapped = run({u"mapping"_s, u"import"_s, u"sb"_s, u"--object"_s, u"companies"_s,
                                  path(u"mapping.json"_s), u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(mapped.exitCode, 0) << mapped.err.toStdString() << mapped.out.toStdString();
    const CliResult failed = run({u"sync"_s, u"sb"_s, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    int failures = 0;
    for (const QJsonValue& v : failed.json().value(u"records"_s).toArray()) {
        const QJsonObject r = v.toObject();
        if (r.value(u"outcome"_s).toString() == u"failed") {
            ++failures;
            EXPECT_EQ(r.value(u"name"_s).toString(), u"Company 001"_s);
            const QJsonObject error = r.value(u"error"_s).toObject();
            EXPECT_GT(error.value(u"http_status"_s).toInt(), 0);
            EXPECT_FALSE(error.value(u"message"_s).toString().isEmpty());
        }
    }
    EXPECT_EQ(failures, 1);

    // 4: the daily limit pauses the run; the next day it is resumed to the end (0).
    m_sandbox.stop();
    QFile::remove(statePath());
    ASSERT_TRUE(
        m_sandbox.start(statePath(), {u"--seed"_s, path(u"seed.json"_s), u"--daily-limit"_s, u"3"_s}));
    const CliResult paused = run({u"sync"_s, u"sb"_s, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    EXPECT_EQ(paused.exitCode, 4) << paused.err.toStdString();
    const QJsonObject pausedRun = paused.json().value(u"run"_s).toObject();
    EXPECT_EQ(pausedRun.value(u"state"_s).toString(), u"paused"_s) << paused.out.toStdString();
    m_sandbox.stop();
    ASSERT_TRUE(m_sandbox.start(statePath()));
    const CliResult resumed =
        run({u"run"_s, u"resume"_s, QString::number(pausedRun.value(u"id"_s).toInteger()), u"--token-env"_s,
             u"SD_TOKEN"_s});
    EXPECT_EQ(resumed.exitCode, 1) << resumed.err.toStdString() << resumed.out.toStdString(); // R-TAKEN again
    EXPECT_TRUE(resumed.out.contains(u"completed"_s));
}

TEST_F(SyncCommand, CtrlCCancelsAfterTheRequestInFlightWithExitCode130) {
    ASSERT_TRUE(
        m_sandbox.start(statePath(), {u"--fault"_s, u"slow:300,path=/crm/v3/objects/*/batch/create"_s}));
    importCompanies(1000); // 10 batches of creates
    addConnection(m_sandbox.baseUrl());
    bool sent = false;
    const CliResult r = run({u"sync"_s, u"sb"_s, u"--token-env"_s, u"SD_TOKEN"_s}, [&](QProcess& p) {
        if (!sent && m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s) >= 1) {
            ::kill(pid_t(p.processId()), SIGINT);
            sent = true;
        }
    });
    ASSERT_TRUE(sent);
    EXPECT_EQ(r.exitCode, 130) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"run resume"_s)) << r.err.toStdString();
    const QJsonArray runs = run({u"runs"_s, u"--json"_s}).json().value(u"runs"_s).toArray();
    ASSERT_EQ(runs.size(), 1);
    EXPECT_EQ(runs.first().toObject().value(u"state"_s).toString(), u"cancelled"_s);
    const int creates = m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s);
    // The batches in flight (ConnectorFacts::requestsInFlight of them), perhaps one more sent before
    // the signal was handled: nothing after that.
    EXPECT_LE(creates, ConnectorFacts::forKind(CrmKind::Sandbox).requestsInFlight + 1);
    EXPECT_LT(creates, 10);

    const CliResult resumed =
        run({u"run"_s, u"resume"_s, QString::number(runs.first().toObject().value(u"id"_s).toInteger()),
             u"--token-env"_s, u"SD_TOKEN"_s});
    EXPECT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/create"_s), 10) << "no batch sent twice";
    m_sandbox.stop();
    const QJsonObject state = sandboxState();
    EXPECT_EQ(liveRecords(state, u"companies"_s).size(), 1000);
    EXPECT_EQ(liveRecords(state, u"contacts"_s).size(), 2000);
}

} // namespace
} // namespace syncdesk::cli::test
