// HttpClient against ScriptedServer on 127.0.0.1: scripted 429s, 5xx, dropped connections, slow
// replies; retries, backoff, rate-limit waits, cancel, daily limits, lost responses. Time is a
// FakeClock (waits are recorded, not slept) except for the request timeouts.
#include "ScriptedServer.h"

#include "QtPrinters.h"
#include "core/net/CancelFlag.h"
#include "core/net/Clock.h"
#include "core/net/HttpClient.h"
#include "core/net/HttpPolicy.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/RandomSource.h"
#include "core/net/RateLimiter.h"
#include "core/net/Redactor.h"
#include "core/net/SalesforceHttpPolicy.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace syncdesk::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray HubSpotTenSecondly429 =
    R"({"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"c-1","policyName":"TEN_SECONDLY_ROLLING"})";
const QByteArray HubSpotDaily429 =
    R"({"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"c-2","policyName":"DAILY"})";

class HttpClientTest : public ::testing::Test {
protected:
    ScriptedServer server;
    QNetworkAccessManager nam;
    FakeClock clock;
    SeededRandomSource seeded{42};
    RandomSource* random = &seeded;
    std::shared_ptr<Redactor> redactor = std::make_shared<Redactor>();
    CancelFlag cancel;
    QList<HttpExchange> exchanges;

    std::unique_ptr<HttpClient> client(std::shared_ptr<const HttpPolicy> policy = {},
                                       std::shared_ptr<RateLimiter> limiter = {},
                                       HttpClientSettings settings = {}) {
        HttpClient::Dependencies deps;
        deps.network = &nam;
        deps.clock = &clock;
        deps.random = random;
        deps.policy = std::move(policy);
        deps.limiter = std::move(limiter);
        deps.redactor = redactor;
        auto c = std::make_unique<HttpClient>(deps, settings);
        c->setCancelFlag(&cancel);
        c->addObserver([this](const HttpExchange& e) { exchanges.append(e); });
        return c;
    }

    HttpRequest get(const QString& path = u"/crm/v3/objects/companies"_s) {
        return HttpRequest::get(server.url(path)).setIdempotent();
    }
    HttpRequest create(const QString& path = u"/crm/v3/objects/companies"_s) {
        return HttpRequest::post(server.url(path))
            .setJson(QJsonObject{{u"properties"_s, QJsonObject{{u"name"_s, u"Acme"_s}}}});
    }
};

} // namespace

TEST_F(HttpClientTest, SendsTheRequestAndReturnsTheResponse) {
    server.enqueue(ScriptedReply::json(200, R"({"results":[]})").withHeader("X-Test", "yes"));
    auto http = client();
    HttpRequest request = get(u"/crm/v3/objects/companies?limit=100"_s);
    request.setBearerToken(u"pat-na1-secret-token"_s);
    const HttpResponse r = http->send(request);

    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.isSuccess());
    EXPECT_EQ(r.attempts, 1);
    EXPECT_EQ(r.headers.value("x-test"), "yes");
    EXPECT_TRUE(r.json().object().contains(u"results"_s));
    EXPECT_TRUE(r.errorText.isEmpty());
    ASSERT_EQ(server.requestCount(), 1);
    const ReceivedRequest& got = server.received().first();
    EXPECT_EQ(got.method, "GET");
    EXPECT_EQ(got.target, "/crm/v3/objects/companies?limit=100");
    EXPECT_EQ(got.headers.value("Authorization"), "Bearer pat-na1-secret-token");
    EXPECT_EQ(got.headers.value("User-Agent"), "SyncDesk");
    EXPECT_TRUE(clock.sleeps().isEmpty());
}

