#include "core/net/HttpPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace syncdesk {

HttpPolicy::~HttpPolicy() = default;

namespace {
Classification make(ResponseClass kind, bool mayHaveBeenApplied, const QString& reason,
                    qint64 minWaitMs = -1) {
    Classification c;
    c.kind = kind;
    c.mayHaveBeenApplied = mayHaveBeenApplied;
    c.reason = reason;
    c.minWaitMs = minWaitMs;
    return c;
}

constexpr qint64 LockedMinWaitMs = 2000; // HubSpot: "retry 423 after at least 2 seconds"
} // namespace

Classification HttpPolicy::classify(const HttpRequest& request, const HttpResponse& response) const {
    Q_UNUSED(request);
    const QString kindName = networkErrorKindName(response.networkError);
    switch (response.networkError) {
    case NetworkErrorKind::None:
        break;
    case NetworkErrorKind::Timeout:
    case NetworkErrorKind::RemoteClosed:
    case NetworkErrorKind::TemporaryFailure:
        return make(ResponseClass::Transient, true, kindName);
    case NetworkErrorKind::ConnectionRefused:
        return make(ResponseClass::Transient, false, kindName);
    case NetworkErrorKind::HostNotFound:
    case NetworkErrorKind::Tls:
    case NetworkErrorKind::Proxy:
    case NetworkErrorKind::Other:
        return make(ResponseClass::Permanent, false, kindName);
    }

    const int status = response.status;
    const QString httpReason = QStringLiteral("HTTP %1").arg(status);
    if (status == 429)
        return make(ResponseClass::RateLimited, false, httpReason);
    if (status == 423)
        return make(ResponseClass::Transient, false, httpReason, LockedMinWaitMs);
    if (status == 408 || status == 503)
        return make(ResponseClass::Transient, false, httpReason);
    if (status >= 500 && status <= 599 && status != 501 && status != 505)
        return make(ResponseClass::Transient, true, httpReason);
    if (status >= 100 && status < 400)
        return make(ResponseClass::Success, false, {});
    return make(ResponseClass::Permanent, false, httpReason);
}

QList<RateLimitObservation> HttpPolicy::rateLimitObservations(const HttpRequest& request,
                                                              const HttpResponse& response) const {
    Q_UNUSED(request);
    Q_UNUSED(response);
    return {};
}

void HttpPolicy::configureLimiter(RateLimiter& limiter) const {
    Q_UNUSED(limiter);
}

std::optional<qint64> HttpPolicy::retryAfterMs(const HttpHeaders& headers, qint64 nowMs) {
    const QByteArray raw = headers.value(QByteArrayLiteral("Retry-After")).trimmed();
    if (raw.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = raw.toDouble(&ok);
    if (ok)
        return seconds <= 0 ? 0 : static_cast<qint64>(seconds * 1000.0 + 0.5);
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(raw), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, when.toMSecsSinceEpoch() - nowMs);
}

} // namespace syncdesk
