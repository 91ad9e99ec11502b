#include "ui/connections/ConnectionEditor.h"

#include "core/connectors/hubspot/HubSpotConnector.h"
#include "ui/common/AppContext.h"
#include "ui/common/Theme.h"
#include "ui/connections/ConnectionListModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace syncdesk {

namespace {

QComboBox* makeCombo(QWidget* parent, const char* objectName, const QString& accessibleName,
                     const QList<std::pair<QString, QString>>& items) {
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(objectName));
    combo->setAccessibleName(accessibleName);
    for (const auto& [value, label] : items)
        combo->addItem(label, value);
    return combo;
}

void selectValue(QComboBox* combo, const QString& value) {
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

} // namespace

ConnectionEditor::ConnectionEditor(AppContext& context, ConnectionListModel& model, CrmKind kind,
                                   QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_model(model)
    , m_connection(Connection::make(QString(), kind))
    , m_isNew(true) {
    build();
    load();
}

ConnectionEditor::ConnectionEditor(AppContext& context, ConnectionListModel& model,
                                   const Connection& connection, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_model(model)
    , m_connection(connection)
    , m_inProcessSandbox(context.isInProcessSandbox(connection)) {
    build();
    load();
}

void ConnectionEditor::build() {
    setObjectName(QStringLiteral("connectionEditor"));
    setWindowTitle(m_isNew ? tr("Add %1 connection").arg(crmKindLabel(m_connection.kind()))
                           : tr("Edit connection %1").arg(m_connection.name));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("connectionNameEdit"));
    m_name->setAccessibleName(tr("Connection name"));
    form->addRow(tr("&Name:"), m_name);

    m_type = new QLabel(crmKindLabel(m_connection.kind()), this);
    m_type->setObjectName(QStringLiteral("connectionTypeLabel"));
    form->addRow(tr("Type:"), m_type);

    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("connectionBaseUrlEdit"));
    m_baseUrl->setAccessibleName(tr("API base URL"));
    if (m_connection.kind() == CrmKind::HubSpot)
        m_baseUrl->setPlaceholderText(tr("%1 (default)").arg(HubSpotConnector::DefaultBaseUrl));
    else
        m_baseUrl->setPlaceholderText(tr("http://127.0.0.1:PORT (printed by syncdesk-sandbox)"));
    form->addRow(tr("API &base URL:"), m_baseUrl);

    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("connectionTokenEdit"));
    m_token->setAccessibleName(tr("Access token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(m_isNew ? tr("Private app access token")
                                        : tr("Leave empty to keep the stored token"));
    form->addRow(tr("Access &token:"), m_token);

    m_tokenNote = new QLabel(this);
    m_tokenNote->setObjectName(QStringLiteral("connectionTokenNote"));
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_tokenNote);

    m_policy = makeCombo(this, "matchPolicyCombo", tr("Domain matching"),
                         {{QStringLiteral("host"), tr("Host (us.test.com and test.com differ)")},
                          {QStringLiteral("registrable"), tr("Root domain (us.test.com matches test.com)")}});
    form->addRow(tr("Match &companies by:"), m_policy);
    m_companyMode = makeCombo(this, "companyModeCombo", tr("Company sync mode"),
                              {{QStringLiteral("create_update"), tr("Create & update")},
                               {QStringLiteral("update_only"), tr("Update only")}});
    form->addRow(tr("Com&panies:"), m_companyMode);
    m_contactMode = makeCombo(this, "contactModeCombo", tr("Contact sync mode"),
                              {{QStringLiteral("create_update"), tr("Create & update")},
                               {QStringLiteral("update_only"), tr("Update only")},
                               {QStringLiteral("disabled"), tr("Disabled")}});
    form->addRow(tr("C&ontacts:"), m_contactMode);
    m_ambiguous = makeCombo(this, "ambiguousCombo", tr("Ambiguous matches"),
                            {{QStringLiteral("skip"), tr("Skip and list the candidates")},
                             {QStringLiteral("update_oldest"), tr("Update the oldest CRM record")}});
    form->addRow(tr("&Ambiguous matches:"), m_ambiguous);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("connectionEditorError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    Theme::keepTone(m_error, Theme::Tone::Error);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveConnectionButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelConnectionButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

void ConnectionEditor::load() {
    m_name->setText(m_connection.name);
    m_baseUrl->setText(m_connection.baseUrl);
    selectValue(m_policy, m_connection.matchPolicy);
    selectValue(m_companyMode, m_connection.companyMode);
    selectValue(m_contactMode, m_connection.contactMode);
    selectValue(m_ambiguous, m_connection.ambiguous);
    if (m_inProcessSandbox) {
        m_baseUrl->setReadOnly(true);
        m_token->setVisible(false);
        m_tokenNote->setText(
            tr("Managed by SyncDesk: this Sandbox CRM runs inside the app on 127.0.0.1, with a "
               "new token at every start that is kept in memory only."));
    } else {
        QString note = tr("Stored in the %1, never in the workspace or settings.")
                           .arg(m_context.secrets().backendName());
        if (m_connection.kind() == CrmKind::HubSpot)
            note = tr("In HubSpot: Settings › Integrations › Private Apps, create an app with the CRM "
                      "companies, contacts and schemas scopes, and paste its access token.") +
                   u' ' + note;
        m_tokenNote->setText(note);
    }
}

QString ConnectionEditor::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

Connection ConnectionEditor::edited() const {
    Connection c = m_connection;
    c.name = m_name->text().trimmed();
    if (!m_inProcessSandbox)
        c.baseUrl = m_baseUrl->text().trimmed();
    c.matchPolicy = m_policy->currentData().toString();
    c.companyMode = m_companyMode->currentData().toString();
    c.contactMode = m_contactMode->currentData().toString();
    c.ambiguous = m_ambiguous->currentData().toString();
    return c;
}

bool ConnectionEditor::save() {
    const Connection c = edited();
    const QString problem = m_isNew ? m_model.add(c, m_token->text()) : m_model.update(c, m_token->text());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->setVisible(true);
        return false;
    }
    m_token->clear();
    m_error->setVisible(false);
    emit saved(c.uuid);
    accept();
    return true;
}

} // namespace syncdesk