TEST_F(HttpClientTest, CreateBodyArrivesIntactAndTheConnectionIsReused) {
    server.enqueue(ScriptedReply::json(201, R"({"id":"1"})"));
    server.enqueue(ScriptedReply::json(201, R"({"id":"2"})"));
    auto http = client();
    const HttpResponse first = http->send(create());
    HttpRequest second = create();
    second.setForm({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, u"a+b/c=d e"_s}});
    const HttpResponse r2 = http->send(second);

    EXPECT_EQ(first.status, 201);
    EXPECT_EQ(r2.status, 201);
    ASSERT_EQ(server.requestCount(), 2);
    EXPECT_EQ(server.received()[0].method, "POST");
    EXPECT_EQ(server.received()[0].body, R"({"properties":{"name":"Acme"}})");
    EXPECT_EQ(server.received()[0].headers.value("Content-Type"), "application/json");
    // '+' must be encoded in a form body, or the server reads a space.
    EXPECT_EQ(server.received()[1].body, "grant_type=refresh_token&refresh_token=a%2Bb%2Fc%3Dd%20e");
    EXPECT_EQ(server.received()[1].headers.value("Content-Type"), "application/x-www-form-urlencoded");
}

TEST_F(HttpClientTest, RateLimitedWaitsForRetryAfterThenSucceeds) {
    server.enqueue(ScriptedReply::json(429, HubSpotTenSecondly429).withHeader("Retry-After", "3"));
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client(std::make_shared<HubSpotHttpPolicy>());
    // Not idempotent: a 429 was not applied, so it is repeated all the same.
    const HttpResponse r = http->send(create());

    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.attempts, 2);
    EXPECT_EQ(server.requestCount(), 2);
    EXPECT_EQ(clock.sleeps(), QList<qint64>{3000});
    ASSERT_EQ(exchanges.size(), 2);
    EXPECT_EQ(exchanges[0].status, 429);
    EXPECT_EQ(exchanges[0].classification.kind, ResponseClass::RateLimited);
    EXPECT_EQ(exchanges[0].classification.code, u"TEN_SECONDLY_ROLLING"_s);
    EXPECT_TRUE(exchanges[0].willRetry);
    EXPECT_EQ(exchanges[0].retryInMs, 3000);
    EXPECT_FALSE(exchanges[0].outcome.has_value());
    EXPECT_EQ(exchanges[1].outcome, HttpOutcome::Completed);
    EXPECT_EQ(exchanges[0].requestId, exchanges[1].requestId);
    EXPECT_EQ(exchanges[1].attempt, 2);
}

TEST_F(HttpClientTest, RateLimitedWithoutRetryAfterWaitsForTheKnownWindow) {
    auto policy = std::make_shared<HubSpotHttpPolicy>();
    auto limiter = std::make_shared<RateLimiter>();
    policy->configureLimiter(*limiter);
    HttpHeaders limits{{"X-HubSpot-RateLimit-Max", "100"},
                       {"X-HubSpot-RateLimit-Remaining", "0"},
                       {"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"}};
    server.enqueue(ScriptedReply::json(429, HubSpotTenSecondly429, limits));
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client(policy, limiter);
    const qint64 start = clock.nowMs();
    const HttpResponse r = http->send(get());

    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(server.requestCount(), 2);
    // One window plus the limiter's margin after the 429, and not a millisecond less.
    EXPECT_GE(clock.nowMs() - start, 10000);
    EXPECT_LE(clock.nowMs() - start, 10000 + limiter->settings().marginMs);
}

TEST_F(HttpClientTest, ServiceUnavailableTwiceThenSuccess) {
    server.enqueue(ScriptedReply::json(503, "{}"));
    server.enqueue(ScriptedReply::json(503, "{}"));
    server.enqueue(ScriptedReply::json(200, R"({"ok":true})"));
    auto http = client();
    const HttpResponse r = http->send(get());

    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.attempts, 3);
    EXPECT_EQ(server.requestCount(), 3);
    const RetryPolicy retry = http->settings().retry;
    const QList<qint64> sleeps = clock.sleeps();
    ASSERT_EQ(sleeps.size(), 2);
    for (int i = 0; i < sleeps.size(); ++i) {
        EXPECT_GE(sleeps[i], 0);
        EXPECT_LE(sleeps[i], retry.backoffCeilingMs(i + 1));
    }
}

