#include "core/sync/SyncExecutor.h"

#include "core/domain/DomainKey.h"
#include "core/domain/EmailAddress.h"
#include "core/log/ConnectorLog.h"
#include "core/mapping/ValueConversion.h"
#include "core/net/CancelFlag.h"
#include "core/net/Clock.h"
#include "core/sync/ConnectorLanes.h"
#include "core/sync/RunJournal.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <deque>
#include <memory>

Q_LOGGING_CATEGORY(lcExecutor, "syncdesk.sync.executor", QtWarningMsg)

namespace syncdesk {

namespace {

enum class Op { Create, Upsert, Update, Archive };

QString opAction(Op op) {
    switch (op) {
    case Op::Create:
    case Op::Upsert:
        return QStringLiteral("create");
    case Op::Update:
        return QStringLiteral("update");
    case Op::Archive:
        return QStringLiteral("archive");
    }
    return QString();
}

QString refOf(const JournalRecord* r) {
    return QString::number(r->id);
}

using WriteResult = CrmResult<QList<CrmWriteResult>>;

bool isCreate(const JournalRecord& r) {
    return r.action == planActionName(PlanAction::Create);
}
bool isUpdate(const JournalRecord& r) {
    return r.action == planActionName(PlanAction::Update) || r.action == restoreActionName();
}
bool isArchive(const JournalRecord& r) {
    return r.action == archiveActionName();
}

} // namespace

SyncExecutor::SyncExecutor(CrmConnector& connector, RunJournal& journal, Clock& clock)
    : m_connector(connector)
    , m_journal(journal)
    , m_clock(clock) {}

// One execution of a run: the state shared by its stages.
class SyncExecutor::Pass {
public:
    Pass(SyncExecutor& executor, const RunInfo& run, QList<JournalRecord>& records,
         const ExecutorOptions& options)
        : m_x(executor)
        , m_crm(executor.m_connector)
        , m_facts(executor.m_connector.facts())
        , m_run(run)
        , m_records(records)
        , m_options(options) {
        m_progress.runId = run.id;
        for (JournalRecord& r : m_records) {
            if (r.state == WriteState::Sending) { // in flight when the previous process stopped
                m_maybeApplied.insert(r.id);
                m_inherited.insert(r.id);
            }
            if (r.writes() || r.associationState == u"pending") {
                ++m_progress.total;
                if (r.state == WriteState::Done && r.associationState != u"pending")
                    ++m_progress.done;
            }
        }
    }

    Result execute() {
        const bool undo = m_run.kind == RunKind::Undo;
        const auto select = [this](RecordObject object, bool (*what)(const JournalRecord&)) {
            QList<JournalRecord*> out;
            for (JournalRecord& r : m_records) {
                if (r.object == object && what(r) && r.state != WriteState::Done)
                    out.append(&r);
            }
            return out;
        };
        if (undo) {
            // Put values back first, then archive what the run created: contacts before companies.
            stage(QStringLiteral("undo"), select(RecordObject::Company, isUpdate), Op::Update) &&
                stage(QStringLiteral("undo"), select(RecordObject::Contact, isUpdate), Op::Update) &&
                stage(QStringLiteral("undo"), select(RecordObject::Contact, isArchive), Op::Archive) &&
                stage(QStringLiteral("undo"), select(RecordObject::Company, isArchive), Op::Archive);
        } else {
            const Op companyCreate = m_options.companyUpsertProperty.isEmpty() ? Op::Create : Op::Upsert;
            const Op contactCreate = m_options.contactUpsertProperty.isEmpty() ? Op::Create : Op::Upsert;
            if (stage(QStringLiteral("companies"), select(RecordObject::Company, isCreate), companyCreate) &&
                stage(QStringLiteral("companies"), select(RecordObject::Company, isUpdate), Op::Update) &&
                resolveContactCompanies() &&
                stage(QStringLiteral("contacts"), select(RecordObject::Contact, isCreate), contactCreate)) {
                QList<JournalRecord*> updates;
                for (JournalRecord* r : select(RecordObject::Contact, isUpdate)) {
                    if (!r->changes.isEmpty() || parentFieldAssociation(*r))
                        updates.append(r);
                }
                if (stage(QStringLiteral("contacts"), updates, Op::Update))
                    associations();
            }
        }
        if (!m_stop)
            m_result.state = RunState::Completed;
        report();
        return m_result;
    }

private:
    // ---- Control -------------------------------------------------------------------------------

    bool stopped() const { return m_stop; }

