#include "core/net/RateLimiter.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace syncdesk {

namespace {
constexpr qint64 UnknownLimitHoldMs = 1000; // a 429 on a bucket without a known window
}

RateLimiter::RateLimiter()
    : RateLimiter(Settings{}) {}

RateLimiter::RateLimiter(Settings settings)
    : m_settings(settings) {
    m_settings.utilization = std::clamp(m_settings.utilization, 0.01, 1.0);
    m_settings.marginMs = std::max<qint64>(0, m_settings.marginMs);
}

RateLimiter::Settings RateLimiter::settings() const {
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

void RateLimiter::setRule(const QString& bucket, const RateLimitRule& rule) {
    QMutexLocker lock(&m_mutex);
    m_buckets[bucket].rule = rule;
}

RateLimitRule RateLimiter::rule(const QString& bucket) const {
    QMutexLocker lock(&m_mutex);
    return m_buckets.value(bucket).rule;
}

qint64 RateLimiter::window(const Bucket& bucket) const {
    return bucket.rule.windowMs + m_settings.marginMs;
}

int RateLimiter::allowedIn(const Bucket& bucket, qint64 t) const {
    // Keep floor(max * (1 - utilization)) of every window spare: 100 -> 95, 190 -> 181, 5 -> 5 (a
    // small limit keeps its full count; the window margin still leaves a little room).
    const int max = bucket.rule.maxRequests;
    const int spare = static_cast<int>(std::floor(max * (1.0 - m_settings.utilization) + 1e-9));
    const int limit = std::max(1, max - spare);
    return t < bucket.externalUntil ? limit - bucket.external : limit;
}

int RateLimiter::allowedPerWindow(const QString& name, qint64 nowMs) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_buckets.constFind(name);
    if (it == m_buckets.cend() || !it->rule.isLimited())
        return -1;
    return std::max(0, allowedIn(*it, nowMs));
}

QStringList RateLimiter::bucketsFor(const QString& endpointClass) const {
    QStringList names;
    bool connectionWide = true;
    if (!endpointClass.isEmpty()) {
        const auto it = m_buckets.constFind(endpointClass);
        if (it != m_buckets.cend()) {
            names.append(endpointClass);
            connectionWide = it->rule.alsoConnectionWide || !it->rule.isLimited();
        }
    }
    if (connectionWide && m_buckets.contains(QString()))
        names.append(QString());
    return names;
}

qint64 RateLimiter::earliestIn(const Bucket& bucket, qint64 t) const {
    t = std::max(t, bucket.heldUntil);
    if (!bucket.rule.isLimited())
        return t;
    const qint64 w = window(bucket);
    for (;;) {
        const int allowed = allowedIn(bucket, t);
        if (allowed <= 0) {
            t = std::max(t, bucket.externalUntil);
            continue;
        }
        // Every reservation is <= t (they never go back in time): count those inside (t - w, t].
        const auto firstInside = std::upper_bound(bucket.sends.cbegin(), bucket.sends.cend(), t - w);
        const auto inside = static_cast<qsizetype>(bucket.sends.cend() - firstInside);
        if (inside < allowed)
            return t;
        // The oldest (inside - allowed + 1) sends must leave the window first.
        const qint64 leaving = *(firstInside + (inside - allowed));
        t = std::max(t, leaving + w);
    }
}

qint64 RateLimiter::earliest(const QStringList& names, qint64 nowMs) const {
    if (names.isEmpty())
        return nowMs;
    qint64 t = std::max(nowMs, m_lastReserved);
    // Each bucket's condition stays true once reached (windows only empty, holds only end), so
    // raising t until all agree terminates.
    for (bool changed = true; changed;) {
        changed = false;
        for (const QString& name : names) {
            const qint64 next = earliestIn(*m_buckets.constFind(name), t);
            if (next > t) {
                t = next;
                changed = true;
            }
        }
    }
    return t;
}

void RateLimiter::prune(Bucket& bucket, qint64 t) {
    const qint64 w = window(bucket);
    while (!bucket.sends.empty() && bucket.sends.front() <= t - w)
        bucket.sends.pop_front();
}

