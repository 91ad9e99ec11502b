#pragma once

#include "core/net/HttpTypes.h"
#include "core/net/RateLimiter.h"

#include <QList>

#include <optional>

namespace syncdesk {

// What a CRM's HTTP answers mean: the plug-in point for connectors. HttpClient asks it, after
// every attempt, (1) what the response is (success, final error, transient, rate-limited, daily
// limit reached) and (2) what its headers say about the limits. The base class holds the generic
// HTTP rules; a connector derives, decides what it knows (its error codes, its headers) and
// calls the base class for the rest. Implementations must be thread-safe (const, stateless).
class HttpPolicy {
public:
    virtual ~HttpPolicy();

    // Generic rules:
    //   network errors: timeout, remote closed, temporary failure -> Transient, may have been applied;
    //                   connection refused -> Transient, not applied;
    //                   host not found, TLS, proxy, other -> Permanent.
    //   429 -> RateLimited; 408, 423 (min wait 2 s), 503 -> Transient, not applied;
    //   other 5xx except 501 and 505 -> Transient, may have been applied;
    //   1xx-3xx -> Success; anything else -> Permanent.
    virtual Classification classify(const HttpRequest& request, const HttpResponse& response) const;

    // Rate-limit facts carried by this response's headers. Default: none.
    virtual QList<RateLimitObservation> rateLimitObservations(const HttpRequest& request,
                                                              const HttpResponse& response) const;

    // Sets the limiter's rules to the CRM's published limits, before any header is seen.
    // Default: nothing (no client-side limit until headers say so).
    virtual void configureLimiter(RateLimiter& limiter) const;

    // Retry-After as a wait in ms: delta-seconds or an HTTP date (relative to nowMs). nullopt when
    // absent or unreadable. Negative results are clamped to 0.
    static std::optional<qint64> retryAfterMs(const HttpHeaders& headers, qint64 nowMs);
};

} // namespace syncdesk
