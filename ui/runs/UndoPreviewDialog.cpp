#include "ui/runs/UndoPreviewDialog.h"

#include "core/store/Workspace.h"
#include "core/sync/RunJournal.h"
#include "ui/common/AppContext.h"
#include "ui/common/Icons.h"
#include "ui/common/ScreenFit.h"
#include "ui/runs/RunModels.h"
#include "ui/sync/ChangesModel.h"
#include "ui/sync/RunProgressPanel.h"
#include "ui/sync/SyncController.h"
#include "ui/sync/TableViews.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace syncdesk {

UndoPreviewDialog::UndoPreviewDialog(SyncController& controller, const RunInfo& run, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_run(run)
    , m_records(new RunRecordsModel(this))
    , m_changes(new ChangesModel(this)) {
    setObjectName(QStringLiteral("undoPreviewDialog"));
    setWindowTitle(tr("Undo run %1").arg(run.id));
    setAccessibleName(windowTitle());
    setSizeGripEnabled(true);
    setWindowIcon(Icons::icon(Icons::Id::Preview));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Undo run %1 on %2").arg(run.id).arg(run.connectionName), this);
    title->setObjectName(QStringLiteral("undoTitleLabel"));
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    layout->addWidget(title);

    m_stack = new QStackedWidget(this);
    m_message =
        new QLabel(tr("Reading what the CRM holds now for the records run %1 wrote. Nothing is written "
                      "until you click Undo.")
                       .arg(run.id),
                   m_stack);
    m_message->setObjectName(QStringLiteral("undoMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_message);

    auto* page = new QWidget(m_stack);
    page->setObjectName(QStringLiteral("undoPreviewPage"));
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("undoSummaryLabel"));
    m_summary->setWordWrap(true);
    pageLayout->addWidget(m_summary);
    m_recordsView = makeListTable(page, QStringLiteral("undoRecordsTable"), tr("Records the undo touches"));
    m_recordsView->setModel(m_records);
    m_recordsView->hideColumn(RunRecordsModel::OutcomeColumn);
    setColumnChars(m_recordsView, {{RunRecordsModel::ObjectColumn, 10},
                                   {RunRecordsModel::NameColumn, 26},
                                   {RunRecordsModel::ActionColumn, 11},
                                   {RunRecordsModel::CrmIdColumn, 10},
                                   {RunRecordsModel::ChangesColumn, 7}});
    m_changesView = makeListTable(page, QStringLiteral("undoChangesTable"), tr("Values the undo puts back"));
    m_changes->setValueHeaders(tr("CRM value now"), tr("Put back"));
    m_changesView->setModel(m_changes);
    m_changesView->setSelectionMode(QAbstractItemView::NoSelection);
    m_changesView->hideColumn(ChangesModel::StrategyColumn);
    setColumnChars(m_changesView, {{ChangesModel::PropertyColumn, 18},
                                   {ChangesModel::BeforeColumn, 18},
                                   {ChangesModel::AfterColumn, 18}});
    m_detail = new QPlainTextEdit(page);
    m_detail->setObjectName(QStringLiteral("undoRecordDetail"));
    m_detail->setAccessibleName(tr("Details of the selected record"));
    m_detail->setReadOnly(true);
    auto* right = new QSplitter(Qt::Vertical, page);
    right->addWidget(m_changesView);
    right->addWidget(m_detail);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(m_recordsView);
    split->addWidget(right);
    pageLayout->addWidget(split, 1);
    m_stack->addWidget(page);
    layout->addWidget(m_stack, 1);

    m_progress = new RunProgressPanel(controller, this);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("undoResultLabel"));
    m_result->setWordWrap(true);
    m_result->setVisible(false);
    layout->addWidget(m_result);

    auto* buttons = new QHBoxLayout;
    m_showRun = new QPushButton(tr("Show in &Runs"), this);
    m_showRun->setObjectName(QStringLiteral("undoShowRunButton"));
    m_showRun->setAccessibleName(tr("Show the undo run"));
    m_showRun->setVisible(false);
    m_undo = new QPushButton(tr("&Undo run %1").arg(run.id), this);
    m_undo->setObjectName(QStringLiteral("undoRunButton"));
    m_undo->setAccessibleName(tr("Undo the run"));
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_undo->setIcon(Icons::icon(Icons::Id::Undo));
    m_undo->setEnabled(false);
    m_close = new QPushButton(tr("&Close"), this);
    m_close->setObjectName(QStringLiteral("undoCloseButton"));
    m_close->setAccessibleName(tr("Close"));
    buttons->addWidget(m_showRun);
    buttons->addStretch(1);
    buttons->addWidget(m_undo);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    connect(m_undo, &QPushButton::clicked, this, &UndoPreviewDialog::run);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_showRun, &QPushButton::clicked, this, [this] { emit showRunRequested(m_undoRunId); });
    connect(m_recordsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UndoPreviewDialog::updateDetail);
    connect(&m_controller, &SyncController::jobFinished, this,
            [this](int ticket, SyncController::Job, const RunOutcome& outcome) {
                onJobFinished(ticket, outcome);
            });
    resizeWithinScreen(this, QSize(1180, 640));
}