TEST_F(HttpClientTest, ServiceUnavailableIsRepeatedForCreatesToo) {
    server.enqueue(ScriptedReply::json(503, "{}"));
    server.enqueue(ScriptedReply::json(201, R"({"id":"7"})"));
    auto http = client();
    const HttpResponse r = http->send(create());
    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(server.requestCount(), 2);
}

TEST_F(HttpClientTest, AttemptsAreBoundedAndBackoffGrows) {
    FunctionRandomSource highest([] { return 1.0; });
    random = &highest;
    server.setHandler([](const ReceivedRequest&) { return ScriptedReply::json(503, "{}"); });
    HttpClientSettings settings;
    settings.retry.maxAttempts = 5;
    auto http = client({}, {}, settings);
    const HttpResponse r = http->send(get());

    EXPECT_EQ(r.outcome, HttpOutcome::Failed);
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.attempts, 5);
    EXPECT_EQ(server.requestCount(), 5);
    EXPECT_FALSE(r.errorText.isEmpty());
    // With the jitter at its top, the waits are the ceilings: 500, 1000, 2000, 4000.
    EXPECT_EQ(clock.sleeps(), (QList<qint64>{500, 1000, 2000, 4000}));
    EXPECT_EQ(exchanges.size(), 5);
    EXPECT_EQ(exchanges.last().outcome, HttpOutcome::Failed);
    EXPECT_FALSE(exchanges.last().willRetry);
}

TEST_F(HttpClientTest, BackoffIsJitteredWithinBounds) {
    server.setHandler([](const ReceivedRequest&) { return ScriptedReply::json(500, "{}"); });
    HttpClientSettings settings;
    settings.retry.maxAttempts = 8;
    auto http = client({}, {}, settings);
    QList<qint64> all;
    for (int run = 0; run < 6; ++run) {
        clock.clearSleeps();
        EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Failed);
        const QList<qint64> sleeps = clock.sleeps();
        ASSERT_EQ(sleeps.size(), 7);
        for (int i = 0; i < sleeps.size(); ++i) {
            EXPECT_GE(sleeps[i], 0);
            EXPECT_LE(sleeps[i], settings.retry.backoffCeilingMs(i + 1));
        }
        all += sleeps;
    }
    // Jittered: the delays are not all the same.
    std::sort(all.begin(), all.end());
    EXPECT_GT(std::unique(all.begin(), all.end()) - all.begin(), 20);
}

TEST_F(HttpClientTest, LockedWaitsAtLeastTwoSeconds) {
    FunctionRandomSource lowest([] { return 0.0; });
    random = &lowest;
    server.enqueue(ScriptedReply::json(423, "{}"));
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client(std::make_shared<HubSpotHttpPolicy>());
    const HttpResponse r = http->send(create());
    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(clock.sleeps(), QList<qint64>{2000});
}

TEST_F(HttpClientTest, BadGatewayOnCreateIsALostResponse) {
    server.enqueue(ScriptedReply::json(502, "<html>Bad Gateway</html>"));
    auto http = client();
    const HttpResponse r = http->send(create());
    EXPECT_EQ(r.outcome, HttpOutcome::ResponseLost);
    EXPECT_EQ(r.status, 502);
    EXPECT_EQ(r.attempts, 1);
    EXPECT_EQ(server.requestCount(), 1);
    EXPECT_TRUE(clock.sleeps().isEmpty());
}

TEST_F(HttpClientTest, BadGatewayOnIdempotentRequestIsRetried) {
    server.enqueue(ScriptedReply::json(502, "{}"));
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client();
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Completed);
    EXPECT_EQ(server.requestCount(), 2);
}

