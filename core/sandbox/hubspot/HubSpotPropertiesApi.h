// /crm/v3/properties/{objectType}: list, read, create (type/fieldType pairs, enumeration options,
// at most N unique properties, 409 for an existing name), update and archive of custom properties,
// and the property groups.
#pragma once

#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/hubspot/HubSpotErrors.h"
#include "core/sandbox/hubspot/HubSpotStore.h"

namespace syncdesk::sandbox::hubspot {

class HubSpotDialect;

class HubSpotPropertiesApi {
public:
    explicit HubSpotPropertiesApi(HubSpotDialect& dialect);
    void registerRoutes(SandboxRouter& router);

    // Validates a PropertyCreate body and returns the property (also used for seeds).
    Errors::Detail parseCreate(const QString& objectType, const QJsonObject& body,
                               HubSpotProperty* out) const;

private:
    SandboxResponse list(SandboxRequest& request);
    SandboxResponse read(SandboxRequest& request);
    SandboxResponse create(SandboxRequest& request);
    SandboxResponse update(SandboxRequest& request);
    SandboxResponse archive(SandboxRequest& request);
    SandboxResponse groups(SandboxRequest& request);
    Errors::Detail parseOptions(const QJsonValue& value, const QString& type,
                                QList<HubSpotOption>* out) const;

    HubSpotDialect& m_dialect;
    HubSpotStore& m_store;
};

} // namespace syncdesk::sandbox::hubspot
