#include "ui/mapping/MappingTableModel.h"

#include "ui/mapping/MappingDocument.h"

#include <QApplication>
#include <QColor>
#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>

namespace syncdesk {

MappingTableModel::MappingTableModel(MappingDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    m_lines = computeLines();
    connect(&m_document, &MappingDocument::changed, this, [this] {
        const QList<Line> after = computeLines();
        const QList<Line>& before = m_lines;
        const bool sameShape =
            before.size() == after.size() &&
            std::equal(before.begin(), before.end(), after.begin(),
                       [](const Line& a, const Line& b) { return a.row == b.row && a.target == b.target; });
        if (sameShape) {
            if (!m_lines.isEmpty()) {
                emit dataChanged(index(0, 0), index(static_cast<int>(m_lines.size()) - 1, ColumnCount - 1));
                emit headerDataChanged(Qt::Vertical, 0, static_cast<int>(m_lines.size()) - 1);
            }
            return;
        }
        beginResetModel();
        m_lines = after;
        endResetModel();
    });
}

QList<MappingTableModel::Line> MappingTableModel::computeLines() const {
    QList<Line> lines;
    const QList<MappingRow>& rows = m_document.mapping().rows;
    for (int r = 0; r < rows.size(); ++r) {
        if (rows.at(r).targets.isEmpty())
            lines.append({r, -1});
        for (int t = 0; t < rows.at(r).targets.size(); ++t)
            lines.append({r, t});
    }
    return lines;
}

int MappingTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int MappingTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int MappingTableModel::lineOf(int row, int target) const {
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).row == row && (target < 0 || m_lines.at(i).target == target))
            return i;
    }
    return -1;
}

int MappingTableModel::dropRow(int line) const {
    if (line < 0 || line >= m_lines.size())
        return static_cast<int>(m_document.mapping().rows.size());
    const Line& l = m_lines.at(line);
    return isFirstLine(l) ? l.row : l.row + 1;
}

bool MappingTableModel::isFirstLine(const Line& line) const {
    return line.target <= 0;
}

QList<MappingProblem> MappingTableModel::problemsOfLine(const Line& line) const {
    QList<MappingProblem> list = m_document.problemsOf(line.row, line.target);
    if (line.target == 0)
        list += m_document.problemsOf(line.row, -1);
    // Errors first.
    std::stable_sort(list.begin(), list.end(), [](const MappingProblem& a, const MappingProblem& b) {
        return a.isError() && !b.isError();
    });
    return list;
}

MappingTableModel::Column MappingTableModel::columnOf(MappingProblem::Code code) {
    switch (code) {
    case MappingProblem::Code::UnknownField:
        return FieldColumn;
    case MappingProblem::Code::NoTargets:
    case MappingProblem::Code::UnknownProperty:
    case MappingProblem::Code::ReadOnlyProperty:
    case MappingProblem::Code::TypeMismatch:
    case MappingProblem::Code::DuplicateTarget:
    case MappingProblem::Code::NoMatchKey:
        return PropertyColumn;
    case MappingProblem::Code::ValueMapRequired:
    case MappingProblem::Code::ValueMapUnknownOption:
    case MappingProblem::Code::ValueMapIncomplete:
    case MappingProblem::Code::ValueMapNotApplicable:
    case MappingProblem::Code::ValueMapEmptyEntry:
        return ValueMapColumn;
    case MappingProblem::Code::ConflictingStrategies:
        return StrategyColumn;
    case MappingProblem::Code::ClearNeedsOverride:
        return ClearColumn;
    }
    return ProblemColumn;
}

