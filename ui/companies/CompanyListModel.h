#pragma once

#include "core/query/CompanyQuery.h"
#include "core/query/FieldCatalog.h"
#include "ui/companies/CompanyQueryWorker.h"
#include "ui/companies/CompanySelection.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QSet>

#include <memory>

namespace syncdesk {

class AppContext;

// The company list: the workspace's companies that match the filter bar, sorted, with a tick box
// per row. Built for 1,000,000 companies: rowCount() is the number of matches, but rows are read
// a page at a time when the view asks for them (a windowed cache of pages keyed by page index,
// least recently used pages dropped), on worker threads (CompanyQueryWorker: one for rows, one
// for counts), so that neither opening nor typing waits for the database. Counting happens once
// per query, after its first page is shown: a capped count at once, the exact one when the typing
// has stopped. A newer query abandons what the workers still run for an older one.
//
// Column 0 is the tick box (CheckStateRole); the others are the company fields of the workspace
// (built-in and custom), in their display order. The ticked companies are a set of ids
// (CompanySelection) that survives filter and sort changes.
class CompanyListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    static constexpr int CheckColumn = 0;
    enum Role {
        CompanyIdRole = Qt::UserRole + 1, // qint64, 0 while the row is not loaded
        FieldKeyRole,                     // headerData: the field key of a column
    };

    explicit CompanyListModel(AppContext& context, QObject* parent = nullptr);
    CompanyListModel(AppContext& context, CompanyQueryWorker::Settings settings, QObject* parent = nullptr);
    ~CompanyListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // ---- Query ----------------------------------------------------------------------------
    void setQuery(const QString& text, const std::optional<FilterNode>& filter);
    const CompanyQuerySpec& spec() const { return m_spec; }
    // Runs the current query again (after companies changed).
    void refresh();
    // Every field the filter bar may use (built-in, custom and system fields).
    const QList<QueryField>& fields() const { return m_catalog.fields(); }
    QString fieldKey(int column) const;
    int columnOf(const QString& fieldKey) const; // -1 when not shown

    // ---- State ----------------------------------------------------------------------------
    bool isLoading() const { return m_loading; }
    qint64 matchCount() const { return m_matchCount; }
    bool matchCountExact() const { return m_matchCountExact; }
    qint64 totalCount() const { return m_totalCount; } // -1 until known
    QString lastError() const { return m_error; }

    // ---- Rows -----------------------------------------------------------------------------
    // nullptr while the row's page is not loaded (it is then requested).
    const CompanyRow* rowAt(int row) const;
    qint64 companyId(int row) const; // 0 while not loaded
    bool isRowLoaded(int row) const;
    int pageSize() const { return m_settings.pageSize; }

    // ---- Selection (tick boxes) -----------------------------------------------------------
    const CompanySelection& selection() const { return m_selection; }
    QList<qint64> selectedIds() const { return m_selection.ids(); }
    bool isChecked(int row) const;
    void setChecked(int row, bool checked);
    // Ticks or clears rows fromRow..toRow of the current list (either order). Rows that are not
    // loaded are resolved on the worker: busyChanged() tells when it is done.
    void setRangeChecked(int fromRow, int toRow, bool checked);
    // Ticks every company that matches the current filter (all of them, not only loaded rows).
    void selectAllMatching();
    void clearSelection();
    void setSelectedIds(const QList<qint64>& ids);
    bool isBusy() const { return !m_pendingIds.isEmpty(); }

signals:
    void countsChanged();
    void selectionChanged();
    void queryStarted();
    void queryFinished(); // the first page of the newest query is in the model
    void queryFailed(const QString& message);
    void busyChanged(bool busy);

private:
    void attach();
    void detach();
    void startQuery();
    void requestPage(qint64 page) const;
    void onPageReady(quint64 generation, qint64 page, const QList<CompanyRow>& rows);
    void onPageDropped(quint64 generation, qint64 page);
    void onCountReady(quint64 generation, qint64 count, bool exact);
    void onIdsReady(quint64 generation, quint64 ticket, const QList<qint64>& ids);
    void onQueryFailed(quint64 generation, const QString& message);
    void requestIds(qint64 fromRow, qint64 toRow, bool checked);
    void applySelection(const QList<qint64>& ids, bool checked);
    void checkColumnChanged();
    QVariant displayValue(const CompanyRow& row, int column) const;

    struct Column {
        QString key;
        QString label;
        FieldType type = FieldType::Text;
    };

    AppContext& m_context;
    CompanyQueryWorker::Settings m_settings;
    std::unique_ptr<CompanyQueryWorker> m_worker;  // Role::Rows
    std::unique_ptr<CompanyQueryWorker> m_counter; // Role::Counts
    FieldCatalog m_catalog;
    QList<Column> m_columns;

    CompanyQuerySpec m_spec;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0; // whose rows are in the model
    int m_rowCount = 0;
    qint64 m_matchCount = 0;
    bool m_matchCountExact = true;
    qint64 m_totalCount = -1;
    bool m_loading = false;
    QString m_error;

    std::optional<std::pair<qint64, bool>> m_earlyCount; // of m_generation, before its first page
    mutable QCache<qint64, QList<CompanyRow>> m_pages;
    mutable QSet<qint64> m_requestedPages;

    CompanySelection m_selection;
    quint64 m_nextTicket = 0;
    QHash<quint64, bool> m_pendingIds; // ticket -> tick (true) or clear (false)
};

} // namespace syncdesk
