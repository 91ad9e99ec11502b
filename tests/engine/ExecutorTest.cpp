// SyncEngine + SyncExecutor against the FakeConnector: batches, outcomes, journal, bad records,
// lost answers, limits, cancel and resume.
#include "tests/engine/EngineTestSupport.h"

#include "core/sync/RunJournal.h"

#include <QSet>

namespace syncdesk::test {
namespace {

class ExecutorTest : public EngineFixture {
protected:
    // `n` new companies new<i>.example, each with one new contact.
    void newCompanies(int n) {
        for (int i = 0; i < n; ++i) {
            const qint64 id = company(u"New %1"_s.arg(i), u"https://new%1.example"_s.arg(i));
            contact(id, u"person%1@new%1.example"_s.arg(i), u"P"_s, u"Person %1"_s.arg(i));
        }
    }
    int count(const QList<JournalRecord>& records, RecordOutcome outcome) {
        int n = 0;
        for (const JournalRecord& r : records)
            n += r.outcome == outcome ? 1 : 0;
        return n;
    }
    // No two CRM companies share a domain, no two contacts an e-mail.
    void expectNoDuplicates() {
        QSet<QString> domains;
        for (const CrmRecord& r : m_crm.records(RecordObject::Company)) {
            const QString d = r.value(u"domain"_s);
            EXPECT_FALSE(domains.contains(d)) << "duplicate company " << d.toStdString();
            domains.insert(d);
        }
        QSet<QString> emails;
        for (const CrmRecord& r : m_crm.records(RecordObject::Contact)) {
            const QString e = r.value(u"email"_s).toLower();
            EXPECT_FALSE(emails.contains(e)) << "duplicate contact " << e.toStdString();
            emails.insert(e);
        }
    }
};

TEST_F(ExecutorTest, CreatesAndUpdatesInFullBatchesCompaniesFirstThenContactsWithAssociations) {
    const QString oldId =
        m_crm.addRecord(RecordObject::Company,
                        {{u"name"_s, u"Old"_s}, {u"domain"_s, u"old.example"_s}, {u"city"_s, u"Paris"_s}});
    const QString oldContact = m_crm.addRecord(
        RecordObject::Contact, {{u"email"_s, u"ann@old.example"_s}, {u"firstname"_s, u"Ann"_s}});
    const qint64 old = company(u"Old"_s, u"old.example"_s, {{u"city"_s, u"Berlin"_s}});
    const qint64 ann = contact(old, u"ann@old.example"_s, u"Ann"_s, u"Smith"_s);
    const qint64 bob = contact(old, u"bob@old.example"_s, u"Bob"_s, u"Jones"_s);
    newCompanies(250);

    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    EXPECT_EQ(out.failedRecords(), 0);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 251);
    EXPECT_EQ(m_crm.records(RecordObject::Contact).size(), 252);
    // Full batches of 100: 3 company creates, 1 company update, 3 contact creates, 1 contact update,
    // 1 association call (Ann: existing contact, existing company, not yet associated).
    EXPECT_EQ(m_crm.calls(Op::Create), 6);
    EXPECT_EQ(m_crm.calls(Op::Update), 2);
    EXPECT_EQ(m_crm.calls(Op::Associate), 1);
    EXPECT_EQ(m_crm.calls(Op::Upsert), 0);
    EXPECT_EQ(crmValue(m_crm, RecordObject::Company, oldId, u"city"_s), u"Berlin"_s);
    EXPECT_EQ(crmValue(m_crm, RecordObject::Contact, oldContact, u"lastname"_s), u"Smith"_s);
    EXPECT_TRUE(m_crm.associatedCompanies(oldContact).contains(oldId));

