// Lists v3: create a MANUAL (or SNAPSHOT) list of contacts or companies, read it (by id or name),
// add and remove members, read memberships, delete. DYNAMIC lists (filter branches) are not
// evaluated by the sandbox and are refused with a clear 400.
#pragma once

#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/hubspot/HubSpotErrors.h"
#include "core/sandbox/hubspot/HubSpotStore.h"

namespace syncdesk::sandbox::hubspot {

class HubSpotDialect;

class HubSpotListsApi {
public:
    explicit HubSpotListsApi(HubSpotDialect& dialect);
    void registerRoutes(SandboxRouter& router);

private:
    SandboxResponse create(SandboxRequest& request);
    SandboxResponse read(SandboxRequest& request);
    SandboxResponse readByName(SandboxRequest& request);
    SandboxResponse remove(SandboxRequest& request);
    SandboxResponse addMembers(SandboxRequest& request);
    SandboxResponse removeMembers(SandboxRequest& request);
    SandboxResponse memberships(SandboxRequest& request);
    HubSpotList* findList(const SandboxRequest& request, SandboxResponse* error);
    SandboxResponse changeMembers(SandboxRequest& request, bool add);

    HubSpotDialect& m_dialect;
    HubSpotStore& m_store;
};

} // namespace syncdesk::sandbox::hubspot
