#pragma once

#include "core/connectors/CrmConnector.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace syncdesk {

// An in-memory CRM behind the CrmConnector interface, for engine tests (planner, executor, undo):
// it holds records and a property schema per object, answers lookups with the semantics of the
// CRM kind it imitates (HubSpot: exact values, lower-cased; Salesforce: substring), enforces the
// facts' batch and request limits (an oversize call fails like the CRM would), validates writes
// against the schema (unknown, read-only property, invalid option) and counts every call per
// operation. Faults can be injected per call or per record. Not thread-safe.
class FakeConnector : public CrmConnector {
public:
    enum class Op {
        FetchProperties,
        CreateProperty,
        Count,
        SearchDomain,
        List,
        ReadRecords,
        FindContacts,
        ReadAssociations,
        Create,
        Update,
        Upsert,
        Archive,
        Associate,
    };
    static QString opName(Op op);

    // Facts of `kind` (ConnectorFacts::forKind) and that CRM's standard properties
    // (standardProperties()).
    explicit FakeConnector(CrmKind kind = CrmKind::HubSpot);

    // ---- Setting the CRM up -------------------------------------------------------------------
    ConnectorFacts& mutableFacts() { return m_facts; }
    static QList<CrmProperty> standardProperties(CrmKind kind, RecordObject object);
    void setProperties(RecordObject object, const QList<CrmProperty>& properties);
    void addProperty(RecordObject object, const CrmProperty& property);
    QList<CrmProperty> properties(RecordObject object) const { return m_properties.value(object); }

    // Adds a record as if it already were in the CRM (no schema checks, no call counted). Without
    // `createdAt` the fake clock's next tick is used. Returns the new id.
    QString addRecord(RecordObject object, const CrmValues& values, const QDateTime& createdAt = QDateTime());
    void addAssociation(const QString& contactId, const QString& companyId);
    std::optional<CrmRecord> record(RecordObject object, const QString& id) const;
    QList<CrmRecord> records(RecordObject object) const; // in id order
    QStringList associatedCompanies(const QString& contactId) const;

    // ---- Calls ------------------------------------------------------------------------------
    int calls(Op op) const { return m_calls.value(op); }
    int totalCalls() const;
    void resetCalls() { m_calls.clear(); }
    // The next call of `op` fails as a whole with `error` (once per call to failNext).
    void failNext(Op op, const CrmError& error) { m_failNext[op].append(error); }
    // Called for every input of a create/update/upsert: an error fails that record only.
    void
    setRecordFailure(std::function<std::optional<CrmError>(RecordObject, const CrmWriteInput&)> failure) {
        m_recordFailure = std::move(failure);
    }

    // ---- CrmConnector ------------------------------------------------------------------------
    const ConnectorFacts& facts() const override { return m_facts; }
    CrmResult<QList<CrmProperty>> fetchProperties(RecordObject object) override;
    CrmResult<CrmProperty> createProperty(RecordObject object, const CrmProperty& definition) override;
    CrmResult<qint64> countRecords(RecordObject object) override;
    CrmResult<CrmPage> searchCompaniesByDomain(const QStringList& keys, DomainPolicy policy,
                                               const QStringList& properties, const QString& cursor) override;
    CrmResult<CrmPage> listRecords(RecordObject object, const QStringList& properties,
                                   const QString& cursor) override;
    CrmResult<QList<CrmRecord>> readRecords(RecordObject object, const QStringList& ids,
                                            const QStringList& properties) override;
    CrmResult<CrmPage> findContactsByEmail(const QStringList& emails, const QStringList& properties,
                                           const QString& cursor) override;
    CrmResult<QHash<QString, QStringList>> readCompanyAssociations(const QStringList& contactIds) override;
    CrmResult<QList<CrmWriteResult>> createRecords(RecordObject object,
                                                   const QList<CrmWriteInput>& inputs) override;
    CrmResult<QList<CrmWriteResult>> updateRecords(RecordObject object,
                                                   const QList<CrmWriteInput>& inputs) override;
    CrmResult<QList<CrmWriteResult>> upsertRecords(RecordObject object, const QString& idProperty,
                                                   const QList<CrmWriteInput>& inputs) override;
    CrmResult<QList<CrmWriteResult>> archiveRecords(RecordObject object, const QStringList& ids) override;
    CrmResult<QList<CrmWriteResult>> associate(const QList<CrmAssociationInput>& inputs) override;

private:
    std::optional<CrmError> begin(Op op); // counts the call; returns an injected failure
    static CrmError validationError(const QString& message);
    CrmRecord projected(const CrmRecord& record, const QStringList& properties) const;
    CrmPage page(const QList<CrmRecord>& matches, const QStringList& properties, const QString& cursor,
                 int pageSize) const;
    std::optional<CrmError> checkWrite(RecordObject object, const CrmWriteInput& input) const;
    void applyValues(CrmRecord& record, const CrmValues& values);
    QString nextId(RecordObject object);
    std::optional<CrmError> checkBatch(int size) const;
    void associateNow(const QString& contactId, const QString& companyId);

    ConnectorFacts m_facts;
    QMap<RecordObject, QList<CrmProperty>> m_properties;
    QMap<RecordObject, QMap<QString, CrmRecord>>
        m_records; // by id; ids have a fixed width, so id order is creation order
    QHash<QString, QStringList> m_associations; // contact id -> company ids
    QMap<Op, int> m_calls;
    QMap<Op, QList<CrmError>> m_failNext;
    std::function<std::optional<CrmError>(RecordObject, const CrmWriteInput&)> m_recordFailure;
    qint64 m_nextId = 1;
    QDateTime m_clock;
};

} // namespace syncdesk