    const QList<JournalRecord> rec = records(out.runId);
    ASSERT_EQ(rec.size(), 251 + 252);
    EXPECT_EQ(count(rec, RecordOutcome::Created), 250 + 251);
    EXPECT_EQ(count(rec, RecordOutcome::Updated), 2);
    for (const JournalRecord& r : rec) {
        EXPECT_EQ(r.state, WriteState::Done);
        EXPECT_FALSE(r.crmId.isEmpty());
        for (const JournalChange& c : r.changes)
            EXPECT_TRUE(c.written) << r.localId;
    }
    // Bob (new contact of a matched company) and every new contact is tied to its company's record.
    const JournalRecord* b = find(rec, RecordObject::Contact, bob);
    ASSERT_TRUE(b);
    EXPECT_TRUE(m_crm.associatedCompanies(b->crmId).contains(oldId));
    const JournalRecord* a = find(rec, RecordObject::Contact, ann);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->associationState, u"done"_s);
    const JournalRecord* city = find(rec, RecordObject::Company, old);
    ASSERT_TRUE(city);
    ASSERT_EQ(city->changes.size(), 1);
    EXPECT_EQ(city->changes.first().before, u"Paris"_s);
    EXPECT_EQ(city->changes.first().after, u"Berlin"_s);
    for (const JournalRecord& r : rec) {
        if (r.object != RecordObject::Contact || r.localId == ann || r.localId == bob)
            continue;
        const JournalRecord* companyRecord = find(rec, RecordObject::Company, r.companyLocalId);
        ASSERT_TRUE(companyRecord);
        EXPECT_EQ(m_crm.associatedCompanies(r.crmId), QStringList{companyRecord->crmId});
    }
    expectNoDuplicates();

    // The run and its log.
    const std::optional<RunInfo> run = m_engine->journal().run(out.runId);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->state, RunState::Completed);
    EXPECT_EQ(run->phase, RunPhase::Finished);
    EXPECT_EQ(run->counts.value(u"companies"_s).toObject().value(u"create"_s).toInt(), 250);
    EXPECT_EQ(m_finished, QList<qint64>{out.runId});
    EXPECT_FALSE(m_progress.isEmpty());
    EXPECT_EQ(m_progress.last().done, m_progress.last().total);
    int created = 0;
    for (const ConnectorLogEntry& e : m_liveLog)
        created += e.action == u"create" && e.level == LogLevel::Info && e.localId != 0 ? 1 : 0;
    EXPECT_EQ(created, 501);

    // A second sync finds everything in place: no write at all.
    m_crm.resetCalls();
    const RunOutcome again = sync();
    ASSERT_EQ(again.state, RunState::Completed);
    EXPECT_EQ(m_crm.calls(Op::Create) + m_crm.calls(Op::Update) + m_crm.calls(Op::Associate), 0);
    EXPECT_EQ(count(records(again.runId), RecordOutcome::Unchanged), 251 + 252);
}

TEST_F(ExecutorTest, DryRunJournalsThePlanAndWritesNothing) {
    newCompanies(3);
    const RunOutcome out = sync({}, true);
    ASSERT_EQ(out.state, RunState::Planned) << out.message.toStdString();
    EXPECT_EQ(m_wrapper.writeCalls(), 0);
    EXPECT_TRUE(m_crm.records(RecordObject::Company).isEmpty());
    const std::optional<RunInfo> run = m_engine->journal().run(out.runId);
    ASSERT_TRUE(run);
    EXPECT_TRUE(run->dryRun);
    const QList<JournalRecord> rec = records(out.runId);
    ASSERT_EQ(rec.size(), 6);
    for (const JournalRecord& r : rec) {
        EXPECT_EQ(r.action, u"create"_s);
        EXPECT_TRUE(r.toJson(true).value(u"outcome"_s).isNull());
    }
    // A dry run cannot be carried out afterwards.
    const RunOutcome executed = m_engine->execute(out.runId);
    EXPECT_TRUE(executed.configurationError);
    EXPECT_EQ(m_wrapper.writeCalls(), 0);
}

