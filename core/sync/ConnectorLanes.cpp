#include "core/sync/ConnectorLanes.h"

#include "core/net/HttpClient.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <deque>

namespace syncdesk {

struct ConnectorLanes::Shared {
    struct Job {
        int ticket = 0;
        Call call;
    };
    QMutex mutex;
    QWaitCondition wake;
    std::deque<Job> queue;
    QHash<int, QList<HttpExchange>> finished; // ticket -> the exchanges its call made
    bool quit = false;
};

ConnectorLanes::ConnectorLanes(CrmConnector& prototype, int lanes)
    : m_prototype(prototype)
    , m_shared(std::make_shared<Shared>()) {
    if (lanes < 1)
        return;
    for (int i = 0; i < lanes; ++i) {
        // The exchanges of the running call, collected on the lane's thread.
        auto exchanges = std::make_shared<QList<HttpExchange>>();
        std::unique_ptr<CrmConnector> copy = prototype.cloneForThread(
            [exchanges](const HttpExchange& exchange) { exchanges->append(exchange); });
        if (!copy)
            break;
        // The connector (and the QNetworkAccessManager its client makes on first use) lives and
        // dies in the lane's thread.
        auto run = [shared = m_shared, exchanges, c = std::shared_ptr<CrmConnector>(std::move(copy)),
                    this]() mutable {
            for (;;) {
                Shared::Job job;
                {
                    QMutexLocker lock(&shared->mutex);
                    while (shared->queue.empty() && !shared->quit)
                        shared->wake.wait(&shared->mutex);
                    if (shared->quit)
                        break;
                    job = std::move(shared->queue.front());
                    shared->queue.pop_front();
                }
                job.call(*c);
                {
                    QMutexLocker lock(&shared->mutex);
                    shared->finished.insert(job.ticket, std::move(*exchanges));
                    exchanges->clear();
                }
                // Queued to the caller's thread, where m_waiting is read and written.
                QMetaObject::invokeMethod(
                    &m_context,
                    [this] {
                        if (m_waiting)
                            m_waiting->quit();
                    },
                    Qt::QueuedConnection);
            }
            c.reset();
        };
        m_threads.emplace_back(QThread::create(std::move(run)));
        m_threads.back()->start();
    }
}

ConnectorLanes::~ConnectorLanes() {
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->queue.clear();
        m_shared->quit = true;
        m_shared->wake.wakeAll();
    }
    // The calls in flight may need this thread's event loop (a sandbox served here): keep it running.
    for (const std::unique_ptr<QThread>& thread : m_threads) {
        QEventLoop loop;
        QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
        if (!thread->isFinished())
            loop.exec();
        thread->wait();
    }
}

bool ConnectorLanes::oldestFinished() const {
    QMutexLocker lock(&m_shared->mutex);
    return pending() > 0 && m_shared->finished.contains(m_taken);
}

void ConnectorLanes::submit(Call call) {
    Q_ASSERT(available());
    QMutexLocker lock(&m_shared->mutex);
    m_shared->queue.push_back({m_submitted++, std::move(call)});
    m_shared->wake.wakeOne();
}

void ConnectorLanes::take() {
    Q_ASSERT(pending() > 0);
    const int ticket = m_taken;
    for (;;) {
        {
            QMutexLocker lock(&m_shared->mutex);
            if (m_shared->finished.contains(ticket)) {
                const QList<HttpExchange> exchanges = m_shared->finished.take(ticket);
                lock.unlock();
                ++m_taken;
                for (const HttpExchange& exchange : exchanges)
                    m_prototype.replayExchange(exchange);
                return;
            }
        }
        // A lane that finishes from here on queues its wake-up, which exec() delivers. A wake-up
        // meant for another call merely repeats the check.
        QEventLoop loop;
        m_waiting = &loop;
        loop.exec();
        m_waiting = nullptr;
    }
}

} // namespace syncdesk
