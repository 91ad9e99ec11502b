#include "core/store/Schema.h"

namespace syncdesk {

// Migration 2: indexes (and any search tables) that the company query needs to stay fast on
// 1,000,000 companies. Owned by the query module's authors.
SchemaMigration queryIndexMigration()
{
    return {2, {}};
}

} // namespace syncdesk
