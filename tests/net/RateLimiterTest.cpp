// RateLimiter on its own: time is passed in, so long runs take microseconds.
#include "core/net/RateLimiter.h"
#include "QtPrinters.h"
#include "core/net/RandomSource.h"

#include <QList>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace syncdesk;
using namespace Qt::Literals::StringLiterals;

namespace {

// Largest number of the sorted times that fall into any window (a, a + windowMs].
int maxInAnyWindow(std::vector<qint64> times, qint64 windowMs) {
    std::sort(times.begin(), times.end());
    int best = 0;
    size_t first = 0;
    for (size_t last = 0; last < times.size(); ++last) {
        while (times[last] - times[first] >= windowMs)
            ++first;
        best = std::max(best, static_cast<int>(last - first + 1));
    }
    return best;
}

// Requests per ms over [front, back): the last instant is left out so that a burst at the end
// is not counted without its window.
double rateOf(const std::vector<qint64>& sorted) {
    const qint64 from = sorted.front();
    const qint64 to = sorted.back();
    const auto n = std::count_if(sorted.begin(), sorted.end(), [&](qint64 x) { return x < to; });
    return static_cast<double>(n) / static_cast<double>(to - from);
}

// A caller that always has work: it sends as soon as the limiter lets it.
std::vector<qint64> greedyRun(RateLimiter& limiter, int requests, const QString& endpointClass = {},
                              qint64 start = 0) {
    std::vector<qint64> sent;
    qint64 now = start;
    for (int i = 0; i < requests; ++i) {
        now = limiter.reserve(endpointClass, now);
        sent.push_back(now);
    }
    return sent;
}

} // namespace

TEST(RateLimiter, WithoutRulesNothingWaits) {
    RateLimiter limiter;
    EXPECT_EQ(limiter.reserve({}, 1000), 1000);
    EXPECT_EQ(limiter.reserve(u"search"_s, 1000), 1000);
    EXPECT_EQ(limiter.reservedCount(), 2);
}

TEST(RateLimiter, NeverExceedsTheLimitInAnyWindowAndUsesAtLeast90Percent) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    const std::vector<qint64> sent = greedyRun(limiter, 20000);

    EXPECT_LE(maxInAnyWindow(sent, 10000), 100);
    // 20,000 requests at the published 10 per second need 2,000 s at the least.
    const double rate = rateOf(sent) * 1000.0;
    EXPECT_GE(rate, 0.9 * 10.0) << "rate " << rate << "/s";
    EXPECT_LE(rate, 10.0);
}

TEST(RateLimiter, HoldsWithIrregularArrivals) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{190, 10000});
    SeededRandomSource random(1);
    std::vector<qint64> sent;
    qint64 now = 0;
    for (int i = 0; i < 20000; ++i) {
        // Sometimes idle for a while, sometimes in a hurry.
        now += static_cast<qint64>(random.nextUnit() < 0.05 ? random.nextUnit() * 20000
                                                            : random.nextUnit() * 20);
        now = limiter.reserve({}, now);
        sent.push_back(now);
    }
    EXPECT_LE(maxInAnyWindow(sent, 10000), 190);
}

TEST(RateLimiter, UtilizationAndMarginAreSettings) {
    RateLimiter::Settings settings;
    settings.utilization = 1.0;
    settings.marginMs = 0;
    RateLimiter limiter(settings);
    limiter.setRule({}, RateLimitRule{10, 1000});
    const std::vector<qint64> sent = greedyRun(limiter, 1000);
    EXPECT_LE(maxInAnyWindow(sent, 1000), 10);
    EXPECT_EQ(sent[10], 1000); // exactly one window after the first
    EXPECT_EQ(limiter.allowedPerWindow({}, 0), 10);

    RateLimiter cautious; // defaults: 95 %
    cautious.setRule({}, RateLimitRule{100, 10000});
    EXPECT_EQ(cautious.allowedPerWindow({}, 0), 95);
}

TEST(RateLimiter, EndpointClassHasItsOwnLimitAndCountsTowardTheConnection) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    limiter.setRule(u"search"_s, RateLimitRule{5, 1000, true});
    std::vector<qint64> all;
    std::vector<qint64> searches;
    qint64 now = 0;
    for (int i = 0; i < 3000; ++i) {
        const bool search = i % 3 == 0;
        now = limiter.reserve(search ? u"search"_s : QString(), now);
        all.push_back(now);
        if (search)
            searches.push_back(now);
    }
    EXPECT_LE(maxInAnyWindow(searches, 1000), 5);
    EXPECT_LE(maxInAnyWindow(all, 10000), 100);
}

