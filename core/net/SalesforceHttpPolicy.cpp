#include "core/net/SalesforceHttpPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace syncdesk {

SalesforceHttpPolicy::SalesforceHttpPolicy()
    : SalesforceHttpPolicy(Settings{}) {}

SalesforceHttpPolicy::SalesforceHttpPolicy(Settings settings)
    : m_settings(settings) {}

QString SalesforceHttpPolicy::errorCode(const QByteArray& body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QJsonObject first;
    if (doc.isArray() && !doc.array().isEmpty())
        first = doc.array().first().toObject();
    else if (doc.isObject())
        first = doc.object();
    QString code = first.value(QStringLiteral("errorCode")).toString();
    if (code.isEmpty())
        code = first.value(QStringLiteral("error")).toString(); // OAuth endpoints: {"error": "..."}
    return code;
}

Classification SalesforceHttpPolicy::classify(const HttpRequest& request,
                                              const HttpResponse& response) const {
    Classification c = HttpPolicy::classify(request, response);
    if (!response.hasResponse() || response.networkError != NetworkErrorKind::None || response.isSuccess())
        return c;

    const QString code = errorCode(response.body);
    if (code.isEmpty())
        return c;
    c.code = code;
    if (code == QLatin1String("REQUEST_LIMIT_EXCEEDED")) {
        c.kind = ResponseClass::LimitReached;
        c.mayHaveBeenApplied = false;
        c.reason = QStringLiteral("Salesforce API request limit exceeded");
    } else if (code == QLatin1String("UNABLE_TO_LOCK_ROW") || code == QLatin1String("SERVER_UNAVAILABLE")) {
        c.kind = ResponseClass::Transient;
        c.mayHaveBeenApplied = false; // the transaction was rolled back
        c.reason = code;
    }
    return c;
}

QList<RateLimitObservation> SalesforceHttpPolicy::rateLimitObservations(const HttpRequest& request,
                                                                        const HttpResponse& response) const {
    Q_UNUSED(request);
    // "api-usage=18/15000" (optionally followed by "; per-app-api-usage=...").
    static const QRegularExpression usage(QStringLiteral(R"((?:^|[;,\s])api-usage=(\d+)/(\d+))"));
    const QString info = QString::fromLatin1(response.headers.value(QByteArrayLiteral("Sforce-Limit-Info")));
    const QRegularExpressionMatch m = usage.match(info);
    if (!m.hasMatch())
        return {};
    RateLimitObservation o;
    const qint64 used = m.captured(1).toLongLong();
    const qint64 allowed = m.captured(2).toLongLong();
    o.dailyMax = allowed;
    o.dailyRemaining = std::max<qint64>(0, allowed - used);
    return {o};
}

void SalesforceHttpPolicy::configureLimiter(RateLimiter& limiter) const {
    if (m_settings.maxRequests > 0 && m_settings.windowMs > 0)
        limiter.setRule(QString(), RateLimitRule{m_settings.maxRequests, m_settings.windowMs, true});
}

} // namespace syncdesk
