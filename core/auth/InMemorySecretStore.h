#pragma once

#include "core/auth/SecretStore.h"

#include <QHash>
#include <QMutex>

namespace syncdesk {

// Secrets in a hash, for unit tests and for one-off tokens that must not be stored
// (syncdesk-cli --token-env). Thread-safe. Can be told to fail, to test callers' error paths.
class InMemorySecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(InMemorySecretStore)

public:
    SecretResult read(const QString& key) override;
    SecretResult write(const QString& key, const QString& value) override;
    SecretResult remove(const QString& key) override;
    QString backendName() const override;

    // Every later call fails with this status (Ok: back to normal).
    void setFailure(SecretStatus status, const QString& errorText = {});
    qsizetype size() const;

private:
    SecretResult failure() const; // callers hold the lock

    mutable QMutex m_mutex;
    QHash<QString, QString> m_values;
    SecretStatus m_failure = SecretStatus::Ok;
    QString m_failureText;
};

} // namespace syncdesk
