#pragma once
// Shared set-up of the engine suites: a temporary workspace with companies and contacts, a
// FakeConnector CRM behind a wrapper that injects faults (lost answers, whole-batch refusals,
// whole-call errors, hooks during a request), and a SyncEngine on a FakeClock.
#include "core/connectors/FakeConnector.h"
#include "core/net/Clock.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/sync/SyncEngine.h"
#include "tests/mapping/QtPrinters.h"
#include "tests/store/TempWorkspace.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace syncdesk::test {

using namespace Qt::StringLiterals;
using Op = FakeConnector::Op;

// Forwards every call to a FakeConnector, with fault hooks. Calls are counted per operation by the
// FakeConnector (a refused call is not forwarded, so it is counted here in `refused`).
class WrappingConnector : public CrmConnector {
public:
    explicit WrappingConnector(FakeConnector& crm)
        : m_crm(crm) {}

    // Before a call: an error returned here is the call's answer and the call is NOT made.
    std::function<std::optional<CrmError>(Op op, int callIndex)> refuse;
    // After a write call was made (applied): true -> the answer is lost (Network error).
    std::function<bool(Op op, int callIndex)> loseAnswer;
    // A write batch containing an input for which this returns an error is refused as a whole
    // (HubSpot without multi-status): nothing of it is applied.
    std::function<std::optional<CrmError>(RecordObject, const CrmWriteInput&)> wholeBatchFailure;
    // Called after each call was made (e.g. to cancel while a request is "in flight").
    std::function<void(Op op, int callIndex)> after;

    int calls(Op op) const { return m_index.value(op); }
    int writeCalls() const {
        return calls(Op::Create) + calls(Op::Update) + calls(Op::Upsert) + calls(Op::Archive) +
               calls(Op::Associate);
    }
    int totalCalls() const {
        int n = 0;
        for (int v : m_index)
            n += v;
        return n;
    }

    const ConnectorFacts& facts() const override { return m_crm.facts(); }
    CrmResult<QList<CrmProperty>> fetchProperties(RecordObject object) override {
        return run<QList<CrmProperty>>(Op::FetchProperties, [&] { return m_crm.fetchProperties(object); });
    }
    CrmResult<CrmProperty> createProperty(RecordObject object, const CrmProperty& definition) override {
        return run<CrmProperty>(Op::CreateProperty, [&] { return m_crm.createProperty(object, definition); });
    }
    CrmResult<qint64> countRecords(RecordObject object) override {
        return run<qint64>(Op::Count, [&] { return m_crm.countRecords(object); });
    }
    std::optional<QList<QStringList>> domainLookupChunks(const QStringList& keys, DomainPolicy policy,
                                                         const QStringList& properties) const override {
        return m_crm.domainLookupChunks(keys, policy, properties);
    }
    CrmResult<CrmPage> searchCompaniesByDomain(const QStringList& keys, DomainPolicy policy,
                                               const QStringList& properties,
                                               const QString& cursor) override {
        return run<CrmPage>(Op::SearchDomain,
                            [&] { return m_crm.searchCompaniesByDomain(keys, policy, properties, cursor); });
    }
    CrmResult<CrmPage> listRecords(RecordObject object, const QStringList& properties,
                                   const QString& cursor) override {
        return run<CrmPage>(Op::List, [&] { return m_crm.listRecords(object, properties, cursor); });
    }
    CrmResult<QList<CrmRecord>> readRecords(RecordObject object, const QStringList& ids,
                                            const QStringList& properties) override {
        return run<QList<CrmRecord>>(Op::ReadRecords,
                                     [&] { return m_crm.readRecords(object, ids, properties); });
    }
    QList<QStringList> emailLookupChunks(const QStringList& emails,
                                         const QStringList& properties) const override {
        return m_crm.emailLookupChunks(emails, properties);
    }
    CrmResult<CrmPage> findContactsByEmail(const QStringList& emails, const QStringList& properties,
                                           const QString& cursor) override {
        return run<CrmPage>(Op::FindContacts,
                            [&] { return m_crm.findContactsByEmail(emails, properties, cursor); });
    }
    CrmResult<QHash<QString, QStringList>> readCompanyAssociations(const QStringList& contactIds) override {
        return run<QHash<QString, QStringList>>(Op::ReadAssociations,
                                                [&] { return m_crm.readCompanyAssociations(contactIds); });
    }
    CrmResult<QList<CrmWriteResult>> createRecords(RecordObject object,
                                                   const QList<CrmWriteInput>& inputs) override {
        return write(Op::Create, object, inputs, [&] { return m_crm.createRecords(object, inputs); });
    }
    CrmResult<QList<CrmWriteResult>> updateRecords(RecordObject object,
                                                   const QList<CrmWriteInput>& inputs) override {
        return write(Op::Update, object, inputs, [&] { return m_crm.updateRecords(object, inputs); });
    }
    CrmResult<QList<CrmWriteResult>> upsertRecords(RecordObject object, const QString& idProperty,
                                                   const QList<CrmWriteInput>& inputs) override {
        return write(Op::Upsert, object, inputs,
                     [&] { return m_crm.upsertRecords(object, idProperty, inputs); });
    }
    CrmResult<QList<CrmWriteResult>> archiveRecords(RecordObject object, const QStringList& ids) override {
        return write(Op::Archive, object, {}, [&] { return m_crm.archiveRecords(object, ids); });
    }
    CrmResult<QList<CrmWriteResult>> associate(const QList<CrmAssociationInput>& inputs) override {
        return write(Op::Associate, RecordObject::Contact, {}, [&] { return m_crm.associate(inputs); });
    }