// HttpClient waits for classSlot() before it reserves: a search held back by the search limit then
// holds no connection-wide slot, and the connection's other requests go meanwhile.
TEST(RateLimiter, ClassSlotIsTheEndpointClassesOwnLimitOnly) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    limiter.setRule(u"search"_s, RateLimitRule{5, 1000, true});
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(limiter.reserve(u"search"_s, 0), 0);
    const qint64 window = 1000 + limiter.settings().marginMs;
    EXPECT_EQ(limiter.classSlot(u"search"_s, 0), window);
    EXPECT_EQ(limiter.classSlot(u"search"_s, 400), window);
    EXPECT_EQ(limiter.classSlot({}, 400), 400) << "no class: nothing of its own to wait for";
    EXPECT_EQ(limiter.classSlot(u"unknown"_s, 400), 400);
    // While the search waits without a reservation, other requests are not held back...
    EXPECT_EQ(limiter.reserve({}, 400), 400);
    // ...as they would be behind a search reserved ahead of time (reservations never go back).
    EXPECT_EQ(limiter.reserve(u"search"_s, 400), window);
    EXPECT_EQ(limiter.reserve({}, 500), window);
}

// While searches go on, requests without a limit of their own leave the searches their share of
// the connection-wide window (5 per 1.05 s over 10.05 s: 47 of the 95), and get all of it back
// once the searches are over.
TEST(RateLimiter, ActiveSearchesKeepTheirShareOfTheConnectionWindow) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    limiter.setRule(u"search"_s, RateLimitRule{5, 1000, true});
    const qint64 window = 10000 + limiter.settings().marginMs;
    EXPECT_EQ(limiter.reserve(u"search"_s, 0), 0);
    std::vector<qint64> reads = greedyRun(limiter, 48, {}, 0);
    EXPECT_EQ(std::count(reads.begin(), reads.end(), 0), 48) << "95 - 47";
    EXPECT_EQ(limiter.classSlot({}, 0), 1050) << "the 49th waits until the searches have gone quiet";
    EXPECT_EQ(limiter.classSlot({}, 1050), 1050);
    EXPECT_EQ(limiter.nextSlot({}, 0), 1050);
    // Searches keep their pace meanwhile: the waiting read holds no slot.
    std::vector<qint64> searches{0};
    qint64 now = 0;
    for (int i = 0; i < 20; ++i) {
        now = limiter.reserve(u"search"_s, limiter.classSlot(u"search"_s, now));
        searches.push_back(now);
    }
    EXPECT_LE(maxInAnyWindow(searches, 1000), 5);
    EXPECT_EQ(searches.back(), 4 * 1050) << "21 searches at 5 per 1.05 s";
    EXPECT_GT(limiter.classSlot({}, now), now) << "still active: the reads still wait";

    RateLimiter quiet;
    quiet.setRule({}, RateLimitRule{100, 10000});
    quiet.setRule(u"search"_s, RateLimitRule{5, 1000, true});
    const std::vector<qint64> alone = greedyRun(quiet, 96, {}, 0);
    EXPECT_EQ(std::count(alone.begin(), alone.end(), 0), 95) << "no search: the whole window";
    EXPECT_EQ(alone.back(), window);
}

TEST(RateLimiter, TryReserveTakesOnlyAFreeSlotAndHoldsNothingOtherwise) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{3, 1000});
    EXPECT_EQ(limiter.tryReserve({}, 0), std::optional<qint64>(0));
    EXPECT_EQ(limiter.tryReserve({}, 10), std::optional<qint64>(10));
    EXPECT_EQ(limiter.tryReserve({}, 20), std::optional<qint64>(20));
    EXPECT_EQ(limiter.tryReserve({}, 30), std::nullopt);
    EXPECT_EQ(limiter.reservedCount(), 3) << "a refused try reserves nothing";
    const qint64 next = limiter.nextSlot({}, 30);
    EXPECT_EQ(next, 1000 + limiter.settings().marginMs);
    EXPECT_EQ(limiter.tryReserve({}, next - 1), std::nullopt);
    EXPECT_EQ(limiter.tryReserve({}, next), std::optional<qint64>(next));
}

TEST(RateLimiter, SearchAloneUsesAtLeast90PercentOfItsLimit) {
    RateLimiter limiter;
    limiter.setRule(u"search"_s, RateLimitRule{5, 1000, false});
    const std::vector<qint64> sent = greedyRun(limiter, 5000, u"search"_s);
    EXPECT_LE(maxInAnyWindow(sent, 1000), 5);
    const double rate = rateOf(sent) * 1000.0;
    EXPECT_GE(rate, 0.9 * 5.0) << rate;
}

TEST(RateLimiter, ExclusiveEndpointClassDoesNotTouchTheConnectionBucket) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{1, 10000});
    limiter.setRule(u"search"_s, RateLimitRule{5, 1000, false});
    EXPECT_EQ(limiter.reserve({}, 0), 0);
    EXPECT_EQ(limiter.reserve(u"search"_s, 0), 0);
    EXPECT_GE(limiter.nextSlot({}, 0), 10000);
}