TEST_F(ExecutorTest, OneBadRecordFailsAloneInAMultiStatusBatch) {
    newCompanies(40);
    m_crm.setRecordFailure([](RecordObject o, const CrmWriteInput& in) -> std::optional<CrmError> {
        if (o == RecordObject::Company && in.properties.value(u"name"_s) == u"New 17"_s) {
            CrmError e;
            e.kind = CrmErrorKind::Validation;
            e.httpStatus = 400;
            e.category = u"VALIDATION_ERROR"_s;
            e.code = u"INVALID_OPTION"_s;
            e.message = u"Property values were not valid"_s;
            e.correlationId = u"corr-17"_s;
            e.hint = u"Add a value map"_s;
            return e;
        }
        return std::nullopt;
    });
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed);
    EXPECT_EQ(out.failedRecords(), 1 + 0);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 39);
    // Its contact has no company: skipped with that reason; the other 39 contacts are created.
    EXPECT_EQ(m_crm.records(RecordObject::Contact).size(), 39);
    const QList<JournalRecord> rec = records(out.runId);
    int failed = 0;
    for (const JournalRecord& r : rec) {
        if (r.outcome == RecordOutcome::Failed) {
            ++failed;
            EXPECT_EQ(r.name, u"New 17"_s);
            ASSERT_TRUE(r.error);
            EXPECT_EQ(r.error->httpStatus, 400);
            EXPECT_EQ(r.error->code, u"INVALID_OPTION"_s);
            EXPECT_EQ(r.error->correlationId, u"corr-17"_s);
            const QJsonObject json = r.toJson(false);
            EXPECT_EQ(json.value(u"outcome"_s).toString(), u"failed"_s);
            EXPECT_EQ(json.value(u"error"_s).toObject().value(u"hint"_s).toString(), u"Add a value map"_s);
        }
        if (r.object == RecordObject::Contact && r.outcome == RecordOutcome::Skipped) {
            EXPECT_EQ(r.reasonCode, u"company_not_synced"_s);
        }
    }
    EXPECT_EQ(failed, 1);
    bool logged = false;
    for (const ConnectorLogEntry& e : m_liveLog)
        logged =
            logged || (e.level == LogLevel::Error && e.correlationId == u"corr-17"_s && e.httpStatus == 400);
    EXPECT_TRUE(logged);
}

TEST_F(ExecutorTest, ABatchRefusedAsAWholeIsSplitUntilTheBadRecordStandsAlone) {
    newCompanies(100);
    m_wrapper.wholeBatchFailure = [](RecordObject o, const CrmWriteInput& in) -> std::optional<CrmError> {
        if (o == RecordObject::Company && in.properties.value(u"name"_s) == u"New 42"_s) {
            CrmError e;
            e.kind = CrmErrorKind::Validation;
            e.httpStatus = 400;
            e.message = u"Property values were not valid"_s;
            return e;
        }
        return std::nullopt;
    };
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 99);
    EXPECT_EQ(out.failedRecords(), 1);
    // 100 -> 50+50 -> 25+25 -> 12+13 -> 6+6 or 6+7 -> 3+3 -> 1+2 -> 1+1: at most 2 per level.
    EXPECT_LE(m_wrapper.calls(Op::Create), 1 + 2 * 7 + 1 /* contacts */);
    expectNoDuplicates();
}

TEST_F(ExecutorTest, ALostAnswerToACreateIsRecheckedAndNeverCreatesTwice) {
    newCompanies(150);
    // The first company batch and the first contact batch are applied, but their answers are lost.
    m_wrapper.loseAnswer = [](Op op, int index) { return op == Op::Create && index <= 2 && index != 1; };
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    EXPECT_EQ(out.failedRecords(), 0);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 150);
    EXPECT_EQ(m_crm.records(RecordObject::Contact).size(), 150);
    expectNoDuplicates();
    // Nothing was sent twice: 2 company batches + 2 contact batches.
    EXPECT_EQ(m_wrapper.calls(Op::Create), 4);
    const QList<JournalRecord> rec = records(out.runId);
    EXPECT_EQ(count(rec, RecordOutcome::Created), 300);
    int rechecked = 0;
    for (const JournalRecord& r : rec)
        rechecked += r.note.contains(u"Re-checked"_s) ? 1 : 0;
    EXPECT_EQ(rechecked, 200);
    // Contacts created by the lost batch kept their association.
    for (const JournalRecord& r : rec) {
        if (r.object == RecordObject::Contact) {
            EXPECT_EQ(m_crm.associatedCompanies(r.crmId).size(), 1) << r.email.toStdString();
        }
    }
}

