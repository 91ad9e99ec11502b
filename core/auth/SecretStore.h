#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace syncdesk {

enum class SecretStatus {
    Ok,
    NotFound,     // no secret under that key (read, remove)
    AccessDenied, // the keychain refused (locked, the user said no)
    Unavailable,  // no keychain reachable (no Secret Service on the session bus, ...)
    Error,        // anything else; see errorText
};

struct SecretResult {
    SecretStatus status = SecretStatus::Ok;
    QString value;     // read(): the secret; empty otherwise
    QString errorText; // for people, translated; empty when status is Ok

    bool ok() const { return status == SecretStatus::Ok; }
};

// Where connection secrets (tokens) live: only here, never in the workspace, settings or logs
// (PRODUCT.md "Connection"). Synchronous from the caller's view. One key per connection
// (connectionKey()); the value is whatever the connector needs (e.g. a small JSON document with
// access and refresh token).
//
// Every secret that is read must be registered with the Redactor before use, so that it is
// redacted wherever it might be logged: RedactingSecretStore does that for any store, and
// openSystemSecretStore() returns one.
class SecretStore {
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    virtual ~SecretStore();

    virtual SecretResult read(const QString& key) = 0;
    // Creates or overwrites.
    virtual SecretResult write(const QString& key, const QString& value) = 0;
    // NotFound when there was nothing to remove (callers may treat it as success).
    virtual SecretResult remove(const QString& key) = 0;
    // For people: "system keychain", "memory (not kept)".
    virtual QString backendName() const = 0;

    // The key of a connection's secrets: "connection/<id>".
    static QString connectionKey(const QString& connectionId);
};

// Opens the system keychain (QtKeychain under the service name "SyncDesk") and checks that it
// answers. The store registers every secret it hands out with Redactor::shared()
// (RedactingSecretStore). When no keychain is reachable, `store` is null and `errorText` says why
// and what to do.
struct SecretStoreOpenResult {
    std::unique_ptr<SecretStore> store;
    QString errorText;
};
SecretStoreOpenResult openSystemSecretStore();

} // namespace syncdesk