TEST_F(HttpClientTest, DroppedConnectionAfterCreateIsReportedLostAndNotResent) {
    server.enqueue(ScriptedReply::drop());
    auto http = client();
    const HttpResponse r = http->send(create());
    EXPECT_EQ(r.outcome, HttpOutcome::ResponseLost);
    EXPECT_EQ(r.networkError, NetworkErrorKind::RemoteClosed);
    EXPECT_FALSE(r.hasResponse());
    EXPECT_EQ(r.attempts, 1);
    // Neither HttpClient nor Qt's own connection logic sent it a second time.
    EXPECT_EQ(server.requestCount(), 1);
    EXPECT_EQ(server.received().first().body, R"({"properties":{"name":"Acme"}})");
    ASSERT_EQ(exchanges.size(), 1);
    EXPECT_EQ(exchanges[0].networkError, NetworkErrorKind::RemoteClosed);
    EXPECT_EQ(exchanges[0].outcome, HttpOutcome::ResponseLost);

    // The client stays usable: the next request opens a new connection.
    server.enqueue(ScriptedReply::json(200, R"({"results":[]})"));
    EXPECT_EQ(http->send(get()).status, 200);
}

TEST_F(HttpClientTest, DroppedConnectionOnIdempotentRequestIsRetried) {
    server.enqueue(ScriptedReply::drop());
    server.enqueue(ScriptedReply::drop());
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client();
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 200);
    EXPECT_GE(r.attempts, 2);
    EXPECT_EQ(server.requestCount(), 3); // Qt may resend a GET itself; either way it is repeated
}

TEST_F(HttpClientTest, SlowReplyHitsTheTimeoutAndIsRetriedWhenIdempotent) {
    server.enqueue(ScriptedReply::json(200, "{}").delayed(5000));
    server.enqueue(ScriptedReply::json(200, "{}").delayed(5000));
    HttpClientSettings settings;
    settings.retry.maxAttempts = 2;
    auto http = client({}, {}, settings);
    HttpRequest request = get();
    request.setTimeoutMs(150);
    QElapsedTimer real;
    real.start();
    const HttpResponse r = http->send(request);

    EXPECT_EQ(r.outcome, HttpOutcome::Failed);
    EXPECT_EQ(r.networkError, NetworkErrorKind::Timeout);
    EXPECT_EQ(r.attempts, 2);
    EXPECT_EQ(server.requestCount(), 2);
    EXPECT_LT(real.elapsed(), 3000);
}

TEST_F(HttpClientTest, SlowReplyToACreateIsALostResponse) {
    server.enqueue(ScriptedReply::hang());
    auto http = client();
    HttpRequest request = create();
    request.setTimeoutMs(150);
    const HttpResponse r = http->send(request);
    EXPECT_EQ(r.outcome, HttpOutcome::ResponseLost);
    EXPECT_EQ(r.networkError, NetworkErrorKind::Timeout);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(HttpClientTest, DefaultTimeoutComesFromTheSettings) {
    server.enqueue(ScriptedReply::hang());
    HttpClientSettings settings;
    settings.defaultTimeoutMs = 100;
    auto http = client({}, {}, settings);
    const HttpResponse r = http->send(create());
    EXPECT_EQ(r.networkError, NetworkErrorKind::Timeout);
}

TEST_F(HttpClientTest, ConnectionRefusedIsRetriedEvenForCreatesThenFails) {
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    HttpClientSettings settings;
    settings.retry.maxAttempts = 3;
    auto http = client({}, {}, settings);
    const HttpResponse r =
        http->send(HttpRequest::post(QUrl(u"http://127.0.0.1:%1/x"_s.arg(port))).setJson(QJsonObject{}));
    EXPECT_EQ(r.outcome, HttpOutcome::Failed);
    EXPECT_EQ(r.networkError, NetworkErrorKind::ConnectionRefused);
    EXPECT_EQ(r.attempts, 3);
    EXPECT_EQ(clock.sleeps().size(), 2);
}

TEST_F(HttpClientTest, CancelStopsBetweenAttempts) {
    server.enqueue(ScriptedReply::json(503, "{}"));
    server.enqueue(ScriptedReply::json(200, "{}"));
    clock.setSleepHook([this](qint64) { cancel.cancel(); });
    auto http = client();
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::Cancelled);
    EXPECT_EQ(r.attempts, 1);
    EXPECT_EQ(r.status, 503); // the last answer is kept
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(HttpClientTest, CancelBeforeSendingSendsNothing) {
    cancel.cancel();
    auto http = client();
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::Cancelled);
    EXPECT_EQ(r.attempts, 0);
    EXPECT_EQ(server.requestCount(), 0);
    EXPECT_TRUE(exchanges.isEmpty());
}