TEST_F(ExecutorTest, ACreateWhoseAnswerWasLostBeforeItWasAppliedIsSentAgainOnce) {
    newCompanies(30);
    m_wrapper.refuse = [](Op op, int index) -> std::optional<CrmError> {
        if (op == Op::Create && index == 0)
            return WrappingConnector::networkError(); // never reached the CRM
        return std::nullopt;
    };
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Completed);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 30);
    EXPECT_EQ(m_wrapper.calls(Op::Create), 3);                                   // lost, again, contacts
    EXPECT_GE(m_wrapper.calls(Op::SearchDomain) + m_wrapper.calls(Op::List), 2); // plan + re-check
    expectNoDuplicates();
}

TEST_F(ExecutorTest, WithTheUniqueIdPropertyCreatesAreUpsertsAndALostUpsertIsRepeated) {
    newCompanies(120);
    m_wrapper.loseAnswer = [](Op op, int index) { return op == Op::Upsert && index == 0; };
    const RunOutcome out = sync({}, false, true);
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    EXPECT_EQ(m_crm.calls(Op::CreateProperty), 1);
    bool unique = false;
    for (const CrmProperty& p : m_crm.properties(RecordObject::Company))
        unique = unique || (p.name == u"syncdesk_id"_s && p.unique);
    EXPECT_TRUE(unique);
    EXPECT_EQ(m_crm.calls(Op::Upsert), 3); // lost + repeated + second batch
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 120);
    expectNoDuplicates();
    const QList<JournalRecord> rec = records(out.runId);
    EXPECT_EQ(count(rec, RecordOutcome::Created), 240);
    QSet<QString> values;
    for (const JournalRecord& r : rec) {
        if (r.object != RecordObject::Company)
            continue;
        EXPECT_FALSE(r.uniqueValue.isEmpty());
        EXPECT_EQ(crmValue(m_crm, RecordObject::Company, r.crmId, u"syncdesk_id"_s), r.uniqueValue);
        values.insert(r.uniqueValue);
    }
    EXPECT_EQ(values.size(), 120);
    const std::optional<RunInfo> run = m_engine->journal().run(out.runId);
    EXPECT_EQ(run->uniqueIdProperty, u"syncdesk_id"_s);

    // The next run finds the property and uses it without creating it again.
    const qint64 more = company(u"More"_s, u"more.example"_s);
    Q_UNUSED(more)
    const RunOutcome second = sync({}, false, false);
    ASSERT_EQ(second.state, RunState::Completed);
    EXPECT_EQ(m_crm.calls(Op::CreateProperty), 1);
    EXPECT_EQ(m_engine->journal().run(second.runId)->uniqueIdProperty, u"syncdesk_id"_s);
}

TEST_F(ExecutorTest, ADailyLimitPausesTheRunAndResumeFinishesWithoutRepeatingAnything) {
    newCompanies(250);
    m_wrapper.refuse = [](Op op, int index) -> std::optional<CrmError> {
        if (op == Op::Create && index == 1) {
            CrmError e;
            e.kind = CrmErrorKind::DailyLimit;
            e.httpStatus = 429;
            e.code = u"DAILY"_s;
            e.message = u"You have reached your daily limit."_s;
            return e;
        }
        return std::nullopt;
    };
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Paused);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->kind, CrmErrorKind::DailyLimit);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 100);
    ASSERT_TRUE(out.outcomes);
    EXPECT_EQ(out.outcomes->companies.count(RecordOutcome::Created), 100);
    EXPECT_EQ(out.outcomes->pending(), 150 + 250);
    for (const JournalRecord& r : records(out.runId))
        EXPECT_NE(r.state, WriteState::Sending); // the refused batch went back to pending

    m_wrapper.refuse = nullptr;
    restartEngine();
    const RunOutcome resumed = m_engine->resume(out.runId);
    ASSERT_EQ(resumed.state, RunState::Completed) << resumed.message.toStdString();
    EXPECT_EQ(resumed.runId, out.runId);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 250);
    EXPECT_EQ(m_crm.records(RecordObject::Contact).size(), 250);
    // 1 + refused + 2 more company batches, 3 contact batches: no company sent twice.
    EXPECT_EQ(m_wrapper.calls(Op::Create), 1 + 1 + 2 + 3);
    expectNoDuplicates();
    // Nothing left to resume.
    const RunOutcome again = m_engine->resume(out.runId);
    EXPECT_TRUE(again.configurationError);
}

