#include "core/net/RetryPolicy.h"
#include "QtPrinters.h"
#include "core/net/RandomSource.h"

#include <gtest/gtest.h>

#include <set>

using namespace syncdesk;

TEST(RetryPolicy, CeilingsGrowExponentiallyUpToTheCap) {
    const RetryPolicy p; // 500 ms, x2, 30 s
    const qint64 expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int retry = 1; retry <= 8; ++retry)
        EXPECT_EQ(p.backoffCeilingMs(retry), expected[retry - 1]) << retry;
}

TEST(RetryPolicy, FullJitterStaysWithinBoundsAndSpreads) {
    const RetryPolicy p;
    SeededRandomSource random(99);
    for (int retry = 1; retry <= 6; ++retry) {
        const qint64 ceiling = p.backoffCeilingMs(retry);
        std::set<qint64> distinct;
        double sum = 0;
        const int n = 4000;
        for (int i = 0; i < n; ++i) {
            const qint64 d = p.backoffDelayMs(retry, random);
            ASSERT_GE(d, 0);
            ASSERT_LE(d, ceiling);
            distinct.insert(d);
            sum += static_cast<double>(d);
        }
        // Uniform over [0, ceiling]: mean near ceiling / 2, and many distinct values.
        EXPECT_NEAR(sum / n, ceiling / 2.0, ceiling * 0.05) << retry;
        EXPECT_GT(distinct.size(), 100u);
    }
}

TEST(RetryPolicy, JitterExtremes) {
    const RetryPolicy p;
    FunctionRandomSource zero([] { return 0.0; });
    FunctionRandomSource top([] { return 1.0; }); // clamped just below 1
    EXPECT_EQ(p.backoffDelayMs(3, zero), 0);
    EXPECT_EQ(p.backoffDelayMs(3, top), 2000);
    FunctionRandomSource broken([] { return -5.0; });
    EXPECT_EQ(p.backoffDelayMs(3, broken), 0);
}

TEST(RetryPolicy, NumbersAreSettings) {
    RetryPolicy p;
    p.baseDelayMs = 100;
    p.multiplier = 3;
    p.maxDelayMs = 1000;
    EXPECT_EQ(p.backoffCeilingMs(1), 100);
    EXPECT_EQ(p.backoffCeilingMs(2), 300);
    EXPECT_EQ(p.backoffCeilingMs(3), 900);
    EXPECT_EQ(p.backoffCeilingMs(4), 1000);
}
