#include "ui/runs/RunModels.h"

#include "core/sync/SyncPlan.h"
#include "ui/common/Theme.h"
#include "ui/sync/PlanModels.h"

#include <QApplication>
#include <QColor>
#include <QLocale>
#include <QPalette>

namespace syncdesk {

namespace {

QVariant outcomeForeground(RecordOutcome outcome) {
    switch (outcome) {
    case RecordOutcome::Created:
    case RecordOutcome::Archived:
        return Theme::tone(Theme::Tone::Success);
    case RecordOutcome::Updated:
    case RecordOutcome::Restored:
        return Theme::tone(Theme::Tone::Info);
    case RecordOutcome::Failed:
        return Theme::tone(Theme::Tone::Error);
    case RecordOutcome::LeftAlone:
        return Theme::tone(Theme::Tone::Warning);
    case RecordOutcome::Unchanged:
    case RecordOutcome::Skipped:
    case RecordOutcome::None:
        return Theme::tone(Theme::Tone::Muted);
    }
    return {};
}

QVariant stateForeground(RunState state) {
    switch (state) {
    case RunState::Failed:
        return Theme::tone(Theme::Tone::Error);
    case RunState::Paused:
    case RunState::Cancelled:
    case RunState::Interrupted:
        return Theme::tone(Theme::Tone::Warning);
    default:
        return {};
    }
}

} // namespace

// ---- RunListModel ------------------------------------------------------------------------------

RunListModel::RunListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void RunListModel::setRuns(const QList<Line>& runs) {
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

const RunListModel::Line* RunListModel::line(int row) const {
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RunListModel::rowOf(qint64 runId) const {
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).run.id == runId)
            return i;
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunListModel::kindText(const RunInfo& run) {
    if (run.kind == RunKind::Undo)
        return run.dryRun ? tr("Undo preview of run %1").arg(run.undoOf)
                          : tr("Undo of run %1").arg(run.undoOf);
    if (run.dryRun)
        return tr("Dry run");
    if (run.state == RunState::Planned)
        return tr("Preview (not run)");
    return tr("Sync");
}

QString RunListModel::resultsText(const std::optional<OutcomeCounts>& outcomes) {
    if (!outcomes)
        return QString();
    QMap<RecordOutcome, int> sum = outcomes->companies.outcomes;
    for (auto it = outcomes->contacts.outcomes.cbegin(); it != outcomes->contacts.outcomes.cend(); ++it)
        sum[it.key()] += it.value();
    QStringList parts;
    const QLocale l;
    for (RecordOutcome o : {RecordOutcome::Created, RecordOutcome::Updated, RecordOutcome::Restored,
                            RecordOutcome::Archived, RecordOutcome::Unchanged, RecordOutcome::Skipped,
                            RecordOutcome::LeftAlone, RecordOutcome::Failed}) {
        if (sum.value(o) > 0)
            parts.append(tr("%1 %2").arg(l.toString(sum.value(o)), recordOutcomeLabel(o).toLower()));
    }
    return parts.join(QStringLiteral(" · "));
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    const Line* l = line(index.row());
    if (!index.isValid() || !l)
        return {};
    const RunInfo& r = l->run;
    if (role == RunIdRole)
        return r.id;
    if (role == Qt::ForegroundRole) {
        if (index.column() == StateColumn)
            return stateForeground(r.state);
        if (index.column() == FailedColumn && l->outcomes && l->outcomes->failed() > 0)
            return outcomeForeground(RecordOutcome::Failed);
        if (r.dryRun)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == IdColumn || index.column() == FailedColumn || index.column() == PendingColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return r.message;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case IdColumn:
        return r.id;
    case WhenColumn:
        return locale.toString((r.startedAt.isValid() ? r.startedAt : r.createdAt).toLocalTime(),
                               QLocale::ShortFormat);
    case ConnectionColumn:
        return r.connectionName;
    case KindColumn:
        return kindText(r);
    case StateColumn:
        return runStateLabel(r.state);
    case ResultsColumn:
        return resultsText(l->outcomes);
    case FailedColumn:
        return l->outcomes ? QVariant(l->outcomes->failed()) : QVariant();
    case PendingColumn:
        return l->outcomes && l->outcomes->pending() > 0 ? QVariant(l->outcomes->pending()) : QVariant();
    case MessageColumn:
        return QString(r.message).replace(u'\n', u' ');
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Run");
    case WhenColumn:
        return tr("When");
    case ConnectionColumn:
        return tr("Connection");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case ResultsColumn:
        return tr("Results");
    case FailedColumn:
        return tr("Failed");
    case PendingColumn:
        return tr("Pending");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

// ---- RunRecordsModel ---------------------------------------------------------------------------

RunRecordsModel::RunRecordsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void RunRecordsModel::setRecords(const QList<JournalRecord>& records) {
    beginResetModel();
    m_records = records;
    endResetModel();
}

const JournalRecord* RunRecordsModel::record(int row) const {
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int RunRecordsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RunRecordsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunRecordsModel::actionText(const QString& action) {
    if (const std::optional<PlanAction> a = parsePlanAction(action))
        return planActionLabel(*a);
    if (action == restoreActionName())
        return tr("Restore");
    if (action == archiveActionName())
        return tr("Archive");
    if (action == leftAloneActionName())
        return tr("Leave alone");
    return action;
}

QString RunRecordsModel::detailText(const JournalRecord& r) {
    QStringList lines;
    if (!r.reason.isEmpty())
        lines.append(r.reason);
    if (!r.note.isEmpty())
        lines.append(r.note);
    if (r.error) {
        const CrmError& e = *r.error;
        lines.append(tr("The CRM refused it: %1").arg(e.message));
        if (!e.hint.isEmpty())
            lines.append(tr("Hint: %1").arg(e.hint));
        if (e.httpStatus != 0)
            lines.append(tr("HTTP status: %1").arg(e.httpStatus));
        const QString category = e.category.isEmpty() ? crmErrorKindName(e.kind) : e.category;
        lines.append(e.code.isEmpty() ? tr("Category: %1").arg(category)
                                      : tr("Category: %1, code: %2").arg(category, e.code));
        if (!e.correlationId.isEmpty())
            lines.append(tr("Correlation id: %1").arg(e.correlationId));
    }
    if (r.attempts > 1)
        lines.append(tr("Sent %n time(s).", nullptr, r.attempts));
    if (!r.associationState.isEmpty())
        lines.append(tr("Association with its company: %1").arg(r.associationState));
    return lines.join(u'\n');
}

QVariant RunRecordsModel::data(const QModelIndex& index, int role) const {
    const JournalRecord* r = record(index.row());
    if (!index.isValid() || !r)
        return {};
    if (role == OutcomeRole)
        return static_cast<int>(r->outcome);
    if (role == Qt::ForegroundRole) {
        if (index.column() == OutcomeColumn)
            return outcomeForeground(r->outcome);
        if (index.column() == ActionColumn) {
            if (const std::optional<PlanAction> a = parsePlanAction(r->action))
                return actionForeground(*a);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return detailText(*r);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ObjectColumn:
        return r->object == RecordObject::Company ? tr("Company") : tr("Contact");
    case NameColumn:
        return r->object == RecordObject::Company ? r->name : r->email;
    case ActionColumn:
        return actionText(r->action);
    case OutcomeColumn:
        return r->outcome == RecordOutcome::None ? (r->state == WriteState::Done ? QString() : tr("pending"))
                                                 : recordOutcomeLabel(r->outcome);
    case CrmIdColumn:
        return r->crmId;
    case ChangesColumn:
        return r->changes.isEmpty() ? QVariant() : QVariant(static_cast<int>(r->changes.size()));
    case DetailColumn:
        return r->error ? r->error->message : !r->note.isEmpty() ? r->note : r->reason;
    default:
        return {};
    }
}

QVariant RunRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ObjectColumn:
        return tr("Object");
    case NameColumn:
        return tr("Name / e-mail");
    case ActionColumn:
        return tr("Plan");
    case OutcomeColumn:
        return tr("Outcome");
    case CrmIdColumn:
        return tr("CRM record");
    case ChangesColumn:
        return tr("Changes");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace syncdesk