TEST_F(HttpClientTest, CancelDuringTheRateLimiterWait) {
    auto limiter = std::make_shared<RateLimiter>();
    limiter->setRule(QString(), RateLimitRule{1, 10000});
    auto http = client({}, limiter);
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Completed);
    clock.setSleepHook([this](qint64) { cancel.cancel(); });
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::Cancelled);
    EXPECT_EQ(server.requestCount(), 1);
    ASSERT_EQ(clock.sleeps().size(), 1);
    EXPECT_GT(clock.sleeps().first(), 9000);
}

TEST_F(HttpClientTest, RequestInFlightIsNotAbortedByCancel) {
    // The cancel flag is set while the request is on the wire: it completes, nothing follows.
    server.setHandler([this](const ReceivedRequest&) {
        cancel.cancel();
        return ScriptedReply::json(503, "{}");
    });
    auto http = client();
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::Cancelled);
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(HttpClientTest, HubSpotDailyLimitStopsWithoutRetrying) {
    server.enqueue(ScriptedReply::json(429, HubSpotDaily429));
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client(std::make_shared<HubSpotHttpPolicy>(), std::make_shared<RateLimiter>());
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::LimitReached);
    EXPECT_EQ(r.classification.kind, ResponseClass::LimitReached);
    EXPECT_EQ(r.classification.code, u"DAILY"_s);
    EXPECT_EQ(r.attempts, 1);
    EXPECT_EQ(server.requestCount(), 1);
    EXPECT_TRUE(clock.sleeps().isEmpty());
}

TEST_F(HttpClientTest, SalesforceRequestLimitExceededStopsWithoutRetrying) {
    server.enqueue(ScriptedReply::json(
        403, R"([{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}])"));
    auto http = client(std::make_shared<SalesforceHttpPolicy>());
    const HttpResponse r = http->send(get(u"/services/data/v62.0/query?q=SELECT+Id+FROM+Account"_s));
    EXPECT_EQ(r.outcome, HttpOutcome::LimitReached);
    EXPECT_EQ(r.classification.code, u"REQUEST_LIMIT_EXCEEDED"_s);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(HttpClientTest, SalesforceUnableToLockRowIsRetriedEvenForCreates) {
    server.enqueue(ScriptedReply::json(
        400,
        R"([{"message":"unable to obtain exclusive access to this record","errorCode":"UNABLE_TO_LOCK_ROW"}])"));
    server.enqueue(ScriptedReply::json(201, R"({"id":"001","success":true,"errors":[]})"));
    auto http = client(std::make_shared<SalesforceHttpPolicy>());
    const HttpResponse r = http->send(create(u"/services/data/v62.0/sobjects/Account"_s));
    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(server.requestCount(), 2);
}

TEST_F(HttpClientTest, PermanentErrorIsReturnedAtOnce) {
    server.enqueue(ScriptedReply::json(
        400,
        R"({"status":"error","message":"Property values were not valid","category":"VALIDATION_ERROR"})"));
    auto http = client(std::make_shared<HubSpotHttpPolicy>());
    const HttpResponse r = http->send(create());
    EXPECT_EQ(r.outcome, HttpOutcome::Completed);
    EXPECT_EQ(r.status, 400);
    EXPECT_FALSE(r.isSuccess());
    EXPECT_EQ(r.classification.kind, ResponseClass::Permanent);
    EXPECT_EQ(r.classification.code, u"VALIDATION_ERROR"_s);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(HttpClientTest, ExhaustedDailyBudgetStopsBeforeSending) {
    auto policy = std::make_shared<HubSpotHttpPolicy>();
    auto limiter = std::make_shared<RateLimiter>();
    policy->configureLimiter(*limiter);
    server.enqueue(ScriptedReply::json(
        200, "{}", {{"X-HubSpot-RateLimit-Daily", "250000"}, {"X-HubSpot-RateLimit-Daily-Remaining", "0"}}));
    auto http = client(policy, limiter);
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Completed);
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::LimitReached);
    EXPECT_EQ(r.attempts, 0);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(HttpClientTest, SalesforceLimitInfoFeedsTheDailyBudget) {
    auto limiter = std::make_shared<RateLimiter>();
    server.enqueue(ScriptedReply::json(200, "{}", {{"Sforce-Limit-Info", "api-usage=14999/15000"}}));
    server.enqueue(ScriptedReply::json(200, "{}", {{"Sforce-Limit-Info", "api-usage=15000/15000"}}));
    auto http = client(std::make_shared<SalesforceHttpPolicy>(), limiter);
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Completed);
    EXPECT_EQ(limiter->dailyRemaining(), 1);
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Completed);
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::LimitReached);
    EXPECT_EQ(server.requestCount(), 2);
}

