// The HubSpot dialect of the Sandbox CRM: CRM v3 objects (companies, contacts), search,
// properties, v4 associations, lists v3 and OAuth v1, with HubSpot's auth, scopes, rate limits
// and error bodies. The endpoint families live in their own classes; this one wires them up and
// runs the per-request pipeline: authenticate (401), rate limit (429), scopes (403), handler.
#pragma once

#include "core/sandbox/RateLimiter.h"
#include "core/sandbox/SandboxDialect.h"
#include "core/sandbox/hubspot/HubSpotAuth.h"
#include "core/sandbox/hubspot/HubSpotErrors.h"
#include "core/sandbox/hubspot/HubSpotStore.h"

#include <functional>
#include <memory>

namespace syncdesk::sandbox::hubspot {

class HubSpotObjectsApi;
class HubSpotSearchApi;
class HubSpotPropertiesApi;
class HubSpotAssociationsApi;
class HubSpotListsApi;
class HubSpotOAuthApi;

class HubSpotDialect final : public SandboxDialect {
public:
    explicit HubSpotDialect(SandboxContext& context);
    ~HubSpotDialect() override;

    QString name() const override { return QStringLiteral("hubspot"); }
    QString displayName() const override { return QStringLiteral("HubSpot"); }
    void registerRoutes(SandboxRouter& router) override;
    QString endpointKey(const QByteArray& method, const QString& pattern,
                        const QHash<QString, QString>& params) const override;
    SandboxResponse notFound(const SandboxRequest& request) override;
    SandboxResponse methodNotAllowed(const SandboxRequest& request) override;
    SandboxResponse faultResponse(const FaultRule& rule, const SandboxRequest& request) override;
    QString clientLabel(const SandboxRequest& request) const override;
    QJsonObject saveState() const override;
    bool loadState(const QJsonObject& state, QString* error) override;
    bool loadSeed(const QJsonObject& seed, QString* error) override;
    void reset() override;
    void resetRateLimits() override;
    void flushSearchIndex() override { m_store.flushSearchIndex(); }
    QJsonObject summary() const override;
    QString issueToken(const QStringList& scopes, qint64 lifetimeMs, const QString& token) override;

    SandboxContext& context() { return m_context; }
    HubSpotStore& store() { return m_store; }
    HubSpotAuth& auth() { return m_auth; }

    // --- used by the endpoint classes ----------------------------------------------------------
    // Scope sets for a request: the caller needs every scope of at least one set.
    using ScopeRule = std::function<QList<QStringList>(const SandboxRequest&)>;
    enum class RateClass { Standard, Search };
    void addApiRoute(SandboxRouter& router, const QByteArray& method, const QString& pattern,
                     ScopeRule scopes, RateClass rateClass, SandboxHandler handler);
    void addPublicRoute(SandboxRouter& router, const QByteArray& method, const QString& pattern,
                        SandboxHandler handler);
    // "crm.objects.<type>.<access>" for the object type in path parameter `param`.
    static ScopeRule objectScope(const QString& param, const QString& access);
    // The normalised object type in `param`, or empty (then `error` holds the reply).
    QString objectType(const SandboxRequest& request, const QString& param, SandboxResponse* error) const;

private:
    SandboxResponse runPipeline(SandboxRequest& request, const ScopeRule& scopes, RateClass rateClass,
                                const SandboxHandler& handler);
    void addRateHeaders(SandboxResponse& response, const HubSpotToken& token, const RateDecision& burst,
                        const RateDecision& daily) const;

    SandboxContext& m_context;
    HubSpotStore m_store;
    HubSpotAuth m_auth;
    RollingWindowLimiter m_burst;
    RollingWindowLimiter m_searchLimiter;
    DailyLimiter m_daily;
    std::unique_ptr<HubSpotObjectsApi> m_objects;
    std::unique_ptr<HubSpotSearchApi> m_search;
    std::unique_ptr<HubSpotPropertiesApi> m_properties;
    std::unique_ptr<HubSpotAssociationsApi> m_associations;
    std::unique_ptr<HubSpotListsApi> m_lists;
    std::unique_ptr<HubSpotOAuthApi> m_oauth;
};

} // namespace syncdesk::sandbox::hubspot
