// Fault injection: 5xx, 429, slow, hanging, lost and truncated replies; rate, times, skip; the
// --fault SPEC syntax and the admin endpoint.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {

class SandboxFaultsTest : public SandboxTest {
protected:
    int contacts() { return m_server->hubspot().store().liveCount(QStringLiteral("contacts")); }
    HttpReply createOne(const char* email, QNetworkAccessManager* nam = nullptr, int timeoutMs = 10000) {
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("properties"), props({{"email", email}})}}).toJson();
        return sendRequest(nam ? *nam : *m_nam, "POST", url(QStringLiteral("/crm/v3/objects/contacts")), body,
                           m_server->accessToken().toUtf8(), "application/json", timeoutMs);
    }
};

} // namespace

TEST_F(SandboxFaultsTest, SpecSyntax) {
    QString error;
    std::optional<FaultRule> r = FaultRule::parse(
        QStringLiteral("503,path=/crm/v3/objects/*/batch/*,rate=0.25,method=POST|PATCH,times=3,skip=1"),
        &error);
    ASSERT_TRUE(r) << error.toStdString();
    EXPECT_EQ(r->kind, FaultRule::Kind::Status);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(r->rate, 0.25);
    EXPECT_EQ(r->methods, (QStringList{QStringLiteral("POST"), QStringLiteral("PATCH")}));
    EXPECT_EQ(r->times, 3);
    EXPECT_EQ(r->skip, 1);
    EXPECT_TRUE(r->matches("POST", QStringLiteral("/crm/v3/objects/contacts/batch/upsert")));
    EXPECT_FALSE(r->matches("GET", QStringLiteral("/crm/v3/objects/contacts/batch/upsert")));
    EXPECT_FALSE(r->matches("POST", QStringLiteral("/crm/v3/objects/contacts")));
    EXPECT_EQ(FaultRule::parse(r->toSpec())->toSpec(), r->toSpec());
    r = FaultRule::parse(QStringLiteral("429:DAILY"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->kind, FaultRule::Kind::RateLimit);
    EXPECT_EQ(r->policyName, QStringLiteral("DAILY"));
    EXPECT_EQ(FaultRule::parse(QStringLiteral("slow:1500"))->delayMs, 1500);
    EXPECT_EQ(FaultRule::parse(QStringLiteral("hang"))->kind, FaultRule::Kind::Hang);
    EXPECT_EQ(FaultRule::parse(QStringLiteral("lost"))->kind, FaultRule::Kind::Lost);
    EXPECT_EQ(FaultRule::parse(QStringLiteral("truncated"))->kind, FaultRule::Kind::Truncated);
    for (const char* bad : {"", "explode", "503,rate=2", "503,colour=red", "200", "slow:abc", "429:HOURLY"})
        EXPECT_FALSE(FaultRule::parse(QLatin1String(bad))) << bad;
}

TEST_F(SandboxFaultsTest, ServerErrorsAnd429ReplaceTheRequest) {
    m_server->addFault(*FaultRule::parse(QStringLiteral("503,path=/crm/v3/objects/contacts,times=1")));
    HttpReply r = createOne("a@x.com");
    expectHubSpotError(r, 503, QStringLiteral("SERVICE_UNAVAILABLE"));
    EXPECT_EQ(contacts(), 0) << "not processed";
    EXPECT_EQ(createOne("a@x.com").status, 201) << "times=1";

    m_server->addFault(*FaultRule::parse(QStringLiteral("502,times=1")));
    r = get(QStringLiteral("/crm/v3/objects/contacts"));
    EXPECT_EQ(r.status, 502);
    EXPECT_TRUE(r.header("Content-Type").startsWith("text/html"))
        << "gateway errors are HTML, as HubSpot's edge sends them";
    m_server->addFault(*FaultRule::parse(QStringLiteral("500,times=1")));
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/contacts")), 500,
                       QStringLiteral("INTERNAL_ERROR"));
    m_server->addFault(*FaultRule::parse(QStringLiteral("504,times=1")));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 504);

    m_server->addFault(*FaultRule::parse(QStringLiteral("429,times=1")));
    r = get(QStringLiteral("/crm/v3/objects/contacts"));
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.json().value(QStringLiteral("policyName")).toString(),
              QStringLiteral("TEN_SECONDLY_ROLLING"));
    EXPECT_EQ(r.header("X-HubSpot-RateLimit-Remaining"), QByteArray("0"));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200);
}

TEST_F(SandboxFaultsTest, RateSkipAndMethodFilters) {
    m_server->addFault(*FaultRule::parse(QStringLiteral("500,method=POST,skip=2,times=1")));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200) << "GET does not match";
    EXPECT_EQ(createOne("1@x.com").status, 201);
    EXPECT_EQ(createOne("2@x.com").status, 201);
    EXPECT_EQ(createOne("3@x.com").status, 500) << "the third POST";
    EXPECT_EQ(createOne("3@x.com").status, 201);
    m_server->clearFaults();
    // rate=0.5 with a fixed seed: some requests fail, some pass.
    m_server->addFault(*FaultRule::parse(QStringLiteral("503,rate=0.5")));
    int failed = 0;
    for (int i = 0; i < 40; ++i)
        failed += get(QStringLiteral("/crm/v3/objects/contacts")).status == 503 ? 1 : 0;
    EXPECT_GT(failed, 5);
    EXPECT_LT(failed, 35);
}

