#pragma once

#include "core/auth/SecretStore.h"

namespace syncdesk {

// The system keychain through QtKeychain (Secret Service on Linux: GNOME Keyring, KWallet;
// Keychain on macOS; Credential Manager on Windows). QtKeychain stays private to core: this header
// does not include it.
//
// Synchronous from the caller's view: each call runs one QtKeychain job on the process's keychain
// thread (QtKeychain's job executor is bound to a single thread) and waits for it in a local
// QEventLoop, so the caller's events keep flowing; at most timeoutMs (a locked keyring waiting for
// a password prompt nobody answers). Any thread with an event dispatcher may call it, several at
// once. Never falls back to storing secrets in plain text. Needs a QCoreApplication.
class KeychainSecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    static inline const QString DefaultService = QStringLiteral("SyncDesk");
    static constexpr int DefaultTimeoutMs = 30000;

    explicit KeychainSecretStore(const QString& service = DefaultService, int timeoutMs = DefaultTimeoutMs);

    SecretResult read(const QString& key) override;
    SecretResult write(const QString& key, const QString& value) override;
    SecretResult remove(const QString& key) override;
    QString backendName() const override;

    QString service() const { return m_service; }

    // Whether a keychain answers: reads a key that does not exist and expects "not found".
    // Ok when reachable; otherwise Unavailable/AccessDenied/Error with the reason.
    SecretResult probe();

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace syncdesk
