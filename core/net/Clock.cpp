#include "core/net/Clock.h"

#include "core/net/CancelFlag.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace syncdesk {

namespace {
qint64 monotonicMs() {
    // QDeadlineTimer::current() reads the monotonic clock; its absolute value is arbitrary.
    return QDeadlineTimer::current().deadline();
}
constexpr int CancelPollMs = 50;
} // namespace

Clock::~Clock() = default;

SystemClock::SystemClock()
    : m_epochAtStart(QDateTime::currentMSecsSinceEpoch())
    , m_monotonicAtStart(monotonicMs()) {}

SystemClock& SystemClock::instance() {
    static SystemClock clock;
    return clock;
}

qint64 SystemClock::nowMs() const {
    return m_epochAtStart + (monotonicMs() - m_monotonicAtStart);
}

bool SystemClock::sleep(qint64 ms, const CancelFlag* cancel) {
    if (isCancelled(cancel))
        return false;
    if (ms <= 0)
        return true;

    QEventLoop loop;
    QTimer done;
    done.setSingleShot(true);
    done.setTimerType(Qt::PreciseTimer);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    if (cancel != nullptr) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&loop, cancel] {
            if (cancel->isCancelled())
                loop.quit();
        });
        poll.start(CancelPollMs);
    }
    // QTimer takes int milliseconds; long waits are split.
    const qint64 deadline = monotonicMs() + ms;
    for (;;) {
        const qint64 left = deadline - monotonicMs();
        if (left <= 0)
            break;
        done.start(static_cast<int>(std::min<qint64>(left, 24LL * 3600 * 1000)));
        loop.exec();
        if (isCancelled(cancel))
            return false;
    }
    return !isCancelled(cancel);
}

FakeClock::FakeClock(qint64 startMs)
    : m_now(startMs) {}

bool FakeClock::sleep(qint64 ms, const CancelFlag* cancel) {
    std::function<void(qint64)> hook;
    {
        QMutexLocker lock(&m_mutex);
        m_sleeps.append(ms);
        hook = m_hook;
    }
    if (hook)
        hook(ms);
    if (isCancelled(cancel))
        return false;
    if (ms > 0)
        m_now.fetch_add(ms);
    return true;
}

QList<qint64> FakeClock::sleeps() const {
    QMutexLocker lock(&m_mutex);
    return m_sleeps;
}

qint64 FakeClock::totalSleptMs() const {
    QMutexLocker lock(&m_mutex);
    qint64 total = 0;
    for (qint64 ms : m_sleeps)
        total += std::max<qint64>(ms, 0);
    return total;
}

void FakeClock::clearSleeps() {
    QMutexLocker lock(&m_mutex);
    m_sleeps.clear();
}

void FakeClock::setSleepHook(std::function<void(qint64)> hook) {
    QMutexLocker lock(&m_mutex);
    m_hook = std::move(hook);
}

} // namespace syncdesk
