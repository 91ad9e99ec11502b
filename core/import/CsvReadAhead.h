#pragma once

#include "core/import/CsvReader.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace syncdesk {

// Reads the records of a CSV file on a second thread, ahead of the thread that writes them to the
// workspace (docs/import.md "Performance"): parsing, and whatever `prepare` does with each record (the
// importer builds the company and its domain key there), runs on the other core meanwhile. Items come
// out in file order, exactly the records CsvReader::readNext() would have returned.
//
// `Item` has a `CsvRecord record` member. `prepare` runs on the reading thread: it must touch nothing
// that the consuming thread changes, and it must set every other member of the item (items are
// reused). Batches of items go back to the reading thread once consumed and are filled again there,
// so that their strings are freed by the thread that allocated them: handing them over to be freed by
// the other thread made malloc itself cost more than the parsing that moved (measured). At most
// MaxBatches batches exist, so memory stays bounded. The reader must not be used by anyone else until
// the CsvReadAhead ends; its end (destructor) stops the reading thread and waits for it.
template <typename Item> class CsvReadAhead {
public:
    using Prepare = std::function<void(Item&)>;
    static constexpr size_t BatchSize = 256;
    static constexpr size_t MaxBatches = 8;

    CsvReadAhead(CsvReader& reader, Prepare prepare)
        : m_reader(reader)
        , m_prepare(std::move(prepare))
        , m_thread([this] { read(); }) {}

    ~CsvReadAhead() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    CsvReadAhead(const CsvReadAhead&) = delete;
    CsvReadAhead& operator=(const CsvReadAhead&) = delete;

    // The next item, valid until the next call; nullptr at the end of the input or when reading failed:
    // then hasReadError(), readError() and lastLine() say what the reader said.
    Item* next() {
        if (m_taken == m_filled) {
            std::unique_lock lock(m_mutex);
            if (m_filled > 0)
                m_free.push_back(std::move(m_batch)); // for the reading thread to fill again
            m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
            if (m_ready.empty())
                return nullptr;
            std::tie(m_batch, m_filled) = std::move(m_ready.front());
            m_ready.pop_front();
            m_taken = 0;
            lock.unlock();
            m_changed.notify_all();
        }
        return &m_batch[m_taken++];
    }

    // Valid once next() returned nullptr.
    bool hasReadError() const { return !m_readError.isEmpty(); }
    QString readError() const { return m_readError; }
    qint64 lastLine() const { return m_lastLine; } // CsvRecord::lastLine after the last readNext()

private:
    using Batch = std::vector<Item>;

    // A batch to fill: one given back by the consumer, else a new one while fewer than MaxBatches
    // exist; waits otherwise. False when the consumer ends.
    bool takeBatch(Batch& batch) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || !m_free.empty() || m_batches < MaxBatches; });
        if (m_stop)
            return false;
        if (!m_free.empty()) {
            batch = std::move(m_free.front());
            m_free.pop_front();
        } else {
            ++m_batches;
            batch.resize(BatchSize);
        }
        return true;
    }

    void read() {
        qint64 line = 0;
        qint64 lastLine = 0;
        bool more = true;
        while (more) {
            Batch batch;
            if (!takeBatch(batch))
                return;
            size_t filled = 0;
            while (filled < BatchSize) {
                CsvRecord& record = batch[filled].record;
                // The reader sees what a record reused from one call to the next would hold.
                record.line = line;
                record.lastLine = lastLine;
                more = m_reader.readNext(record);
                line = record.line;
                lastLine = record.lastLine;
                if (!more)
                    break;
                if (m_prepare)
                    m_prepare(batch[filled]);
                ++filled;
            }
            std::lock_guard lock(m_mutex);
            if (filled > 0)
                m_ready.emplace_back(std::move(batch), filled);
            else
                m_free.push_back(std::move(batch));
            if (!more) {
                m_readError = m_reader.readError();
                m_lastLine = lastLine;
                m_done = true;
            }
            m_changed.notify_all();
        }
    }

    CsvReader& m_reader;
    Prepare m_prepare;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::pair<Batch, size_t>> m_ready; // filled batches (and how many items), in file order
    std::deque<Batch> m_free;                     // consumed batches, to be filled again
    size_t m_batches = 0;                         // batches made so far
    bool m_done = false;                          // the reading thread has read everything it will
    bool m_stop = false;                          // the consumer ends: stop reading
    QString m_readError;
    qint64 m_lastLine = 0;
    Batch m_batch; // the consumer's current batch, its items and how many of them were taken
    size_t m_filled = 0;
    size_t m_taken = 0;
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace syncdesk
