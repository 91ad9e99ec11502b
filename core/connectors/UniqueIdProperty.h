#pragma once

#include "core/connectors/CrmConnector.h"

#include <QCoreApplication>

namespace syncdesk {

// The unique id property that makes creates idempotent (PRODUCT.md "Writes are idempotent"):
// HubSpot `syncdesk_id` (hasUniqueValue), Salesforce `SyncDesk_Id__c`. Created on the CRM only with
// the user's consent (Connection::uniqueIdPropertyConsented()); then new records are upserted on it.
class UniqueIdProperty {
    Q_DECLARE_TR_FUNCTIONS(UniqueIdProperty)

public:
    enum class State {
        Exists,  // the CRM has it, unique: upsert on it
        Created, // it was missing and has just been created (consent given)
        Missing, // missing and no consent: create records plainly (journal + re-check)
    };

    // Looks the property up in `properties` (the CRM's list for `object`, e.g. from fetchProperties)
    // and creates it when missing and `consented` (one createProperty call). An existing property of
    // that name that is not unique is an error (kind Validation, naming the property): it cannot be
    // an upsert key.
    static CrmResult<State> ensure(CrmConnector& connector, RecordObject object,
                                   const QList<CrmProperty>& properties, bool consented);
};

QString uniqueIdStateName(UniqueIdProperty::State state); // "exists", "created", "missing"

} // namespace syncdesk
