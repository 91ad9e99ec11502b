#pragma once

#include "core/model/FieldDefinition.h"

#include <QDate>
#include <QStringView>

#include <optional>

namespace syncdesk {

// How import reads values (docs/import.md "Type inference"). All functions expect trimmed text.

// A whole non-negative number as people write it: "1200", "1,200", "1.200", "1 200", "1200.0".
// nullopt for anything else ("51-200", "-3", "12.5", "many"); *reason then says why (translated).
std::optional<qint64> parseWholeNumber(QStringView text, QString* reason = nullptr);

bool looksLikeNumber(QStringView text);           // "12", "-3.5", "1,234.56", "1.234,56", "12,5", "1e6"
bool looksLikeBoolean(QStringView text);          // true, false, yes, no (any case)
std::optional<QDate> parseDate(QStringView text); // ISO and common formats, see docs/import.md
bool looksLikeUrl(QStringView text);              // http(s)/ftp URL, www.…, or a host name with a path
bool looksLikeEmail(QStringView text);            // EmailAddress::normalize(text).valid

// Whether a value suits a field of that type (Text always; Choice: one of `choices`, any case).
bool valueFitsType(QStringView text, FieldType type, const QStringList& choices = {});

// Infers the type of a new custom field from the values of its column: the first of boolean, number,
// date, email, url that every non-empty value fits, else text (also when the column is empty).
class TypeInference {
public:
    void observe(QStringView value); // ignores empty values
    FieldType type() const;
    bool sawValues() const { return m_sawValues; }

private:
    enum : quint8 { Boolean = 1, Number = 2, Date = 4, Email = 8, Url = 16, All = 31 };
    quint8 m_candidates = All;
    bool m_sawValues = false;
};

} // namespace syncdesk
