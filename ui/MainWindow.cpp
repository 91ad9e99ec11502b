#include "ui/MainWindow.h"

#include "core/import/CsvImporter.h"
#include "core/store/Workspace.h"
#include "ui/AppSettings.h"
#include "ui/common/AppContext.h"
#include "ui/common/ElidingLabel.h"
#include "ui/common/FileDialog.h"
#include "ui/common/Icons.h"
#include "ui/common/MessageBox.h"
#include "ui/common/SandboxBadge.h"
#include "ui/common/ScreenFit.h"
#include "ui/common/Theme.h"
#include "ui/common/UiLogging.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/companies/CompanyListView.h"
#include "ui/companies/ContactsPanel.h"
#include "ui/companies/FilterBar.h"
#include "ui/connections/ConnectionsDialog.h"

// desktop-sync's views plug in here when they exist (docs/desktop.md, "Embedding points").
#if __has_include("ui/sync/DesktopSyncFeatures.h") && !defined(SYNCDESK_NO_DESKTOP_SYNC_FEATURES)
#include "ui/sync/DesktopSyncFeatures.h"
#define SYNCDESK_HAS_DESKTOP_SYNC_FEATURES 1
#endif

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdesk {

namespace {

QString number(qint64 n) {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(n);
}

QAction* makeAction(QObject* parent, const QString& text, const char* objectName,
                    const QKeySequence& shortcut = {}, const QString& tip = {}) {
    auto* a = new QAction(text, parent);
    a->setObjectName(QString::fromLatin1(objectName));
    if (!shortcut.isEmpty()) {
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WindowShortcut);
    }
    const QString plain = QString(text).remove(u'&').remove(QStringLiteral("…"));
    QString toolTip = tip.isEmpty() ? plain : tip;
    if (!shortcut.isEmpty())
        toolTip += QStringLiteral(" (") + shortcut.toString(QKeySequence::NativeText) + u')';
    a->setToolTip(toolTip);
    return a;
}

} // namespace

MainWindow::MainWindow(AppContext& context, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context) {
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    createActions();
    createCompaniesPage();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(&m_context, &AppContext::workspaceChanged, this, [this] {
        m_filterBar->setFields(m_model->fields());
        m_filterBar->clearAll();
        updateWindowTitle();
        onCurrentCompanyChanged();
    });
    connect(&m_context, &AppContext::connectionsChanged, this, &MainWindow::updateConnectionUi);
    connect(&m_context, &AppContext::activeConnectionChanged, this, &MainWindow::updateConnectionUi);

    m_filterBar->setFields(m_model->fields());
    updateWindowTitle();
    updateConnectionUi();
    updateCounts();

#ifdef SYNCDESK_HAS_DESKTOP_SYNC_FEATURES
    installDesktopSyncFeatures(*this);
#endif
    restoreLayout();
}

MainWindow::~MainWindow() {
    if (m_importThread) {
        m_importThread->wait();
        delete m_importThread;
    }
}

// ---- Construction ----------------------------------------------------------------------------

