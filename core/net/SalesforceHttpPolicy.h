#pragma once

#include "core/net/HttpPolicy.h"

namespace syncdesk {

// Salesforce REST facts (docs/shared API-NOTES "Limits and errors"). Salesforce publishes no
// short-window limit, only a rolling 24-hour allowance reported in every response's
// Sforce-Limit-Info; a short-window rule can still be set as a setting.
class SalesforceHttpPolicy : public HttpPolicy {
public:
    struct Settings {
        int maxRequests = 0; // optional client-side cap per windowMs (0: none)
        qint64 windowMs = 0;
    };

    SalesforceHttpPolicy();
    explicit SalesforceHttpPolicy(Settings settings);

    // Error bodies [{"message","errorCode"}]: REQUEST_LIMIT_EXCEEDED -> LimitReached;
    // UNABLE_TO_LOCK_ROW, SERVER_UNAVAILABLE -> Transient (not applied); the code is kept.
    // (Per-record errors inside a 200 collection response are the connector's business.)
    Classification classify(const HttpRequest& request, const HttpResponse& response) const override;
    // Sforce-Limit-Info: api-usage=USED/ALLOWED -> the daily budget.
    QList<RateLimitObservation> rateLimitObservations(const HttpRequest& request,
                                                      const HttpResponse& response) const override;
    void configureLimiter(RateLimiter& limiter) const override;

    // The first errorCode of a Salesforce error body, or "".
    static QString errorCode(const QByteArray& body);

private:
    Settings m_settings;
};

} // namespace syncdesk
