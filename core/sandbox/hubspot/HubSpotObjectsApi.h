// /crm/v3/objects/{companies|contacts}: list, create, read, update, archive, and the batch
// create/read/update/upsert/archive endpoints, with HubSpot's all-or-nothing batches and the
// multi-status (207) mode that inputs opt into with objectWriteTraceId.
#pragma once

#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/hubspot/HubSpotErrors.h"
#include "core/sandbox/hubspot/HubSpotStore.h"

namespace syncdesk::sandbox::hubspot {

class HubSpotDialect;

struct AssociationInput {
    QString toObjectType;
    qint64 toId = 0;
    int typeId = 0;
};

class HubSpotObjectsApi {
public:
    explicit HubSpotObjectsApi(HubSpotDialect& dialect);
    void registerRoutes(SandboxRouter& router);

    enum class WriteMode { Create, Update };
    // Validates a request's "properties" object into normalised values.
    Errors::Detail parseProperties(const QString& objectType, const QJsonValue& properties, WriteMode mode,
                                   QHash<QString, QString>* values) const;
    // A unique value (contacts' email, hasUniqueValue properties) already held by another record.
    Errors::Detail checkUnique(const QString& objectType, const QHash<QString, QString>& values,
                               qint64 recordId) const;
    // The "associations" array of a create input.
    Errors::Detail parseAssociations(const QString& objectType, const QJsonValue& associations,
                                     QList<AssociationInput>* out) const;
    void applyAssociations(const QString& objectType, qint64 id, const QList<AssociationInput>& associations);

    // A record in HubSpot's SimplePublicObject shape. `requested` empty: the default properties.
    // `allValues`: every property that has a value (create/update replies).
    QJsonObject recordJson(const QString& objectType, qint64 id, const QHash<QString, QString>& values,
                           qint64 createdAtMs, qint64 updatedAtMs, bool archived, qint64 archivedAtMs,
                           const QStringList& requested, bool allValues = false) const;
    QJsonObject recordJson(const QString& objectType, const HubSpotRecord& record,
                           const QStringList& requested, bool allValues = false) const;

private:
    SandboxResponse list(SandboxRequest& request);
    SandboxResponse create(SandboxRequest& request);
    SandboxResponse read(SandboxRequest& request);
    SandboxResponse update(SandboxRequest& request);
    SandboxResponse archive(SandboxRequest& request);
    SandboxResponse batchCreate(SandboxRequest& request);
    SandboxResponse batchRead(SandboxRequest& request);
    SandboxResponse batchUpdate(SandboxRequest& request);
    SandboxResponse batchUpsert(SandboxRequest& request);
    SandboxResponse batchArchive(SandboxRequest& request);

    // Parses {inputs:[...]} and checks the batch size; `inputs` gets the array.
    Errors::Detail parseBatch(const SandboxRequest& request, QJsonObject* body, QJsonArray* inputs) const;
    // Resolves an id (or unique property value) to a live record id; 0 when absent.
    qint64 resolveId(const QString& objectType, const QString& id, const QString& idProperty) const;
    Errors::Detail checkIdProperty(const QString& objectType, const QString& idProperty) const;
    void addHistoryAndAssociations(const QString& objectType, const HubSpotRecord& record,
                                   const SandboxRequest& request, QJsonObject& json) const;
    QJsonObject batchBody(const QJsonArray& results, const QJsonArray& errors, qint64 startedAtMs) const;

    HubSpotDialect& m_dialect;
    HubSpotStore& m_store;
};

} // namespace syncdesk::sandbox::hubspot
