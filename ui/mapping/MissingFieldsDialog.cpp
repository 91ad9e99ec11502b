#include "ui/mapping/MissingFieldsDialog.h"

#include "core/mapping/MissingFields.h"
#include "ui/common/ScreenFit.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace syncdesk {

MissingFieldsDialog::MissingFieldsDialog(CrmKind kind, const QList<FieldDefinition>& fields,
                                         const Mapping& mapping, const QList<CrmProperty>& existing,
                                         QWidget* parent)
    : QDialog(parent)
    , m_fields(fields) {
    setObjectName(QStringLiteral("missingFieldsDialog"));
    setWindowTitle(tr("Create missing fields on the CRM"));
    setAccessibleName(windowTitle());
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("SyncDesk creates a CRM property named \"<Field label> (SyncDesk)\" for each ticked "
                      "field, typed from the field's type, and maps the field onto it (Override). A "
                      "property that already exists is mapped without creating anything."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("missingFieldsList"));
    m_list->setAccessibleName(tr("Local fields"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Local field"), tr("Type"), tr("CRM property"), tr("Note")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    QStringList mapped;
    for (const MappingRow& row : mapping.rows)
        mapped.append(row.fieldKey);
    for (const FieldDefinition& f : fields) {
        const QString name = MissingFields::propertyName(f, kind);
        bool exists = false;
        for (const CrmProperty& p : existing)
            exists = exists || p.name == name;
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, f.label);
        item->setText(1, fieldTypeName(f.type));
        item->setText(2, name);
        item->setText(3, exists                   ? tr("exists: will be mapped")
                         : mapped.contains(f.key) ? tr("already mapped")
                                                  : QString());
        item->setData(0, Qt::UserRole, f.key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, mapped.contains(f.key) ? Qt::Unchecked : Qt::Checked);
    }
    layout->addWidget(m_list, 1);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("&Create and map"));
    box->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("missingFieldsOkButton"));
    box->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("missingFieldsCancelButton"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resizeWithinScreen(this, QSize(640, 420));
}

QList<FieldDefinition> MissingFieldsDialog::chosenFields() const {
    QList<FieldDefinition> chosen;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->checkState(0) != Qt::Checked)
            continue;
        for (const FieldDefinition& f : m_fields) {
            if (f.key == item->data(0, Qt::UserRole).toString())
                chosen.append(f);
        }
    }
    return chosen;
}

void MissingFieldsDialog::setChosen(const QStringList& fieldKeys) {
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        item->setCheckState(0, fieldKeys.contains(item->data(0, Qt::UserRole).toString()) ? Qt::Checked
                                                                                          : Qt::Unchecked);
    }
}

} // namespace syncdesk
