#include "core/sandbox/RateLimiter.h"

#include <algorithm>

namespace syncdesk::sandbox {

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
}

void RollingWindowLimiter::expire(std::deque<qint64>& hits, qint64 windowMs, qint64 nowMs) {
    while (!hits.empty() && hits.front() <= nowMs - windowMs)
        hits.pop_front();
}

RateDecision RollingWindowLimiter::tryAcquire(const QString& key, int limit, qint64 windowMs, qint64 nowMs) {
    RateDecision d;
    d.limit = limit;
    d.windowMs = windowMs;
    std::deque<qint64>& hits = m_hits[key];
    expire(hits, windowMs, nowMs);
    if (limit > 0 && static_cast<qsizetype>(hits.size()) >= limit) {
        d.allowed = false;
        d.remaining = 0;
        d.retryAfterMs = std::max<qint64>(1, hits.front() + windowMs - nowMs);
        return d;
    }
    hits.push_back(nowMs);
    d.remaining = limit > 0 ? limit - static_cast<int>(hits.size()) : 0;
    return d;
}

int RollingWindowLimiter::used(const QString& key, qint64 windowMs, qint64 nowMs) {
    auto it = m_hits.find(key);
    if (it == m_hits.end())
        return 0;
    expire(*it, windowMs, nowMs);
    return static_cast<int>(it->size());
}

RateDecision DailyLimiter::tryAcquire(const QString& key, int limit, qint64 nowMs) {
    RateDecision d;
    d.limit = limit;
    d.windowMs = kDayMs;
    const qint64 today = nowMs / kDayMs;
    Day& day = m_counts[key];
    if (day.day != today)
        day = Day{today, 0};
    if (limit > 0 && day.count >= limit) {
        d.allowed = false;
        d.retryAfterMs = (today + 1) * kDayMs - nowMs;
        return d;
    }
    ++day.count;
    d.remaining = limit > 0 ? limit - day.count : 0;
    return d;
}

int DailyLimiter::used(const QString& key, qint64 nowMs) const {
    const auto it = m_counts.constFind(key);
    if (it == m_counts.cend() || it->day != nowMs / kDayMs)
        return 0;
    return it->count;
}

} // namespace syncdesk::sandbox