    void stop(RunState state, const CrmError& error) {
        if (m_stop)
            return;
        m_stop = true;
        m_result.state = state;
        m_result.error = error;
        qCInfo(lcExecutor) << "run" << m_run.id << "stops:" << runStateName(state)
                           << crmErrorKindName(error.kind) << error.message;
    }

    bool checkCancel() {
        if (!isCancelled(m_x.m_cancel))
            return false;
        CrmError e;
        e.kind = CrmErrorKind::Cancelled;
        e.message = SyncExecutor::tr("The run was cancelled.");
        stop(RunState::Cancelled, e);
        return true;
    }

    void journalFailed() {
        CrmError e;
        e.kind = CrmErrorKind::Other;
        e.message =
            SyncExecutor::tr("The workspace could not record the run: %1").arg(m_x.m_journal.lastError());
        stop(RunState::Failed, e);
    }

    void report() {
        if (m_x.m_progress)
            m_x.m_progress(m_progress);
    }

    void log(ConnectorLogEntry e) {
        if (!m_x.m_log)
            return;
        e.runId = m_run.id;
        m_pendingLog.append(std::move(e));
    }

    void flushLog() {
        if (m_x.m_log && !m_pendingLog.isEmpty())
            m_x.m_log->append(std::move(m_pendingLog));
        m_pendingLog.clear();
    }

    ConnectorLogEntry recordEntry(const JournalRecord& r, LogLevel level, const QString& action,
                                  const QString& message) const {
        ConnectorLogEntry e;
        e.level = level;
        e.object = r.object;
        e.localId = r.localId;
        e.crmId = r.crmId;
        e.action = action;
        e.message = message;
        return e;
    }

    static void fillError(ConnectorLogEntry& e, const CrmError& error) {
        e.httpStatus = error.httpStatus;
        e.category = error.category.isEmpty() ? crmErrorKindName(error.kind) : error.category;
        e.code = error.code;
        e.correlationId = error.correlationId;
        e.hint = error.hint;
    }

    QString label(const JournalRecord& r) const {
        const QString who = r.object == RecordObject::Company || r.email.isEmpty() ? r.name : r.email;
        return who.isEmpty() ? QStringLiteral("#%1").arg(r.localId) : who;
    }

    bool save(const QList<JournalRecord*>& records) {
        QList<const JournalRecord*> list;
        list.reserve(records.size());
        for (const JournalRecord* r : records)
            list.append(r);
        if (!m_x.m_journal.saveRecords(list)) {
            journalFailed();
            return false;
        }
        return true;
    }

    bool parentFieldAssociation(const JournalRecord& r) const {
        return m_facts.associationStyle == AssociationStyle::ParentField &&
               r.association == AssociationPlan::Kind::Add && r.associationState == u"pending";
    }

    // ---- Stages --------------------------------------------------------------------------------

    // Sends `records` with `op` in full batches; re-checks the uncertain ones and sends again what
    // did not go through. Returns false when the run stops.
    bool stage(const QString& name, const QList<JournalRecord*>& records, Op op) {
        if (records.isEmpty() || m_stop)
            return !m_stop;
        m_progress.stage = name;
        QList<JournalRecord*> queue;
        QList<JournalRecord*> uncertain;
        for (JournalRecord* r : records)
            (r->state == WriteState::Sending ? uncertain : queue).append(r);
        ConnectorLogEntry start;
        start.level = LogLevel::Info;
        start.object = records.first()->object;
        start.action = opAction(op);
        start.message = SyncExecutor::tr("%1 %2 record(s) to %3 in batches of %4")
                            .arg(records.size())
                            .arg(recordObjectName(records.first()->object))
                            .arg(opAction(op))
                            .arg(qMax(1, m_facts.maxWriteBatch));
        log(start);
        flushLog();

        const int batchSize = qMax(1, m_facts.maxWriteBatch);
        // Batches on the lanes, oldest first; their answers are handled in this order.
        struct InFlight {
            QList<JournalRecord*> batch;
            std::shared_ptr<WriteResult> result;
        };
        std::deque<InFlight> inFlight;
        if (!m_lanesTried && queue.size() > batchSize && m_facts.requestsInFlight >= 2) {
            m_lanesTried = true;
            auto lanes = std::make_unique<ConnectorLanes>(m_crm, m_facts.requestsInFlight);
            if (lanes->available())
                m_lanes = std::move(lanes);
        }
        while (!queue.isEmpty() || !uncertain.isEmpty() || !inFlight.empty()) {
            // Keep every lane busy: each batch is journaled as sending before it leaves.
            while (m_lanes && !m_stop && !queue.isEmpty() && qsizetype(inFlight.size()) < m_lanes->lanes()) {
                if (checkCancel())
                    break;
                const QList<JournalRecord*> batch = queue.mid(0, batchSize);
                queue.remove(0, batch.size());
                if (!m_x.m_journal.markSending(batch)) {
                    journalFailed();
                    break;
                }
                auto result = std::make_shared<WriteResult>(CrmError{});
                m_lanes->submit([call = prepare(op, batch), result](CrmConnector& crm) {
                    *result = perform(crm, call);
                });
                inFlight.push_back({batch, result});
            }
            if (!inFlight.empty()) {
                // Answers are handled even after a stop: what went through is journaled as done.
                m_lanes->take();
                InFlight done = std::move(inFlight.front());
                inFlight.pop_front();
                complete(done.batch, op, *done.result, uncertain);
                flushLog();
                report();
                continue;
            }
            if (m_stop)
                return false;
            if (queue.isEmpty()) {
                queue = recheck(uncertain, op);
                uncertain.clear();
                flushLog();
                if (m_stop)
                    return false;
                continue;
            }
            if (checkCancel())
                return false;
            const QList<JournalRecord*> batch = queue.mid(0, batchSize);
            queue.remove(0, batch.size());
            send(batch, op, uncertain);
            flushLog();
            report();
            if (m_stop)
                return false;
        }
        return !m_stop;
    }

