#include "core/net/HttpTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace syncdesk {

QByteArray httpMethodName(HttpMethod method) {
    switch (method) {
    case HttpMethod::Get:
        return QByteArrayLiteral("GET");
    case HttpMethod::Head:
        return QByteArrayLiteral("HEAD");
    case HttpMethod::Post:
        return QByteArrayLiteral("POST");
    case HttpMethod::Put:
        return QByteArrayLiteral("PUT");
    case HttpMethod::Patch:
        return QByteArrayLiteral("PATCH");
    case HttpMethod::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return QByteArrayLiteral("GET");
}

HttpHeaders::HttpHeaders(std::initializer_list<Field> fields)
    : m_fields(fields) {}

void HttpHeaders::set(const QByteArray& name, const QByteArray& value) {
    remove(name);
    m_fields.append({name, value});
}

void HttpHeaders::add(const QByteArray& name, const QByteArray& value) {
    m_fields.append({name, value});
}

void HttpHeaders::remove(const QByteArray& name) {
    m_fields.removeIf([&name](const Field& f) { return f.first.compare(name, Qt::CaseInsensitive) == 0; });
}

bool HttpHeaders::contains(const QByteArray& name) const {
    for (const Field& f : m_fields) {
        if (f.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray HttpHeaders::value(const QByteArray& name, const QByteArray& defaultValue) const {
    for (const Field& f : m_fields) {
        if (f.first.compare(name, Qt::CaseInsensitive) == 0)
            return f.second;
    }
    return defaultValue;
}

QList<QByteArray> HttpHeaders::values(const QByteArray& name) const {
    QList<QByteArray> out;
    for (const Field& f : m_fields) {
        if (f.first.compare(name, Qt::CaseInsensitive) == 0)
            out.append(f.second);
    }
    return out;
}

namespace {
HttpRequest make(HttpMethod method, const QUrl& url) {
    HttpRequest r;
    r.method = method;
    r.url = url;
    return r;
}
} // namespace

HttpRequest HttpRequest::get(const QUrl& url) {
    return make(HttpMethod::Get, url);
}
HttpRequest HttpRequest::post(const QUrl& url) {
    return make(HttpMethod::Post, url);
}
HttpRequest HttpRequest::put(const QUrl& url) {
    return make(HttpMethod::Put, url);
}
HttpRequest HttpRequest::patch(const QUrl& url) {
    return make(HttpMethod::Patch, url);
}
HttpRequest HttpRequest::del(const QUrl& url) {
    return make(HttpMethod::Delete, url);
}

HttpRequest& HttpRequest::setHeader(const QByteArray& name, const QByteArray& value) {
    headers.set(name, value);
    return *this;
}

HttpRequest& HttpRequest::setBearerToken(const QString& token) {
    headers.set(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toUtf8());
    return *this;
}

HttpRequest& HttpRequest::setJson(const QJsonDocument& json) {
    body = json.toJson(QJsonDocument::Compact);
    contentType = QByteArrayLiteral("application/json");
    return *this;
}

HttpRequest& HttpRequest::setJson(const QJsonObject& json) {
    return setJson(QJsonDocument(json));
}
HttpRequest& HttpRequest::setJson(const QJsonArray& json) {
    return setJson(QJsonDocument(json));
}

HttpRequest& HttpRequest::setForm(const QList<std::pair<QString, QString>>& fields) {
    // QUrlQuery leaves '+' alone, which a form decoder reads as a space: encode by hand.
    QByteArray out;
    for (const auto& [name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    body = out;
    contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    return *this;
}

HttpRequest& HttpRequest::setIdempotent(bool value) {
    idempotent = value;
    return *this;
}

HttpRequest& HttpRequest::setTimeoutMs(int ms) {
    timeoutMs = ms;
    return *this;
}

HttpRequest& HttpRequest::setEndpointClass(const QString& value) {
    endpointClass = value;
    return *this;
}

HttpRequest& HttpRequest::setDescription(const QString& value) {
    description = value;
    return *this;
}

QString networkErrorKindName(NetworkErrorKind kind) {
    switch (kind) {
    case NetworkErrorKind::None:
        return QStringLiteral("none");
    case NetworkErrorKind::Timeout:
        return QStringLiteral("timeout");
    case NetworkErrorKind::ConnectionRefused:
        return QStringLiteral("connection_refused");
    case NetworkErrorKind::RemoteClosed:
        return QStringLiteral("remote_closed");
    case NetworkErrorKind::HostNotFound:
        return QStringLiteral("host_not_found");
    case NetworkErrorKind::Tls:
        return QStringLiteral("tls");
    case NetworkErrorKind::TemporaryFailure:
        return QStringLiteral("temporary_failure");
    case NetworkErrorKind::Proxy:
        return QStringLiteral("proxy");
    case NetworkErrorKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QString responseClassName(ResponseClass cls) {
    switch (cls) {
    case ResponseClass::Success:
        return QStringLiteral("success");
    case ResponseClass::Permanent:
        return QStringLiteral("permanent");
    case ResponseClass::Transient:
        return QStringLiteral("transient");
    case ResponseClass::RateLimited:
        return QStringLiteral("rate_limited");
    case ResponseClass::LimitReached:
        return QStringLiteral("limit_reached");
    }
    return QStringLiteral("permanent");
}

QString httpOutcomeName(HttpOutcome outcome) {
    switch (outcome) {
    case HttpOutcome::Completed:
        return QStringLiteral("completed");
    case HttpOutcome::Failed:
        return QStringLiteral("failed");
    case HttpOutcome::ResponseLost:
        return QStringLiteral("response_lost");
    case HttpOutcome::LimitReached:
        return QStringLiteral("limit_reached");
    case HttpOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

QJsonDocument HttpResponse::json(QString* error) const {
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (error != nullptr)
        *error = parseError.error == QJsonParseError::NoError ? QString() : parseError.errorString();
    return doc;
}

} // namespace syncdesk
