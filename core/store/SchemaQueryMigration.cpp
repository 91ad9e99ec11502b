#include "core/store/Schema.h"

namespace syncdesk {

// Migration 2: the search table, triggers and indexes that the company query (core/query/CompanyQuery)
// needs to stay fast on 1,000,000 companies. Owned by the query module's authors; see
// docs/filter-expressions.md ("Performance") for what each is for and what it costs.

namespace {

struct Named {
    const char* name;
    const char* definition;
};

// Free text: a trigram full-text index over name, website and domain (FTS5 trigram tokenizer, SQLite
// >= 3.34; Debian 12 ships 3.40). It reads the text from `companies` (external content) and is kept
// in step by the triggers. The update trigger only works when a searched column really changed.
const char searchTable[] = "CREATE VIRTUAL TABLE companies_search USING fts5(name, website, domain,"
                           " content='companies', content_rowid='id', tokenize='trigram')";
const char searchRebuild[] = "INSERT INTO companies_search(companies_search) VALUES ('rebuild')";

const Named searchTriggers[] = {
    {"companies_search_insert", "CREATE TRIGGER companies_search_insert AFTER INSERT ON companies BEGIN"
                                " INSERT INTO companies_search(rowid, name, website, domain) VALUES (new.id, "
                                "new.name, new.website, new.domain);"
                                " END"},
    {"companies_search_delete",
     "CREATE TRIGGER companies_search_delete AFTER DELETE ON companies BEGIN"
     " INSERT INTO companies_search(companies_search, rowid, name, website, domain)"
     " VALUES ('delete', old.id, old.name, old.website, old.domain);"
     " END"},
    {"companies_search_update",
     "CREATE TRIGGER companies_search_update AFTER UPDATE OF id, name, website, domain ON companies"
     " WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.website IS NOT new.website"
     " OR old.domain IS NOT new.domain BEGIN"
     " INSERT INTO companies_search(companies_search, rowid, name, website, domain)"
     " VALUES ('delete', old.id, old.name, old.website, old.domain);"
     " INSERT INTO companies_search(rowid, name, website, domain) VALUES (new.id, new.name, new.website, "
     "new.domain);"
     " END"},
};

// These and migration 5's sort indexes are the query indexes: a bulk load drops them and leaves each
// to the first query that needs it (core/query/CompanyBulkLoad.h), so any workspace may lack some.
// A later migration that changes one must not count on it being there (DROP INDEX IF EXISTS).
const Named indexes[] = {
    // The usual segmenting filters; with employees second, counts such as
    // `country = "UK" and employees > 50` are answered from the index alone.
    {"companies_country", "CREATE INDEX companies_country ON companies (country COLLATE NOCASE, employees)"},
    {"companies_industry",
     "CREATE INDEX companies_industry ON companies (industry COLLATE NOCASE, employees)"},
    // Sorting (and filtering): each returns rows in (value, id) order, so a sorted page walks it
    // (companies_name comes from migration 1). CompanyQuery.cpp lists them in walkableSortKeys.
    {"companies_employees", "CREATE INDEX companies_employees ON companies (employees)"},
    {"companies_city", "CREATE INDEX companies_city ON companies (city COLLATE NOCASE)"},
    {"companies_website", "CREATE INDEX companies_website ON companies (website COLLATE NOCASE)"},
    {"companies_domain", "CREATE INDEX companies_domain ON companies (domain COLLATE NOCASE)"},
    {"companies_updated_at", "CREATE INDEX companies_updated_at ON companies (updated_at)"},
};

} // namespace

QStringList sortIndexDropStatements(); // SchemaSortIndexMigration.cpp (migration 5)
QString sortIndexDefinition(const QString& name);

SchemaMigration queryIndexMigration() {
    SchemaMigration m{2, {QString::fromLatin1(searchTable), QString::fromLatin1(searchRebuild)}};
    for (const Named& t : searchTriggers)
        m.statements << QString::fromLatin1(t.definition);
    for (const Named& i : indexes)
        m.statements << QString::fromLatin1(i.definition);
    return m;
}

// Declared in core/query/CompanyBulkLoad.h.
QStringList companyBulkLoadBeginStatements() {
    QStringList out;
    for (const Named& t : searchTriggers)
        out << QStringLiteral("DROP TRIGGER IF EXISTS ") + QString::fromLatin1(t.name);
    for (const Named& i : indexes)
        out << QStringLiteral("DROP INDEX IF EXISTS ") + QString::fromLatin1(i.name);
    out << sortIndexDropStatements();
    return out;
}

QStringList companyBulkLoadTriggerStatements() {
    QStringList out;
    for (const Named& t : searchTriggers)
        out << QString::fromLatin1(t.definition);
    return out;
}

QString companyQueryIndexStatement(const QString& indexName) {
    QString definition = sortIndexDefinition(indexName);
    for (const Named& i : indexes) {
        if (definition.isEmpty() && indexName == QLatin1String(i.name))
            definition = QString::fromLatin1(i.definition);
    }
    if (definition.isEmpty())
        return {};
    static const QString create = QStringLiteral("CREATE INDEX ");
    return definition.replace(0, create.size(), QStringLiteral("CREATE INDEX IF NOT EXISTS "));
}

QStringList companyBulkLoadSearchStatements() {
    // FTS5 collects the terms of the rows in a hash table and writes a segment whenever it holds
    // `hashsize` bytes (1 MB by default): a million rows make ~130 segments, merged again and again.
    // With 64 MB the rebuild writes a few large ones: measured 1.7x faster for 1,000,000 companies
    // (docs/import.md), for ~80 MB more memory while it runs. The setting is stored in the index's
    // config table, so it is put back to the default afterwards.
    return {
        QStringLiteral("INSERT INTO companies_search(companies_search, rank) VALUES ('hashsize', 67108864)"),
        QString::fromLatin1(searchRebuild),
        QStringLiteral("INSERT INTO companies_search(companies_search, rank) VALUES ('hashsize', 1048576)")};
}

QStringList companyBulkLoadEndStatements() {
    return companyBulkLoadTriggerStatements() + companyBulkLoadSearchStatements();
}

} // namespace syncdesk
