#pragma once

#include "core/sync/RunTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace syncdesk {

class Workspace;

// The run journal of a workspace (tables runs, run_records, run_changes; docs/sync-runs.md): what
// each run meant to do, how far it got, each record's outcome and the values it overwrote. The
// executor writes a record's `sending` state before its request leaves and its outcome right after
// the answer, each in its own transaction, so a crash loses nothing and resume knows exactly which
// writes may have happened.
//
// Uses the calling thread's workspace connection on every call (construct it anywhere; call it from
// the thread that runs the engine). On failure a method returns false/nullopt and lastError() says why.
class RunJournal {
    Q_DECLARE_TR_FUNCTIONS(RunJournal)

public:
    explicit RunJournal(const Workspace& workspace);

    const Workspace& workspace() const { return m_workspace; }
    QString lastError() const { return m_error; }

    // The workspace's own id (created on first use), and the value of the CRM's unique-id property
    // for one local record: "<workspace id>-co<id>" / "-ct<id>" (at most 48 characters).
    QString workspaceUid();
    QString uniqueValueFor(RecordObject object, qint64 localId);

    // ---- Runs -----------------------------------------------------------------------------------
    // Inserts the run (id, createdAt and updatedAt are set).
    bool createRun(RunInfo& run);
    // Writes every mutable member (state, phase, error, message, counts, lookup, selection, settings,
    // unique-id property, times).
    bool updateRun(RunInfo& run);
    std::optional<RunInfo> run(qint64 id);
    // Newest first; `limit` 0 = all.
    std::optional<QList<RunInfo>> runs(int limit = 0);
    // Undo runs of `runId`, newest first.
    std::optional<QList<RunInfo>> undoRunsOf(qint64 runId);

    // Runs left "running" by a process that is gone (its run lock is free) become "interrupted".
    // Returns the ids changed.
    QList<qint64> recoverInterrupted();

    // ---- Records --------------------------------------------------------------------------------
    // Journals the records of a run in one transaction (ids and runId are set).
    bool addRecords(qint64 runId, QList<JournalRecord>& records);
    // In seq order, with their changes.
    std::optional<QList<JournalRecord>> records(qint64 runId);
    // state = sending, attempts + 1, in one transaction, before the request goes out.
    bool markSending(const QList<JournalRecord*>& records);
    // state, attempts, outcome, crm id, error, note, association, `written` of the changes.
    bool saveRecords(const QList<const JournalRecord*>& records);
    std::optional<OutcomeCounts> outcomeCounts(qint64 runId);
    // The CRM record each local record of `object` was last written to or found unchanged at by a
    // finished run on the connection (local id -> CRM id); records an undo archived are left out.
    // A hint only (the CRM may have changed since): the planner reads these ids to bridge the search
    // index's lag, so a company created a moment ago is never created twice.
    std::optional<QHash<qint64, QString>> knownCrmIds(const QString& connectionId, RecordObject object);

private:
    bool fail(const QString& error);
    const Workspace& m_workspace;
    QString m_error;
    QString m_uid;
};

// The lock a process holds while it carries out a run (a lock file beside the workspace), so that a
// run is never carried out twice at once and a run whose process died is recognised as
// interrupted. QLockFile notices a lock left by a process that no longer exists.
class RunLock {
public:
    RunLock(const Workspace& workspace, qint64 runId);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    bool tryLock(); // false when another live process holds it
    void unlock();
    bool isLocked() const;
    static QString path(const Workspace& workspace, qint64 runId);

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace syncdesk
