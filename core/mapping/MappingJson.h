#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace syncdesk {

// One thing wrong with an imported mapping document.
struct MappingJsonError {
    int line = 0;    // 1-based line of a JSON syntax error, 0 otherwise
    int column = 0;  // 1-based column of a JSON syntax error, 0 otherwise
    int row = -1;    // 0-based index in "rows" of a row error, -1 otherwise
    int target = -1; // 0-based index in the row's "targets", -1 otherwise
    QString message; // translated

    // "line 3, column 7: ..." / "row 2, target 1: ..." / the message alone.
    QString toString() const;
};

struct MappingImport {
    std::optional<Mapping> mapping; // set when the document was read without errors
    std::optional<CrmKind> crm;     // the "crm" the document was exported from, when given
    QList<MappingJsonError> errors;
    bool ok() const { return mapping.has_value(); }
};

// The mapping export/import format (docs/mapping.md), version 1:
// {"format": "syncdesk-mapping", "version": 1, "crm": "hubspot", "object": "companies",
//  "rows": [{"field": "website", "targets": [{"property": "domain", "strategy": "update_if_empty",
//            "clear_when_empty": false, "value_map": {"Software": "COMPUTER_SOFTWARE"}}]}]}
// Import reads the document's structure only; check the result with MappingValidator against the
// connection's fields and CRM properties before saving it.
class MappingJson {
    Q_DECLARE_TR_FUNCTIONS(MappingJson)

public:
    static constexpr int Version = 1;

    static QJsonObject toJson(const Mapping& mapping, std::optional<CrmKind> crm = std::nullopt);
    static QByteArray toBytes(const Mapping& mapping, std::optional<CrmKind> crm = std::nullopt); // indented
    // `expectedObject`: when given, a document for the other object is refused.
    static MappingImport fromBytes(const QByteArray& json,
                                   std::optional<RecordObject> expectedObject = std::nullopt);
    static MappingImport fromJson(const QJsonObject& json,
                                  std::optional<RecordObject> expectedObject = std::nullopt);
};

} // namespace syncdesk