    // One write request, built on the executor's thread and sent on any (a lane's connector).
    struct WriteCall {
        Op op = Op::Create;
        RecordObject object = RecordObject::Company;
        QList<CrmWriteInput> inputs; // create, upsert, update
        QStringList ids;             // archive
        QString upsertProperty;
    };

    WriteCall prepare(Op op, const QList<JournalRecord*>& batch) {
        ++m_result.calls;
        ++m_progress.calls;
        WriteCall call;
        call.op = op;
        call.object = batch.first()->object;
        if (op == Op::Archive) {
            for (const JournalRecord* r : batch)
                call.ids.append(r->crmId);
            return call;
        }
        if (op == Op::Upsert)
            call.upsertProperty = call.object == RecordObject::Company ? m_options.companyUpsertProperty
                                                                       : m_options.contactUpsertProperty;
        call.inputs.reserve(batch.size());
        for (const JournalRecord* r : batch) {
            CrmWriteInput in;
            in.ref = refOf(r);
            in.properties = r->writeValues();
            if (op == Op::Update) {
                in.id = r->crmId;
                if (parentFieldAssociation(*r))
                    in.properties.insert(m_facts.contactCompanyProperty, r->associationCompanyId);
            } else {
                if (r->association == AssociationPlan::Kind::AtCreate)
                    in.companyId = r->associationCompanyId;
                if (op == Op::Upsert) {
                    in.id = r->uniqueValue;
                    if (!in.companyId.isEmpty() && m_facts.associationStyle == AssociationStyle::ParentField)
                        in.properties.insert(m_facts.contactCompanyProperty, in.companyId);
                }
            }
            call.inputs.append(in);
        }
        return call;
    }

    static WriteResult perform(CrmConnector& crm, const WriteCall& call) {
        switch (call.op) {
        case Op::Archive:
            return crm.archiveRecords(call.object, call.ids);
        case Op::Create:
            return crm.createRecords(call.object, call.inputs);
        case Op::Upsert:
            return crm.upsertRecords(call.object, call.upsertProperty, call.inputs);
        case Op::Update:
            break;
        }
        return crm.updateRecords(call.object, call.inputs);
    }

    // One request for `batch` (split when the CRM refuses it as a whole because of one input).
    void send(const QList<JournalRecord*>& batch, Op op, QList<JournalRecord*>& uncertain) {
        if (batch.isEmpty() || m_stop)
            return;
        if (!m_x.m_journal.markSending(batch)) {
            journalFailed();
            return;
        }
        complete(batch, op, perform(m_crm, prepare(op, batch)), uncertain);
    }