QVariant MappingTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const Line& line = m_lines.at(index.row());
    const Mapping& mapping = m_document.mapping();
    if (line.row >= mapping.rows.size())
        return {};
    const MappingRow& row = mapping.rows.at(line.row);
    const MappingTarget* target = line.target >= 0 ? &row.targets.at(line.target) : nullptr;
    const bool first = isFirstLine(line);
    const bool isKey = m_document.matchKeyRow() == line.row;

    switch (role) {
    case MappingRowRole:
        return line.row;
    case TargetRole:
        return line.target;
    case IsMatchKeyRole:
        return isKey;
    case ProblemTextRole: {
        QStringList texts;
        for (const MappingProblem& p : problemsOfLine(line))
            texts.append(p.message);
        return texts.join(u'\n');
    }
    case HasErrorRole:
    case Qt::BackgroundRole: {
        bool error = false;
        for (const MappingProblem& p : problemsOfLine(line)) {
            if (p.isError() && columnOf(p.code) == index.column())
                error = true;
        }
        if (role == HasErrorRole)
            return error;
        if (error)
            return QColor(220, 40, 40, 60);
        if (isKey)
            return QColor(60, 140, 230, 35);
        return {};
    }
    case Qt::FontRole:
        if (isKey) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        break;
    }

    switch (index.column()) {
    case KeyColumn:
        if (!first)
            return {};
        if (role == Qt::DisplayRole) {
            if (isKey)
                return tr("Match key");
            if (m_document.isKeyFallbackRow(line.row))
                return tr("Key fallback");
            return {};
        }
        if (role == Qt::ToolTipRole) {
            if (isKey)
                return tr("This row's field supplies the key that matches records with the CRM: it is the "
                          "first "
                          "row writing %1. Reorder the rows to change it.")
                    .arg(m_document.facts().matchProperty(m_document.object()));
            if (m_document.isKeyFallbackRow(line.row))
                return tr("Supplies the match key when the fields of the rows above are empty.");
        }
        return {};
    case FieldColumn:
        if (!first)
            return role == Qt::DisplayRole ? QVariant(QStringLiteral("  ↳")) : QVariant();
        if (role == Qt::DisplayRole) {
            const FieldDefinition* f = m_document.field(row.fieldKey);
            return f ? f->label : tr("%1 (unknown field)").arg(row.fieldKey);
        }
        if (role == Qt::EditRole)
            return row.fieldKey;
        if (role == Qt::ToolTipRole) {
            const FieldDefinition* f = m_document.field(row.fieldKey);
            return f ? tr("%1 (%2, %3)").arg(f->label, f->key, fieldTypeName(f->type)) : QVariant();
        }
        return {};
    case PropertyColumn:
        if (role == Qt::DisplayRole) {
            if (!target || target->property.isEmpty())
                return tr("Choose a CRM property…");
            const CrmProperty* p = m_document.property(target->property);
            return p && !p->label.isEmpty() && p->label != p->name ? tr("%1 (%2)").arg(p->label, p->name)
                                                                   : target->property;
        }
        if (role == Qt::EditRole)
            return target ? target->property : QString();
        if (role == Qt::ForegroundRole && (!target || target->property.isEmpty()))
            return QApplication::palette().color(QPalette::PlaceholderText);
        if (role == Qt::ToolTipRole && target) {
            const CrmProperty* p = m_document.property(target->property);
            if (p)
                return tr("%1: %2%3")
                    .arg(p->name, crmPropertyTypeName(p->type),
                         p->isWritable() ? QString() : tr(", read-only"));
        }
        return {};
    case StrategyColumn:
        if (!target)
            return {};
        if (role == Qt::DisplayRole)
            return updateStrategyLabel(target->strategy);
        if (role == Qt::EditRole)
            return static_cast<int>(target->strategy);
        if (role == Qt::ToolTipRole)
            return target->strategy == UpdateStrategy::Override
                       ? tr("Override: write when the local value is not empty and differs from the CRM's.")
                       : tr("Update if empty: write only when the CRM has no value.");
        return {};
    case ClearColumn:
        if (!target)
            return {};
        if (role == Qt::CheckStateRole)
            return target->clearWhenEmpty ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("Clear when empty: an empty local value clears the CRM value (Override only).");
        return {};
    case ValueMapColumn: {
        if (!target)
            return {};
        QStringList entries;
        for (auto it = target->valueMap.cbegin(); it != target->valueMap.cend(); ++it)
            entries.append(tr("%1 → %2").arg(it.key(), it.value()));
        if (role == Qt::DisplayRole) {
            if (entries.isEmpty()) {
                const FieldDefinition* f = m_document.field(row.fieldKey);
                const bool wanted = f && (f->type == FieldType::Choice || f->type == FieldType::Boolean);
                return wanted ? tr("Add…") : QString();
            }
            return entries.join(QStringLiteral(", "));
        }
        if (role == Qt::ToolTipRole)
            return entries.isEmpty() ? tr("Double-click to map local values onto the CRM's options.")
                                     : entries.join(u'\n');
        return {};
    }
    case ProblemColumn: {
        const QList<MappingProblem> problems = problemsOfLine(line);
        if (problems.isEmpty())
            return {};
        const MappingProblem& p = problems.first();
        if (role == Qt::DisplayRole)
            return problems.size() == 1 ? p.message
                                        : tr("%1 (+%2 more)").arg(p.message).arg(problems.size() - 1);
        if (role == Qt::ToolTipRole) {
            QStringList texts;
            for (const MappingProblem& q : problems)
                texts.append(q.message);
            return texts.join(u'\n');
        }
        if (role == Qt::DecorationRole)
            return QApplication::style()->standardIcon(p.isError() ? QStyle::SP_MessageBoxCritical
                                                                   : QStyle::SP_MessageBoxWarning);
        return {};
    }
    default:
        return {};
    }
}

