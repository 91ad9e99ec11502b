#include "ui/sync/ChangesModel.h"

#include "core/sync/RunTypes.h"
#include "core/sync/SyncPlan.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace syncdesk {

ChangeLine ChangeLine::from(const PropertyChange& c) {
    return {c.property, c.before, c.after, changeStrategyName(c.strategy), c.fieldKey, false};
}

ChangeLine ChangeLine::from(const JournalChange& c) {
    return {c.property, c.before, c.after, c.strategy, c.field, c.written};
}

ChangesModel::ChangesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ChangesModel::setValueHeaders(const QString& before, const QString& after) {
    m_beforeHeader = before;
    m_afterHeader = after;
    emit headerDataChanged(Qt::Horizontal, BeforeColumn, AfterColumn);
}

void ChangesModel::setChanges(const QList<ChangeLine>& changes) {
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

int ChangesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int ChangesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChangesModel::strategyLabel(const QString& name) {
    if (name == u"override")
        return tr("Override");
    if (name == u"update_if_empty")
        return tr("Update if empty");
    if (name == u"create")
        return tr("Create");
    if (name == u"clear_when_empty")
        return tr("Clear when empty");
    if (name == u"undo")
        return tr("Undo");
    return name;
}

QVariant ChangesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_changes.size())
        return {};
    const ChangeLine& c = m_changes.at(index.row());
    const auto shown = [](const QString& value) { return value.isEmpty() ? tr("(empty)") : value; };
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case PropertyColumn:
            return c.property;
        case BeforeColumn:
            return shown(c.before);
        case AfterColumn:
            return shown(c.after);
        case StrategyColumn:
            return strategyLabel(c.strategy);
        case FieldColumn:
            return c.field;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && ((index.column() == BeforeColumn && c.before.isEmpty()) ||
                                       (index.column() == AfterColumn && c.after.isEmpty())))
        return QApplication::palette().color(QPalette::PlaceholderText);
    if (role == Qt::FontRole && index.column() == AfterColumn) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PropertyColumn:
        return tr("CRM property");
    case BeforeColumn:
        return m_beforeHeader.isEmpty() ? tr("CRM value before") : m_beforeHeader;
    case AfterColumn:
        return m_afterHeader.isEmpty() ? tr("After") : m_afterHeader;
    case StrategyColumn:
        return tr("Decided by");
    case FieldColumn:
        return tr("Local field");
    default:
        return {};
    }
}

} // namespace syncdesk