TEST(RateLimiter, HeadersReplaceTheRule) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    RateLimitObservation o;
    o.max = 190;
    o.intervalMs = 10000;
    limiter.observe(o, 0);
    EXPECT_EQ(limiter.rule({}).maxRequests, 190);
    const std::vector<qint64> sent = greedyRun(limiter, 2000);
    EXPECT_LE(maxInAnyWindow(sent, 10000), 190);
    EXPECT_GE(rateOf(sent) * 1000.0, 0.9 * 19.0);

    // A limiter without any rule learns one from the headers.
    RateLimiter fresh;
    fresh.observe(o, 0);
    EXPECT_TRUE(fresh.rule({}).isLimited());
}

TEST(RateLimiter, ForeignUsageReportedByTheServerIsLeftAlone) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    // We have sent 10; the server counts 60: another integration used 50.
    const std::vector<qint64> ours = greedyRun(limiter, 10);
    RateLimitObservation o;
    o.max = 100;
    o.remaining = 40;
    limiter.observe(o, ours.back());
    EXPECT_EQ(limiter.allowedPerWindow({}, ours.back()), 95 - 50);
    std::vector<qint64> next = greedyRun(limiter, 36, {}, ours.back());
    // 10 + 35 fit in the first window; the 36th waits for the window to move on.
    EXPECT_LT(next[34], 10000);
    EXPECT_GE(next[35], 10000);
    // The foreign usage expires with its window.
    EXPECT_EQ(limiter.allowedPerWindow({}, ours.back() + 20000), 95);
}

TEST(RateLimiter, ServerSayingNothingIsLeftHoldsUntilTheWindowPasses) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    RateLimitObservation o;
    o.max = 100;
    o.remaining = 0;
    limiter.observe(o, 5000);
    EXPECT_GE(limiter.nextSlot({}, 5000), 15000);
}

TEST(RateLimiter, RejectionHoldsTheBucket) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{100, 10000});
    EXPECT_EQ(limiter.noteRejected({}, 1000, 2500), 3500);
    EXPECT_EQ(limiter.reserve({}, 1000), 3500);
    // Without a wait: one window (with the margin).
    EXPECT_EQ(limiter.noteRejected({}, 4000), 4000 + 10000 + limiter.settings().marginMs);
    EXPECT_EQ(limiter.rejectionWindowMs({}), 10000 + limiter.settings().marginMs);

    // An unknown limit is held too, and a class without a rule holds the connection.
    RateLimiter unknown;
    EXPECT_FALSE(unknown.rejectionWindowMs(u"search"_s).has_value());
    unknown.noteRejected(u"search"_s, 0, 700);
    EXPECT_EQ(unknown.reserve({}, 0), 700);
}

TEST(RateLimiter, DailyBudget) {
    RateLimiter::Settings settings;
    settings.dailyReserve = 1;
    RateLimiter limiter(settings);
    EXPECT_FALSE(limiter.dailyRemaining().has_value());
    EXPECT_FALSE(limiter.dailyExhausted());
    RateLimitObservation o;
    o.dailyMax = 250000;
    o.dailyRemaining = 3;
    limiter.observe(o, 0);
    EXPECT_EQ(limiter.dailyRemaining(), 3);
    limiter.reserve({}, 0);
    EXPECT_FALSE(limiter.dailyExhausted());
    limiter.reserve({}, 0);
    EXPECT_TRUE(limiter.dailyExhausted()); // one left, kept in reserve
}

TEST(RateLimiter, ThreadsSharingALimiterStayWithinTheLimit) {
    RateLimiter limiter;
    limiter.setRule({}, RateLimitRule{50, 1000});
    limiter.setRule(u"search"_s, RateLimitRule{5, 1000});
    QMutex mutex;
    std::vector<qint64> all;
    std::vector<qint64> searches;
    QList<QThread*> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&, t] {
            qint64 now = 0;
            for (int i = 0; i < 500; ++i) {
                const bool search = (i + t) % 4 == 0;
                now = limiter.reserve(search ? u"search"_s : QString(), now);
                QMutexLocker lock(&mutex);
                all.push_back(now);
                if (search)
                    searches.push_back(now);
            }
        }));
    }
    for (QThread* thread : threads)
        thread->start();
    for (QThread* thread : threads) {
        thread->wait();
        delete thread;
    }
    EXPECT_EQ(all.size(), 2000u);
    EXPECT_LE(maxInAnyWindow(all, 1000), 50);
    EXPECT_LE(maxInAnyWindow(searches, 1000), 5);
}
