#include "core/store/Schema.h"

#include <QStringList>

namespace syncdesk {

SchemaMigration queryIndexMigration();   // SchemaQueryMigration.cpp: indexes for the company query
SchemaMigration connectionsMigration();  // SchemaConnectionsMigration.cpp: connections, mappings, CRM schema cache
SchemaMigration runsMigration();         // SchemaRunsMigration.cpp: runs, run records, journal, connector log
SchemaMigration sortIndexMigration();    // SchemaSortIndexMigration.cpp: sort indexes for the company list

namespace {

// The company lookups of migration 1 (by domain key, by name), also dropped and rebuilt by a bulk load.
const char companiesDomainKeyIndex[] = "CREATE INDEX companies_domain_key ON companies (domain_key)";
const char companiesNameIndex[] = "CREATE INDEX companies_name ON companies (name COLLATE NOCASE)";

} // namespace

// Declared in core/query/CompanyBulkLoad.h.
QStringList companyIdentityIndexDropStatements()
{
    return {QStringLiteral("DROP INDEX IF EXISTS companies_domain_key"),
            QStringLiteral("DROP INDEX IF EXISTS companies_name")};
}

QStringList companyIdentityIndexCreateStatements()
{
    return {QString::fromLatin1(companiesDomainKeyIndex), QString::fromLatin1(companiesNameIndex)};
}

const QList<SchemaMigration>& workspaceMigrations()
{
    // Conventions: built-in fields have their own column; custom fields live in the JSON object
    // `custom` (field key -> value as text). `domain_key` is the host-policy domain key of the
    // company's website (else domain), kept by the store; the registrable key is derived from it.
    // `email_key` is the trimmed, lower-cased e-mail. Timestamps are ISO-8601 UTC text.
    static const QList<SchemaMigration> migrations = {
        {1,
         {
             QStringLiteral("CREATE TABLE field_definitions ("
                            " id INTEGER PRIMARY KEY,"
                            " object TEXT NOT NULL CHECK (object IN ('company','contact')),"
                            " key TEXT NOT NULL,"
                            " label TEXT NOT NULL,"
                            " type TEXT NOT NULL CHECK (type IN ('text','number','date','boolean','choice','url','email')),"
                            " built_in INTEGER NOT NULL DEFAULT 0,"
                            " choices TEXT NOT NULL DEFAULT '[]',"
                            " position INTEGER NOT NULL DEFAULT 0,"
                            " UNIQUE (object, key))"),
             QStringLiteral("CREATE TABLE companies ("
                            " id INTEGER PRIMARY KEY,"
                            " external_id TEXT UNIQUE,"
                            " name TEXT NOT NULL DEFAULT '',"
                            " website TEXT NOT NULL DEFAULT '',"
                            " domain TEXT NOT NULL DEFAULT '',"
                            " industry TEXT NOT NULL DEFAULT '',"
                            " employees INTEGER,"
                            " country TEXT NOT NULL DEFAULT '',"
                            " city TEXT NOT NULL DEFAULT '',"
                            " description TEXT NOT NULL DEFAULT '',"
                            " linkedin_url TEXT NOT NULL DEFAULT '',"
                            " domain_key TEXT NOT NULL DEFAULT '',"
                            " custom TEXT NOT NULL DEFAULT '{}',"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QString::fromLatin1(companiesDomainKeyIndex),
             QString::fromLatin1(companiesNameIndex),
             QStringLiteral("CREATE TABLE contacts ("
                            " id INTEGER PRIMARY KEY,"
                            " external_id TEXT UNIQUE,"
                            " company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,"
                            " first_name TEXT NOT NULL DEFAULT '',"
                            " last_name TEXT NOT NULL DEFAULT '',"
                            " email TEXT NOT NULL DEFAULT '',"
                            " email_key TEXT NOT NULL DEFAULT '',"
                            " job_title TEXT NOT NULL DEFAULT '',"
                            " phone TEXT NOT NULL DEFAULT '',"
                            " custom TEXT NOT NULL DEFAULT '{}',"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             // Also serves the importer's "same first and last name within the same company" lookup.
             QStringLiteral("CREATE INDEX contacts_company ON contacts"
                            " (company_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX contacts_email_key ON contacts (email_key)"),
         }},
        queryIndexMigration(),
        connectionsMigration(),
        runsMigration(),
        sortIndexMigration(),
    };
    return migrations;
}

int currentSchemaVersion()
{
    return workspaceMigrations().isEmpty() ? 0 : workspaceMigrations().constLast().version;
}

} // namespace syncdesk