    // Handles the answer to the request for `batch` (journaled as sending).
    void complete(const QList<JournalRecord*>& batch, Op op, const WriteResult& result,
                  QList<JournalRecord*>& uncertain) {
        const RecordObject object = batch.first()->object;
        if (!result.ok()) {
            const CrmError& error = result.error();
            switch (error.kind) {
            case CrmErrorKind::Cancelled:
                backToPending(batch);
                stop(RunState::Cancelled, error);
                return;
            case CrmErrorKind::DailyLimit:
            case CrmErrorKind::RateLimited:
                backToPending(batch);
                stop(RunState::Paused, error);
                return;
            case CrmErrorKind::Authentication:
            case CrmErrorKind::Permission:
                backToPending(batch);
                stop(RunState::Failed, error);
                return;
            case CrmErrorKind::Network:
            case CrmErrorKind::Server: {
                ConnectorLogEntry e;
                e.level = LogLevel::Warning;
                e.object = object;
                e.action = opAction(op);
                e.message = SyncExecutor::tr("No usable answer for a batch of %1: %2. The CRM is checked "
                                             "before anything is sent again.")
                                .arg(batch.size())
                                .arg(error.message);
                fillError(e, error);
                log(e);
                for (JournalRecord* r : batch) {
                    m_maybeApplied.insert(r->id);
                    uncertain.append(r);
                }
                return;
            }
            default:
                if (batch.size() > 1) {
                    ConnectorLogEntry e;
                    e.level = LogLevel::Info;
                    e.object = object;
                    e.action = opAction(op);
                    e.message =
                        SyncExecutor::tr("The CRM refused a batch of %1 as a whole (%2); sending it in "
                                         "halves to find the record it is about.")
                            .arg(batch.size())
                            .arg(error.message);
                    fillError(e, error);
                    log(e);
                    const qsizetype half = batch.size() / 2;
                    send(batch.mid(0, half), op, uncertain);
                    send(batch.mid(half), op, uncertain);
                    return;
                }
                recordFailed(batch.first(), op, error, uncertain);
                save(batch);
                return;
            }
        }

        QHash<QString, const CrmWriteResult*> byRef;
        for (const CrmWriteResult& w : result.value())
            byRef.insert(w.ref, &w);
        const QList<CrmWriteResult>& list = result.value();
        for (qsizetype i = 0; i < batch.size(); ++i) {
            JournalRecord* r = batch.at(i);
            const CrmWriteResult* w = byRef.value(refOf(r));
            if (!w && op == Op::Archive && i < list.size())
                w = &list.at(i); // archive results are keyed by CRM id
            if (!w) {
                m_maybeApplied.insert(r->id);
                uncertain.append(r);
                continue;
            }
            if (w->ok)
                succeeded(r, op, *w);
            else
                recordFailed(r, op, w->error.value_or(CrmError{}), uncertain);
        }
        save(batch);
    }

    void backToPending(const QList<JournalRecord*>& batch) {
        for (JournalRecord* r : batch)
            r->state = WriteState::Pending;
        save(batch);
    }

    void succeeded(JournalRecord* r, Op op, const CrmWriteResult& w) {
        r->state = WriteState::Done;
        r->error.reset();
        for (JournalChange& c : r->changes)
            c.written = true;
        switch (op) {
        case Op::Create:
        case Op::Upsert:
            r->crmId = w.id;
            if (op == Op::Upsert && !w.created && !m_maybeApplied.contains(r->id)) {
                r->outcome = RecordOutcome::Updated;
                r->note =
                    SyncExecutor::tr("A CRM record with this record's SyncDesk ID already existed; it was "
                                     "updated instead.");
            } else {
                r->outcome = RecordOutcome::Created;
                if (op == Op::Upsert && !w.created)
                    r->note =
                        SyncExecutor::tr("Sent again after a lost answer: the first request had created it.");
            }
            if (r->association == AssociationPlan::Kind::AtCreate)
                r->associationState = QStringLiteral("done");
            ++m_progress.created;
            log(recordEntry(*r, LogLevel::Info, QStringLiteral("create"),
                            SyncExecutor::tr("Created %1").arg(label(*r))));
            break;
        case Op::Update:
            if (!w.id.isEmpty())
                r->crmId = w.id;
            r->outcome = r->action == restoreActionName() ? RecordOutcome::Restored : RecordOutcome::Updated;
            if (parentFieldAssociation(*r))
                r->associationState = QStringLiteral("done");
            ++m_progress.updated;
            log(recordEntry(*r, LogLevel::Info, r->action,
                            SyncExecutor::tr("%1 %2: %3")
                                .arg(recordOutcomeLabel(r->outcome), label(*r), changedProperties(*r))));
            break;
        case Op::Archive:
            r->outcome = RecordOutcome::Archived;
            log(recordEntry(
                *r, LogLevel::Info, QStringLiteral("archive"),
                SyncExecutor::tr("Archived %1 (created by run %2)").arg(label(*r)).arg(m_run.undoOf)));
            break;
        }
        if (r->associationState != u"pending")
            ++m_progress.done;
    }

