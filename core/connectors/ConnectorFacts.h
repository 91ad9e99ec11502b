#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/domain/DomainKey.h"
#include "core/model/FieldDefinition.h"

#include <QString>

namespace syncdesk {

// How a connector can find companies by domain key with its search/query API.
enum class DomainSearchMode {
    None,        // no usable search: page through all companies
    ExactValues, // exact values (HubSpot search IN on `domain`): the key itself (and the Unicode
                 // form of an IDN), plus one "census" search for the values that are not a bare
                 // host (domainCensusPatterns: a scheme, www., a path, a port...), which exact values
                 // cannot find. Cannot serve the registrable policy (a subdomain value would be
                 // missed), so that policy pages through all companies.
    Substring,   // case-insensitive substring (Salesforce SOQL `Website LIKE '%key%'`): serves both
                 // policies; the client drops false positives after normalising.
};

// How a contact is tied to its company.
enum class AssociationStyle {
    Associations, // many-to-many association objects (HubSpot v4): added by an associate call
    ParentField,  // one lookup field on the contact (Salesforce Contact.AccountId)
};

// Request-size limits of one kind of lookup call. 0 means "no such limit".
struct LookupLimits {
    int maxValues = 0;             // values (keys, e-mails, ids) per request
    int maxRequestChars = 0;       // request body (HubSpot search: 3,000) or URL (Salesforce: 16,384)
    int requestOverheadChars = 0;  // fixed part of the request (JSON skeleton / SOQL text)
    int perValueOverheadChars = 0; // what each value adds besides its own characters
    // ExactValues search only: maxValues is per IN filter; each further filter group (one IN filter
    // each, at most ConnectorFacts::maxFilterGroups) adds this many characters.
    int perGroupOverheadChars = 0;
};

// Everything the engine needs to know about a CRM, so that nothing in the planner or executor
// special-cases a vendor. Numbers that vendors change over the years are plain members: a
// connection may override them (API-NOTES.md: "make them settings").
struct ConnectorFacts {
    CrmKind kind = CrmKind::HubSpot;

    // Object and property names.
    QString companyObject;    // "companies" / "Account"
    QString contactObject;    // "contacts" / "Contact"
    QString domainProperty;   // "domain" / "Website": the companies' match property
    QString nameProperty;     // "name" / "Name"
    QString emailProperty;    // "email" / "Email": the contacts' match property
    QString uniqueIdProperty; // "syncdesk_id" / "SyncDesk_Id__c": upsert key, once created on the CRM
    DomainPolicy defaultPolicy = DomainPolicy::Host;
    // The domain property holds a bare host name (HubSpot's "Company Domain Name"), not a URL
    // (Salesforce Website): what SyncDesk writes there is the normalised host of the local value
    // ("https://www.acme.com/about" -> "acme.com"), and values are compared by that host.
    bool domainPropertyHoldsHost = false;

    // Associations.
    AssociationStyle associationStyle = AssociationStyle::Associations;
    QString contactCompanyProperty; // ParentField style: "AccountId"

    // Batch and page sizes.
    int maxWriteBatch = 100;  // create/update/upsert/archive/associate inputs per call (HubSpot 100, SF 200)
    int maxReadBatch = 100;   // records per read by id (HubSpot batch/read 100)
    int listPageSize = 100;   // records per page when paging through all records (HubSpot 100, SF 2,000)
    int searchPageSize = 200; // records per page of a search/query (HubSpot 200, SF 2,000)
    int maxSearchResults = 0; // results one search can reach (HubSpot 10,000); 0 = unlimited
    int maxAssociationReadBatch = 100; // contacts per association read (ParentField: unused)
    // Requests a sync keeps in flight together (ConnectorLanes), all within the rate limits: hides
    // the CRM's latency and lets e-mail reads use what a search limit leaves of the rate. 1: one at
    // a time. HubSpot and Salesforce publish no concurrency limit for these calls; 3 is modest.
    int requestsInFlight = 3;

    // Lookups.
    DomainSearchMode domainSearch = DomainSearchMode::ExactValues;
    LookupLimits domainLookup; // companies by domain key
    LookupLimits emailLookup;  // contacts by e-mail (HubSpot batch read idProperty=email; SF SOQL IN)
    // HubSpot's search filter limits (filter groups ORed, filters ANDed). A domain lookup puts one
    // IN filter into each of up to maxFilterGroups groups (so maxFilterGroups x domainLookup.maxValues
    // values per request, within the body limit); the census uses one group per pattern.
    int maxFilterGroups = 0;
    int maxFiltersPerGroup = 0;
    int maxFilters = 0;
    // ExactValues only: CONTAINS_TOKEN patterns whose union holds every domain value that is not a
    // bare lower-case host (one filter group each, so at most maxFilterGroups). HubSpot: "http*" and
    // "www*" (a scheme or a www. label: found whatever HubSpot's tokenizer does), "*/*", "*:*", "*."
    // (a path, a port, a trailing dot: found when wildcards match the whole value, as in the
    // sandbox). docs/sync-plan.md explains what remains uncovered.
    QStringList domainCensusPatterns;

    QString objectName(RecordObject object) const {
        return object == RecordObject::Company ? companyObject : contactObject;
    }
    // The property a record of `object` is matched on (domain / e-mail).
    QString matchProperty(RecordObject object) const {
        return object == RecordObject::Company ? domainProperty : emailProperty;
    }

    // The published facts of each CRM kind (API-NOTES.md). Sandbox = HubSpot's dialect.
    static ConnectorFacts forKind(CrmKind kind);
};

} // namespace syncdesk
