// The sandbox's own control endpoints under /_sandbox/ (never part of a CRM's API): state dump
// and load, reset, seed, settings, faults, the request log with counts per endpoint, extra
// tokens, the clock and the search index. Every call needs the admin token.
#pragma once

#include "core/sandbox/SandboxHttp.h"
#include "core/sandbox/SandboxRouter.h"

namespace syncdesk::sandbox {

class SandboxServer;

class SandboxAdminApi {
public:
    explicit SandboxAdminApi(SandboxServer& server);
    SandboxResponse handle(SandboxRequest& request);

    static bool isAdminPath(const QString& path);

private:
    void registerRoutes();
    SandboxResponse info(SandboxRequest& request);
    SandboxResponse getState(SandboxRequest& request);
    SandboxResponse putState(SandboxRequest& request);
    SandboxResponse reset(SandboxRequest& request);
    SandboxResponse seed(SandboxRequest& request);
    SandboxResponse getSettings(SandboxRequest& request);
    SandboxResponse patchSettings(SandboxRequest& request);
    SandboxResponse listFaults(SandboxRequest& request);
    SandboxResponse addFault(SandboxRequest& request);
    SandboxResponse clearFaults(SandboxRequest& request);
    SandboxResponse removeFault(SandboxRequest& request);
    SandboxResponse getLog(SandboxRequest& request);
    SandboxResponse clearLog(SandboxRequest& request);
    SandboxResponse addToken(SandboxRequest& request);
    SandboxResponse advanceClock(SandboxRequest& request);
    SandboxResponse flushIndex(SandboxRequest& request);
    SandboxResponse resetRateLimits(SandboxRequest& request);

    SandboxServer& m_server;
    SandboxRouter m_router;
};

} // namespace syncdesk::sandbox