TEST_F(ExecutorTest, CancelStopsAfterTheRequestInFlightAndResumeFinishes) {
    newCompanies(250);
    m_wrapper.after = [this](Op op, int index) {
        if (op == Op::Create && index == 0)
            m_engine->cancel(); // pressed while the first batch was on the wire
    };
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Cancelled);
    EXPECT_EQ(m_wrapper.calls(Op::Create), 1);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 100);
    EXPECT_EQ(out.outcomes->companies.count(RecordOutcome::Created), 100); // the batch in flight is recorded
    m_wrapper.after = nullptr;
    m_engine->resetCancel(); // the cancel stays in force until the next job is started
    const RunOutcome resumed = m_engine->resume(out.runId);
    ASSERT_EQ(resumed.state, RunState::Completed);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 250);
    EXPECT_EQ(m_wrapper.calls(Op::Create), 3 + 3);
    expectNoDuplicates();
}

TEST_F(ExecutorTest, ACancelMadeBeforeTheJobBeginsStopsItBeforeItsFirstCallUntilReset) {
    // The desktop queues a job to the engine's thread; an Esc pressed before that thread picks it
    // up must not be wiped out by the job starting.
    newCompanies(5);
    m_engine->cancel();
    const RunOutcome out = sync();
    EXPECT_EQ(out.state, RunState::Cancelled) << out.message.toStdString();
    EXPECT_EQ(m_wrapper.totalCalls(), 0);
    EXPECT_TRUE(m_crm.records(RecordObject::Company).isEmpty());
    // Still in force for the next job, until whoever starts one resets it.
    EXPECT_EQ(sync().state, RunState::Cancelled);
    m_engine->resetCancel();
    const RunOutcome again = sync();
    EXPECT_EQ(again.state, RunState::Completed) << again.message.toStdString();
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 5);
}

TEST_F(ExecutorTest, AnAuthenticationErrorFailsTheRunAndItCanBeResumedWithAWorkingToken) {
    newCompanies(10);
    m_wrapper.refuse = [](Op op, int) -> std::optional<CrmError> {
        if (op != Op::Create)
            return std::nullopt;
        CrmError e;
        e.kind = CrmErrorKind::Authentication;
        e.httpStatus = 401;
        e.category = u"EXPIRED_AUTHENTICATION"_s;
        e.message = u"The OAuth token used to make this call expired"_s;
        return e;
    };
    const RunOutcome out = sync();
    ASSERT_EQ(out.state, RunState::Failed);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->kind, CrmErrorKind::Authentication);
    m_wrapper.refuse = nullptr;
    const RunOutcome resumed = m_engine->resume(out.runId);
    ASSERT_EQ(resumed.state, RunState::Completed);
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 10);
}

