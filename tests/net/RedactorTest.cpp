// Redaction rules: headers, URLs, form bodies, JSON bodies, registered secret values.
#include "core/net/Redactor.h"
#include "QtPrinters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::Literals::StringLiterals;

namespace {
const QString R = Redactor::Marker;
}

TEST(Redactor, AuthorizationKeepsItsSchemeOnly) {
    Redactor r;
    EXPECT_EQ(r.redactHeaderValue("Authorization", "Bearer abc.def.ghi"), "Bearer [REDACTED]");
    EXPECT_EQ(r.redactHeaderValue("authorization", "Basic dXNlcjpwYXNz"), "Basic [REDACTED]");
    EXPECT_EQ(r.redactHeaderValue("Proxy-Authorization", "Negotiate YIIabc"), "Negotiate [REDACTED]");
    EXPECT_EQ(r.redactHeaderValue("Authorization", "rawtokenwithoutscheme"), "[REDACTED]");
}

TEST(Redactor, CredentialHeadersAreReplacedWhole) {
    Redactor r;
    EXPECT_EQ(r.redactHeaderValue("Cookie", "sid=abc; theme=dark"), "[REDACTED]");
    EXPECT_EQ(r.redactHeaderValue("Set-Cookie", "__cf_bm=xyz; path=/"), "[REDACTED]");
    EXPECT_EQ(r.redactHeaderValue("X-API-Key", "k-123456"), "[REDACTED]");
    r.addSensitiveHeader("X-Custom-Secret");
    EXPECT_EQ(r.redactHeaderValue("x-custom-secret", "whatever"), "[REDACTED]");
    // Ordinary headers pass.
    EXPECT_EQ(r.redactHeaderValue("Content-Type", "application/json"), "application/json");
    EXPECT_EQ(r.redactHeaderValue("X-HubSpot-RateLimit-Remaining", "99"), "99");
}

TEST(Redactor, HeaderListKeepsOrderAndNames) {
    Redactor r;
    HttpHeaders h{{"Authorization", "Bearer t0ken-value"}, {"Accept", "application/json"}};
    const auto out = r.redactHeaders(h);
    ASSERT_EQ(out.size(), 2);
    EXPECT_EQ(out[0].first, u"Authorization"_s);
    EXPECT_EQ(out[0].second, u"Bearer [REDACTED]"_s);
    EXPECT_EQ(out[1].second, u"application/json"_s);
}

TEST(Redactor, EverySensitiveParameterInUrls) {
    Redactor r;
    for (const QString& name :
         {u"access_token"_s, u"refresh_token"_s, u"client_secret"_s, u"code"_s, u"code_verifier"_s,
          u"id_token"_s, u"password"_s, u"token"_s, u"hapikey"_s, u"api_key"_s, u"client_assertion"_s}) {
        QUrl url(u"https://api.hubapi.com/path?limit=10&%1=S3cr3tValue&after=5"_s.arg(name));
        const QString out = r.redactUrl(url);
        EXPECT_FALSE(out.contains(u"S3cr3tValue"_s)) << name.toStdString() << ": " << out.toStdString();
        EXPECT_TRUE(out.contains(name + u"=[REDACTED]"_s)) << out.toStdString();
        EXPECT_TRUE(out.contains(u"limit=10"_s));
        EXPECT_TRUE(out.contains(u"after=5"_s));
    }
}

TEST(Redactor, UrlParametersAreMatchedWholeAndCaseInsensitively) {
    Redactor r;
    const QString out =
        r.redactUrl(QUrl(u"https://x.test/cb?CODE=abc123&error_code=E1&zipcode=12345&state=xyz"_s));
    EXPECT_EQ(out, u"https://x.test/cb?CODE=[REDACTED]&error_code=E1&zipcode=12345&state=xyz"_s);
}

TEST(Redactor, UrlFragmentAndUserInfo) {
    Redactor r;
    const QString out = r.redactUrl(QUrl(
        u"https://user:hunter22@login.salesforce.com/cb#access_token=00Dxx!AQ&instance_url=https%3A%2F%2Fna1"_s));
    EXPECT_FALSE(out.contains(u"hunter22"_s));
    EXPECT_FALSE(out.contains(u"user"_s));
    EXPECT_FALSE(out.contains(u"00Dxx"_s));
    EXPECT_TRUE(out.contains(u"instance_url="_s));
}

TEST(Redactor, FormBodies) {
    Redactor r;
    const QByteArray body = "grant_type=refresh_token&client_id=abc&client_secret=s%2Bcret&refresh_token="
                            "5Ae-xyz&code=c0de&code_verifier=v3r1f13r&redirect_uri=http%3A%2F%2Flocalhost";
    const QString out = r.redactBody(body);
    EXPECT_EQ(out, u"grant_type=refresh_token&client_id=abc&client_secret=[REDACTED]&refresh_token=[REDACTED]"
                   u"&code=[REDACTED]&code_verifier=[REDACTED]&redirect_uri=http%3A%2F%2Flocalhost"_s);
    EXPECT_EQ(r.redactBody("token=abcdef"), u"token=[REDACTED]"_s); // Salesforce revoke
}

