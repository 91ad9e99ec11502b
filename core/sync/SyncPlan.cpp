#include "core/sync/SyncPlan.h"

#include <QJsonArray>

#include <cmath>

namespace syncdesk {

namespace {
class SyncPlanText {
    Q_DECLARE_TR_FUNCTIONS(SyncPlanText)
};

constexpr PlanAction kAllActions[] = {PlanAction::Create,    PlanAction::Update,    PlanAction::Unchanged,
                                      PlanAction::Ambiguous, PlanAction::Duplicate, PlanAction::NoKey,
                                      PlanAction::Invalid,   PlanAction::Skipped};
} // namespace

QString planActionName(PlanAction action) {
    switch (action) {
    case PlanAction::Create:
        return QStringLiteral("create");
    case PlanAction::Update:
        return QStringLiteral("update");
    case PlanAction::Unchanged:
        return QStringLiteral("unchanged");
    case PlanAction::Ambiguous:
        return QStringLiteral("ambiguous");
    case PlanAction::Duplicate:
        return QStringLiteral("duplicate");
    case PlanAction::NoKey:
        return QStringLiteral("no_key");
    case PlanAction::Invalid:
        return QStringLiteral("invalid");
    case PlanAction::Skipped:
        return QStringLiteral("skipped");
    }
    return QString();
}

QString planActionLabel(PlanAction action) {
    switch (action) {
    case PlanAction::Create:
        return SyncPlanText::tr("create");
    case PlanAction::Update:
        return SyncPlanText::tr("update");
    case PlanAction::Unchanged:
        return SyncPlanText::tr("unchanged");
    case PlanAction::Ambiguous:
        return SyncPlanText::tr("ambiguous");
    case PlanAction::Duplicate:
        return SyncPlanText::tr("duplicate in workspace");
    case PlanAction::NoKey:
        return SyncPlanText::tr("no key");
    case PlanAction::Invalid:
        return SyncPlanText::tr("invalid");
    case PlanAction::Skipped:
        return SyncPlanText::tr("skipped");
    }
    return QString();
}

std::optional<PlanAction> parsePlanAction(const QString& name) {
    for (PlanAction a : kAllActions) {
        if (planActionName(a) == name)
            return a;
    }
    return std::nullopt;
}

QString planReasonName(PlanReason reason) {
    switch (reason) {
    case PlanReason::None:
        return QString();
    case PlanReason::NoKey:
        return QStringLiteral("no_key");
    case PlanReason::NoEmail:
        return QStringLiteral("no_email");
    case PlanReason::InvalidEmail:
        return QStringLiteral("invalid_email");
    case PlanReason::InvalidValue:
        return QStringLiteral("invalid_value");
    case PlanReason::DuplicateInWorkspace:
        return QStringLiteral("duplicate_in_workspace");
    case PlanReason::AmbiguousInCrm:
        return QStringLiteral("ambiguous_in_crm");
    case PlanReason::NewUnderUpdateOnly:
        return QStringLiteral("new_under_update_only");
    case PlanReason::ContactsDisabled:
        return QStringLiteral("contacts_disabled");
    case PlanReason::CompanyNotSynced:
        return QStringLiteral("company_not_synced");
    case PlanReason::CompanyNotSelected:
        return QStringLiteral("company_not_selected");
    }
    return QString();
}

QString changeStrategyName(ChangeStrategy strategy) {
    switch (strategy) {
    case ChangeStrategy::Create:
        return QStringLiteral("create");
    case ChangeStrategy::Override:
        return QStringLiteral("override");
    case ChangeStrategy::UpdateIfEmpty:
        return QStringLiteral("update_if_empty");
    case ChangeStrategy::ClearWhenEmpty:
        return QStringLiteral("clear_when_empty");
    }
    return QString();
}

QString associationKindName(AssociationPlan::Kind kind) {
    switch (kind) {
    case AssociationPlan::Kind::None:
        return QStringLiteral("none");
    case AssociationPlan::Kind::AtCreate:
        return QStringLiteral("at_create");
    case AssociationPlan::Kind::Add:
        return QStringLiteral("add");
    case AssociationPlan::Kind::Present:
        return QStringLiteral("present");
    case AssociationPlan::Kind::KeptOther:
        return QStringLiteral("kept_other");
    }
    return QString();
}

QString companyLookupMethodName(LookupStats::CompanyMethod method) {
    switch (method) {
    case LookupStats::CompanyMethod::None:
        return QStringLiteral("none");
    case LookupStats::CompanyMethod::Search:
        return QStringLiteral("search");
    case LookupStats::CompanyMethod::ListAll:
        return QStringLiteral("list");
    }
    return QString();
}

QStringList MatchInfo::notes() const {
    QStringList out;
    if (severalValues)
        out.append(SyncPlanText::tr("The value holds several URLs; the first (%1) was used.").arg(usedValue));
    if (fallback)
        out.append(SyncPlanText::tr("Key from %1 (%2 is empty).").arg(fieldLabel, skippedFieldLabel));
    if (candidates.size() > 1)
        out.append(oldestChosen
                       ? SyncPlanText::tr("%n CRM records share this key; the oldest was chosen.", nullptr,
                                          int(candidates.size()))
                       : SyncPlanText::tr("%n CRM records share this key.", nullptr, int(candidates.size())));
    return out;
}

CrmValues RecordPlan::writeValues() const {
    CrmValues values;
    for (const PropertyChange& c : changes)
        values.insert(c.property, c.after);
    return values;
}

QJsonObject RecordPlan::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("object"), recordObjectName(object));
    o.insert(QStringLiteral("local_id"), localId);
    if (object == RecordObject::Company)
        o.insert(QStringLiteral("name"), name);
    else
        o.insert(QStringLiteral("email"), email);
    o.insert(QStringLiteral("action"), planActionName(action));
    if (reason != PlanReason::None) {
        o.insert(QStringLiteral("reason_code"), planReasonName(reason));
        o.insert(QStringLiteral("reason"), reasonText);
    }
    o.insert(QStringLiteral("crm_id"), crmId.isEmpty() ? QJsonValue() : QJsonValue(crmId));

    QJsonObject m;
    m.insert(QStringLiteral("raw_value"), match.rawValue);
    m.insert(QStringLiteral("key"), match.key.isEmpty() ? QJsonValue() : QJsonValue(match.key));
    m.insert(QStringLiteral("policy"), match.policy);
    m.insert(QStringLiteral("field"), match.field);
    if (match.fallback)
        m.insert(QStringLiteral("fallback_from"), match.skippedField);
    if (match.severalValues)
        m.insert(QStringLiteral("used_value"), match.usedValue);
    if (!match.noKeyReason.isEmpty())
        m.insert(QStringLiteral("no_key_reason"), match.noKeyReason);
    if (match.duplicateOf != 0)
        m.insert(QStringLiteral("duplicate_of"), match.duplicateOf);
    if (match.oldestChosen)
        m.insert(QStringLiteral("oldest_chosen"), true);
    QJsonArray candidates;
    for (const MatchCandidate& c : match.candidates)
        candidates.append(
            QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("raw_value"), c.rawValue}});
    m.insert(QStringLiteral("candidates"), candidates);
    const QStringList notes = match.notes();
    if (!notes.isEmpty())
        m.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    o.insert(QStringLiteral("match"), m);

    QJsonArray changeArray;
    for (const PropertyChange& c : changes) {
        changeArray.append(QJsonObject{{QStringLiteral("property"), c.property},
                                       {QStringLiteral("before"), c.before},
                                       {QStringLiteral("after"), c.after},
                                       {QStringLiteral("strategy"), changeStrategyName(c.strategy)},
                                       {QStringLiteral("field"), c.fieldKey}});
    }
    o.insert(QStringLiteral("changes"), changeArray);

    if (object == RecordObject::Contact && association.kind != AssociationPlan::Kind::None) {
        QJsonObject a;
        a.insert(QStringLiteral("kind"), associationKindName(association.kind));
        a.insert(QStringLiteral("company_local_id"), association.companyLocalId);
        a.insert(QStringLiteral("company_crm_id"),
                 association.companyCrmId.isEmpty() ? QJsonValue() : QJsonValue(association.companyCrmId));
        if (!association.existingCompanyId.isEmpty())
            a.insert(QStringLiteral("existing_company_id"), association.existingCompanyId);
        o.insert(QStringLiteral("association"), a);
    }
    return o;
}