bool MappingTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= m_lines.size())
        return false;
    const Line line = m_lines.at(index.row());
    switch (index.column()) {
    case FieldColumn:
        if (role != Qt::EditRole || !isFirstLine(line) || value.toString().isEmpty())
            return false;
        m_document.setField(line.row, value.toString());
        return true;
    case PropertyColumn:
        if (role != Qt::EditRole || value.toString().trimmed().isEmpty())
            return false;
        m_document.setProperty(line.row, line.target, value.toString().trimmed());
        return true;
    case StrategyColumn:
        if (role != Qt::EditRole || line.target < 0)
            return false;
        m_document.setStrategy(line.row, line.target, static_cast<UpdateStrategy>(value.toInt()));
        return true;
    case ClearColumn:
        if (role != Qt::CheckStateRole || line.target < 0)
            return false;
        m_document.setClearWhenEmpty(line.row, line.target, value.toInt() == Qt::Checked);
        return true;
    default:
        return false;
    }
}

Qt::ItemFlags MappingTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    const Line& line = m_lines.at(index.row());
    switch (index.column()) {
    case FieldColumn:
        if (isFirstLine(line))
            f |= Qt::ItemIsEditable;
        break;
    case PropertyColumn:
        f |= Qt::ItemIsEditable;
        break;
    case StrategyColumn:
        if (line.target >= 0)
            f |= Qt::ItemIsEditable;
        break;
    case ClearColumn:
        if (line.target >= 0)
            f |= Qt::ItemIsUserCheckable;
        break;
    default:
        break;
    }
    return f;
}

QVariant MappingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section < m_lines.size() && isFirstLine(m_lines.at(section)))
            return m_lines.at(section).row + 1;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case FieldColumn:
        return tr("Local field");
    case PropertyColumn:
        return tr("CRM property");
    case StrategyColumn:
        return tr("Update strategy");
    case ClearColumn:
        return tr("Clear when empty");
    case ValueMapColumn:
        return tr("Value map");
    case ProblemColumn:
        return tr("Problems");
    default:
        return {};
    }
}

QMimeData* MappingTableModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    const int row = mappingRow(indexes.first().row());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << qint32(row);
    auto* data = new QMimeData;
    data->setData(MimeType, bytes);
    return data;
}

bool MappingTableModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                        const QModelIndex&) const {
    return data && data->hasFormat(MimeType) && action == Qt::MoveAction;
}

bool MappingTableModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                     const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    QDataStream in(data->data(MimeType));
    qint32 from = -1;
    in >> from;
    const int rows = static_cast<int>(m_document.mapping().rows.size());
    if (from < 0 || from >= rows)
        return false;
    int to = 0;
    if (parent.isValid()) {
        to = mappingRow(parent.row()); // onto a line: take that row's place
    } else {
        const int before = dropRow(row < 0 ? static_cast<int>(m_lines.size()) : row); // between lines
        to = before > from ? before - 1 : before;
    }
    to = std::clamp(to, 0, rows - 1);
    if (to == from)
        return false;
    m_document.moveRow(from, to);
    emit rowDropped(to);
    // The move is done here; the view's own "remove the dragged rows" finds no removeRows() to call.
    return true;
}

} // namespace syncdesk
