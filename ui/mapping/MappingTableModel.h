#pragma once

#include "core/mapping/MappingValidator.h"

#include <QAbstractTableModel>
#include <QList>

namespace syncdesk {

class MappingDocument;

// The mapping editor's table (after KeePassXC's csvImport: parser -> table model -> thin widget):
// one line per target of each mapping row (a row without targets has one line), in row order.
// A row's first line carries its local field; every line its CRM property, strategy, "clear when
// empty" and value map; the last column the problems of that line with the reason. Edits go to the
// MappingDocument (undoable). Lines drag-and-drop as whole mapping rows.
class MappingTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        KeyColumn,
        FieldColumn,
        PropertyColumn,
        StrategyColumn,
        ClearColumn,
        ValueMapColumn,
        ProblemColumn,
        ColumnCount
    };
    enum Role {
        MappingRowRole = Qt::UserRole + 1, // int: the mapping row of the line
        TargetRole,                        // int: the target of the line, -1 when the row has none
        IsMatchKeyRole,                    // bool
        HasErrorRole,                      // bool: the cell has an error
        ProblemTextRole,                   // QString: every problem of the line, one per line
    };
    static inline const QString MimeType = QStringLiteral("application/x-syncdesk-mapping-row");

    explicit MappingTableModel(MappingDocument& document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override { return {MimeType}; }
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    MappingDocument& document() const { return m_document; }
    int mappingRow(int line) const { return line >= 0 && line < m_lines.size() ? m_lines.at(line).row : -1; }
    int target(int line) const { return line >= 0 && line < m_lines.size() ? m_lines.at(line).target : -1; }
    // The first line of a mapping row (or of a target of it), -1 when there is none.
    int lineOf(int row, int target = -1) const;
    // Where a dropped row lands: the mapping row index before which it goes (rows.size(): the end).
    int dropRow(int line) const;

    // The column where a problem is shown marked (the property for a type problem, ...).
    static Column columnOf(MappingProblem::Code code);

signals:
    // A drop moved a mapping row (the view selects it again).
    void rowDropped(int toRow);

private:
    struct Line {
        int row = 0;
        int target = -1;
    };
    QList<Line> computeLines() const;
    bool isFirstLine(const Line& line) const;
    QList<MappingProblem> problemsOfLine(const Line& line) const;

    MappingDocument& m_document;
    QList<Line> m_lines;
};

} // namespace syncdesk