qint64 RateLimiter::nextSlot(const QString& endpointClass, qint64 nowMs) const {
    QMutexLocker lock(&m_mutex);
    return earliest(bucketsFor(endpointClass), nowMs);
}

qint64 RateLimiter::classSlot(const QString& endpointClass, qint64 nowMs) const {
    QMutexLocker lock(&m_mutex);
    if (endpointClass.isEmpty())
        return nowMs;
    const auto it = m_buckets.constFind(endpointClass);
    if (it == m_buckets.cend() || !it->rule.isLimited())
        return nowMs;
    return earliestIn(*it, nowMs);
}

qint64 RateLimiter::reserve(const QString& endpointClass, qint64 nowMs) {
    QMutexLocker lock(&m_mutex);
    const QStringList names = bucketsFor(endpointClass);
    const qint64 t = earliest(names, nowMs);
    for (const QString& name : names) {
        Bucket& bucket = m_buckets[name];
        if (!bucket.rule.isLimited())
            continue;
        bucket.sends.push_back(t);
        prune(bucket, t);
    }
    if (!names.isEmpty())
        m_lastReserved = std::max(m_lastReserved, t);
    ++m_reserved;
    if (m_dailyRemaining)
        *m_dailyRemaining = std::max<qint64>(0, *m_dailyRemaining - 1);
    return t;
}

qint64 RateLimiter::noteRejected(const QString& endpointClass, qint64 nowMs, qint64 waitMs) {
    QMutexLocker lock(&m_mutex);
    Bucket& bucket = m_buckets[rejectionBucket(endpointClass)];
    qint64 hold = waitMs;
    if (hold < 0)
        hold = bucket.rule.isLimited() ? window(bucket) : UnknownLimitHoldMs;
    bucket.heldUntil = std::max(bucket.heldUntil, nowMs + hold);
    return bucket.heldUntil;
}

QString RateLimiter::rejectionBucket(const QString& endpointClass) const {
    // A request of a configured endpoint class holds that class; anything else the connection.
    return !endpointClass.isEmpty() && m_buckets.contains(endpointClass) ? endpointClass : QString();
}

std::optional<qint64> RateLimiter::rejectionWindowMs(const QString& endpointClass) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_buckets.constFind(rejectionBucket(endpointClass));
    if (it == m_buckets.cend() || !it->rule.isLimited())
        return std::nullopt;
    return window(*it);
}

void RateLimiter::observe(const RateLimitObservation& observation, qint64 nowMs) {
    QMutexLocker lock(&m_mutex);
    if (observation.dailyRemaining)
        m_dailyRemaining = std::max<qint64>(0, *observation.dailyRemaining);

    const bool aboutWindow = observation.max || observation.remaining || observation.intervalMs;
    if (!aboutWindow)
        return;
    Bucket& bucket = m_buckets[observation.bucket];
    if (m_settings.followHeaders && observation.max && *observation.max > 0)
        bucket.rule.maxRequests = *observation.max;
    if (m_settings.followHeaders && observation.intervalMs && *observation.intervalMs > 0)
        bucket.rule.windowMs = *observation.intervalMs;
    if (observation.remaining && bucket.rule.isLimited()) {
        const int max = observation.max.value_or(bucket.rule.maxRequests);
        const int serverUsed = std::max(0, max - *observation.remaining);
        const qint64 w = window(bucket);
        const auto local = static_cast<int>(
            bucket.sends.cend() - std::upper_bound(bucket.sends.cbegin(), bucket.sends.cend(), nowMs - w));
        bucket.external = std::max(0, serverUsed - local);
        bucket.externalUntil = bucket.external > 0 ? nowMs + w : 0;
    }
}

std::optional<qint64> RateLimiter::dailyRemaining() const {
    QMutexLocker lock(&m_mutex);
    return m_dailyRemaining;
}

bool RateLimiter::dailyExhausted() const {
    QMutexLocker lock(&m_mutex);
    return m_dailyRemaining && *m_dailyRemaining <= m_settings.dailyReserve;
}

qint64 RateLimiter::reservedCount() const {
    QMutexLocker lock(&m_mutex);
    return m_reserved;
}

} // namespace syncdesk
