#include "core/sandbox/RequestLog.h"

#include "core/sandbox/SandboxHttp.h"

#include <QJsonArray>

namespace syncdesk::sandbox {

QJsonObject RequestLogEntry::toJson() const {
    QJsonObject o{{QStringLiteral("seq"), seq},
                  {QStringLiteral("time"), isoTimestamp(timeMs)},
                  {QStringLiteral("method"), method},
                  {QStringLiteral("path"), path},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("durationMs"), durationMs},
                  {QStringLiteral("correlationId"), correlationId}};
    if (!query.isEmpty())
        o.insert(QStringLiteral("query"), query);
    if (!fault.isEmpty())
        o.insert(QStringLiteral("fault"), fault);
    if (!client.isEmpty())
        o.insert(QStringLiteral("client"), client);
    return o;
}

RequestLog::RequestLog(int capacity)
    : m_capacity(capacity) {}

qint64 RequestLog::append(RequestLogEntry entry) {
    entry.seq = m_nextSeq++;
    ++m_total;
    ++m_counts[entry.endpoint];
    ++m_statusCounts[entry.endpoint][entry.status];
    m_entries.push_back(std::move(entry));
    while (static_cast<int>(m_entries.size()) > m_capacity)
        m_entries.pop_front();
    return m_entries.back().seq;
}

void RequestLog::clear() {
    m_entries.clear();
    m_counts.clear();
    m_statusCounts.clear();
    m_total = 0;
}

QList<RequestLogEntry> RequestLog::entries(qint64 sinceSeq, int limit) const {
    QList<RequestLogEntry> out;
    for (const RequestLogEntry& e : m_entries)
        if (e.seq > sinceSeq)
            out.append(e);
    if (limit >= 0 && out.size() > limit)
        out = out.mid(out.size() - limit);
    return out;
}

QMap<QString, qint64> RequestLog::counts() const {
    QMap<QString, qint64> out;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QMap<QString, QMap<int, qint64>> RequestLog::countsByStatus() const {
    QMap<QString, QMap<int, qint64>> out;
    for (auto it = m_statusCounts.cbegin(); it != m_statusCounts.cend(); ++it)
        for (auto s = it->cbegin(); s != it->cend(); ++s)
            out[it.key()].insert(s.key(), s.value());
    return out;
}

QJsonObject RequestLog::toJson(qint64 sinceSeq, int limit) const {
    QJsonObject counts;
    const QMap<QString, qint64> c = this->counts();
    for (auto it = c.cbegin(); it != c.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonObject byStatus;
    const QMap<QString, QMap<int, qint64>> s = countsByStatus();
    for (auto it = s.cbegin(); it != s.cend(); ++it) {
        QJsonObject perStatus;
        for (auto st = it->cbegin(); st != it->cend(); ++st)
            perStatus.insert(QString::number(st.key()), st.value());
        byStatus.insert(it.key(), perStatus);
    }
    QJsonArray requests;
    for (const RequestLogEntry& e : entries(sinceSeq, limit))
        requests.append(e.toJson());
    return QJsonObject{{QStringLiteral("total"), m_total},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("countsByStatus"), byStatus},
                       {QStringLiteral("requests"), requests}};
}

} // namespace syncdesk::sandbox
