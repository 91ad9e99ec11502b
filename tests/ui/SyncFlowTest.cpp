// The sync flow against the in-process Sandbox CRM: "Sync selected to <connection>" opens the
// preview (match report, per-record diffs and explanations, nothing written), Run carries it out
// with progress and Cancel while the window stays responsive, the result lands in the runs view
// and the log; a cancelled run resumes from the runs view; a run is undone with its own preview.
#include "UiTestSupport.h"

#include "core/sandbox/FaultInjector.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/store/CompanyStore.h"
#include "core/store/MappingStore.h"
#include "core/store/Workspace.h"
#include "core/sync/RunJournal.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/log/ConnectorLogModel.h"
#include "ui/log/ConnectorLogPanel.h"
#include "ui/mapping/MappingEditor.h"
#include "ui/runs/RunModels.h"
#include "ui/runs/RunsView.h"
#include "ui/runs/UndoPreviewDialog.h"
#include "ui/sync/ChangesModel.h"
#include "ui/sync/PlanModels.h"
#include "ui/sync/RunProgressPanel.h"
#include "ui/sync/SyncController.h"
#include "ui/sync/SyncPreviewDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

constexpr int Slow = 60000; // generous: CI machines are shared

class SyncFlowTest : public UiTest {
protected:
    // The first ten sample companies: matches with differences, a duplicate in the workspace, new ones.
    QList<qint64> firstTen() const {
        QList<qint64> ids;
        CompanyStore store(*context->workspace());
        for (int i = 1; i <= 10; ++i) {
            const std::optional<Company> c =
                store.findByExternalId(QStringLiteral("C%1").arg(i, 4, 10, QLatin1Char('0')));
            EXPECT_TRUE(c.has_value());
            if (c)
                ids.append(c->id);
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    qint64 idOf(const char* externalId) const {
        return CompanyStore(*context->workspace()).findByExternalId(QString::fromLatin1(externalId))->id;
    }
    // Write requests the Sandbox CRM has answered.
    int writesAnswered() const {
        int n = 0;
        for (const sandbox::RequestLogEntry& e : context->sandbox()->requestLog().entries()) {
            const bool batchWrite =
                e.method == u"POST" && (e.path.endsWith(QStringLiteral("/batch/create")) ||
                                        e.path.endsWith(QStringLiteral("/batch/update")) ||
                                        e.path.endsWith(QStringLiteral("/batch/upsert")) ||
                                        e.path.endsWith(QStringLiteral("/batch/archive")));
            n += batchWrite || e.method == u"PATCH" || e.method == u"PUT" ? 1 : 0;
        }
        return n;
    }
    SyncPreviewDialog* openPreview(const QList<qint64>& ids) {
        window->companyModel()->setSelectedIds(ids);
        EXPECT_TRUE(waitFor([&] { return window->syncSelectedAction()->isEnabled(); }));
        window->syncSelectedAction()->trigger();
        auto* dialog = find<SyncPreviewDialog>(QStringLiteral("syncPreviewDialog"));
        if (!dialog)
            return nullptr;
        EXPECT_TRUE(waitFor([&] { return dialog->state() != SyncPreviewDialog::State::Planning; }, Slow));
        return dialog;
    }
    SyncPreviewDialog* runToEnd(const QList<qint64>& ids) {
        SyncPreviewDialog* dialog = openPreview(ids);
        if (!dialog || dialog->state() != SyncPreviewDialog::State::Ready)
            return nullptr;
        find<QPushButton>(QStringLiteral("syncRunButton"))->click();
        EXPECT_TRUE(waitFor([&] { return dialog->state() == SyncPreviewDialog::State::Finished; }, Slow));
        return dialog;
    }
    SyncController* controller() const {
        return window->findChild<SyncController*>(QStringLiteral("syncController"));
    }
};

} // namespace

TEST_F(SyncFlowTest, ThePreviewShowsTheMatchReportAndDiffsAndWritesNothing) {
    const int writesBefore = writesAnswered();
    SyncPreviewDialog* dialog = openPreview(firstTen());
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->state(), SyncPreviewDialog::State::Ready)
        << str(find<QLabel>(QStringLiteral("syncErrorLabel"))->text());
    ASSERT_TRUE(dialog->plan().has_value());
    const SyncPlan& plan = *dialog->plan();
    const MatchReport report = plan.report();
    EXPECT_EQ(report.companyTotal, 10);
    EXPECT_GE(report.count(RecordObject::Company, PlanAction::Create), 1);
    EXPECT_GE(report.count(RecordObject::Company, PlanAction::Update), 1);
    EXPECT_GE(report.count(RecordObject::Company, PlanAction::Duplicate), 1); // C0002 repeats C0001

