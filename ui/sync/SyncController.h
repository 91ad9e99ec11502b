#pragma once

#include "core/log/ConnectorLogEntry.h"
#include "core/store/ConnectionStore.h"
#include "core/sync/RunTypes.h"
#include "core/sync/SyncEngine.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace syncdesk {

class AppContext;

// Runs the sync engine off the UI thread (PRODUCT.md "Long work never freezes the window"): one
// SyncEngine per open workspace lives on a QThread of its own; plan, execute (run or resume) and
// undo are queued to it, one job at a time, and their progress, log entries and outcomes come back
// as signals in the UI thread. Jobs are numbered: the dialog that started one recognises its end.
class SyncController : public QObject {
    Q_OBJECT

public:
    enum class Job { None, Plan, Execute, Undo };

    explicit SyncController(AppContext& context, QObject* parent = nullptr);
    ~SyncController() override; // cancels the job in progress and waits for it

    // Each returns the job's number, or 0 when a job is already running or no workspace is open.
    int plan(const QList<qint64>& companyIds, const Connection& connection);
    int execute(qint64 runId); // carries out a planned run, or resumes a paused/cancelled/interrupted one
    int undo(qint64 runId, bool dryRun);
    // Asks the job in progress to stop after the request in flight. Any thread.
    void cancel();

    bool isBusy() const { return m_job != Job::None; }
    Job currentJob() const { return m_job; }
    int currentTicket() const { return m_ticket; }
    // The run the current job works on (0 while a plan has not been journaled yet).
    qint64 currentRunId() const { return m_runId; }
    AppContext& context() const { return m_context; }

signals:
    void busyChanged(bool busy);
    void progress(const syncdesk::RunProgress& progress);
    void logEntry(const syncdesk::ConnectorLogEntry& entry);
    // A job ended: `ticket` is what plan()/execute()/undo() returned.
    void jobFinished(int ticket, syncdesk::SyncController::Job job, const syncdesk::RunOutcome& outcome);
    // The journal changed (a run was created, carried out or undone): the runs view reloads.
    void runsChanged();

private:
    int start(Job job, qint64 runId, std::function<RunOutcome(SyncEngine&)> work);
    void createEngine();
    void destroyEngine();

    AppContext& m_context;
    QThread m_thread;
    SyncEngine* m_engine = nullptr; // lives in m_thread
    Job m_job = Job::None;
    int m_ticket = 0;
    int m_lastTicket = 0;
    qint64 m_runId = 0;
};

} // namespace syncdesk

Q_DECLARE_METATYPE(syncdesk::SyncController::Job)
