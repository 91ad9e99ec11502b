#include "core/store/Schema.h"

namespace syncdesk {

// Migration 5: sort indexes for the built-in company columns that migrations 1 and 2 left without
// one, so that the company list's first page, sorted by any built-in column, is read along an
// index (CompanyQuery's IndexWalk and SQLite's LIMIT without a sort) instead of sorting every
// company. Each returns rows in (value, id) order, the order CompanyQuery sorts in (ties by id):
// companies_country / companies_industry of migration 2 continue with employees, not id, so they
// cannot serve the sort. Owned by the query module (core/query/CompanyQuery.cpp lists them in
// walkableSortKeys); docs/filter-expressions.md ("Performance") gives their sizes.

namespace {

struct Named {
    const char* name;
    const char* definition;
};

const Named sortIndexes[] = {
    {"companies_sort_country", "CREATE INDEX companies_sort_country ON companies (country COLLATE NOCASE)"},
    {"companies_sort_industry",
     "CREATE INDEX companies_sort_industry ON companies (industry COLLATE NOCASE)"},
    {"companies_sort_linkedin_url",
     "CREATE INDEX companies_sort_linkedin_url ON companies (linkedin_url COLLATE NOCASE)"},
    {"companies_sort_description",
     "CREATE INDEX companies_sort_description ON companies (description COLLATE NOCASE)"},
    {"companies_sort_created_at", "CREATE INDEX companies_sort_created_at ON companies (created_at)"},
};

} // namespace

SchemaMigration sortIndexMigration() {
    SchemaMigration m{5, {}};
    for (const Named& i : sortIndexes)
        m.statements << QString::fromLatin1(i.definition);
    return m;
}

// For companyBulkLoadBeginStatements() and companyQueryIndexStatement() (SchemaQueryMigration.cpp).
QStringList sortIndexDropStatements() {
    QStringList out;
    for (const Named& i : sortIndexes)
        out << QStringLiteral("DROP INDEX IF EXISTS ") + QString::fromLatin1(i.name);
    return out;
}

QString sortIndexDefinition(const QString& name) {
    for (const Named& i : sortIndexes) {
        if (name == QLatin1String(i.name))
            return QString::fromLatin1(i.definition);
    }
    return {};
}

} // namespace syncdesk