int MatchReport::count(RecordObject object, PlanAction action) const {
    for (const Line& l : object == RecordObject::Company ? companies : contacts) {
        if (l.action == action)
            return l.count;
    }
    return 0;
}

double MatchReport::percent(RecordObject object, PlanAction action) const {
    for (const Line& l : object == RecordObject::Company ? companies : contacts) {
        if (l.action == action)
            return l.percent;
    }
    return 0;
}

QJsonObject MatchReport::toJson() const {
    const auto side = [](int total, const QList<Line>& lines) {
        QJsonObject o;
        o.insert(QStringLiteral("total"), total);
        for (const Line& l : lines)
            o.insert(planActionName(l.action), l.count);
        return o;
    };
    return QJsonObject{{QStringLiteral("companies"), side(companyTotal, companies)},
                       {QStringLiteral("contacts"), side(contactTotal, contacts)}};
}

QString MatchReport::toText() const {
    const auto side = [](const QString& title, int total, const QList<Line>& lines) -> QString {
        QStringList parts;
        for (const Line& l : lines) {
            if (l.count > 0)
                parts.append(QStringLiteral("%1 %2 (%3%)")
                                 .arg(planActionLabel(l.action))
                                 .arg(l.count)
                                 .arg(l.percent, 0, 'f', 1));
        }
        return QStringLiteral("%1: %2").arg(title).arg(total) +
               (parts.isEmpty() ? QString() : QStringLiteral(" — ") + parts.join(QStringLiteral(", ")));
    };
    return side(SyncPlanText::tr("Companies"), companyTotal, companies) + u'\n' +
           side(SyncPlanText::tr("Contacts"), contactTotal, contacts);
}