    static QString changedProperties(const JournalRecord& r) {
        QStringList names;
        for (const JournalChange& c : r.changes)
            names.append(c.property);
        return names.isEmpty() ? SyncExecutor::tr("association only") : names.join(QStringLiteral(", "));
    }

    void recordFailed(JournalRecord* r, Op op, const CrmError& error, QList<JournalRecord*>& uncertain) {
        const bool create = op == Op::Create || op == Op::Upsert;
        if (error.kind == CrmErrorKind::Network || error.kind == CrmErrorKind::Server ||
            error.kind == CrmErrorKind::RateLimited ||
            (create && error.kind == CrmErrorKind::Duplicate && m_maybeApplied.contains(r->id))) {
            m_maybeApplied.insert(r->id);
            uncertain.append(r);
            return;
        }
        if (op == Op::Archive && error.kind == CrmErrorKind::NotFound) {
            r->state = WriteState::Done;
            r->outcome = RecordOutcome::Archived;
            r->note = SyncExecutor::tr("It was no longer in the CRM.");
            ++m_progress.done;
            log(recordEntry(*r, LogLevel::Info, QStringLiteral("archive"), r->note));
            return;
        }
        fail(r, error, opAction(op));
    }

    void fail(JournalRecord* r, const CrmError& error, const QString& action) {
        r->state = WriteState::Done;
        r->outcome = RecordOutcome::Failed;
        r->error = error;
        if (r->associationState == u"pending")
            r->associationState.clear();
        ++m_progress.failed;
        ++m_progress.done;
        ConnectorLogEntry e = recordEntry(*r, LogLevel::Error, action,
                                          SyncExecutor::tr("%1 failed: %2").arg(label(*r), error.message));
        fillError(e, error);
        log(e);
    }

    // ---- Re-checks after a lost answer ---------------------------------------------------------

    // Finds out which uncertain records were written. Finished ones are journaled; the rest is
    // returned to be sent again (or failed when they were sent too often).
    QList<JournalRecord*> recheck(const QList<JournalRecord*>& records, Op op) {
        m_progress.stage = QStringLiteral("recheck");
        QList<JournalRecord*> again;
        if (op == Op::Archive) {
            again = records; // archiving is safe to repeat
        } else if (op == Op::Update) {
            again = recheckUpdates(records);
        } else if (op == Op::Upsert) {
            // An upsert is safe to repeat; only records left in flight by an earlier process are looked
            // up first, so that resuming writes nothing twice.
            QList<JournalRecord*> inherited;
            for (JournalRecord* r : records)
                (m_inherited.remove(r->id) ? inherited : again).append(r);
            if (!inherited.isEmpty())
                again += recheckCreates(inherited);
        } else {
            again = recheckCreates(records);
        }
        if (m_stop)
            return {};
        QList<JournalRecord*> out;
        for (JournalRecord* r : std::as_const(again)) {
            if (r->attempts >= m_options.maxSendsPerRecord) {
                CrmError e = r->error.value_or(CrmError{});
                e.kind = CrmErrorKind::Network;
                if (e.message.isEmpty())
                    e.message = SyncExecutor::tr("No answer arrived after %1 attempts.").arg(r->attempts);
                fail(r, e, opAction(op));
            } else {
                r->state = WriteState::Pending;
                out.append(r);
            }
        }
        QList<JournalRecord*> all = records;
        save(all);
        return out;
    }

    template <typename T, typename Call> std::optional<T> read(Call call) {
        if (checkCancel())
            return std::nullopt;
        ++m_result.calls;
        ++m_progress.calls;
        CrmResult<T> result = call();
        if (!result.ok()) {
            const CrmError& e = result.error();
            const RunState state =
                e.kind == CrmErrorKind::Cancelled ? RunState::Cancelled
                : (e.kind == CrmErrorKind::DailyLimit || e.kind == CrmErrorKind::RateLimited)
                    ? RunState::Paused
                    : RunState::Failed;
            stop(state, e);
            return std::nullopt;
        }
        return std::move(result.value());
    }

