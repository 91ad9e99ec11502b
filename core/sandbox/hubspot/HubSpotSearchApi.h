// POST /crm/v3/objects/{companies|contacts}/search: filter groups (ORed) of filters (ANDed), sorts,
// free-text query, properties and offset paging, over the search index, which trails writes by
// the configured index lag. Every documented limit is enforced from the settings.
#pragma once

#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/hubspot/HubSpotErrors.h"
#include "core/sandbox/hubspot/HubSpotStore.h"

#include <QSet>

namespace syncdesk::sandbox::hubspot {

class HubSpotDialect;
class HubSpotObjectsApi;

class HubSpotSearchApi {
public:
    HubSpotSearchApi(HubSpotDialect& dialect, HubSpotObjectsApi& objects);
    void registerRoutes(SandboxRouter& router);

    struct Filter {
        QString propertyName;
        QString op;
        QString value;
        QString highValue;
        QStringList values;
        QSet<QString> valueSet; // `values`, for IN/NOT_IN on text (one hash look-up per record)
    };

private:
    SandboxResponse search(SandboxRequest& request);
    Errors::Detail parseFilter(const QString& objectType, const QJsonObject& json, Filter* filter) const;
    bool matches(const QString& objectType, const IndexedRecord& record, const Filter& filter) const;
    bool matchesQuery(const QString& objectType, const IndexedRecord& record,
                      const QStringList& queryTokens) const;

    HubSpotDialect& m_dialect;
    HubSpotObjectsApi& m_objects;
    HubSpotStore& m_store;
};

} // namespace syncdesk::sandbox::hubspot