MatchReport SyncPlan::report() const {
    const auto lines = [](const QList<RecordPlan>& records) {
        QList<MatchReport::Line> out;
        for (PlanAction a : kAllActions) {
            MatchReport::Line l{a, 0, 0};
            for (const RecordPlan& r : records)
                l.count += r.action == a ? 1 : 0;
            l.percent = records.isEmpty() ? 0 : std::round(1000.0 * l.count / double(records.size())) / 10.0;
            out.append(l);
        }
        return out;
    };
    MatchReport r;
    r.companyTotal = int(companies.size());
    r.contactTotal = int(contacts.size());
    r.companies = lines(companies);
    r.contacts = lines(contacts);
    return r;
}

const RecordPlan* SyncPlan::company(qint64 localId) const {
    for (const RecordPlan& r : companies) {
        if (r.localId == localId)
            return &r;
    }
    return nullptr;
}

int SyncPlan::estimatedWriteCalls(const ConnectorFacts& facts) const {
    const int batch = qMax(1, facts.maxWriteBatch);
    const auto calls = [batch](int n) { return (n + batch - 1) / batch; };
    int creates[2] = {0, 0};
    int updates[2] = {0, 0};
    int associations = 0;
    for (const QList<RecordPlan>* list : {&companies, &contacts}) {
        for (const RecordPlan& r : *list) {
            const int o = r.object == RecordObject::Company ? 0 : 1;
            const bool addAssociation = r.association.kind == AssociationPlan::Kind::Add;
            if (r.action == PlanAction::Create) {
                ++creates[o];
            } else if (r.action == PlanAction::Update) {
                // Salesforce sets AccountId in the update itself; HubSpot needs an associate call.
                if (!r.changes.isEmpty() ||
                    (addAssociation && facts.associationStyle == AssociationStyle::ParentField))
                    ++updates[o];
                if (addAssociation && facts.associationStyle == AssociationStyle::Associations)
                    ++associations;
            }
        }
    }
    return calls(creates[0]) + calls(updates[0]) + calls(creates[1]) + calls(updates[1]) +
           calls(associations);
}

QJsonObject SyncPlan::toJson() const {
    QJsonArray records;
    for (const QList<RecordPlan>* list : {&companies, &contacts}) {
        for (const RecordPlan& r : *list)
            records.append(r.toJson());
    }
    QJsonObject o;
    o.insert(QStringLiteral("report"), report().toJson());
    o.insert(QStringLiteral("records"), records);
    o.insert(QStringLiteral("lookup"),
             QJsonObject{{QStringLiteral("company_method"), companyLookupMethodName(lookup.companyMethod)},
                         {QStringLiteral("calls"), lookup.total()}});
    QJsonArray problemArray;
    for (const MappingProblem& p : problems) {
        problemArray.append(QJsonObject{
            {QStringLiteral("code"), mappingProblemCodeName(p.code)},
            {QStringLiteral("severity"), p.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("row"), p.row >= 0 ? QJsonValue(p.row + 1) : QJsonValue()},
            {QStringLiteral("property"), p.property},
            {QStringLiteral("message"), p.message}});
    }
    if (!problemArray.isEmpty())
        o.insert(QStringLiteral("problems"), problemArray);
    if (error)
        o.insert(QStringLiteral("error"), error->toJson());
    return o;
}

} // namespace syncdesk
