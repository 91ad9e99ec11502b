#include "core/connectors/ConnectorFacts.h"

namespace syncdesk {

namespace {

ConnectorFacts hubSpotFacts(CrmKind kind) {
    ConnectorFacts f;
    f.kind = kind;
    f.companyObject = QStringLiteral("companies");
    f.contactObject = QStringLiteral("contacts");
    f.domainProperty = QStringLiteral("domain");
    f.nameProperty = QStringLiteral("name");
    f.emailProperty = QStringLiteral("email");
    f.uniqueIdProperty = QStringLiteral("syncdesk_id");
    f.defaultPolicy = DomainPolicy::Host;
    f.domainPropertyHoldsHost = true;
    f.associationStyle = AssociationStyle::Associations;
    f.maxWriteBatch = 100;
    f.maxReadBatch = 100;
    f.listPageSize = 100;
    f.searchPageSize = 200;
    f.maxSearchResults = 10000;
    f.maxAssociationReadBatch = 100;
    f.domainSearch = DomainSearchMode::ExactValues;
    // POST /crm/v3/objects/companies/search: up to 5 filter groups of one IN filter (100 values
    // each); the body is at most 3,000 characters. The JSON skeleton plus paging cursor is about 150
    // characters, each further group about 70; each value adds quotes and a comma. (HubSpotConnector
    // sizes its requests exactly from the JSON it sends.)
    f.domainLookup = {100, 3000, 150, 3, 70};
    // POST /crm/v3/objects/contacts/batch/read with idProperty=email: 100 inputs, no body limit.
    f.emailLookup = {100, 0, 0, 0};
    f.maxFilterGroups = 5;
    f.maxFiltersPerGroup = 6;
    f.maxFilters = 18;
    f.domainCensusPatterns = {QStringLiteral("http*"), QStringLiteral("www*"), QStringLiteral("*/*"),
                              QStringLiteral("*:*"), QStringLiteral("*.")};
    return f;
}

ConnectorFacts salesforceFacts() {
    ConnectorFacts f;
    f.kind = CrmKind::Salesforce;
    f.companyObject = QStringLiteral("Account");
    f.contactObject = QStringLiteral("Contact");
    f.domainProperty = QStringLiteral("Website");
    f.nameProperty = QStringLiteral("Name");
    f.emailProperty = QStringLiteral("Email");
    f.uniqueIdProperty = QStringLiteral("SyncDesk_Id__c");
    f.defaultPolicy = DomainPolicy::Registrable;
    f.associationStyle = AssociationStyle::ParentField;
    f.contactCompanyProperty = QStringLiteral("AccountId");
    f.maxWriteBatch = 200;
    f.maxReadBatch = 200; // POST /composite/sobjects/{type} {ids, fields}
    f.listPageSize = 2000;
    f.searchPageSize = 2000;
    f.maxSearchResults = 0;
    f.maxAssociationReadBatch = 0;
    f.domainSearch = DomainSearchMode::Substring;
    // GET /query?q=SELECT ... WHERE Website LIKE '%key%' OR ...: the URL is at most 16,384 bytes.
    // A percent-encoded "+OR+Website+LIKE+'%25...%25'" clause adds about 30 bytes to its key.
    f.domainLookup = {1000, 16384, 250, 30};
    // ... WHERE Email IN ('a@b.com', ...): quotes, comma and the encoded '@' add about 12 bytes.
    f.emailLookup = {1000, 16384, 250, 12};
    return f;
}

} // namespace

ConnectorFacts ConnectorFacts::forKind(CrmKind kind) {
    return kind == CrmKind::Salesforce ? salesforceFacts() : hubSpotFacts(kind);
}

} // namespace syncdesk
