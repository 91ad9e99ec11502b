// HubSpotConnector's error handling against the Sandbox CRM: authentication, scopes (connection
// test), rate limits through the net layer, server errors, lost answers, unreachable CRM, hints,
// and no token in what the HTTP observer sees.
#include "HubSpotTestSupport.h"

#include "core/net/Redactor.h"
#include "core/sandbox/SandboxSettings.h"

#include <QJsonDocument>
#include <QTcpServer>

using namespace hubspottest;

namespace {

CrmWriteInput named(const char* name) {
    CrmWriteInput in;
    in.ref = QLatin1String(name);
    in.properties.insert(QStringLiteral("name"), QLatin1String(name));
    return in;
}

void addFault(SandboxServer& server, const char* spec) {
    QString error;
    const std::optional<sandbox::FaultRule> rule = sandbox::FaultRule::parse(QLatin1String(spec), &error);
    ASSERT_TRUE(rule.has_value()) << error.toStdString();
    server.addFault(*rule);
}

QStringList allScopes() {
    QStringList out;
    for (const ConnectionTestResult::Check& c : HubSpotConnector::scopeChecks())
        out.append(c.scope);
    return out;
}

} // namespace

TEST_F(HubSpotTest, AnUnknownTokenIsAnAuthenticationErrorWithAHint) {
    std::unique_ptr<HubSpotConnector> crm = connect(QStringLiteral("pat-na1-not-a-real-token"));
    const CrmResult<QList<CrmProperty>> r = crm->fetchProperties(RecordObject::Company);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::Authentication);
    EXPECT_EQ(r.error().httpStatus, 401);
    EXPECT_EQ(r.error().category, QStringLiteral("INVALID_AUTHENTICATION"));
    EXPECT_FALSE(r.error().correlationId.isEmpty());
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("token"))) << r.error().hint.toStdString();
    EXPECT_TRUE(r.error().stopsRun());
    EXPECT_EQ(totalCalls(), 1); // a 401 is not retried

    const ConnectionTestResult test = crm->testConnection();
    ASSERT_TRUE(test.error.has_value());
    EXPECT_EQ(test.error->kind, CrmErrorKind::Authentication);
    EXPECT_EQ(test.requests, 1); // stops at the first 401
}

TEST_F(HubSpotTest, AnExpiredTokenSaysSo) {
    const QString token =
        m_server->hubspot().issueToken(allScopes(), 60000, QStringLiteral("pat-na1-expiring-token-42"));
    std::unique_ptr<HubSpotConnector> crm = connect(token);
    ASSERT_TRUE(crm->fetchProperties(RecordObject::Company).ok());
    m_sandboxClock->advanceMs(120000);
    const CrmResult<QList<CrmProperty>> r = crm->fetchProperties(RecordObject::Company);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::Authentication);
    EXPECT_EQ(r.error().category, QStringLiteral("EXPIRED_AUTHENTICATION"));
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("expired"))) << r.error().hint.toStdString();
}

TEST_F(HubSpotTest, ConnectionTestGrantsEveryScopeOfAFullTokenAndChangesNothing) {
    const ConnectionTestResult test = m_crm->testConnection();
    ASSERT_FALSE(test.error.has_value()) << test.error->message.toStdString();
    EXPECT_TRUE(test.ok());
    EXPECT_EQ(test.checks.size(), 8);
    for (const ConnectionTestResult::Check& c : test.checks)
        EXPECT_TRUE(c.granted) << c.scope.toStdString();
    EXPECT_EQ(test.requests, 8);
    EXPECT_EQ(totalCalls(), 8);
    EXPECT_EQ(liveCount("companies"), 0);
    EXPECT_EQ(liveCount("contacts"), 0);
    int custom = 0;
    for (const auto& p : store().properties(QStringLiteral("companies")))
        custom += store().isCustomProperty(QStringLiteral("companies"), p.name) ? 1 : 0;
    EXPECT_EQ(custom, 0);
}

