#pragma once

#include "core/sync/RunTypes.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace syncdesk {

// Runs history: one line per journaled run, newest first, with its outcome counts.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        WhenColumn,
        ConnectionColumn,
        KindColumn,
        StateColumn,
        ResultsColumn,
        FailedColumn,
        PendingColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    struct Line {
        RunInfo run;
        std::optional<OutcomeCounts> outcomes;
    };

    explicit RunListModel(QObject* parent = nullptr);
    void setRuns(const QList<Line>& runs);
    const Line* line(int row) const;
    int rowOf(qint64 runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Sync", "Dry run", "Preview (not run)", "Undo of run 3", "Undo preview of run 3".
    static QString kindText(const RunInfo& run);
    // "2 created · 3 updated · 1 failed" over both objects ("" when nothing finished yet).
    static QString resultsText(const std::optional<OutcomeCounts>& outcomes);

private:
    QList<Line> m_runs;
};

// The records of one run: what the plan meant to do, the outcome, the CRM id, the error or note.
class RunRecordsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ObjectColumn,
        NameColumn,
        ActionColumn,
        OutcomeColumn,
        CrmIdColumn,
        ChangesColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role { OutcomeRole = Qt::UserRole + 1 };

    explicit RunRecordsModel(QObject* parent = nullptr);
    void setRecords(const QList<JournalRecord>& records);
    const QList<JournalRecord>& records() const { return m_records; }
    const JournalRecord* record(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Translated action of a journal record (plan actions and restore/archive/left alone).
    static QString actionText(const QString& action);
    // Everything known about a record's result, for people: reason, note, the CRM's error.
    static QString detailText(const JournalRecord& record);

private:
    QList<JournalRecord> m_records;
};

} // namespace syncdesk
