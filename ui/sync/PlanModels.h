#pragma once

#include "core/sync/SyncPlan.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace syncdesk {

// The match report of a plan: one line per action, companies and contacts side by side with their
// percentage of the object's total.
class MatchReportModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ActionColumn, CompaniesColumn, ContactsColumn, ColumnCount };
    enum Role { ActionRole = Qt::UserRole + 1, CountRole };

    explicit MatchReportModel(QObject* parent = nullptr);
    void setReport(const MatchReport& report);
    const MatchReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    MatchReport m_report;
};

// Every planned record (companies, then contacts): what the plan means to do and why.
class PlanRecordsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ObjectColumn,
        NameColumn,
        ActionColumn,
        ChangesColumn,
        CrmIdColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role { ActionRole = Qt::UserRole + 1 };

    explicit PlanRecordsModel(QObject* parent = nullptr);
    void setPlan(const SyncPlan& plan);
    const RecordPlan* record(int row) const;
    int rowOf(RecordObject object, qint64 localId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Translated, for people: the match explanation (raw value, key, policy, field, candidates,
    // notes), the reason and the association of a contact.
    static QString explanation(const RecordPlan& record);

private:
    QList<RecordPlan> m_records;
};

// The records list's filter: every record, those written, those not written, or one action.
class PlanRecordsFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum Mode { All = -1, Written = -2, NotWritten = -3 }; // >= 0: one PlanAction
    explicit PlanRecordsFilter(QObject* parent = nullptr);
    void setMode(int mode);
    int mode() const { return m_mode; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_mode = All;
};

// Colour of an action or outcome for people: writes blue/green, problems red/orange, no-ops grey.
QVariant actionForeground(PlanAction action);

} // namespace syncdesk
