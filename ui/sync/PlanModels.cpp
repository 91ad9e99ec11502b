#include "ui/sync/PlanModels.h"

#include "ui/common/Theme.h"

#include <QApplication>
#include <QColor>
#include <QLocale>
#include <QPalette>

namespace syncdesk {

namespace {

const QList<PlanAction> allActions = {PlanAction::Create,    PlanAction::Update,    PlanAction::Unchanged,
                                      PlanAction::Ambiguous, PlanAction::Duplicate, PlanAction::NoKey,
                                      PlanAction::Invalid,   PlanAction::Skipped};

} // namespace

QVariant actionForeground(PlanAction action) {
    switch (action) {
    case PlanAction::Create:
        return Theme::tone(Theme::Tone::Success);
    case PlanAction::Update:
        return Theme::tone(Theme::Tone::Info);
    case PlanAction::Ambiguous:
    case PlanAction::Duplicate:
    case PlanAction::NoKey:
        return Theme::tone(Theme::Tone::Warning);
    case PlanAction::Invalid:
        return Theme::tone(Theme::Tone::Error);
    case PlanAction::Unchanged:
    case PlanAction::Skipped:
        return Theme::tone(Theme::Tone::Muted);
    }
    return {};
}

// ---- MatchReportModel --------------------------------------------------------------------------

MatchReportModel::MatchReportModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void MatchReportModel::setReport(const MatchReport& report) {
    beginResetModel();
    m_report = report;
    endResetModel();
}

int MatchReportModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(allActions.size());
}

int MatchReportModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MatchReportModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= allActions.size())
        return {};
    const PlanAction action = allActions.at(index.row());
    const RecordObject object =
        index.column() == ContactsColumn ? RecordObject::Contact : RecordObject::Company;
    const int count = index.column() == ActionColumn ? 0 : m_report.count(object, action);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ActionColumn)
            return planActionLabel(action);
        return tr("%1 (%2%)")
            .arg(QLocale().toString(count))
            .arg(QLocale().toString(m_report.percent(object, action), 'f', 1));
    case Qt::ForegroundRole:
        if (index.column() != ActionColumn && count == 0)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return index.column() == ActionColumn ? actionForeground(action) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ActionColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case ActionRole:
        return static_cast<int>(action);
    case CountRole:
        return count;
    default:
        return {};
    }
}

QVariant MatchReportModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QLocale locale;
    switch (section) {
    case ActionColumn:
        return tr("Plan");
    case CompaniesColumn:
        return tr("Companies (%1)").arg(locale.toString(m_report.companyTotal));
    case ContactsColumn:
        return tr("Contacts (%1)").arg(locale.toString(m_report.contactTotal));
    default:
        return {};
    }
}

// ---- PlanRecordsModel --------------------------------------------------------------------------

PlanRecordsModel::PlanRecordsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void PlanRecordsModel::setPlan(const SyncPlan& plan) {
    beginResetModel();
    m_records = plan.companies + plan.contacts;
    endResetModel();
}

const RecordPlan* PlanRecordsModel::record(int row) const {
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int PlanRecordsModel::rowOf(RecordObject object, qint64 localId) const {
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).object == object && m_records.at(i).localId == localId)
            return i;
    }
    return -1;
}

int PlanRecordsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int PlanRecordsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanRecordsModel::data(const QModelIndex& index, int role) const {
    const RecordPlan* r = record(index.row());
    if (!index.isValid() || !r)
        return {};
    if (role == ActionRole)
        return static_cast<int>(r->action);
    if (role == Qt::ForegroundRole && index.column() == ActionColumn)
        return actionForeground(r->action);
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn)
        return explanation(*r);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ObjectColumn:
        return r->object == RecordObject::Company ? tr("Company") : tr("Contact");
    case NameColumn:
        return r->object == RecordObject::Company ? r->name : r->email;
    case ActionColumn:
        return planActionLabel(r->action);
    case ChangesColumn:
        return r->changes.isEmpty() ? QVariant() : QVariant(static_cast<int>(r->changes.size()));
    case CrmIdColumn:
        return r->crmId;
    case ReasonColumn: {
        if (!r->reasonText.isEmpty())
            return r->reasonText;
        const QStringList notes = r->match.notes();
        return notes.isEmpty() ? QVariant() : QVariant(notes.join(u' '));
    }
    default:
        return {};
    }
}