TEST(Redactor, JsonBodiesAtAnyDepth) {
    Redactor r;
    const QJsonObject doc{
        {u"access_token"_s, u"at-111111"_s},
        {u"refresh_token"_s, u"rt-222222"_s},
        {u"instance_url"_s, u"https://na1.salesforce.com"_s},
        {u"expires_in"_s, 1800},
        {u"inputs"_s, QJsonArray{QJsonObject{{u"client_secret"_s, u"cs-333333"_s}, {u"code"_s, 424242}}}},
        {u"nested"_s, QJsonObject{{u"Code_Verifier"_s, u"cv-444444"_s}, {u"name"_s, u"Acme"_s}}},
    };
    for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
        const QString out = r.redactBody(QJsonDocument(doc).toJson(format));
        for (const char* secret : {"at-111111", "rt-222222", "cs-333333", "424242", "cv-444444"})
            EXPECT_FALSE(out.contains(QLatin1String(secret))) << secret << "\n" << out.toStdString();
        EXPECT_TRUE(out.contains(u"na1.salesforce.com"_s));
        EXPECT_TRUE(out.contains(u"Acme"_s));
        EXPECT_TRUE(out.contains(u"1800"_s));
        // Still JSON, with the marker as a string value.
        const QJsonObject back = QJsonDocument::fromJson(out.toUtf8()).object();
        EXPECT_EQ(back.value(u"access_token"_s).toString(), R);
        EXPECT_EQ(back.value(u"inputs"_s).toArray().first().toObject().value(u"code"_s).toString(), R);
    }
}

TEST(Redactor, JsonStringsWithEscapesAndBrokenJson) {
    Redactor r;
    EXPECT_EQ(r.redactBody(R"({"access_token":"a\"b\\c","x":1})"),
              u"{\"access_token\":\"[REDACTED]\",\"x\":1}"_s);
    // Cut off in the middle of the value (a server that sends broken JSON).
    EXPECT_EQ(r.redactBody(R"({"refresh_token":"abcdefghij)"), u"{\"refresh_token\":\"[REDACTED]\""_s);
    // Keys that merely end with a sensitive name are not touched.
    EXPECT_EQ(r.redactBody(R"({"errorCode":"INVALID_FIELD","statusCode":"X"})"),
              u"{\"errorCode\":\"INVALID_FIELD\",\"statusCode\":\"X\"}"_s);
}

TEST(Redactor, RegisteredSecretsAnywhereInAnyEncoding) {
    Redactor r;
    const QString secret = u"tok/en+with=special\"chars"_s;
    ASSERT_TRUE(r.addSecret(secret));
    // Raw, percent-encoded, JSON-escaped, JSON-escaped with escaped slashes.
    EXPECT_EQ(r.redactText(u"see "_s + secret + u" here"_s), u"see [REDACTED] here"_s);
    EXPECT_EQ(r.redactText(u"q="_s + QString::fromLatin1(QUrl::toPercentEncoding(secret))),
              u"q=[REDACTED]"_s);
    const QString json =
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"echo"_s, secret}}).toJson(QJsonDocument::Compact));
    EXPECT_EQ(r.redactBody(json.toUtf8()), u"{\"echo\":\"[REDACTED]\"}"_s);
    EXPECT_EQ(r.redactText(u"tok\\/en+with=special\\\"chars"_s), u"[REDACTED]"_s);
    // In a header of no special name and in a URL path.
    EXPECT_EQ(r.redactHeaderValue("X-Echo", secret.toUtf8()), "[REDACTED]");
    EXPECT_FALSE(
        r.redactUrl(QUrl(u"https://x.test/v1/"_s + QString::fromLatin1(QUrl::toPercentEncoding(secret))))
            .contains(u"special"_s));

    r.removeSecret(secret);
    EXPECT_EQ(r.redactText(secret), secret);
}

TEST(Redactor, ShortValuesAreNotRegistered) {
    Redactor r;
    EXPECT_FALSE(r.addSecret(u"abc"_s));
    EXPECT_FALSE(r.addSecret(QString()));
    EXPECT_EQ(r.redactText(u"abc abc"_s), u"abc abc"_s);
}

TEST(Redactor, LongerSecretWinsOverAContainedOne) {
    Redactor r;
    r.addSecret(u"abcdef"_s);
    r.addSecret(u"abcdef-123456"_s);
    EXPECT_EQ(r.redactText(u"x abcdef-123456 y"_s), u"x [REDACTED] y"_s);
}

TEST(Redactor, ExtraSensitiveParameters) {
    Redactor r;
    r.addSensitiveParameter(u"Signature"_s);
    EXPECT_TRUE(r.sensitiveParameters().contains(u"signature"_s));
    EXPECT_EQ(r.redactBody(R"({"signature":"sig=="})"), u"{\"signature\":\"[REDACTED]\"}"_s);
    EXPECT_EQ(r.redactBody("a=1&signature=xyz"), u"a=1&signature=[REDACTED]"_s);
}

TEST(Redactor, ParametersInFreeText) {
    Redactor r;
    EXPECT_EQ(r.redactText(u"Error transferring https://x.test/t?access_token=abc - server replied: Bad"_s),
              u"Error transferring https://x.test/t?access_token=[REDACTED] - server replied: Bad"_s);
}

TEST(Redactor, BinaryBodiesAreNotLogged) {
    Redactor r;
    EXPECT_EQ(r.redactBody(QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)), u"[binary body, 10 bytes]"_s);
    EXPECT_EQ(r.redactBody(QByteArray()), QString());
}

TEST(Redactor, SharedInstanceIsProcessWide) {
    EXPECT_EQ(Redactor::shared().get(), Redactor::shared().get());
}