void MainWindow::createActions() {
    m_openWorkspace = makeAction(this, tr("&Open workspace…"), "openWorkspaceAction", QKeySequence::Open);
    m_newWorkspace = makeAction(this, tr("&New workspace…"), "newWorkspaceAction", QKeySequence::New);
    m_importCompanies = makeAction(this, tr("Import &companies (CSV)…"), "importCompaniesAction",
                                   QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importContacts = makeAction(this, tr("Import c&ontacts (CSV)…"), "importContactsAction",
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_quit = makeAction(this, tr("&Quit"), "quitAction", QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);

    m_find = makeAction(this, tr("&Find companies"), "findAction", QKeySequence::Find,
                        tr("Search name, website or domain"));
    m_selectAll = makeAction(this, tr("Select &all filtered"), "selectAllFilteredAction",
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                             tr("Tick every company that matches the filter"));
    m_clearSelection = makeAction(this, tr("C&lear selection"), "clearSelectionAction",
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), tr("Untick every company"));
    m_refresh = makeAction(this, tr("&Refresh list"), "refreshAction", QKeySequence::Refresh);

    m_syncSelected = makeAction(this, tr("&Sync selected"), "syncSelectedAction",
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                                tr("Preview and sync the ticked companies"));
    m_connections =
        makeAction(this, tr("&Connections…"), "connectionsAction", QKeySequence(Qt::CTRL | Qt::Key_K),
                   tr("Add, edit, test and choose connections"));
    m_syncSelected->setIcon(Icons::icon(Icons::Id::Sync));
    m_refresh->setIcon(Icons::icon(Icons::Id::Refresh));
    m_find->setIcon(Icons::icon(Icons::Id::Filter));
    m_connections->setIcon(Icons::icon(Icons::Id::Connections));
    m_about = makeAction(this, tr("&About SyncDesk"), "aboutAction");
    m_about->setMenuRole(QAction::AboutRole);

    m_themeGroup = new QActionGroup(this);
    m_themeGroup->setExclusive(true);
    for (const auto& [value, label, name] :
         {std::tuple{QStringLiteral("system"), tr("&System colours"), "themeSystemAction"},
          std::tuple{QStringLiteral("light"), tr("&Light"), "themeLightAction"},
          std::tuple{QStringLiteral("dark"), tr("&Dark"), "themeDarkAction"}}) {
        QAction* a = makeAction(this, label, name);
        a->setCheckable(true);
        a->setData(value);
        a->setChecked(value == Theme::current());
        m_themeGroup->addAction(a);
    }

    connect(m_openWorkspace, &QAction::triggered, this, &MainWindow::openWorkspace);
    connect(m_newWorkspace, &QAction::triggered, this, &MainWindow::newWorkspace);
    connect(m_importCompanies, &QAction::triggered, this, [this] {
        const QString path =
            FileDialog::openFile(this, tr("Import companies"), tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            importCsv(true, path);
    });
    connect(m_importContacts, &QAction::triggered, this, [this] {
        const QString path =
            FileDialog::openFile(this, tr("Import contacts"), tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            importCsv(false, path);
    });
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_syncSelected, &QAction::triggered, this, &MainWindow::triggerSync);
    connect(m_connections, &QAction::triggered, this, &MainWindow::showConnections);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_themeGroup, &QActionGroup::triggered, this,
            [this](QAction* a) { setTheme(a->data().toString()); });
    for (QAction* a : {m_openWorkspace, m_newWorkspace, m_importCompanies, m_importContacts, m_quit, m_find,
                       m_selectAll, m_clearSelection, m_refresh, m_syncSelected, m_connections})
        addAction(a); // shortcuts work whatever has focus, menus or not
}

void MainWindow::createCompaniesPage() {
    m_companiesPage = new QWidget(this);
    m_companiesPage->setObjectName(QStringLiteral("companiesPage"));
    auto* layout = new QVBoxLayout(m_companiesPage);

    m_filterBar = new FilterBar(m_companiesPage);
    layout->addWidget(m_filterBar);

    m_model = new CompanyListModel(m_context, this);
    m_list = new CompanyListView(m_companiesPage);
    m_list->setCompanyModel(m_model);

    m_contacts = new ContactsPanel(m_context, m_companiesPage);

    m_splitter = new QSplitter(Qt::Horizontal, m_companiesPage);
    m_splitter->setObjectName(QStringLiteral("companiesSplitter"));
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_contacts);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    const int index = m_tabs->addTab(m_companiesPage, tr("&Companies"));
    m_tabs->setTabToolTip(index, tr("Companies (Ctrl+1)"));

    connect(m_filterBar, &FilterBar::queryChanged, m_model, &CompanyListModel::setQuery);
    connect(m_model, &CompanyListModel::queryFailed, m_filterBar, &FilterBar::setError);
    connect(m_model, &CompanyListModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_model, &CompanyListModel::selectionChanged, this, &MainWindow::updateSyncAction);
    connect(m_model, &CompanyListModel::busyChanged, this, &MainWindow::updateCounts);
    connect(m_list, &CompanyListView::currentCompanyChanged, this, &MainWindow::onCurrentCompanyChanged);

    connect(m_find, &QAction::triggered, this, [this] {
        showPage(m_companiesPage);
        m_filterBar->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->searchEdit()->selectAll();
    });
    connect(m_selectAll, &QAction::triggered, m_model, &CompanyListModel::selectAllMatching);
    connect(m_clearSelection, &QAction::triggered, m_model, &CompanyListModel::clearSelection);
    connect(m_refresh, &QAction::triggered, m_model, &CompanyListModel::refresh);
    // Down from the search box goes to the list.
    connect(m_filterBar->searchEdit(), &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() > 0) {
            m_list->setFocus();
            if (!m_list->currentIndex().isValid())
                m_list->setCurrentIndex(m_model->index(0, 1));
        }
    });

    auto* pageAction =
        makeAction(this, tr("&Companies"), "companiesPageAction", QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(pageAction, &QAction::triggered, this, [this] { showPage(m_companiesPage); });
    addAction(pageAction);
    m_pageActions.append(pageAction);
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_openWorkspace);
    m_fileMenu->addAction(m_newWorkspace);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importCompanies);
    m_fileMenu->addAction(m_importContacts);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_find);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_selectAll);
    m_editMenu->addAction(m_clearSelection);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_pageActions.first());
    m_pagesSeparator = m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_refresh);
    QMenu* theme = m_viewMenu->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    theme->addActions(m_themeGroup->actions());

    m_syncMenu = menuBar()->addMenu(tr("&Sync"));
    m_syncMenu->setObjectName(QStringLiteral("syncMenu"));
    m_syncMenu->addAction(m_syncSelected);
    m_syncMenu->addSeparator();
    m_syncMenu->addAction(m_connections);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_about);
}