    void adopt(JournalRecord* r, const CrmRecord& found, const QString& note) {
        r->state = WriteState::Done;
        r->crmId = found.id;
        r->outcome = isCreate(*r) ? RecordOutcome::Created
                                  : (r->action == restoreActionName() ? RecordOutcome::Restored
                                                                      : RecordOutcome::Updated);
        r->error.reset();
        r->note = note;
        for (JournalChange& c : r->changes)
            c.written = true;
        if (r->association == AssociationPlan::Kind::AtCreate)
            r->associationState = QStringLiteral("done");
        if (parentFieldAssociation(*r) &&
            found.value(m_facts.contactCompanyProperty) == r->associationCompanyId)
            r->associationState = QStringLiteral("done");
        if (isCreate(*r))
            ++m_progress.created;
        else
            ++m_progress.updated;
        if (r->associationState != u"pending")
            ++m_progress.done;
        log(recordEntry(*r, LogLevel::Info, QStringLiteral("recheck"), note));
    }

    QList<JournalRecord*> recheckCreates(const QList<JournalRecord*>& records) {
        const RecordObject object = records.first()->object;
        const bool companies = object == RecordObject::Company;
        QStringList keys;
        for (const JournalRecord* r : records) {
            if (!r->matchKey.isEmpty() && !keys.contains(r->matchKey))
                keys.append(r->matchKey);
        }
        QStringList properties{m_facts.matchProperty(object)};
        const QString unique = companies ? m_options.companyUpsertProperty : m_options.contactUpsertProperty;
        if (!unique.isEmpty())
            properties.append(unique);
        if (!companies && !m_facts.contactCompanyProperty.isEmpty())
            properties.append(m_facts.contactCompanyProperty);

        QHash<QString, QList<CrmRecord>> byKey;
        const QSet<QString> wanted(keys.begin(), keys.end());
        const auto take = [&](const CrmRecord& found) {
            const QString raw = found.value(m_facts.matchProperty(object));
            const QString key =
                companies ? DomainKey::key(raw, m_options.policy) : EmailAddress::normalize(raw).key;
            if (wanted.contains(key))
                byKey[key].append(found);
        };
        const auto pages = [&](auto call) {
            QString cursor;
            do {
                const std::optional<CrmPage> page = read<CrmPage>([&] { return call(cursor); });
                if (!page)
                    return false;
                for (const CrmRecord& found : page->records)
                    take(found);
                cursor = page->nextCursor;
            } while (!cursor.isEmpty());
            return true;
        };

        if (companies) {
            const std::optional<QList<QStringList>> chunks =
                m_crm.domainLookupChunks(keys, m_options.policy, properties);
            if (chunks) {
                if (m_options.searchIndexLagMs > 0 &&
                    !m_x.m_clock.sleep(m_options.searchIndexLagMs, m_x.m_cancel)) {
                    checkCancel();
                    return {};
                }
                for (const QStringList& chunk : *chunks) {
                    if (!pages([&](const QString& cursor) {
                            return m_crm.searchCompaniesByDomain(chunk, m_options.policy, properties, cursor);
                        }))
                        return {};
                }
            } else if (!pages([&](const QString& cursor) {
                           return m_crm.listRecords(RecordObject::Company, properties, cursor);
                       })) {
                return {};
            }
        } else {
            for (const QStringList& chunk : m_crm.emailLookupChunks(keys, properties)) {
                if (!pages([&](const QString& cursor) {
                        return m_crm.findContactsByEmail(chunk, properties, cursor);
                    }))
                    return {};
            }
        }

        QList<JournalRecord*> again;
        for (JournalRecord* r : records) {
            m_inherited.remove(r->id);
            QList<CrmRecord> found = byKey.value(r->matchKey);
            const CrmRecord* mine = nullptr;
            for (const CrmRecord& f : found) {
                if (!unique.isEmpty() && f.value(unique) == r->uniqueValue)
                    mine = &f;
            }
            if (!mine && !found.isEmpty() && (unique.isEmpty() || found.first().value(unique).isEmpty()))
                mine = &found.first();
            if (!mine) {
                log(recordEntry(*r, LogLevel::Info, QStringLiteral("recheck"),
                                SyncExecutor::tr("Not in the CRM: %1 is sent again.").arg(label(*r))));
                again.append(r);
                continue;
            }
            adopt(r, *mine,
                  SyncExecutor::tr(
                      "Re-checked after a lost answer: the CRM already holds it (%1), so it is not "
                      "created again.")
                      .arg(mine->id));
            if (found.size() > 1) {
                ConnectorLogEntry w = recordEntry(*r, LogLevel::Warning, QStringLiteral("recheck"),
                                                  SyncExecutor::tr("%1 CRM records now have the key %2.")
                                                      .arg(found.size())
                                                      .arg(r->matchKey));
                log(w);
            }
        }
        return again;
    }

