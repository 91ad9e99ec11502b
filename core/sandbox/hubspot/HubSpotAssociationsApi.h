// Associations v4 between contacts and companies: default association of one pair and in batch,
// labelled association (unlabelled 279/280, primary 1/2), read per record and in batch, removal.
#pragma once

#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/hubspot/HubSpotErrors.h"
#include "core/sandbox/hubspot/HubSpotStore.h"

namespace syncdesk::sandbox::hubspot {

class HubSpotDialect;

class HubSpotAssociationsApi {
public:
    explicit HubSpotAssociationsApi(HubSpotDialect& dialect);
    void registerRoutes(SandboxRouter& router);

private:
    SandboxResponse associateDefault(SandboxRequest& request);
    SandboxResponse batchAssociateDefault(SandboxRequest& request);
    SandboxResponse associateLabelled(SandboxRequest& request);
    SandboxResponse batchCreate(SandboxRequest& request);
    SandboxResponse read(SandboxRequest& request);
    SandboxResponse batchRead(SandboxRequest& request);
    SandboxResponse remove(SandboxRequest& request);
    SandboxResponse batchArchive(SandboxRequest& request);

    // Resolves {from,to}ObjectType path parameters to a supported pair; empty on error.
    bool objectPair(const SandboxRequest& request, const QString& fromParam, const QString& toParam,
                    QString* from, QString* to, SandboxResponse* error) const;
    QJsonArray defaultResults(const QString& from, qint64 fromId, const QString& to, qint64 toId) const;
    QJsonObject labelsBetween(const QString& from, qint64 fromId, const QString& to, qint64 toId) const;
    QJsonArray associationTypes(const QSet<int>& typeIds, const QString& from, const QString& to) const;
    Errors::Detail parseSpecs(const QJsonArray& specs, const QString& from, const QString& to,
                              QList<int>* typeIds) const;

    HubSpotDialect& m_dialect;
    HubSpotStore& m_store;
};

} // namespace syncdesk::sandbox::hubspot