void MainWindow::createToolBar() {
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->toggleViewAction()->setObjectName(QStringLiteral("toggleMainToolBarAction"));
    // Icons beside the main action's text, icons alone for the others (their names are in the
    // tooltips and accessible names); text only when SVG icons cannot be drawn. What does not fit
    // the window's width goes behind the toolbar's extension button.
    const bool icons = Icons::available();
    m_toolBar->setToolButtonStyle(icons ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->addAction(m_syncSelected);
    m_toolBar->addAction(m_refresh);
    m_toolBar->addAction(m_find);
    m_toolBar->addSeparator();

    auto* label = new QLabel(tr("Connection:"), m_toolBar);
    label->setObjectName(QStringLiteral("activeConnectionLabel"));
    m_toolBar->addWidget(label);
    m_connectionCombo = new QComboBox(m_toolBar);
    m_connectionCombo->setObjectName(QStringLiteral("activeConnectionCombo"));
    m_connectionCombo->setAccessibleName(tr("Active connection"));
    m_connectionCombo->setToolTip(tr("The connection syncs go to"));
    m_connectionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_connectionCombo);
    m_toolBar->addWidget(m_connectionCombo);
    m_toolBar->addAction(m_connections);
    connect(m_connectionCombo, &QComboBox::activated, this, [this](int index) {
        m_context.setActiveConnection(m_connectionCombo->itemData(index).toString());
    });

    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_badge = new SandboxBadge(m_toolBar);
    m_badgeAction = m_toolBar->addWidget(m_badge);
    if (icons) {
        for (QAction* a : {m_refresh, m_find, m_connections}) {
            if (auto* button = qobject_cast<QToolButton*>(m_toolBar->widgetForAction(a)))
                button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
    }
}

void MainWindow::createStatusBar() {
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_counts->setAccessibleName(tr("Company counts"));
    m_busy = new QLabel(this);
    m_busy->setObjectName(QStringLiteral("busyLabel"));
    m_workspaceLabel = new ElidingLabel(this);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_counts);
    statusBar()->addWidget(m_busy);
    statusBar()->addPermanentWidget(m_workspaceLabel);
}

// ---- Embedding points ------------------------------------------------------------------------

