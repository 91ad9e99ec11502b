#pragma once

#include <QStyledItemDelegate>

namespace syncdesk {

class MappingDocument;

// Editors of the mapping table: a list of local fields, a searchable list of the CRM's properties
// (read-only ones disabled, those whose type does not fit the row's field marked) and the update
// strategies.
class MappingItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit MappingItemDelegate(MappingDocument& document, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    MappingDocument& m_document;
};

} // namespace syncdesk
