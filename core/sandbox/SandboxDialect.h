// A CRM dialect served by the sandbox (HubSpot today; Salesforce can sit beside it). The server
// owns the transport, routing, request log, faults and admin API; a dialect owns the vendor's
// paths, bodies, auth, limits and state.
#pragma once

#include "core/sandbox/SandboxHttp.h"
#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/SandboxSettings.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

namespace syncdesk::sandbox {

// What a dialect may ask of the server that hosts it.
class SandboxContext {
public:
    virtual ~SandboxContext() = default;
    virtual qint64 nowMs() const = 0; // the sandbox clock (plus any admin offset)
    virtual const SandboxSettings& settings() const = 0;
    virtual QRandomGenerator& random() = 0;
    virtual QUrl baseUrl() const = 0;
};

class SandboxDialect {
public:
    virtual ~SandboxDialect() = default;

    virtual QString name() const = 0;        // "hubspot"
    virtual QString displayName() const = 0; // "HubSpot"

    virtual void registerRoutes(SandboxRouter& router) = 0;
    // The request log's endpoint key for a matched route, e.g. "POST /crm/v3/objects/contacts/batch/read".
    virtual QString endpointKey(const QByteArray& method, const QString& pattern,
                                const QHash<QString, QString>& params) const = 0;

    virtual SandboxResponse notFound(const SandboxRequest& request) = 0;
    virtual SandboxResponse methodNotAllowed(const SandboxRequest& request) = 0;
    // The reply for an injected Status or RateLimit fault, in the vendor's shape.
    virtual SandboxResponse faultResponse(const FaultRule& rule, const SandboxRequest& request) = 0;
    // A short, non-secret label of the caller for the request log.
    virtual QString clientLabel(const SandboxRequest& request) const = 0;

    virtual QJsonObject saveState() const = 0;
    virtual bool loadState(const QJsonObject& state, QString* error) = 0;
    virtual bool loadSeed(const QJsonObject& seed, QString* error) = 0;
    virtual void reset() = 0; // empty account: no records, lists, issued tokens
    virtual void resetRateLimits() = 0;
    virtual void flushSearchIndex() = 0;     // make every write visible to search now
    virtual QJsonObject summary() const = 0; // record counts etc. for /_sandbox/info
    // Issues a private-app style token with these scopes (empty: all); lifetimeMs 0: never expires.
    virtual QString issueToken(const QStringList& scopes, qint64 lifetimeMs, const QString& token) = 0;
};

} // namespace syncdesk::sandbox