int MainWindow::addPage(QWidget* page, const QString& title, const QKeySequence& shortcut) {
    const int index = m_tabs->addTab(page, title);
    const QKeySequence keys = !shortcut.isEmpty() ? shortcut
                              : index < 9
                                  ? QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + index)))
                                  : QKeySequence();
    const QString plain = QString(title).remove(u'&');
    m_tabs->setTabToolTip(
        index, keys.isEmpty() ? plain : tr("%1 (%2)").arg(plain, keys.toString(QKeySequence::NativeText)));
    auto* action = new QAction(title, this);
    action->setObjectName(page->objectName() + QStringLiteral("PageAction"));
    action->setShortcut(keys);
    connect(action, &QAction::triggered, this, [this, page = QPointer<QWidget>(page)] {
        if (page)
            showPage(page);
    });
    addAction(action);
    m_pageActions.append(action);
    m_viewMenu->insertAction(m_pagesSeparator, action);
    return index;
}

void MainWindow::showPage(QWidget* page) {
    const int index = m_tabs->indexOf(page);
    if (index >= 0)
        m_tabs->setCurrentIndex(index);
}

bool MainWindow::showPage(const QString& objectName) {
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == objectName) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QWidget* MainWindow::currentPage() const {
    return m_tabs->currentWidget();
}

