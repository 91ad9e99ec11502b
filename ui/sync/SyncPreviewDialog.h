#pragma once

#include "core/store/ConnectionStore.h"
#include "core/sync/SyncEngine.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace syncdesk {

class ChangesModel;
class MatchReportModel;
class PlanRecordsFilter;
class PlanRecordsModel;
class RunProgressPanel;
class SyncController;

// "Sync selected to <connection>" (PRODUCT.md "Plan, preview and run"): plans the sync of the
// ticked companies (nothing is written), shows the match report and every record's diff with its
// explanation, and on Run carries out exactly that plan with a progress bar, counts and Cancel.
// The result lands in the runs view and the connector log. Modeless; object name
// "syncPreviewDialog".
class SyncPreviewDialog : public QDialog {
    Q_OBJECT

public:
    enum class State { Idle, Planning, Ready, Failed, Running, Finished };

    SyncPreviewDialog(SyncController& controller, const QList<qint64>& companyIds,
                      const Connection& connection, QWidget* parent = nullptr);
    ~SyncPreviewDialog() override;

    // Plans the sync (the engine's thread). False when another job is running (the dialog says so).
    bool start();
    // Carries out the plan. False unless the plan is ready.
    bool run();
    void cancel();

    State state() const { return m_state; }
    qint64 runId() const { return m_runId; }
    const std::optional<SyncPlan>& plan() const { return m_plan; }
    const std::optional<RunOutcome>& outcome() const { return m_outcome; }
    const Connection& connection() const { return m_connection; }

    PlanRecordsModel* recordsModel() const { return m_records; }
    ChangesModel* changesModel() const { return m_changes; }
    MatchReportModel* reportModel() const { return m_report; }
    // Shows one record's diff and explanation (as selecting it in the list does).
    bool selectRecord(RecordObject object, qint64 localId);
    QString explanationText() const;

signals:
    void stateChanged(syncdesk::SyncPreviewDialog::State state);
    void showRunRequested(qint64 runId);
    void editMappingRequested(const QString& connectionUuid);

protected:
    void done(int result) override;

private:
    void setState(State state);
    void onJobFinished(int ticket, int job, const RunOutcome& outcome);
    void showPlan(const SyncPlan& plan);
    void showFailure(const RunOutcome& outcome);
    void showResult(const RunOutcome& outcome);
    void updateDetail();
    int writeCount() const; // records the plan writes

    SyncController& m_controller;
    QList<qint64> m_companyIds;
    Connection m_connection;
    State m_state = State::Idle;
    int m_ticket = 0;
    qint64 m_runId = 0;
    std::optional<SyncPlan> m_plan;
    std::optional<RunOutcome> m_outcome;

    MatchReportModel* m_report = nullptr;
    PlanRecordsModel* m_records = nullptr;
    PlanRecordsFilter* m_filter = nullptr;
    ChangesModel* m_changes = nullptr;

    QLabel* m_title = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_planningLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_editMapping = nullptr;
    QLabel* m_summary = nullptr;
    QString m_planSummary; // the summary without "Nothing has been written yet."
    QTableView* m_reportView = nullptr;
    QComboBox* m_recordFilter = nullptr;
    QTableView* m_recordsView = nullptr;
    QTableView* m_diffView = nullptr;
    QPlainTextEdit* m_explanation = nullptr;
    RunProgressPanel* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_showRun = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace syncdesk
