#pragma once

#include <QtGlobal>

namespace syncdesk {

class RandomSource;

// How often and how long HttpClient waits before repeating. Plain settings (the numbers are
// documented in docs/network-and-secrets.md); a connection may carry its own.
struct RetryPolicy {
    // Transient failures (5xx, 423, timeouts, dropped or refused connections): at most this many
    // attempts in all, so maxAttempts - 1 retries. 1 disables retrying.
    int maxAttempts = 5;
    // Exponential backoff with full jitter: before retry n (1-based) wait a uniformly random time
    // in [0, min(maxDelayMs, baseDelayMs * multiplier^(n-1))].
    qint64 baseDelayMs = 500;
    qint64 maxDelayMs = 30000;
    double multiplier = 2.0;

    // 429s: at most this many waits for one request; more, and the client returns LimitReached
    // (the run pauses, resumable).
    int maxRateLimitWaits = 8;
    // A single rate-limit wait longer than this (a far Retry-After) is not waited out: LimitReached.
    qint64 maxRateLimitWaitMs = 120000;
    // Wait after a 429 that names no time (no Retry-After, no known window): backoff ceiling for the
    // n-th such wait, at least this much.
    qint64 minRateLimitWaitMs = 1000;

    // The upper bound of the jittered delay before retry n (n >= 1).
    qint64 backoffCeilingMs(int retry) const;
    // A jittered delay in [0, backoffCeilingMs(retry)].
    qint64 backoffDelayMs(int retry, RandomSource& random) const;
};

} // namespace syncdesk
