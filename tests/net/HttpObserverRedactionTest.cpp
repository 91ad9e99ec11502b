// Nothing an observer (the connector log) receives may contain a secret: tokens in headers, URLs,
// form and JSON bodies of requests and responses, error texts, over retries and failures.
#include "ScriptedServer.h"

#include "QtPrinters.h"
#include "core/net/Clock.h"
#include "core/net/HttpClient.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/RandomSource.h"
#include "core/net/Redactor.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace syncdesk::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString flatten(const HttpExchange& e) {
    QStringList parts{e.description,
                      e.method,
                      e.url,
                      e.requestBody,
                      e.responseBody,
                      e.errorText,
                      e.classification.code,
                      e.classification.reason};
    for (const auto& [name, value] : e.requestHeaders)
        parts << name << value;
    for (const auto& [name, value] : e.responseHeaders)
        parts << name << value;
    return parts.join(u'\n');
}

} // namespace

TEST(HttpObserverRedaction, NoSecretReachesTheObserver) {
    const QString accessToken = u"CKf8s3JvMhIHAAEAQAAAARi9"_s;
    const QString refreshToken = u"na1-7d51-3c9e-4b1a-9f6f"_s;
    const QString clientSecret = u"cs-0f9e8d7c6b5a"_s;
    const QString authCode = u"auth-code-11223344"_s;
    const QString verifier = u"pkce-verifier-abcdefgh"_s;
    const QString privateAppToken = u"pat-na1-00000000-1111-2222"_s;
    const QStringList secrets{accessToken, refreshToken, clientSecret, authCode, verifier, privateAppToken};

    ScriptedServer server;
    // The token endpoint answers with fresh tokens, the API echoes the private-app token in a
    // field of its own choosing and sets a cookie; one answer is a 503 so that retries are logged.
    server.enqueue(ScriptedReply::json(503, R"({"message":"try again"})"));
    server.enqueue(ScriptedReply::json(
        200, QStringLiteral(
                 R"({"access_token":"%1","refresh_token":"%2","expires_in":1800,"token_type":"bearer"})")
                 .arg(accessToken, refreshToken)
                 .toUtf8()));
    server.enqueue(
        ScriptedReply::json(
            400, QStringLiteral(R"__({"status":"error","message":"bad key %1 (see ?hapikey=%1)"})__")
                     .arg(privateAppToken)
                     .toUtf8())
            .withHeader("Set-Cookie", "__cf_bm=" + privateAppToken.toUtf8() + "; path=/")
            .withHeader("X-Echo", privateAppToken.toUtf8()));
    server.enqueue(ScriptedReply::drop());

    QNetworkAccessManager nam;
    FakeClock clock;
    SeededRandomSource random(7);
    auto redactor = std::make_shared<Redactor>();
    // Whoever reads a secret registers it; here: the private-app token (the others are caught by
    // their parameter names, and would be registered by the OAuth code too).
    ASSERT_TRUE(redactor->addSecret(privateAppToken));
    HttpClient::Dependencies deps;
    deps.network = &nam;
    deps.clock = &clock;
    deps.random = &random;
    deps.redactor = redactor;
    deps.policy = std::make_shared<HubSpotHttpPolicy>();
    HttpClient http(deps);
    QList<HttpExchange> seen;
    http.addObserver([&seen](const HttpExchange& e) { seen.append(e); });

    // 1. OAuth token exchange: secrets in the form body and in the JSON answer.
    HttpRequest token = HttpRequest::post(server.url(u"/oauth/v1/token"_s));
    token.setForm({{u"grant_type"_s, u"authorization_code"_s},
                   {u"client_id"_s, u"public-client-id"_s},
                   {u"client_secret"_s, clientSecret},
                   {u"code"_s, authCode},
                   {u"code_verifier"_s, verifier},
                   {u"redirect_uri"_s, u"http://localhost:1717/OauthRedirect"_s}});
    token.setIdempotent();
    EXPECT_EQ(http.send(token).status, 200);

    // 2. An API call with the token in the header, the URL and the JSON body; the answer echoes it.
    QUrl url = server.url(u"/crm/v3/objects/companies"_s);
    url.setQuery(u"hapikey=%1&access_token=%2&limit=10"_s.arg(privateAppToken, accessToken));
    url.setUserName(u"user"_s);
    url.setPassword(clientSecret);
    HttpRequest api = HttpRequest::post(url);
    api.setBearerToken(privateAppToken);
    api.setHeader("X-Custom-Auth", privateAppToken.toUtf8());
    api.setJson(QJsonObject{{u"refresh_token"_s, refreshToken},
                            {u"nested"_s, QJsonObject{{u"client_secret"_s, clientSecret}}},
                            {u"note"_s, u"token is %1"_s.arg(privateAppToken)}});
    api.setDescription(u"create with %1"_s.arg(privateAppToken));
    EXPECT_EQ(http.send(api).status, 400);

    // 3. A dropped connection: the error text may quote the URL.
    HttpRequest lost = HttpRequest::post(url).setJson(QJsonObject{{u"access_token"_s, accessToken}});
    EXPECT_EQ(http.send(lost).outcome, HttpOutcome::ResponseLost);

    ASSERT_EQ(seen.size(), 4);
    for (const HttpExchange& e : seen) {
        const QString all = flatten(e);
        for (const QString& secret : secrets) {
            EXPECT_FALSE(all.contains(secret)) << "secret " << secret.toStdString() << " leaked in:\n"
                                               << all.toStdString();
            EXPECT_FALSE(all.contains(QString::fromLatin1(QUrl::toPercentEncoding(secret))));
        }
    }
    // Redacted, not dropped: the log still says what was sent.
    EXPECT_TRUE(flatten(seen[1]).contains(u"client_id=public-client-id"_s));
    EXPECT_TRUE(flatten(seen[1]).contains(u"\"expires_in\":1800"_s));
    EXPECT_TRUE(flatten(seen[2]).contains(u"Bearer [REDACTED]"_s));
    EXPECT_TRUE(seen[2].url.contains(u"limit=10"_s));
    EXPECT_FALSE(seen[2].url.contains(u"user"_s));
}

