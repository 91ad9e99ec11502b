#pragma once

#include "core/connectors/CrmConnector.h"
#include "core/sync/RunTypes.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace syncdesk {

// Plans the undo of a run (PRODUCT.md "Undo a run"; docs/sync-runs.md "Undo"): reads the CRM's
// current values of every record the run wrote and decides, per record:
// - updated records: each written property whose CRM value is still what the run wrote is put back
//   to the value before the run (`restore`); properties changed since are left alone and listed;
// - created records: archived (`archive`) when every value the run wrote is still there, else left
//   alone ("changed since");
// - records gone from the CRM, or failed/skipped by the run: nothing to undo.
// The result is journaled as an undo run and carried out by SyncExecutor (or only shown, dry run).
// Associations the run added are kept (associations are never removed).
class RunUndo {
    Q_DECLARE_TR_FUNCTIONS(RunUndo)

public:
    struct Plan {
        QList<JournalRecord> records;  // the undo run's records (runId 0), in order
        std::optional<CrmError> error; // a read failed: nothing may be undone from a partial view
        int calls = 0;
        int restore = 0;
        int archive = 0;
        int leftAlone = 0;
    };

    explicit RunUndo(CrmConnector& connector);
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // `records`: the undone run's journal.
    Plan plan(const QList<JournalRecord>& records);

private:
    CrmConnector& m_connector;
    std::function<bool()> m_cancelled;
};

} // namespace syncdesk
