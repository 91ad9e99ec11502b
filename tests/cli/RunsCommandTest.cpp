// End-to-end: the run journal through syncdesk-cli: `kill -9` in the middle of a sync, then `runs`
// shows it interrupted and `run resume` finishes it with zero duplicates and nothing written twice
// (counted in the sandbox's request log); `run show`; `undo` and `undo --dry-run`.
#include "tests/cli/SyncCliTestSupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <csignal>

namespace syncdesk::cli::test {
namespace {

class RunsCommand : public SyncCliFixture, public ::testing::WithParamInterface<bool> {};

TEST_P(RunsCommand, KillDashNineMidRunThenResumeWritesNothingTwiceAndCreatesNoDuplicate) {
    const bool upserts = GetParam();
    const QString create = upserts ? u"upsert"_s : u"create"_s;
    // Company writes are slowed down so that the kill lands while a batch is on the wire.
    ASSERT_TRUE(m_sandbox.start(statePath(), {u"--fault"_s, u"slow:250,path=/crm/v3/objects/*/batch/*"_s}));
    importCompanies(330);
    addConnection(m_sandbox.baseUrl());
    QStringList args{u"sync"_s, u"sb"_s, u"--token-env"_s, u"SD_TOKEN"_s};
    if (upserts)
        args.append(u"--create-id-property"_s);
    bool killed = false;
    const QString companyWrites = u"POST /crm/v3/objects/companies/batch/"_s + create;
    const CliResult first = run(args, [&](QProcess& p) {
        if (!killed && m_sandbox.count(companyWrites) >= 2) {
            ::kill(pid_t(p.processId()), SIGKILL); // the second batch has reached the CRM
            killed = true;
        }
    });
    ASSERT_TRUE(killed);
    EXPECT_EQ(first.exitCode, -9);

    const QJsonArray runs = run({u"runs"_s, u"--json"_s}).json().value(u"runs"_s).toArray();
    ASSERT_EQ(runs.size(), 1);
    const QJsonObject interrupted = runs.first().toObject();
    EXPECT_EQ(interrupted.value(u"state"_s).toString(), u"interrupted"_s);
    EXPECT_GT(interrupted.value(u"outcomes"_s)
                  .toObject()
                  .value(u"companies"_s)
                  .toObject()
                  .value(u"pending"_s)
                  .toInt(),
              0);
    const QString id = QString::number(interrupted.value(u"id"_s).toInteger());

    const CliResult resumed = run({u"run"_s, u"resume"_s, id, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    const QJsonObject outcomes = resumed.json().value(u"run"_s).toObject().value(u"outcomes"_s).toObject();
    EXPECT_EQ(outcomes.value(u"companies"_s).toObject().value(u"created"_s).toInt(), 330);
    EXPECT_EQ(outcomes.value(u"contacts"_s).toObject().value(u"created"_s).toInt(), 660);
    EXPECT_EQ(outcomes.value(u"companies"_s).toObject().value(u"pending"_s).toInt(), 0);

    // Nothing written twice: exactly the batches a single uninterrupted run needs.
    EXPECT_EQ(m_sandbox.count(companyWrites), 4);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/contacts/batch/create"_s), 7);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/update"_s), 0);
    // A run that is finished cannot be resumed again.
    EXPECT_EQ(run({u"run"_s, u"resume"_s, id, u"--token-env"_s, u"SD_TOKEN"_s}).exitCode, 2);

    m_sandbox.stop();
    const QJsonObject state = sandboxState();
    const QList<QJsonObject> companies = liveRecords(state, u"companies"_s);
    const QList<QJsonObject> contacts = liveRecords(state, u"contacts"_s);
    EXPECT_EQ(companies.size(), 330);
    EXPECT_EQ(contacts.size(), 660);
    EXPECT_EQ(duplicates(companies, u"domain"_s), 0);
    EXPECT_EQ(duplicates(contacts, u"email"_s), 0);
}

INSTANTIATE_TEST_SUITE_P(CreatesAndUpserts, RunsCommand, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                             return std::string(info.param ? "Upserts" : "JournaledCreates");
                         });

class UndoCommand : public SyncCliFixture {};

TEST_F(UndoCommand, UndoDryRunThenUndoAndRunsListsThem) {
    ASSERT_TRUE(m_sandbox.start(statePath()));
    importCompanies(3);
    addConnection(m_sandbox.baseUrl());
    const CliResult synced = run({u"sync"_s, u"sb"_s, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    const QString id = QString::number(synced.json().value(u"run"_s).toObject().value(u"id"_s).toInteger());

    const CliResult preview = run({u"undo"_s, id, u"--dry-run"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(preview.exitCode, 0) << preview.err.toStdString();
    EXPECT_EQ(preview.out.count(u": archive (crm "_s), 3 + 6) << preview.out.toStdString();
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/archive"_s), 0);

    const CliResult undone = run({u"undo"_s, id, u"--json"_s, u"--token-env"_s, u"SD_TOKEN"_s});
    ASSERT_EQ(undone.exitCode, 0) << undone.err.toStdString();
    const QJsonObject undoRun = undone.json().value(u"run"_s).toObject();
    EXPECT_EQ(undoRun.value(u"kind"_s).toString(), u"undo"_s);
    EXPECT_EQ(QString::number(undoRun.value(u"undo_of"_s).toInteger()), id);
    EXPECT_EQ(
        undoRun.value(u"outcomes"_s).toObject().value(u"companies"_s).toObject().value(u"archived"_s).toInt(),
        3);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/companies/batch/archive"_s), 1);
    EXPECT_EQ(m_sandbox.count(u"POST /crm/v3/objects/contacts/batch/archive"_s), 1);
    EXPECT_EQ(run({u"undo"_s, id, u"--token-env"_s, u"SD_TOKEN"_s}).exitCode, 2); // already undone

    const CliResult list = run({u"runs"_s});
    ASSERT_EQ(list.exitCode, 0);
    const QStringList lines = list.out.trimmed().split(u'\n');
    ASSERT_EQ(lines.size(), 3) << list.out.toStdString();
    EXPECT_TRUE(lines.at(0).contains(u"undo of "_s + id)) << lines.at(0).toStdString();
    EXPECT_TRUE(lines.at(1).contains(u"dry run"_s));
    EXPECT_TRUE(lines.at(2).contains(u"9 created"_s)) << lines.at(2).toStdString();
    const CliResult show = run({u"run"_s, u"show"_s, id});
    EXPECT_EQ(show.exitCode, 0);
    EXPECT_TRUE(show.out.contains(u"company 1 Company 000 [co0.example]: create -> created"_s))
        << show.out.toStdString();
    EXPECT_EQ(run({u"run"_s, u"show"_s, u"999"_s}).exitCode, 2);

    m_sandbox.stop();
    EXPECT_TRUE(liveRecords(sandboxState(), u"companies"_s).isEmpty());
}

} // namespace
} // namespace syncdesk::cli::test
