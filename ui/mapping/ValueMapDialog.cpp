#include "ui/mapping/ValueMapDialog.h"

#include "ui/common/ScreenFit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace syncdesk {

ValueMapDialog::ValueMapDialog(const FieldDefinition* field, const CrmProperty* property,
                               const QMap<QString, QString>& valueMap, QWidget* parent)
    : QDialog(parent)
    , m_property(property) {
    setObjectName(QStringLiteral("valueMapDialog"));
    const QString fieldLabel = field ? field->label : tr("this field");
    const QString propertyLabel = property ? property->name : tr("the CRM property");
    setWindowTitle(tr("Value map: %1 → %2").arg(fieldLabel, propertyLabel));
    setAccessibleName(windowTitle());

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        property && !property->options.isEmpty()
            ? tr("Choose the CRM option each local value is written as. Values without an option are not "
                 "written (the plan shows such records as invalid).")
            : tr("Type the CRM value each local value is written as."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("valueMapTable"));
    m_table->setAccessibleName(tr("Value map entries"));
    m_table->setHorizontalHeaderLabels({tr("Local value"), tr("CRM value")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);

    QStringList locals;
    if (field && field->type == FieldType::Choice)
        locals = field->choices;
    else if (field && field->type == FieldType::Boolean)
        locals = {QStringLiteral("true"), QStringLiteral("false")};
    for (auto it = valueMap.cbegin(); it != valueMap.cend(); ++it) {
        if (!locals.contains(it.key()))
            locals.append(it.key());
    }
    for (const QString& local : locals)
        addLine(local, valueMap.value(local));

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add value"), this);
    add->setObjectName(QStringLiteral("valueMapAddButton"));
    add->setAccessibleName(tr("Add a value"));
    auto* remove = new QPushButton(tr("&Remove value"), this);
    remove->setObjectName(QStringLiteral("valueMapRemoveButton"));
    remove->setAccessibleName(tr("Remove the selected value"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        addLine(QString(), QString());
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->setObjectName(QStringLiteral("valueMapButtons"));
    box->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("valueMapOkButton"));
    box->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("valueMapCancelButton"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resizeWithinScreen(this, QSize(520, 380));
}

void ValueMapDialog::addLine(const QString& localValue, const QString& crmValue) {
    const int line = m_table->rowCount();
    m_table->insertRow(line);
    m_table->setItem(line, 0, new QTableWidgetItem(localValue));
    if (m_property && !m_property->options.isEmpty()) {
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("valueMapOption%1").arg(line));
        combo->setAccessibleName(tr("CRM option for %1").arg(localValue));
        combo->addItem(tr("(not written)"), QString());
        for (const CrmPropertyOption& o : m_property->options)
            combo->addItem(o.label.isEmpty() || o.label == o.value ? o.value
                                                                   : tr("%1 (%2)").arg(o.label, o.value),
                           o.value);
        int at = combo->findData(crmValue);
        if (at < 0 && !crmValue.isEmpty()) {
            // A value the CRM does not offer (any more): keep it visible so that the problem is seen.
            combo->addItem(tr("%1 (not an option)").arg(crmValue), crmValue);
            at = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(0, at));
        m_table->setCellWidget(line, 1, combo);
    } else {
        m_table->setItem(line, 1, new QTableWidgetItem(crmValue));
    }
}

QString ValueMapDialog::crmValueAt(int line) const {
    if (auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(line, 1)))
        return combo->currentData().toString();
    const QTableWidgetItem* item = m_table->item(line, 1);
    return item ? item->text().trimmed() : QString();
}

void ValueMapDialog::setEntry(const QString& localValue, const QString& crmValue) {
    for (int line = 0; line < m_table->rowCount(); ++line) {
        if (m_table->item(line, 0) && m_table->item(line, 0)->text() == localValue) {
            if (auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(line, 1))) {
                const int at = combo->findData(crmValue);
                if (at >= 0) {
                    combo->setCurrentIndex(at);
                } else {
                    combo->addItem(tr("%1 (not an option)").arg(crmValue), crmValue);
                    combo->setCurrentIndex(combo->count() - 1);
                }
            } else {
                m_table->item(line, 1)->setText(crmValue);
            }
            return;
        }
    }
    addLine(localValue, crmValue);
}

QMap<QString, QString> ValueMapDialog::valueMap() const {
    QMap<QString, QString> map;
    for (int line = 0; line < m_table->rowCount(); ++line) {
        const QString local = m_table->item(line, 0) ? m_table->item(line, 0)->text().trimmed() : QString();
        const QString crm = crmValueAt(line);
        if (!local.isEmpty() && !crm.isEmpty())
            map.insert(local, crm);
    }
    return map;
}

} // namespace syncdesk
