// OAuth 2.0 as HubSpot runs it: an authorize page (GET /oauth/authorize, approved with a POST back
// to it, or at once with sandbox_auto_approve=1), the token endpoint (POST /oauth/v1/token:
// authorization_code with PKCE, refresh_token) and the token metadata endpoints.
#pragma once

#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/hubspot/HubSpotAuth.h"

namespace syncdesk::sandbox::hubspot {

class HubSpotDialect;

class HubSpotOAuthApi {
public:
    explicit HubSpotOAuthApi(HubSpotDialect& dialect);
    void registerRoutes(SandboxRouter& router);

private:
    SandboxResponse authorizePage(SandboxRequest& request);
    SandboxResponse authorizeDecision(SandboxRequest& request);
    SandboxResponse token(SandboxRequest& request);
    SandboxResponse accessTokenInfo(SandboxRequest& request);
    SandboxResponse refreshTokenInfo(SandboxRequest& request);
    SandboxResponse revokeRefreshToken(SandboxRequest& request);

    // Checks client_id, redirect_uri and scope; returns an HTML error page when they are wrong.
    std::optional<SandboxResponse> checkAuthorizeParams(const QUrlQuery& params,
                                                        const SandboxRequest& request) const;
    SandboxResponse approve(const QUrlQuery& params);
    static QStringList scopeList(const QString& text);

    HubSpotDialect& m_dialect;
    HubSpotAuth& m_auth;
};

} // namespace syncdesk::sandbox::hubspot
