#include "ui/log/ConnectorLogModel.h"

#include "ui/common/Icons.h"
#include "ui/common/Theme.h"

#include <QApplication>
#include <QColor>
#include <QLocale>
#include <QStyle>

#include <algorithm>

namespace syncdesk {

namespace {

// The level's own SVG icon; the style's standard icon when SVG icons cannot be drawn.
QIcon levelIcon(QHash<int, QIcon>& cache, LogLevel level) {
    auto it = cache.find(int(level));
    if (it != cache.end())
        return *it;
    QIcon icon;
    QStyle::StandardPixmap fallback = QStyle::SP_CustomBase;
    switch (level) {
    case LogLevel::Error:
        icon = Icons::icon(Icons::Id::LevelError);
        fallback = QStyle::SP_MessageBoxCritical;
        break;
    case LogLevel::Warning:
        icon = Icons::icon(Icons::Id::LevelWarning);
        fallback = QStyle::SP_MessageBoxWarning;
        break;
    case LogLevel::Info:
        icon = Icons::icon(Icons::Id::LevelInfo);
        fallback = QStyle::SP_MessageBoxInformation;
        break;
    case LogLevel::Debug:
        icon = Icons::icon(Icons::Id::LevelDebug);
        break;
    }
    if (icon.isNull() && fallback != QStyle::SP_CustomBase)
        icon = QApplication::style()->standardIcon(fallback);
    return *cache.insert(int(level), icon);
}

} // namespace

ConnectorLogModel::ConnectorLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity)) {}

int ConnectorLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_count;
}

int ConnectorLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const ConnectorLogEntry& ConnectorLogModel::entry(int row) const {
    return m_buffer[static_cast<size_t>(physical(row))];
}

QList<ConnectorLogEntry> ConnectorLogModel::entries() const {
    QList<ConnectorLogEntry> list;
    list.reserve(m_count);
    for (int i = 0; i < m_count; ++i)
        list.append(entry(i));
    return list;
}

QList<qint64> ConnectorLogModel::runIds() const {
    QList<qint64> runs = m_runs;
    std::sort(runs.begin(), runs.end(), std::greater<>());
    return runs;
}

QString ConnectorLogModel::recordText(const ConnectorLogEntry& e) {
    QString text;
    if (e.object && e.localId != 0)
        text = e.object == RecordObject::Company ? tr("company %1").arg(e.localId)
                                                 : tr("contact %1").arg(e.localId);
    else if (e.object)
        text = e.object == RecordObject::Company ? tr("companies") : tr("contacts");
    return text;
}

QVariant ConnectorLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const ConnectorLogEntry& e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return logLevelLabel(e.level);
        case RunColumn:
            return e.runId != 0 ? QVariant(e.runId) : QVariant();
        case RecordColumn:
            return recordText(e);
        case CrmIdColumn:
            return e.crmId;
        case ActionColumn:
            return e.action;
        case HttpColumn:
            return e.httpStatus != 0 ? QVariant(e.httpStatus) : QVariant();
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        if (index.column() == MessageColumn) {
            QString tip = e.message;
            if (!e.hint.isEmpty())
                tip += u'\n' + e.hint;
            return tip;
        }
        return {};
    case Qt::ForegroundRole:
        switch (e.level) {
        case LogLevel::Error:
            return Theme::tone(Theme::Tone::Error);
        case LogLevel::Warning:
            return Theme::tone(Theme::Tone::Warning);
        case LogLevel::Debug:
            return Theme::tone(Theme::Tone::Muted);
        case LogLevel::Info:
            return {};
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() != LevelColumn)
            return {};
        return levelIcon(m_levelIcons, e.level);
    case Qt::TextAlignmentRole:
        if (index.column() == RunColumn || index.column() == HttpColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LevelRole:
        return static_cast<int>(e.level);
    case RunIdRole:
        return e.runId;
    default:
        return {};
    }
}

QVariant ConnectorLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case RunColumn:
        return tr("Run");
    case RecordColumn:
        return tr("Record");
    case CrmIdColumn:
        return tr("CRM id");
    case ActionColumn:
        return tr("Action");
    case HttpColumn:
        return tr("HTTP");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void ConnectorLogModel::append(const ConnectorLogEntry& e) {
    append(QList<ConnectorLogEntry>{e});
}

void ConnectorLogModel::append(const QList<ConnectorLogEntry>& incoming) {
    QList<ConnectorLogEntry> fresh;
    fresh.reserve(incoming.size());
    for (const ConnectorLogEntry& e : incoming) {
        if (e.id != 0) {
            if (m_ids.contains(e.id))
                continue;
            m_ids.insert(e.id);
        }
        fresh.append(e);
    }
    if (fresh.size() > m_capacity)
        fresh = fresh.mid(fresh.size() - m_capacity);
    if (fresh.isEmpty())
        return;

    // Make room: the oldest leave first.
    const int overflow = m_count + static_cast<int>(fresh.size()) - m_capacity;
    if (overflow > 0) {
        // Until the first overflow the buffer is linear (head 0, size == count): give it its full size.
        if (m_buffer.size() < static_cast<size_t>(m_capacity))
            m_buffer.resize(static_cast<size_t>(m_capacity));
        beginRemoveRows({}, 0, overflow - 1);
        for (int i = 0; i < overflow; ++i) {
            ConnectorLogEntry& old = m_buffer[m_head];
            m_ids.remove(old.id);
            old = {};
            m_head = (m_head + 1) % m_buffer.size();
        }
        m_count -= overflow;
        endRemoveRows();
    }

    bool newRun = false;
    beginInsertRows({}, m_count, m_count + static_cast<int>(fresh.size()) - 1);
    for (ConnectorLogEntry& e : fresh) {
        if (e.runId != 0 && !m_runs.contains(e.runId)) {
            m_runs.append(e.runId);
            newRun = true;
        }
        if (m_buffer.size() < static_cast<size_t>(m_capacity))
            m_buffer.push_back(std::move(e)); // still linear
        else
            m_buffer[static_cast<size_t>(physical(m_count))] = std::move(e);
        ++m_count;
    }
    endInsertRows();
    if (newRun)
        emit runIdsChanged();
}

void ConnectorLogModel::reset(const QList<ConnectorLogEntry>& entries) {
    beginResetModel();
    m_buffer.clear();
    m_head = 0;
    m_count = 0;
    m_ids.clear();
    const bool hadRuns = !m_runs.isEmpty();
    m_runs.clear();
    endResetModel();
    if (hadRuns)
        emit runIdsChanged();
    append(entries);
}

} // namespace syncdesk
