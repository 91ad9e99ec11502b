#pragma once

#include <atomic>

namespace syncdesk {

// A cancel request shared between the thread that runs a job (engine, HttpClient, Clock::sleep) and
// the thread that asks for it to stop (a Cancel button, SIGINT). Setting it never interrupts a
// request already on the wire: HttpClient checks it before each attempt and during each wait, so a
// run "stops after the request in flight".
class CancelFlag {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_release); }
    void reset() { m_cancelled.store(false, std::memory_order_release); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

private:
    std::atomic<bool> m_cancelled{false};
};

inline bool isCancelled(const CancelFlag* flag) {
    return flag != nullptr && flag->isCancelled();
}

} // namespace syncdesk
