#include "core/log/ConnectorLogEntry.h"

#include <QCoreApplication>

namespace syncdesk {

namespace {
class ConnectorLogText {
    Q_DECLARE_TR_FUNCTIONS(ConnectorLogText)
};
} // namespace

QString logLevelName(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

QString logLevelLabel(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return ConnectorLogText::tr("Debug");
    case LogLevel::Info:
        return ConnectorLogText::tr("Info");
    case LogLevel::Warning:
        return ConnectorLogText::tr("Warning");
    case LogLevel::Error:
        return ConnectorLogText::tr("Error");
    }
    return QString();
}

std::optional<LogLevel> parseLogLevel(const QString& name) {
    const QString n = name.trimmed().toLower();
    for (LogLevel l : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        if (n == logLevelName(l))
            return l;
    }
    if (n == u"warn")
        return LogLevel::Warning;
    return std::nullopt;
}

QJsonObject ConnectorLogEntry::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("level"), logLevelName(level));
    o.insert(QStringLiteral("run_id"), runId != 0 ? QJsonValue(runId) : QJsonValue());
    o.insert(QStringLiteral("object"), object ? QJsonValue(recordObjectName(*object)) : QJsonValue());
    o.insert(QStringLiteral("local_id"), localId != 0 ? QJsonValue(localId) : QJsonValue());
    o.insert(QStringLiteral("crm_id"), crmId.isEmpty() ? QJsonValue() : QJsonValue(crmId));
    o.insert(QStringLiteral("action"), action);
    o.insert(QStringLiteral("http_status"), httpStatus != 0 ? QJsonValue(httpStatus) : QJsonValue());
    o.insert(QStringLiteral("category"), category);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("correlation_id"), correlationId);
    o.insert(QStringLiteral("hint"), hint);
    o.insert(QStringLiteral("request"), request);
    return o;
}

} // namespace syncdesk