    QList<JournalRecord*> recheckUpdates(const QList<JournalRecord*>& records) {
        const RecordObject object = records.first()->object;
        QStringList properties;
        for (const JournalRecord* r : records) {
            for (const JournalChange& c : r->changes) {
                if (!properties.contains(c.property))
                    properties.append(c.property);
            }
        }
        if (object == RecordObject::Contact && !m_facts.contactCompanyProperty.isEmpty())
            properties.append(m_facts.contactCompanyProperty);
        QHash<QString, CrmRecord> current;
        const int batch = qMax(1, m_facts.maxReadBatch);
        for (qsizetype from = 0; from < records.size(); from += batch) {
            QStringList ids;
            for (const JournalRecord* r : records.mid(from, batch))
                ids.append(r->crmId);
            const std::optional<QList<CrmRecord>> read =
                this->read<QList<CrmRecord>>([&] { return m_crm.readRecords(object, ids, properties); });
            if (!read)
                return {};
            for (const CrmRecord& c : *read)
                current.insert(c.id, c);
        }
        QList<JournalRecord*> again;
        for (JournalRecord* r : records) {
            const auto it = current.constFind(r->crmId);
            if (it == current.constEnd()) {
                CrmError e;
                e.kind = CrmErrorKind::NotFound;
                e.message = SyncExecutor::tr("The CRM record %1 no longer exists.").arg(r->crmId);
                fail(r, e, QStringLiteral("recheck"));
                continue;
            }
            bool applied = true;
            for (const JournalChange& c : r->changes)
                applied = applied && ValueConversion::sameValue(it->value(c.property), c.after, nullptr,
                                                                FieldType::Text);
            if (parentFieldAssociation(*r))
                applied = applied && it->value(m_facts.contactCompanyProperty) == r->associationCompanyId;
            if (applied && !r->changes.isEmpty())
                adopt(r, *it,
                      SyncExecutor::tr("Re-checked after a lost answer: the update had been applied."));
            else
                again.append(r);
        }
        return again;
    }

    // ---- Contacts and their companies ----------------------------------------------------------

    bool resolveContactCompanies() {
        if (m_stop)
            return false;
        QHash<qint64, const JournalRecord*> companies;
        for (const JournalRecord& r : m_records) {
            if (r.object == RecordObject::Company)
                companies.insert(r.localId, &r);
        }
        QList<JournalRecord*> changed;
        for (JournalRecord& r : m_records) {
            if (r.object != RecordObject::Contact || r.state == WriteState::Done)
                continue;
            if (r.association != AssociationPlan::Kind::AtCreate &&
                r.association != AssociationPlan::Kind::Add)
                continue;
            if (!r.associationCompanyId.isEmpty())
                continue;
            const JournalRecord* company = companies.value(r.companyLocalId);
            if (company && !company->crmId.isEmpty() && company->state == WriteState::Done &&
                company->outcome != RecordOutcome::Failed) {
                r.associationCompanyId = company->crmId;
                changed.append(&r);
                continue;
            }
            r.state = WriteState::Done;
            r.outcome = RecordOutcome::Skipped;
            r.reasonCode = planReasonName(PlanReason::CompanyNotSynced);
            r.reason = company && company->outcome == RecordOutcome::Failed
                           ? SyncExecutor::tr("Its company could not be created (%1).")
                                 .arg(company->error ? company->error->message : QString())
                           : SyncExecutor::tr("Its company has no CRM record.");
            r.note = r.reason;
            if (r.associationState == u"pending")
                r.associationState.clear();
            ++m_progress.done;
            log(recordEntry(r, LogLevel::Info, QStringLiteral("skip"), r.reason));
            changed.append(&r);
        }
        if (!save(changed))
            return false;
        flushLog();
        return true;
    }

    // HubSpot-style associations of existing contacts (Add), after the contact writes.
    void associations() {
        if (m_facts.associationStyle != AssociationStyle::Associations)
            return;
        QList<JournalRecord*> todo;
        for (JournalRecord& r : m_records) {
            if (r.object != RecordObject::Contact || r.associationState != u"pending" ||
                r.association != AssociationPlan::Kind::Add || r.associationCompanyId.isEmpty())
                continue;
            if (r.outcome == RecordOutcome::Failed || r.outcome == RecordOutcome::Skipped)
                continue;
            todo.append(&r);
        }
        if (todo.isEmpty())
            return;
        m_progress.stage = QStringLiteral("associations");
        const int batchSize = qMax(1, m_facts.maxWriteBatch);
        for (qsizetype from = 0; from < todo.size() && !m_stop; from += batchSize) {
            if (checkCancel())
                return;
            associateBatch(todo.mid(from, batchSize), 1);
            flushLog();
            report();
        }
    }

