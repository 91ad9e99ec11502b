#pragma once

#include "core/log/ConnectorLogEntry.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace syncdesk {

// Export of connector log entries (PRODUCT.md "Connector log": CSV with formula cells escaped).
class ConnectorLogExport {
public:
    // The CSV header: time, level, run, object, local_id, crm_id, action, http_status, category, code,
    // message, correlation_id, hint, request.
    static QStringList csvHeader();
    // RFC 4180 CSV in UTF-8 (CRLF line ends, a cell quoted when it holds a comma, quote, CR or LF).
    // Spreadsheet formula injection: a cell starting with = + - @, a tab or a carriage return gets a
    // leading apostrophe, so that a spreadsheet shows it as text instead of evaluating it.
    static QByteArray toCsv(const QList<ConnectorLogEntry>& entries);
    static bool writeCsv(const QList<ConnectorLogEntry>& entries, QIODevice& device);
    // One cell, escaped as above.
    static QString csvCell(const QString& value);
    // The entries' toJson(), in order.
    static QJsonArray toJson(const QList<ConnectorLogEntry>& entries);
    // One human-readable line: "2025-01-01T10:00:00.000Z error run 3 company 12 (crm 1001) create: ...".
    static QString toText(const ConnectorLogEntry& entry);
};

} // namespace syncdesk