TEST_F(HubSpotTest, ConnectionTestNamesMissingScopesAndAWriteWithoutScopeIsAPermissionError) {
    const QString token = m_server->hubspot().issueToken(
        {QStringLiteral("crm.objects.companies.read"), QStringLiteral("crm.objects.companies.write"),
         QStringLiteral("crm.schemas.companies.read"), QStringLiteral("crm.schemas.contacts.read")},
        0, QStringLiteral("pat-na1-companies-only-token"));
    std::unique_ptr<HubSpotConnector> crm = connect(token);
    const ConnectionTestResult test = crm->testConnection();
    ASSERT_FALSE(test.error.has_value()) << test.error->message.toStdString();
    EXPECT_FALSE(test.ok());
    EXPECT_EQ(test.missingScopes(true), (QStringList{QStringLiteral("crm.objects.contacts.read"),
                                                     QStringLiteral("crm.objects.contacts.write")}));
    EXPECT_EQ(test.missingScopes(false), (QStringList{QStringLiteral("crm.schemas.companies.write"),
                                                      QStringLiteral("crm.schemas.contacts.write")}));
    const QJsonObject json = test.toJson();
    EXPECT_FALSE(json.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("missing_scopes")).toArray().size(), 2);

    CrmWriteInput contact;
    contact.ref = QStringLiteral("c");
    contact.properties.insert(QStringLiteral("email"), QStringLiteral("a@b.com"));
    const CrmResult<QList<CrmWriteResult>> r = crm->createRecords(RecordObject::Contact, {contact});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::Permission);
    EXPECT_EQ(r.error().category, QStringLiteral("MISSING_SCOPES"));
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("crm.objects.contacts.write")))
        << r.error().hint.toStdString();
    EXPECT_EQ(liveCount("contacts"), 0);
}

TEST_F(HubSpotTest, A429IsWaitedOutByTheNetLayerAndTheCallSucceeds) {
    addFault(*m_server, "429,path=/crm/v3/objects/companies/batch/create,times=1");
    const CrmResult<QList<CrmWriteResult>> r =
        m_crm->createRecords(RecordObject::Company, {named("A"), named("B")});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_TRUE(r.value().at(0).ok && r.value().at(1).ok);
    EXPECT_EQ(liveCount("companies"), 2); // a 429 was not applied; the repeat created each once
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/create")), 2);
    EXPECT_EQ(callsWithStatus(429), 1);
    EXPECT_EQ(m_crm->requestCount(), 1); // one send(); the client repeated it
    EXPECT_GE(m_clock.totalSleptMs(), 1000);
}

TEST_F(HubSpotTest, TheDailyLimitPausesWithoutRetrying) {
    addFault(*m_server, "429:DAILY,times=1");
    const CrmResult<QList<CrmProperty>> r = m_crm->fetchProperties(RecordObject::Company);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::DailyLimit);
    EXPECT_EQ(r.error().code, QStringLiteral("DAILY"));
    EXPECT_TRUE(r.error().stopsRun());
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("daily"))) << r.error().hint.toStdString();
    EXPECT_EQ(totalCalls(), 1);
}

TEST_F(HubSpotTest, RateLimitsThatDoNotClearPauseTheRun) {
    addFault(*m_server, "429,path=/crm/v3/objects/contacts/batch/read");
    const CrmResult<CrmPage> r = m_crm->findContactsByEmail({QStringLiteral("a@b.com")}, {}, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::DailyLimit); // stops the run as "paused"
    EXPECT_EQ(r.error().code, QStringLiteral("TEN_SECONDLY_ROLLING"));
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("paused"))) << r.error().hint.toStdString();
    EXPECT_EQ(callsWithStatus(429), RetryPolicy().maxRateLimitWaits + 1);
}

