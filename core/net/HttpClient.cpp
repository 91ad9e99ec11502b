#include "core/net/HttpClient.h"

#include "core/net/CancelFlag.h"
#include "core/net/Clock.h"
#include "core/net/HttpPolicy.h"
#include "core/net/RandomSource.h"
#include "core/net/RateLimiter.h"
#include "core/net/Redactor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QIODevice>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <cstring>
#include <map>

Q_LOGGING_CATEGORY(lcHttp, "syncdesk.net.http",
                   QtInfoMsg) // debug: QT_LOGGING_RULES="syncdesk.net.http.debug=true"

namespace syncdesk {

struct HttpClient::Private {
    Dependencies deps;
    HttpClientSettings settings;
    std::unique_ptr<QNetworkAccessManager> ownNetwork;
    const CancelFlag* cancel = nullptr;
    std::map<int, HttpObserver> observers;
    int nextObserverId = 1;

    QNetworkAccessManager& network();
    HttpResponse perform(const HttpRequest& request);
    HttpExchange summarize(quint64 id, int attempt, const HttpRequest& request, const HttpResponse& response,
                           qint64 startedAtMs, qint64 durationMs, qint64 queuedMs) const;
    QByteArray logPrefix(const QByteArray& body) const;
    QString cut(const QString& text) const;
    void notify(const HttpExchange& exchange) const;
};

namespace {

NetworkErrorKind kindOf(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::NoError:
        return NetworkErrorKind::None;
    case QNetworkReply::ConnectionRefusedError:
        return NetworkErrorKind::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // dropped after sending; Qt was not allowed to resend
        return NetworkErrorKind::RemoteClosed;
    case QNetworkReply::HostNotFoundError:
        return NetworkErrorKind::HostNotFound;
    case QNetworkReply::TimeoutError:
        return NetworkErrorKind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return NetworkErrorKind::Tls;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return NetworkErrorKind::TemporaryFailure;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return NetworkErrorKind::Proxy;
    default:
        return NetworkErrorKind::Other;
    }
}

// The body of a write that is not idempotent (POST, PUT, PATCH, DELETE; empty for a bodiless one).
// QNetworkAccessManager silently sends a request again when the connection drops after it was
// written and before any answer (its channel's "reconnectAttempts"): for a create, that is a second
// record. Qt can only resend by resetting the upload device; this one refuses, so Qt reports
// ContentReSendError instead, which the client reports as a lost response.
class OneShotBody final : public QIODevice {
public:
    explicit OneShotBody(const QByteArray& data)
        : m_data(data) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }
    // Qt calls reset() only to send the request again (after the connection dropped, or for a
    // 307/308 redirect): always refuse, even before anything was read (a bodiless DELETE).
    bool reset() override { return false; }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(data, m_data.constData() + m_pos, static_cast<size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// Errors below 200 are transport/proxy failures; 200 and above are HTTP statuses Qt turned into
// errors (the response itself is complete) or protocol errors.
bool isTransportError(QNetworkReply::NetworkError error) {
    return (error > 0 && error < 200) || error == QNetworkReply::ContentReSendError;
}

} // namespace

QNetworkAccessManager& HttpClient::Private::network() {
    if (deps.network != nullptr)
        return *deps.network;
    if (!ownNetwork)
        ownNetwork = std::make_unique<QNetworkAccessManager>();
    return *ownNetwork;
}

HttpResponse HttpClient::Private::perform(const HttpRequest& request) {
    QNetworkRequest qreq(request.url);
    // Several fields of one name are joined, as HTTP allows.
    QList<QByteArray> seen;
    for (const auto& [name, value] : request.headers.fields()) {
        const QByteArray lower = name.toLower();
        if (seen.contains(lower))
            continue;
        seen.append(lower);
        qreq.setRawHeader(name, request.headers.values(name).join(", "));
    }
    if (!request.contentType.isEmpty() && !request.headers.contains(QByteArrayLiteral("Content-Type")))
        qreq.setRawHeader(QByteArrayLiteral("Content-Type"), request.contentType);
    if (!request.headers.contains(QByteArrayLiteral("User-Agent")) && !settings.userAgent.isEmpty())
        qreq.setRawHeader(QByteArrayLiteral("User-Agent"), settings.userAgent);
    // Never carry credentials to another host on a redirect.
    qreq.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);

