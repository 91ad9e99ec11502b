#pragma once

#include "core/log/ConnectorLogEntry.h"
#include "ui/log/LogEntryFilter.h"

#include <QDockWidget>
#include <QMap>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace syncdesk {

class ConnectorLog;
class ConnectorLogFilterModel;
class ConnectorLogModel;

// The live connector-log panel (PRODUCT.md "Connector log"): a dock with the newest entries as they
// happen, coloured by level, filtered by level, run, text and record, a detail pane for the current
// entry and CSV export. It follows the newest entry unless the person has scrolled up (then a
// "Follow newest" button brings it back).
//
// Fed by setLog() (the workspace's log: history and live entries) and addEntry() (any other source,
// e.g. SyncEngine::logEntry). Object name "connectorLogDock".
class ConnectorLogPanel : public QDockWidget {
    Q_OBJECT

public:
    explicit ConnectorLogPanel(QWidget* parent = nullptr, int capacity = 0);
    ~ConnectorLogPanel() override;

    // The workspace's connector log: its newest entries are loaded, new ones arrive through its
    // entryAdded() signal, and export reads from it. nullptr: no workspace (the panel empties).
    void setLog(ConnectorLog* log);
    // Reloads the history from the log.
    void reload();

    ConnectorLogModel* model() const { return m_model; }
    ConnectorLogFilterModel* filterModel() const { return m_filter; }
    QTableView* table() const { return m_table; }

    LogEntryFilter filter() const;
    void setFilter(const LogEntryFilter& filter);
    // Shows one run's entries (e.g. from the runs view).
    void showRun(qint64 runId);

    bool isFollowingNewest() const { return m_follow; }
    void setFollowingNewest(bool follow);

    // The entry shown in the detail pane, if any.
    const ConnectorLogEntry* currentEntry() const;

    // Writes the entries the current filter accepts (every stored one, not only the buffered ones) as
    // CSV. False with a translated reason.
    bool exportCsv(const QString& path, QString* error) const;
    QList<ConnectorLogEntry> filteredEntries() const;

public slots:
    void addEntry(const syncdesk::ConnectorLogEntry& entry);
    void exportWithDialog();
    // "Export connector log (CSV)…", Ctrl+Shift+E (window-wide).
    QAction* exportAction() const { return m_exportAction; }

private:
    QWidget* createFilterBar();
    QWidget* createDetailPane();
    void applyFilterFromControls();
    void updateRunChoices();
    void updateDetail();
    void updateCount();
    void scrollToNewest();

    ConnectorLogModel* m_model = nullptr;
    ConnectorLogFilterModel* m_filter = nullptr;
    QPointer<ConnectorLog> m_log;
    QMetaObject::Connection m_logConnection;

    QComboBox* m_level = nullptr;
    QComboBox* m_run = nullptr;
    QLineEdit* m_text = nullptr;
    QLineEdit* m_record = nullptr;
    QToolButton* m_followButton = nullptr;
    QPushButton* m_export = nullptr;
    QAction* m_exportAction = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QMap<QString, QLabel*> m_detail; // by field name
    QLabel* m_detailEmpty = nullptr;
    QWidget* m_detailForm = nullptr;

    bool m_follow = true;
    bool m_scrolling = false; // our own scroll: does not change m_follow
    bool m_updatingControls = false;
};

} // namespace syncdesk
