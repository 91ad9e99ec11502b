#include "ui/connections/ConnectionTester.h"

#include "core/connectors/ConnectorFactory.h"
#include "core/net/CancelFlag.h"

#include <QThread>

namespace syncdesk {

ConnectionTester::ConnectionTester(SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets) {}

ConnectionTester::~ConnectionTester() {
    if (m_thread) {
        m_cancel->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool ConnectionTester::start(const Connection& connection) {
    if (m_thread)
        return false;
    m_cancel = std::make_shared<CancelFlag>();
    SecretStore* secrets = &m_secrets;
    std::shared_ptr<CancelFlag> cancel = m_cancel;
    QPointer<ConnectionTester> self(this);
    m_thread = QThread::create([connection, secrets, cancel, self] {
        ConnectorEnvironment env;
        env.cancel = cancel.get();
        env.http.defaultTimeoutMs = 20000;
        ConnectionTestResult result;
        ConnectorBuild build = ConnectorFactory::create(connection, *secrets, env);
        if (!build.ok()) {
            result.error = build.error;
        } else if (auto* testable = dynamic_cast<ConnectionTestable*>(build.connector.get())) {
            result = testable->testConnection();
        } else {
            CrmError e;
            e.message = tr("This kind of connection cannot be tested yet.");
            result.error = e;
        }
        const QString uuid = connection.uuid;
        QMetaObject::invokeMethod(
            self,
            [self, uuid, result] {
                if (!self)
                    return;
                self->m_thread->wait();
                self->m_thread->deleteLater();
                self->m_thread = nullptr;
                emit self->finished(uuid, result);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("ConnectionTester"));
    m_thread->start();
    return true;
}

QString ConnectionTester::describe(const ConnectionTestResult& result) {
    if (result.error) {
        QString text = result.error->message;
        if (!result.error->hint.isEmpty())
            text += u' ' + result.error->hint;
        return tr("The test failed: %1").arg(text);
    }
    const QStringList required = result.missingScopes(true);
    if (!required.isEmpty())
        return tr("The token works but lacks permissions SyncDesk needs: %1.")
            .arg(required.join(QStringLiteral(", ")));
    QString text = tr("The connection works: the token is accepted and has every permission SyncDesk needs.");
    const QStringList optional = result.missingScopes(false);
    if (!optional.isEmpty())
        text += u' ' + tr("Optional permissions missing (creating properties on the CRM): %1.")
                           .arg(optional.join(QStringLiteral(", ")));
    return text;
}

} // namespace syncdesk
