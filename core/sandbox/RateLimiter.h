// Request counting for rate limits: a rolling window (HubSpot's TEN_SECONDLY_ROLLING and the
// search endpoints' per-second limit) and a per-UTC-day counter (DAILY). Time comes from the
// caller, i.e. from the sandbox clock.
#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace syncdesk::sandbox {

struct RateDecision {
    bool allowed = true;
    int limit = 0;
    int remaining = 0; // after this request
    qint64 windowMs = 0;
    qint64 retryAfterMs = 0; // when refused: until a slot frees up
};

class RollingWindowLimiter {
public:
    // Counts the request when allowed. limit <= 0 means unlimited.
    RateDecision tryAcquire(const QString& key, int limit, qint64 windowMs, qint64 nowMs);
    int used(const QString& key, qint64 windowMs, qint64 nowMs);
    void clear() { m_hits.clear(); }

private:
    void expire(std::deque<qint64>& hits, qint64 windowMs, qint64 nowMs);
    QHash<QString, std::deque<qint64>> m_hits;
};

class DailyLimiter {
public:
    RateDecision tryAcquire(const QString& key, int limit, qint64 nowMs);
    int used(const QString& key, qint64 nowMs) const;
    void clear() { m_counts.clear(); }

private:
    struct Day {
        qint64 day = -1;
        int count = 0;
    };
    QHash<QString, Day> m_counts;
};

} // namespace syncdesk::sandbox
