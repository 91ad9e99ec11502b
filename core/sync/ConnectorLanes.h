#pragma once

#include "core/connectors/CrmConnector.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QEventLoop;
class QThread;

namespace syncdesk {

// Keeps several requests of one connection in flight (docs/sync-runs.md "Requests in flight").
// Each lane is a thread with its own connector (CrmConnector::cloneForThread); the lanes share the
// connection's rate limiter, so together they never exceed its limits, while the CRM's latency,
// other endpoint classes' waits (a search waiting for the search limit) and the caller's own work
// (journaling the previous answer) overlap.
//
// Used from ONE thread (the caller's): submit() queues a call, which the next free lane carries
// out; take() waits for the oldest call not taken yet (running the caller's event loop meanwhile, so
// a sandbox served on that thread keeps answering), hands the HTTP exchanges that call made to the
// prototype's observers (the connector log) and returns. Calls write their results into what they
// captured; take() returns them in submission order.
class ConnectorLanes {
public:
    using Call = std::function<void(CrmConnector&)>;

    // Up to `lanes` threads (the caller's own requests on the prototype come on top); none when
    // the connector cannot be cloned: the caller then calls the prototype itself, one request at a
    // time (available() is false).
    ConnectorLanes(CrmConnector& prototype, int lanes);
    // Drops the calls no lane has started, waits for the ones in flight, ends the threads.
    ~ConnectorLanes();
    ConnectorLanes(const ConnectorLanes&) = delete;
    ConnectorLanes& operator=(const ConnectorLanes&) = delete;

    bool available() const { return !m_threads.empty(); }
    int lanes() const { return int(m_threads.size()); }
    // Calls submitted and not taken yet.
    int pending() const { return m_submitted - m_taken; }

    // Whether the oldest call not taken yet has finished (take() would not wait).
    bool oldestFinished() const;

    void submit(Call call);
    // Waits for the oldest call not taken yet (precondition: pending() > 0).
    void take();

private:
    struct Shared;
    CrmConnector& m_prototype;
    std::shared_ptr<Shared> m_shared;
    std::vector<std::unique_ptr<QThread>> m_threads;
    int m_submitted = 0;
    int m_taken = 0;
    QObject m_context; // lives in the caller's thread: lanes wake take() through it
    QEventLoop* m_waiting = nullptr;
};

} // namespace syncdesk
