#pragma once

#include "core/model/FieldDefinition.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace syncdesk {

// A field a query can filter and sort on: a field definition plus where its value lives.
struct QueryField {
    enum class Storage {
        Column, // a column of `companies` (built-in fields, and the system fields id/created_at/updated_at)
        Custom, // a key of the JSON object in `companies.custom`
    };
    QString key;
    QString label;
    FieldType type = FieldType::Text;
    Storage storage = Storage::Column;
    bool nullable = false; // Column only: the column may hold NULL (employees)
    bool system = false;   // id, created_at, updated_at: not in field_definitions

    QString column() const { return storage == Storage::Column ? key : QString(); }
    // The JSON path of a custom field, bound as a statement parameter: $."annual_revenue"
    QString jsonPath() const { return QStringLiteral("$.\"") + key + u'"'; }
};

// The company fields of a workspace, read from `field_definitions`, plus the system fields
// id (number), created_at and updated_at (dates). Resolves names as people write them.
class FieldCatalog {
public:
    FieldCatalog() = default;
    explicit FieldCatalog(const QList<FieldDefinition>& definitions);

    // Reads the company field definitions; false with `error` set when the table cannot be read.
    static bool load(const QSqlDatabase& db, FieldCatalog* catalog, QString* error);

    // A field by key, else by label, both case-insensitive (surrounding spaces ignored); nullptr if none.
    const QueryField* find(QStringView name) const;
    // Field keys whose key or label is close to `name` (typos, prefixes), best first, at most `max`.
    QStringList closeMatches(QStringView name, int max = 3) const;

    const QList<QueryField>& fields() const { return m_fields; }

    // Columns of `companies` that built-in field definitions may refer to, with their nullability.
    static bool isCompanyColumn(const QString& key);

private:
    QList<QueryField> m_fields;
};

} // namespace syncdesk
