#include "SandboxTestSupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QUuid>

namespace sandboxtest {

QByteArray HttpReply::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool HttpReply::hasHeader(const QByteArray& name) const {
    for (const auto& pair : headers)
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

HttpReply sendRequest(QNetworkAccessManager& nam, const QByteArray& method, const QUrl& url,
                      const QByteArray& body, const QByteArray& token, const QByteArray& contentType,
                      int timeoutMs) {
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply out;
    out.elapsedMs = timer.elapsed();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        out.body = reply->readAll();
    reply->deleteLater();
    return out;
}

SandboxSettings SandboxTest::initialSettings() const {
    SandboxSettings s;
    s.accessToken = QStringLiteral("test-token");
    s.adminToken = QStringLiteral("test-admin");
    s.indexLagMinMs = 0;
    s.indexLagMaxMs = 0;
    s.searchPerSecond = 0; // tests of that limit turn it on
    s.randomSeed = 42;
    return s;
}

void SandboxTest::SetUp() {
    m_clock = std::make_shared<ManualSandboxClock>();
    m_nam = std::make_unique<QNetworkAccessManager>();
    restart(initialSettings());
}

void SandboxTest::TearDown() {
    m_nam.reset();
    m_server.reset();
}

void SandboxTest::restart(const SandboxSettings& settings) {
    m_server.reset();
    m_server = std::make_unique<SandboxServer>(settings, m_clock);
    ASSERT_TRUE(m_server->listen());
    // A fresh client, so that no connection to the previous server is reused.
    m_nam = std::make_unique<QNetworkAccessManager>();
}

QUrl SandboxTest::url(const QString& pathAndQuery) const {
    return QUrl(m_server->baseUrl().toString() + pathAndQuery);
}

HttpReply SandboxTest::call(const QByteArray& method, const QString& path, const QByteArray& body,
                            const QString& token, int timeoutMs) {
    const QByteArray t = token == u"default" ? m_server->accessToken().toUtf8() : token.toUtf8();
    return sendRequest(*m_nam, method, url(path), body, t, QByteArrayLiteral("application/json"), timeoutMs);
}

HttpReply SandboxTest::get(const QString& path, const QString& token) {
    return call("GET", path, {}, token);
}

HttpReply SandboxTest::post(const QString& path, const QJsonObject& body, const QString& token) {
    return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply SandboxTest::postArray(const QString& path, const QJsonArray& body, const QString& token) {
    return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply SandboxTest::patch(const QString& path, const QJsonObject& body, const QString& token) {
    return call("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply SandboxTest::put(const QString& path, const QByteArray& body, const QString& token) {
    return call("PUT", path, body, token);
}

HttpReply SandboxTest::del(const QString& path, const QString& token) {
    return call("DELETE", path, {}, token);
}

HttpReply SandboxTest::admin(const QByteArray& method, const QString& path, const QByteArray& body) {
    return sendRequest(*m_nam, method, url(path), body, m_server->adminToken().toUtf8());
}

QString SandboxTest::createCompany(const QJsonObject& properties) {
    const HttpReply r =
        post(QStringLiteral("/crm/v3/objects/companies"), {{QStringLiteral("properties"), properties}});
    EXPECT_EQ(r.status, 201) << r.body.constData();
    return r.json().value(QStringLiteral("id")).toString();
}

QString SandboxTest::createContact(const QJsonObject& properties) {
    const HttpReply r =
        post(QStringLiteral("/crm/v3/objects/contacts"), {{QStringLiteral("properties"), properties}});
    EXPECT_EQ(r.status, 201) << r.body.constData();
    return r.json().value(QStringLiteral("id")).toString();
}

QJsonObject SandboxTest::props(std::initializer_list<std::pair<const char*, const char*>> values) {
    QJsonObject o;
    for (const auto& [k, v] : values)
        o.insert(QLatin1String(k), QString::fromUtf8(v));
    return o;
}

QJsonObject SandboxTest::filter(const QString& property, const QString& op, const QJsonValue& value) {
    QJsonObject f{{QStringLiteral("propertyName"), property}, {QStringLiteral("operator"), op}};
    if (value.isArray())
        f.insert(QStringLiteral("values"), value);
    else if (!value.isUndefined())
        f.insert(QStringLiteral("value"), value);
    return f;
}

QJsonObject SandboxTest::search(const QJsonArray& filterGroups, int limit) {
    return QJsonObject{{QStringLiteral("filterGroups"), filterGroups}, {QStringLiteral("limit"), limit}};
}

void expectHubSpotError(const HttpReply& reply, int status, const QString& category) {
    EXPECT_EQ(reply.status, status) << reply.body.constData();
    const QJsonObject body = reply.json();
    EXPECT_EQ(body.value(QStringLiteral("status")).toString(), QStringLiteral("error"))
        << reply.body.constData();
    EXPECT_EQ(body.value(QStringLiteral("category")).toString(), category) << reply.body.constData();
    EXPECT_FALSE(body.value(QStringLiteral("message")).toString().isEmpty());
    EXPECT_FALSE(QUuid::fromString(body.value(QStringLiteral("correlationId")).toString()).isNull())
        << reply.body.constData();
}

} // namespace sandboxtest
