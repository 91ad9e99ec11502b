#pragma once

#include "core/import/ImportResult.h"
#include "core/model/FieldDefinition.h"

#include <QString>

class QIODevice;

namespace syncdesk {

class Workspace;

struct ImportOptions {
    // How existing records are found: Automatic loads an in-memory identity index (one pass over the
    // table) unless the workspace is much larger than the file, where indexed queries are cheaper.
    enum class IdentityLookup { Automatic, InMemory, Database };
    IdentityLookup identityLookup = IdentityLookup::Automatic;
    char delimiter = 0;                         // 0: detect among , ; TAB
    qsizetype maxRecordSize = 16 * 1024 * 1024; // longer records are rejected (see CsvReader)
};

// Imports a companies or contacts CSV file into a workspace (docs/import.md): one transaction, so a
// read or write failure leaves the workspace as it was; bad rows are reported with their line and
// skipped while the rest imports; importing the same file again updates instead of duplicating.
// Runs on the calling thread's connection; the rows are read on a thread of its own meanwhile.
class CsvImporter {
public:
    explicit CsvImporter(const Workspace& workspace, ImportOptions options = {});

    ImportResult importFile(RecordObject object, const QString& path);
    // `device` must be open for reading, and readable from another thread until this returns (a file
    // or a buffer, not a socket or process with an event loop). `sizeHint`: its size in bytes when
    // known (-1: unknown).
    ImportResult importDevice(RecordObject object, QIODevice* device, qint64 sizeHint = -1);

private:
    const Workspace& m_workspace;
    ImportOptions m_options;
};

} // namespace syncdesk