    // The report table shows the plan's counts and percentages.
    MatchReportModel* reportModel = dialog->reportModel();
    for (int row = 0; row < reportModel->rowCount(); ++row) {
        const auto action =
            static_cast<PlanAction>(reportModel->index(row, 0).data(MatchReportModel::ActionRole).toInt());
        EXPECT_EQ(reportModel->index(row, MatchReportModel::CompaniesColumn)
                      .data(MatchReportModel::CountRole)
                      .toInt(),
                  report.count(RecordObject::Company, action));
        EXPECT_EQ(reportModel->index(row, MatchReportModel::ContactsColumn)
                      .data(MatchReportModel::CountRole)
                      .toInt(),
                  report.count(RecordObject::Contact, action));
    }
    const int createRow = static_cast<int>(PlanAction::Create);
    EXPECT_TRUE(
        reportModel->index(createRow, MatchReportModel::CompaniesColumn).data().toString().contains(u'%'));
    EXPECT_EQ(dialog->recordsModel()->rowCount(), plan.companies.size() + plan.contacts.size());

    // Quillmoor matches quillmoor.co.uk in the CRM: its diff and the explanation.
    ASSERT_TRUE(dialog->selectRecord(RecordObject::Company, idOf("C0001")));
    const RecordPlan* quillmoor = plan.company(idOf("C0001"));
    ASSERT_NE(quillmoor, nullptr);
    EXPECT_EQ(quillmoor->action, PlanAction::Update);
    ASSERT_EQ(dialog->changesModel()->rowCount(), quillmoor->changes.size());
    ASSERT_GT(dialog->changesModel()->rowCount(), 0);
    const PropertyChange& first = quillmoor->changes.first();
    EXPECT_EQ(dialog->changesModel()->index(0, ChangesModel::PropertyColumn).data().toString(),
              first.property);
    EXPECT_EQ(dialog->changesModel()->index(0, ChangesModel::AfterColumn).data().toString(),
              first.after.isEmpty() ? QStringLiteral("(empty)") : first.after);
    EXPECT_EQ(dialog->changesModel()->index(0, ChangesModel::StrategyColumn).data().toString(),
              ChangesModel::strategyLabel(changeStrategyName(first.strategy)));
    const QString why = find<QPlainTextEdit>(QStringLiteral("syncExplanation"))->toPlainText();
    EXPECT_TRUE(why.contains(QStringLiteral("Key: quillmoor.co.uk"))) << str(why);
    EXPECT_TRUE(why.contains(quillmoor->crmId)) << str(why); // the candidate
    EXPECT_TRUE(why.contains(QStringLiteral("https://www.quillmoor.co.uk/about")))
        << str(why); // the raw value

    // The duplicate says which record it repeats.
    ASSERT_TRUE(dialog->selectRecord(RecordObject::Company, idOf("C0002")));
    EXPECT_TRUE(dialog->explanationText().contains(QString::number(idOf("C0001"))))
        << str(dialog->explanationText());

    // Nothing was written; the run waits in the journal as planned.
    EXPECT_EQ(writesAnswered(), writesBefore);
    const std::optional<RunInfo> run = RunJournal(*context->workspace()).run(dialog->runId());
    ASSERT_TRUE(run.has_value());
    EXPECT_EQ(run->state, RunState::Planned);
    EXPECT_TRUE(find<QPushButton>(QStringLiteral("syncRunButton"))->isEnabled());

    // A preview that was never run is not history: the runs view shows it only when asked to.
    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    auto* showPreviews = find<QCheckBox>(QStringLiteral("runsShowPreviewsCheck"));
    showPreviews->setChecked(false);
    runs->reload();
    EXPECT_EQ(runs->runsModel()->rowOf(dialog->runId()), -1);
    showPreviews->setChecked(true);
    EXPECT_GE(runs->runsModel()->rowOf(dialog->runId()), 0);
    showPreviews->setChecked(false);
}

