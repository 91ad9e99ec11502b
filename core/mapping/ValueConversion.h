#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"
#include "core/model/FieldDefinition.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace syncdesk {

// A local value converted for a CRM property, or why it cannot be written.
struct ConvertedValue {
    QString value; // canonical CRM value (see CrmValues)
    QString error; // translated reason, e.g. "\"Biotech\" has no entry in the value map"; empty when ok
    bool ok() const { return error.isEmpty(); }
};

// Local stored text <-> canonical CRM values, and the comparison that decides whether a write would
// change anything. Pure functions, shared by the planner (diffs, pre-flight) and the executor.
class ValueConversion {
    Q_DECLARE_TR_FUNCTIONS(ValueConversion)

public:
    // Converts a non-empty local value of `field` for `target`: normalises by the local type (numbers,
    // booleans, dates), applies the target's value map, then fits the CRM property: its type, its
    // options (enumerations: every written value must be one of the options, case-sensitive) and its
    // maximum length. `property` may be null when the schema is unknown: the text is passed through.
    static ConvertedValue toCrm(const QString& localValue, const FieldDefinition& field,
                                const MappingTarget& target, const CrmProperty* property);

    // True when writing `newValue` over `crmValue` would change nothing: compared by the property's
    // type (numbers numerically, booleans, dates, date-times as instants, multi-valued enumerations as
    // sets, text after trimming; e-mail fields ignoring case).
    static bool sameValue(const QString& crmValue, const QString& newValue, const CrmProperty* property,
                          FieldType localType);

    static bool isEmpty(QStringView value) { return value.trimmed().isEmpty(); }

    static std::optional<double> parseNumber(QStringView text);
    static std::optional<bool> parseBool(QStringView text);  // true/false, yes/no, 1/0, y/n, on/off
    static std::optional<QDate> parseDate(QStringView text); // yyyy-MM-dd or an ISO date-time (its date)
    static std::optional<QDateTime>
    parseDateTime(QStringView text); // ISO 8601 (UTC when no offset) or a date
    static QString
    canonicalNumber(QStringView text); // "0050" -> "50", "12.50" -> "12.5"; empty if not a number
};

} // namespace syncdesk
