// OAuth: authorize page, code exchange with PKCE, refresh, expiry, scopes of OAuth tokens.
#include "SandboxTestSupport.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace sandboxtest;

namespace {

class SandboxOAuthTest : public SandboxTest {
protected:
    const QString redirect = QStringLiteral("http://127.0.0.1:1717/callback");

    QString authorizeQuery(const QString& challenge, const QString& scope) const {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("client_id"), m_server->settings().oauthClientId);
        q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
        q.addQueryItem(QStringLiteral("scope"), scope);
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("st8"));
        if (!challenge.isEmpty()) {
            q.addQueryItem(QStringLiteral("code_challenge"), challenge);
            q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        }
        return q.toString(QUrl::FullyEncoded);
    }

    static QString challengeFor(const QString& verifier) {
        return QString::fromLatin1(
            QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    // Approves through the HTML page's form, like a browser; returns the code from the redirect.
    QString approve(const QString& challenge, const QString& scope) {
        const HttpReply page =
            get(QStringLiteral("/oauth/authorize?") + authorizeQuery(challenge, scope), QString());
        EXPECT_EQ(page.status, 200);
        EXPECT_TRUE(page.header("Content-Type").startsWith("text/html"));
        EXPECT_TRUE(page.body.contains("id=\"approve\""));
        QUrlQuery form;
        static const QRegularExpression hidden(
            QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
        for (auto it = hidden.globalMatch(QString::fromUtf8(page.body)); it.hasNext();) {
            const auto m = it.next();
            QString value = m.captured(2);
            value.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
                .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
            form.addQueryItem(m.captured(1), QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        form.addQueryItem(QStringLiteral("decision"), QStringLiteral("approve"));
        const HttpReply redirected =
            sendRequest(*m_nam, "POST", url(QStringLiteral("/oauth/authorize")),
                        form.toString(QUrl::FullyEncoded).toUtf8(), {}, "application/x-www-form-urlencoded");
        EXPECT_EQ(redirected.status, 302) << redirected.body.constData();
        const QUrl location(QString::fromUtf8(redirected.header("Location")));
        EXPECT_TRUE(location.toString().startsWith(redirect)) << location.toString().toStdString();
        const QUrlQuery params(location);
        EXPECT_EQ(params.queryItemValue(QStringLiteral("state")), QStringLiteral("st8"));
        return params.queryItemValue(QStringLiteral("code"));
    }

    HttpReply token(const QList<QPair<QString, QString>>& fields) {
        QUrlQuery form;
        for (const auto& [k, v] : fields)
            form.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
        return sendRequest(*m_nam, "POST", url(QStringLiteral("/oauth/v1/token")),
                           form.toString(QUrl::FullyEncoded).toUtf8(), {},
                           "application/x-www-form-urlencoded");
    }

    QList<QPair<QString, QString>> client() const {
        return {{QStringLiteral("client_id"), m_server->settings().oauthClientId},
                {QStringLiteral("client_secret"), m_server->settings().oauthClientSecret}};
    }
};

} // namespace

TEST_F(SandboxOAuthTest, AuthorizationCodeWithPkceRefreshAndExpiry) {
    const QString verifier = QStringLiteral("verifier-0123456789-0123456789-0123456789-abcdef");
    const QString code = approve(challengeFor(verifier),
                                 QStringLiteral("crm.objects.contacts.read crm.objects.companies.read"));
    ASSERT_FALSE(code.isEmpty());

    // A wrong verifier fails, and the code is gone afterwards (single use).
    HttpReply r = token(client() + QList<QPair<QString, QString>>{
                                       {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                       {QStringLiteral("redirect_uri"), redirect},
                                       {QStringLiteral("code"), code},
                                       {QStringLiteral("code_verifier"), QStringLiteral("wrong")}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("BAD_AUTH_CODE"));

    const QString code2 = approve(challengeFor(verifier),
                                  QStringLiteral("crm.objects.contacts.read crm.objects.companies.read"));
    r = token(client() + QList<QPair<QString, QString>>{
                             {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("redirect_uri"), redirect},
                             {QStringLiteral("code"), code2},
                             {QStringLiteral("code_verifier"), verifier}});
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QString access = r.json().value(QStringLiteral("access_token")).toString();
    const QString refresh = r.json().value(QStringLiteral("refresh_token")).toString();
    EXPECT_EQ(r.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    EXPECT_EQ(r.json().value(QStringLiteral("expires_in")).toInt(), 1800);
    ASSERT_FALSE(access.isEmpty());
    ASSERT_FALSE(refresh.isEmpty());
    // Reusing the code fails.
    r = token(client() + QList<QPair<QString, QString>>{
                             {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("redirect_uri"), redirect},
                             {QStringLiteral("code"), code2},
                             {QStringLiteral("code_verifier"), verifier}});
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("BAD_AUTH_CODE"));

    // The token works within its scopes; OAuth apps get no daily headers.
    r = get(QStringLiteral("/crm/v3/objects/contacts"), access);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("X-HubSpot-RateLimit-Max"), QByteArray("110"));
    EXPECT_FALSE(r.hasHeader("X-HubSpot-RateLimit-Daily"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/objects/contacts"), QJsonObject(), access), 403,
                       QStringLiteral("MISSING_SCOPES"));
    r = get(QStringLiteral("/oauth/v1/access-tokens/") + access, QString());
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(m_server->requestLog().entries().back().path, QStringLiteral("/oauth/v1/access-tokens/***"))
        << "tokens are masked in the request log";
    EXPECT_EQ(r.json().value(QStringLiteral("scopes")).toArray().size(), 2);

    // After 30 minutes: 401 EXPIRED_AUTHENTICATION; a refresh gives a new token.
    m_clock->advanceMs(1800 * 1000);
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/contacts"), access), 401,
                       QStringLiteral("EXPIRED_AUTHENTICATION"));
    r = token(client() +
              QList<QPair<QString, QString>>{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                             {QStringLiteral("refresh_token"), refresh}});
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QString fresh = r.json().value(QStringLiteral("access_token")).toString();
    EXPECT_NE(fresh, access);
    EXPECT_EQ(r.json().value(QStringLiteral("refresh_token")).toString(), refresh);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts"), fresh).status, 200);
    r = token(client() +
              QList<QPair<QString, QString>>{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                             {QStringLiteral("refresh_token"), QStringLiteral("nope")}});
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("BAD_REFRESH_TOKEN"));
    r = get(QStringLiteral("/oauth/v1/refresh-tokens/") + refresh, QString());
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().value(QStringLiteral("client_id")).toString(), m_server->settings().oauthClientId);
    EXPECT_EQ(r.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("refresh"));
    // Revoking the refresh token ends its access tokens too.
    EXPECT_EQ(del(QStringLiteral("/oauth/v1/refresh-tokens/") + refresh, QString()).status, 204);
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/contacts"), fresh), 401,
                       QStringLiteral("INVALID_AUTHENTICATION"));
}

TEST_F(SandboxOAuthTest, TokenEndpointChecksClientAndRedirect) {
    const QString code = approve(QString(), QStringLiteral("crm.objects.contacts.read"));
    HttpReply r = token({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("client_id"), QStringLiteral("someone-else")},
                         {QStringLiteral("client_secret"), QStringLiteral("x")},
                         {QStringLiteral("code"), code}});
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("BAD_CLIENT_ID"));
    r = token({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
               {QStringLiteral("client_id"), m_server->settings().oauthClientId},
               {QStringLiteral("client_secret"), QStringLiteral("wrong")},
               {QStringLiteral("code"), code}});
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("BAD_CLIENT_SECRET"));
    r = token(client() + QList<QPair<QString, QString>>{
                             {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:9/other")},
                             {QStringLiteral("code"), code}});
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(),
              QStringLiteral("MISMATCH_REDIRECT_URI_AUTH_CODE"));
    r = token(client() +
              QList<QPair<QString, QString>>{{QStringLiteral("grant_type"), QStringLiteral("password")}});
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("BAD_GRANT_TYPE"));
    // The authorize page refuses an unknown client; a declined request redirects with an error.
    r = get(QStringLiteral("/oauth/authorize?client_id=nobody&redirect_uri=http://127.0.0.1/cb&scope=x"),
            QString());
    EXPECT_EQ(r.status, 400);
    QUrlQuery deny(authorizeQuery(QString(), QStringLiteral("crm.objects.contacts.read")));
    deny.addQueryItem(QStringLiteral("decision"), QStringLiteral("deny"));
    r = sendRequest(*m_nam, "POST", url(QStringLiteral("/oauth/authorize")),
                    deny.toString(QUrl::FullyEncoded).toUtf8(), {}, "application/x-www-form-urlencoded");
    EXPECT_EQ(r.status, 302);
    EXPECT_TRUE(r.header("Location").contains("error=access_denied"));
    // Auto-approval for scripted flows.
    r = get(QStringLiteral("/oauth/authorize?") +
                authorizeQuery(QString(), QStringLiteral("crm.lists.read")) +
                QStringLiteral("&sandbox_auto_approve=1"),
            QString());
    EXPECT_EQ(r.status, 302);
    EXPECT_TRUE(r.header("Location").contains("code="));
}

TEST_F(SandboxOAuthTest, TokenLifetimeIsASetting) {
    SandboxSettings s = initialSettings();
    s.accessTokenLifetimeSec = 5;
    restart(s);
    const QString code = approve(QString(), QStringLiteral("crm.objects.contacts.read"));
    const HttpReply r =
        token(client() + QList<QPair<QString, QString>>{
                             {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("redirect_uri"), redirect},
                             {QStringLiteral("code"), code}});
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().value(QStringLiteral("expires_in")).toInt(), 5);
    const QString access = r.json().value(QStringLiteral("access_token")).toString();
    m_clock->advanceMs(4999);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts"), access).status, 200);
    m_clock->advanceMs(1);
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/contacts"), access), 401,
                       QStringLiteral("EXPIRED_AUTHENTICATION"));
}
