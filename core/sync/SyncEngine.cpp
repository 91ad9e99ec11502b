#include "core/sync/SyncEngine.h"

#include "core/mapping/MissingFields.h"
#include "core/net/Clock.h"
#include "core/store/Workspace.h"
#include "core/sync/RunUndo.h"
#include "core/sync/SyncExecutor.h"
#include "core/sync/SyncPlanner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "syncdesk.sync.engine", QtWarningMsg)

namespace syncdesk {

namespace {

QJsonObject settingsJson(const SyncSettings& s) {
    return QJsonObject{{QStringLiteral("policy"), DomainKey::policyName(s.policy)},
                       {QStringLiteral("company_mode"), companySyncModeName(s.companyMode)},
                       {QStringLiteral("contact_mode"), contactSyncModeName(s.contactMode)},
                       {QStringLiteral("ambiguous"), ambiguousHandlingName(s.ambiguous)},
                       {QStringLiteral("lookup"), lookupStrategyName(s.lookup)}};
}

DomainPolicy policyOf(const RunInfo& run) {
    const QString name = run.settings.value(QLatin1String("policy")).toString();
    return name == u"registrable" ? DomainPolicy::Registrable : DomainPolicy::Host;
}

QJsonObject lookupJson(const LookupStats& l) {
    return QJsonObject{{QStringLiteral("company_method"), companyLookupMethodName(l.companyMethod)},
                       {QStringLiteral("calls"), l.total()},
                       {QStringLiteral("schema_calls"), l.schemaCalls},
                       {QStringLiteral("count_calls"), l.countCalls},
                       {QStringLiteral("company_search_calls"), l.companySearchCalls},
                       {QStringLiteral("company_list_calls"), l.companyListCalls},
                       {QStringLiteral("known_id_read_calls"), l.knownIdReadCalls},
                       {QStringLiteral("contact_lookup_calls"), l.contactLookupCalls},
                       {QStringLiteral("association_read_calls"), l.associationReadCalls}};
}

RunState stateForError(const CrmError& e) {
    switch (e.kind) {
    case CrmErrorKind::Cancelled:
        return RunState::Cancelled;
    case CrmErrorKind::DailyLimit:
    case CrmErrorKind::RateLimited:
        return RunState::Paused;
    default:
        return RunState::Failed;
    }
}

JournalRecord journalRecordOf(const RecordPlan& r, int seq, bool dryRun) {
    JournalRecord j;
    j.seq = seq;
    j.object = r.object;
    j.localId = r.localId;
    j.name = r.name;
    j.email = r.email;
    j.action = planActionName(r.action);
    j.reasonCode = planReasonName(r.reason);
    j.reason = r.reasonText;
    j.matchKey = r.match.key;
    j.crmId = r.crmId;
    j.companyLocalId = r.companyLocalId;
    j.association = r.association.kind;
    j.associationCompanyId = r.association.companyCrmId;
    const bool writes = planActionWrites(r.action);
    if (writes && r.association.needsWrite())
        j.associationState = QStringLiteral("pending");
    for (const PropertyChange& c : r.changes)
        j.changes.append({c.property, c.before, c.after, changeStrategyName(c.strategy), c.fieldKey, false});
    j.plan = r.toJson();
    if (dryRun) {
        j.state = WriteState::Done;
    } else if (writes) {
        j.state = WriteState::Pending;
    } else {
        j.state = WriteState::Done;
        j.outcome = r.action == PlanAction::Unchanged ? RecordOutcome::Unchanged : RecordOutcome::Skipped;
    }
    return j;
}

} // namespace

SyncEngine::SyncEngine(const Workspace& workspace, ConnectionProvider provider, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_provider(std::move(provider))
    , m_log(std::make_unique<ConnectorLog>(workspace))
    , m_journal(std::make_unique<RunJournal>(workspace)) {
    qRegisterMetaType<syncdesk::RunProgress>();
    qRegisterMetaType<syncdesk::ConnectorLogEntry>();
    qRegisterMetaType<syncdesk::SyncPlan>();
    qRegisterMetaType<syncdesk::RunOutcome>();
    connect(m_log.get(), &ConnectorLog::entryAdded, this, &SyncEngine::logEntry, Qt::DirectConnection);
}

SyncEngine::~SyncEngine() = default;

Clock& SyncEngine::clock() const {
    return m_options.clock ? *m_options.clock : SystemClock::instance();
}

qint64 SyncEngine::searchIndexLag(const EngineConnection& connection) const {
    if (m_options.searchIndexLagMs)
        return *m_options.searchIndexLagMs;
    return usesHubSpotDialect(connection.connector->facts().kind) ? 5000 : 0;
}

std::optional<EngineConnection> SyncEngine::openConnection(const QString& name, RunOutcome& outcome) {
    QString error;
    std::optional<CrmError> crmError;
    std::optional<EngineConnection> c = m_provider ? m_provider(name, &error, &crmError) : std::nullopt;
    if (!c || !c->connector) {
        outcome.message = error.isEmpty() ? tr("Unknown connection \"%1\".").arg(name) : error;
        outcome.error = crmError;
        outcome.configurationError = !crmError.has_value();
        outcome.state = RunState::Failed;
        return std::nullopt;
    }
    if (c->setCancelFlag)
        c->setCancelFlag(&m_cancel);
    if (c->addHttpObserver)
        c->addHttpObserver(httpObserver());
    return c;
}

HttpObserver SyncEngine::httpObserver() {
    return [this](const HttpExchange& exchange) {
        m_log->append(ConnectorLog::fromExchange(exchange, m_currentRun));
    };
}

void SyncEngine::finish(RunInfo& run, RunOutcome& outcome, RunState state,
                        const std::optional<CrmError>& error, const QString& message) {
    run.state = state;
    run.error = error;
    run.message = message;
    if (state == RunState::Completed || run.dryRun)
        run.phase = RunPhase::Finished;
    if (state != RunState::Running && state != RunState::Planned)
        run.finishedAt = clock().now();
    m_journal->updateRun(run);
    outcome.runId = run.id;
    outcome.state = state;
    outcome.error = error;
    if (!message.isEmpty())
        outcome.message = message;
    outcome.outcomes = m_journal->outcomeCounts(run.id);

    ConnectorLogEntry e;
    e.runId = run.id;
    e.action = QStringLiteral("run");
    e.level = state == RunState::Failed                                     ? LogLevel::Error
              : (state == RunState::Paused || state == RunState::Cancelled) ? LogLevel::Warning
                                                                            : LogLevel::Info;
    e.message = tr("Run %1 %2.").arg(run.id).arg(runStateLabel(state));
    if (outcome.outcomes && state != RunState::Planned)
        e.message += u' ' + outcome.outcomes->toText().replace(u'\n', QStringLiteral("; "));
    if (!message.isEmpty())
        e.message += u' ' + message;
    if (error) {
        e.httpStatus = error->httpStatus;
        e.category = error->category.isEmpty() ? crmErrorKindName(error->kind) : error->category;
        e.code = error->code;
        e.correlationId = error->correlationId;
        e.hint = error->hint;
    }
    m_log->append(e);
    qCInfo(lcEngine) << "run" << run.id << runStateName(state);
    m_currentRun = 0;
    emit finished(run.id);
}

RunOutcome SyncEngine::sync(const SyncRequest& request) {
    RunOutcome outcome = plan(request);
    if (request.dryRun || outcome.runId == 0 || outcome.state != RunState::Planned)
        return outcome;
    RunOutcome executed = executeRun(outcome.runId); // a cancel since the plan still counts
    executed.plan = std::move(outcome.plan);
    return executed;
}

RunOutcome SyncEngine::plan(const SyncRequest& request) {
    RunOutcome outcome;
    std::optional<EngineConnection> connection = openConnection(request.connection, outcome);
    if (!connection)
        return outcome;
    if (request.settings)
        connection->settings = *request.settings;
    QString error;
    const std::optional<LocalSelection> selection =
        LocalSelection::load(m_workspace, request.selection, &error);
    if (!selection) {
        outcome.configurationError = true;
        outcome.message = error;
        return outcome;
    }

    RunInfo run;
    run.kind = RunKind::Sync;
    run.state = RunState::Running;
    run.phase = RunPhase::Planning;
    run.dryRun = request.dryRun;
    run.connectionId = connection->id;
    run.connectionName = connection->name.isEmpty() ? request.connection : connection->name;
    run.crmKind = crmKindName(connection->connector->facts().kind);
    run.settings = settingsJson(connection->settings);
    run.settings.insert(QStringLiteral("create_unique_id_property"), request.createUniqueIdProperty);
    run.selection = request.selection.toJson();
    run.startedAt = clock().now();
    if (!m_journal->createRun(run)) {
        outcome.message = m_journal->lastError();
        return outcome;
    }
    RunLock lock(m_workspace, run.id);
    lock.tryLock();
    m_currentRun = run.id;
    if (!planInto(run, *connection, *selection, request.createUniqueIdProperty, outcome))
        return outcome;
    if (request.dryRun) {
        finish(run, outcome, RunState::Planned, std::nullopt, QString());
    } else {
        run.state = RunState::Planned;
        m_journal->updateRun(run);
        outcome.runId = run.id;
        outcome.state = RunState::Planned;
        outcome.outcomes = m_journal->outcomeCounts(run.id);
        m_currentRun = 0;
    }
    return outcome;
}

bool SyncEngine::planInto(RunInfo& run, EngineConnection& connection, const LocalSelection& selection,
                          bool createUniqueId, RunOutcome& outcome) {
    outcome.runId = run.id;
    CrmConnector& crm = *connection.connector;
    const ConnectorFacts& facts = crm.facts();

    PlanInput input;
    input.companies = selection.companies;
    input.contacts = selection.contacts;
    input.fields = selection.fields;
    input.companyMapping = connection.companyMapping;
    input.contactMapping = connection.contactMapping;
    input.settings = connection.settings;
    input.knownCompanyIds = [this, connectionId = run.connectionId] {
        return m_journal->knownCrmIds(connectionId, RecordObject::Company).value_or(QHash<qint64, QString>());
    };

    // The CRM's properties: fetched once here for the planner and the unique-id property.
    int schemaCalls = 0;
    const auto fetch = [&](RecordObject object) -> std::optional<QList<CrmProperty>> {
        if (m_cancel.isCancelled()) {
            CrmError e;
            e.kind = CrmErrorKind::Cancelled;
            e.message = tr("The sync was cancelled.");
            finish(run, outcome, RunState::Cancelled, e, QString());
            return std::nullopt;
        }
        ++schemaCalls;
        const CrmResult<QList<CrmProperty>> result = crm.fetchProperties(object);
        if (!result.ok()) {
            finish(run, outcome, stateForError(result.error()), result.error(), result.error().message);
            return std::nullopt;
        }
        return result.value();
    };
    const bool contactsPlanned =
        !input.contacts.isEmpty() && input.settings.contactMode != ContactSyncMode::Disabled;
    if (!input.companies.isEmpty()) {
        input.companyProperties = fetch(RecordObject::Company);
        if (!input.companyProperties)
            return false;
    }
    if (contactsPlanned) {
        input.contactProperties = fetch(RecordObject::Contact);
        if (!input.contactProperties)
            return false;
    }

    // Idempotent creates: the unique-id property (created with the user's consent).
    const auto uniqueProperty = [&](RecordObject object,
                                    std::optional<QList<CrmProperty>>& properties) -> std::optional<QString> {
        if (!properties || facts.uniqueIdProperty.isEmpty())
            return QString();
        for (const CrmProperty& p : *properties) {
            if (p.name == facts.uniqueIdProperty)
                return p.unique ? p.name : QString();
        }
        if (!createUniqueId)
            return QString();
        ConnectorLogEntry e;
        e.runId = run.id;
        e.object = object;
        e.action = QStringLiteral("schema");
        if (run.dryRun) {
            e.level = LogLevel::Info;
            e.message = tr("A real run would create the unique property %1 on the CRM's %2.")
                            .arg(facts.uniqueIdProperty, facts.objectName(object));
            m_log->append(e);
            return QString();
        }
        ++schemaCalls;
        const CrmResult<CrmProperty> created =
            crm.createProperty(object, MissingFields::uniqueIdPropertyDefinition(facts));
        if (!created.ok()) {
            const CrmError& ce = created.error();
            if (ce.stopsRun()) {
                finish(run, outcome, stateForError(ce), ce, ce.message);
                return std::nullopt;
            }
            e.level = LogLevel::Warning;
            e.message = tr("The unique property %1 could not be created (%2); new records are created with "
                           "a journal and a re-check instead.")
                            .arg(facts.uniqueIdProperty, ce.message);
            e.httpStatus = ce.httpStatus;
            e.code = ce.code;
            e.hint = ce.hint;
            m_log->append(e);
            return QString();
        }
        properties->append(created.value());
        e.level = LogLevel::Info;
        e.message = tr("Created the unique property %1 on the CRM's %2: new records are upserted on it.")
                        .arg(facts.uniqueIdProperty, facts.objectName(object));
        m_log->append(e);
        return created.value().name;
    };
    const std::optional<QString> companyUnique =
        uniqueProperty(RecordObject::Company, input.companyProperties);
    if (!companyUnique)
        return false;
    QString contactUnique;
    if (facts.associationStyle == AssociationStyle::ParentField) {
        const std::optional<QString> u = uniqueProperty(RecordObject::Contact, input.contactProperties);
        if (!u)
            return false;
        contactUnique = *u;
    }
    run.uniqueIdProperty = *companyUnique;
    run.settings.insert(QStringLiteral("contact_unique_id_property"), contactUnique);

    SyncPlanner planner(crm);
    planner.setCancelCheck([this] { return m_cancel.isCancelled(); });
    planner.setProgressCallback([this, &run, schemaCalls](const PlanProgress& p) {
        RunProgress progress;
        progress.runId = run.id;
        progress.stage = QStringLiteral("plan");
        progress.calls = schemaCalls + p.calls;
        emit this->progress(progress);
    });
    SyncPlan plan = planner.plan(input);
    plan.lookup.schemaCalls += schemaCalls;
    run.lookup = lookupJson(plan.lookup);
    outcome.problems = plan.problems;

    if (plan.error) {
        outcome.plan = plan;
        finish(run, outcome, stateForError(*plan.error), plan.error, plan.error->message);
        return false;
    }
    if (!plan.ok()) {
        QStringList lines;
        for (const MappingProblem& p : plan.problems) {
            if (p.isError())
                lines.append(p.row >= 0 ? tr("row %1: %2").arg(p.row + 1).arg(p.message) : p.message);
        }
        outcome.configurationError = true;
        outcome.plan = plan;
        finish(run, outcome, RunState::Failed, std::nullopt,
               tr("The mapping does not fit the CRM; nothing was planned:\n%1").arg(lines.join(u'\n')));
        return false;
    }

    // Journal the plan.
    QList<JournalRecord> records;
    records.reserve(plan.companies.size() + plan.contacts.size());
    QList<ConnectorLogEntry> entries;
    int seq = 0;
    for (const QList<RecordPlan>* list : {&plan.companies, &plan.contacts}) {
        for (const RecordPlan& r : *list) {
            JournalRecord j = journalRecordOf(r, seq++, run.dryRun);
            if (!run.dryRun && r.action == PlanAction::Create) {
                const QString& unique = r.object == RecordObject::Company ? *companyUnique : contactUnique;
                if (!unique.isEmpty())
                    j.uniqueValue = m_journal->uniqueValueFor(r.object, r.localId);
            }
            records.append(std::move(j));
            if (r.action == PlanAction::Create || r.action == PlanAction::Update)
                continue;
            ConnectorLogEntry e;
            e.runId = run.id;
            e.level = r.action == PlanAction::Unchanged ? LogLevel::Debug : LogLevel::Info;
            e.object = r.object;
            e.localId = r.localId;
            e.crmId = r.crmId;
            e.action = planActionName(r.action);
            const QString who = r.object == RecordObject::Company || r.email.isEmpty() ? r.name : r.email;
            e.message = r.reasonText.isEmpty()
                            ? tr("%1: %2").arg(who, planActionLabel(r.action))
                            : tr("%1: %2 — %3").arg(who, planActionLabel(r.action), r.reasonText);
            entries.append(e);
        }
    }
    if (!m_journal->addRecords(run.id, records)) {
        finish(run, outcome, RunState::Failed, std::nullopt, m_journal->lastError());
        return false;
    }
    m_log->append(entries);
    run.counts = plan.report().toJson();
    run.phase = RunPhase::Executing;
    m_journal->updateRun(run);
    outcome.plan = plan;
    emit planReady(run.id, plan);
    return true;
}

RunOutcome SyncEngine::execute(qint64 runId) {
    return executeRun(runId);
}

RunOutcome SyncEngine::executeRun(qint64 runId) {
    RunOutcome outcome;
    outcome.runId = runId;
    m_journal->recoverInterrupted();
    std::optional<RunInfo> run = m_journal->run(runId);
    if (!run) {
        outcome.runId = 0;
        outcome.configurationError = true;
        outcome.message =
            m_journal->lastError().isEmpty() ? tr("There is no run %1.").arg(runId) : m_journal->lastError();
        return outcome;
    }
    outcome.state = run->state;
    if (run->dryRun) {
        outcome.configurationError = true;
        outcome.message =
            tr("Run %1 is a dry run: it only shows a plan. Start a new sync to write.").arg(runId);
        return outcome;
    }
    if (run->state != RunState::Planned && !runStateResumable(run->state)) {
        outcome.configurationError = true;
        outcome.message =
            run->state == RunState::Running
                ? tr("Run %1 is being carried out by another process.").arg(runId)
                : tr("Run %1 is %2: there is nothing to resume.").arg(runId).arg(runStateLabel(run->state));
        outcome.outcomes = m_journal->outcomeCounts(runId);
        return outcome;
    }
    RunLock lock(m_workspace, runId);
    if (!lock.tryLock()) {
        outcome.configurationError = true;
        outcome.message = tr("Run %1 is being carried out by another process.").arg(runId);
        return outcome;
    }
    std::optional<EngineConnection> connection = openConnection(run->connectionName, outcome);
    if (!connection)
        return outcome;

    m_currentRun = run->id;
    run->state = RunState::Running;
    run->error.reset();
    run->message.clear();
    if (!run->startedAt.isValid())
        run->startedAt = clock().now();
    m_journal->updateRun(*run);
    if (run->phase == RunPhase::Planning) {
        // Stopped before its plan was journaled: nothing was written; plan again.
        if (run->kind == RunKind::Undo) {
            finish(*run, outcome, RunState::Failed, std::nullopt,
                   tr("This undo stopped before it was planned; nothing was written. Start the undo again."));
            return outcome;
        }
        QString error;
        const std::optional<LocalSelection> selection =
            LocalSelection::load(m_workspace, SelectionRequest::fromJson(run->selection), &error);
        if (!selection) {
            outcome.configurationError = true;
            finish(*run, outcome, RunState::Failed, std::nullopt, error);
            return outcome;
        }
        const bool consent = run->settings.value(QLatin1String("create_unique_id_property")).toBool();
        if (!planInto(*run, *connection, *selection, consent, outcome))
            return outcome;
    }
    RunOutcome result = carryOut(*run, *connection);
    result.plan = std::move(outcome.plan);
    return result;
}

RunOutcome SyncEngine::carryOut(RunInfo& run, EngineConnection& connection) {
    RunOutcome outcome;
    outcome.runId = run.id;
    std::optional<QList<JournalRecord>> records = m_journal->records(run.id);
    if (!records) {
        finish(run, outcome, RunState::Failed, std::nullopt, m_journal->lastError());
        return outcome;
    }
    if (run.state != RunState::Running) {
        run.state = RunState::Running;
        m_journal->updateRun(run);
    }
    ExecutorOptions options;
    options.policy = policyOf(run);
    options.companyUpsertProperty = run.uniqueIdProperty;
    options.contactUpsertProperty =
        run.settings.value(QLatin1String("contact_unique_id_property")).toString();
    options.searchIndexLagMs = searchIndexLag(connection);
    options.maxSendsPerRecord = m_options.maxSendsPerRecord;

    SyncExecutor executor(*connection.connector, *m_journal, clock());
    executor.setLog(m_log.get());
    executor.setCancelFlag(&m_cancel);
    executor.setProgressCallback([this](const RunProgress& p) { emit progress(p); });
    const SyncExecutor::Result result = executor.execute(run, *records, options);

    QString message;
    switch (result.state) {
    case RunState::Paused:
        message = tr("Paused by the CRM's limit (%1). Resume it later: nothing done is repeated.")
                      .arg(result.error ? result.error->message : QString());
        break;
    case RunState::Cancelled:
        message = tr("Cancelled after the request in flight. Resume it to finish.");
        break;
    case RunState::Failed:
        message = result.error ? result.error->message : QString();
        break;
    default:
        break;
    }
    finish(run, outcome, result.state, result.error, message);
    return outcome;
}

RunOutcome SyncEngine::undo(qint64 runId, bool dryRun) {
    RunOutcome outcome;
    m_journal->recoverInterrupted();
    const std::optional<RunInfo> original = m_journal->run(runId);
    if (!original) {
        outcome.configurationError = true;
        outcome.message =
            m_journal->lastError().isEmpty() ? tr("There is no run %1.").arg(runId) : m_journal->lastError();
        return outcome;
    }
    if (original->dryRun) {
        outcome.configurationError = true;
        outcome.message = tr("Run %1 is a dry run: it wrote nothing to undo.").arg(runId);
        return outcome;
    }
    if (original->state == RunState::Running) {
        outcome.configurationError = true;
        outcome.message = tr("Run %1 is still running; undo it when it has stopped.").arg(runId);
        return outcome;
    }
    if (!dryRun) {
        const std::optional<QList<RunInfo>> undos = m_journal->undoRunsOf(runId);
        for (const RunInfo& u : undos.value_or(QList<RunInfo>{})) {
            if (u.dryRun)
                continue;
            outcome.configurationError = true;
            outcome.runId = u.id;
            outcome.state = u.state;
            outcome.message = u.state == RunState::Completed
                                  ? tr("Run %1 was already undone by run %2.").arg(runId).arg(u.id)
                                  : tr("Run %1 is being undone by run %2 (%3): resume that run instead.")
                                        .arg(runId)
                                        .arg(u.id)
                                        .arg(runStateLabel(u.state));
            return outcome;
        }
    }
    const std::optional<QList<JournalRecord>> records = m_journal->records(runId);
    if (!records) {
        outcome.message = m_journal->lastError();
        return outcome;
    }
    std::optional<EngineConnection> connection = openConnection(original->connectionName, outcome);
    if (!connection)
        return outcome;

    RunInfo run;
    run.kind = RunKind::Undo;
    run.undoOf = runId;
    run.state = RunState::Running;
    run.phase = RunPhase::Planning;
    run.dryRun = dryRun;
    run.connectionId = original->connectionId;
    run.connectionName = original->connectionName;
    run.crmKind = original->crmKind;
    run.settings = original->settings;
    run.startedAt = clock().now();
    if (!m_journal->createRun(run)) {
        outcome.message = m_journal->lastError();
        return outcome;
    }
    RunLock lock(m_workspace, run.id);
    lock.tryLock();
    m_currentRun = run.id;
    outcome.runId = run.id;

    RunUndo planner(*connection->connector);
    planner.setCancelCheck([this] { return m_cancel.isCancelled(); });
    RunUndo::Plan plan = planner.plan(*records);
    if (plan.error) {
        finish(run, outcome, stateForError(*plan.error), plan.error, plan.error->message);
        return outcome;
    }
    QList<ConnectorLogEntry> entries;
    for (JournalRecord& r : plan.records) {
        if (dryRun) {
            r.state = WriteState::Done;
            r.outcome = RecordOutcome::None;
        }
        if (r.action != leftAloneActionName())
            continue;
        ConnectorLogEntry e;
        e.runId = run.id;
        e.level = LogLevel::Info;
        e.object = r.object;
        e.localId = r.localId;
        e.crmId = r.crmId;
        e.action = r.action;
        e.message = r.note;
        entries.append(e);
    }
    if (!m_journal->addRecords(run.id, plan.records)) {
        finish(run, outcome, RunState::Failed, std::nullopt, m_journal->lastError());
        return outcome;
    }
    m_log->append(entries);
    run.counts = QJsonObject{{QStringLiteral("restore"), plan.restore},
                             {QStringLiteral("archive"), plan.archive},
                             {QStringLiteral("left_alone"), plan.leftAlone}};
    run.lookup = QJsonObject{{QStringLiteral("calls"), plan.calls}};
    run.phase = RunPhase::Executing;
    m_journal->updateRun(run);
    if (dryRun) {
        finish(run, outcome, RunState::Planned, std::nullopt, QString());
        return outcome;
    }
    return carryOut(run, *connection);
}

} // namespace syncdesk
