#pragma once

#include "core/auth/InMemorySecretStore.h"
#include "core/auth/SecretStore.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>

#include <functional>
#include <memory>

namespace syncdesk {

// The desktop's secret store: the system keychain for real connections, and memory for the few
// secrets that live only as long as the app (the in-process Sandbox CRM's token, regenerated at
// every start). Callers see one SecretStore, so ConnectorFactory::create(connection, secrets, ...)
// works for both kinds.
//
// The keychain is opened on first use (not at start: probing it can take a while), through the
// opener given to the constructor (openSystemSecretStore by default; tests pass an in-memory one).
// Thread-safe: connection tests and syncs read from worker threads.
class SessionSecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(SessionSecretStore)

public:
    using Opener = std::function<SecretStoreOpenResult()>;
    explicit SessionSecretStore(Opener openPersistent = {});
    ~SessionSecretStore() override;

    // Keeps `value` under `key` in memory only (and registers it with Redactor::shared()); later
    // reads, writes and removes of that key stay in memory.
    void setSessionSecret(const QString& key, const QString& value);
    bool isSessionKey(const QString& key) const;

    SecretResult read(const QString& key) override;
    SecretResult write(const QString& key, const QString& value) override;
    SecretResult remove(const QString& key) override;
    QString backendName() const override;

    // Opens the keychain now if it is not open; false with the reason when none is reachable.
    bool persistentAvailable(QString* errorText = nullptr);

private:
    SecretStore* persistent(QString* errorText);
    SecretResult unavailable(const QString& errorText) const;

    mutable QMutex m_mutex;     // m_sessionKeys
    mutable QMutex m_openMutex; // m_opened, m_persistent, m_openError
    Opener m_opener;
    InMemorySecretStore m_session;
    QSet<QString> m_sessionKeys;
    std::unique_ptr<SecretStore> m_persistent;
    bool m_opened = false;
    QString m_openError;
};

} // namespace syncdesk
