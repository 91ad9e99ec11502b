#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

class QJsonArray;
class QJsonObject;

namespace syncdesk {

enum class HttpMethod { Get, Head, Post, Put, Patch, Delete };
QByteArray httpMethodName(HttpMethod method); // "GET", "POST", ...

// An ordered list of header fields; names compare case-insensitively. Values are raw bytes.
class HttpHeaders {
public:
    using Field = std::pair<QByteArray, QByteArray>;

    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<Field> fields);

    void set(const QByteArray& name, const QByteArray& value); // replaces every field of that name
    void add(const QByteArray& name, const QByteArray& value); // appends
    void remove(const QByteArray& name);
    bool contains(const QByteArray& name) const;
    QByteArray value(const QByteArray& name, const QByteArray& defaultValue = {}) const; // the first
    QList<QByteArray> values(const QByteArray& name) const;

    const QList<Field>& fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.isEmpty(); }
    qsizetype size() const { return m_fields.size(); }

private:
    QList<Field> m_fields;
};

// One HTTP request, as a connector builds it. A value type: copy freely.
struct HttpRequest {
    HttpMethod method = HttpMethod::Get;
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    QByteArray contentType; // set by setJson()/setForm(), or by hand for other bodies
    // Whole-exchange timeout in ms (connect + send + wait + read); 0: the client's default.
    int timeoutMs = 0;
    // Opt-in: the client may repeat this request automatically even when an earlier attempt may
    // have been applied (timeout, dropped connection, 500/502/504). Set it for GET, searches,
    // updates and upserts; leave it false for creates. Requests that certainly were not applied
    // (429, 503, 423, connection refused) are repeated either way.
    bool idempotent = false;
    // Rate-limit bucket beside the connection-wide one, e.g. "search" (HubSpot: 5 per second).
    // Empty: only the connection-wide bucket.
    QString endpointClass;
    // Short label for logs, e.g. "search companies". Optional.
    QString description;

    static HttpRequest get(const QUrl& url);
    static HttpRequest post(const QUrl& url);
    static HttpRequest put(const QUrl& url);
    static HttpRequest patch(const QUrl& url);
    static HttpRequest del(const QUrl& url);

    HttpRequest& setHeader(const QByteArray& name, const QByteArray& value);
    HttpRequest& setBearerToken(const QString& token); // Authorization: Bearer <token>
    HttpRequest& setJson(const QJsonDocument& json);   // compact JSON, application/json
    HttpRequest& setJson(const QJsonObject& json);
    HttpRequest& setJson(const QJsonArray& json);
    // application/x-www-form-urlencoded, every name and value percent-encoded ('+' too).
    HttpRequest& setForm(const QList<std::pair<QString, QString>>& fields);
    HttpRequest& setIdempotent(bool idempotent = true);
    HttpRequest& setTimeoutMs(int ms);
    HttpRequest& setEndpointClass(const QString& endpointClass);
    HttpRequest& setDescription(const QString& description);
};

// Why no HTTP response arrived (or why it was cut short).
enum class NetworkErrorKind {
    None,              // an HTTP response arrived in full
    Timeout,           // the request's timeout expired (or the socket timed out)
    ConnectionRefused, // nothing listens there: the request was never sent
    RemoteClosed,      // the server dropped the connection before the response was complete
    HostNotFound,      // DNS failure: never sent
    Tls,               // TLS handshake or certificate failure: never sent
    TemporaryFailure,  // the network went away (interface down, session failure)
    Proxy,             // proxy refused, failed or wants credentials
    Other,             // anything else (protocol errors, unknown)
};
QString networkErrorKindName(NetworkErrorKind kind); // "timeout", "connection_refused", ...

// How a response is to be treated; decided per CRM by HttpPolicy::classify().
enum class ResponseClass {
    Success,      // 1xx-3xx: hand it to the caller
    Permanent,    // a final error (4xx, validation, auth, unknown host): hand it to the caller
    Transient,    // worth repeating later: 5xx, 423, timeout, dropped connection, UNABLE_TO_LOCK_ROW
    RateLimited,  // 429 or equivalent: not applied; wait (Retry-After, the window) and repeat
    LimitReached, // a daily/account limit: stop the run as "paused" (HubSpot DAILY, Salesforce
                  // REQUEST_LIMIT_EXCEEDED); resumable later
};
QString responseClassName(ResponseClass cls); // "success", "permanent", ...

struct Classification {
    ResponseClass kind = ResponseClass::Success;
    // Transient only: the server may have carried the request out (timeout, dropped connection,
    // 500/502/504). Such a request is repeated only when HttpRequest::idempotent is set; otherwise
    // the client returns HttpOutcome::ResponseLost.
    bool mayHaveBeenApplied = false;
    // Minimum wait before repeating, in ms (e.g. 2000 for HubSpot's 423); -1: the policy decides.
    qint64 minWaitMs = -1;
    // The CRM's own word for it: policyName, errorCode, category ("TEN_SECONDLY_ROLLING", "DAILY",
    // "UNABLE_TO_LOCK_ROW"). Free text, may be empty.
    QString code;
    // Short English reason for logs ("HTTP 503", "daily limit reached"). May be empty.
    QString reason;
};

// What send() did, for the engine.
enum class HttpOutcome {
    Completed,    // an HTTP response the caller must read: 2xx, or a final error (4xx, ...)
    Failed,       // a transient failure persisted through every allowed attempt, or a network
                  // failure that is not worth repeating (unknown host, TLS): record it as failed
    ResponseLost, // a request that is not idempotent was sent and no usable answer came (timeout,
                  // dropped connection, 500/502/504): it MAY have been applied. Re-check the CRM
                  // (e.g. search by the record's unique id) before repeating a create.
    LimitReached, // a daily limit (or a rate limit that did not clear within the policy's bounds):
                  // stop and mark the run "paused", resumable later. Nothing more was sent.
    Cancelled,    // the cancel flag was set before an attempt or during a wait. Nothing more sent.
};
QString httpOutcomeName(HttpOutcome outcome); // "completed", "failed", "response_lost", ...

// The answer to HttpClient::send(): the last attempt's response plus what the client made of it.
struct HttpResponse {
    int status = 0; // HTTP status; 0 when no response arrived
    HttpHeaders headers;
    QByteArray body;
    NetworkErrorKind networkError = NetworkErrorKind::None;
    QString errorText; // network error or reason in plain English; empty on success. Redacted.

    HttpOutcome outcome = HttpOutcome::Completed;
    Classification classification; // of the last attempt
    int attempts = 0;              // attempts actually sent
    qint64 elapsedMs = 0;          // from send() to return, by the client's clock (waits included)

    bool hasResponse() const { return status > 0; }
    bool isSuccess() const { return status >= 200 && status < 300 && networkError == NetworkErrorKind::None; }
    // The body as JSON; a null document when it is not JSON (error in *error when given).
    QJsonDocument json(QString* error = nullptr) const;
};

} // namespace syncdesk
