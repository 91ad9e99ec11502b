#include "ui/runs/RunsView.h"

#include "core/store/Workspace.h"
#include "core/sync/RunJournal.h"
#include "ui/common/AppContext.h"
#include "ui/common/Icons.h"
#include "ui/common/MessageBox.h"
#include "ui/runs/RunModels.h"
#include "ui/runs/UndoPreviewDialog.h"
#include "ui/sync/ChangesModel.h"
#include "ui/sync/RunProgressPanel.h"
#include "ui/sync/SyncController.h"
#include "ui/sync/TableViews.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdesk {

namespace {

constexpr int MaxRunsShown = 500;

} // namespace

RunsView::RunsView(AppContext& context, SyncController& controller, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_controller(controller)
    , m_runs(new RunListModel(this))
    , m_records(new RunRecordsModel(this))
    , m_changes(new ChangesModel(this)) {
    setObjectName(QStringLiteral("runsPage"));
    setAccessibleName(tr("Runs"));
    auto* layout = new QVBoxLayout(this);

    QAction* refresh = makeAction(QStringLiteral("runsRefreshAction"), tr("Re&fresh"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), tr("Read the runs again"));
    QAction* resume = makeAction(
        QStringLiteral("runsResumeAction"), tr("&Run / Resume"), QKeySequence(Qt::CTRL | Qt::Key_Return),
        tr("Carry out a previewed run, or resume a paused, cancelled or interrupted one: "
           "finished writes are not repeated"));
    QAction* undo =
        makeAction(QStringLiteral("runsUndoAction"), tr("&Undo run…"), QKeySequence(Qt::CTRL | Qt::Key_U),
                   tr("Put back what the run overwrote and archive what it created (with a preview)"));
    QAction* log =
        makeAction(QStringLiteral("runsShowLogAction"), tr("Show &log"), QKeySequence(Qt::CTRL | Qt::Key_G),
                   tr("Show the run's entries in the connector log"));
    refresh->setIcon(Icons::icon(Icons::Id::Refresh));
    resume->setIcon(Icons::icon(Icons::Id::Sync));
    undo->setIcon(Icons::icon(Icons::Id::Undo));
    connect(refresh, &QAction::triggered, this, &RunsView::reload);
    connect(resume, &QAction::triggered, this, &RunsView::resumeCurrent);
    connect(undo, &QAction::triggered, this, &RunsView::undoCurrent);
    connect(log, &QAction::triggered, this, [this] {
        if (currentRunId() != 0)
            emit showLogRequested(currentRunId());
    });

    auto* tools = new QHBoxLayout;
    for (QAction* a : {refresh, resume, undo, log})
        tools->addWidget(buttonFor(a));
    tools->addStretch(1);
    m_showPreviews = new QCheckBox(tr("Show &previews and dry runs"), this);
    m_showPreviews->setObjectName(QStringLiteral("runsShowPreviewsCheck"));
    m_showPreviews->setAccessibleName(tr("Show previews and dry runs"));
    connect(m_showPreviews, &QCheckBox::toggled, this, &RunsView::reload);
    tools->addWidget(m_showPreviews);
    layout->addLayout(tools);

    m_runsView = makeListTable(this, QStringLiteral("runsTable"), tr("Runs"));
    m_runsView->setModel(m_runs);
    setColumnChars(m_runsView, {{RunListModel::IdColumn, 5},
                                {RunListModel::WhenColumn, 21},
                                {RunListModel::ConnectionColumn, 14},
                                {RunListModel::KindColumn, 18},
                                {RunListModel::StateColumn, 11},
                                {RunListModel::ResultsColumn, 40},
                                {RunListModel::FailedColumn, 7},
                                {RunListModel::PendingColumn, 8}});

    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_runSummary = new QLabel(bottom);
    m_runSummary->setObjectName(QStringLiteral("runSummaryLabel"));
    m_runSummary->setWordWrap(true);
    m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottomLayout->addWidget(m_runSummary);
    m_recordsView =
        makeListTable(bottom, QStringLiteral("runRecordsTable"), tr("Records of the selected run"));
    m_recordsView->setModel(m_records);
    setColumnChars(m_recordsView, {{RunRecordsModel::ObjectColumn, 10},
                                   {RunRecordsModel::NameColumn, 26},
                                   {RunRecordsModel::ActionColumn, 11},
                                   {RunRecordsModel::OutcomeColumn, 10},
                                   {RunRecordsModel::CrmIdColumn, 10},
                                   {RunRecordsModel::ChangesColumn, 7}});
    m_changesView = makeListTable(bottom, QStringLiteral("runChangesTable"), tr("What was written"));
    m_changesView->setModel(m_changes);
    m_changesView->setSelectionMode(QAbstractItemView::NoSelection);
    setColumnChars(m_changesView, {{ChangesModel::PropertyColumn, 16},
                                   {ChangesModel::BeforeColumn, 16},
                                   {ChangesModel::AfterColumn, 16},
                                   {ChangesModel::StrategyColumn, 13}});
    m_recordDetail = new QPlainTextEdit(bottom);
    m_recordDetail->setObjectName(QStringLiteral("runRecordDetail"));
    m_recordDetail->setAccessibleName(tr("Details of the selected record"));
    m_recordDetail->setReadOnly(true);
    setCompactMinimumHeight(m_recordDetail, 2);
    // Side by side (records, what was written, details) rather than stacked: the page then fits
    // 800x436 logical pixels (1600x1000 at 200 %) with the log dock.
    auto* recordsSplit = new QSplitter(Qt::Horizontal, bottom);
    recordsSplit->setObjectName(QStringLiteral("runRecordsSplitter"));
    recordsSplit->addWidget(m_recordsView);
    recordsSplit->addWidget(m_changesView);
    recordsSplit->addWidget(m_recordDetail);
    recordsSplit->setStretchFactor(0, 4);
    recordsSplit->setStretchFactor(1, 4);
    recordsSplit->setStretchFactor(2, 3);
    bottomLayout->addWidget(recordsSplit, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("runsSplitter"));
    split->addWidget(m_runsView);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    m_progress = new RunProgressPanel(controller, this);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);

    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        loadRecords();
        updateActions();
    });
    connect(m_recordsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunsView::updateDetail);
    connect(&m_controller, &SyncController::runsChanged, this, &RunsView::reload);
    connect(&m_controller, &SyncController::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy && m_controller.currentJob() != SyncController::Job::Plan);
        if (busy)
            m_progress->track(0);
        updateActions();
    });
    connect(&m_controller, &SyncController::jobFinished, this,
            [this](int ticket, SyncController::Job, const RunOutcome& outcome) {
                if (ticket != m_resumeTicket)
                    return;
                m_resumeTicket = 0;
                if (outcome.configurationError && !outcome.message.isEmpty())
                    MessageBox::warning(this, tr("Run"), outcome.message);
            });
    connect(&m_context, &AppContext::workspaceChanged, this, &RunsView::reload);
    reload();
}