    static CrmError networkError() {
        CrmError e;
        e.kind = CrmErrorKind::Network;
        e.message = u"the connection was closed before an answer arrived"_s;
        return e;
    }

private:
    template <typename T, typename Call> CrmResult<T> run(Op op, Call call) {
        const int index = m_index[op]++;
        if (refuse) {
            if (std::optional<CrmError> e = refuse(op, index))
                return *e;
        }
        CrmResult<T> result = call();
        if (after)
            after(op, index);
        return result;
    }

    template <typename Call>
    CrmResult<QList<CrmWriteResult>> write(Op op, RecordObject object, const QList<CrmWriteInput>& inputs,
                                           Call call) {
        const int index = m_index[op]++;
        if (refuse) {
            if (std::optional<CrmError> e = refuse(op, index))
                return *e;
        }
        if (wholeBatchFailure) {
            for (const CrmWriteInput& in : inputs) {
                if (std::optional<CrmError> e = wholeBatchFailure(object, in))
                    return *e;
            }
        }
        CrmResult<QList<CrmWriteResult>> result = call();
        if (after)
            after(op, index);
        if (loseAnswer && loseAnswer(op, index))
            return networkError();
        return result;
    }

    FakeConnector& m_crm;
    QMap<Op, int> m_index;
};

// Workspace records for tests. `extra` sets built-in fields by key (employees as a number) and custom
// fields by slug.
qint64 addCompany(const Workspace& workspace, const QString& name, const QString& website,
                  const CustomValues& extra = {});
qint64 addContact(const Workspace& workspace, qint64 companyId, const QString& email,
                  const QString& first = u"Jane"_s, const QString& last = u"Doe"_s,
                  const CustomValues& extra = {});

// A temporary workspace + FakeConnector CRM + SyncEngine, with helpers to fill the workspace.
class EngineFixture : public ::testing::Test {
protected:
    explicit EngineFixture(CrmKind kind = CrmKind::HubSpot);
    ~EngineFixture() override;

    qint64 company(const QString& name, const QString& website, const CustomValues& extra = {});
    qint64 contact(qint64 companyId, const QString& email, const QString& first = u"Jane"_s,
                   const QString& last = u"Doe"_s);
    // A new engine (e.g. after "a restart"), on the same workspace and CRM.
    void restartEngine();

    RunOutcome sync(const SelectionRequest& selection = {}, bool dryRun = false, bool uniqueId = false);
    SyncRequest request(const SelectionRequest& selection = {}, bool dryRun = false,
                        bool uniqueId = false) const;
    QList<JournalRecord> records(qint64 runId);
    const JournalRecord* find(const QList<JournalRecord>& records, RecordObject object, qint64 localId);
    QList<CrmRecord> crmCompaniesWithKey(const QString& key);

    TempWorkspace m_workspace;
    FakeConnector m_crm;
    WrappingConnector m_wrapper{m_crm};
    FakeClock m_clock;
    Mapping m_companyMapping;
    Mapping m_contactMapping;
    SyncSettings m_settings;
    std::unique_ptr<SyncEngine> m_engine;
    QList<ConnectorLogEntry> m_liveLog;
    QList<RunProgress> m_progress;
    QList<qint64> m_finished;
};

// The CRM values of a record (FakeConnector), for expectations.
QString crmValue(const FakeConnector& crm, RecordObject object, const QString& id, const QString& property);

} // namespace syncdesk::test
