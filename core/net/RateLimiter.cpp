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

bool RateLimiter::hasOwnLimit(const QStringList& names) const {
    return std::any_of(names.cbegin(), names.cend(), [this](const QString& name) {
        return !name.isEmpty() && m_buckets.constFind(name)->rule.isLimited();
    });
}

// The time an endpoint class that counts connection-wide goes quiet (its last send leaves its
// window), when it is active at t; nullopt otherwise.
std::optional<qint64> RateLimiter::activeUntil(const QString& name, const Bucket& b, qint64 t) const {
    if (name.isEmpty() || !b.rule.isLimited() || !b.rule.alsoConnectionWide || b.sends.empty())
        return std::nullopt;
    const qint64 quiet = b.sends.back() + window(b);
    return quiet > t ? std::optional<qint64>(quiet) : std::nullopt;
}

int RateLimiter::activeShare(const Bucket& connection, qint64 t) const {
    int share = 0;
    const qint64 w = window(connection);
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        if (activeUntil(it.key(), it.value(), t))
            share += int(std::floor(double(allowedIn(it.value(), t)) * double(w) / double(window(it.value()))));
    }
    return share;
}

qint64 RateLimiter::earliest(const QStringList& names, qint64 nowMs) const {
    if (names.isEmpty())
        return nowMs;
    qint64 t = std::max(nowMs, m_lastReserved);
    const auto connection = m_buckets.constFind(QString());
    const bool capped = connection != m_buckets.cend() && connection->rule.isLimited() &&
                        names.contains(QString()) && !hasOwnLimit(names);
    // Each bucket's condition stays true once reached (windows only empty, holds only end, a class
    // only goes quiet), so raising t until all agree terminates.
    for (bool changed = true; changed;) {
        changed = false;
        for (const QString& name : names) {
            const qint64 next = earliestIn(*m_buckets.constFind(name), t);
            if (next > t) {
                t = next;
                changed = true;
            }
        }
        if (capped) {
            const qint64 next = shareSlot(*connection, t);
            if (next > t) {
                t = next;
                changed = true;
            }
        }
    }
    return t;
}

qint64 RateLimiter::shareSlot(const Bucket& connection, qint64 t) const {
    const int cap = allowedIn(connection, t) - activeShare(connection, t);
    if (cap <= 0)
        return t; // the classes' share would take everything: not applied
    const qint64 w = window(connection);
    const std::deque<qint64>& log = connection.unclassed;
    const auto firstInside = std::upper_bound(log.cbegin(), log.cend(), t - w);
    const auto inside = static_cast<qsizetype>(log.cend() - firstInside);
    if (inside < cap)
        return t;
    // When the oldest ones leave the window, or sooner when an active class goes quiet (its share
    // is then free again): the caller checks again from there.
    qint64 next = *(firstInside + (inside - cap)) + w;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        if (const auto quiet = activeUntil(it.key(), it.value(), t))
            next = std::min(next, *quiet);
    }
    return std::max(t + 1, next);
}

void RateLimiter::prune(Bucket& bucket, qint64 t) {
    const qint64 w = window(bucket);
    while (!bucket.sends.empty() && bucket.sends.front() <= t - w)
        bucket.sends.pop_front();
    while (!bucket.unclassed.empty() && bucket.unclassed.front() <= t - w)
        bucket.unclassed.pop_front();
}

qint64 RateLimiter::nextSlot(const QString& endpointClass, qint64 nowMs) const {
    QMutexLocker lock(&m_mutex);
    return earliest(bucketsFor(endpointClass), nowMs);
}

qint64 RateLimiter::classSlot(const QString& endpointClass, qint64 nowMs) const {
    QMutexLocker lock(&m_mutex);
    const auto it = endpointClass.isEmpty() ? m_buckets.cend() : m_buckets.constFind(endpointClass);
    if (it != m_buckets.cend() && it->rule.isLimited())
        return earliestIn(*it, nowMs);
    const QStringList names = bucketsFor(endpointClass);
    const auto connection = m_buckets.constFind(QString());
    if (connection == m_buckets.cend() || !connection->rule.isLimited() || !names.contains(QString()))
        return nowMs;
    // A request without a limit of its own: the share the active classes leave it. The share can
    // only grow when a class sends, so this may end early; reserve() has the last word.
    qint64 t = nowMs;
    for (qint64 next = shareSlot(*connection, t); next > t; next = shareSlot(*connection, t))
        t = next;
    return t;
}

std::optional<qint64> RateLimiter::tryReserve(const QString& endpointClass, qint64 nowMs) {
    QMutexLocker lock(&m_mutex);
    const QStringList names = bucketsFor(endpointClass);
    if (earliest(names, nowMs) > nowMs)
        return std::nullopt;
    return reserveAt(names, nowMs);
}

qint64 RateLimiter::reserve(const QString& endpointClass, qint64 nowMs) {
    QMutexLocker lock(&m_mutex);
    const QStringList names = bucketsFor(endpointClass);
    return reserveAt(names, earliest(names, nowMs));
}

qint64 RateLimiter::reserveAt(const QStringList& names, qint64 t) {
    const bool unclassed = !hasOwnLimit(names);
    for (const QString& name : names) {
        Bucket& bucket = m_buckets[name];
        if (!bucket.rule.isLimited())
            continue;
        bucket.sends.push_back(t);
        if (name.isEmpty() && unclassed)
            bucket.unclassed.push_back(t);
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
