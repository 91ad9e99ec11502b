#pragma once

#include "core/connectors/CrmConnector.h"
#include "core/sync/RunTypes.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace syncdesk {

class CancelFlag;
class Clock;
class ConnectorLog;
class RunJournal;

struct ExecutorOptions {
    DomainPolicy policy = DomainPolicy::Host; // companies are re-checked by domain key under it
    // Non-empty: company creates are upserts on this unique property (journal's uniqueValue).
    QString companyUpsertProperty;
    // Non-empty: contact creates are upserts on it. Only for CRMs whose contact->company link is a
    // field (ParentField): an upsert carries no association, so HubSpot-style CRMs create contacts
    // with the association and rely on the e-mail re-check instead.
    QString contactUpsertProperty;
    // Wait before re-checking lost company creates through a search (the CRM's search index lag).
    qint64 searchIndexLagMs = 0;
    // Requests whose answer was lost before a record is given up as failed.
    int maxSendsPerRecord = 5;
};

// The second half of a sync: carries out the journaled records of a run against the CRM
// (docs/sync-runs.md "Execution"). Companies first, then contacts, then associations; writes in full
// batches of the connector's maxWriteBatch; nothing for records that are done.
//
// - Every batch is journaled as `sending` before it leaves, and its outcomes right after the answer.
// - A whole-request answer that may or may not have been applied (lost answer, 5xx after retries)
//   makes its records uncertain: before anything is sent again the CRM is re-checked (creates: by
//   domain key / e-mail, updates: by reading the records), so a create is never repeated when it
//   went through. Upserts on the unique-id property are simply repeated. Records found `sending` in
//   the journal (a crash) are treated the same way.
// - One bad record never sinks its batch: per-record errors fail that record; a batch refused as a
//   whole (400/409/404 caused by one input) is split in halves until the bad record stands alone.
// - Rate limit that did not clear / daily limit -> the run pauses; authentication or permission ->
//   the run fails; cancel -> stops after the request in flight. Unsent records stay pending, so the
//   run is resumable.
// Synchronous; runs on the caller's (worker) thread.
class SyncExecutor {
    Q_DECLARE_TR_FUNCTIONS(SyncExecutor)

public:
    struct Result {
        RunState state = RunState::Completed;
        std::optional<CrmError> error; // what stopped the run
        int calls = 0;                 // CRM requests made
    };

    SyncExecutor(CrmConnector& connector, RunJournal& journal, Clock& clock);

    void setLog(ConnectorLog* log) { m_log = log; }
    void setCancelFlag(const CancelFlag* cancel) { m_cancel = cancel; }
    void setProgressCallback(std::function<void(const RunProgress&)> progress) {
        m_progress = std::move(progress);
    }

    // Carries out `records` (all records of `run`, as RunJournal::records() returns them; updated in
    // place and in the journal).
    Result execute(const RunInfo& run, QList<JournalRecord>& records, const ExecutorOptions& options);

private:
    class Pass;
    CrmConnector& m_connector;
    RunJournal& m_journal;
    Clock& m_clock;
    ConnectorLog* m_log = nullptr;
    const CancelFlag* m_cancel = nullptr;
    std::function<void(const RunProgress&)> m_progress;
};

} // namespace syncdesk