QVariant PlanRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ObjectColumn:
        return tr("Object");
    case NameColumn:
        return tr("Name / e-mail");
    case ActionColumn:
        return tr("Plan");
    case ChangesColumn:
        return tr("Changes");
    case CrmIdColumn:
        return tr("CRM record");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

QString PlanRecordsModel::explanation(const RecordPlan& r) {
    QStringList lines;
    const MatchInfo& m = r.match;
    const QString who = r.object == RecordObject::Company ? r.name : r.email;
    lines.append(tr("%1: %2").arg(who, planActionLabel(r.action)));
    if (!r.reasonText.isEmpty())
        lines.append(r.reasonText);
    if (!m.fieldLabel.isEmpty() || !m.field.isEmpty())
        lines.append(tr("Matched on: %1").arg(m.fieldLabel.isEmpty() ? m.field : m.fieldLabel));
    if (m.fallback)
        lines.append(tr("%1 is empty, so the key comes from %2.")
                         .arg(m.skippedFieldLabel.isEmpty() ? m.skippedField : m.skippedFieldLabel,
                              m.fieldLabel.isEmpty() ? m.field : m.fieldLabel));
    lines.append(tr("Value: %1").arg(m.rawValue.isEmpty() ? tr("(empty)") : m.rawValue));
    if (m.severalValues && !m.usedValue.isEmpty())
        lines.append(tr("Used: %1").arg(m.usedValue));
    if (!m.key.isEmpty()) {
        const QString shownKey =
            m.displayKey.isEmpty() || m.displayKey == m.key ? m.key : tr("%1 (%2)").arg(m.displayKey, m.key);
        lines.append(tr("Key: %1 (policy: %2)").arg(shownKey, m.policy));
    } else if (!m.noKeyReason.isEmpty()) {
        lines.append(tr("No key: %1").arg(m.noKeyReason));
    }
    if (m.duplicateOf != 0)
        lines.append(tr("Same key as the earlier selected record %1.").arg(m.duplicateOf));
    if (m.candidates.isEmpty()) {
        if (!m.key.isEmpty())
            lines.append(tr("No CRM record has this key."));
    } else {
        lines.append(tr("CRM candidates:"));
        for (const MatchCandidate& c : m.candidates) {
            const QString when = c.createdAt.isValid()
                                     ? QLocale().toString(c.createdAt.toLocalTime(), QLocale::ShortFormat)
                                     : QString();
            lines.append(when.isEmpty() ? tr("  • %1: %2").arg(c.id, c.rawValue)
                                        : tr("  • %1: %2 (created %3)").arg(c.id, c.rawValue, when));
        }
    }
    for (const QString& note : m.notes())
        lines.append(note);
    if (r.object == RecordObject::Contact) {
        switch (r.association.kind) {
        case AssociationPlan::Kind::AtCreate:
            lines.append(tr("Associated with its company when created."));
            break;
        case AssociationPlan::Kind::Add:
            lines.append(tr("Gets associated with its company %1.").arg(r.association.companyCrmId));
            break;
        case AssociationPlan::Kind::Present:
            lines.append(tr("Already associated with its company."));
            break;
        case AssociationPlan::Kind::KeptOther:
            lines.append(tr("Belongs to another company in the CRM (%1); left there.")
                             .arg(r.association.existingCompanyId));
            break;
        case AssociationPlan::Kind::None:
            break;
        }
    }
    return lines.join(u'\n');
}

// ---- PlanRecordsFilter -------------------------------------------------------------------------

PlanRecordsFilter::PlanRecordsFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {}

void PlanRecordsFilter::setMode(int mode) {
    m_mode = mode;
    invalidateFilter();
}

bool PlanRecordsFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_mode == All)
        return true;
    const auto action = static_cast<PlanAction>(
        sourceModel()->index(sourceRow, 0, sourceParent).data(PlanRecordsModel::ActionRole).toInt());
    if (m_mode == Written)
        return planActionWrites(action);
    if (m_mode == NotWritten)
        return !planActionWrites(action);
    return static_cast<int>(action) == m_mode;
}

} // namespace syncdesk
