#include "ui/mapping/CrmSchemaClient.h"

#include "core/connectors/ConnectorFactory.h"
#include "core/log/ConnectorLog.h"
#include "core/net/CancelFlag.h"
#include "ui/sync/ThreadWait.h"

#include <QThread>

namespace syncdesk {

CrmSchemaClient::CrmSchemaClient(SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets) {}

CrmSchemaClient::~CrmSchemaClient() {
    cancelAndWait();
}

void CrmSchemaClient::cancelAndWait() {
    if (!m_thread)
        return;
    ++m_job; // its result is dropped
    m_cancel->cancel();
    waitServingEvents(m_thread);
    delete m_thread;
    m_thread = nullptr;
}

bool CrmSchemaClient::fetch(const Connection& connection, RecordObject object) {
    return start(connection, object, {});
}

bool CrmSchemaClient::create(const Connection& connection, RecordObject object,
                             const QList<CrmProperty>& definitions) {
    return start(connection, object, definitions);
}

bool CrmSchemaClient::start(const Connection& connection, RecordObject object,
                            const QList<CrmProperty>& definitions) {
    if (m_thread)
        return false;
    m_cancel = std::make_shared<CancelFlag>();
    SecretStore* secrets = &m_secrets;
    std::shared_ptr<CancelFlag> cancel = m_cancel;
    ConnectorLog* log = m_log.data();
    QPointer<CrmSchemaClient> self(this);
    const int job = ++m_job;
    m_thread = QThread::create([connection, object, definitions, secrets, cancel, log, self, job] {
        CrmSchemaResult result;
        result.connectionUuid = connection.uuid;
        result.object = object;
        ConnectorEnvironment env;
        env.cancel = cancel.get();
        if (log)
            env.observer = [log](const HttpExchange& exchange) {
                log->append(ConnectorLog::fromExchange(exchange, 0));
            };
        ConnectorBuild build = ConnectorFactory::create(connection, *secrets, env);
        if (!build.ok()) {
            result.error = build.error;
        } else {
            CrmConnector& crm = *build.connector;
            for (const CrmProperty& definition : definitions) {
                const CrmResult<CrmProperty> created = crm.createProperty(object, definition);
                if (created.ok())
                    result.created.append(created.value());
                else
                    result.problems.append(
                        tr("%1 was not created: %2").arg(definition.name, created.error().message));
                if (cancel->isCancelled())
                    break;
            }
            const CrmResult<QList<CrmProperty>> fetched = crm.fetchProperties(object);
            if (fetched.ok())
                result.properties = fetched.value();
            else
                result.error = fetched.error();
        }
        QMetaObject::invokeMethod(
            self,
            [self, result, job] {
                if (!self || !self->m_thread || self->m_job != job)
                    return; // cancelled and waited for (a newer job may be running)
                self->m_thread->wait();
                self->m_thread->deleteLater();
                self->m_thread = nullptr;
                emit self->finished(result);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("CrmSchemaClient"));
    m_thread->start();
    return true;
}

} // namespace syncdesk
