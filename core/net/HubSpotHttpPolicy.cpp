#include "core/net/HubSpotHttpPolicy.h"

#include <QJsonObject>

namespace syncdesk {

namespace {
std::optional<qint64> headerNumber(const HttpHeaders& headers, const char* name) {
    const QByteArray raw = headers.value(QByteArray(name)).trimmed();
    if (raw.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = raw.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}
} // namespace

HubSpotHttpPolicy::HubSpotHttpPolicy()
    : HubSpotHttpPolicy(Settings{}) {}

HubSpotHttpPolicy::HubSpotHttpPolicy(Settings settings)
    : m_settings(settings) {}

Classification HubSpotHttpPolicy::classify(const HttpRequest& request, const HttpResponse& response) const {
    Classification c = HttpPolicy::classify(request, response);
    if (!response.hasResponse() || response.networkError != NetworkErrorKind::None || response.isSuccess())
        return c;

    const QJsonObject body = response.json().object();
    if (response.status == 429) {
        const QString policy = body.value(QStringLiteral("policyName")).toString();
        c.code = policy;
        if (policy.compare(QLatin1String("DAILY"), Qt::CaseInsensitive) == 0) {
            c.kind = ResponseClass::LimitReached;
            c.reason = QStringLiteral("HubSpot daily API limit reached");
        } else {
            c.kind = ResponseClass::RateLimited;
            c.reason = policy.isEmpty() ? QStringLiteral("HubSpot rate limit")
                                        : QStringLiteral("HubSpot rate limit (%1)").arg(policy);
        }
        return c;
    }
    const QString category = body.value(QStringLiteral("category")).toString();
    if (!category.isEmpty())
        c.code = category;
    return c;
}

QList<RateLimitObservation> HubSpotHttpPolicy::rateLimitObservations(const HttpRequest& request,
                                                                     const HttpResponse& response) const {
    Q_UNUSED(request);
    const HttpHeaders& h = response.headers;
    RateLimitObservation o;
    if (const auto v = headerNumber(h, "X-HubSpot-RateLimit-Max"))
        o.max = static_cast<int>(*v);
    if (const auto v = headerNumber(h, "X-HubSpot-RateLimit-Remaining"))
        o.remaining = static_cast<int>(*v);
    o.intervalMs = headerNumber(h, "X-HubSpot-RateLimit-Interval-Milliseconds");
    o.dailyMax = headerNumber(h, "X-HubSpot-RateLimit-Daily");
    o.dailyRemaining = headerNumber(h, "X-HubSpot-RateLimit-Daily-Remaining");
    if (!o.max && !o.remaining && !o.intervalMs && !o.dailyMax && !o.dailyRemaining)
        return {};
    return {o};
}

void HubSpotHttpPolicy::configureLimiter(RateLimiter& limiter) const {
    limiter.setRule(QString(), RateLimitRule{m_settings.burstMax, m_settings.burstWindowMs, true});
    limiter.setRule(SearchEndpointClass, RateLimitRule{m_settings.searchMax, m_settings.searchWindowMs,
                                                       m_settings.searchAlsoCountsBurst});
}

} // namespace syncdesk
