#include "HubSpotTestSupport.h"

#include "core/net/HubSpotHttpPolicy.h"

namespace hubspottest {

SandboxSettings HubSpotTest::settings() const {
    SandboxSettings s;
    s.accessToken = kToken;
    s.adminToken = QStringLiteral("hubspot-test-admin");
    s.indexLagMinMs = 0;
    s.indexLagMaxMs = 0;
    s.searchPerSecond = 0; // tests of that limit turn it on
    s.randomSeed = 7;
    return s;
}

void HubSpotTest::SetUp() {
    m_sandboxClock = std::make_shared<sandbox::ManualSandboxClock>(m_clock.nowMs());
    m_server = std::make_unique<SandboxServer>(settings(), m_sandboxClock);
    ASSERT_TRUE(m_server->listen());
    // One time line: whatever the client waits (limiter, backoff, 429), the sandbox sees pass.
    m_clock.setSleepHook([this](qint64 ms) {
        if (ms > 0)
            m_sandboxClock->advanceMs(ms);
    });
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_crm = connect();
}

void HubSpotTest::TearDown() {
    m_crm.reset();
    m_nam.reset();
    m_server.reset();
}

std::unique_ptr<HubSpotConnector> HubSpotTest::connect(const QString& token,
                                                       HubSpotConnector::Options options) {
    options.kind = CrmKind::Sandbox;
    options.baseUrl = m_server->baseUrl();
    options.accessToken = token;
    auto policy = std::make_shared<HubSpotHttpPolicy>();
    auto limiter = std::make_shared<RateLimiter>();
    policy->configureLimiter(*limiter);
    HttpClient::Dependencies deps;
    deps.network = m_nam.get();
    deps.clock = &m_clock;
    deps.random = &m_random;
    deps.limiter = limiter;
    deps.policy = policy;
    HttpClientSettings http;
    http.defaultTimeoutMs = 10000;
    return std::make_unique<HubSpotConnector>(options, deps, http);
}

void HubSpotTest::seed(const QJsonObject& seed) {
    QString error;
    ASSERT_TRUE(m_server->loadSeedJson(seed, &error)) << error.toStdString();
}

namespace {
QString lastId(sandbox::hubspot::HubSpotStore& store, const char* type) {
    const auto& records = store.records(QLatin1String(type));
    return records.isEmpty() ? QString() : QString::number(records.lastKey());
}
} // namespace

QString HubSpotTest::addCompany(const QJsonObject& properties) {
    seed(QJsonObject{{QStringLiteral("companies"), QJsonArray{properties}}});
    return lastId(store(), "companies");
}

QString HubSpotTest::addContact(const QJsonObject& properties) {
    seed(QJsonObject{{QStringLiteral("contacts"), QJsonArray{properties}}});
    return lastId(store(), "contacts");
}

qint64 HubSpotTest::callsWithStatus(int status) const {
    qint64 n = 0;
    const auto byStatus = m_server->requestLog().countsByStatus();
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        n += it.value().value(status);
    return n;
}

CrmWriteInput HubSpotTest::input(const QString& ref, const CrmValues& values, const QString& id,
                                 const QString& companyId) {
    CrmWriteInput in;
    in.ref = ref;
    in.properties = values;
    in.id = id;
    in.companyId = companyId;
    return in;
}

} // namespace hubspottest
