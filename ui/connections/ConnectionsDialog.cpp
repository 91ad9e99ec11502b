#include "ui/connections/ConnectionsDialog.h"

#include "ui/common/AppContext.h"
#include "ui/common/MessageBox.h"
#include "ui/common/ScreenFit.h"
#include "ui/connections/ConnectionEditor.h"
#include "ui/connections/ConnectionListModel.h"
#include "ui/connections/ConnectionTester.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace syncdesk {

namespace {

QPushButton* makeButton(QWidget* parent, const QString& text, const char* objectName,
                        const QString& tip = {}) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(objectName));
    if (!tip.isEmpty())
        b->setToolTip(tip);
    return b;
}

QString modeLabel(const QString& value) {
    if (value == QLatin1String("create_update"))
        return ConnectionsDialog::tr("create & update");
    if (value == QLatin1String("update_only"))
        return ConnectionsDialog::tr("update only");
    if (value == QLatin1String("disabled"))
        return ConnectionsDialog::tr("disabled");
    return value;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_model(new ConnectionListModel(context, this))
    , m_tester(new ConnectionTester(context.secrets(), this)) {
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));
    auto* layout = new QVBoxLayout(this);
    auto* body = new QHBoxLayout;

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setAccessibleName(tr("Connections"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    body->addWidget(m_list, 1);

    auto* buttons = new QVBoxLayout;
    m_addHubSpot = makeButton(this, tr("Add &HubSpot…"), "addHubSpotButton",
                              tr("Connect a HubSpot account with a private app access token"));
    m_addSandbox = makeButton(this, tr("Add &Sandbox…"), "addSandboxButton",
                              tr("Connect a Sandbox CRM started with syncdesk-sandbox"));
    m_edit = makeButton(this, tr("&Edit…"), "editConnectionButton");
    m_remove = makeButton(this, tr("&Remove"), "removeConnectionButton");
    m_test = makeButton(this, tr("&Test"), "testConnectionButton",
                        tr("Check that the token is accepted and has the permissions SyncDesk needs"));
    m_activate =
        makeButton(this, tr("Make &active"), "activateConnectionButton", tr("Sync to this connection"));
    for (QPushButton* b : {m_addHubSpot, m_addSandbox, m_edit, m_remove, m_test, m_activate})
        buttons->addWidget(b);
    buttons->addStretch(1);
    body->addLayout(buttons);
    layout->addLayout(body, 1);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("connectionDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_details);

    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("connectionTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_testResult);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeConnectionsButton"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_addHubSpot, &QPushButton::clicked, this, &ConnectionsDialog::addHubSpot);
    connect(m_addSandbox, &QPushButton::clicked, this, &ConnectionsDialog::addSandbox);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionsDialog::editCurrent);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::removeCurrent);
    connect(m_test, &QPushButton::clicked, this, &ConnectionsDialog::testCurrent);
    connect(m_activate, &QPushButton::clicked, this, &ConnectionsDialog::activateCurrent);
    connect(m_list, &QListView::doubleClicked, this, &ConnectionsDialog::editCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_testResult->clear();
        updateButtons();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateButtons();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateButtons();
        updateDetails();
    });
    connect(m_tester, &ConnectionTester::finished, this,
            [this](const QString& uuid, const ConnectionTestResult& result) {
                const QString text = ConnectionTester::describe(result);
                if (uuid == currentUuid())
                    m_testResult->setText(text);
                updateButtons();
                emit testFinished(text);
            });

    selectConnection(m_context.activeConnectionUuid());
    updateButtons();
    updateDetails();
    resizeWithinScreen(this, QSize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 22));
}

ConnectionsDialog::~ConnectionsDialog() = default;

bool ConnectionsDialog::isTesting() const {
    return m_tester->isRunning();
}

