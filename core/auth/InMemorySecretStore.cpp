#include "core/auth/InMemorySecretStore.h"

namespace syncdesk {

SecretResult InMemorySecretStore::failure() const {
    SecretResult r;
    r.status = m_failure;
    r.errorText = m_failureText.isEmpty() ? tr("the secret store failed (simulated)") : m_failureText;
    return r;
}

SecretResult InMemorySecretStore::read(const QString& key) {
    QMutexLocker lock(&m_mutex);
    if (m_failure != SecretStatus::Ok)
        return failure();
    const auto it = m_values.constFind(key);
    if (it == m_values.cend())
        return {SecretStatus::NotFound, {}, tr("no secret is stored for %1").arg(key)};
    return {SecretStatus::Ok, *it, {}};
}

SecretResult InMemorySecretStore::write(const QString& key, const QString& value) {
    QMutexLocker lock(&m_mutex);
    if (m_failure != SecretStatus::Ok)
        return failure();
    m_values.insert(key, value);
    return {};
}

SecretResult InMemorySecretStore::remove(const QString& key) {
    QMutexLocker lock(&m_mutex);
    if (m_failure != SecretStatus::Ok)
        return failure();
    if (m_values.remove(key) == 0)
        return {SecretStatus::NotFound, {}, tr("no secret is stored for %1").arg(key)};
    return {};
}

QString InMemorySecretStore::backendName() const {
    return tr("memory (not kept)");
}

void InMemorySecretStore::setFailure(SecretStatus status, const QString& errorText) {
    QMutexLocker lock(&m_mutex);
    m_failure = status;
    m_failureText = errorText;
}

qsizetype InMemorySecretStore::size() const {
    QMutexLocker lock(&m_mutex);
    return m_values.size();
}

} // namespace syncdesk
