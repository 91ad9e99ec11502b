#include "core/sync/RunTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace syncdesk {

namespace {

class RunText {
    Q_DECLARE_TR_FUNCTIONS(RunText)
};

template <typename Enum, size_t N>
std::optional<Enum> parseByName(const QString& name, const Enum (&all)[N], QString (*nameOf)(Enum)) {
    for (Enum e : all) {
        if (nameOf(e) == name)
            return e;
    }
    return std::nullopt;
}

constexpr RunState kStates[] = {RunState::Planned,    RunState::Running, RunState::Completed,
                                RunState::Failed,     RunState::Paused,  RunState::Cancelled,
                                RunState::Interrupted};
constexpr RecordOutcome kOutcomes[] = {
    RecordOutcome::Created, RecordOutcome::Updated,  RecordOutcome::Unchanged, RecordOutcome::Skipped,
    RecordOutcome::Failed,  RecordOutcome::Restored, RecordOutcome::Archived,  RecordOutcome::LeftAlone};
constexpr CrmErrorKind kErrorKinds[] = {
    CrmErrorKind::Network,    CrmErrorKind::Server,         CrmErrorKind::RateLimited,
    CrmErrorKind::DailyLimit, CrmErrorKind::Authentication, CrmErrorKind::Permission,
    CrmErrorKind::Validation, CrmErrorKind::Duplicate,      CrmErrorKind::NotFound,
    CrmErrorKind::Cancelled,  CrmErrorKind::Other};

} // namespace