// A crash while a batch was on the wire: the journal says "sending"; the CRM may or may not have
// applied it. Resume re-checks those records and only sends what is missing.
TEST_F(ExecutorTest, ResumeOfAnInterruptedRunRechecksWhatWasInFlight) {
    newCompanies(150);
    const RunOutcome planned = m_engine->plan(request());
    ASSERT_EQ(planned.state, RunState::Planned);
    RunJournal journal(*m_workspace);
    std::optional<RunInfo> run = journal.run(planned.runId);
    QList<JournalRecord> rec = *journal.records(planned.runId);
    // The first 100 companies were "in flight" and the CRM applied them; 20 more were in flight and
    // never arrived.
    QList<JournalRecord*> inFlight;
    for (int i = 0; i < 120; ++i)
        inFlight.append(&rec[i]);
    ASSERT_TRUE(journal.markSending(inFlight));
    for (int i = 0; i < 100; ++i)
        m_crm.addRecord(RecordObject::Company, rec[i].writeValues());
    run->state = RunState::Running;
    ASSERT_TRUE(journal.updateRun(*run));

    EXPECT_EQ(journal.recoverInterrupted(), QList<qint64>{planned.runId});
    EXPECT_EQ(journal.run(planned.runId)->state, RunState::Interrupted);
    m_crm.resetCalls();
    const RunOutcome resumed = m_engine->resume(planned.runId);
    ASSERT_EQ(resumed.state, RunState::Completed) << resumed.message.toStdString();
    EXPECT_EQ(m_crm.records(RecordObject::Company).size(), 150);
    expectNoDuplicates();
    // 30 never-sent companies in one batch, then the 20 re-checked and missing ones in another.
    EXPECT_EQ(m_crm.calls(Op::Create), 2 + 2);
    const QList<JournalRecord> after = records(planned.runId);
    EXPECT_EQ(count(after, RecordOutcome::Created), 300);
}

TEST_F(ExecutorTest, ARunningRunHeldByALiveProcessIsNotMarkedInterrupted) {
    newCompanies(2);
    const RunOutcome planned = m_engine->plan(request());
    RunJournal journal(*m_workspace);
    std::optional<RunInfo> run = journal.run(planned.runId);
    run->state = RunState::Running;
    ASSERT_TRUE(journal.updateRun(*run));
    RunLock lock(*m_workspace, planned.runId);
    ASSERT_TRUE(lock.tryLock());
    EXPECT_TRUE(journal.recoverInterrupted().isEmpty());
    EXPECT_EQ(journal.run(planned.runId)->state, RunState::Running);
    const RunOutcome resumed = m_engine->resume(planned.runId);
    EXPECT_TRUE(resumed.configurationError);
    EXPECT_EQ(m_wrapper.writeCalls(), 0);
    lock.unlock();
    EXPECT_EQ(journal.recoverInterrupted(), QList<qint64>{planned.runId});
}

TEST_F(ExecutorTest, AnUnknownConnectionOrABadFilterIsAConfigurationError) {
    newCompanies(2);
    SyncRequest r = request();
    r.connection = u"nope"_s;
    RunOutcome out = m_engine->sync(r);
    EXPECT_TRUE(out.configurationError);
    EXPECT_EQ(out.runId, 0);
    SelectionRequest bad;
    bad.where = u"employees > "_s;
    out = sync(bad);
    EXPECT_TRUE(out.configurationError);
    EXPECT_EQ(out.runId, 0); // a usage error journals no run
    EXPECT_TRUE(out.message.contains(u"^"_s)) << out.message.toStdString();
    EXPECT_EQ(m_wrapper.writeCalls(), 0);
}

TEST_F(ExecutorTest, SelectionByFilterIdsAndLimit) {
    const qint64 a = company(u"Alpha"_s, u"alpha.example"_s, {{u"country"_s, u"UK"_s}});
    const qint64 b = company(u"Beta"_s, u"beta.example"_s, {{u"country"_s, u"UK"_s}});
    company(u"Gamma"_s, u"gamma.example"_s, {{u"country"_s, u"FR"_s}});
    SelectionRequest s;
    s.where = u"country = UK"_s;
    RunOutcome out = sync(s, true);
    ASSERT_EQ(out.state, RunState::Planned) << out.message.toStdString();
    EXPECT_EQ(records(out.runId).size(), 2);
    s.ids = {b};
    out = sync(s, true);
    ASSERT_EQ(records(out.runId).size(), 1);
    EXPECT_EQ(records(out.runId).first().localId, b);
    s = {};
    s.ids = {a, b};
    s.limit = 1;
    out = sync(s, true);
    ASSERT_EQ(records(out.runId).size(), 1);
    EXPECT_EQ(records(out.runId).first().localId, a);
    s = {};
    s.ids = {999};
    out = sync(s, true);
    EXPECT_TRUE(out.configurationError);
    EXPECT_TRUE(out.message.contains(u"999"_s));
}

} // namespace
} // namespace syncdesk::test