    QNetworkAccessManager& nam = network();
    QPointer<QNetworkReply> reply;
    if (request.method == HttpMethod::Head) {
        reply = nam.head(qreq);
    } else if (!request.idempotent && request.method != HttpMethod::Get) {
        auto* body = new OneShotBody(request.body);
        qreq.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        qreq.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = nam.sendCustomRequest(qreq, httpMethodName(request.method), body);
        body->setParent(reply.data());
    } else {
        reply = nam.sendCustomRequest(qreq, httpMethodName(request.method), request.body);
    }

    const int timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : settings.defaultTimeoutMs;
    bool timedOut = false;
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.data(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&timedOut, &reply] {
            timedOut = true;
            if (reply)
                reply->abort();
        });
        timer.start(std::max(1, timeoutMs));
        if (!reply->isFinished())
            loop.exec();
    }

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        response.headers.add(name, value);
    if (reply->isOpen()) // not after abort()
        response.body = reply->readAll();
    const QNetworkReply::NetworkError error = reply->error();
    if (timedOut) {
        response.networkError = NetworkErrorKind::Timeout;
        response.errorText =
            HttpClient::tr("no complete answer within %1 s").arg(timeoutMs / 1000.0, 0, 'g', 3);
    } else if (isTransportError(error) || (error != QNetworkReply::NoError && response.status == 0)) {
        response.networkError = kindOf(error);
        response.errorText = reply->errorString();
    }
    reply->deleteLater();
    return response;
}

QByteArray HttpClient::Private::logPrefix(const QByteArray& body) const {
    constexpr qsizetype Slack = 64 * 1024; // longer than any secret or sensitive value
    const int max = settings.maxLoggedBodyChars;
    if (max <= 0 || body.size() <= 4 * qsizetype(max) + Slack)
        return body;
    qsizetype end = 4 * qsizetype(max) + Slack; // a UTF-8 character has at most 4 bytes
    while (end > 0 && (static_cast<unsigned char>(body.at(end)) & 0xC0) == 0x80)
        --end; // do not split a UTF-8 sequence
    return body.left(end);
}

QString HttpClient::Private::cut(const QString& text) const {
    const int max = settings.maxLoggedBodyChars;
    if (max <= 0 || text.size() <= max)
        return text;
    return text.left(max) + HttpClient::tr("... [%1 more characters]").arg(text.size() - max);
}

HttpExchange HttpClient::Private::summarize(quint64 id, int attempt, const HttpRequest& request,
                                            const HttpResponse& response, qint64 startedAtMs,
                                            qint64 durationMs, qint64 queuedMs) const {
    const Redactor& r = *deps.redactor;
    HttpExchange e;
    e.requestId = id;
    e.attempt = attempt;
    e.startedAt = QDateTime::fromMSecsSinceEpoch(startedAtMs).toUTC();
    e.durationMs = durationMs;
    e.queuedMs = queuedMs;
    e.description = r.redactText(request.description);
    e.method = QString::fromLatin1(httpMethodName(request.method));
    e.url = r.redactUrl(request.url);
    HttpHeaders sentHeaders = request.headers;
    if (!request.contentType.isEmpty() && !sentHeaders.contains(QByteArrayLiteral("Content-Type")))
        sentHeaders.add(QByteArrayLiteral("Content-Type"), request.contentType);
    e.requestHeaders = r.redactHeaders(sentHeaders);
    // Redact, then cut: a cut must not leave half a secret. Huge bodies are first cut generously
    // (far beyond any secret's length) so that a 5 MB search answer is not scanned in full.
    e.requestBody = cut(r.redactBody(logPrefix(request.body)));
    e.status = response.status;
    e.responseHeaders = r.redactHeaders(response.headers);
    e.responseBody = cut(r.redactBody(logPrefix(response.body)));
    e.networkError = response.networkError;
    e.errorText = r.redactText(response.errorText);
    e.classification = response.classification;
    e.classification.code = r.redactText(e.classification.code);
    e.classification.reason = r.redactText(e.classification.reason);
    return e;
}

void HttpClient::Private::notify(const HttpExchange& e) const {
    qCDebug(lcHttp).noquote() << "#" << e.requestId << "attempt" << e.attempt << e.method << e.url << "->"
                              << (e.status > 0 ? QString::number(e.status)
                                               : networkErrorKindName(e.networkError))
                              << responseClassName(e.classification.kind) << e.classification.code
                              << (e.willRetry ? QStringLiteral("retry in %1 ms").arg(e.retryInMs) : QString())
                              << (e.outcome ? httpOutcomeName(*e.outcome) : QString());
    for (const auto& [id, observer] : observers) {
        Q_UNUSED(id);
        if (observer)
            observer(e);
    }
}