TEST_F(SandboxFaultsTest, SlowReplyArrivesLateAndIsApplied) {
    m_server->addFault(*FaultRule::parse(QStringLiteral("slow:400,times=1")));
    const HttpReply r = createOne("slow@x.com");
    EXPECT_EQ(r.status, 201);
    EXPECT_GE(r.elapsedMs, 390);
    EXPECT_EQ(contacts(), 1);
}

TEST_F(SandboxFaultsTest, HangingReplyTimesOutTheClient) {
    m_server->addFault(*FaultRule::parse(QStringLiteral("hang,times=1")));
    const HttpReply r = createOne("hang@x.com", nullptr, 300);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.error, QNetworkReply::OperationCanceledError) << "QNetworkRequest::transferTimeout fired";
    EXPECT_EQ(contacts(), 0) << "a hanging request is not processed";
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200)
        << "the server still answers others";
    // hang:MS closes the connection after MS without a reply. (QNetworkAccessManager retries an
    // idempotent request on a fresh connection before it reports the error, so the fault stays on.)
    m_server->addFault(*FaultRule::parse(QStringLiteral("hang:200,path=/crm/v3/objects/contacts")));
    QNetworkAccessManager fresh;
    const HttpReply closed = sendRequest(fresh, "GET", url(QStringLiteral("/crm/v3/objects/contacts")), {},
                                         m_server->accessToken().toUtf8(), "application/json", 5000);
    EXPECT_EQ(closed.status, 0);
    EXPECT_NE(closed.error, QNetworkReply::NoError);
    EXPECT_GE(closed.elapsedMs, 150);
    m_server->clearFaults();
}

TEST_F(SandboxFaultsTest, LostResponseAppliesTheWriteAndDropsTheConnection) {
    // The client sees the connection closed without a reply. QNetworkAccessManager may resend a
    // POST once when that happens (it cannot tell a lost reply from a stale keep-alive connection);
    // the resend meets the same fault and, here, the duplicate e-mail. The log shows every attempt.
    m_server->addFault(*FaultRule::parse(QStringLiteral("lost,path=/crm/v3/objects/contacts")));
    QNetworkAccessManager fresh;
    const HttpReply r = createOne("lost@x.com", &fresh);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.error, QNetworkReply::RemoteHostClosedError);
    EXPECT_EQ(contacts(), 1) << "the write took effect";
    EXPECT_EQ(m_server->requestLog().entries().back().fault, QStringLiteral("lost"));
    m_server->clearFaults();
    const HttpReply again = createOne("lost@x.com", &fresh);
    expectHubSpotError(again, 409, QStringLiteral("CONFLICT"));
}

TEST_F(SandboxFaultsTest, TruncatedReplyIsBrokenButTheWriteIsApplied) {
    m_server->addFault(*FaultRule::parse(QStringLiteral("truncated,times=1")));
    const HttpReply r = createOne("cut@x.com");
    // QNetworkAccessManager takes a connection closed in the middle of a body as the end of the
    // reply (even with a Content-Length): the client sees either an error or a body cut short,
    // never a whole JSON document.
    QJsonParseError parseError;
    QJsonDocument::fromJson(r.body, &parseError);
    EXPECT_TRUE(r.error != QNetworkReply::NoError || parseError.error != QJsonParseError::NoError)
        << r.status << " " << r.body.constData();
    EXPECT_EQ(contacts(), 1);
    EXPECT_EQ(createOne("other@x.com").status, 201);
}

TEST_F(SandboxFaultsTest, FaultsFromTheAdminEndpointAndSettings) {
    HttpReply r = admin("POST", QStringLiteral("/_sandbox/faults"),
                        R"({"spec":"503,path=/crm/v3/objects/companies*"})");
    ASSERT_EQ(r.status, 201) << r.body.constData();
    const int id = r.json().value(QStringLiteral("id")).toInt();
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 503);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200);
    r = admin("GET", QStringLiteral("/_sandbox/faults"));
    ASSERT_EQ(r.json().value(QStringLiteral("faults")).toArray().size(), 1);
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("faults"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("hits"))
                  .toInt(),
              1);
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_sandbox/faults/%1").arg(id)).status, 204);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 200);
    // JSON form.
    r = admin("POST", QStringLiteral("/_sandbox/faults"),
              R"({"kind":"status","status":504,"methods":["GET"],"times":1})");
    ASSERT_EQ(r.status, 201) << r.body.constData();
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 504);
    EXPECT_EQ(admin("POST", QStringLiteral("/_sandbox/faults"), R"({"spec":"bogus"})").status, 400);
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_sandbox/faults")).status, 204);
    // Faults in the settings given at start.
    SandboxSettings s = initialSettings();
    s.faults << *FaultRule::parse(QStringLiteral("500,times=1"));
    restart(s);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 500);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies")).status, 200);
    // Admin calls are never faulted.
    m_server->addFault(*FaultRule::parse(QStringLiteral("500")));
    EXPECT_EQ(admin("GET", QStringLiteral("/_sandbox/info")).status, 200);
}
