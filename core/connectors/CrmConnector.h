#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/connectors/CrmTypes.h"
#include "core/domain/DomainKey.h"
#include "core/model/FieldDefinition.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace syncdesk {

struct HttpExchange;

// The one interface the sync engine (planner, executor, undo) talks to, for HubSpot, Salesforce
// and the Sandbox CRM alike. Everything that differs between CRMs is either a fact
// (ConnectorFacts: names, batch/page sizes, search limits, lookup and association style) or hidden
// behind one of these calls; the engine never special-cases a vendor.
//
// Contract:
// - Synchronous from the caller's view: the engine runs on a worker thread and each call returns
//   when the CRM has answered (implementations use the network layer's synchronous HttpClient, which
//   also applies rate limiting and retries of transient errors).
// - Every method except the *Chunks() helpers is exactly ONE request to the CRM, so that callers can
//   count, budget and report calls. Paging is the caller's loop (cursor in, CrmPage::nextCursor out).
// - Values are canonical strings (see CrmValues in CrmTypes.h); the connector converts to and from
//   its wire format (Salesforce numbers/booleans/null) using the property schema.
// - Batch inputs never exceed the connector's facts (maxWriteBatch, maxReadBatch, lookup limits);
//   a connector answers an oversize batch with a Validation error rather than splitting it.
// - Errors are classified by the connector (CrmError::kind) and carry the CRM's status, category or
//   code, message, correlation id and a plain-language hint for known errors.
class CrmConnector {
public:
    virtual ~CrmConnector();

    virtual const ConnectorFacts& facts() const = 0;

    // ---- Schema -------------------------------------------------------------------------------
    // All properties (HubSpot GET /crm/v3/properties/{object}; Salesforce describe).
    virtual CrmResult<QList<CrmProperty>> fetchProperties(RecordObject object) = 0;
    // Create a property from a definition ("Create missing fields", the unique-id property).
    virtual CrmResult<CrmProperty> createProperty(RecordObject object, const CrmProperty& definition) = 0;
    // Number of records of the object (HubSpot: search total; Salesforce SELECT COUNT()). May be an
    // estimate; -1 when the CRM cannot tell.
    virtual CrmResult<qint64> countRecords(RecordObject object) = 0;

    // ---- Lookups ------------------------------------------------------------------------------
    // How `keys` are split into domain searches (one request each, before paging), or nullopt when
    // this connector cannot find companies by domain under `policy` (then the caller pages through
    // all companies). Pure: no request. The default follows facts().domainSearch/domainLookup;
    // a connector may override it to size its requests exactly.
    // ExactValues connectors put an EMPTY chunk first: the census (see searchCompaniesByDomain). Its
    // size is unknown until its first page answers (CrmPage::total), so callers that compare costs
    // look at that page before going on.
    virtual std::optional<QList<QStringList>> domainLookupChunks(const QStringList& keys, DomainPolicy policy,
                                                                 const QStringList& properties) const;
    // One page of the companies whose raw domain value may yield one of `keys` (a chunk from
    // domainLookupChunks). Results are candidates: the caller normalises every value with DomainKey
    // and keeps only true matches. ExactValues: a non-empty chunk finds the values equal (ignoring
    // case) to a key or its Unicode form; the empty chunk is the census: every company whose value
    // matches facts().domainCensusPatterns (a scheme, www., a path, a port, a trailing dot), i.e. the
    // raw forms no exact value can find, for all keys at once.
    virtual CrmResult<CrmPage> searchCompaniesByDomain(const QStringList& keys, DomainPolicy policy,
                                                       const QStringList& properties,
                                                       const QString& cursor) = 0;
    // One page of all records of `object` (facts().listPageSize per page).
    virtual CrmResult<CrmPage> listRecords(RecordObject object, const QStringList& properties,
                                           const QString& cursor) = 0;
    // Records by CRM id (at most facts().maxReadBatch ids). Missing ids are simply absent.
    virtual CrmResult<QList<CrmRecord>> readRecords(RecordObject object, const QStringList& ids,
                                                    const QStringList& properties) = 0;
    // How lower-cased e-mails are split into contact lookups (one request each). Pure. The default
    // follows facts().emailLookup.
    virtual QList<QStringList> emailLookupChunks(const QStringList& emails,
                                                 const QStringList& properties) const;
    // One page of contacts whose e-mail is one of `emails` (HubSpot batch read idProperty=email,
    // Salesforce SOQL IN). Missing e-mails are simply absent.
    virtual CrmResult<CrmPage> findContactsByEmail(const QStringList& emails, const QStringList& properties,
                                                   const QString& cursor) = 0;
    // AssociationStyle::Associations only: the company ids each contact is associated with (at most
    // facts().maxAssociationReadBatch contacts). Contacts without associations may be absent.
    virtual CrmResult<QHash<QString, QStringList>> readCompanyAssociations(const QStringList& contactIds) = 0;

    // ---- Writes (at most facts().maxWriteBatch inputs; results in input order, one per input) ---
    virtual CrmResult<QList<CrmWriteResult>> createRecords(RecordObject object,
                                                           const QList<CrmWriteInput>& inputs) = 0;
    virtual CrmResult<QList<CrmWriteResult>> updateRecords(RecordObject object,
                                                           const QList<CrmWriteInput>& inputs) = 0;
    // Create-or-update by a unique property (facts().uniqueIdProperty, or `email` for HubSpot contacts).
    virtual CrmResult<QList<CrmWriteResult>> upsertRecords(RecordObject object, const QString& idProperty,
                                                           const QList<CrmWriteInput>& inputs) = 0;
    // Archive/delete (undo of created records). Result refs are the ids.
    virtual CrmResult<QList<CrmWriteResult>> archiveRecords(RecordObject object, const QStringList& ids) = 0;
    // Add contact -> company associations; never removes any. (ParentField style: sets the field.)
    virtual CrmResult<QList<CrmWriteResult>> associate(const QList<CrmAssociationInput>& inputs) = 0;

    // ---- Requests in flight together (optional) ----------------------------------------------
    // A connector of the same connection for use on ANOTHER thread, so that a caller can keep
    // several requests in flight (SyncExecutor through ConnectorLanes): its own HTTP client (made
    // in the thread that first sends), the same rate limiter, policy, clock, retry settings and
    // cancel flag. Its HTTP exchanges go to `observer`, called on that thread, and not to this
    // connector's observers; replayExchange() hands them over on this connector's thread.
    // nullptr (the default): this connector cannot be copied; callers send one request at a time.
    virtual std::unique_ptr<CrmConnector>
    cloneForThread(std::function<void(const HttpExchange&)> observer) const;
    virtual void replayExchange(const HttpExchange& exchange);
};

} // namespace syncdesk
