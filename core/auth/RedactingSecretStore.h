#pragma once

#include "core/auth/SecretStore.h"

#include <memory>

namespace syncdesk {

class Redactor;

// Wraps a SecretStore and registers every secret that passes through it (read or written) with a
// Redactor, so that it is redacted wherever it might be logged, before anyone can use it. A value
// that is a JSON object (a connector's token bundle) registers its sensitive members
// (access_token, refresh_token, client_secret, ... - Redactor::sensitiveParameters()) rather than
// the whole document, so that e.g. an instance_url stays readable in logs.
// openSystemSecretStore() returns its store wrapped in one.
class RedactingSecretStore final : public SecretStore {
public:
    explicit RedactingSecretStore(std::unique_ptr<SecretStore> inner,
                                  std::shared_ptr<Redactor> redactor = {});
    ~RedactingSecretStore() override;

    SecretResult read(const QString& key) override;
    SecretResult write(const QString& key, const QString& value) override;
    SecretResult remove(const QString& key) override;
    QString backendName() const override;

    SecretStore& inner() const { return *m_inner; }

private:
    void registerValue(const QString& value) const;

    std::unique_ptr<SecretStore> m_inner;
    std::shared_ptr<Redactor> m_redactor;
};

} // namespace syncdesk