QString runStateName(RunState state) {
    switch (state) {
    case RunState::Planned:
        return QStringLiteral("planned");
    case RunState::Running:
        return QStringLiteral("running");
    case RunState::Completed:
        return QStringLiteral("completed");
    case RunState::Failed:
        return QStringLiteral("failed");
    case RunState::Paused:
        return QStringLiteral("paused");
    case RunState::Cancelled:
        return QStringLiteral("cancelled");
    case RunState::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QString();
}

QString runStateLabel(RunState state) {
    switch (state) {
    case RunState::Planned:
        return RunText::tr("planned");
    case RunState::Running:
        return RunText::tr("running");
    case RunState::Completed:
        return RunText::tr("completed");
    case RunState::Failed:
        return RunText::tr("failed");
    case RunState::Paused:
        return RunText::tr("paused");
    case RunState::Cancelled:
        return RunText::tr("cancelled");
    case RunState::Interrupted:
        return RunText::tr("interrupted");
    }
    return QString();
}

std::optional<RunState> parseRunState(const QString& name) {
    return parseByName(name, kStates, runStateName);
}

QString runKindName(RunKind kind) {
    return kind == RunKind::Undo ? QStringLiteral("undo") : QStringLiteral("sync");
}

std::optional<RunKind> parseRunKind(const QString& name) {
    if (name == u"sync")
        return RunKind::Sync;
    if (name == u"undo")
        return RunKind::Undo;
    return std::nullopt;
}

QString runPhaseName(RunPhase phase) {
    switch (phase) {
    case RunPhase::Planning:
        return QStringLiteral("planning");
    case RunPhase::Executing:
        return QStringLiteral("executing");
    case RunPhase::Finished:
        return QStringLiteral("finished");
    }
    return QString();
}

std::optional<RunPhase> parseRunPhase(const QString& name) {
    constexpr RunPhase all[] = {RunPhase::Planning, RunPhase::Executing, RunPhase::Finished};
    return parseByName(name, all, runPhaseName);
}

QString writeStateName(WriteState state) {
    switch (state) {
    case WriteState::Pending:
        return QStringLiteral("pending");
    case WriteState::Sending:
        return QStringLiteral("sending");
    case WriteState::Done:
        return QStringLiteral("done");
    }
    return QString();
}

std::optional<WriteState> parseWriteState(const QString& name) {
    constexpr WriteState all[] = {WriteState::Pending, WriteState::Sending, WriteState::Done};
    return parseByName(name, all, writeStateName);
}

QString recordOutcomeName(RecordOutcome outcome) {
    switch (outcome) {
    case RecordOutcome::None:
        return QString();
    case RecordOutcome::Created:
        return QStringLiteral("created");
    case RecordOutcome::Updated:
        return QStringLiteral("updated");
    case RecordOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case RecordOutcome::Skipped:
        return QStringLiteral("skipped");
    case RecordOutcome::Failed:
        return QStringLiteral("failed");
    case RecordOutcome::Restored:
        return QStringLiteral("restored");
    case RecordOutcome::Archived:
        return QStringLiteral("archived");
    case RecordOutcome::LeftAlone:
        return QStringLiteral("left_alone");
    }
    return QString();
}

QString recordOutcomeLabel(RecordOutcome outcome) {
    switch (outcome) {
    case RecordOutcome::None:
        return RunText::tr("pending");
    case RecordOutcome::Created:
        return RunText::tr("created");
    case RecordOutcome::Updated:
        return RunText::tr("updated");
    case RecordOutcome::Unchanged:
        return RunText::tr("unchanged");
    case RecordOutcome::Skipped:
        return RunText::tr("skipped");
    case RecordOutcome::Failed:
        return RunText::tr("failed");
    case RecordOutcome::Restored:
        return RunText::tr("restored");
    case RecordOutcome::Archived:
        return RunText::tr("archived");
    case RecordOutcome::LeftAlone:
        return RunText::tr("changed since, left alone");
    }
    return QString();
}

std::optional<RecordOutcome> parseRecordOutcome(const QString& name) {
    if (name.isEmpty())
        return RecordOutcome::None;
    return parseByName(name, kOutcomes, recordOutcomeName);
}

std::optional<CrmErrorKind> parseCrmErrorKind(const QString& name) {
    return parseByName(name, kErrorKinds, crmErrorKindName);
}

std::optional<CrmError> crmErrorFromJson(const QJsonObject& o) {
    if (o.isEmpty())
        return std::nullopt;
    CrmError e;
    e.kind = parseCrmErrorKind(o.value(QLatin1String("kind")).toString()).value_or(CrmErrorKind::Other);
    e.httpStatus = o.value(QLatin1String("http_status")).toInt();
    e.category = o.value(QLatin1String("category")).toString();
    e.code = o.value(QLatin1String("code")).toString();
    e.message = o.value(QLatin1String("message")).toString();
    e.hint = o.value(QLatin1String("hint")).toString();
    e.correlationId = o.value(QLatin1String("correlation_id")).toString();
    e.field = o.value(QLatin1String("field")).toString();
    return e;
}

QJsonObject OutcomeCounts::toJson() const {
    const auto side = [](const Side& s) {
        QJsonObject o;
        o.insert(QStringLiteral("total"), s.total);
        o.insert(QStringLiteral("pending"), s.pending);
        for (RecordOutcome outcome : kOutcomes)
            o.insert(recordOutcomeName(outcome), s.count(outcome));
        return o;
    };
    return QJsonObject{{QStringLiteral("companies"), side(companies)},
                       {QStringLiteral("contacts"), side(contacts)}};
}

QString OutcomeCounts::toText() const {
    const auto side = [](const QString& title, const Side& s) -> QString {
        QStringList parts;
        for (RecordOutcome outcome : kOutcomes) {
            if (s.count(outcome) > 0)
                parts.append(QStringLiteral("%1 %2").arg(s.count(outcome)).arg(recordOutcomeLabel(outcome)));
        }
        if (s.pending > 0)
            parts.append(RunText::tr("%1 not done yet").arg(s.pending));
        return QStringLiteral("%1: %2").arg(title).arg(s.total) +
               (parts.isEmpty() ? QString() : QStringLiteral(" — ") + parts.join(QStringLiteral(", ")));
    };
    return side(RunText::tr("Companies"), companies) + u'\n' + side(RunText::tr("Contacts"), contacts);
}

QJsonObject RunInfo::toJson(const std::optional<OutcomeCounts>& outcomes) const {
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("kind"), runKindName(kind));
    o.insert(QStringLiteral("connection"), connectionName);
    o.insert(QStringLiteral("crm"), crmKind);
    o.insert(QStringLiteral("dry_run"), dryRun);
    o.insert(QStringLiteral("state"), runStateName(state));
    o.insert(QStringLiteral("counts"), counts);
    if (outcomes)
        o.insert(QStringLiteral("outcomes"), outcomes->toJson());
    o.insert(QStringLiteral("undo_of"), undoOf != 0 ? QJsonValue(undoOf) : QJsonValue());
    o.insert(QStringLiteral("unique_id_property"),
             uniqueIdProperty.isEmpty() ? QJsonValue() : QJsonValue(uniqueIdProperty));
    o.insert(QStringLiteral("error"), error ? QJsonValue(error->toJson()) : QJsonValue());
    o.insert(QStringLiteral("message"), message);
    const auto time = [](const QDateTime& t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    o.insert(QStringLiteral("created_at"), time(createdAt));
    o.insert(QStringLiteral("started_at"), time(startedAt));
    o.insert(QStringLiteral("finished_at"), time(finishedAt));
    return o;
}

bool JournalRecord::writes() const {
    return action == planActionName(PlanAction::Create) || action == planActionName(PlanAction::Update) ||
           action == restoreActionName() || action == archiveActionName();
}

CrmValues JournalRecord::writeValues() const {
    CrmValues values;
    for (const JournalChange& c : changes)
        values.insert(c.property, c.after);
    return values;
}

QJsonObject JournalRecord::toJson(bool dryRun) const {
    QJsonObject o = plan;
    o.insert(QStringLiteral("object"), recordObjectName(object));
    o.insert(QStringLiteral("local_id"), localId);
    if (object == RecordObject::Company)
        o.insert(QStringLiteral("name"), name);
    else
        o.insert(QStringLiteral("email"), email);
    o.insert(QStringLiteral("action"), action);
    if (!reasonCode.isEmpty() && !o.contains(QLatin1String("reason_code"))) {
        o.insert(QStringLiteral("reason_code"), reasonCode);
        o.insert(QStringLiteral("reason"), reason);
    }
    o.insert(QStringLiteral("crm_id"), crmId.isEmpty() ? QJsonValue() : QJsonValue(crmId));
    if (!o.contains(QLatin1String("changes")) || action == restoreActionName()) {
        QJsonArray array;
        for (const JournalChange& c : changes)
            array.append(QJsonObject{{QStringLiteral("property"), c.property},
                                     {QStringLiteral("before"), c.before},
                                     {QStringLiteral("after"), c.after},
                                     {QStringLiteral("strategy"), c.strategy},
                                     {QStringLiteral("field"), c.field}});
        o.insert(QStringLiteral("changes"), array);
    }
    if (!o.contains(QLatin1String("match")))
        o.insert(QStringLiteral("match"), QJsonValue());
    o.insert(QStringLiteral("outcome"), dryRun || outcome == RecordOutcome::None
                                            ? QJsonValue()
                                            : QJsonValue(recordOutcomeName(outcome)));
    o.insert(QStringLiteral("error"), error ? QJsonValue(error->toJson()) : QJsonValue());
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    if (object == RecordObject::Contact && association != AssociationPlan::Kind::None) {
        QJsonObject a = o.value(QLatin1String("association")).toObject();
        a.insert(QStringLiteral("kind"), associationKindName(association));
        a.insert(QStringLiteral("company_local_id"), companyLocalId);
        a.insert(QStringLiteral("company_crm_id"),
                 associationCompanyId.isEmpty() ? QJsonValue() : QJsonValue(associationCompanyId));
        if (!associationState.isEmpty())
            a.insert(QStringLiteral("state"), associationState);
        o.insert(QStringLiteral("association"), a);
    }
    return o;
}

} // namespace syncdesk
