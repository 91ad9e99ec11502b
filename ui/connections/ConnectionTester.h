#pragma once

#include "core/connectors/ConnectionTest.h"
#include "core/store/ConnectionStore.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QThread;

namespace syncdesk {

class CancelFlag;
class SecretStore;

// Tests a connection ("does the token work, which permissions are missing?") on a thread of its
// own, so that the window stays responsive (and the in-process Sandbox CRM, served by this very
// thread's event loop, can answer). One test at a time.
class ConnectionTester : public QObject {
    Q_OBJECT

public:
    explicit ConnectionTester(SecretStore& secrets, QObject* parent = nullptr);
    ~ConnectionTester() override; // cancels a running test and waits for it

    // False when a test is already running.
    bool start(const Connection& connection);
    bool isRunning() const { return m_thread != nullptr; }

    // A sentence or two for people about a result.
    static QString describe(const ConnectionTestResult& result);

signals:
    void finished(const QString& connectionUuid, const syncdesk::ConnectionTestResult& result);

private:
    SecretStore& m_secrets;
    QThread* m_thread = nullptr;
    std::shared_ptr<CancelFlag> m_cancel;
};

} // namespace syncdesk
