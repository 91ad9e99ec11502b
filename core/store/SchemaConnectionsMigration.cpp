#include "core/store/Schema.h"

namespace syncdesk {

// Migration 3: connections (not their secrets), mappings per connection and object, the cached CRM
// property lists. Enum-valued columns hold the stable names of core/sync/SyncSettings.h and
// core/connectors/CrmTypes.h; `settings` is a JSON object of further settings (docs/connections.md).
SchemaMigration connectionsMigration() {
    return {
        3,
        {
            QStringLiteral(
                "CREATE TABLE connections ("
                " id INTEGER PRIMARY KEY,"
                " uuid TEXT NOT NULL UNIQUE CHECK (uuid <> ''),"
                " name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),"
                " type TEXT NOT NULL CHECK (type IN ('hubspot','salesforce','sandbox')),"
                " base_url TEXT NOT NULL DEFAULT '',"
                " match_policy TEXT NOT NULL DEFAULT 'host'"
                "  CHECK (match_policy IN ('host','registrable')),"
                " company_mode TEXT NOT NULL DEFAULT 'create_update'"
                "  CHECK (company_mode IN ('create_update','update_only')),"
                " contact_mode TEXT NOT NULL DEFAULT 'create_update'"
                "  CHECK (contact_mode IN ('create_update','update_only','disabled')),"
                " ambiguous TEXT NOT NULL DEFAULT 'skip' CHECK (ambiguous IN ('skip','update_oldest')),"
                " lookup TEXT NOT NULL DEFAULT 'auto' CHECK (lookup IN ('auto','search','list')),"
                " settings TEXT NOT NULL DEFAULT '{}',"
                " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE mappings ("
                           " connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,"
                           " object TEXT NOT NULL CHECK (object IN ('company','contact')),"
                           " document TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL,"
                           " PRIMARY KEY (connection_id, object))"),
            QStringLiteral("CREATE TABLE crm_properties ("
                           " connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,"
                           " object TEXT NOT NULL CHECK (object IN ('company','contact')),"
                           " properties TEXT NOT NULL,"
                           " fetched_at TEXT NOT NULL,"
                           " PRIMARY KEY (connection_id, object))"),
        }};
}

} // namespace syncdesk