void MainWindow::setLogDock(QDockWidget* dock) {
    if (m_logDock) {
        QAction* oldToggle = m_logDock->toggleViewAction();
        removeDockWidget(m_logDock);
        m_viewMenu->removeAction(oldToggle);
        removeAction(oldToggle);
        oldToggle->setShortcut(QKeySequence());
        oldToggle->setObjectName(QString());
    }
    m_logDock = dock;
    if (!dock)
        return;
    if (dock->objectName().isEmpty())
        dock->setObjectName(QStringLiteral("logDock"));
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->show(); // restoreLayout() may hide it again, as the person left it
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("toggleLogDockAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    toggle->setToolTip(tr("Show or hide the connector log (Ctrl+L)"));
    addAction(toggle);
    m_viewMenu->insertAction(m_refresh, toggle);
}

void MainWindow::setSyncHandler(SyncHandler handler) {
    m_syncHandler = std::move(handler);
    updateSyncAction();
}

QList<qint64> MainWindow::selectedCompanyIds() const {
    return m_model->selectedIds();
}

void MainWindow::triggerSync() {
    const QList<qint64> ids = selectedCompanyIds();
    const std::optional<Connection> connection = m_context.activeConnection();
    if (!m_syncHandler || ids.isEmpty() || !connection)
        return;
    m_syncHandler(ids, *connection);
}

// ---- State -----------------------------------------------------------------------------------

QString MainWindow::countsText() const {
    if (!m_context.workspace())
        return tr("No workspace open");
    const qint64 total = m_model->totalCount();
    const QString totalText = total >= 0 ? number(total) : QStringLiteral("…");
    QString matches;
    if (m_model->isLoading() && m_model->rowCount() == 0)
        matches = tr("Searching…");
    else
        matches = m_model->matchCountExact() ? number(m_model->matchCount())
                                             : tr("%1+").arg(number(m_model->matchCount()));
    return tr("%1 of %2 · %3 selected").arg(matches, totalText, number(m_model->selection().size()));
}

void MainWindow::updateCounts() {
    m_counts->setText(countsText());
    if (!isImporting())
        m_busy->setText(m_model->isLoading() ? tr("Searching…")
                        : m_model->isBusy()  ? tr("Selecting…")
                                             : QString());
    updateSyncAction();
}

void MainWindow::updateSyncAction() {
    const std::optional<Connection> connection = m_context.activeConnection();
    const qsizetype selected = m_model->selection().size();
    m_syncSelected->setText(connection ? tr("&Sync selected to %1").arg(connection->name)
                                       : tr("&Sync selected"));
    QString why;
    if (!m_syncHandler)
        why = tr("Syncing is not available in this build.");
    else if (!connection)
        why = tr("Choose a connection first (Sync > Connections).");
    else if (selected == 0)
        why = tr("Tick the companies to sync first.");
    m_syncSelected->setEnabled(why.isEmpty());
    m_syncSelected->setStatusTip(why);
    const QString base =
        connection
            ? tr("Preview and sync the %1 ticked companies to %2").arg(number(selected), connection->name)
            : tr("Preview and sync the ticked companies");
    m_syncSelected->setToolTip((why.isEmpty() ? base : why) + QStringLiteral(" (") +
                               m_syncSelected->shortcut().toString(QKeySequence::NativeText) + u')');
}

void MainWindow::updateConnectionUi() {
    const QSignalBlocker block(m_connectionCombo);
    m_connectionCombo->clear();
    if (Workspace* ws = m_context.workspace()) {
        for (const Connection& c : ConnectionStore(*ws).list())
            m_connectionCombo->addItem(tr("%1 (%2)").arg(c.name, crmKindLabel(c.kind())), c.uuid);
    }
    if (m_connectionCombo->count() == 0)
        m_connectionCombo->addItem(tr("No connection"), QString());
    const int current = m_connectionCombo->findData(m_context.activeConnectionUuid());
    m_connectionCombo->setCurrentIndex(std::max(0, current));
    const std::optional<Connection> active = m_context.activeConnection();
    m_badgeAction->setVisible(active && active->kind() == CrmKind::Sandbox);
    updateSyncAction();
}

void MainWindow::updateWindowTitle() {
    Workspace* ws = m_context.workspace();
    setWindowTitle(ws ? tr("%1 — SyncDesk").arg(QFileInfo(ws->path()).fileName()) : tr("SyncDesk"));
    m_workspaceLabel->setFullText(ws ? tr("Workspace: %1").arg(ws->path()) : QString());
    for (QAction* a : {m_importCompanies, m_importContacts, m_selectAll, m_clearSelection, m_refresh})
        a->setEnabled(ws != nullptr && !isImporting());
}

void MainWindow::onCurrentCompanyChanged() {
    const QModelIndex current = m_list->currentIndex();
    const CompanyRow* row = current.isValid() ? m_model->rowAt(current.row()) : nullptr;
    m_contacts->setCompany(row ? std::optional<CompanyRow>(*row) : std::nullopt);
}

// ---- Actions ---------------------------------------------------------------------------------

ConnectionsDialog* MainWindow::showConnections() {
    if (!m_connectionsDialog) {
        m_connectionsDialog = new ConnectionsDialog(m_context, this);
        m_connectionsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_connectionsDialog->show();
    m_connectionsDialog->raise();
    m_connectionsDialog->activateWindow();
    return m_connectionsDialog;
}

void MainWindow::openWorkspace() {
    const QString path = FileDialog::openFile(this, tr("Open workspace"),
                                              tr("SyncDesk workspaces (*.sqlite *.syncdesk);;All files (*)"));
    if (!path.isEmpty())
        switchWorkspace(path);
}

void MainWindow::newWorkspace() {
    const QString path =
        FileDialog::saveFile(this, tr("New workspace"), tr("SyncDesk workspaces (*.sqlite *.syncdesk)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        MessageBox::warning(this, tr("New workspace"),
                            tr("%1 already exists. Choose Open workspace to open it.").arg(path));
        return;
    }
    switchWorkspace(path);
}

void MainWindow::switchWorkspace(const QString& path) {
    if (isImporting())
        return;
    saveLayout();
    QString error;
    if (!m_context.openWorkspace(path, false, &error))
        MessageBox::critical(this, tr("Open workspace"), error);
}

bool MainWindow::importCsv(bool companies, const QString& path) {
    Workspace* ws = m_context.workspace();
    if (!ws || m_importThread)
        return false;
    const RecordObject object = companies ? RecordObject::Company : RecordObject::Contact;
    auto result = std::make_shared<ImportResult>();
    m_importThread = QThread::create([ws, object, path, result] {
        *result = CsvImporter(*ws).importFile(object, path);
        ws->releaseThreadConnection();
    });
    m_importThread->setObjectName(QStringLiteral("CsvImport"));
    m_busy->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    updateWindowTitle();
    m_openWorkspace->setEnabled(false);
    m_newWorkspace->setEnabled(false);
    connect(m_importThread, &QThread::finished, this, [this, result, path, companies] {
        m_importThread->deleteLater();
        m_importThread = nullptr;
        m_busy->clear();
        m_openWorkspace->setEnabled(true);
        m_newWorkspace->setEnabled(true);
        updateWindowTitle();
        const QString file = QFileInfo(path).fileName();
        QString summary;
        if (!result->completed) {
            summary = tr("Nothing was imported from %1: %2").arg(file, result->fatalError);
        } else {
            summary = (companies ? tr("Companies from %1: %2 created, %3 updated, %4 unchanged, %5 skipped.")
                                 : tr("Contacts from %1: %2 created, %3 updated, %4 unchanged, %5 skipped."))
                          .arg(file, number(result->created), number(result->updated),
                               number(result->unchanged), number(result->skipped));
            QStringList problems;
            for (const ImportIssue& issue : std::as_const(result->errors)) {
                if (problems.size() == 10) {
                    problems << tr("… and %1 more.").arg(number(result->errors.size() - 10));
                    break;
                }
                problems << issue.toString();
            }
            if (!problems.isEmpty())
                summary += u'\n' + tr("Rows not imported:") + u'\n' + problems.join(u'\n');
            m_context.notifyCompaniesChanged();
        }
        statusBar()->showMessage(summary.section(u'\n', 0, 0), 10000);
        emit importFinished(summary);
        if (!result->completed || result->hasRejectedRows())
            MessageBox::warning(this, tr("Import"), summary);
        else
            MessageBox::information(this, tr("Import"), summary);
    });
    m_importThread->start();
    return true;
}

void MainWindow::setTheme(const QString& theme) {
    Theme::apply(theme);
    m_context.settings().setTheme(theme);
}

void MainWindow::showAbout() {
    MessageBox::information(this, tr("About SyncDesk"),
                            tr("SyncDesk %1\nKeep the companies and contacts of a workspace in step with "
                               "HubSpot, Salesforce or the built-in Sandbox CRM.")
                                .arg(QCoreApplication::applicationVersion()));
}

// ---- Layout ----------------------------------------------------------------------------------

void MainWindow::saveLayout() {
    AppSettings& settings = m_context.settings();
    settings.setWindowLayout(saveGeometry(), saveState());
    settings.setLayoutState(QStringLiteral("companiesSplitter"), m_splitter->saveState());
    settings.setLayoutState(QStringLiteral("companyListHeader"), m_list->horizontalHeader()->saveState());
    settings.sync();
}

void MainWindow::restoreLayout() {
    AppSettings& settings = m_context.settings();
    if (!restoreGeometry(settings.windowGeometry()))
        resizeWithinScreen(this, QSize(1280, 800));
    if (!restoreState(settings.windowState()) && m_logDock) {
        // First start: the list gets most of the height, the log a quarter.
        resizeDocks({m_logDock}, {std::max(fontMetrics().height() * 8, height() / 4)}, Qt::Vertical);
    }
    m_splitter->restoreState(settings.layoutState(QStringLiteral("companiesSplitter")));
    const QByteArray header = settings.layoutState(QStringLiteral("companyListHeader"));
    if (!header.isEmpty())
        m_list->horizontalHeader()->restoreState(header);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // Below about 150 characters of width (e.g. 1600x1000 at 200 %) the badge takes its short text.
    m_badge->setCompact(width() < fontMetrics().averageCharWidth() * 150);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_importThread) {
        statusBar()->showMessage(tr("Waiting for the import to finish…"));
        m_importThread->wait();
    }
    saveLayout();
    if (m_connectionsDialog)
        m_connectionsDialog->close();
    QMainWindow::closeEvent(event);
}

} // namespace syncdesk