QAction* RunsView::makeAction(const QString& name, const QString& text, const QKeySequence& keys,
                              const QString& tip) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    a->setShortcut(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(tr("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    addAction(a);
    m_actions.append(a);
    return a;
}

QToolButton* RunsView::buttonFor(QAction* action) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setObjectName(
        QString(action->objectName()).replace(QStringLiteral("Action"), QStringLiteral("Button")));
    button->setAccessibleName(QString(action->text()).remove(u'&').remove(QStringLiteral("…")));
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly
                                                       : Qt::ToolButtonTextBesideIcon);
    button->setIconSize(QSize(16, 16));
    return button;
}

QAction* RunsView::action(const QString& objectName) const {
    for (QAction* a : m_actions) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

void RunsView::reload() {
    const qint64 keep = currentRunId();
    QList<RunListModel::Line> lines;
    if (Workspace* ws = m_context.workspace()) {
        RunJournal journal(*ws);
        if (!m_controller.isBusy())
            journal.recoverInterrupted(); // runs of a process that died show as interrupted
        const bool previews = m_showPreviews->isChecked();
        for (const RunInfo& run : journal.runs(MaxRunsShown).value_or(QList<RunInfo>{})) {
            // Previews: dry runs, and plans that were never run (a preview closed without Run).
            if (!previews && (run.dryRun || run.state == RunState::Planned))
                continue;
            lines.append({run, journal.outcomeCounts(run.id)});
        }
    }
    m_runs->setRuns(lines);
    if (!selectRun(keep) && m_runs->rowCount() > 0)
        selectRun(m_runs->line(0)->run.id);
    if (m_runs->rowCount() == 0) {
        loadRecords();
        updateActions();
    }
}

qint64 RunsView::currentRunId() const {
    const RunListModel::Line* l = m_runs->line(m_runsView->currentIndex().row());
    return l ? l->run.id : 0;
}

bool RunsView::selectRun(qint64 runId) {
    const int row = runId != 0 ? m_runs->rowOf(runId) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = m_runs->index(row, RunListModel::IdColumn);
    if (m_runsView->currentIndex().row() == row) {
        loadRecords(); // same run, new content
        updateActions();
    }
    m_runsView->setCurrentIndex(index);
    m_runsView->scrollTo(index);
    return true;
}

bool RunsView::selectRecord(int row) {
    if (row < 0 || row >= m_records->rowCount())
        return false;
    m_recordsView->setCurrentIndex(m_records->index(row, RunRecordsModel::NameColumn));
    updateDetail();
    return true;
}

void RunsView::loadRecords() {
    const RunListModel::Line* l = m_runs->line(m_runsView->currentIndex().row());
    QList<JournalRecord> records;
    QString summary;
    if (l && m_context.workspace()) {
        records = RunJournal(*m_context.workspace()).records(l->run.id).value_or(QList<JournalRecord>{});
        const RunInfo& r = l->run;
        const QLocale locale;
        summary = tr("Run %1 · %2 · %3 · %4")
                      .arg(r.id)
                      .arg(RunListModel::kindText(r), r.connectionName, runStateLabel(r.state));
        if (r.finishedAt.isValid())
            summary +=
                u' ' +
                tr("(finished %1)").arg(locale.toString(r.finishedAt.toLocalTime(), QLocale::ShortFormat));
        if (l->outcomes)
            summary += u'\n' + l->outcomes->toText();
        if (!r.message.isEmpty())
            summary += u'\n' + r.message;
        if (r.error && !r.error->hint.isEmpty())
            summary += u'\n' + r.error->hint;
    }
    m_runSummary->setText(summary);
    m_records->setRecords(records);
    if (!records.isEmpty())
        selectRecord(0);
    else
        updateDetail();
}

void RunsView::updateDetail() {
    const JournalRecord* r = m_records->record(m_recordsView->currentIndex().row());
    QList<ChangeLine> lines;
    if (r) {
        for (const JournalChange& c : r->changes)
            lines.append(ChangeLine::from(c));
    }
    m_changes->setChanges(lines);
    m_recordDetail->setPlainText(r ? RunRecordsModel::detailText(*r) : QString());
}

void RunsView::updateActions() {
    const RunListModel::Line* l = m_runs->line(m_runsView->currentIndex().row());
    const bool busy = m_controller.isBusy();
    const bool resumable =
        l && !l->run.dryRun && (l->run.state == RunState::Planned || runStateResumable(l->run.state));
    const bool undoable = l && !l->run.dryRun && l->run.kind == RunKind::Sync &&
                          l->run.state != RunState::Planned && l->run.state != RunState::Running;
    action(QStringLiteral("runsResumeAction"))->setEnabled(resumable && !busy);
    action(QStringLiteral("runsUndoAction"))->setEnabled(undoable && !busy);
    action(QStringLiteral("runsShowLogAction"))->setEnabled(l != nullptr);
}

bool RunsView::resumeCurrent() {
    const qint64 id = currentRunId();
    if (id == 0)
        return false;
    m_resumeTicket = m_controller.execute(id);
    if (m_resumeTicket == 0) {
        MessageBox::information(this, tr("Run"),
                                tr("Another sync or undo is running. Try again when it is done."));
        return false;
    }
    m_progress->track(m_resumeTicket);
    m_progress->setVisible(true);
    return true;
}

UndoPreviewDialog* RunsView::undoCurrent() {
    const RunListModel::Line* l = m_runs->line(m_runsView->currentIndex().row());
    if (!l || m_undoDialog)
        return m_undoDialog;
    auto* dialog = new UndoPreviewDialog(m_controller, l->run, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_undoDialog = dialog;
    connect(dialog, &UndoPreviewDialog::showRunRequested, this, [this, dialog](qint64 runId) {
        reload();
        selectRun(runId);
        dialog->close();
    });
    dialog->show();
    dialog->start();
    return dialog;
}

} // namespace syncdesk
