#include "ui/companies/ContactsPanel.h"

#include "ui/companies/ContactListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace syncdesk {

ContactsPanel::ContactsPanel(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_model(new ContactListModel(context, this)) {
    setObjectName(QStringLiteral("contactsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("contactsTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("companyDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setForegroundRole(QPalette::PlaceholderText);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("contactList"));
    m_table->setAccessibleName(tr("Contacts of the current company"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    // Header and one row at least (not Qt's 70 px): the window fits 800x436 logical px (200 %).
    m_table->setMinimumHeight((m_table->fontMetrics().height() + 8) * 2 + 2 * m_table->frameWidth());

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("contactsEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);

    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_stack, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactsPanel::updateState);
    updateState();
}

void ContactsPanel::setCompany(const std::optional<CompanyRow>& company) {
    m_company = company;
    m_model->setCompany(company ? company->id : 0);
    updateState();
}

void ContactsPanel::updateState() {
    if (!m_company) {
        m_title->setText(tr("Contacts"));
        m_details->clear();
        m_details->setVisible(false);
        m_empty->setText(tr("Select a company to see its contacts."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const int n = m_model->rowCount();
    m_title->setText(tr("Contacts of %1 (%n)", nullptr, n).arg(m_company->name));
    QStringList details;
    if (!m_company->website.isEmpty())
        details << m_company->website;
    if (!m_company->domainKey.isEmpty())
        details << tr("domain key %1").arg(m_company->domainKey);
    else
        details << tr("no domain key");
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_details->setVisible(true);
    if (!m_model->lastError().isEmpty()) {
        m_empty->setText(tr("The contacts could not be read: %1").arg(m_model->lastError()));
        m_stack->setCurrentWidget(m_empty);
    } else if (n == 0) {
        m_empty->setText(tr("%1 has no contacts in this workspace.").arg(m_company->name));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

} // namespace syncdesk
