#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>

namespace syncdesk {

// Batches (of rows, say) handed from one producer thread to one consumer thread, in order, with at most
// `capacity` batches and at most `maxWeight` of their weights (bytes, say) waiting: a producer that runs
// ahead waits, so memory stays bounded. One batch always fits, however heavy. The importer reads and
// prepares rows on a thread of its own while its own thread writes them (docs/import.md
// "Performance"). Handing over batches, not single items, keeps the locking to one in hundreds of rows.
template <typename Batch> class BatchQueue {
public:
    explicit BatchQueue(std::size_t capacity, std::size_t maxWeight = std::size_t(-1))
        : m_capacity(capacity < 1 ? 1 : capacity)
        , m_maxWeight(maxWeight) {}

    // Producer: false when the consumer stopped (the batch is dropped).
    bool push(Batch&& batch, std::size_t weight = 0) {
        std::unique_lock lock(m_mutex);
        const auto hasRoom = [&] {
            return m_batches.empty() || (m_batches.size() < m_capacity && m_weight <= m_maxWeight &&
                                         weight <= m_maxWeight - m_weight);
        };
        if (!m_stopped && !hasRoom()) {
            const auto start = Clock::now();
            m_notFull.wait(lock, [&] { return m_stopped || hasRoom(); });
            m_pushWaited += Clock::now() - start;
        }
        if (m_stopped)
            return false;
        m_batches.push_back({std::move(batch), weight});
        m_weight += weight;
        m_notEmpty.notify_one();
        return true;
    }
    // Producer: nothing more will come.
    void finish() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_one();
    }

    // Consumer: the next batch; false once the producer finished and every batch was taken (or after
    // stop()).
    bool pop(Batch& batch) {
        std::unique_lock lock(m_mutex);
        if (!m_stopped && !m_finished && m_batches.empty()) {
            const auto start = Clock::now();
            m_notEmpty.wait(lock, [this] { return m_stopped || m_finished || !m_batches.empty(); });
            m_popWaited += Clock::now() - start;
        }
        return takeFront(batch);
    }
    // Either side: the next batch if one is waiting, without waiting for one.
    bool tryPop(Batch& batch) {
        std::lock_guard lock(m_mutex);
        return takeFront(batch);
    }
    // Consumer: give up; a waiting or later push() returns false at once, waiting batches are dropped.
    void stop() {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_batches.clear();
        m_weight = 0;
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

    // How long push() and pop() waited: which side keeps the other waiting (the importer's debug log).
    std::chrono::milliseconds pushWaited() const { return waited(&BatchQueue::m_pushWaited); }
    std::chrono::milliseconds popWaited() const { return waited(&BatchQueue::m_popWaited); }

private:
    using Clock = std::chrono::steady_clock;

    bool takeFront(Batch& batch) { // with m_mutex held
        if (m_stopped || m_batches.empty())
            return false;
        batch = std::move(m_batches.front().batch);
        m_weight -= m_batches.front().weight;
        m_batches.pop_front();
        m_notFull.notify_one();
        return true;
    }
    std::chrono::milliseconds waited(Clock::duration BatchQueue::*which) const {
        std::lock_guard lock(m_mutex);
        return std::chrono::duration_cast<std::chrono::milliseconds>(this->*which);
    }

    struct Waiting {
        Batch batch;
        std::size_t weight;
    };

    const std::size_t m_capacity;
    const std::size_t m_maxWeight;
    mutable std::mutex m_mutex;
    std::condition_variable m_notFull;
    std::condition_variable m_notEmpty;
    std::deque<Waiting> m_batches;
    std::size_t m_weight = 0; // of the waiting batches
    bool m_finished = false;
    bool m_stopped = false;
    Clock::duration m_pushWaited{};
    Clock::duration m_popWaited{};
};

} // namespace syncdesk
