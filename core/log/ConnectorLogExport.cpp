#include "core/log/ConnectorLogExport.h"

#include <QIODevice>

namespace syncdesk {

QStringList ConnectorLogExport::csvHeader() {
    return {QStringLiteral("time"),   QStringLiteral("level"),       QStringLiteral("run"),
            QStringLiteral("object"), QStringLiteral("local_id"),    QStringLiteral("crm_id"),
            QStringLiteral("action"), QStringLiteral("http_status"), QStringLiteral("category"),
            QStringLiteral("code"),   QStringLiteral("message"),     QStringLiteral("correlation_id"),
            QStringLiteral("hint"),   QStringLiteral("request")};
}

QString ConnectorLogExport::csvCell(const QString& value) {
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            cell.prepend(u'\'');
    }
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r')) {
        cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        cell = u'"' + cell + u'"';
    }
    return cell;
}

QByteArray ConnectorLogExport::toCsv(const QList<ConnectorLogEntry>& entries) {
    QString out;
    const auto line = [&out](const QStringList& cells) {
        QStringList escaped;
        escaped.reserve(cells.size());
        for (const QString& c : cells)
            escaped.append(csvCell(c));
        out += escaped.join(u',') + QStringLiteral("\r\n");
    };
    line(csvHeader());
    for (const ConnectorLogEntry& e : entries) {
        line({e.time.toUTC().toString(Qt::ISODateWithMs), logLevelName(e.level),
              e.runId != 0 ? QString::number(e.runId) : QString(),
              e.object ? recordObjectName(*e.object) : QString(),
              e.localId != 0 ? QString::number(e.localId) : QString(), e.crmId, e.action,
              e.httpStatus != 0 ? QString::number(e.httpStatus) : QString(), e.category, e.code, e.message,
              e.correlationId, e.hint, e.request});
    }
    return out.toUtf8();
}

bool ConnectorLogExport::writeCsv(const QList<ConnectorLogEntry>& entries, QIODevice& device) {
    const QByteArray data = toCsv(entries);
    return device.write(data) == data.size();
}

QJsonArray ConnectorLogExport::toJson(const QList<ConnectorLogEntry>& entries) {
    QJsonArray a;
    for (const ConnectorLogEntry& e : entries)
        a.append(e.toJson());
    return a;
}

QString ConnectorLogExport::toText(const ConnectorLogEntry& e) {
    QString s = e.time.toUTC().toString(Qt::ISODateWithMs) + u' ' + logLevelName(e.level).leftJustified(7);
    if (e.runId != 0)
        s += QStringLiteral(" run %1").arg(e.runId);
    if (e.object)
        s += u' ' + recordObjectName(*e.object) +
             (e.localId != 0 ? u' ' + QString::number(e.localId) : QString());
    if (!e.crmId.isEmpty())
        s += QStringLiteral(" (crm %1)").arg(e.crmId);
    if (!e.action.isEmpty())
        s += u' ' + e.action + u':';
    if (e.httpStatus != 0 && !e.message.contains(QStringLiteral("HTTP %1").arg(e.httpStatus)))
        s += QStringLiteral(" HTTP %1").arg(e.httpStatus);
    if (!e.category.isEmpty() || !e.code.isEmpty()) {
        QStringList codes;
        for (const QString& c : {e.category, e.code}) {
            if (!c.isEmpty() && !codes.contains(c))
                codes.append(c);
        }
        s += u' ' + codes.join(u'/');
    }
    if (!e.message.isEmpty())
        s += u' ' + e.message;
    if (!e.request.isEmpty())
        s += QStringLiteral(" [") + e.request + u']';
    if (!e.hint.isEmpty())
        s += QStringLiteral(" — ") + e.hint;
    if (!e.correlationId.isEmpty())
        s += QStringLiteral(" (correlation id %1)").arg(e.correlationId);
    return s;
}

} // namespace syncdesk
