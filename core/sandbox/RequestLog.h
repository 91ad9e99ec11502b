// What the sandbox was asked, for tests and for the engine's call-count benchmark: a bounded list
// of recent requests, and counts per endpoint ("POST /crm/v3/objects/contacts/batch/upsert") and
// per endpoint and status that are never trimmed (until cleared).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <deque>

namespace syncdesk::sandbox {

struct RequestLogEntry {
    qint64 seq = 0;
    qint64 timeMs = 0; // sandbox clock
    QString method;
    QString path;
    QString query;
    QString endpoint;      // method + route template; "GET (unrouted)" when nothing matched
    int status = 0;        // 0 when no reply was sent (hang, lost)
    qint64 durationMs = 0; // real time until the reply was written (or dropped)
    QString fault;         // injected fault kind, if any
    QString correlationId;
    QString client; // kind of caller and a token fingerprint, never the token

    QJsonObject toJson() const;
};

class RequestLog {
public:
    explicit RequestLog(int capacity = 20000);

    qint64 append(RequestLogEntry entry); // assigns and returns seq
    void clear();

    qint64 total() const { return m_total; }
    // Entries with seq > sinceSeq, oldest first, at most `limit` (the newest ones when trimmed).
    QList<RequestLogEntry> entries(qint64 sinceSeq = 0, int limit = -1) const;
    QMap<QString, qint64> counts() const;
    qint64 count(const QString& endpoint) const { return m_counts.value(endpoint); }
    QMap<QString, QMap<int, qint64>> countsByStatus() const;

    QJsonObject toJson(qint64 sinceSeq = 0, int limit = -1) const;

private:
    int m_capacity;
    qint64 m_nextSeq = 1;
    qint64 m_total = 0;
    std::deque<RequestLogEntry> m_entries;
    QHash<QString, qint64> m_counts;
    QHash<QString, QHash<int, qint64>> m_statusCounts;
};

} // namespace syncdesk::sandbox