HttpClient::HttpClient()
    : HttpClient(Dependencies{}) {}

HttpClient::HttpClient(Dependencies dependencies, HttpClientSettings settings)
    : d(std::make_unique<Private>()) {
    d->deps = std::move(dependencies);
    d->settings = std::move(settings);
    if (d->deps.clock == nullptr)
        d->deps.clock = &SystemClock::instance();
    if (d->deps.random == nullptr)
        d->deps.random = &SystemRandomSource::instance();
    if (!d->deps.policy)
        d->deps.policy = std::make_shared<HttpPolicy>();
    if (!d->deps.redactor)
        d->deps.redactor = Redactor::shared();
    if (!d->deps.requestIds)
        d->deps.requestIds = std::make_shared<std::atomic<quint64>>(1);
}

HttpClient::~HttpClient() = default;

void HttpClient::setCancelFlag(const CancelFlag* cancel) {
    d->cancel = cancel;
}

int HttpClient::addObserver(HttpObserver observer) {
    const int id = d->nextObserverId++;
    d->observers.emplace(id, std::move(observer));
    return id;
}

void HttpClient::removeObserver(int id) {
    d->observers.erase(id);
}

const HttpClientSettings& HttpClient::settings() const {
    return d->settings;
}
void HttpClient::setSettings(const HttpClientSettings& settings) {
    d->settings = settings;
}
Clock& HttpClient::clock() const {
    return *d->deps.clock;
}
Redactor& HttpClient::redactor() const {
    return *d->deps.redactor;
}
const HttpPolicy& HttpClient::policy() const {
    return *d->deps.policy;
}
RateLimiter* HttpClient::limiter() const {
    return d->deps.limiter.get();
}
const CancelFlag* HttpClient::cancelFlag() const {
    return d->cancel;
}

HttpClient::Dependencies HttpClient::dependenciesForCopy() const {
    Dependencies copy = d->deps;
    copy.network = nullptr;
    return copy;
}

void HttpClient::notifyObservers(const HttpExchange& exchange) const {
    for (const auto& [id, observer] : d->observers) {
        Q_UNUSED(id);
        if (observer)
            observer(exchange);
    }
}