TEST_F(SyncFlowTest, RunShowsProgressKeepsTheWindowResponsiveAndLandsInRunsAndLog) {
    SyncPreviewDialog* dialog = openPreview(firstTen());
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->state(), SyncPreviewDialog::State::Ready);
    const qint64 runId = dialog->runId();
    const int writesBefore = writesAnswered();

    // Every write takes a second on the CRM's side: the UI thread must keep serving events meanwhile
    // (a blocked UI thread would show a gap of a second or more).
    sandbox::FaultRule slow;
    slow.kind = sandbox::FaultRule::Kind::Slow;
    slow.delayMs = 1000;
    slow.methods = {QStringLiteral("POST")};
    slow.path = QStringLiteral("*/batch/*");
    context->sandbox()->addFault(slow);

    find<QPushButton>(QStringLiteral("syncRunButton"))->click();
    EXPECT_EQ(dialog->state(), SyncPreviewDialog::State::Running);
    EXPECT_TRUE(dialog->findChild<RunProgressPanel*>(QStringLiteral("runProgressPanel"))->isVisible());
    QElapsedTimer sinceLast;
    sinceLast.start();
    qint64 longestGap = 0;
    int progressMax = 0;
    auto* bar = dialog->findChild<QProgressBar*>(QStringLiteral("runProgressBar"));
    ASSERT_TRUE(waitFor(
        [&] {
            longestGap = std::max(longestGap, sinceLast.restart());
            progressMax = std::max(progressMax, bar->maximum());
            return dialog->state() == SyncPreviewDialog::State::Finished;
        },
        Slow));
    EXPECT_LT(longestGap, 500) << "the UI thread was blocked for " << longestGap << " ms";
    EXPECT_GT(progressMax, 0);

    ASSERT_TRUE(dialog->outcome().has_value());
    const RunOutcome& outcome = *dialog->outcome();
    EXPECT_EQ(outcome.state, RunState::Completed) << str(outcome.message);
    ASSERT_TRUE(outcome.outcomes.has_value());
    EXPECT_GE(outcome.outcomes->companies.count(RecordOutcome::Created), 1);
    EXPECT_GE(outcome.outcomes->companies.count(RecordOutcome::Updated), 1);
    EXPECT_EQ(outcome.outcomes->failed(), 0);
    EXPECT_GT(writesAnswered(), writesBefore);
    EXPECT_TRUE(find<QLabel>(QStringLiteral("syncResultLabel"))->text().contains(QString::number(runId)));

    // The log got the run's entries live.
    auto* log = find<ConnectorLogPanel>(QStringLiteral("connectorLogDock"));
    int runEntries = 0;
    for (const ConnectorLogEntry& e : log->model()->entries())
        runEntries += e.runId == runId ? 1 : 0;
    EXPECT_GT(runEntries, 0);

    // "Show in Runs": the runs page with this run and its records.
    find<QPushButton>(QStringLiteral("syncShowRunButton"))->click();
    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    EXPECT_EQ(window->currentPage(), runs);
    EXPECT_EQ(runs->currentRunId(), runId);
    const RunListModel::Line* line = runs->runsModel()->line(runs->runsModel()->rowOf(runId));
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->run.state, RunState::Completed);
    EXPECT_EQ(line->run.connectionName, context->sandboxConnection()->name);
    const QString results = runs->runsModel()
                                ->index(runs->runsModel()->rowOf(runId), RunListModel::ResultsColumn)
                                .data()
                                .toString();
    EXPECT_TRUE(results.contains(recordOutcomeLabel(RecordOutcome::Created).toLower())) << str(results);
    const int records = runs->recordsModel()->rowCount();
    EXPECT_EQ(records, dialog->plan()->companies.size() + dialog->plan()->contacts.size());
    bool sawCreated = false;
    for (int row = 0; row < records; ++row) {
        const JournalRecord* r = runs->recordsModel()->record(row);
        if (r->outcome == RecordOutcome::Created) {
            sawCreated = true;
            EXPECT_FALSE(r->crmId.isEmpty());
            ASSERT_TRUE(runs->selectRecord(row));
            EXPECT_EQ(runs->changesModel()->rowCount(), r->changes.size());
            break;
        }
    }
    EXPECT_TRUE(sawCreated);
}

