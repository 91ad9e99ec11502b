#pragma once

#include "core/query/CompanyQuery.h"
#include "core/query/FilterNode.h"

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <optional>

namespace syncdesk {

class Workspace;

// What the company list shows: free text, filter and sort (see CompanyQuery).
struct CompanyQuerySpec {
    QString text;
    std::optional<FilterNode> filter;
    QString sortField = QStringLiteral("name");
    Qt::SortOrder order = Qt::AscendingOrder;
};

// Runs the company list's queries on a thread of its own (with its own workspace connection), so
// that typing in the filter bar never waits for SQLite. The owner posts requests; results come
// back as signals (queued to the owner's thread). Every request carries the generation of the
// query it belongs to; the owner ignores answers of older generations. Only the newest query is
// ever run: a burst of keystrokes costs one query, not one per key. A statement of an older
// generation still running when a newer query is posted is abandoned at once (StatementCancel), so
// that it neither delays the newer one nor competes with it for the CPU, and nothing of it is sent.
//
// The list uses two of them, so that counting a large match never delays the next keystroke:
//  - Role::Rows: the newest query's first page (and its exact count when it is short), then the
//    pages the view asks for, newest first (older ones beyond maxPendingPages are dropped: the
//    view has scrolled past them), then id lists (select all filtered, Shift+click ranges);
//  - Role::Counts: the newest query's count capped at countCap, then, once no newer query came for
//    exactCountDelayMs, its exact count; and the number of companies in the workspace. A query
//    posted with `held` waits for releaseQuery(): the list releases it once the first page is
//    shown, so that counting never competes with the first page.
class CompanyQueryWorker : public QThread {
    Q_OBJECT

public:
    enum class Role { Rows, Counts };

    struct Settings {
        int pageSize = 200;
        qint64 countCap = 10000;
        int maxPendingPages = 12;
        int exactCountDelayMs = 250;
    };

    CompanyQueryWorker(const Workspace& workspace, Role role, Settings settings, QObject* parent = nullptr);
    ~CompanyQueryWorker() override; // stops and waits

    Role role() const { return m_role; }
    const Settings& settings() const { return m_settings; }

    void setQuery(quint64 generation, const CompanyQuerySpec& spec, bool held = false);
    // Starts the held query of `generation` (nothing if a newer one was posted).
    void releaseQuery(quint64 generation);
    // Rows: one page of the query.
    void requestPage(quint64 generation, qint64 page);
    // Rows: ids of the rows fromRow..toRow (inclusive) of the query, in its order; toRow -1: all.
    void requestIds(quint64 generation, quint64 ticket, qint64 fromRow, qint64 toRow);
    // Counts: the number of companies in the workspace (no filter).
    void requestTotal();
    // Ends the thread (pending work is dropped) and waits for it.
    void stop();

signals:
    void pageReady(quint64 generation, qint64 page, const QList<syncdesk::CompanyRow>& rows);
    void pageDropped(quint64 generation, qint64 page);
    void countReady(quint64 generation, qint64 count, bool exact);
    void idsReady(quint64 generation, quint64 ticket, const QList<qint64>& ids);
    void totalReady(qint64 total);
    void queryFailed(quint64 generation, const QString& message);

protected:
    void run() override;

private:
    struct IdRequest {
        quint64 generation = 0;
        quint64 ticket = 0;
        qint64 fromRow = 0;
        qint64 toRow = -1;
    };
    bool hasWork() const; // callers hold m_mutex

    const Workspace& m_workspace;
    const Role m_role;
    const Settings m_settings;

    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;
    std::optional<std::pair<quint64, CompanyQuerySpec>> m_nextQuery;
    bool m_nextQueryHeld = false;
    quint64 m_generation = 0; // of the newest query posted
    // Read by the statement check without the mutex: the newest generation posted, and the
    // generation of the job in progress (0: a job no newer query makes outdated, e.g. the total).
    std::atomic<quint64> m_latestGeneration{0};
    std::atomic<quint64> m_jobGeneration{0};
    QList<qint64> m_pages; // of m_generation, oldest first
    QList<IdRequest> m_idRequests;
    std::optional<QDeadlineTimer> m_exactCountDue; // Counts: when the exact count may start
    bool m_wantTotal = false;
};

} // namespace syncdesk