HttpResponse HttpClient::send(const HttpRequest& request) {
    Clock& clock = *d->deps.clock;
    RateLimiter* limiter = d->deps.limiter.get();
    const HttpPolicy& policy = *d->deps.policy;
    const RetryPolicy& retry = d->settings.retry;
    const quint64 id = d->deps.requestIds->fetch_add(1);
    const qint64 start = clock.nowMs();

    HttpResponse last;
    int attempts = 0;
    int transientAttempts = 0;
    int rateLimitWaits = 0;

    auto finish = [&](HttpOutcome outcome, const QString& text = {}) {
        last.outcome = outcome;
        last.attempts = attempts;
        last.elapsedMs = clock.nowMs() - start;
        if (!text.isEmpty())
            last.errorText = text;
        else if (last.errorText.isEmpty() && (outcome != HttpOutcome::Completed || !last.isSuccess()))
            last.errorText = last.classification.reason;
        last.errorText = d->deps.redactor->redactText(last.errorText);
        return last;
    };
    auto cancelled = [&] { return finish(HttpOutcome::Cancelled, tr("cancelled")); };

    for (;;) {
        if (isCancelled(d->cancel))
            return cancelled();

        qint64 queuedMs = 0;
        if (limiter != nullptr) {
            if (limiter->dailyExhausted()) {
                if (attempts == 0)
                    last.classification =
                        Classification{ResponseClass::LimitReached, false, -1, QStringLiteral("DAILY"),
                                       QStringLiteral("daily API limit reached")};
                return finish(HttpOutcome::LimitReached,
                              tr("the daily API limit of this connection is used up"));
            }
            // Wait for the request's own limit (its endpoint class, or the share active classes
            // leave it), then for a free slot in every bucket, and take it then: nothing is
            // reserved ahead of time, so other threads of this connection whose limits let them go
            // earlier are not held back meanwhile.
            const qint64 queuedAt = clock.nowMs();
            for (;;) {
                const qint64 now = clock.nowMs();
                qint64 wait = limiter->classSlot(request.endpointClass, now) - now;
                if (wait <= 0) {
                    if (limiter->tryReserve(request.endpointClass, now))
                        break;
                    wait = std::max<qint64>(1, limiter->nextSlot(request.endpointClass, now) - now);
                }
                if (!clock.sleep(wait, d->cancel))
                    return cancelled();
            }
            queuedMs = clock.nowMs() - queuedAt;
        }
        if (isCancelled(d->cancel))
            return cancelled();

        ++attempts;
        const qint64 startedAt = clock.nowMs();
        QElapsedTimer wire;
        wire.start();
        last = d->perform(request);
        const qint64 durationMs = wire.elapsed();
        const qint64 now = clock.nowMs();

        if (limiter != nullptr) {
            for (const RateLimitObservation& o : policy.rateLimitObservations(request, last))
                limiter->observe(o, now);
        }
        last.classification = policy.classify(request, last);
        const Classification& c = last.classification;
        HttpExchange exchange = d->summarize(id, attempts, request, last, startedAt, durationMs, queuedMs);
        auto done = [&](HttpOutcome outcome, const QString& text = {}) {
            HttpResponse result = finish(outcome, text);
            exchange.outcome = outcome;
            exchange.errorText = result.errorText;
            d->notify(exchange);
            return result;
        };
        auto waitThenRetry = [&](qint64 waitMs) {
            exchange.willRetry = true;
            exchange.retryInMs = waitMs;
            d->notify(exchange);
            return waitMs <= 0 ? !isCancelled(d->cancel) : clock.sleep(waitMs, d->cancel);
        };

        switch (c.kind) {
        case ResponseClass::Success:
        case ResponseClass::Permanent:
            return done(last.hasResponse() && last.networkError == NetworkErrorKind::None
                            ? HttpOutcome::Completed
                            : HttpOutcome::Failed);
        case ResponseClass::LimitReached:
            return done(HttpOutcome::LimitReached);
        case ResponseClass::RateLimited: {
            ++rateLimitWaits;
            qint64 wait = -1;
            if (const auto retryAfter = HttpPolicy::retryAfterMs(last.headers, now))
                wait = *retryAfter;
            else if (c.minWaitMs >= 0)
                wait = c.minWaitMs;
            if (wait < 0 && limiter != nullptr) {
                if (const auto window = limiter->rejectionWindowMs(request.endpointClass))
                    wait = *window; // the server's window is known: it will have room again after it
            }
            if (wait < 0)
                wait =
                    std::max(retry.minRateLimitWaitMs, retry.backoffDelayMs(rateLimitWaits, *d->deps.random));
            if (rateLimitWaits > retry.maxRateLimitWaits)
                return done(HttpOutcome::LimitReached,
                            tr("still rate limited after %1 waits").arg(retry.maxRateLimitWaits));
            if (wait > retry.maxRateLimitWaitMs)
                return done(HttpOutcome::LimitReached,
                            tr("rate limited for %1 s, longer than this connection waits").arg(wait / 1000));
            if (limiter != nullptr)
                limiter->noteRejected(request.endpointClass, now, wait);
            if (!waitThenRetry(wait))
                return cancelled();
            continue;
        }
        case ResponseClass::Transient: {
            ++transientAttempts;
            const QString why = last.errorText.isEmpty() ? c.reason : last.errorText;
            if (c.mayHaveBeenApplied && !request.idempotent)
                return done(HttpOutcome::ResponseLost,
                            tr("no usable answer (%1): the request may have been applied").arg(why));
            if (transientAttempts >= std::max(1, retry.maxAttempts))
                return done(HttpOutcome::Failed,
                            tr("%1, still failing after %2 attempts").arg(why).arg(transientAttempts));
            qint64 wait = retry.backoffDelayMs(transientAttempts, *d->deps.random);
            wait = std::max(wait, c.minWaitMs);
            if (const auto retryAfter = HttpPolicy::retryAfterMs(last.headers, now))
                wait = std::max(wait, std::min(*retryAfter, retry.maxDelayMs));
            if (!waitThenRetry(wait))
                return cancelled();
            continue;
        }
        }
        return done(HttpOutcome::Failed);
    }
}

} // namespace syncdesk