TEST_F(SyncFlowTest, CancelStopsAfterTheRequestInFlightAndTheRunResumesFromTheRunsView) {
    SyncPreviewDialog* dialog = openPreview(firstTen());
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->state(), SyncPreviewDialog::State::Ready);
    const qint64 runId = dialog->runId();

    sandbox::FaultRule slow;
    slow.kind = sandbox::FaultRule::Kind::Slow;
    slow.delayMs = 1500;
    slow.methods = {QStringLiteral("POST")};
    slow.path = QStringLiteral("*/batch/*");
    const int fault = context->sandbox()->addFault(slow);

    find<QPushButton>(QStringLiteral("syncRunButton"))->click();
    QTest::qWait(300);
    auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("runCancelButton"));
    ASSERT_TRUE(cancel->isEnabled());
    cancel->click();
    EXPECT_FALSE(cancel->isEnabled());
    ASSERT_TRUE(waitFor([&] { return dialog->state() == SyncPreviewDialog::State::Finished; }, Slow));
    ASSERT_TRUE(dialog->outcome().has_value());
    EXPECT_EQ(dialog->outcome()->state, RunState::Cancelled) << str(dialog->outcome()->message);
    ASSERT_TRUE(dialog->outcome()->outcomes.has_value());
    EXPECT_GT(dialog->outcome()->outcomes->pending(), 0);
    EXPECT_LE(writesAnswered(), 1); // the request in flight, nothing after it

    // Resume from the runs view: finished writes are not repeated.
    context->sandbox()->removeFault(fault);
    dialog->close();
    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    window->showPage(runs);
    runs->reload();
    ASSERT_TRUE(runs->selectRun(runId));
    QAction* resume = runs->action(QStringLiteral("runsResumeAction"));
    ASSERT_TRUE(resume->isEnabled());
    resume->trigger();
    EXPECT_TRUE(controller()->isBusy());
    ASSERT_TRUE(waitFor([&] { return !controller()->isBusy(); }, Slow));
    const std::optional<RunInfo> run = RunJournal(*context->workspace()).run(runId);
    ASSERT_TRUE(run.has_value());
    EXPECT_EQ(run->state, RunState::Completed) << str(run->message);
    const std::optional<OutcomeCounts> counts = RunJournal(*context->workspace()).outcomeCounts(runId);
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(counts->pending(), 0);
    EXPECT_EQ(runs->currentRunId(), runId);
    EXPECT_FALSE(resume->isEnabled());
}

TEST_F(SyncFlowTest, UndoShowsItsOwnPreviewThenPutsValuesBack) {
    SyncPreviewDialog* dialog = runToEnd(firstTen());
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->outcome()->state, RunState::Completed);
    const qint64 runId = dialog->runId();
    dialog->close();

    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    window->showPage(runs);
    runs->reload();
    ASSERT_TRUE(runs->selectRun(runId));
    QAction* undo = runs->action(QStringLiteral("runsUndoAction"));
    ASSERT_TRUE(undo->isEnabled());
    const int writesBefore = writesAnswered();
    undo->trigger();
    UndoPreviewDialog* preview = runs->undoDialog();
    ASSERT_NE(preview, nullptr);
    ASSERT_TRUE(waitFor([&] { return preview->state() != UndoPreviewDialog::State::Previewing; }, Slow));
    ASSERT_EQ(preview->state(), UndoPreviewDialog::State::Ready)
        << str(find<QLabel>(QStringLiteral("undoMessageLabel"))->text());
    EXPECT_EQ(writesAnswered(), writesBefore); // a preview writes nothing

    int restore = 0, archive = 0;
    int restoreRow = -1;
    for (int row = 0; row < preview->recordsModel()->rowCount(); ++row) {
        const JournalRecord* r = preview->recordsModel()->record(row);
        if (r->action == restoreActionName()) {
            ++restore;
            restoreRow = restoreRow < 0 ? row : restoreRow;
        }
        archive += r->action == archiveActionName() ? 1 : 0;
    }
    EXPECT_GE(restore, 1);
    EXPECT_GE(archive, 1);
    EXPECT_FALSE(find<QLabel>(QStringLiteral("undoSummaryLabel"))->text().isEmpty());
    EXPECT_TRUE(
        find<QLabel>(QStringLiteral("undoSummaryLabel"))->text().contains(u"Nothing has been written yet"));
    ASSERT_TRUE(preview->selectRecord(restoreRow));
    ASSERT_GT(preview->changesModel()->rowCount(), 0);
    // What the run wrote is what the CRM holds now; the value before the run comes back.
    const JournalRecord* restored = preview->recordsModel()->record(restoreRow);
    const ChangeLine& change = preview->changesModel()->changes().first();
    bool found = false;
    for (int row = 0; row < runs->recordsModel()->rowCount(); ++row) {
        const JournalRecord* original = runs->recordsModel()->record(row);
        if (original->localId != restored->localId || original->object != restored->object)
            continue;
        for (const JournalChange& c : original->changes) {
            if (c.property == change.property) {
                EXPECT_EQ(change.before, c.after);
                EXPECT_EQ(change.after, c.before);
                found = true;
            }
        }
    }
    EXPECT_TRUE(found);

    find<QPushButton>(QStringLiteral("undoRunButton"))->click();
    ASSERT_TRUE(waitFor([&] { return preview->state() == UndoPreviewDialog::State::Finished; }, Slow));
    ASSERT_TRUE(preview->outcome().has_value());
    EXPECT_EQ(preview->outcome()->state, RunState::Completed) << str(preview->outcome()->message);
    EXPECT_GT(writesAnswered(), writesBefore);
    // After the undo the headline no longer claims that nothing has been written.
    EXPECT_FALSE(
        find<QLabel>(QStringLiteral("undoSummaryLabel"))->text().contains(u"Nothing has been written"));
    const qint64 undoRun = preview->undoRunId();
    ASSERT_NE(undoRun, 0);
    runs->reload();
    const RunListModel::Line* line = runs->runsModel()->line(runs->runsModel()->rowOf(undoRun));
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->run.kind, RunKind::Undo);
    EXPECT_EQ(line->run.undoOf, runId);
    // The preview is a dry run: hidden unless asked for.
    EXPECT_EQ(runs->runsModel()->rowOf(preview->previewRunId()), -1);
}