void ConnectionsDialog::selectConnection(const QString& uuid) {
    int row = m_model->rowOf(uuid);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

QString ConnectionsDialog::currentUuid() const {
    return m_list->currentIndex().data(ConnectionListModel::UuidRole).toString();
}

void ConnectionsDialog::updateButtons() {
    const QModelIndex current = m_list->currentIndex();
    const bool has = current.isValid();
    const bool inProcess = current.data(ConnectionListModel::InProcessSandboxRole).toBool();
    const bool active = current.data(ConnectionListModel::ActiveRole).toBool();
    const bool workspace = m_context.workspace() != nullptr;
    m_addHubSpot->setEnabled(workspace);
    m_addSandbox->setEnabled(workspace);
    m_edit->setEnabled(has);
    m_remove->setEnabled(has && !inProcess);
    m_remove->setToolTip(inProcess ? tr("The built-in Sandbox connection cannot be removed") : QString());
    m_test->setEnabled(has && !m_tester->isRunning());
    m_activate->setEnabled(has && !active);
}

void ConnectionsDialog::updateDetails() {
    const std::optional<Connection> c = m_model->connectionAt(m_list->currentIndex().row());
    if (!c) {
        m_details->setText(m_model->rowCount() ? QString() : tr("No connections yet. Add one to sync."));
        return;
    }
    const bool inProcess = m_context.isInProcessSandbox(*c);
    QStringList lines;
    lines << ConnectionListModel::summary(*c, inProcess);
    lines << tr("Companies: %1 · contacts: %2 · match by %3")
                 .arg(modeLabel(c->companyMode), modeLabel(c->contactMode),
                      c->matchPolicy == QLatin1String("registrable") ? tr("root domain") : tr("host"));
    lines << (inProcess ? tr("Token: in memory only (new at every start).")
                        : tr("Token: in the %1.").arg(m_context.secrets().backendName()));
    m_details->setText(lines.join(u'\n'));
}

ConnectionEditor* ConnectionsDialog::openEditor(ConnectionEditor* editor) {
    if (m_editor)
        m_editor->close();
    m_editor = editor;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ConnectionEditor::saved, this, [this](const QString& uuid) { selectConnection(uuid); });
    editor->open();
    return editor;
}

ConnectionEditor* ConnectionsDialog::addHubSpot() {
    return openEditor(new ConnectionEditor(m_context, *m_model, CrmKind::HubSpot, this));
}

ConnectionEditor* ConnectionsDialog::addSandbox() {
    return openEditor(new ConnectionEditor(m_context, *m_model, CrmKind::Sandbox, this));
}

ConnectionEditor* ConnectionsDialog::editCurrent() {
    const std::optional<Connection> c = m_model->connectionAt(m_list->currentIndex().row());
    if (!c)
        return nullptr;
    return openEditor(new ConnectionEditor(m_context, *m_model, *c, this));
}

void ConnectionsDialog::removeCurrent() {
    const std::optional<Connection> c = m_model->connectionAt(m_list->currentIndex().row());
    if (!c)
        return;
    const auto answer = MessageBox::question(this, tr("Remove connection"),
                                             tr("Remove the connection \"%1\"? Its mappings are deleted and "
                                                "its token is removed from the keychain. "
                                                "Nothing changes on the CRM.")
                                                 .arg(c->name),
                                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString problem = m_model->remove(c->uuid);
    if (!problem.isEmpty())
        MessageBox::warning(this, tr("Remove connection"), problem);
    selectConnection(m_context.activeConnectionUuid());
}

void ConnectionsDialog::testCurrent() {
    const std::optional<Connection> c = m_model->connectionAt(m_list->currentIndex().row());
    if (!c || !m_tester->start(*c))
        return;
    m_testResult->setText(tr("Testing %1…").arg(c->name));
    updateButtons();
}

void ConnectionsDialog::activateCurrent() {
    const QString uuid = currentUuid();
    if (!uuid.isEmpty())
        m_context.setActiveConnection(uuid);
    updateButtons();
}

} // namespace syncdesk
