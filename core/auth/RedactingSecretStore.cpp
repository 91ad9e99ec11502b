#include "core/auth/RedactingSecretStore.h"

#include "core/net/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace syncdesk {

RedactingSecretStore::RedactingSecretStore(std::unique_ptr<SecretStore> inner,
                                           std::shared_ptr<Redactor> redactor)
    : m_inner(std::move(inner))
    , m_redactor(redactor ? std::move(redactor) : Redactor::shared()) {}

RedactingSecretStore::~RedactingSecretStore() = default;

void RedactingSecretStore::registerValue(const QString& value) const {
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
    if (!doc.isObject()) {
        m_redactor->addSecret(value);
        return;
    }
    const QStringList sensitive = m_redactor->sensitiveParameters();
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString() && sensitive.contains(it.key().toLower()))
            m_redactor->addSecret(it.value().toString());
    }
}

SecretResult RedactingSecretStore::read(const QString& key) {
    SecretResult r = m_inner->read(key);
    if (r.ok())
        registerValue(r.value);
    return r;
}

SecretResult RedactingSecretStore::write(const QString& key, const QString& value) {
    registerValue(value); // even if the write fails: the value is out there
    return m_inner->write(key, value);
}

SecretResult RedactingSecretStore::remove(const QString& key) {
    return m_inner->remove(key);
}

QString RedactingSecretStore::backendName() const {
    return m_inner->backendName();
}

} // namespace syncdesk
