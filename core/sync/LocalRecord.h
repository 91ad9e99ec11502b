#pragma once

#include "core/model/FieldDefinition.h"

#include <QHash>
#include <QString>

namespace syncdesk {

// What the sync engine sees of a workspace company or contact: its id, a name for people and every
// field value by field key (built-in columns and custom fields alike, as stored text: numbers in C
// format, booleans true/false, dates yyyy-MM-dd). The store's Company/Contact types are adapted to
// this view; the engine never reads the workspace itself.
struct LocalRecord {
    qint64 id = 0;
    RecordObject object = RecordObject::Company;
    QString displayName;            // company name; contact "First Last" (may be empty)
    qint64 companyId = 0;           // contacts: the local company they belong to, 0 for none
    QHash<QString, QString> values; // field key -> value ("website", "email", "employees", custom slugs)

    QString value(const QString& fieldKey) const { return values.value(fieldKey); }
};

// The contact field that holds the e-mail contacts are matched on (a built-in field).
inline QString contactEmailFieldKey() {
    return QStringLiteral("email");
}

} // namespace syncdesk
