#include "ui/sync/SyncPreviewDialog.h"

#include "core/connectors/ConnectorFacts.h"
#include "ui/common/Icons.h"
#include "ui/common/ScreenFit.h"
#include "ui/sync/ChangesModel.h"
#include "ui/sync/PlanModels.h"
#include "ui/sync/RunProgressPanel.h"
#include "ui/sync/SyncController.h"
#include "ui/sync/TableViews.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace syncdesk {

SyncPreviewDialog::SyncPreviewDialog(SyncController& controller, const QList<qint64>& companyIds,
                                     const Connection& connection, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_companyIds(companyIds)
    , m_connection(connection)
    , m_report(new MatchReportModel(this))
    , m_records(new PlanRecordsModel(this))
    , m_filter(new PlanRecordsFilter(this))
    , m_changes(new ChangesModel(this)) {
    setObjectName(QStringLiteral("syncPreviewDialog"));
    setWindowTitle(tr("Sync to %1").arg(connection.name));
    setAccessibleName(windowTitle());
    setSizeGripEnabled(true);
    setWindowIcon(Icons::icon(Icons::Id::Preview));
    m_filter->setSourceModel(m_records);

    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("Sync %n selected companies (and their contacts) to %1", nullptr,
                            static_cast<int>(companyIds.size()))
                             .arg(connection.name),
                         this);
    m_title->setObjectName(QStringLiteral("syncTitleLabel"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    layout->addWidget(m_title);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    // ---- Planning ------------------------------------------------------------------------------
    m_planningLabel =
        new QLabel(tr("Looking up the selected records in %1. Nothing is written until you click "
                      "Run.")
                       .arg(connection.name),
                   m_stack);
    m_planningLabel->setObjectName(QStringLiteral("syncPlanningLabel"));
    m_planningLabel->setAlignment(Qt::AlignCenter);
    m_planningLabel->setWordWrap(true);
    m_stack->addWidget(m_planningLabel);

    // ---- The plan ------------------------------------------------------------------------------
    auto* planPage = new QWidget(m_stack);
    planPage->setObjectName(QStringLiteral("syncPlanPage"));
    auto* planLayout = new QVBoxLayout(planPage);
    planLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(planPage);
    m_summary->setObjectName(QStringLiteral("syncSummaryLabel"));
    m_summary->setWordWrap(true);
    planLayout->addWidget(m_summary);

    m_reportView = makeListTable(planPage, QStringLiteral("syncReportTable"), tr("Match report"));
    m_reportView->setModel(m_report);
    m_reportView->setSelectionMode(QAbstractItemView::NoSelection);
    m_reportView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_reportView->setAlternatingRowColors(false);
    // Every line of the report visible at once when there is room; on a small screen it scrolls.
    m_reportView->setMaximumHeight(
        m_reportView->horizontalHeader()->sizeHint().height() +
        m_reportView->verticalHeader()->defaultSectionSize() * m_report->rowCount() + 4);

    auto* recordsBox = new QWidget(planPage);
    auto* recordsLayout = new QVBoxLayout(recordsBox);
    recordsLayout->setContentsMargins(0, 0, 0, 0);
    auto* filterRow = new QHBoxLayout;
    m_recordFilter = new QComboBox(recordsBox);
    m_recordFilter->setObjectName(QStringLiteral("syncRecordFilter"));
    m_recordFilter->setAccessibleName(tr("Records shown"));
    m_recordFilter->addItem(tr("All records"), int(PlanRecordsFilter::All));
    m_recordFilter->addItem(tr("Records to write"), int(PlanRecordsFilter::Written));
    m_recordFilter->addItem(tr("Records not written"), int(PlanRecordsFilter::NotWritten));
    for (PlanAction a : {PlanAction::Create, PlanAction::Update, PlanAction::Unchanged, PlanAction::Ambiguous,
                         PlanAction::Duplicate, PlanAction::NoKey, PlanAction::Invalid, PlanAction::Skipped})
        m_recordFilter->addItem(planActionLabel(a), static_cast<int>(a));
    auto* filterLabel = new QLabel(tr("&Show:"), recordsBox);
    filterLabel->setBuddy(m_recordFilter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_recordFilter);
    filterRow->addStretch(1);
    recordsLayout->addLayout(filterRow);
    m_recordsView = makeListTable(recordsBox, QStringLiteral("syncRecordsTable"), tr("Planned records"));
    m_recordsView->setModel(m_filter);
    setColumnChars(m_recordsView, {{PlanRecordsModel::ObjectColumn, 10},
                                   {PlanRecordsModel::NameColumn, 26},
                                   {PlanRecordsModel::ActionColumn, 12},
                                   {PlanRecordsModel::ChangesColumn, 7},
                                   {PlanRecordsModel::CrmIdColumn, 10}});
    recordsLayout->addWidget(m_recordsView, 1);

    auto* detail = new QWidget(planPage);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto* diffLabel = new QLabel(tr("What changes in the CRM"), detail);
    m_diffView = makeListTable(detail, QStringLiteral("syncDiffTable"), tr("Changes of the selected record"));
    m_diffView->setModel(m_changes);
    m_diffView->setSelectionMode(QAbstractItemView::NoSelection);
    setColumnChars(m_diffView, {{ChangesModel::PropertyColumn, 18},
                                {ChangesModel::BeforeColumn, 18},
                                {ChangesModel::AfterColumn, 18},
                                {ChangesModel::StrategyColumn, 14}});
    auto* whyLabel = new QLabel(tr("Why"), detail);
    m_explanation = new QPlainTextEdit(detail);
    m_explanation->setObjectName(QStringLiteral("syncExplanation"));
    m_explanation->setAccessibleName(tr("Explanation of the selected record"));
    m_explanation->setReadOnly(true);
    setCompactMinimumHeight(m_explanation, 2);
    detailLayout->addWidget(diffLabel);
    detailLayout->addWidget(m_diffView, 3);
    detailLayout->addWidget(whyLabel);
    detailLayout->addWidget(m_explanation, 2);

    auto* splitter = new QSplitter(Qt::Horizontal, planPage);
    splitter->setObjectName(QStringLiteral("syncPreviewSplitter"));
    splitter->addWidget(recordsBox);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);
    // The report above the records, resizable; the records and their diff get most of the height
    // (on a small screen the report scrolls rather than squeezing the diff to one line).
    auto* reportSplit = new QSplitter(Qt::Vertical, planPage);
    reportSplit->setObjectName(QStringLiteral("syncReportSplitter"));
    reportSplit->setChildrenCollapsible(false);
    reportSplit->addWidget(m_reportView);
    reportSplit->addWidget(splitter);
    reportSplit->setStretchFactor(0, 1);
    reportSplit->setStretchFactor(1, 3);
    reportSplit->setSizes({1, 3});
    planLayout->addWidget(reportSplit, 1);
    m_stack->addWidget(planPage);

    // ---- Failure -------------------------------------------------------------------------------
    auto* errorPage = new QWidget(m_stack);
    errorPage->setObjectName(QStringLiteral("syncErrorPage"));
    auto* errorLayout = new QVBoxLayout(errorPage);
    m_errorLabel = new QLabel(errorPage);
    m_errorLabel->setObjectName(QStringLiteral("syncErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editMapping = new QPushButton(tr("Edit the &mapping"), errorPage);
    m_editMapping->setObjectName(QStringLiteral("syncEditMappingButton"));
    m_editMapping->setAccessibleName(tr("Edit the mapping"));
    m_editMapping->setVisible(false);
    connect(m_editMapping, &QPushButton::clicked, this, [this] {
        emit editMappingRequested(m_connection.uuid);
        close();
    });
    errorLayout->addWidget(m_errorLabel);
    errorLayout->addWidget(m_editMapping, 0, Qt::AlignLeft);
    errorLayout->addStretch(1);
    m_stack->addWidget(errorPage);

    // ---- Progress, result, buttons -------------------------------------------------------------
    m_progress = new RunProgressPanel(controller, this);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("syncResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);
    layout->addWidget(m_result);

    auto* buttons = new QHBoxLayout;
    m_showRun = new QPushButton(tr("Show in &Runs"), this);
    m_showRun->setObjectName(QStringLiteral("syncShowRunButton"));
    m_showRun->setAccessibleName(tr("Show the run in the runs view"));
    m_showRun->setVisible(false);
    m_run = new QPushButton(tr("&Run sync"), this);
    m_run->setObjectName(QStringLiteral("syncRunButton"));
    m_run->setAccessibleName(tr("Run the sync"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setIcon(Icons::icon(Icons::Id::Sync));
    m_run->setEnabled(false);
    m_close = new QPushButton(tr("&Close"), this);
    m_close->setObjectName(QStringLiteral("syncCloseButton"));
    m_close->setAccessibleName(tr("Close"));
    buttons->addWidget(m_showRun);
    buttons->addStretch(1);
    buttons->addWidget(m_run);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    connect(m_run, &QPushButton::clicked, this, &SyncPreviewDialog::run);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_showRun, &QPushButton::clicked, this, [this] { emit showRunRequested(m_runId); });
    connect(m_recordFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMode(m_recordFilter->currentData().toInt());
        updateDetail();
    });
    connect(m_recordsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SyncPreviewDialog::updateDetail);
    connect(&m_controller, &SyncController::jobFinished, this,
            [this](int ticket, SyncController::Job job, const RunOutcome& outcome) {
                onJobFinished(ticket, static_cast<int>(job), outcome);
            });
    resizeWithinScreen(this, QSize(1240, 760));
}

SyncPreviewDialog::~SyncPreviewDialog() = default;

void SyncPreviewDialog::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    m_progress->setVisible(state == State::Planning || state == State::Running);
    m_run->setVisible(state != State::Finished && state != State::Failed);
    m_run->setEnabled(state == State::Ready && writeCount() > 0);
    m_run->setDefault(m_run->isEnabled());
    m_close->setDefault(!m_run->isEnabled());
    if (state == State::Ready && !m_run->isEnabled())
        m_run->setToolTip(tr("Nothing to write: every record is unchanged or skipped."));
    else
        m_run->setToolTip(tr("Write the changes shown (Ctrl+Return)"));
    m_showRun->setVisible(state == State::Finished && m_runId != 0);
    m_close->setText(state == State::Running ? tr("&Hide") : tr("&Close"));
    m_close->setToolTip(
        state == State::Running ? tr("The run goes on; its results appear in Runs and the log.") : QString());
    emit stateChanged(state);
}

bool SyncPreviewDialog::start() {
    m_stack->setCurrentIndex(0);
    m_ticket = m_controller.plan(m_companyIds, m_connection);
    if (m_ticket == 0) {
        m_errorLabel->setText(
            m_controller.isBusy()
                ? tr("Another sync or undo is running. Wait for it to finish (see Runs), then "
                     "try again.")
                : tr("No workspace is open."));
        m_stack->setCurrentIndex(2);
        setState(State::Failed);
        return false;
    }
    m_progress->track(m_ticket);
    setState(State::Planning);
    return true;
}

bool SyncPreviewDialog::run() {
    if (m_state != State::Ready || m_runId == 0)
        return false;
    m_ticket = m_controller.execute(m_runId);
    if (m_ticket == 0) {
        m_result->setText(
            tr("Another sync or undo is running. Wait for it to finish, then click Run again."));
        m_result->setVisible(true);
        return false;
    }
    m_result->setVisible(false);
    m_progress->track(m_ticket);
    setState(State::Running);
    return true;
}

void SyncPreviewDialog::cancel() {
    if ((m_state == State::Planning || m_state == State::Running) && m_controller.currentTicket() == m_ticket)
        m_controller.cancel();
}

void SyncPreviewDialog::done(int result) {
    // Close, Esc or the window's close button. A plan nobody will look at is not worth finishing;
    // a run goes on (see Runs).
    if (m_state == State::Planning)
        cancel();
    QDialog::done(result);
}

void SyncPreviewDialog::onJobFinished(int ticket, int job, const RunOutcome& outcome) {
    if (ticket != m_ticket)
        return;
    m_ticket = 0;
    if (static_cast<SyncController::Job>(job) == SyncController::Job::Plan) {
        m_runId = outcome.runId;
        if (outcome.state == RunState::Planned && outcome.plan) {
            showPlan(*outcome.plan);
            setState(State::Ready);
        } else {
            showFailure(outcome);
            setState(State::Failed);
        }
        return;
    }
    m_summary->setText(m_planSummary);
    showResult(outcome);
    setState(State::Finished);
}

void SyncPreviewDialog::showPlan(const SyncPlan& plan) {
    m_plan = plan;
    const MatchReport report = plan.report();
    m_report->setReport(report);
    m_records->setPlan(plan);
    const int writes = writeCount();
    const QLocale l;
    QString summary =
        writes == 0
            ? tr("Nothing to write: the CRM already holds what the mapping would write (or the records are "
                 "skipped; see why below).")
            : tr("%1 record(s) will be written in at most %n request(s).", nullptr,
                 plan.estimatedWriteCalls(ConnectorFacts::forKind(m_connection.kind())))
                  .arg(l.toString(writes));
    summary += u' ' + tr("Looking up took %n request(s).", nullptr, plan.lookup.total());
    QStringList warnings;
    for (const MappingProblem& p : plan.problems) {
        if (!p.isError())
            warnings.append(p.message);
    }
    if (!warnings.isEmpty())
        summary += u'\n' + tr("Mapping warnings: %1").arg(warnings.join(QStringLiteral(" ")));
    m_planSummary = summary;
    // Until the run, say that nothing has been written; the result line below replaces that.
    m_summary->setText(writes == 0 ? summary : summary + u'\n' + tr("Nothing has been written yet."));
    m_stack->setCurrentIndex(1);
    // Start on the first record that will be written (else the first one).
    int first = 0;
    for (int i = 0; i < m_filter->rowCount(); ++i) {
        if (planActionWrites(
                static_cast<PlanAction>(m_filter->index(i, 0).data(PlanRecordsModel::ActionRole).toInt()))) {
            first = i;
            break;
        }
    }
    if (m_filter->rowCount() > 0)
        m_recordsView->setCurrentIndex(m_filter->index(first, PlanRecordsModel::NameColumn));
    updateDetail();
}

void SyncPreviewDialog::showFailure(const RunOutcome& outcome) {
    QString text = outcome.message.isEmpty() ? tr("The sync could not be planned.") : outcome.message;
    if (outcome.error && !outcome.error->hint.isEmpty())
        text += QStringLiteral("\n\n") + outcome.error->hint;
    if (outcome.state == RunState::Cancelled)
        text = tr("The preview was cancelled; nothing was written.");
    m_errorLabel->setText(text);
    m_editMapping->setVisible(!outcome.problems.isEmpty());
    m_stack->setCurrentIndex(2);
}

void SyncPreviewDialog::showResult(const RunOutcome& outcome) {
    m_outcome = outcome;
    if (outcome.runId != 0)
        m_runId = outcome.runId;
    QString text = tr("Run %1: %2.").arg(m_runId).arg(runStateLabel(outcome.state));
    if (outcome.outcomes)
        text += u' ' + outcome.outcomes->toText().replace(u'\n', QStringLiteral(" · "));
    if (!outcome.message.isEmpty())
        text += u'\n' + outcome.message;
    m_result->setText(text);
    m_result->setVisible(true);
}

int SyncPreviewDialog::writeCount() const {
    int writes = 0;
    if (m_plan) {
        for (const QList<RecordPlan>* list : {&m_plan->companies, &m_plan->contacts}) {
            for (const RecordPlan& r : *list)
                writes += planActionWrites(r.action) ? 1 : 0;
        }
    }
    return writes;
}

bool SyncPreviewDialog::selectRecord(RecordObject object, qint64 localId) {
    const int row = m_records->rowOf(object, localId);
    if (row < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_records->index(row, PlanRecordsModel::NameColumn));
    if (!index.isValid()) {
        m_recordFilter->setCurrentIndex(0);
        index = m_filter->mapFromSource(m_records->index(row, PlanRecordsModel::NameColumn));
    }
    m_recordsView->setCurrentIndex(index);
    updateDetail();
    return true;
}

QString SyncPreviewDialog::explanationText() const {
    return m_explanation->toPlainText();
}

void SyncPreviewDialog::updateDetail() {
    const QModelIndex current = m_filter->mapToSource(m_recordsView->currentIndex());
    const RecordPlan* r = current.isValid() ? m_records->record(current.row()) : nullptr;
    QList<ChangeLine> lines;
    if (r) {
        for (const PropertyChange& c : r->changes)
            lines.append(ChangeLine::from(c));
    }
    m_changes->setChanges(lines);
    m_explanation->setPlainText(r ? PlanRecordsModel::explanation(*r) : QString());
}

} // namespace syncdesk
