#include "ui/mapping/MappingItemDelegate.h"

#include "ui/mapping/MappingDocument.h"
#include "ui/mapping/MappingTableModel.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

#include <algorithm>

namespace syncdesk {

MappingItemDelegate::MappingItemDelegate(MappingDocument& document, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_document(document) {}

QWidget* MappingItemDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                           const QModelIndex& index) const {
    switch (index.column()) {
    case MappingTableModel::FieldColumn: {
        auto* combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("mappingFieldEditor"));
        combo->setAccessibleName(tr("Local field"));
        for (const FieldDefinition& f : m_document.localFields())
            combo->addItem(tr("%1 (%2)").arg(f.label, fieldTypeName(f.type)), f.key);
        return combo;
    }
    case MappingTableModel::PropertyColumn: {
        auto* combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("mappingPropertyEditor"));
        combo->setAccessibleName(tr("CRM property"));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        const int row = index.data(MappingTableModel::MappingRowRole).toInt();
        const FieldDefinition* field = row < m_document.mapping().rows.size()
                                           ? m_document.field(m_document.mapping().rows.at(row).fieldKey)
                                           : nullptr;
        QList<CrmProperty> properties = m_document.crmProperties();
        std::sort(properties.begin(), properties.end(), [](const CrmProperty& a, const CrmProperty& b) {
            return QString::localeAwareCompare(a.label, b.label) < 0;
        });
        auto* items = new QStandardItemModel(combo);
        for (const CrmProperty& p : properties) {
            const bool fits = !field || MappingValidator::typeFits(field->type, p);
            QString text =
                p.label.isEmpty() || p.label == p.name ? p.name : tr("%1 (%2)").arg(p.label, p.name);
            if (!p.isWritable())
                text = tr("%1 — read-only").arg(text);
            else if (!fits)
                text = tr("%1 — %2, does not fit").arg(text, crmPropertyTypeName(p.type));
            auto* item = new QStandardItem(text);
            item->setData(p.name, Qt::UserRole);
            item->setToolTip(p.description);
            if (!p.isWritable())
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            else if (!fits)
                item->setForeground(combo->palette().color(QPalette::PlaceholderText));
            items->appendRow(item);
        }
        combo->setModel(items);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
        return combo;
    }
    case MappingTableModel::StrategyColumn: {
        auto* combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("mappingStrategyEditor"));
        combo->setAccessibleName(tr("Update strategy"));
        for (UpdateStrategy s : {UpdateStrategy::Override, UpdateStrategy::UpdateIfEmpty})
            combo->addItem(updateStrategyLabel(s), static_cast<int>(s));
        return combo;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void MappingItemDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    const QVariant value = index.data(Qt::EditRole);
    const int at = index.column() == MappingTableModel::PropertyColumn ? combo->findData(value, Qt::UserRole)
                                                                       : combo->findData(value);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else if (combo->isEditable())
        combo->setEditText(value.toString());
}

void MappingItemDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                       const QModelIndex& index) const {
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    if (index.column() == MappingTableModel::PropertyColumn) {
        // The chosen item, or a typed API name (a property the list does not hold yet).
        const int at = combo->findText(combo->currentText());
        const QString name =
            at >= 0 ? combo->itemData(at, Qt::UserRole).toString() : combo->currentText().trimmed();
        if (!name.isEmpty() && name != index.data(Qt::EditRole).toString())
            model->setData(index, name, Qt::EditRole);
        return;
    }
    const QVariant value = combo->currentData();
    if (value.isValid() && value != index.data(Qt::EditRole))
        model->setData(index, value, Qt::EditRole);
}

} // namespace syncdesk
