#pragma once

#include "core/model/FieldDefinition.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace syncdesk {

// Severity of a connector log entry. Ordered: a filter "warning" shows warnings and errors.
enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };
QString logLevelName(LogLevel level);                       // "debug", "info", "warning", "error"
QString logLevelLabel(LogLevel level);                      // translated
std::optional<LogLevel> parseLogLevel(const QString& name); // case-insensitive; also "warn"

// One line of the connector log (PRODUCT.md "Connector log"): what happened, to which record, and
// what the CRM answered. Every text has been through the Redactor before it is stored.
struct ConnectorLogEntry {
    qint64 id = 0;  // assigned when stored
    QDateTime time; // UTC
    LogLevel level = LogLevel::Info;
    qint64 runId = 0; // 0: not part of a run (e.g. a connection test)
    std::optional<RecordObject> object;
    qint64 localId = 0; // the workspace record, 0 when none
    QString crmId;      // the CRM record, when known
    QString action;     // "create", "update", "archive", "associate", "request", "run", "plan", "recheck"...
    int httpStatus = 0; // 0: no HTTP answer / not about a request
    QString category;   // CRM error category (HubSpot) or the connector's error kind
    QString code;       // CRM error code
    QString message;
    QString correlationId;
    QString hint;    // plain-language fix for known errors
    QString request; // redacted request summary: "POST /crm/v3/objects/companies/batch/create (100 inputs)"

    // {"id", "time", "level", "run_id", "object", "local_id", "crm_id", "action", "http_status",
    //  "category", "code", "message", "correlation_id", "hint", "request"}; empty texts are "", absent
    //  numbers null.
    QJsonObject toJson() const;
};

// What a log query asks for. Empty members do not filter.
struct ConnectorLogFilter {
    qint64 runId = 0;                 // 0: every run
    std::optional<LogLevel> minLevel; // at least this level
    QString text;                     // case-insensitive substring of message, action, codes, ids, hint
    std::optional<RecordObject> object;
    qint64 localId = 0; // with object: one local record
    QString crmId;      // one CRM record
    qint64 afterId = 0; // entries with a larger id (live tailing)
    int limit = 0;      // 0: all
    bool newestFirst = false;
};

} // namespace syncdesk

Q_DECLARE_METATYPE(syncdesk::ConnectorLogEntry)