TEST_F(HttpClientTest, FarRetryAfterPausesInsteadOfWaiting) {
    server.enqueue(ScriptedReply::json(429, "{}").withHeader("Retry-After", "3600"));
    auto http = client();
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::LimitReached);
    EXPECT_EQ(server.requestCount(), 1);
    EXPECT_TRUE(clock.sleeps().isEmpty());
}

TEST_F(HttpClientTest, PersistentRateLimitingIsBounded) {
    server.setHandler([](const ReceivedRequest&) {
        return ScriptedReply::json(429, HubSpotTenSecondly429).withHeader("Retry-After", "1");
    });
    HttpClientSettings settings;
    settings.retry.maxRateLimitWaits = 3;
    auto http = client(std::make_shared<HubSpotHttpPolicy>(), {}, settings);
    const HttpResponse r = http->send(get());
    EXPECT_EQ(r.outcome, HttpOutcome::LimitReached);
    EXPECT_EQ(server.requestCount(), 4);
    EXPECT_EQ(clock.sleeps(), (QList<qint64>{1000, 1000, 1000}));
}

TEST_F(HttpClientTest, UnknownRateLimitBacksOff) {
    server.enqueue(ScriptedReply::json(429, "{}"));
    server.enqueue(ScriptedReply::json(200, "{}"));
    auto http = client();
    EXPECT_EQ(http->send(get()).outcome, HttpOutcome::Completed);
    ASSERT_EQ(clock.sleeps().size(), 1);
    EXPECT_GE(clock.sleeps().first(), http->settings().retry.minRateLimitWaitMs);
}

TEST_F(HttpClientTest, ObserversCanBeRemoved) {
    auto http = client();
    int calls = 0;
    const int id = http->addObserver([&calls](const HttpExchange&) { ++calls; });
    http->send(get());
    http->removeObserver(id);
    http->send(get());
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(exchanges.size(), 2);
    EXPECT_NE(exchanges[0].requestId, exchanges[1].requestId);
}

TEST_F(HttpClientTest, DroppedConnectionAfterABodilessWriteIsNotResentEither) {
    server.enqueue(ScriptedReply::drop());
    auto http = client();
    const HttpResponse r = http->send(HttpRequest::del(server.url(u"/crm/v3/objects/companies/1"_s)));
    EXPECT_EQ(r.outcome, HttpOutcome::ResponseLost);
    EXPECT_EQ(server.requestCount(), 1);
}
