#include "core/sandbox/SandboxHttp.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUuid>

namespace syncdesk::sandbox {

QByteArray SandboxRequest::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool SandboxRequest::hasQueryItem(const QString& name) const {
    return query.hasQueryItem(name);
}

QString SandboxRequest::queryValue(const QString& name) const {
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QStringList SandboxRequest::queryList(const QString& name) const {
    QStringList out;
    for (const QString& value : query.allQueryItemValues(name, QUrl::FullyDecoded))
        for (const QString& part : value.split(u',', Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                out << part.trimmed();
    return out;
}

SandboxResponse SandboxResponse::json(int status, const QJsonObject& object) {
    SandboxResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json;charset=utf-8");
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

SandboxResponse SandboxResponse::json(int status, const QJsonArray& array) {
    SandboxResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json;charset=utf-8");
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

SandboxResponse SandboxResponse::noContent(int status) {
    SandboxResponse r;
    r.status = status;
    return r;
}

SandboxResponse SandboxResponse::html(int status, const QByteArray& html) {
    return text(status, html, QByteArrayLiteral("text/html;charset=utf-8"));
}

SandboxResponse SandboxResponse::text(int status, const QByteArray& text, const QByteArray& contentType) {
    SandboxResponse r;
    r.status = status;
    r.contentType = contentType;
    r.body = text;
    return r;
}

SandboxResponse SandboxResponse::redirect(const QUrl& location, int status) {
    SandboxResponse r;
    r.status = status;
    r.setHeader(QByteArrayLiteral("Location"), location.toEncoded());
    return r;
}

void SandboxResponse::setHeader(const QByteArray& name, const QByteArray& value) {
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray SandboxResponse::headerValue(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QByteArray SandboxResponse::serializeHead(qint64 contentLength) const {
    QByteArray out;
    out.reserve(256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Date: " +
           QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
               .toLatin1() +
           "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto& [key, value] : headers)
        out += key + ": " + value + "\r\n";
    out += "\r\n";
    return out;
}

QByteArray SandboxResponse::serialize() const {
    return serializeHead(body.size()) + body;
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 207:
        return QByteArrayLiteral("Multi-Status");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 423:
        return QByteArrayLiteral("Locked");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QString isoTimestamp(qint64 msSinceEpoch) {
    // Always "Z", never "+00:00", as HubSpot writes them.
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           u'Z';
}

std::optional<qint64> parseTimestamp(const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 ms = t.toLongLong(&isNumber);
    if (isNumber)
        return ms;
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc());
    return dt.toMSecsSinceEpoch();
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString randomToken(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& c : raw)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace syncdesk::sandbox
