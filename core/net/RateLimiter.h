#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>
#include <optional>

namespace syncdesk {

// At most maxRequests requests in any rolling window of windowMs. maxRequests <= 0: no limit.
struct RateLimitRule {
    int maxRequests = 0;
    qint64 windowMs = 0;
    // For an endpoint-class bucket: whether its requests also count against (and wait for) the
    // connection-wide bucket. HubSpot's search limit (5/s) is documented apart from the burst
    // limit; counting searches in both is the safe default.
    bool alsoConnectionWide = true;

    bool isLimited() const { return maxRequests > 0 && windowMs > 0; }
};

// What a response said about the limits (from X-HubSpot-RateLimit-*, Sforce-Limit-Info, ...).
// Produced per CRM by HttpPolicy::rateLimitObservations(); every field is optional.
struct RateLimitObservation {
    QString bucket;                   // "" = connection-wide, else an endpoint class ("search")
    std::optional<int> max;           // requests allowed per interval
    std::optional<int> remaining;     // left in the current interval, at the server
    std::optional<qint64> intervalMs; // the interval
    std::optional<qint64> dailyMax;   // requests allowed per day (or rolling 24 h)
    std::optional<qint64> dailyRemaining;
};

// Client-side rate limiter for ONE connection (share it between the HttpClients of that
// connection, e.g. with std::shared_ptr). Callers take a slot BEFORE sending (HttpClient: waits
// for classSlot(), then tryReserve() until it succeeds; or reserve() and wait until the slot's
// time): when the limits are known, no 429 happens.
//
// Algorithm (a sliding log per bucket): the send times of the last window are kept; a request may
// go at time t when fewer than allowed(t) sends lie in (t - W', t], where
//   W' = windowMs + Settings::marginMs (absorbs latency and clock offset to the server),
//   allowed(t) = maxRequests - floor(maxRequests * (1 - Settings::utilization)) - external(t)
// and external(t) is the server-reported usage we did not make ourselves (another integration on
// the same account), taken from the latest Remaining header and held for one window.
// Reservations never go back in time (each is >= the previous one), so the log stays sorted and
// the bound holds for every window, also with several threads.
// Share of an active endpoint class: while a class with its own limit that also counts
// connection-wide (HubSpot's searches) has sent within its own window, requests WITHOUT such a
// class may use only allowed - share of the connection-wide window, where share is what the class
// could send in that window at its own limit (HubSpot: 95 - 47 = 48 of 95 per 10 s). Otherwise
// fast requests on other threads (e-mail reads) would use up the window while a slow search is on
// the wire, and the searches would finish last, alone, at their own limit.
// Thread-safe. Time is passed in by the caller (Clock::nowMs()), which keeps the limiter pure.
class RateLimiter {
public:
    struct Settings {
        double utilization = 0.95; // keep floor(max * (1 - utilization)) of each window spare
        qint64 marginMs = 50;      // added to every window
        qint64 dailyReserve = 0;   // daily requests to leave for others: stop at remaining <= this
        bool followHeaders = true; // let observed max/interval replace the configured rule
    };

    RateLimiter();
    explicit RateLimiter(Settings settings);

    Settings settings() const;
    // Configures a bucket: "" is the connection-wide one, others are endpoint classes.
    void setRule(const QString& bucket, const RateLimitRule& rule);
    RateLimitRule rule(const QString& bucket) const;
    // The number of requests per window the limiter allows itself for that bucket now.
    int allowedPerWindow(const QString& bucket, qint64 nowMs) const;

    // Reserves a send slot for a request of this endpoint class ("" = none) at or after nowMs and
    // returns its time; the caller waits until then and sends. The slot counts from that time on.
    qint64 reserve(const QString& endpointClass, qint64 nowMs);
    // Reserves a slot at nowMs when one is free then; nullopt otherwise (nothing reserved: wait for
    // nextSlot() and try again). What HttpClient uses: a slot reserved ahead of time would hold
    // back every later request of the connection (reservations never go back in time), also the
    // ones its own limits would let go earlier.
    std::optional<qint64> tryReserve(const QString& endpointClass, qint64 nowMs);
    // The time reserve() would return, without reserving.
    qint64 nextSlot(const QString& endpointClass, qint64 nowMs) const;
    // When the request's OWN limit would let it go, ignoring other reservations: for a class with a
    // limit of its own, that bucket; for any other request, the share active classes leave it (see
    // above). HttpClient waits for it before reserve(), so that a request held back by its own
    // limit (a search waiting for the search limit, a read leaving the searches their share) holds
    // no connection-wide slot meanwhile, and the connection's other requests on other threads can
    // use the time.
    qint64 classSlot(const QString& endpointClass, qint64 nowMs) const;

    // The server rejected a request (429): hold the bucket(s) until nowMs + waitMs, or one full
    // window when waitMs < 0. Returns the time the hold ends.
    qint64 noteRejected(const QString& endpointClass, qint64 nowMs, qint64 waitMs = -1);
    // The window (with margin) of the bucket a rejection of this endpoint class would hold, when
    // that bucket has a known limit.
    std::optional<qint64> rejectionWindowMs(const QString& endpointClass) const;
    // Feeds live header values. Changes the rule (followHeaders), the external usage and the
    // daily budget.
    void observe(const RateLimitObservation& observation, qint64 nowMs);

    // The daily budget: known remaining minus the requests reserved since, if any header said so.
    std::optional<qint64> dailyRemaining() const;
    bool dailyExhausted() const;

    // Requests reserved so far (all buckets, a request counts once).
    qint64 reservedCount() const;

private:
    struct Bucket {
        RateLimitRule rule;
        std::deque<qint64> sends; // reserved send times, ascending
        std::deque<qint64> unclassed; // connection-wide bucket: those of requests without an own limit
        int external = 0;
        qint64 externalUntil = 0;
        qint64 heldUntil = 0;
    };

    QStringList bucketsFor(const QString& endpointClass) const;  // callers hold the lock
    QString rejectionBucket(const QString& endpointClass) const; // callers hold the lock
    qint64 earliest(const QStringList& buckets, qint64 nowMs) const;
    qint64 reserveAt(const QStringList& buckets, qint64 t); // callers hold the lock
    bool hasOwnLimit(const QStringList& buckets) const;
    std::optional<qint64> activeUntil(const QString& name, const Bucket& bucket, qint64 t) const;
    int activeShare(const Bucket& connection, qint64 t) const; // callers hold the lock
    qint64 shareSlot(const Bucket& connection, qint64 t) const;  // callers hold the lock
    qint64 earliestIn(const Bucket& bucket, qint64 t) const;
    int allowedIn(const Bucket& bucket, qint64 t) const;
    qint64 window(const Bucket& bucket) const;
    void prune(Bucket& bucket, qint64 t);

    mutable QMutex m_mutex;
    Settings m_settings;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastReserved = 0;
    qint64 m_reserved = 0;
    std::optional<qint64> m_dailyRemaining;
};

} // namespace syncdesk
