#include "ui/companies/CompanyQueryWorker.h"

#include "core/query/StatementCancel.h"
#include "core/store/Workspace.h"
#include "ui/common/UiLogging.h"

#include <QElapsedTimer>

#include <memory>

namespace syncdesk {

CompanyQueryWorker::CompanyQueryWorker(const Workspace& workspace, Role role, Settings settings,
                                       QObject* parent)
    : QThread(parent)
    , m_workspace(workspace)
    , m_role(role)
    , m_settings(settings) {
    setObjectName(role == Role::Rows ? QStringLiteral("CompanyRows") : QStringLiteral("CompanyCounts"));
}

CompanyQueryWorker::~CompanyQueryWorker() {
    stop();
}

void CompanyQueryWorker::stop() {
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    wait();
}

void CompanyQueryWorker::setQuery(quint64 generation, const CompanyQuerySpec& spec, bool held) {
    QMutexLocker lock(&m_mutex);
    m_nextQuery = std::pair{generation, spec};
    m_nextQueryHeld = held;
    m_generation = generation;
    m_latestGeneration.store(generation, std::memory_order_relaxed);
    m_pages.clear();
    m_exactCountDue.reset();
    m_idRequests.removeIf([&](const IdRequest& r) { return r.generation != generation; });
    m_wake.wakeAll();
}

void CompanyQueryWorker::releaseQuery(quint64 generation) {
    QMutexLocker lock(&m_mutex);
    if (m_nextQuery && m_nextQuery->first == generation && m_nextQueryHeld) {
        m_nextQueryHeld = false;
        m_wake.wakeAll();
    }
}

void CompanyQueryWorker::requestPage(quint64 generation, qint64 page) {
    QList<qint64> dropped;
    {
        QMutexLocker lock(&m_mutex);
        if (generation != m_generation)
            return;
        m_pages.removeAll(page);
        m_pages.append(page);
        while (m_pages.size() > m_settings.maxPendingPages)
            dropped.append(m_pages.takeFirst());
        m_wake.wakeAll();
    }
    for (qint64 p : std::as_const(dropped))
        emit pageDropped(generation, p);
}

void CompanyQueryWorker::requestIds(quint64 generation, quint64 ticket, qint64 fromRow, qint64 toRow) {
    QMutexLocker lock(&m_mutex);
    m_idRequests.append({generation, ticket, fromRow, toRow});
    m_wake.wakeAll();
}

void CompanyQueryWorker::requestTotal() {
    QMutexLocker lock(&m_mutex);
    m_wantTotal = true;
    m_wake.wakeAll();
}

bool CompanyQueryWorker::hasWork() const {
    return (m_nextQuery && !m_nextQueryHeld) || !m_pages.isEmpty() || !m_idRequests.isEmpty() ||
           m_wantTotal || (m_exactCountDue && m_exactCountDue->hasExpired());
}

void CompanyQueryWorker::run() {
    // This thread's own connection: QtSql connections belong to the thread that opened them.
    if (!m_workspace.database().isOpen())
        qCWarning(lcUi) << "company list: the workspace connection of a query thread did not open";
    const QString connection = m_workspace.connectionName();
    if (!CompanyQuery::configureQueryConnection(connection))
        qCWarning(lcUi) << "company list: the page cache of a query thread was not enlarged";
    // Abandons a statement as soon as a newer query makes its job outdated.
    auto cancel = std::make_unique<StatementCancel>(m_workspace.database(), [this] {
        const quint64 job = m_jobGeneration.load(std::memory_order_relaxed);
        return job != 0 && job != m_latestGeneration.load(std::memory_order_relaxed);
    });
    auto outdated = [this] {
        const quint64 job = m_jobGeneration.load(std::memory_order_relaxed);
        return job != 0 && job != m_latestGeneration.load(std::memory_order_relaxed);
    };

    std::unique_ptr<CompanyQuery> query;
    quint64 generation = 0;
    const int pageSize = m_settings.pageSize;

    // An outdated job was abandoned on purpose (its error says "interrupted"): nothing to report.
    auto fail = [&](const QString& message) {
        if (!outdated())
            emit queryFailed(generation, message);
        query.reset();
    };

    for (;;) {
        std::optional<std::pair<quint64, CompanyQuerySpec>> nextQuery;
        std::optional<qint64> page;
        std::optional<IdRequest> ids;
        bool exactCount = false;
        bool total = false;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stop && !hasWork()) {
                if (m_exactCountDue)
                    m_wake.wait(&m_mutex, *m_exactCountDue);
                else
                    m_wake.wait(&m_mutex);
            }
            if (m_stop)
                break;
            if (m_nextQuery && !m_nextQueryHeld) {
                nextQuery = std::move(m_nextQuery);
                m_nextQuery.reset();
                m_jobGeneration.store(nextQuery->first, std::memory_order_relaxed);
            } else if (!m_pages.isEmpty()) {
                page = m_pages.takeLast();
                m_jobGeneration.store(m_generation, std::memory_order_relaxed);
            } else if (m_wantTotal) {
                total = true;
                m_wantTotal = false;
                m_jobGeneration.store(0, std::memory_order_relaxed);
            } else if (!m_idRequests.isEmpty()) {
                ids = m_idRequests.takeFirst();
                m_jobGeneration.store(ids->generation, std::memory_order_relaxed);
            } else if (m_exactCountDue && m_exactCountDue->hasExpired()) {
                exactCount = true;
                m_exactCountDue.reset();
                m_jobGeneration.store(m_generation, std::memory_order_relaxed);
            }
        }

