#pragma once

#include "core/sync/RunTypes.h"
#include "core/sync/SyncEngine.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace syncdesk {

class ChangesModel;
class RunProgressPanel;
class RunRecordsModel;
class SyncController;

// "Undo a run" with its own preview (PRODUCT.md): first shows what undo would do -- values put back
// where the CRM still holds what the run wrote, created records archived when unchanged since, the
// rest "changed since, left alone" -- then, on Undo, carries it out as a logged run with progress
// and Cancel. Modeless; object name "undoPreviewDialog".
class UndoPreviewDialog : public QDialog {
    Q_OBJECT

public:
    enum class State { Idle, Previewing, Ready, Failed, Running, Finished };

    UndoPreviewDialog(SyncController& controller, const RunInfo& run, QWidget* parent = nullptr);

    bool start(); // the preview (a dry-run undo)
    bool run();   // the undo itself
    State state() const { return m_state; }
    qint64 undoneRunId() const { return m_run.id; }
    qint64 previewRunId() const { return m_previewRunId; }
    qint64 undoRunId() const { return m_undoRunId; }
    RunRecordsModel* recordsModel() const { return m_records; }
    ChangesModel* changesModel() const { return m_changes; }
    const std::optional<RunOutcome>& outcome() const { return m_outcome; }
    bool selectRecord(int row);

signals:
    void stateChanged(syncdesk::UndoPreviewDialog::State state);
    void showRunRequested(qint64 runId);

protected:
    void done(int result) override;

private:
    void setState(State state);
    void onJobFinished(int ticket, const RunOutcome& outcome);
    void showPreview(qint64 previewRunId);
    void updateDetail();

    SyncController& m_controller;
    RunInfo m_run;
    State m_state = State::Idle;
    int m_ticket = 0;
    qint64 m_previewRunId = 0;
    qint64 m_undoRunId = 0;
    int m_writes = 0;
    std::optional<RunOutcome> m_outcome;

    RunRecordsModel* m_records = nullptr;
    ChangesModel* m_changes = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_summary = nullptr;
    QString m_planSummary; // the summary without "Nothing has been written yet."
    QTableView* m_recordsView = nullptr;
    QTableView* m_changesView = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    RunProgressPanel* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_undo = nullptr;
    QPushButton* m_showRun = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace syncdesk
