// End-to-end: `syncdesk-cli logs` after a sync through the sandbox: filters, --json, --csv (formula
// cells escaped), and no token in the log, its export or the workspace file.
#include "tests/cli/SyncCliTestSupport.h"

namespace syncdesk::cli::test {
namespace {

class LogsCommand : public SyncCliFixture {};

TEST_F(LogsCommand, FiltersJsonAndCsvWithoutAnyToken) {
    // A fault so that a retried request is logged too.
    ASSERT_TRUE(m_sandbox.start(
        statePath(), {u"--fault"_s, u"503,path=/crm/v3/objects/companies/batch/create,times=1"_s}));
    write(
        u"companies.csv"_s,
        "name,website\n\"=HYPERLINK(\"\"http://evil\"\")\",evil.example\nPlain,plain.example\nNo Site,n/a\n");
    ASSERT_EQ(run({u"import"_s, u"companies"_s, path(u"companies.csv"_s)}).exitCode, 0);
    addConnection(m_sandbox.baseUrl());
    const CliResult synced = run({u"sync"_s, u"sb"_s, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    const qint64 runId = synced.json().value(u"run"_s).toObject().value(u"id"_s).toInteger();

    const CliResult all = run({u"logs"_s, u"--run"_s, QString::number(runId)});
    ASSERT_EQ(all.exitCode, 0);
    EXPECT_TRUE(all.out.contains(u"request"_s));
    EXPECT_TRUE(all.out.contains(u"no key"_s)) << all.out.toStdString();

    const CliResult warnings = run({u"logs"_s, u"--level"_s, u"warning"_s, u"--json"_s});
    ASSERT_EQ(warnings.exitCode, 0);
    const QJsonArray entries = warnings.json().value(u"entries"_s).toArray();
    ASSERT_FALSE(entries.isEmpty());
    bool sawRetry = false;
    for (const QJsonValue& v : entries) {
        const QString level = v.toObject().value(u"level"_s).toString();
        EXPECT_TRUE(level == u"warning" || level == u"error") << level.toStdString();
        sawRetry = sawRetry || v.toObject().value(u"http_status"_s).toInt() == 503;
    }
    EXPECT_TRUE(sawRetry);

    const CliResult one = run({u"logs"_s, u"--record"_s, u"company:3"_s, u"--json"_s});
    ASSERT_EQ(one.exitCode, 0);
    for (const QJsonValue& v : one.json().value(u"entries"_s).toArray())
        EXPECT_EQ(v.toObject().value(u"local_id"_s).toInteger(), 3);
    EXPECT_EQ(run({u"logs"_s, u"--level"_s, u"loud"_s}).exitCode, 2);
    EXPECT_EQ(run({u"logs"_s, u"--record"_s, u"company"_s}).exitCode, 2);

    const QString csv = path(u"log.csv"_s);
    const CliResult exported = run({u"logs"_s, u"--csv"_s, csv});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(
        bytes.startsWith("time,level,run,object,local_id,crm_id,action,http_status,category,code,message,"));
    EXPECT_FALSE(bytes.contains(SandboxProcess::Token.toUtf8()));
    // No cell starts with a formula character: every line's cells are checked.
    for (const QByteArray& line : bytes.split('\n')) {
        for (const QByteArray& cell : line.split(',')) {
            const QByteArray c = cell.startsWith('"') ? cell.mid(1) : cell;
            EXPECT_FALSE(c.startsWith('=') || c.startsWith('+') || c.startsWith('@')) << line.toStdString();
        }
    }

    for (const QString& suffix : {QString(), u"-wal"_s}) {
        QFile ws(workspace() + suffix);
        if (ws.open(QIODevice::ReadOnly)) {
            EXPECT_FALSE(ws.readAll().contains(SandboxProcess::Token.toUtf8())) << suffix.toStdString();
        }
    }
    const CliResult json = run({u"logs"_s, u"--json"_s});
    EXPECT_FALSE(json.out.contains(SandboxProcess::Token));
}

} // namespace
} // namespace syncdesk::cli::test
