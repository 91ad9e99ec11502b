#pragma once

#include "core/model/FieldDefinition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace syncdesk {

// What a CSV column holds.
enum class ColumnRole {
    Custom,            // not recognised: becomes (or fills) a custom field
    BuiltIn,           // a built-in field (HeaderRole::fieldKey)
    ExternalId,        // the record's own id in the source system
    FullName,          // contacts: "Name": split into first and last name when those columns are absent
    CompanyExternalId, // contacts: the company's id (its external id)
    CompanyWebsite,    // contacts: the company's website
    CompanyDomain,     // contacts: the company's domain
    CompanyName,       // contacts: the company's name
};

struct HeaderRole {
    ColumnRole role = ColumnRole::Custom;
    QString fieldKey; // for BuiltIn
};

struct HeaderAlias {
    ColumnRole role;
    QString fieldKey;    // for BuiltIn
    QStringList headers; // as people write them; matched by normalizedHeader()
};

// A header reduced to lower-case ASCII letters and digits ("E-mail Address" -> "emailaddress",
// "# Employees" -> "employees", "Country/Region" -> "countryregion"), so that case, spaces and
// punctuation do not matter.
QString normalizedHeader(const QString& header);

// The recognised headers of companies or contacts files (docs/import.md lists them).
const QList<HeaderAlias>& headerAliases(RecordObject object);

// What a header means in a file of that object; Custom when it is not one of the aliases.
HeaderRole roleForHeader(RecordObject object, const QString& header);

} // namespace syncdesk
