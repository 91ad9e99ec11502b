#pragma once

#include "core/log/ConnectorLogEntry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>

#include <vector>

namespace syncdesk {

// The connector log as the desktop shows it (after qBittorrent's gui/log/logmodel.h): a ring buffer
// of the newest entries, fed live by ConnectorLog::entryAdded / SyncEngine::logEntry. When the
// buffer is full the oldest entry leaves as a new one arrives. Rows are in arrival order (oldest
// first); the panel follows the newest one.
class ConnectorLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        LevelColumn,
        RunColumn,
        RecordColumn,
        CrmIdColumn,
        ActionColumn,
        HttpColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { LevelRole = Qt::UserRole + 1, RunIdRole };

    static constexpr int DefaultCapacity = 20000;

    explicit ConnectorLogModel(QObject* parent = nullptr, int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ConnectorLogEntry& entry(int row) const;
    QList<ConnectorLogEntry> entries() const;
    // Run ids present in the buffer, newest first.
    QList<qint64> runIds() const;

    // Adds entries (an entry whose id is already in the buffer is ignored: history and live signal may
    // overlap). Emits rowsInserted; when the buffer overflows, rowsRemoved at the top first.
    void append(const syncdesk::ConnectorLogEntry& entry);
    void append(const QList<ConnectorLogEntry>& entries);
    // Replaces the content (e.g. the history of a newly opened workspace).
    void reset(const QList<ConnectorLogEntry>& entries);
    void clear() { reset({}); }

    // "company 12 (CRM 1001)"
    static QString recordText(const ConnectorLogEntry& entry);

signals:
    void runIdsChanged();

private:
    int physical(int row) const { return static_cast<int>((m_head + row) % m_buffer.size()); }

    int m_capacity;
    mutable QHash<int, QIcon> m_levelIcons;  // by LogLevel
    std::vector<ConnectorLogEntry> m_buffer; // grows up to m_capacity, then wraps
    size_t m_head = 0;                       // index of the oldest entry
    int m_count = 0;
    QSet<qint64> m_ids;
    QList<qint64> m_runs; // distinct run ids, in order of first appearance
};

} // namespace syncdesk