namespace syncdesk::test {
namespace {

// Salesforce's facts: batches of 200, the contact's company is a field (AccountId) set at create or in
// the update, and with the unique-id property contacts are upserted too.
class SalesforceExecutorTest : public EngineFixture {
protected:
    SalesforceExecutorTest()
        : EngineFixture(CrmKind::Salesforce) {}
};

TEST_F(SalesforceExecutorTest, AccountIdIsSetAtCreateOrInTheUpdateAndContactsAreUpsertedOnTheUniqueId) {
    const QString acmeId =
        m_crm.addRecord(RecordObject::Company, {{u"Name"_s, u"Acme"_s}, {u"Website"_s, u"acme.com"_s}});
    const QString annId = m_crm.addRecord(RecordObject::Contact,
                                          {{u"Email"_s, u"ann@acme.com"_s}, {u"LastName"_s, u"Smith"_s}});
    const qint64 acme = company(u"Acme"_s, u"https://acme.com"_s);
    contact(acme, u"ann@acme.com"_s, u"Ann"_s, u"Smith"_s);
    const qint64 bob = contact(acme, u"bob@acme.com"_s, u"Bob"_s, u"Jones"_s);
    for (int i = 0; i < 250; ++i) {
        const qint64 id = company(u"New %1"_s.arg(i), u"new%1.example"_s.arg(i));
        contact(id, u"p%1@new%1.example"_s.arg(i), u"P"_s, u"Person %1"_s.arg(i));
    }
    const RunOutcome out = sync({}, false, true);
    ASSERT_EQ(out.state, RunState::Completed) << out.message.toStdString();
    EXPECT_EQ(out.failedRecords(), 0);
    EXPECT_EQ(m_crm.calls(Op::CreateProperty), 2); // SyncDesk_Id__c on Account and Contact
    EXPECT_EQ(m_crm.calls(Op::Upsert), 2 + 2);     // 250 accounts, 251 contacts: batches of 200
    EXPECT_EQ(m_crm.calls(Op::Create), 0);
    EXPECT_EQ(m_crm.calls(Op::Update), 1); // Ann gets her AccountId
    EXPECT_EQ(m_crm.calls(Op::Associate), 0);
    EXPECT_EQ(crmValue(m_crm, RecordObject::Contact, annId, u"AccountId"_s), acmeId);
    const QList<JournalRecord> rec = records(out.runId);
    const JournalRecord* b = find(rec, RecordObject::Contact, bob);
    ASSERT_TRUE(b);
    EXPECT_EQ(crmValue(m_crm, RecordObject::Contact, b->crmId, u"AccountId"_s), acmeId);
    for (const JournalRecord& r : rec) {
        if (r.object != RecordObject::Contact || r.companyLocalId == acme)
            continue;
        const JournalRecord* company = find(rec, RecordObject::Company, r.companyLocalId);
        ASSERT_TRUE(company);
        EXPECT_EQ(crmValue(m_crm, RecordObject::Contact, r.crmId, u"AccountId"_s), company->crmId);
        EXPECT_EQ(crmValue(m_crm, RecordObject::Contact, r.crmId, u"SyncDesk_Id__c"_s), r.uniqueValue);
    }
    // Nothing left to do.
    m_crm.resetCalls();
    const RunOutcome again = sync();
    ASSERT_EQ(again.state, RunState::Completed);
    EXPECT_EQ(m_crm.calls(Op::Upsert) + m_crm.calls(Op::Update) + m_crm.calls(Op::Create), 0);
}

} // namespace
} // namespace syncdesk::test
