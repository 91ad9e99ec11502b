#include "ui/log/LogEntryFilter.h"

#include <QRegularExpression>

namespace syncdesk {

namespace {

bool recordMatches(const QString& query, const ConnectorLogEntry& e) {
    const QString q = query.trimmed();
    if (q.isEmpty())
        return true;
    static const QRegularExpression objectAndId(
        QStringLiteral("^(compan(?:y|ies)|contacts?)\\s*[:# ]\\s*(\\d+)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = objectAndId.match(q); m.hasMatch()) {
        const std::optional<RecordObject> object = parseRecordObject(m.captured(1).toLower());
        return e.object && object && *e.object == *object && e.localId == m.captured(2).toLongLong();
    }
    bool isNumber = false;
    const qint64 id = q.toLongLong(&isNumber);
    if (isNumber && id > 0 && e.localId == id)
        return true;
    return !e.crmId.isEmpty() && e.crmId.compare(q, Qt::CaseInsensitive) == 0;
}

bool textMatches(const QString& text, const ConnectorLogEntry& e) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    for (const QString* field :
         {&e.message, &e.action, &e.category, &e.code, &e.crmId, &e.correlationId, &e.hint, &e.request}) {
        if (field->contains(t, Qt::CaseInsensitive))
            return true;
    }
    return e.httpStatus != 0 && QString::number(e.httpStatus) == t;
}

} // namespace

bool LogEntryFilter::accepts(const ConnectorLogEntry& entry) const {
    if (minLevel && static_cast<int>(entry.level) < static_cast<int>(*minLevel))
        return false;
    if (runId != 0 && entry.runId != runId)
        return false;
    return textMatches(text, entry) && recordMatches(record, entry);
}

} // namespace syncdesk
