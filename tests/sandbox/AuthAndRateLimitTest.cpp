// Bearer tokens, scopes, the ten-second burst limit, the daily limit and the rate-limit headers.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {

class SandboxAuthAndRateLimitTest : public SandboxTest {
protected:
    SandboxSettings initialSettings() const override {
        SandboxSettings s = SandboxTest::initialSettings();
        s.extraTokens << TokenGrant{
            QStringLiteral("contacts-read-only"), {QStringLiteral("crm.objects.contacts.read")}, 0};
        return s;
    }
};

} // namespace

TEST_F(SandboxAuthAndRateLimitTest, MissingOrWrongTokenIs401) {
    HttpReply r = get(QStringLiteral("/crm/v3/objects/contacts"), QString());
    expectHubSpotError(r, 401, QStringLiteral("INVALID_AUTHENTICATION"));
    r = get(QStringLiteral("/crm/v3/objects/contacts"), QStringLiteral("wrong"));
    expectHubSpotError(r, 401, QStringLiteral("INVALID_AUTHENTICATION"));
    r = sendRequest(*m_nam, "GET", url(QStringLiteral("/crm/v3/objects/contacts")), {}, {});
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200);
    // An admin-issued token that expires.
    const HttpReply issued =
        admin("POST", QStringLiteral("/_sandbox/tokens"), R"({"scopes":[],"expiresInSec":60})");
    ASSERT_EQ(issued.status, 201);
    const QString token = issued.json().value(QStringLiteral("token")).toString();
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts"), token).status, 200);
    m_clock->advanceMs(61000);
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/contacts"), token), 401,
                       QStringLiteral("EXPIRED_AUTHENTICATION"));
}

TEST_F(SandboxAuthAndRateLimitTest, TokensWithScopesGet403OutsideThem) {
    const QString token = QStringLiteral("contacts-read-only");
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts"), token).status, 200);
    EXPECT_EQ(post(QStringLiteral("/crm/v3/objects/contacts/search"), QJsonObject(), token).status, 200);
    const HttpReply r =
        post(QStringLiteral("/crm/v3/objects/contacts"),
             QJsonObject{{QStringLiteral("properties"), props({{"email", "x@y.com"}})}}, token);
    expectHubSpotError(r, 403, QStringLiteral("MISSING_SCOPES"));
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("errors"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("context"))
                  .toObject()
                  .value(QStringLiteral("requiredGranularScopes"))
                  .toArray()[0]
                  .toString(),
              QStringLiteral("crm.objects.contacts.write"));
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("contacts")), 0) << "nothing written";
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/companies"), token), 403,
                       QStringLiteral("MISSING_SCOPES"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/lists"), QJsonObject(), token), 403,
                       QStringLiteral("MISSING_SCOPES"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/properties/contacts"), QJsonObject(), token), 403,
                       QStringLiteral("MISSING_SCOPES"));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/properties/contacts"), token).status, 200)
        << "object read scope reads the schema";
}

TEST_F(SandboxAuthAndRateLimitTest, TenSecondRollingBurst) {
    SandboxSettings s = initialSettings();
    s.burstLimit = 5;
    restart(s);
    for (int i = 0; i < 5; ++i) {
        const HttpReply r = get(QStringLiteral("/crm/v3/objects/contacts"));
        ASSERT_EQ(r.status, 200);
        EXPECT_EQ(r.header("X-HubSpot-RateLimit-Max"), QByteArray("5"));
        EXPECT_EQ(r.header("X-HubSpot-RateLimit-Remaining"), QByteArray::number(4 - i));
        EXPECT_EQ(r.header("X-HubSpot-RateLimit-Interval-Milliseconds"), QByteArray("10000"));
        EXPECT_EQ(r.header("X-HubSpot-RateLimit-Daily"), QByteArray("250000"));
        EXPECT_EQ(r.header("X-HubSpot-RateLimit-Daily-Remaining"), QByteArray::number(249999 - i));
        m_clock->advanceMs(1000);
    }
    const HttpReply limited = get(QStringLiteral("/crm/v3/objects/contacts"));
    EXPECT_EQ(limited.status, 429);
    const QJsonObject body = limited.json();
    EXPECT_EQ(body.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    EXPECT_EQ(body.value(QStringLiteral("errorType")).toString(), QStringLiteral("RATE_LIMIT"));
    EXPECT_EQ(body.value(QStringLiteral("policyName")).toString(), QStringLiteral("TEN_SECONDLY_ROLLING"));
    EXPECT_EQ(body.value(QStringLiteral("message")).toString(),
              QStringLiteral("You have reached your ten_secondly_rolling limit."));
    EXPECT_FALSE(body.value(QStringLiteral("correlationId")).toString().isEmpty());
    EXPECT_EQ(limited.header("X-HubSpot-RateLimit-Remaining"), QByteArray("0"));
    // Rolling: the first request (at t=0) leaves the window at t=10 s.
    m_clock->advanceMs(5000);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 429);
    // Per token: another token has its own window.
    const QString other = admin("POST", QStringLiteral("/_sandbox/tokens"), "{}")
                              .json()
                              .value(QStringLiteral("token"))
                              .toString();
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts"), other).status, 200);
    // The admin API can forget the counters.
    ASSERT_EQ(admin("POST", QStringLiteral("/_sandbox/ratelimits/reset")).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).header("X-HubSpot-RateLimit-Remaining"),
              QByteArray("4"));
    for (int i = 0; i < 4; ++i)
        get(QStringLiteral("/crm/v3/objects/contacts"));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 429);
    // Changeable at run time.
    ASSERT_EQ(admin("PATCH", QStringLiteral("/_sandbox/settings"), R"({"burstLimit": 100})").status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200);
}

TEST_F(SandboxAuthAndRateLimitTest, DailyLimit) {
    SandboxSettings s = initialSettings();
    s.dailyLimit = 3;
    restart(s);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 200);
    const HttpReply limited = get(QStringLiteral("/crm/v3/objects/companies"));
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.json().value(QStringLiteral("policyName")).toString(), QStringLiteral("DAILY"));
    EXPECT_EQ(limited.header("X-HubSpot-RateLimit-Daily-Remaining"), QByteArray("0"));
    m_clock->advanceMs(24LL * 3600 * 1000);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 200) << "a new UTC day";
}