TEST(HttpObserverRedaction, LargeBodiesAreCutAfterRedaction) {
    const QString token = u"tok-large-body-secret-0123456789"_s;
    ScriptedServer server;
    // ~2 MB of records, a token early and one right where the log cut falls.
    QByteArray body = "{\"access_token\":\"" + token.toUtf8() + "\",\"results\":[";
    while (body.size() < 2 * 1024 * 1024)
        body += "{\"id\":\"123456\",\"name\":\"Zürich GmbH\"},";
    body.insert(1000 - 10, token.toUtf8());
    body += "{}]}";
    server.enqueue(ScriptedReply::json(200, body));

    QNetworkAccessManager nam;
    FakeClock clock;
    auto redactor = std::make_shared<Redactor>();
    redactor->addSecret(token);
    HttpClient::Dependencies deps;
    deps.network = &nam;
    deps.clock = &clock;
    deps.redactor = redactor;
    HttpClientSettings settings;
    settings.maxLoggedBodyChars = 1000;
    HttpClient http(deps, settings);
    QList<HttpExchange> seen;
    http.addObserver([&seen](const HttpExchange& e) { seen.append(e); });
    const HttpResponse r = http.send(HttpRequest::get(server.url(u"/big"_s)).setIdempotent());
    EXPECT_EQ(r.body.size(), body.size()); // the caller gets everything
    ASSERT_EQ(seen.size(), 1);
    EXPECT_LT(seen[0].responseBody.size(), 1100);
    EXPECT_TRUE(seen[0].responseBody.contains(u"more characters"_s));
    EXPECT_FALSE(seen[0].responseBody.contains(token.left(8)));
}
