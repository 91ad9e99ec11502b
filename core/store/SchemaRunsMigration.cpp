#include "core/store/Schema.h"

namespace syncdesk {

// Migration 4: runs, per-record plan and outcome, the before-values journal used by resume and undo,
// the connector log (docs/sync-runs.md). Timestamps are ISO-8601 UTC text with milliseconds.
SchemaMigration runsMigration() {
    return {
        4,
        {
            // Workspace-wide engine values (the workspace's own id, used in the CRM's unique-id
            // property so that two workspaces never claim each other's records).
            QStringLiteral("CREATE TABLE engine_meta ("
                           " key TEXT PRIMARY KEY,"
                           " value TEXT NOT NULL)"),
            // One row per run: a sync (or its dry run) or an undo of a run.
            QStringLiteral("CREATE TABLE runs ("
                           " id INTEGER PRIMARY KEY,"
                           " kind TEXT NOT NULL CHECK (kind IN ('sync','undo')),"
                           " state TEXT NOT NULL CHECK (state IN ('planned','running','completed','failed',"
                           "'paused','cancelled','interrupted')),"
                           " phase TEXT NOT NULL DEFAULT 'planning' CHECK (phase IN "
                           "('planning','executing','finished')),"
                           " dry_run INTEGER NOT NULL DEFAULT 0,"
                           " connection_id TEXT NOT NULL DEFAULT '',"
                           " connection_name TEXT NOT NULL DEFAULT '',"
                           " crm_kind TEXT NOT NULL DEFAULT '',"
                           " undo_of INTEGER REFERENCES runs (id),"
                           " unique_id_property TEXT NOT NULL DEFAULT '',"
                           " settings TEXT NOT NULL DEFAULT '{}',"
                           " selection TEXT NOT NULL DEFAULT '{}',"
                           " counts TEXT NOT NULL DEFAULT '{}',"
                           " lookup TEXT NOT NULL DEFAULT '{}',"
                           " error TEXT NOT NULL DEFAULT '',"
                           " message TEXT NOT NULL DEFAULT '',"
                           " created_at TEXT NOT NULL,"
                           " started_at TEXT NOT NULL DEFAULT '',"
                           " finished_at TEXT NOT NULL DEFAULT '',"
                           " updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX runs_state ON runs (state)"),
            QStringLiteral("CREATE INDEX runs_undo_of ON runs (undo_of)"),
            // One row per planned record: what the run meant to do, where it got to, and its outcome.
            // state: pending (to write) -> sending (request on the wire; journaled before sending)
            // -> done (outcome set). Records not written are done from the start.
            QStringLiteral("CREATE TABLE run_records ("
                           " id INTEGER PRIMARY KEY,"
                           " run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                           " seq INTEGER NOT NULL,"
                           " object TEXT NOT NULL CHECK (object IN ('company','contact')),"
                           " local_id INTEGER NOT NULL,"
                           " name TEXT NOT NULL DEFAULT '',"
                           " email TEXT NOT NULL DEFAULT '',"
                           " action TEXT NOT NULL,"
                           " reason_code TEXT NOT NULL DEFAULT '',"
                           " reason TEXT NOT NULL DEFAULT '',"
                           " match_key TEXT NOT NULL DEFAULT '',"
                           " unique_value TEXT NOT NULL DEFAULT '',"
                           " crm_id TEXT NOT NULL DEFAULT '',"
                           " company_local_id INTEGER NOT NULL DEFAULT 0,"
                           " association TEXT NOT NULL DEFAULT 'none',"
                           " association_company_id TEXT NOT NULL DEFAULT '',"
                           " association_state TEXT NOT NULL DEFAULT '',"
                           " state TEXT NOT NULL CHECK (state IN ('pending','sending','done')),"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " outcome TEXT NOT NULL DEFAULT '',"
                           " error TEXT NOT NULL DEFAULT '',"
                           " note TEXT NOT NULL DEFAULT '',"
                           " source_record_id INTEGER,"
                           " plan TEXT NOT NULL DEFAULT '{}',"
                           " updated_at TEXT NOT NULL,"
                           " UNIQUE (run_id, object, local_id))"),
            QStringLiteral("CREATE INDEX run_records_run ON run_records (run_id, seq)"),
            QStringLiteral("CREATE INDEX run_records_state ON run_records (run_id, state)"),
            QStringLiteral("CREATE INDEX run_records_crm ON run_records (crm_id)"),
            // Every property a record's write sets: the CRM's value before, the value written, the
            // strategy that decided, and whether the write went through (undo puts `before` back).
            QStringLiteral("CREATE TABLE run_changes ("
                           " id INTEGER PRIMARY KEY,"
                           " record_id INTEGER NOT NULL REFERENCES run_records (id) ON DELETE CASCADE,"
                           " property TEXT NOT NULL,"
                           " before TEXT NOT NULL DEFAULT '',"
                           " after TEXT NOT NULL DEFAULT '',"
                           " strategy TEXT NOT NULL DEFAULT '',"
                           " field TEXT NOT NULL DEFAULT '',"
                           " written INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX run_changes_record ON run_changes (record_id)"),
            // The connector log (PRODUCT.md "Connector log").
            QStringLiteral("CREATE TABLE connector_log ("
                           " id INTEGER PRIMARY KEY,"
                           " time TEXT NOT NULL,"
                           " level INTEGER NOT NULL,"
                           " run_id INTEGER,"
                           " object TEXT NOT NULL DEFAULT '',"
                           " local_id INTEGER NOT NULL DEFAULT 0,"
                           " crm_id TEXT NOT NULL DEFAULT '',"
                           " action TEXT NOT NULL DEFAULT '',"
                           " http_status INTEGER NOT NULL DEFAULT 0,"
                           " category TEXT NOT NULL DEFAULT '',"
                           " code TEXT NOT NULL DEFAULT '',"
                           " message TEXT NOT NULL DEFAULT '',"
                           " correlation_id TEXT NOT NULL DEFAULT '',"
                           " hint TEXT NOT NULL DEFAULT '',"
                           " request TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX connector_log_run ON connector_log (run_id, id)"),
            QStringLiteral("CREATE INDEX connector_log_level ON connector_log (level, id)"),
            QStringLiteral("CREATE INDEX connector_log_record ON connector_log (object, local_id)"),
            QStringLiteral("CREATE INDEX connector_log_crm ON connector_log (crm_id)"),
        }};
}

} // namespace syncdesk
