#include "ui/companies/CompanyListModel.h"

#include "core/store/Workspace.h"
#include "ui/common/AppContext.h"
#include "ui/common/UiLogging.h"

#include <QLocale>

#include <algorithm>
#include <climits>

namespace syncdesk {

namespace {

// Pages kept in memory: 100 pages of 200 rows, a few MB.
constexpr int cachedPages = 100;

QLocale displayLocale() {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

} // namespace

CompanyListModel::CompanyListModel(AppContext& context, QObject* parent)
    : CompanyListModel(context, CompanyQueryWorker::Settings{}, parent) {}

CompanyListModel::CompanyListModel(AppContext& context, CompanyQueryWorker::Settings settings,
                                   QObject* parent)
    : QAbstractTableModel(parent)
    , m_context(context)
    , m_settings(settings)
    , m_pages(cachedPages) {
    connect(&m_context, &AppContext::workspaceAboutToClose, this, &CompanyListModel::detach);
    connect(&m_context, &AppContext::workspaceChanged, this, &CompanyListModel::attach);
    connect(&m_context, &AppContext::companiesChanged, this, &CompanyListModel::refresh);
    if (m_context.workspace())
        attach();
}

CompanyListModel::~CompanyListModel() {
    for (CompanyQueryWorker* w : {m_worker.get(), m_counter.get()}) {
        if (w)
            w->stop();
    }
}

void CompanyListModel::attach() {
    detach();
    Workspace* workspace = m_context.workspace();
    if (!workspace)
        return;
    QString error;
    FieldCatalog catalog;
    if (!FieldCatalog::load(workspace->database(), &catalog, &error))
        qCWarning(lcUi).noquote() << "company list: field definitions not read:" << error;
    beginResetModel();
    m_catalog = catalog;
    m_columns.clear();
    m_columns.append({QString(), QString(), FieldType::Boolean}); // the tick box
    for (const QueryField& f : m_catalog.fields()) {
        if (!f.system)
            m_columns.append({f.key, f.label, f.type});
    }
    // A new workspace starts unfiltered (its fields may differ); the sort stays if it can.
    m_spec.text.clear();
    m_spec.filter.reset();
    if (columnOf(m_spec.sortField) < 0)
        m_spec.sortField = QStringLiteral("name");
    m_selection.clear();
    endResetModel();

    m_worker = std::make_unique<CompanyQueryWorker>(*workspace, CompanyQueryWorker::Role::Rows, m_settings);
    m_counter =
        std::make_unique<CompanyQueryWorker>(*workspace, CompanyQueryWorker::Role::Counts, m_settings);
    connect(m_worker.get(), &CompanyQueryWorker::pageReady, this, &CompanyListModel::onPageReady);
    connect(m_worker.get(), &CompanyQueryWorker::pageDropped, this, &CompanyListModel::onPageDropped);
    connect(m_worker.get(), &CompanyQueryWorker::idsReady, this, &CompanyListModel::onIdsReady);
    connect(m_worker.get(), &CompanyQueryWorker::queryFailed, this, &CompanyListModel::onQueryFailed);
    for (CompanyQueryWorker* w : {m_worker.get(), m_counter.get()})
        connect(w, &CompanyQueryWorker::countReady, this, &CompanyListModel::onCountReady);
    // The rows worker reports a bad filter; the counts worker meets the same one.
    connect(m_counter.get(), &CompanyQueryWorker::queryFailed, this, [](quint64, const QString& message) {
        qCDebug(lcUi).noquote() << "company count failed:" << message;
    });
    connect(m_counter.get(), &CompanyQueryWorker::totalReady, this, [this](qint64 total) {
        m_totalCount = total;
        emit countsChanged();
    });
    m_worker->start();
    m_counter->start();
    m_counter->requestTotal();
    startQuery();
    emit selectionChanged();
}

void CompanyListModel::detach() {
    if (!m_worker && m_columns.isEmpty())
        return;
    for (std::unique_ptr<CompanyQueryWorker>* w : {&m_worker, &m_counter}) {
        if (*w) {
            (*w)->stop();
            w->reset();
        }
    }
    // Answers of the old worker may still wait in the event queue: make them all stale.
    ++m_generation;
    m_shownGeneration = 0;
    m_loading = false;
    beginResetModel();
    m_rowCount = 0;
    m_pages.clear();
    m_requestedPages.clear();
    m_pendingIds.clear();
    m_matchCount = 0;
    m_matchCountExact = true;
    m_totalCount = -1;
    m_columns.clear();
    m_catalog = FieldCatalog();
    endResetModel();
    emit countsChanged();
}

void CompanyListModel::setQuery(const QString& text, const std::optional<FilterNode>& filter) {
    m_spec.text = text;
    m_spec.filter = filter;
    startQuery();
}

void CompanyListModel::refresh() {
    if (!m_counter)
        return;
    m_counter->requestTotal();
    startQuery();
}

void CompanyListModel::startQuery() {
    if (!m_worker)
        return;
    ++m_generation;
    m_loading = true;
    m_error.clear();
    const bool wasBusy = isBusy();
    m_pendingIds.clear(); // their answers belong to the previous list
    if (wasBusy)
        emit busyChanged(false);
    m_earlyCount.reset();
    m_worker->setQuery(m_generation, m_spec);
    // Counted once the first page is shown (onPageReady): the count never delays it.
    m_counter->setQuery(m_generation, m_spec, true);
    emit queryStarted();
    emit countsChanged();
}

void CompanyListModel::sort(int column, Qt::SortOrder order) {
    if (column <= CheckColumn || column >= m_columns.size())
        return;
    const QString key = m_columns.at(column).key;
    if (key == m_spec.sortField && order == m_spec.order)
        return;
    m_spec.sortField = key;
    m_spec.order = order;
    startQuery();
}

QString CompanyListModel::fieldKey(int column) const {
    return column > CheckColumn && column < m_columns.size() ? m_columns.at(column).key : QString();
}

int CompanyListModel::columnOf(const QString& fieldKey) const {
    for (int i = CheckColumn + 1; i < m_columns.size(); ++i) {
        if (m_columns.at(i).key.compare(fieldKey, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int CompanyListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rowCount;
}

int CompanyListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

const CompanyRow* CompanyListModel::rowAt(int row) const {
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const qint64 page = row / m_settings.pageSize;
    const QList<CompanyRow>* rows = m_pages.object(page);
    if (!rows) {
        requestPage(page);
        return nullptr;
    }
    const qsizetype i = row % m_settings.pageSize;
    return i < rows->size() ? &rows->at(i) : nullptr;
}

bool CompanyListModel::isRowLoaded(int row) const {
    if (row < 0 || row >= m_rowCount)
        return false;
    const QList<CompanyRow>* rows = m_pages.object(row / m_settings.pageSize);
    return rows && row % m_settings.pageSize < rows->size();
}

qint64 CompanyListModel::companyId(int row) const {
    const CompanyRow* r = rowAt(row);
    return r ? r->id : 0;
}

void CompanyListModel::requestPage(qint64 page) const {
    if (!m_worker || m_requestedPages.contains(page))
        return;
    m_requestedPages.insert(page);
    m_worker->requestPage(m_shownGeneration, page);
}

QVariant CompanyListModel::displayValue(const CompanyRow& row, int column) const {
    const Column& c = m_columns.at(column);
    const QVariant v = row.value(c.key);
    if (v.isNull())
        return QString();
    if (c.type == FieldType::Number) {
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (ok) {
            const QLocale locale = displayLocale();
            if (d == double(qint64(d)))
                return locale.toString(qint64(d));
            return locale.toString(d, 'g', 15);
        }
    }
    return v.toString();
}

QVariant CompanyListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rowCount || index.column() >= m_columns.size())
        return {};
    const CompanyRow* row = rowAt(index.row());
    const int column = index.column();
    if (!row) {
        if (role == Qt::DisplayRole && column == CheckColumn + 1)
            return tr("Loading…");
        if (role == Qt::ForegroundRole)
            return QVariant(); // the view's default, dimmed by the style for empty text
        return {};
    }
    switch (role) {
    case Qt::CheckStateRole:
        if (column == CheckColumn)
            return m_selection.contains(row->id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DisplayRole:
        return column == CheckColumn ? QVariant() : displayValue(*row, column);
    case Qt::ToolTipRole:
        if (column == CheckColumn)
            return tr("Tick to include %1 in the next sync").arg(row->name);
        if (m_columns.at(column).key == QLatin1String("description") ||
            m_columns.at(column).key == QLatin1String("website")) {
            const QString text = displayValue(*row, column).toString();
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        return {};
    case Qt::AccessibleTextRole:
        if (column == CheckColumn)
            return m_selection.contains(row->id) ? tr("%1, selected").arg(row->name)
                                                 : tr("%1, not selected").arg(row->name);
        return displayValue(*row, column);
    case Qt::TextAlignmentRole:
        if (column != CheckColumn && m_columns.at(column).type == FieldType::Number)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case CompanyIdRole:
        return row->id;
    default:
        return {};
    }
}

bool CompanyListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != CheckColumn || role != Qt::CheckStateRole)
        return false;
    if (!isRowLoaded(index.row()))
        return false;
    setChecked(index.row(), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

QVariant CompanyListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == CheckColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("✓");
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return tr("Selected for sync");
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return m_columns.at(section).label;
    case Qt::ToolTipRole:
        return tr("Sort by %1").arg(m_columns.at(section).label);
    case FieldKeyRole:
        return m_columns.at(section).key;
    default:
        return {};
    }
}

Qt::ItemFlags CompanyListModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == CheckColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

void CompanyListModel::onPageReady(quint64 generation, qint64 page, const QList<CompanyRow>& rows) {
    if (generation == m_generation && generation != m_shownGeneration) {
        // The first page of a new query: replace what is shown.
        if (page != 0)
            return;
        beginResetModel();
        m_shownGeneration = generation;
        m_pages.clear();
        m_requestedPages.clear();
        m_pages.insert(0, new QList<CompanyRow>(rows));
        m_rowCount = int(rows.size());
        m_matchCount = rows.size();
        m_matchCountExact = rows.size() < m_settings.pageSize;
        m_loading = false;
        endResetModel();
        // A short first page is the whole answer (its count comes with it); else count now.
        if (rows.size() >= m_settings.pageSize && m_counter)
            m_counter->releaseQuery(generation);
        if (m_earlyCount) {
            const auto [count, exact] = *m_earlyCount;
            m_earlyCount.reset();
            onCountReady(generation, count, exact);
        }
        emit countsChanged();
        emit queryFinished();
        return;
    }
    if (generation != m_shownGeneration)
        return;
    m_requestedPages.remove(page);
    m_pages.insert(page, new QList<CompanyRow>(rows));
    const int first = int(page * m_settings.pageSize);
    if (first >= m_rowCount || rows.isEmpty())
        return;
    const int last = std::min(m_rowCount - 1, first + int(rows.size()) - 1);
    emit dataChanged(index(first, 0), index(last, int(m_columns.size()) - 1));
}

void CompanyListModel::onPageDropped(quint64 generation, qint64 page) {
    if (generation == m_shownGeneration)
        m_requestedPages.remove(page);
}

void CompanyListModel::onCountReady(quint64 generation, qint64 count, bool exact) {
    if (generation == m_generation && generation != m_shownGeneration) {
        // Counted before the first page arrived: kept for then (an exact count wins).
        if (!m_earlyCount || exact)
            m_earlyCount = std::pair{count, exact};
        return;
    }
    if (generation != m_shownGeneration || (m_matchCountExact && !exact))
        return; // stale, or a capped count after the exact one
    m_matchCount = count;
    m_matchCountExact = exact;
    const int rows = int(std::min<qint64>(count, INT_MAX));
    if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    } else if (rows < m_rowCount) {
        beginRemoveRows({}, rows, m_rowCount - 1);
        m_rowCount = rows;
        endRemoveRows();
    }
    emit countsChanged();
}

void CompanyListModel::onQueryFailed(quint64 generation, const QString& message) {
    if (generation != m_generation)
        return;
    m_loading = false;
    m_error = message;
    qCInfo(lcUi).noquote() << "company list query failed:" << message;
    emit countsChanged();
    emit queryFailed(message);
}

// ---- Selection ------------------------------------------------------------------------------

bool CompanyListModel::isChecked(int row) const {
    const CompanyRow* r = rowAt(row);
    return r && m_selection.contains(r->id);
}

void CompanyListModel::setChecked(int row, bool checked) {
    const CompanyRow* r = rowAt(row);
    if (!r || !m_selection.set(r->id, checked))
        return;
    const QModelIndex i = index(row, CheckColumn);
    emit dataChanged(i, i, {Qt::CheckStateRole, Qt::AccessibleTextRole});
    emit selectionChanged();
    emit countsChanged();
}

void CompanyListModel::setRangeChecked(int fromRow, int toRow, bool checked) {
    if (fromRow > toRow)
        std::swap(fromRow, toRow);
    fromRow = std::max(0, fromRow);
    toRow = std::min(m_rowCount - 1, toRow);
    if (fromRow > toRow)
        return;
    QList<qint64> ids;
    ids.reserve(toRow - fromRow + 1);
    for (int row = fromRow; row <= toRow; ++row) {
        if (!isRowLoaded(row)) {
            requestIds(fromRow, toRow, checked);
            return;
        }
        ids.append(rowAt(row)->id);
    }
    applySelection(ids, checked);
}

void CompanyListModel::selectAllMatching() {
    if (m_rowCount > 0 && m_matchCountExact && m_rowCount <= m_settings.pageSize) {
        setRangeChecked(0, m_rowCount - 1, true);
        return;
    }
    requestIds(0, -1, true);
}

void CompanyListModel::requestIds(qint64 fromRow, qint64 toRow, bool checked) {
    if (!m_worker)
        return;
    const bool wasBusy = isBusy();
    const quint64 ticket = ++m_nextTicket;
    m_pendingIds.insert(ticket, checked);
    m_worker->requestIds(m_shownGeneration, ticket, fromRow, toRow);
    if (!wasBusy)
        emit busyChanged(true);
}

void CompanyListModel::onIdsReady(quint64 generation, quint64 ticket, const QList<qint64>& ids) {
    const auto it = m_pendingIds.constFind(ticket);
    if (it == m_pendingIds.constEnd())
        return;
    const bool checked = it.value();
    m_pendingIds.erase(it);
    if (generation == m_shownGeneration)
        applySelection(ids, checked);
    if (!isBusy())
        emit busyChanged(false);
}

void CompanyListModel::applySelection(const QList<qint64>& ids, bool checked) {
    const bool changed = checked ? m_selection.add(ids) : m_selection.remove(ids);
    if (!changed)
        return;
    checkColumnChanged();
}

void CompanyListModel::clearSelection() {
    if (m_selection.clear())
        checkColumnChanged();
}

void CompanyListModel::setSelectedIds(const QList<qint64>& ids) {
    m_selection.clear();
    m_selection.add(ids);
    checkColumnChanged();
}

void CompanyListModel::checkColumnChanged() {
    if (m_rowCount > 0)
        emit dataChanged(index(0, CheckColumn), index(m_rowCount - 1, CheckColumn),
                         {Qt::CheckStateRole, Qt::AccessibleTextRole});
    emit selectionChanged();
    emit countsChanged();
}

} // namespace syncdesk
