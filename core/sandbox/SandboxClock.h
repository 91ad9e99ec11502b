// The sandbox's notion of "now": rate-limit windows, search index lag, token and code expiry all
// read it, so tests can move time forward instead of sleeping. Network timing (slow and hanging
// replies) uses real timers on purpose: it is about what the client sees on the wire.
#pragma once

#include <QtGlobal>

namespace syncdesk::sandbox {

class SandboxClock {
public:
    virtual ~SandboxClock() = default;
    // Milliseconds since the Unix epoch (UTC).
    virtual qint64 nowMs() const = 0;
};

class SystemSandboxClock final : public SandboxClock {
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to. Starts at a fixed, realistic instant by default.
class ManualSandboxClock final : public SandboxClock {
public:
    explicit ManualSandboxClock(qint64 startMs = 1735732800000); // 2025-01-01T12:00:00Z
    qint64 nowMs() const override { return m_nowMs; }
    void setNowMs(qint64 ms) { m_nowMs = ms; }
    void advanceMs(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs;
};

} // namespace syncdesk::sandbox