TEST_F(HubSpotTest, TheLimiterFollowsTheSandboxHeadersSoNo429Happens) {
    SandboxSettings s = m_server->settings();
    s.burstLimit = 10; // a tighter account than the published default the client starts with
    m_server->setSettings(s);
    // The first answer's X-HubSpot-RateLimit-Max: 10 replaces the client's rule of 100.
    for (int i = 0; i < 40; ++i) {
        const CrmResult<QList<CrmRecord>> r =
            m_crm->readRecords(RecordObject::Company, {QStringLiteral("1")}, {});
        ASSERT_TRUE(r.ok()) << i << ": " << r.error().message.toStdString();
    }
    EXPECT_EQ(callsWithStatus(429), 0);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/read")), 40);
    // 40 requests at 10 per 10 s need at least three full windows of waiting.
    EXPECT_GE(m_clock.totalSleptMs(), 30000);
}

TEST_F(HubSpotTest, ServerErrorsAreRetriedByTheNetLayer) {
    addFault(*m_server, "503,path=/crm/v3/objects/contacts/batch/read,times=2");
    const CrmResult<CrmPage> r = m_crm->findContactsByEmail({QStringLiteral("a@b.com")}, {}, {});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/contacts/batch/read")), 3);

    addFault(*m_server, "500,path=/crm/v3/objects/contacts/batch/read");
    const CrmResult<CrmPage> failed = m_crm->findContactsByEmail({QStringLiteral("a@b.com")}, {}, {});
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, CrmErrorKind::Server);
    EXPECT_EQ(failed.error().httpStatus, 500);
    EXPECT_FALSE(failed.error().hint.isEmpty());
}

TEST_F(HubSpotTest, ALostAnswerToACreateIsReportedAndNotRepeated) {
    addFault(*m_server, "lost,path=/crm/v3/objects/companies/batch/create,times=1");
    const CrmResult<QList<CrmWriteResult>> r = m_crm->createRecords(RecordObject::Company, {named("Once")});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::Network);
    EXPECT_EQ(r.error().code, QStringLiteral("RESPONSE_LOST"));
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("re"))) << r.error().hint.toStdString();
    EXPECT_EQ(liveCount("companies"), 1); // applied once, never twice
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/create")), 1);
}

TEST_F(HubSpotTest, AnUnreachableCrmIsANetworkErrorWithAHint) {
    QTcpServer probe; // a port that was free a moment ago and is closed now
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    HubSpotConnector::Options closed;
    closed.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    closed.accessToken = kToken;
    HttpClient::Dependencies deps;
    deps.network = m_nam.get();
    deps.clock = &m_clock;
    deps.random = &m_random;
    HubSpotConnector offline(closed, deps);
    const CrmResult<QList<CrmProperty>> r = offline.fetchProperties(RecordObject::Company);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::Network);
    EXPECT_EQ(r.error().httpStatus, 0);
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("reached"))) << r.error().hint.toStdString();
}

TEST_F(HubSpotTest, WriteErrorsNameThePropertyAndExplainTheFix) {
    CrmWriteInput unknown = named("Unknown property");
    unknown.properties.insert(QStringLiteral("no_such_property"), QStringLiteral("x"));
    CrmWriteInput readOnly = named("Read-only property");
    readOnly.properties.insert(QStringLiteral("hs_object_id"), QStringLiteral("5"));
    const CrmResult<QList<CrmWriteResult>> r =
        m_crm->createRecords(RecordObject::Company, {unknown, readOnly, named("Fine")});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_TRUE(r.value().at(0).error && r.value().at(1).error);
    EXPECT_EQ(r.value().at(0).error->code, QStringLiteral("PROPERTY_DOESNT_EXIST"));
    EXPECT_EQ(r.value().at(0).error->field, QStringLiteral("no_such_property"));
    EXPECT_TRUE(r.value().at(0).error->hint.contains(QLatin1String("no_such_property")));
    EXPECT_EQ(r.value().at(1).error->code, QStringLiteral("READ_ONLY_VALUE"));
    EXPECT_TRUE(r.value().at(1).error->hint.contains(QLatin1String("read-only")));
    EXPECT_TRUE(r.value().at(2).ok);
    const QJsonObject json = r.value().at(0).error->toJson();
    EXPECT_EQ(json.value(QStringLiteral("http_status")).toInt(), 400);
    EXPECT_FALSE(json.value(QStringLiteral("hint")).toString().isEmpty());
}

