#pragma once

#include "core/net/HttpPolicy.h"

namespace syncdesk {

// HubSpot's HTTP facts (docs/shared API-NOTES "Rate limits and errors"). The numbers are settings:
// they depend on the account's tier and have changed over the years.
class HubSpotHttpPolicy : public HttpPolicy {
public:
    static inline const QString SearchEndpointClass = QStringLiteral("search");

    struct Settings {
        int burstMax = 100; // per app per burstWindowMs (free/starter 100, pro 190, OAuth apps 110)
        qint64 burstWindowMs = 10000;
        int searchMax = 5; // CRM search requests per second per account/token
        qint64 searchWindowMs = 1000;
        bool searchAlsoCountsBurst = true;
    };

    HubSpotHttpPolicy();
    explicit HubSpotHttpPolicy(Settings settings);

    const Settings& settings() const { return m_settings; }

    // 429 with policyName DAILY -> LimitReached; other 429s -> RateLimited (code = policyName);
    // error bodies' "category" becomes the code; the rest as HttpPolicy.
    Classification classify(const HttpRequest& request, const HttpResponse& response) const override;
    // X-HubSpot-RateLimit-Max / -Remaining / -Interval-Milliseconds -> the connection bucket;
    // X-HubSpot-RateLimit-Daily / -Daily-Remaining -> the daily budget. (Search responses carry none.)
    QList<RateLimitObservation> rateLimitObservations(const HttpRequest& request,
                                                      const HttpResponse& response) const override;
    // "" = burstMax per burstWindowMs; "search" = searchMax per searchWindowMs.
    void configureLimiter(RateLimiter& limiter) const override;

private:
    Settings m_settings;
};

} // namespace syncdesk
