// Classification and header parsing: the generic HTTP rules and the HubSpot and Salesforce ones.
#include "core/net/HttpPolicy.h"
#include "QtPrinters.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/SalesforceHttpPolicy.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::Literals::StringLiterals;

namespace {

HttpResponse status(int code, const QByteArray& body = {}, HttpHeaders headers = {}) {
    HttpResponse r;
    r.status = code;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

HttpResponse network(NetworkErrorKind kind) {
    HttpResponse r;
    r.networkError = kind;
    return r;
}

} // namespace

TEST(HttpPolicy, GenericStatusRules) {
    const HttpPolicy p;
    const HttpRequest req;
    struct Case {
        int status;
        ResponseClass kind;
        bool mayHaveBeenApplied;
    };
    for (const Case& c :
         {Case{200, ResponseClass::Success, false}, Case{201, ResponseClass::Success, false},
          Case{204, ResponseClass::Success, false}, Case{207, ResponseClass::Success, false},
          Case{400, ResponseClass::Permanent, false}, Case{401, ResponseClass::Permanent, false},
          Case{403, ResponseClass::Permanent, false}, Case{404, ResponseClass::Permanent, false},
          Case{409, ResponseClass::Permanent, false}, Case{408, ResponseClass::Transient, false},
          Case{423, ResponseClass::Transient, false}, Case{429, ResponseClass::RateLimited, false},
          Case{500, ResponseClass::Transient, true}, Case{501, ResponseClass::Permanent, false},
          Case{502, ResponseClass::Transient, true}, Case{503, ResponseClass::Transient, false},
          Case{504, ResponseClass::Transient, true}, Case{505, ResponseClass::Permanent, false}}) {
        const Classification got = p.classify(req, status(c.status));
        EXPECT_EQ(got.kind, c.kind) << c.status;
        if (c.kind == ResponseClass::Transient) {
            EXPECT_EQ(got.mayHaveBeenApplied, c.mayHaveBeenApplied) << c.status;
        }
    }
    EXPECT_EQ(p.classify(req, status(423)).minWaitMs, 2000);
}

TEST(HttpPolicy, GenericNetworkRules) {
    const HttpPolicy p;
    const HttpRequest req;
    EXPECT_EQ(p.classify(req, network(NetworkErrorKind::Timeout)).kind, ResponseClass::Transient);
    EXPECT_TRUE(p.classify(req, network(NetworkErrorKind::Timeout)).mayHaveBeenApplied);
    EXPECT_TRUE(p.classify(req, network(NetworkErrorKind::RemoteClosed)).mayHaveBeenApplied);
    EXPECT_TRUE(p.classify(req, network(NetworkErrorKind::TemporaryFailure)).mayHaveBeenApplied);
    EXPECT_EQ(p.classify(req, network(NetworkErrorKind::ConnectionRefused)).kind, ResponseClass::Transient);
    EXPECT_FALSE(p.classify(req, network(NetworkErrorKind::ConnectionRefused)).mayHaveBeenApplied);
    for (NetworkErrorKind k : {NetworkErrorKind::HostNotFound, NetworkErrorKind::Tls, NetworkErrorKind::Proxy,
                               NetworkErrorKind::Other})
        EXPECT_EQ(p.classify(req, network(k)).kind, ResponseClass::Permanent)
            << networkErrorKindName(k).toStdString();
    // A partial answer cut by a drop is a network error, whatever the status line said.
    HttpResponse partial = status(200);
    partial.networkError = NetworkErrorKind::RemoteClosed;
    EXPECT_EQ(p.classify(req, partial).kind, ResponseClass::Transient);
}

TEST(HttpPolicy, RetryAfter) {
    const qint64 now = QDateTime(QDate(2025, 3, 1), QTime(12, 0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    EXPECT_EQ(HttpPolicy::retryAfterMs({{"Retry-After", "120"}}, now), 120000);
    EXPECT_EQ(HttpPolicy::retryAfterMs({{"retry-after", " 1.5 "}}, now), 1500);
    EXPECT_EQ(HttpPolicy::retryAfterMs({{"Retry-After", "0"}}, now), 0);
    EXPECT_EQ(HttpPolicy::retryAfterMs({{"Retry-After", "-3"}}, now), 0);
    EXPECT_EQ(HttpPolicy::retryAfterMs({{"Retry-After", "Sat, 01 Mar 2025 12:00:30 GMT"}}, now), 30000);
    EXPECT_EQ(HttpPolicy::retryAfterMs({{"Retry-After", "Sat, 01 Mar 2025 11:00:00 GMT"}}, now), 0);
    EXPECT_FALSE(HttpPolicy::retryAfterMs({{"Retry-After", "soon"}}, now).has_value());
    EXPECT_FALSE(HttpPolicy::retryAfterMs({}, now).has_value());
}

TEST(HubSpotHttpPolicy, RateLimitsAndDailyLimit) {
    const HubSpotHttpPolicy p;
    const HttpRequest req;
    const Classification burst = p.classify(
        req,
        status(429, R"({"status":"error","errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"})"));
    EXPECT_EQ(burst.kind, ResponseClass::RateLimited);
    EXPECT_EQ(burst.code, u"TEN_SECONDLY_ROLLING"_s);
    const Classification secondly = p.classify(req, status(429, R"({"policyName":"SECONDLY"})"));
    EXPECT_EQ(secondly.kind, ResponseClass::RateLimited);
    const Classification daily = p.classify(
        req,
        status(429,
               R"({"status":"error","message":"You have reached your daily limit.","policyName":"DAILY"})"));
    EXPECT_EQ(daily.kind, ResponseClass::LimitReached);
    EXPECT_EQ(daily.code, u"DAILY"_s);
    EXPECT_EQ(p.classify(req, status(429, "not json")).kind, ResponseClass::RateLimited);
}

TEST(HubSpotHttpPolicy, ErrorCategoryBecomesTheCode) {
    const HubSpotHttpPolicy p;
    const Classification c = p.classify(
        {}, status(401, R"({"status":"error","message":"expired","category":"EXPIRED_AUTHENTICATION"})"));
    EXPECT_EQ(c.kind, ResponseClass::Permanent);
    EXPECT_EQ(c.code, u"EXPIRED_AUTHENTICATION"_s);
    EXPECT_EQ(p.classify({}, status(502, "<html/>")).kind, ResponseClass::Transient);
    EXPECT_EQ(p.classify({}, status(200, R"({"category":"X"})")).code, QString());
}

TEST(HubSpotHttpPolicy, RateLimitHeaders) {
    const HubSpotHttpPolicy p;
    const auto obs =
        p.rateLimitObservations({}, status(200, "{}",
                                           {{"X-HubSpot-RateLimit-Max", "190"},
                                            {"X-HubSpot-RateLimit-Remaining", "185"},
                                            {"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"},
                                            {"X-HubSpot-RateLimit-Daily", "625000"},
                                            {"X-HubSpot-RateLimit-Daily-Remaining", "624000"}}));
    ASSERT_EQ(obs.size(), 1);
    EXPECT_EQ(obs[0].bucket, QString());
    EXPECT_EQ(obs[0].max, 190);
    EXPECT_EQ(obs[0].remaining, 185);
    EXPECT_EQ(obs[0].intervalMs, 10000);
    EXPECT_EQ(obs[0].dailyMax, 625000);
    EXPECT_EQ(obs[0].dailyRemaining, 624000);
    // Search responses carry none.
    EXPECT_TRUE(p.rateLimitObservations({}, status(200, "{}")).isEmpty());
}

TEST(HubSpotHttpPolicy, PublishedLimitsAreSettings) {
    HubSpotHttpPolicy::Settings s;
    s.burstMax = 110;
    RateLimiter limiter;
    HubSpotHttpPolicy(s).configureLimiter(limiter);
    EXPECT_EQ(limiter.rule({}).maxRequests, 110);
    EXPECT_EQ(limiter.rule({}).windowMs, 10000);
    EXPECT_EQ(limiter.rule(HubSpotHttpPolicy::SearchEndpointClass).maxRequests, 5);
    EXPECT_EQ(limiter.rule(HubSpotHttpPolicy::SearchEndpointClass).windowMs, 1000);
}

TEST(SalesforceHttpPolicy, ErrorCodes) {
    const SalesforceHttpPolicy p;
    const Classification limit = p.classify(
        {},
        status(403, R"([{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}])"));
    EXPECT_EQ(limit.kind, ResponseClass::LimitReached);
    EXPECT_EQ(limit.code, u"REQUEST_LIMIT_EXCEEDED"_s);

    const Classification lock = p.classify(
        {},
        status(400, R"([{"message":"unable to obtain exclusive access","errorCode":"UNABLE_TO_LOCK_ROW"}])"));
    EXPECT_EQ(lock.kind, ResponseClass::Transient);
    EXPECT_FALSE(lock.mayHaveBeenApplied);

    const Classification session = p.classify(
        {}, status(401, R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])"));
    EXPECT_EQ(session.kind, ResponseClass::Permanent);
    EXPECT_EQ(session.code, u"INVALID_SESSION_ID"_s);

    for (const char* code :
         {"REQUIRED_FIELD_MISSING", "INVALID_FIELD", "DUPLICATES_DETECTED", "STRING_TOO_LONG"}) {
        const QByteArray body = R"([{"message":"m","errorCode":")" + QByteArray(code) + R"("}])";
        EXPECT_EQ(p.classify({}, status(400, body)).kind, ResponseClass::Permanent) << code;
    }
    EXPECT_EQ(p.classify({}, status(503, "")).kind, ResponseClass::Transient);
    EXPECT_EQ(p.classify({}, status(500, R"([{"errorCode":"UNKNOWN_EXCEPTION"}])")).kind,
              ResponseClass::Transient);
    EXPECT_EQ(SalesforceHttpPolicy::errorCode(R"({"error":"invalid_grant","error_description":"expired"})"),
              u"invalid_grant"_s);
}

TEST(SalesforceHttpPolicy, LimitInfoHeader) {
    const SalesforceHttpPolicy p;
    auto obs = p.rateLimitObservations({}, status(200, "{}", {{"Sforce-Limit-Info", "api-usage=18/15000"}}));
    ASSERT_EQ(obs.size(), 1);
    EXPECT_EQ(obs[0].dailyMax, 15000);
    EXPECT_EQ(obs[0].dailyRemaining, 14982);
    EXPECT_FALSE(obs[0].max.has_value());

    obs = p.rateLimitObservations(
        {}, status(200, "{}",
                   {{"Sforce-Limit-Info", "api-usage=15001/15000; per-app-api-usage=17/250(appName=x)"}}));
    ASSERT_EQ(obs.size(), 1);
    EXPECT_EQ(obs[0].dailyRemaining, 0);
    EXPECT_TRUE(p.rateLimitObservations({}, status(200, "{}")).isEmpty());
}
