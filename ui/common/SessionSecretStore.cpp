#include "ui/common/SessionSecretStore.h"

#include "core/net/Redactor.h"

namespace syncdesk {

SessionSecretStore::SessionSecretStore(Opener openPersistent)
    : m_opener(openPersistent ? std::move(openPersistent) : Opener(&openSystemSecretStore)) {}

SessionSecretStore::~SessionSecretStore() = default;

void SessionSecretStore::setSessionSecret(const QString& key, const QString& value) {
    Redactor::shared()->addSecret(value);
    QMutexLocker lock(&m_mutex);
    m_sessionKeys.insert(key);
    m_session.write(key, value);
}

bool SessionSecretStore::isSessionKey(const QString& key) const {
    QMutexLocker lock(&m_mutex);
    return m_sessionKeys.contains(key);
}

SecretStore* SessionSecretStore::persistent(QString* errorText) {
    // A separate lock: opening runs a keychain probe (a local event loop, bounded by its timeout),
    // and session secrets must stay readable meanwhile.
    QMutexLocker lock(&m_openMutex);
    if (!m_opened) {
        m_opened = true;
        SecretStoreOpenResult result = m_opener();
        m_persistent = std::move(result.store);
        m_openError = result.errorText;
    }
    if (!m_persistent && errorText)
        *errorText = m_openError;
    return m_persistent.get();
}

bool SessionSecretStore::persistentAvailable(QString* errorText) {
    return persistent(errorText) != nullptr;
}

SecretResult SessionSecretStore::unavailable(const QString& errorText) const {
    SecretResult r;
    r.status = SecretStatus::Unavailable;
    r.errorText = errorText.isEmpty() ? tr("No keychain is reachable.") : errorText;
    return r;
}

SecretResult SessionSecretStore::read(const QString& key) {
    if (isSessionKey(key))
        return m_session.read(key);
    QString error;
    SecretStore* store = persistent(&error);
    return store ? store->read(key) : unavailable(error);
}

SecretResult SessionSecretStore::write(const QString& key, const QString& value) {
    if (isSessionKey(key)) {
        Redactor::shared()->addSecret(value);
        return m_session.write(key, value);
    }
    QString error;
    SecretStore* store = persistent(&error);
    return store ? store->write(key, value) : unavailable(error);
}

SecretResult SessionSecretStore::remove(const QString& key) {
    if (isSessionKey(key)) {
        {
            QMutexLocker lock(&m_mutex);
            m_sessionKeys.remove(key);
        }
        return m_session.remove(key);
    }
    QString error;
    SecretStore* store = persistent(&error);
    return store ? store->remove(key) : unavailable(error);
}

QString SessionSecretStore::backendName() const {
    QMutexLocker lock(&m_openMutex);
    return m_persistent ? m_persistent->backendName() : tr("system keychain");
}

} // namespace syncdesk
