#pragma once

// How to get a connector for a connection (docs/connections.md):
//
//   ConnectionStore connections(workspace);
//   std::optional<Connection> c = connections.findByName(name);
//   ConnectorEnvironment env;            // per thread: network, clock, cancel flag, log observer
//   env.cancel = &run.cancelFlag;
//   env.observer = [&](const HttpExchange& e) { log.append(e); };   // redacted already
//   ConnectorBuild b = ConnectorFactory::create(*c, secrets, env);  // token from the keychain
//   if (!b.ok()) { /* b.error: kind Authentication (no token), Other (unsupported, bad URL) */ }
//   CrmConnector& crm = *b.connector;
//
// The connector belongs to the thread that created it (its HttpClient runs a local event loop).
// Connections' rate limiters are shared process-wide by connection uuid (sharedLimiter()), so that
// several threads of one connection stay under the CRM's limit together.

#include "core/auth/SecretStore.h"
#include "core/connectors/CrmConnector.h"
#include "core/net/HttpClient.h"
#include "core/store/ConnectionStore.h"

#include <QCoreApplication>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace syncdesk {

class CancelFlag;
class Clock;
class RandomSource;
class RateLimiter;

// What the connector's HTTP client runs on. Everything is optional.
struct ConnectorEnvironment {
    QNetworkAccessManager* network = nullptr; // the calling thread's; nullptr: the client makes one
    Clock* clock = nullptr;                   // nullptr: SystemClock
    RandomSource* random = nullptr;           // nullptr: SystemRandomSource
    std::shared_ptr<RateLimiter> limiter;     // nullptr: ConnectorFactory::sharedLimiter(connection)
    const CancelFlag* cancel = nullptr;       // checked before every request and during waits
    HttpObserver observer;                    // every attempt, already redacted (connector log)
    HttpClientSettings http;                  // timeouts, retry policy
};

struct ConnectorBuild {
    std::unique_ptr<CrmConnector> connector;
    // When there is no connector. kind Authentication + code "NO_TOKEN" (nothing in the keychain),
    // code "SECRET_STORE" (the keychain failed), "NOT_SUPPORTED" (Salesforce for now),
    // "BAD_BASE_URL". message is translated and names the connection.
    std::optional<CrmError> error;
    bool ok() const { return connector != nullptr; }
};

class ConnectorFactory {
    Q_DECLARE_TR_FUNCTIONS(ConnectorFactory)

public:
    // The connector of `connection`, with the token read from `secrets`
    // (key SecretStore::connectionKey(connection.uuid)), or with `tokenOverride` when given (for
    // --token-env: used for this connector only, never stored).
    // (Inline so that core/connectors does not link core/auth: only callers do.)
    static ConnectorBuild create(const Connection& connection, SecretStore& secrets,
                                 const ConnectorEnvironment& environment,
                                 const std::optional<QString>& tokenOverride = std::nullopt) {
        if (tokenOverride)
            return createWithToken(connection, *tokenOverride, environment);
        const SecretResult secret = secrets.read(SecretStore::connectionKey(connection.uuid));
        if (!secret.ok())
            return {nullptr, secretError(connection, secret.status, secret.errorText)};
        return createWithToken(connection, tokenFromSecret(secret.value), environment);
    }

    // The connector of `connection` with this token (registered with Redactor::shared()).
    static ConnectorBuild createWithToken(const Connection& connection, const QString& token,
                                          const ConnectorEnvironment& environment);

    // The base URL a connection uses: its own, else the CRM's public API
    // (HubSpot https://api.hubapi.com). Sandbox connections need one (the sandbox's port).
    static QUrl baseUrl(const Connection& connection);
    // Checks a --base-url value: absolute http(s) URL with a host, no query or fragment. Returns a
    // translated reason, or empty when fine. Sandbox connections must give one.
    static QString baseUrlProblem(CrmKind kind, const QString& url);

    // What is stored in the keychain for a token, and back: {"access_token": "..."} (a plain token
    // is accepted too, trimmed).
    static QString secretForToken(const QString& token);
    static QString tokenFromSecret(const QString& secret);

    // The process-wide rate limiter of a connection (by uuid), configured with the CRM's published
    // limits on first use.
    static std::shared_ptr<RateLimiter> sharedLimiter(const Connection& connection);

private:
    static CrmError secretError(const Connection& connection, SecretStatus status, const QString& text);
};

} // namespace syncdesk
