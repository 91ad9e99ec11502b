#pragma once

#include "core/net/HttpTypes.h"
#include "core/net/RetryPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <atomic>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace syncdesk {

class CancelFlag;
class Clock;
class HttpPolicy;
class RandomSource;
class RateLimiter;
class Redactor;

// One attempt as the connector log sees it. Every text in it has been through the Redactor.
struct HttpExchange {
    quint64 requestId = 0; // the same for every attempt of one send()
    int attempt = 0;       // 1-based
    QDateTime startedAt;   // by the client's clock
    qint64 durationMs = 0; // on the wire (real time)
    qint64 queuedMs = 0;   // waited for the rate limiter before this attempt (client's clock)
    QString description;
    QString method;
    QString url;
    QList<std::pair<QString, QString>> requestHeaders;
    QString requestBody; // truncated to HttpClientSettings::maxLoggedBodyChars
    int status = 0;
    QList<std::pair<QString, QString>> responseHeaders;
    QString responseBody;
    NetworkErrorKind networkError = NetworkErrorKind::None;
    QString errorText;
    Classification classification;
    // What the client does next.
    bool willRetry = false;
    qint64 retryInMs = 0;               // wait before the next attempt (backoff, Retry-After, window)
    std::optional<HttpOutcome> outcome; // set when this attempt ends send()
};

// Receives every attempt. Called synchronously in the thread that runs send(), after the
// attempt and before any wait. Must not call send() on the same client.
using HttpObserver = std::function<void(const HttpExchange&)>;

struct HttpClientSettings {
    int defaultTimeoutMs = 60000; // for requests with timeoutMs == 0
    RetryPolicy retry;
    QByteArray userAgent = QByteArrayLiteral("SyncDesk");
    int maxLoggedBodyChars = 16384; // bodies in HttpExchange are cut after redaction
};

// The HTTP client connectors use. Synchronous from the caller's view: send() runs a local
// QEventLoop until the reply finishes or times out, so the engine can call it from a worker thread
// (desktop) or the main thread (CLI). A client belongs to the thread that calls send(); the
// QNetworkAccessManager it uses must live in that thread too.
//
// Per send(), in a loop:
//   1. cancel flag set -> Cancelled (nothing more is sent);
//   2. daily budget known to be exhausted -> LimitReached without sending;
//   3. reserve a rate-limiter slot and wait for it (the wait watches the cancel flag);
//   4. send; feed the policy's rate-limit observations to the limiter; classify;
//   5. Success/Permanent -> Completed (Failed for a network error without response);
//      LimitReached -> LimitReached; RateLimited -> wait (Retry-After, the policy's wait, the
//      limiter's window, else backoff) and repeat, bounded; Transient -> if it may have been applied
//      and the request is not idempotent: ResponseLost; else back off with full jitter and repeat
//      until RetryPolicy::maxAttempts, then Failed.
// An attempt in flight is never aborted by the cancel flag, only by its timeout.
class HttpClient {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)

public:
    struct Dependencies {
        QNetworkAccessManager* network = nullptr; // not owned, same thread; nullptr: the client makes one
        Clock* clock = nullptr;                   // nullptr: SystemClock::instance()
        RandomSource* random = nullptr;           // nullptr: SystemRandomSource::instance()
        std::shared_ptr<RateLimiter> limiter;     // the connection's; nullptr: no client-side limit
        std::shared_ptr<const HttpPolicy> policy; // the CRM's; nullptr: the generic HttpPolicy
        std::shared_ptr<Redactor> redactor;       // nullptr: Redactor::shared()
        // Request ids (HttpExchange::requestId) come from this counter; clients made by
        // dependenciesForCopy() share it, so ids stay unique across threads. nullptr: its own.
        std::shared_ptr<std::atomic<quint64>> requestIds;
    };

    HttpClient();
    explicit HttpClient(Dependencies dependencies, HttpClientSettings settings = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResponse send(const HttpRequest& request);

    // Checked before every attempt and during every wait. Not owned; nullptr: never cancelled.
    void setCancelFlag(const CancelFlag* cancel);
    // Returns an id for removeObserver().
    int addObserver(HttpObserver observer);
    void removeObserver(int id);

    const HttpClientSettings& settings() const;
    void setSettings(const HttpClientSettings& settings);
    Clock& clock() const;
    Redactor& redactor() const;
    const HttpPolicy& policy() const;
    RateLimiter* limiter() const; // may be nullptr
    const CancelFlag* cancelFlag() const;

    // The dependencies for a client of the same connection on ANOTHER thread: the same clock,
    // random source, rate limiter, policy, redactor and request-id sequence, but no network (that
    // client makes its own QNetworkAccessManager in the thread that first sends).
    Dependencies dependenciesForCopy() const;
    // Hands an exchange made by such a copy to this client's observers (on this client's thread).
    void notifyObservers(const HttpExchange& exchange) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace syncdesk