    void associateBatch(const QList<JournalRecord*>& batch, int attempt) {
        if (batch.isEmpty() || m_stop)
            return;
        QList<CrmAssociationInput> inputs;
        for (const JournalRecord* r : batch)
            inputs.append({refOf(r), r->crmId, r->associationCompanyId});
        ++m_result.calls;
        ++m_progress.calls;
        CrmResult<QList<CrmWriteResult>> result = m_crm.associate(inputs);
        if (!result.ok()) {
            const CrmError& error = result.error();
            switch (error.kind) {
            case CrmErrorKind::Cancelled:
                stop(RunState::Cancelled, error);
                return;
            case CrmErrorKind::DailyLimit:
            case CrmErrorKind::RateLimited:
                stop(RunState::Paused, error);
                return;
            case CrmErrorKind::Authentication:
            case CrmErrorKind::Permission:
                stop(RunState::Failed, error);
                return;
            case CrmErrorKind::Network:
            case CrmErrorKind::Server:
                if (attempt < m_options.maxSendsPerRecord) {
                    associateBatch(batch, attempt + 1); // associating is safe to repeat
                    return;
                }
                break;
            default:
                if (batch.size() > 1) {
                    const qsizetype half = batch.size() / 2;
                    associateBatch(batch.mid(0, half), attempt);
                    associateBatch(batch.mid(half), attempt);
                    return;
                }
                break;
            }
            for (JournalRecord* r : batch)
                associationFailed(r, error);
            save(batch);
            return;
        }
        QHash<QString, const CrmWriteResult*> byRef;
        for (const CrmWriteResult& w : result.value())
            byRef.insert(w.ref, &w);
        for (JournalRecord* r : batch) {
            const CrmWriteResult* w = byRef.value(refOf(r));
            if (w && w->ok) {
                r->associationState = QStringLiteral("done");
                if (r->state != WriteState::Done) { // association was the only change
                    r->state = WriteState::Done;
                    r->outcome = RecordOutcome::Updated;
                    ++m_progress.updated;
                }
                ++m_progress.done;
                log(recordEntry(*r, LogLevel::Info, QStringLiteral("associate"),
                                SyncExecutor::tr("Associated %1 with company %2")
                                    .arg(label(*r), r->associationCompanyId)));
            } else {
                CrmError e = w && w->error ? *w->error : CrmError{};
                if (!w)
                    e.message = SyncExecutor::tr("The CRM did not answer for this association.");
                associationFailed(r, e);
            }
        }
        save(batch);
    }

    void associationFailed(JournalRecord* r, const CrmError& error) {
        r->associationState = QStringLiteral("failed");
        r->state = WriteState::Done;
        r->outcome = RecordOutcome::Failed;
        r->error = error;
        r->note = SyncExecutor::tr("The association with company %1 failed.").arg(r->associationCompanyId);
        ++m_progress.failed;
        ++m_progress.done;
        ConnectorLogEntry e =
            recordEntry(*r, LogLevel::Error, QStringLiteral("associate"), r->note + u' ' + error.message);
        fillError(e, error);
        log(e);
    }

    SyncExecutor& m_x;
    CrmConnector& m_crm;
    const ConnectorFacts& m_facts;
    const RunInfo& m_run;
    QList<JournalRecord>& m_records;
    const ExecutorOptions& m_options;
    Result m_result;
    RunProgress m_progress;
    bool m_stop = false;
    QSet<qint64> m_maybeApplied; // a request for it may have been applied
    QSet<qint64> m_inherited;    // in flight when an earlier process stopped, not re-checked yet
    QList<ConnectorLogEntry> m_pendingLog;
    // Several write requests in flight (made for the first stage with more than one batch).
    std::unique_ptr<ConnectorLanes> m_lanes;
    bool m_lanesTried = false;
};

SyncExecutor::Result SyncExecutor::execute(const RunInfo& run, QList<JournalRecord>& records,
                                           const ExecutorOptions& options) {
    Pass pass(*this, run, records, options);
    return pass.execute();
}

} // namespace syncdesk
