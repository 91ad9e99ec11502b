#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk {

// What kind of record a field, mapping or log entry is about.
enum class RecordObject { Company, Contact };

// Types of the data directory (PRODUCT.md "Field definitions").
enum class FieldType { Text, Number, Date, Boolean, Choice, Url, Email };

QString recordObjectName(RecordObject object);                    // "company" / "contact"
std::optional<RecordObject> parseRecordObject(const QString& name); // accepts singular and plural
QString fieldTypeName(FieldType type);                              // "text", "number", ...
std::optional<FieldType> parseFieldType(const QString& name);

struct FieldDefinition {
    qint64 id = 0;
    RecordObject object = RecordObject::Company;
    QString key;    // stable identifier: built-ins use their column name ("website"), custom fields a slug
    QString label;  // shown to people ("Website")
    FieldType type = FieldType::Text;
    bool builtIn = false;
    QStringList choices; // allowed values for FieldType::Choice
    int position = 0;

    // Built-in fields are stored in their own column; custom fields in the record's JSON `custom` column.
    QString column() const { return builtIn ? key : QString(); }
};

// PRODUCT.md built-ins, in display order.
QList<FieldDefinition> builtInFields(RecordObject object);

// Key for a custom field from its label: ASCII lower-case letters, digits and single underscores
// ("Annual Revenue (€)" -> "annual_revenue", "Größe" -> "grosse": accents dropped); "field" when
// nothing is left. Callers make it unique.
QString customFieldKey(const QString& label);

} // namespace syncdesk