        QString error;
        QElapsedTimer timer;
        timer.start();
        if (nextQuery) {
            generation = nextQuery->first;
            const CompanyQuerySpec& spec = nextQuery->second;
            query = std::make_unique<CompanyQuery>(connection);
            query->setSearchText(spec.text);
            query->setFilter(spec.filter);
            query->setSort(spec.sortField, spec.order);
            if (m_role == Role::Rows) {
                const auto rows = query->page(0, pageSize, &error);
                if (!rows) {
                    fail(error);
                    continue;
                }
                qCDebug(lcUi) << "company list: first page of" << spec.text
                              << (spec.filter ? spec.filter->toExpression() : QString()) << "in"
                              << timer.elapsed() << "ms";
                if (outdated())
                    continue;
                emit pageReady(generation, 0, *rows);
                if (rows->size() < pageSize)
                    emit countReady(generation, rows->size(), true);
            } else {
                const auto capped = query->countUpTo(m_settings.countCap, &error);
                if (!capped) {
                    fail(error);
                    continue;
                }
                qCDebug(lcUi) << "company list: capped count in" << timer.elapsed() << "ms";
                if (outdated())
                    continue;
                emit countReady(generation, capped->value, capped->exact);
                if (!capped->exact) {
                    // Counting every match can take a second: wait until the typing stops.
                    QMutexLocker lock(&m_mutex);
                    if (generation == m_generation && !m_nextQuery)
                        m_exactCountDue = QDeadlineTimer(m_settings.exactCountDelayMs);
                }
            }
        } else if (page) {
            if (!query)
                continue;
            const auto rows = query->page(*page * pageSize, pageSize, &error);
            if (!rows) {
                fail(error);
                continue;
            }
            if (!outdated())
                emit pageReady(generation, *page, *rows);
        } else if (ids) {
            if (!query || ids->generation != generation)
                continue;
            constexpr qint64 rangeByPage = 20000; // a Shift+click range: read just those rows
            if (ids->toRow >= 0 && ids->toRow - ids->fromRow < rangeByPage) {
                const qint64 from = std::max<qint64>(0, ids->fromRow);
                const auto rows = query->page(from, int(ids->toRow - from + 1), &error);
                if (!rows) {
                    fail(error);
                    continue;
                }
                QList<qint64> out;
                out.reserve(rows->size());
                for (const CompanyRow& r : *rows)
                    out.append(r.id);
                if (!outdated())
                    emit idsReady(generation, ids->ticket, out);
                continue;
            }
            auto all = query->ids(&error);
            if (!all) {
                fail(error);
                continue;
            }
            QList<qint64> out;
            if (ids->toRow < 0) {
                out = std::move(*all);
            } else {
                const qint64 from = std::max<qint64>(0, ids->fromRow);
                const qint64 to = std::min<qint64>(ids->toRow, all->size() - 1);
                if (from <= to)
                    out = all->mid(from, to - from + 1);
            }
            if (!outdated())
                emit idsReady(generation, ids->ticket, out);
        } else if (exactCount) {
            if (!query)
                continue;
            const auto n = query->count(&error);
            qCDebug(lcUi) << "company list: exact count" << n.value_or(-1) << "in" << timer.elapsed() << "ms";
            if (!n) {
                fail(error);
                continue;
            }
            if (!outdated())
                emit countReady(generation, *n, true);
        } else if (total) {
            CompanyQuery all(connection);
            const auto n = all.count(&error);
            if (n)
                emit totalReady(*n);
            else
                qCWarning(lcUi).noquote() << "company list: counting all companies failed:" << error;
        }
    }
    query.reset();
    cancel.reset();
    m_workspace.releaseThreadConnection();
}

} // namespace syncdesk
