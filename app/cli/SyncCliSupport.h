#pragma once

// Shared by the sync, runs/run/undo and logs commands (SyncCommand.cpp, RunsCommand.cpp,
// LogsCommand.cpp): an engine on the workspace whose connections come from the workspace
// (CliSupport's openConnection, --token-env), Ctrl+C handling, the --json document and the plain
// text report of a run, and the exit code of a run (docs/sync-runs.md "Exit codes").

#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"

#include "core/store/Workspace.h"
#include "core/sync/SyncEngine.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace syncdesk::cli {

struct EngineSession {
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<SyncEngine> engine;
    // Set when opening a connection failed: the problem has been printed and this is the exit code.
    std::shared_ptr<std::optional<int>> connectionExitCode = std::make_shared<std::optional<int>>();
};

// Opens the workspace and an engine whose connections are the workspace's (token from the keychain,
// or from --token-env). nullopt after printing why.
std::optional<EngineSession> openEngine(CliContext& ctx, const CrmOptions& crm);

// While alive, SIGINT and SIGTERM cancel the engine's job after the request in flight (a second
// Ctrl+C ends the process at once).
class InterruptGuard {
public:
    explicit InterruptGuard(SyncEngine& engine);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    static bool interrupted();
};

// The document of `sync --json`, `run show --json`, `run resume --json`, `undo --json`:
// {"run": {...}, "records": [...], "lookup"?, "problems"?, "error"?}.
QJsonObject runDocument(RunJournal& journal, qint64 runId, const RunOutcome* outcome = nullptr);

// Prints the outcome (JSON document, or text: match report, one line per record, summary) and
// returns the exit code: 0 all good (dry runs too), 1 finished with failed records or stopped by a
// CRM or network error, 2 usage/configuration, 3 authentication/permission, 4 paused by a limit,
// 130 interrupted (cancelled).
int reportRun(CliContext& ctx, EngineSession& session, const RunOutcome& outcome, bool json);
int exitCodeForRun(const RunOutcome& outcome);

// Text of one journaled record: "company 12 Acme: update -> updated (crm 1001)" and its changes or
// error on the following lines (indented).
QString recordText(const JournalRecord& record, bool dryRun);

// Parses a positive whole number (run ids, --limit); nullopt when it is not one.
std::optional<qint64> parseId(const QString& text);

} // namespace syncdesk::cli
