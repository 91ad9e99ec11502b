#include "ui/sync/EngineConnections.h"

#include "core/connectors/ConnectorFactory.h"
#include "core/store/ConnectionStore.h"
#include "core/store/MappingStore.h"

#include <QCoreApplication>

namespace syncdesk {

namespace {
class EngineConnectionsText {
    Q_DECLARE_TR_FUNCTIONS(EngineConnections)
};
} // namespace

ConnectionProvider desktopConnectionProvider(const Workspace& workspace, SecretStore& secrets,
                                             std::function<SyncEngine*()> engine) {
    return [&workspace, &secrets,
            engine](const QString& name, QString* error,
                    std::optional<CrmError>* crmError) -> std::optional<EngineConnection> {
        const std::optional<Connection> c = ConnectionStore(workspace).findByName(name);
        if (!c) {
            *error = EngineConnectionsText::tr("There is no connection named \"%1\" (any more).").arg(name);
            return std::nullopt;
        }
        ConnectorEnvironment env;
        if (SyncEngine* e = engine ? engine() : nullptr) {
            env.cancel = &e->cancelFlag();
            env.observer = e->httpObserver();
        }
        ConnectorBuild build = ConnectorFactory::create(*c, secrets, env);
        if (!build.ok()) {
            *error = build.error ? build.error->message : QString();
            *crmError = build.error;
            return std::nullopt;
        }
        MappingStore mappings(workspace);
        EngineConnection out;
        out.id = c->uuid;
        out.name = c->name;
        out.connector = std::shared_ptr<CrmConnector>(build.connector.release());
        for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
            QString readError;
            std::optional<Mapping> m = mappings.mapping(c->id, object, &readError);
            if (!m && mappings.mappingDocument(c->id, object)) {
                *error = readError; // stored but unreadable: never sync with a guess
                return std::nullopt;
            }
            (object == RecordObject::Company ? out.companyMapping : out.contactMapping) =
                m ? *m : Mapping::defaultMapping(c->kind(), object);
        }
        out.settings = c->syncSettings();
        return out;
    };
}

} // namespace syncdesk
