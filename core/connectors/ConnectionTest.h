#pragma once

#include "core/connectors/CrmError.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk {

// The answer to "does this connection work?" (syncdesk-cli connection test, the desktop's
// connection dialog): the token is accepted, and which of the scopes SyncDesk needs are missing.
struct ConnectionTestResult {
    struct Check {
        QString scope;        // "crm.objects.companies.read"
        bool required = true; // false: only needed for some features (creating properties)
        bool granted = false;
        QString purpose; // translated: what SyncDesk needs it for
    };

    // Set when the test could not go on: authentication (401), network, rate/daily limit... A
    // missing scope is NOT an error here: it is listed in `checks`.
    std::optional<CrmError> error;
    QList<Check> checks;
    int requests = 0; // requests sent

    QStringList missingScopes(bool required) const;
    bool ok() const { return !error && missingScopes(true).isEmpty(); }
    QJsonObject toJson() const;
};

// Implemented by connectors that can test their connection (HubSpotConnector). Callers holding a
// CrmConnector ask with dynamic_cast<ConnectionTestable*>.
class ConnectionTestable {
public:
    virtual ~ConnectionTestable();
    virtual ConnectionTestResult testConnection() = 0;
};

} // namespace syncdesk
