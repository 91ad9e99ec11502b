#pragma once

#include "core/store/ConnectionStore.h"
#include "ui/connections/ConnectionsDialog.h"

#include <QDockWidget>
#include <QKeySequence>
#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QThread;
class QToolBar;

namespace syncdesk {

class AppContext;
class CompanyListModel;
class CompanyListView;
class ElidingLabel;
class ContactsPanel;
class FilterBar;
class SandboxBadge;

// The one main window: the company filter/list view with the current company's contacts beside
// it, pages for the other views (mapping, runs: added by their owners through addPage()), the
// connector log as a dock (setLogDock()), and the "Sync selected to <connection>" action whose
// work is done by a handler (setSyncHandler()). See docs/desktop.md, "Embedding points".
// Every widget and action has an object name: tests drive the real window by them.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    AppContext& context() const { return m_context; }

    // ---- Embedding points -----------------------------------------------------------------
    // Adds a page (tab) after the existing ones; the page's objectName() names it. An empty
    // `shortcut` gets Ctrl+<position> (Companies is Ctrl+1). Returns the tab index.
    int addPage(QWidget* page, const QString& title, const QKeySequence& shortcut = {});
    void showPage(QWidget* page);
    bool showPage(const QString& objectName);
    QWidget* currentPage() const;
    QWidget* companiesPage() const { return m_companiesPage; }

    // The connector log dock: placed at the bottom, toggled by View > Connector log (Ctrl+L),
    // its place and size remembered with the window layout. The dock needs an objectName.
    void setLogDock(QDockWidget* dock);
    QDockWidget* logDock() const { return m_logDock; }

    // What "Sync selected to <connection>" does: called with the ticked company ids (ascending)
    // and the active connection. Without a handler the action stays disabled.
    using SyncHandler = std::function<void(const QList<qint64>& companyIds, const Connection& connection)>;
    void setSyncHandler(SyncHandler handler);
    QAction* syncSelectedAction() const { return m_syncSelected; }

    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* viewMenu() const { return m_viewMenu; }
    QMenu* syncMenu() const { return m_syncMenu; }
    QToolBar* mainToolBar() const { return m_toolBar; }

    // ---- The companies view ---------------------------------------------------------------
    CompanyListModel* companyModel() const { return m_model; }
    CompanyListView* companyList() const { return m_list; }
    FilterBar* filterBar() const { return m_filterBar; }
    ContactsPanel* contactsPanel() const { return m_contacts; }
    QList<qint64> selectedCompanyIds() const;
    // "12 of 1,000,000 · 3 selected"
    QString countsText() const;

    ConnectionsDialog* showConnections();
    ConnectionsDialog* connectionsDialog() const { return m_connectionsDialog; }

    // Imports a companies or contacts CSV file on a worker thread; the result is shown when done.
    bool importCsv(bool companies, const QString& path);
    bool isImporting() const { return m_importThread != nullptr; }

    void saveLayout();
    void restoreLayout();

signals:
    void importFinished(const QString& summary);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCompaniesPage();
    void createStatusBar();
    void updateCounts();
    void updateConnectionUi();
    void updateSyncAction();
    void updateWindowTitle();
    void onCurrentCompanyChanged();
    void triggerSync();
    void openWorkspace();
    void newWorkspace();
    void switchWorkspace(const QString& path);
    void setTheme(const QString& theme);
    void showAbout();

    AppContext& m_context;
    SyncHandler m_syncHandler;

    QTabWidget* m_tabs = nullptr;
    QWidget* m_companiesPage = nullptr;
    QSplitter* m_splitter = nullptr;
    FilterBar* m_filterBar = nullptr;
    CompanyListModel* m_model = nullptr;
    CompanyListView* m_list = nullptr;
    ContactsPanel* m_contacts = nullptr;
    QPointer<QDockWidget> m_logDock;
    QPointer<ConnectionsDialog> m_connectionsDialog;

    QToolBar* m_toolBar = nullptr;
    QComboBox* m_connectionCombo = nullptr;
    SandboxBadge* m_badge = nullptr;
    QAction* m_badgeAction = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_busy = nullptr;
    ElidingLabel* m_workspaceLabel = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_syncMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_pagesSeparator = nullptr; // page entries of the View menu end here

    QAction* m_openWorkspace = nullptr;
    QAction* m_newWorkspace = nullptr;
    QAction* m_importCompanies = nullptr;
    QAction* m_importContacts = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_find = nullptr;
    QAction* m_selectAll = nullptr;
    QAction* m_clearSelection = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_syncSelected = nullptr;
    QAction* m_connections = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QAction* m_about = nullptr;
    QList<QAction*> m_pageActions;

    QThread* m_importThread = nullptr;
};

} // namespace syncdesk
