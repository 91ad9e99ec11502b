// Path-template routing for the sandbox: "/crm/v3/objects/{objectType}/{objectId}". Literal
// segments win over parameters, so ".../batch/read" is never taken for an object id.
#pragma once

#include "core/sandbox/SandboxHttp.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace syncdesk::sandbox {

using SandboxHandler = std::function<SandboxResponse(SandboxRequest&)>;

class SandboxRouter {
public:
    void add(const QByteArray& method, const QString& pattern, SandboxHandler handler);
    void clear() { m_routes.clear(); }

    struct Match {
        bool found = false;     // a route for this method and path
        bool pathKnown = false; // the path exists for some other method (405)
        QString pattern;
        QHash<QString, QString> params;
        SandboxHandler handler;
    };
    // `encodedPath` is the request path as sent (percent-encoded); parameters come back decoded.
    Match match(const QByteArray& method, const QString& encodedPath) const;

private:
    struct Route {
        QByteArray method;
        QString pattern;
        QStringList segments;
        int literals = 0;
        SandboxHandler handler;
    };
    QList<Route> m_routes;
};

} // namespace syncdesk::sandbox