TEST_F(SyncFlowTest, AMappingThatDoesNotFitRefusesThePlanAndLeadsToTheEditor) {
    const Connection c = *context->sandboxConnection();
    Mapping bad = Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company);
    for (MappingRow& row : bad.rows) {
        if (row.fieldKey == u"employees")
            row.targets[0].property = QStringLiteral("founded_year"); // a number into a text property
    }
    ASSERT_TRUE(MappingStore(*context->workspace()).setMapping(c.id, bad, CrmKind::Sandbox));
    const int writesBefore = writesAnswered();
    SyncPreviewDialog* dialog = openPreview({idOf("C0001")});
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->state(), SyncPreviewDialog::State::Failed);
    const QString error = find<QLabel>(QStringLiteral("syncErrorLabel"))->text();
    EXPECT_TRUE(error.contains(QStringLiteral("Employees")) || error.contains(QStringLiteral("founded_year")))
        << str(error);
    EXPECT_EQ(writesAnswered(), writesBefore);
    auto* edit = find<QPushButton>(QStringLiteral("syncEditMappingButton"));
    ASSERT_TRUE(edit->isVisible());
    edit->click();
    EXPECT_EQ(window->currentPage()->objectName(), QStringLiteral("mappingPage"));
    auto* editor = find<MappingEditor>(QStringLiteral("mappingPage"));
    ASSERT_TRUE(waitFor([&] { return !editor->isBusy(); }));
    EXPECT_EQ(editor->connectionUuid(), c.uuid);
}

TEST_F(SyncFlowTest, AnotherWorkspaceGetsItsOwnEngineRunsAndLog) {
    SyncPreviewDialog* dialog = runToEnd({idOf("C0001")});
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->outcome()->state, RunState::Completed);
    dialog->close();
    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    auto* log = find<ConnectorLogPanel>(QStringLiteral("connectorLogDock"));
    EXPECT_EQ(runs->runsModel()->rowCount(), 1);
    EXPECT_GT(log->model()->rowCount(), 0);

    QString error;
    ASSERT_TRUE(context->openWorkspace(dir.filePath(QStringLiteral("second.sqlite")), true, &error))
        << str(error);
    EXPECT_EQ(runs->runsModel()->rowCount(), 0);
    for (const ConnectorLogEntry& e : log->model()->entries())
        EXPECT_NE(e.runId, 1) << "an entry of the first workspace's run";
    ASSERT_TRUE(waitForList());

    // The new workspace syncs through a new engine on the same thread object.
    SyncPreviewDialog* second = runToEnd({idOf("C0003")});
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->outcome()->state, RunState::Completed) << str(second->outcome()->message);
    EXPECT_EQ(runs->runsModel()->rowCount(), 1);
}

TEST_F(SyncFlowTest, ClosingThePreviewWhilePlanningCancelsThePlan) {
    // Lookups answer slowly: the plan is still running when the person presses Esc.
    sandbox::FaultRule slow;
    slow.kind = sandbox::FaultRule::Kind::Slow;
    slow.delayMs = 1500;
    context->sandbox()->addFault(slow);
    window->companyModel()->setSelectedIds(firstTen());
    ASSERT_TRUE(waitFor([&] { return window->syncSelectedAction()->isEnabled(); }));
    window->syncSelectedAction()->trigger();
    auto* dialog = find<SyncPreviewDialog>(QStringLiteral("syncPreviewDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->state(), SyncPreviewDialog::State::Planning);
    EXPECT_TRUE(controller()->isBusy());
    QTest::keyClick(dialog, Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return !controller()->isBusy(); }, Slow));
    // Cancelled: the journal says so, and nothing was written.
    const std::optional<QList<RunInfo>> all = RunJournal(*context->workspace()).runs();
    ASSERT_TRUE(all.has_value());
    ASSERT_FALSE(all->isEmpty());
    EXPECT_EQ(all->first().state, RunState::Cancelled);
    EXPECT_EQ(writesAnswered(), 0);
}