void UndoPreviewDialog::setState(State state) {
    m_state = state;
    m_progress->setVisible(state == State::Previewing || state == State::Running);
    m_undo->setVisible(state != State::Finished && state != State::Failed);
    m_undo->setEnabled(state == State::Ready && m_writes > 0);
    m_undo->setDefault(m_undo->isEnabled());
    m_close->setDefault(!m_undo->isEnabled());
    m_undo->setToolTip(state == State::Ready && m_writes == 0 ? tr("Nothing to undo.")
                                                              : tr("Carry out the undo shown (Ctrl+Return)"));
    m_showRun->setVisible(state == State::Finished && m_undoRunId != 0);
    m_close->setText(state == State::Running ? tr("&Hide") : tr("&Close"));
    emit stateChanged(state);
}

bool UndoPreviewDialog::start() {
    m_stack->setCurrentIndex(0);
    m_ticket = m_controller.undo(m_run.id, true);
    if (m_ticket == 0) {
        m_message->setText(tr("Another sync or undo is running. Wait for it to finish, then try again."));
        setState(State::Failed);
        return false;
    }
    m_progress->track(m_ticket);
    setState(State::Previewing);
    return true;
}

bool UndoPreviewDialog::run() {
    if (m_state != State::Ready)
        return false;
    m_ticket = m_controller.undo(m_run.id, false);
    if (m_ticket == 0) {
        m_result->setText(
            tr("Another sync or undo is running. Wait for it to finish, then click Undo again."));
        m_result->setVisible(true);
        return false;
    }
    m_result->setVisible(false);
    m_progress->track(m_ticket);
    setState(State::Running);
    return true;
}

void UndoPreviewDialog::done(int result) {
    // Close, Esc or the window's close button: a preview nobody will look at is cancelled; an undo
    // goes on (see Runs).
    if (m_state == State::Previewing && m_controller.currentTicket() == m_ticket)
        m_controller.cancel();
    QDialog::done(result);
}

void UndoPreviewDialog::onJobFinished(int ticket, const RunOutcome& outcome) {
    if (ticket != m_ticket)
        return;
    m_ticket = 0;
    if (m_state == State::Previewing) {
        if (outcome.runId != 0 && outcome.state == RunState::Planned) {
            showPreview(outcome.runId);
            setState(State::Ready);
        } else {
            QString text =
                outcome.message.isEmpty() ? tr("The undo could not be prepared.") : outcome.message;
            if (outcome.error && !outcome.error->hint.isEmpty())
                text += QStringLiteral("\n\n") + outcome.error->hint;
            m_message->setText(text);
            m_stack->setCurrentIndex(0);
            setState(State::Failed);
        }
        return;
    }
    m_summary->setText(m_planSummary);
    m_outcome = outcome;
    m_undoRunId = outcome.runId;
    QString text = outcome.runId != 0
                       ? tr("Undo run %1: %2.").arg(outcome.runId).arg(runStateLabel(outcome.state))
                       : tr("The undo did not start.");
    if (outcome.outcomes)
        text += u' ' + RunListModel::resultsText(outcome.outcomes);
    if (!outcome.message.isEmpty())
        text += u'\n' + outcome.message;
    m_result->setText(text);
    m_result->setVisible(true);
    setState(State::Finished);
}

void UndoPreviewDialog::showPreview(qint64 previewRunId) {
    m_previewRunId = previewRunId;
    QList<JournalRecord> records;
    if (Workspace* ws = m_controller.context().workspace()) {
        if (std::optional<QList<JournalRecord>> stored = RunJournal(*ws).records(previewRunId))
            records = *stored;
    }
    m_records->setRecords(records);
    int restore = 0, archive = 0, leftAlone = 0, values = 0;
    for (const JournalRecord& r : records) {
        if (r.action == restoreActionName()) {
            ++restore;
            values += static_cast<int>(r.changes.size());
        } else if (r.action == archiveActionName()) {
            ++archive;
        } else if (r.action == leftAloneActionName()) {
            ++leftAlone;
        }
    }
    m_writes = restore + archive;
    QStringList parts;
    if (restore > 0)
        parts.append(tr("puts back %n value(s)", nullptr, values) + u' ' +
                     tr("on %n record(s)", nullptr, restore));
    if (archive > 0)
        parts.append(tr("archives %n record(s) the run created", nullptr, archive));
    QString summary = parts.isEmpty()
                          ? tr("There is nothing to undo: the run wrote nothing that is still there.")
                          : tr("Undo %1.").arg(parts.join(tr(" and ")));
    if (leftAlone > 0)
        summary +=
            u' ' + tr("%n record(s) changed in the CRM since the run: left alone.", nullptr, leftAlone);
    m_planSummary = summary;
    m_summary->setText(m_writes == 0 ? summary : summary + u' ' + tr("Nothing has been written yet."));
    m_stack->setCurrentIndex(1);
    if (!records.isEmpty())
        selectRecord(0);
}

bool UndoPreviewDialog::selectRecord(int row) {
    if (row < 0 || row >= m_records->rowCount())
        return false;
    m_recordsView->setCurrentIndex(m_records->index(row, RunRecordsModel::NameColumn));
    updateDetail();
    return true;
}

void UndoPreviewDialog::updateDetail() {
    const JournalRecord* r = m_records->record(m_recordsView->currentIndex().row());
    QList<ChangeLine> lines;
    if (r) {
        for (const JournalChange& c : r->changes)
            lines.append(ChangeLine::from(c));
    }
    m_changes->setChanges(lines);
    m_detail->setPlainText(r ? RunRecordsModel::detailText(*r) : QString());
}

} // namespace syncdesk
