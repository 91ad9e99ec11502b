#include "core/sandbox/SandboxClock.h"

#include <QDateTime>

namespace syncdesk::sandbox {

qint64 SystemSandboxClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

ManualSandboxClock::ManualSandboxClock(qint64 startMs)
    : m_nowMs(startMs) {}

} // namespace syncdesk::sandbox
