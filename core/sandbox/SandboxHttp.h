// Request and response values passed between the sandbox's HTTP layer and a dialect's handlers.
// Responses are serialised to HTTP/1.1 by the server itself (not by QHttpServerResponder), which is
// what lets faults delay, cut or drop a reply.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace syncdesk::sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct SandboxRequest {
    QByteArray method; // upper case: GET, POST, PUT, PATCH, DELETE...
    QString path;      // decoded path, no query
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QString, QString> params; // path parameters of the matched route
    QString pattern;                // matched route pattern, e.g. /crm/v3/objects/{objectType}
    QString endpoint;               // method + pattern with object types filled in
    QString correlationId;          // a fresh UUID per request
    qint64 receivedAtMs = 0;        // sandbox clock

    // Set by the dialect once the caller is authenticated.
    QString token;

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
    bool hasQueryItem(const QString& name) const;
    QString queryValue(const QString& name) const; // first value, fully decoded
    // Values of a query parameter given repeatedly (a=1&a=2) or comma separated (a=1,2).
    QStringList queryList(const QString& name) const;
    QString param(const QString& name) const { return params.value(name); }
};

struct SandboxResponse {
    int status = 200;
    QByteArray contentType; // empty: no Content-Type header
    QByteArray body;
    HeaderList headers;

    static SandboxResponse json(int status, const QJsonObject& object);
    static SandboxResponse json(int status, const QJsonArray& array);
    static SandboxResponse noContent(int status = 204);
    static SandboxResponse html(int status, const QByteArray& html);
    static SandboxResponse
    text(int status, const QByteArray& text,
         const QByteArray& contentType = QByteArrayLiteral("text/plain;charset=utf-8"));
    static SandboxResponse redirect(const QUrl& location, int status = 302);

    void setHeader(const QByteArray& name, const QByteArray& value); // replaces
    QByteArray headerValue(const QByteArray& name) const;

    QByteArray serializeHead(qint64 contentLength) const;
    QByteArray serialize() const;
};

QByteArray reasonPhrase(int status);

// "2025-01-01T12:00:00.000Z"
QString isoTimestamp(qint64 msSinceEpoch);
// ISO 8601 (with or without milliseconds / offset) or milliseconds since the epoch.
std::optional<qint64> parseTimestamp(const QString& text);
// A random UUID without braces (HubSpot's correlationId format).
QString newUuid();
// URL-safe random token of `bytes` random bytes.
QString randomToken(int bytes);

} // namespace syncdesk::sandbox
