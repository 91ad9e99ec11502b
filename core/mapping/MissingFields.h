#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"
#include "core/model/FieldDefinition.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace syncdesk {

// "Create missing fields" (PRODUCT.md "Mapping rules"): for each chosen local field, the CRM
// property to create, named "<Field label> (SyncDesk)" and typed from the local type, and the
// mapping target that writes it.
struct MissingFieldPlan {
    QString fieldKey;
    CrmProperty property;       // the definition to send with CrmConnector::createProperty()
    bool alreadyExists = false; // the CRM already has a property of that name: map it, create nothing
    MappingTarget target;       // Override onto property.name (a value map for choice fields)
};

class MissingFields {
    Q_DECLARE_TR_FUNCTIONS(MissingFields)

public:
    // HubSpot: syncdesk_<key> (lower-case letters, digits, '_'); Salesforce: <Key>_SyncDesk__c
    // (the key in CamelCase, at most 40 characters before __c).
    static QString propertyName(const FieldDefinition& field, CrmKind kind);
    // The definition of the property for `field`: label, type and vendor sub-type, options for
    // choice fields (each choice its own value), a length for Salesforce text fields.
    static CrmProperty propertyDefinition(const FieldDefinition& field, CrmKind kind);

    static QList<MissingFieldPlan> plan(const QList<FieldDefinition>& chosen, CrmKind kind,
                                        const QList<CrmProperty>& existing);
    // `mapping` with the plans' targets added: to the field's first row when it has one (unless it
    // already writes that property), else in a new row at the end.
    static Mapping addToMapping(const Mapping& mapping, const QList<MissingFieldPlan>& plans);

    // The unique id property used for idempotent creates (PRODUCT.md "Writes are idempotent"):
    // HubSpot syncdesk_id with hasUniqueValue; Salesforce SyncDesk_Id__c external id, unique.
    static CrmProperty uniqueIdPropertyDefinition(const ConnectorFacts& facts);
};

} // namespace syncdesk
