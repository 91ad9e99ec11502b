// The limiter end to end: HttpClient against a server that enforces HubSpot's rolling window by
// the same FakeClock and reports it in X-HubSpot-RateLimit-* headers (429 beyond). A long run must
// see no 429 and use at least 90% of what the server allows.
#include "ScriptedServer.h"

#include "QtPrinters.h"
#include "core/net/Clock.h"
#include "core/net/HttpClient.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/RandomSource.h"
#include "core/net/RateLimiter.h"
#include "core/net/Redactor.h"

#include <QNetworkAccessManager>

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>

using namespace syncdesk;
using namespace syncdesk::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// HubSpot's burst limit as a server would keep it: a rolling window of `max` requests, of which
// `foreign` are taken by another app on the same account all the time.
struct RollingWindowServer {
    FakeClock& clock;
    int max;
    qint64 windowMs;
    int foreign = 0;
    std::deque<qint64> accepted;
    std::vector<qint64> acceptedAll;
    int rejected = 0;

    ScriptedReply handle(const ReceivedRequest&) {
        const qint64 now = clock.nowMs();
        while (!accepted.empty() && accepted.front() <= now - windowMs)
            accepted.pop_front();
        const int used = static_cast<int>(accepted.size()) + foreign;
        HttpHeaders h{{"X-HubSpot-RateLimit-Max", QByteArray::number(max)},
                      {"X-HubSpot-RateLimit-Interval-Milliseconds", QByteArray::number(windowMs)},
                      {"X-HubSpot-RateLimit-Daily", "250000"},
                      {"X-HubSpot-RateLimit-Daily-Remaining", "200000"}};
        if (used >= max) {
            ++rejected;
            h.add("X-HubSpot-RateLimit-Remaining", "0");
            return ScriptedReply::json(
                429, R"({"status":"error","errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"})", h);
        }
        accepted.push_back(now);
        acceptedAll.push_back(now);
        h.add("X-HubSpot-RateLimit-Remaining", QByteArray::number(max - used - 1));
        return ScriptedReply::json(200, R"({"results":[]})", h);
    }
};

struct LimitedRun {
    int rejected = 0;
    double usedShare = 0; // of what the server left us
    qint64 elapsedMs = 0;
};

LimitedRun runAgainstServer(int max, qint64 windowMs, int foreign, int requests,
                            HubSpotHttpPolicy::Settings hubspot) {
    ScriptedServer server;
    FakeClock clock;
    RollingWindowServer model{clock, max, windowMs, foreign, {}, {}, 0};
    server.setHandler([&model](const ReceivedRequest& r) { return model.handle(r); });

    QNetworkAccessManager nam;
    SeededRandomSource random(3);
    auto policy = std::make_shared<HubSpotHttpPolicy>(hubspot);
    auto limiter = std::make_shared<RateLimiter>();
    policy->configureLimiter(*limiter);
    HttpClient::Dependencies deps;
    deps.network = &nam;
    deps.clock = &clock;
    deps.random = &random;
    deps.policy = policy;
    deps.limiter = limiter;
    deps.redactor = std::make_shared<Redactor>();
    HttpClient http(deps);

    const qint64 start = clock.nowMs();
    for (int i = 0; i < requests; ++i) {
        const HttpResponse r =
            http.send(HttpRequest::get(server.url(u"/crm/v3/objects/companies"_s)).setIdempotent());
        EXPECT_EQ(r.status, 200);
    }
    LimitedRun run;
    run.rejected = model.rejected;
    run.elapsedMs = clock.nowMs() - start;
    // Steady state: leave out the first window, which starts with a full budget, and count the
    // requests in [from, to) where `to` is the last send (half-open: bursts are not counted twice).
    const auto& t = model.acceptedAll;
    size_t first = 0;
    while (first < t.size() && t[first] - t.front() < windowMs)
        ++first;
    const qint64 from = t[first];
    const qint64 to = t.back();
    const auto inRange = std::count_if(t.begin(), t.end(), [&](qint64 x) { return x >= from && x < to; });
    const double steadyRate = static_cast<double>(inRange) / static_cast<double>(to - from);
    run.usedShare = steadyRate / (static_cast<double>(max - foreign) / windowMs);
    ::testing::Test::RecordProperty("used_share_percent", static_cast<int>(run.usedShare * 1000) / 10.0);
    return run;
}

} // namespace

TEST(HttpClientLimiter, PublishedLimitIsNeverExceededAndUsedToAtLeast90Percent) {
    // Configured limit = the server's limit: 100 per 10 s.
    const LimitedRun run = runAgainstServer(100, 10000, 0, 1200, {});
    EXPECT_EQ(run.rejected, 0);
    EXPECT_GE(run.usedShare, 0.9) << run.usedShare;
    EXPECT_LE(run.usedShare, 1.0);
}

TEST(HttpClientLimiter, LiveHeadersCorrectAConfiguredLimitThatIsTooHigh) {
    // The settings say 190 (a pro account), the account allows 100: the first answer's headers
    // bring the limiter down before the server has to say no.
    HubSpotHttpPolicy::Settings settings;
    settings.burstMax = 190;
    const LimitedRun run = runAgainstServer(100, 10000, 0, 1200, settings);
    EXPECT_EQ(run.rejected, 0);
    EXPECT_GE(run.usedShare, 0.9) << run.usedShare;
}

TEST(HttpClientLimiter, AnotherAppOnTheAccountLeavesLessAndStillNo429) {
    const LimitedRun run = runAgainstServer(100, 10000, 20, 1200, {});
    EXPECT_EQ(run.rejected, 0);
    EXPECT_GE(run.usedShare, 0.9) << run.usedShare;
    EXPECT_LE(run.usedShare, 1.0);
}

TEST(HttpClientLimiter, UnknownLimitIsLearnedFromTheFirstAnswer) {
    // No configured rule: the first answer's headers teach the limiter; no 429 follows.
    ScriptedServer server;
    FakeClock clock;
    RollingWindowServer model{clock, 10, 1000, 0, {}, {}, 0};
    server.setHandler([&model](const ReceivedRequest& r) { return model.handle(r); });
    QNetworkAccessManager nam;
    SeededRandomSource random(3);
    HttpClient::Dependencies deps;
    deps.network = &nam;
    deps.clock = &clock;
    deps.random = &random;
    deps.policy = std::make_shared<HubSpotHttpPolicy>();
    deps.limiter = std::make_shared<RateLimiter>();
    deps.redactor = std::make_shared<Redactor>();
    HttpClient http(deps);
    for (int i = 0; i < 300; ++i)
        EXPECT_EQ(http.send(HttpRequest::get(server.url(u"/x"_s)).setIdempotent()).status, 200);
    EXPECT_LE(model.rejected, 1);
    ::testing::Test::RecordProperty("rejected", model.rejected);
}
