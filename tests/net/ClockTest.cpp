#include "core/net/Clock.h"
#include "QtPrinters.h"
#include "core/net/CancelFlag.h"

#include <QElapsedTimer>
#include <QTimer>

#include <gtest/gtest.h>

using namespace syncdesk;

TEST(FakeClock, StandsStillUntilMoved) {
    FakeClock clock;
    EXPECT_EQ(clock.nowMs(), FakeClock::DefaultStartMs);
    EXPECT_EQ(clock.now().toString(Qt::ISODate), QStringLiteral("2025-01-01T00:00:00Z"));
    clock.advance(1500);
    EXPECT_EQ(clock.nowMs(), FakeClock::DefaultStartMs + 1500);
}

TEST(FakeClock, SleepsAdvanceAtOnceAndAreRecorded) {
    FakeClock clock(1000);
    QElapsedTimer real;
    real.start();
    EXPECT_TRUE(clock.sleep(3600 * 1000));
    EXPECT_TRUE(clock.sleep(0));
    EXPECT_TRUE(clock.sleep(250));
    EXPECT_LT(real.elapsed(), 1000);
    EXPECT_EQ(clock.nowMs(), 1000 + 3600 * 1000 + 250);
    EXPECT_EQ(clock.sleeps(), (QList<qint64>{3600 * 1000, 0, 250}));
    EXPECT_EQ(clock.totalSleptMs(), 3600 * 1000 + 250);
    clock.clearSleeps();
    EXPECT_TRUE(clock.sleeps().isEmpty());
}

TEST(FakeClock, CancelledSleepReturnsFalseWithoutAdvancing) {
    FakeClock clock(0);
    CancelFlag cancel;
    clock.setSleepHook([&cancel](qint64 ms) {
        if (ms > 100)
            cancel.cancel();
    });
    EXPECT_TRUE(clock.sleep(50, &cancel));
    EXPECT_FALSE(clock.sleep(500, &cancel));
    EXPECT_EQ(clock.nowMs(), 50);
    EXPECT_EQ(clock.sleeps().size(), 2);
}

TEST(SystemClock, NowIsWallClockAndMonotonic) {
    SystemClock& clock = SystemClock::instance();
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    EXPECT_LT(std::abs(clock.nowMs() - wall), 5000);
    qint64 last = clock.nowMs();
    for (int i = 0; i < 1000; ++i) {
        const qint64 now = clock.nowMs();
        EXPECT_GE(now, last);
        last = now;
    }
}

TEST(SystemClock, SleepWaitsAndKeepsEventsFlowing) {
    SystemClock clock;
    bool delivered = false;
    QTimer::singleShot(20, [&delivered] { delivered = true; });
    QElapsedTimer real;
    real.start();
    const qint64 before = clock.nowMs();
    EXPECT_TRUE(clock.sleep(120));
    EXPECT_GE(real.elapsed(), 110);
    EXPECT_GE(clock.nowMs() - before, 110);
    EXPECT_TRUE(delivered); // the timer fired during the sleep
}

TEST(SystemClock, CancelCutsASleepShort) {
    SystemClock clock;
    CancelFlag cancel;
    QTimer::singleShot(60, [&cancel] { cancel.cancel(); });
    QElapsedTimer real;
    real.start();
    EXPECT_FALSE(clock.sleep(10000, &cancel));
    EXPECT_LT(real.elapsed(), 2000);
    // Already cancelled: returns at once.
    EXPECT_FALSE(clock.sleep(10000, &cancel));
    cancel.reset();
    EXPECT_TRUE(clock.sleep(0, &cancel));
}
