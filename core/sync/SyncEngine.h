#pragma once

#include "core/connectors/CrmConnector.h"
#include "core/log/ConnectorLog.h"
#include "core/mapping/Mapping.h"
#include "core/net/CancelFlag.h"
#include "core/net/HttpClient.h"
#include "core/sync/LocalSelection.h"
#include "core/sync/RunJournal.h"
#include "core/sync/RunTypes.h"
#include "core/sync/SyncPlan.h"
#include "core/sync/SyncSettings.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace syncdesk {

class Clock;
class Workspace;

// A connection as the engine needs it: a connector that lives on the engine's thread, the
// connection's mappings and sync settings. Made by the ConnectionProvider in the engine's thread.
struct EngineConnection {
    QString id;
    QString name;
    std::shared_ptr<CrmConnector> connector;
    Mapping companyMapping;
    Mapping contactMapping;
    SyncSettings settings;
    // Optional hooks of connectors built on HttpClient: the engine subscribes the connector log to
    // every HTTP attempt (already redacted) and hands over the run's cancel flag, so that a wait for
    // the rate limiter or a backoff ends at once on cancel.
    std::function<void(HttpObserver)> addHttpObserver;
    std::function<void(const CancelFlag*)> setCancelFlag;
};

// Resolves a connection name into an EngineConnection, or returns nullopt with a translated message
// in *error and, when the CRM or the keychain refused, the CrmError in *crmError (exit codes).
using ConnectionProvider = std::function<std::optional<EngineConnection>(const QString& name, QString* error,
                                                                         std::optional<CrmError>* crmError)>;

// What to sync.
struct SyncRequest {
    QString connection;         // connection name
    SelectionRequest selection; // which companies (their contacts come along)
    bool dryRun = false;        // plan only (journaled as a dry run)
    // The user's consent to create the CRM's unique-id property (syncdesk_id / SyncDesk_Id__c) when
    // it does not exist yet; with it, creates are upserts on that property (docs/sync-runs.md).
    bool createUniqueIdProperty = false;
    std::optional<SyncSettings> settings; // overrides the connection's for this run
};

struct EngineOptions {
    Clock* clock = nullptr;                 // nullptr: the system clock
    std::optional<qint64> searchIndexLagMs; // nullopt: 5 s for HubSpot-dialect CRMs, 0 otherwise
    int maxSendsPerRecord = 5;              // lost answers before a record fails
};

// What a sync, resume or undo came to (synchronous callers: the CLI; the desktop reads the same
// from the signals and the journal).
struct RunOutcome {
    qint64 runId = 0; // 0 when no run was journaled (unknown connection, bad filter...)
    RunState state = RunState::Failed;
    std::optional<CrmError> error;
    QString message;                 // translated: why it stopped / what was wrong
    bool configurationError = false; // usage/configuration problem (exit code 2)
    QList<MappingProblem> problems;  // the mapping errors that refused the plan
    std::optional<SyncPlan> plan;    // sync: the plan (when planned in this call)
    std::optional<OutcomeCounts> outcomes;

    int failedRecords() const { return outcomes ? outcomes->failed() : 0; }
};

// The facade the CLI and the desktop drive (docs/sync-runs.md "SyncEngine"): plan, run, resume,
// cancel and undo, with live progress and log signals. Synchronous methods: call them in the thread
// the engine lives in. The desktop moves the engine to a QThread and calls them there, e.g.
// QMetaObject::invokeMethod(engine, [=] { engine->sync(request); }); cancel() may be called from any
// thread. Signals are emitted in the engine's thread (queued to the UI by Qt::AutoConnection).
class SyncEngine : public QObject {
    Q_OBJECT

public:
    SyncEngine(const Workspace& workspace, ConnectionProvider provider, QObject* parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const EngineOptions& options) { m_options = options; }
    ConnectorLog& log() { return *m_log; }
    RunJournal& journal() { return *m_journal; }

    // Plan and (unless dryRun) carry out a sync.
    RunOutcome sync(const SyncRequest& request);
    // Plan and journal a run without carrying it out (the desktop's preview); execute() carries it
    // out after the user confirmed. A dry run cannot be executed.
    RunOutcome plan(const SyncRequest& request);
    // Carries out a planned run, or resumes a paused, cancelled, interrupted or failed one: finished
    // writes are never repeated and writes that may have happened are re-checked first.
    RunOutcome execute(qint64 runId);
    RunOutcome resume(qint64 runId) { return execute(runId); }
    // Undoes a run (or shows what undo would do, dryRun): a new run of kind undo.
    RunOutcome undo(qint64 runId, bool dryRun);

    // For connectors built outside the engine (ConnectorEnvironment::observer): logs every HTTP
    // attempt (already redacted) as part of the run in progress. Call it in the engine's thread.
    HttpObserver httpObserver();

    // Thread-safe: the job in progress stops after the request in flight, and a job that has not
    // begun yet stops before its first request. A cancel stays in force until resetCancel(), which
    // whoever starts a job calls first: the desktop in its UI thread as it queues the job, so that
    // an Esc pressed before the engine's thread picks the job up is not lost.
    void cancel() { m_cancel.cancel(); }
    void resetCancel() { m_cancel.reset(); }
    const CancelFlag& cancelFlag() const { return m_cancel; }

signals:
    void progress(const syncdesk::RunProgress& progress);
    void logEntry(const syncdesk::ConnectorLogEntry& entry);
    // A sync's plan is ready (journaled as run `runId`): the preview.
    void planReady(qint64 runId, const syncdesk::SyncPlan& plan);
    // A sync, resume or undo ended (in any state); read the run from journal().
    void finished(qint64 runId);

private:
    std::optional<EngineConnection> openConnection(const QString& name, RunOutcome& outcome);
    bool planInto(RunInfo& run, EngineConnection& connection, const LocalSelection& selection,
                  bool createUniqueId, RunOutcome& outcome);
    RunOutcome executeRun(qint64 runId);
    RunOutcome carryOut(RunInfo& run, EngineConnection& connection);
    void finish(RunInfo& run, RunOutcome& outcome, RunState state, const std::optional<CrmError>& error,
                const QString& message);
    qint64 searchIndexLag(const EngineConnection& connection) const;
    Clock& clock() const;

    const Workspace& m_workspace;
    ConnectionProvider m_provider;
    EngineOptions m_options;
    std::unique_ptr<ConnectorLog> m_log;
    std::unique_ptr<RunJournal> m_journal;
    CancelFlag m_cancel;
    qint64 m_currentRun = 0; // for the HTTP log observer
};

} // namespace syncdesk

Q_DECLARE_METATYPE(syncdesk::SyncPlan)
Q_DECLARE_METATYPE(syncdesk::RunOutcome)
