#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>

#include <atomic>
#include <functional>

namespace syncdesk {

class CancelFlag;

// Where time comes from (ARCHITECTURE.md: "time comes from an injectable clock"). The rate limiter,
// the retry backoff and the connector log read time only through a Clock, so tests run hours of
// traffic in milliseconds with FakeClock.
class Clock {
public:
    virtual ~Clock();

    // Milliseconds since the Unix epoch (UTC). Never goes backwards.
    virtual qint64 nowMs() const = 0;
    // Waits `ms` milliseconds. Returns false, possibly early, when `cancel` is (or becomes) set;
    // true after the full wait. ms <= 0 returns at once.
    virtual bool sleep(qint64 ms, const CancelFlag* cancel = nullptr) = 0;

    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs()).toUTC(); }
};

// The real clock. nowMs() is the wall clock read once at start plus a monotonic timer, so intervals
// are immune to system clock changes. sleep() runs a local QEventLoop (with a QTimer) so queued
// signals of the calling thread keep flowing; it polls the cancel flag every 50 ms.
// Thread-safe; one shared instance is enough.
class SystemClock final : public Clock {
public:
    SystemClock();
    static SystemClock& instance();

    qint64 nowMs() const override;
    bool sleep(qint64 ms, const CancelFlag* cancel = nullptr) override;

private:
    qint64 m_epochAtStart;
    qint64 m_monotonicAtStart;
};

// A clock for tests: time stands still until sleep() or advance() moves it, sleeps return at once
// and are recorded. Other tests (engine, connectors) can use it too. Thread-safe.
class FakeClock final : public Clock {
public:
    static constexpr qint64 DefaultStartMs = 1735689600000; // 2025-01-01T00:00:00Z

    explicit FakeClock(qint64 startMs = DefaultStartMs);

    qint64 nowMs() const override { return m_now.load(); }
    // Records the wait, calls the sleep hook (which may set the cancel flag), then, unless
    // cancelled, advances time by ms and returns true. A cancelled sleep does not advance time.
    bool sleep(qint64 ms, const CancelFlag* cancel = nullptr) override;

    void advance(qint64 ms) { m_now.fetch_add(ms); }
    void setNowMs(qint64 ms) { m_now.store(ms); }

    // Every sleep() asked for, in order (including ms <= 0 and cancelled ones).
    QList<qint64> sleeps() const;
    qint64 totalSleptMs() const;
    void clearSleeps();
    // Called at the start of every sleep() with the requested ms (e.g. to cancel during a backoff).
    void setSleepHook(std::function<void(qint64 ms)> hook);

private:
    std::atomic<qint64> m_now;
    mutable QMutex m_mutex;
    QList<qint64> m_sleeps;
    std::function<void(qint64)> m_hook;
};

} // namespace syncdesk
