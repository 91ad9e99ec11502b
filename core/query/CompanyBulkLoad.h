#pragma once

#include <QStringList>

namespace syncdesk {

// Loading many companies at once (an import of a large file into a workspace that holds few).
//
// Migration 2 keeps the search index and seven indexes in step row by row (migration 5 adds five
// more). That is right for edits and small imports, but costly in bulk: with SQLite 3.40 a row
// inserted through the search-index trigger costs ~0.2 ms (FTS5 does bookkeeping at every
// trigger-fired insert: the same rows inserted into the search table directly go ~6x faster), and
// the indexes cost more the larger the table grows beyond the page cache. Loading in bulk instead:
//
//   BEGIN
//   companyBulkLoadBeginStatements()   drops the search triggers and the twelve query indexes
//   ... INSERT / UPDATE / DELETE companies ...
//   companyBulkLoadEndStatements()     recreates the triggers and rebuilds the whole search index
//   COMMIT
//
// Everything is transactional: a rollback restores the triggers and indexes. The search index's
// rebuild costs time in proportion to all companies (~3 s for 1,000,000, docs/import.md), so a bulk
// load pays off only when the load is large compared with what the workspace already holds. Other
// connections keep seeing the old state until COMMIT.
//
// The query indexes (sorting and filtering by one column: companyQueryIndexStatement()) are not
// rebuilt at the end: together they cost ~8 s for 1,000,000 companies, more than all the rows. Each
// is built by the first company query that needs it (CompanyQuery::prepare(), 0.5-1.6 s each for
// 1,000,000), and queries that need none (free text, sorting by name) never wait for them.
//
// Defined in core/store/SchemaQueryMigration.cpp, next to the migration they mirror (link
// syncdesk_core_store).
QStringList companyBulkLoadBeginStatements();
QStringList companyBulkLoadEndStatements();     // companyBulkLoadTriggerStatements(), then ...SearchStatements()
QStringList companyBulkLoadTriggerStatements(); // the search index's triggers
QStringList companyBulkLoadSearchStatements();  // the search index's rebuild
// "CREATE INDEX IF NOT EXISTS ..." for one of the query indexes of migrations 2 and 5
// (companies_country, companies_sort_description, ...); empty for any other name.
QString companyQueryIndexStatement(const QString& indexName);

// Migration 1's indexes by domain key and by name (CompanyStore::findByDomainKey(), findByName()). A
// load that does not look companies up through them (the importer's in-memory identity index) drops
// them as well: kept up row by row they cost about 3 us per inserted row, rebuilt once at the end
// about 0.6 us. Without them such a lookup reads the whole table, so whoever drops them recreates
// them as soon as lookups are needed again, and at the end, in the same transaction. Defined in
// core/store/Schema.cpp.
QStringList companyIdentityIndexDropStatements();
QStringList companyIdentityIndexCreateStatements();

} // namespace syncdesk
