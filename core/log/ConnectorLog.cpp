#include "core/log/ConnectorLog.h"

#include "core/net/Clock.h"
#include "core/net/HttpClient.h"
#include "core/net/Redactor.h"
#include "core/store/SqlUtil.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

Q_LOGGING_CATEGORY(lcConnectorLog, "syncdesk.log", QtWarningMsg)

namespace syncdesk {

namespace {

class ConnectorLogText {
    Q_DECLARE_TR_FUNCTIONS(ConnectorLog)
};

const QString kColumns =
    QStringLiteral("id, time, level, run_id, object, local_id, crm_id, action, http_status,"
                   " category, code, message, correlation_id, hint, request");

QString escapeLike(const QString& text) {
    QString out;
    out.reserve(text.size() + 2);
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

ConnectorLogEntry readEntry(const QSqlQuery& q) {
    ConnectorLogEntry e;
    e.id = q.value(0).toLongLong();
    e.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs).toUTC();
    e.level = LogLevel(qBound(0, q.value(2).toInt(), 3));
    e.runId = q.value(3).toLongLong();
    e.object = parseRecordObject(q.value(4).toString());
    e.localId = q.value(5).toLongLong();
    e.crmId = q.value(6).toString();
    e.action = q.value(7).toString();
    e.httpStatus = q.value(8).toInt();
    e.category = q.value(9).toString();
    e.code = q.value(10).toString();
    e.message = q.value(11).toString();
    e.correlationId = q.value(12).toString();
    e.hint = q.value(13).toString();
    e.request = q.value(14).toString();
    return e;
}

QString correlationIdOf(const HttpExchange& x) {
    for (const auto& [name, value] : x.responseHeaders) {
        if (name.contains(QLatin1String("correlation"), Qt::CaseInsensitive) ||
            name.compare(QLatin1String("X-Request-Id"), Qt::CaseInsensitive) == 0)
            return value;
    }
    if (x.responseBody.startsWith(u'{')) {
        const QJsonObject o = QJsonDocument::fromJson(x.responseBody.toUtf8()).object();
        return o.value(QLatin1String("correlationId")).toString();
    }
    return QString();
}

} // namespace

ConnectorLog::ConnectorLog(const Workspace& workspace, std::shared_ptr<Redactor> redactor, Clock* clock,
                           QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_redactor(redactor ? std::move(redactor) : Redactor::shared())
    , m_clock(clock ? clock : &SystemClock::instance()) {
    qRegisterMetaType<syncdesk::ConnectorLogEntry>();
}

ConnectorLog::~ConnectorLog() = default;

void ConnectorLog::sanitize(ConnectorLogEntry& e) const {
    if (!e.time.isValid())
        e.time = m_clock->now();
    for (QString* text :
         {&e.message, &e.hint, &e.request, &e.code, &e.category, &e.action, &e.crmId, &e.correlationId}) {
        if (!text->isEmpty())
            *text = m_redactor->redactText(*text);
    }
}

bool ConnectorLog::append(ConnectorLogEntry entry) {
    return append(QList<ConnectorLogEntry>{std::move(entry)});
}

bool ConnectorLog::append(QList<ConnectorLogEntry> entries) {
    entries.removeIf([this](const ConnectorLogEntry& e) { return e.level < m_minLevel; });
    if (entries.isEmpty())
        return true;
    QSqlDatabase db = m_workspace.database();
    Workspace::Transaction tx(db);
    if (!tx.isActive()) {
        m_error = tx.error();
        qCWarning(lcConnectorLog) << "cannot store log entries:" << m_error;
        return false;
    }
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO connector_log (time, level, run_id, object, local_id, crm_id, action,"
                       " http_status, category, code, message, correlation_id, hint, request)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (ConnectorLogEntry& e : entries) {
        sanitize(e);
        q.bindValue(0, e.time.toUTC().toString(Qt::ISODateWithMs));
        q.bindValue(1, int(e.level));
        q.bindValue(2, e.runId != 0 ? QVariant(e.runId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.bindValue(3, notNull(e.object ? recordObjectName(*e.object) : QString()));
        q.bindValue(4, e.localId);
        q.bindValue(5, notNull(e.crmId));
        q.bindValue(6, notNull(e.action));
        q.bindValue(7, e.httpStatus);
        q.bindValue(8, notNull(e.category));
        q.bindValue(9, notNull(e.code));
        q.bindValue(10, notNull(e.message));
        q.bindValue(11, notNull(e.correlationId));
        q.bindValue(12, notNull(e.hint));
        q.bindValue(13, notNull(e.request));
        if (!q.exec()) {
            m_error = sqlErrorText(q.lastError());
            qCWarning(lcConnectorLog) << "cannot store a log entry:" << m_error;
            return false;
        }
        e.id = q.lastInsertId().toLongLong();
    }
    if (!tx.commit()) {
        m_error = tx.error();
        return false;
    }
    for (const ConnectorLogEntry& e : std::as_const(entries))
        emit entryAdded(e);
    return true;
}

namespace {
struct Where {
    QString sql;
    QVariantList binds;
};

Where whereFor(const ConnectorLogFilter& f) {
    QStringList parts;
    QVariantList binds;
    if (f.runId != 0) {
        parts.append(QStringLiteral("run_id = ?"));
        binds.append(f.runId);
    }
    if (f.minLevel) {
        parts.append(QStringLiteral("level >= ?"));
        binds.append(int(*f.minLevel));
    }
    if (f.object) {
        parts.append(QStringLiteral("object = ?"));
        binds.append(recordObjectName(*f.object));
        if (f.localId != 0) {
            parts.append(QStringLiteral("local_id = ?"));
            binds.append(f.localId);
        }
    }
    if (!f.crmId.isEmpty()) {
        parts.append(QStringLiteral("crm_id = ?"));
        binds.append(f.crmId);
    }
    if (f.afterId > 0) {
        parts.append(QStringLiteral("id > ?"));
        binds.append(f.afterId);
    }
    if (!f.text.trimmed().isEmpty()) {
        const QString like = u'%' + escapeLike(f.text.trimmed()) + u'%';
        QStringList any;
        for (const char* column :
             {"message", "action", "category", "code", "crm_id", "hint", "request", "correlation_id"}) {
            any.append(QString::fromLatin1(column) + QStringLiteral(" LIKE ? ESCAPE '\\'"));
            binds.append(like);
        }
        parts.append(u'(' + any.join(QStringLiteral(" OR ")) + u')');
    }
    return {parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND ")),
            binds};
}
} // namespace

std::optional<QList<ConnectorLogEntry>> ConnectorLog::query(const ConnectorLogFilter& filter) const {
    const Where where = whereFor(filter);
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM connector_log") + where.sql +
                  (filter.newestFirst ? QStringLiteral(" ORDER BY id DESC") : QStringLiteral(" ORDER BY id"));
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < where.binds.size(); ++i)
        q.bindValue(i, where.binds.at(i));
    if (!q.exec()) {
        m_error = sqlErrorText(q.lastError());
        return std::nullopt;
    }
    QList<ConnectorLogEntry> out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

std::optional<qint64> ConnectorLog::count(const ConnectorLogFilter& filter) const {
    const Where where = whereFor(filter);
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM connector_log") + where.sql);
    for (int i = 0; i < where.binds.size(); ++i)
        q.bindValue(i, where.binds.at(i));
    if (!q.exec() || !q.next()) {
        m_error = sqlErrorText(q.lastError());
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

ConnectorLogEntry ConnectorLog::fromExchange(const HttpExchange& x, qint64 runId) {
    ConnectorLogEntry e;
    e.time = x.startedAt;
    e.runId = runId;
    e.action = QStringLiteral("request");
    e.httpStatus = x.status;
    e.code = x.classification.code;
    e.correlationId = correlationIdOf(x);

    const QUrl url(x.url);
    QString target = url.path();
    if (url.hasQuery())
        target += u'?' + url.query();
    e.request = x.method + u' ' + (target.isEmpty() ? x.url : target);
    if (!x.description.isEmpty())
        e.request += QStringLiteral(" (%1)").arg(x.description);
    if (x.attempt > 1)
        e.request += ConnectorLogText::tr(", attempt %1").arg(x.attempt);

    QString what = x.status != 0 ? QStringLiteral("HTTP %1").arg(x.status)
                                 : (x.errorText.isEmpty() ? ConnectorLogText::tr("no answer") : x.errorText);
    if (!x.classification.reason.isEmpty() && x.status != 0 &&
        x.classification.kind != ResponseClass::Success)
        what += QStringLiteral(": ") + x.classification.reason;
    QString next;
    if (x.willRetry) {
        e.level = LogLevel::Warning;
        next = ConnectorLogText::tr("retrying in %1 ms").arg(x.retryInMs);
    } else if (x.outcome) {
        switch (*x.outcome) {
        case HttpOutcome::Completed:
            e.level = x.status >= 400 ? LogLevel::Warning : LogLevel::Debug;
            break;
        case HttpOutcome::Cancelled:
            e.level = LogLevel::Info;
            next = ConnectorLogText::tr("cancelled");
            break;
        case HttpOutcome::ResponseLost:
            e.level = LogLevel::Warning;
            next = ConnectorLogText::tr("the answer was lost; the request may have been applied");
            break;
        case HttpOutcome::LimitReached:
            e.level = LogLevel::Warning;
            next = ConnectorLogText::tr("limit reached");
            break;
        case HttpOutcome::Failed:
            e.level = LogLevel::Error;
            next = ConnectorLogText::tr("failed");
            break;
        }
    } else {
        e.level = LogLevel::Debug;
    }
    e.message = next.isEmpty() ? what : what + QStringLiteral(" — ") + next;
    e.message += ConnectorLogText::tr(" (%1 ms)").arg(x.durationMs);
    return e;
}

} // namespace syncdesk
