#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace syncdesk {

struct JournalChange;
struct PropertyChange;

// One property of a record's diff: the CRM's value before, the value after, the strategy that
// decided it and the local field that supplied it. Shown by the preview (planned changes), the runs
// view (what a run wrote) and the undo preview (what undo puts back).
struct ChangeLine {
    QString property;
    QString before;
    QString after;
    QString strategy; // create, override, update_if_empty, clear_when_empty, undo
    QString field;    // local field key
    bool written = false;

    static ChangeLine from(const PropertyChange& change);
    static ChangeLine from(const JournalChange& change);
};

class ChangesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { PropertyColumn, BeforeColumn, AfterColumn, StrategyColumn, FieldColumn, ColumnCount };

    explicit ChangesModel(QObject* parent = nullptr);

    void setChanges(const QList<ChangeLine>& changes);
    // Headers of the value columns (default "CRM value before" / "After"); undo: "now" / "put back".
    void setValueHeaders(const QString& before, const QString& after);
    const QList<ChangeLine>& changes() const { return m_changes; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Override", "Update if empty", "Create", "Clear when empty", "Undo" (translated).
    static QString strategyLabel(const QString& name);

private:
    QList<ChangeLine> m_changes;
    QString m_beforeHeader;
    QString m_afterHeader;
};

} // namespace syncdesk