TEST_F(HubSpotTest, ErrorBodiesAreParsedLikeHubSpotSendsThem) {
    const QJsonObject invalidOption =
        QJsonDocument::fromJson(
            R"({"status":"error","message":"Property values were not valid: [{\"isValid\":false,\"message\":\"Biotech was not one of the allowed options: [label: \\\"Retail\\\"]\",\"error\":\"INVALID_OPTION\",\"name\":\"industry\"}]","correlationId":"c-1","category":"VALIDATION_ERROR"})")
            .object();
    const CrmError e = HubSpotConnector::errorFromBody(400, invalidOption);
    EXPECT_EQ(e.kind, CrmErrorKind::Validation);
    EXPECT_EQ(e.code, QStringLiteral("INVALID_OPTION"));
    EXPECT_EQ(e.field, QStringLiteral("industry"));
    EXPECT_EQ(e.correlationId, QStringLiteral("c-1"));
    EXPECT_TRUE(e.hint.contains(QLatin1String("\"Biotech\""))) << e.hint.toStdString();

    const CrmError daily = HubSpotConnector::errorFromBody(
        429,
        QJsonDocument::fromJson(
            R"({"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"c-2","policyName":"DAILY"})")
            .object());
    EXPECT_EQ(daily.kind, CrmErrorKind::DailyLimit);
    EXPECT_EQ(daily.code, QStringLiteral("DAILY"));

    const CrmError burst = HubSpotConnector::errorFromBody(
        429,
        QJsonDocument::fromJson(
            R"({"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"})")
            .object());
    EXPECT_EQ(burst.kind, CrmErrorKind::RateLimited);

    const CrmError conflict = HubSpotConnector::errorFromBody(
        409,
        QJsonDocument::fromJson(
            R"({"status":"error","message":"Contact already exists. Existing ID: 4711","category":"CONFLICT"})")
            .object());
    EXPECT_EQ(conflict.kind, CrmErrorKind::Duplicate);
    EXPECT_TRUE(conflict.hint.contains(QLatin1String("4711")));

    const CrmError scopes = HubSpotConnector::errorFromBody(
        403,
        QJsonDocument::fromJson(
            R"({"status":"error","message":"This app hasn't been granted all required scopes to make this call.","category":"MISSING_SCOPES","errors":[{"message":"One or more of the following scopes are required.","context":{"requiredGranularScopes":["crm.objects.companies.write"]}}]})")
            .object());
    EXPECT_EQ(scopes.kind, CrmErrorKind::Permission);
    EXPECT_TRUE(scopes.hint.contains(QLatin1String("crm.objects.companies.write")));

    const CrmError expired = HubSpotConnector::errorFromBody(
        401,
        QJsonDocument::fromJson(
            R"({"status":"error","message":"The OAuth token used to make this call expired 5 minute(s) ago.","category":"EXPIRED_AUTHENTICATION"})")
            .object());
    EXPECT_EQ(expired.kind, CrmErrorKind::Authentication);
    EXPECT_TRUE(expired.hint.contains(QLatin1String("expired")));
}

TEST_F(HubSpotTest, TheObserverNeverSeesTheToken) {
    Redactor::shared()->addSecret(kToken); // what ConnectorFactory does with every token
    QStringList seen;
    m_crm->http().addObserver([&seen](const HttpExchange& e) {
        QString all = e.url + e.requestBody + e.responseBody + e.errorText;
        for (const auto& [k, v] : e.requestHeaders)
            all += k + v;
        for (const auto& [k, v] : e.responseHeaders)
            all += k + v;
        seen.append(all);
    });
    ASSERT_TRUE(m_crm->fetchProperties(RecordObject::Contact).ok());
    ASSERT_TRUE(m_crm->createRecords(RecordObject::Company, {named("A")}).ok());
    ASSERT_EQ(seen.size(), 2);
    for (const QString& s : std::as_const(seen)) {
        EXPECT_FALSE(s.contains(kToken));
        EXPECT_TRUE(s.contains(QLatin1String("Bearer [REDACTED]")));
    }
}
