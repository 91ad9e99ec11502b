#pragma once

#include "core/sync/RunTypes.h"
#include "ui/runs/UndoPreviewDialog.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace syncdesk {

class AppContext;
class ChangesModel;
class RunListModel;
class RunProgressPanel;
class RunRecordsModel;
class SyncController;

// The runs page (PRODUCT.md "runs history with per-record results and undo"): every run, newest
// first, with when, connection, kind, state and counts by outcome; the records of the selected run
// with their outcome, CRM id, error and what was written; Run/Resume for a planned, paused,
// cancelled, interrupted or failed run; Undo with its own preview; the run's log entries.
// Object name "runsPage".
class RunsView : public QWidget {
    Q_OBJECT

public:
    RunsView(AppContext& context, SyncController& controller, QWidget* parent = nullptr);

    RunListModel* runsModel() const { return m_runs; }
    RunRecordsModel* recordsModel() const { return m_records; }
    ChangesModel* changesModel() const { return m_changes; }
    QTableView* runsTable() const { return m_runsView; }
    QTableView* recordsTable() const { return m_recordsView; }
    QAction* action(const QString& objectName) const;

    void reload();
    bool selectRun(qint64 runId);
    qint64 currentRunId() const;
    bool selectRecord(int row);

    // Carries out / resumes the selected run.
    bool resumeCurrent();
    // Opens the undo preview of the selected run.
    UndoPreviewDialog* undoCurrent();
    UndoPreviewDialog* undoDialog() const { return m_undoDialog; }

signals:
    void showLogRequested(qint64 runId);

private:
    QAction* makeAction(const QString& name, const QString& text, const QKeySequence& keys,
                        const QString& tip);
    QToolButton* buttonFor(QAction* action);
    void loadRecords();
    void updateDetail();
    void updateActions();

    AppContext& m_context;
    SyncController& m_controller;
    RunListModel* m_runs = nullptr;
    RunRecordsModel* m_records = nullptr;
    ChangesModel* m_changes = nullptr;
    QTableView* m_runsView = nullptr;
    QTableView* m_recordsView = nullptr;
    QTableView* m_changesView = nullptr;
    QLabel* m_runSummary = nullptr;
    QPlainTextEdit* m_recordDetail = nullptr;
    QCheckBox* m_showPreviews = nullptr;
    RunProgressPanel* m_progress = nullptr;
    QList<QAction*> m_actions;
    QPointer<UndoPreviewDialog> m_undoDialog;
    int m_resumeTicket = 0;
};

} // namespace syncdesk
