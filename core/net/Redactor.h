#pragma once

#include "core/net/HttpTypes.h"

#include <QList>
#include <QReadWriteLock>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>

namespace syncdesk {

// Removes secrets from anything that is about to be logged: URLs, headers, bodies, error texts.
// Every request/response summary that HttpClient hands to observers passes through one.
//
// Rules (docs/network-and-secrets.md, "Redaction"):
//  - headers: Authorization and Proxy-Authorization keep their scheme ("Bearer [REDACTED]");
//    Cookie, Set-Cookie and API-key headers are replaced whole;
//  - sensitive parameters (access_token, refresh_token, id_token, client_secret, code,
//    code_verifier, password, token, hapikey, api_key, client_assertion) lose their value in URL
//    queries and fragments, form bodies and JSON bodies (at any depth, also in truncated JSON);
//  - every registered secret value is replaced wherever it appears, raw, percent-encoded or
//    JSON-escaped. Values shorter than MinSecretLength are not registered (they would shred text).
// Thread-safe: secrets may be registered from one thread while another logs.
class Redactor {
public:
    static inline const QString Marker = QStringLiteral("[REDACTED]");
    static constexpr int MinSecretLength = 6;

    Redactor();

    // The process-wide instance HttpClient uses by default. Whoever reads a secret from the
    // SecretStore (or receives a token) registers it here.
    static std::shared_ptr<Redactor> shared();

    // Returns false (and registers nothing) for values shorter than MinSecretLength.
    bool addSecret(const QString& value);
    void removeSecret(const QString& value);
    void clearSecrets();
    void addSensitiveParameter(const QString& name); // case-insensitive
    void addSensitiveHeader(const QByteArray& name); // replaced whole; case-insensitive

    QStringList sensitiveParameters() const;

    // Sensitive name=value / "name": value pairs, then registered secret values. For free text
    // such as error messages (which may quote a URL).
    QString redactText(const QString& text) const;
    // Registered secret values only.
    QString redactSecretValues(const QString& text) const;
    // User info password dropped, sensitive query/fragment parameters and secret values redacted.
    QString redactUrl(const QUrl& url) const;
    QByteArray redactHeaderValue(const QByteArray& name, const QByteArray& value) const;
    QList<std::pair<QString, QString>> redactHeaders(const HttpHeaders& headers) const;
    // JSON and form rules (both are tried on any text body: a JSON error message can quote a URL),
    // then secret values. Non-text bodies become "[binary body, N bytes]".
    QString redactBody(const QByteArray& body) const;

private:
    QString redactParameters(QString text) const;
    void rebuildPatterns(); // callers hold the write lock

    mutable QReadWriteLock m_lock;
    QStringList m_secrets;       // every variant, longest first
    QStringList m_registered;    // as registered
    QStringList m_parameters;    // lower case
    QList<QByteArray> m_headers; // lower case, replaced whole
    QRegularExpression m_jsonPattern;
    QRegularExpression m_formPattern;
};

} // namespace syncdesk
