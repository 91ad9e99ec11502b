#pragma once

#include "core/model/FieldDefinition.h"

#include <QList>
#include <QString>

namespace syncdesk {

// A problem with one row (or, with line 0, with the whole file).
struct ImportIssue {
    qint64 line = 0; // physical line of the file where the row starts; 0: the file as a whole
    QString message; // translated, without the line number

    QString toString() const; // "line 17: message"
};

// What an import did. When `completed` is false nothing was written (the workspace is as it was)
// and `fatalError` says why; the counts are then 0.
struct ImportResult {
    enum class IdentityLookup { InMemory, Database };

    RecordObject object = RecordObject::Company;
    bool completed = false;
    QString fatalError;

    qint64 rows = 0; // data rows read (the header and blank lines are not rows)
    qint64 created = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 skipped = 0;               // rows not imported: every error, plus rows with no data at all
    QList<ImportIssue> errors;        // rejected rows: not imported
    QList<ImportIssue> warnings;      // imported, but worth a look
    QList<FieldDefinition> newFields; // custom fields this import added (with their inferred types)
    char delimiter = ',';
    IdentityLookup identityLookup = IdentityLookup::InMemory; // how existing records were looked up

    bool hasRejectedRows() const { return !errors.isEmpty(); }
};

} // namespace syncdesk
