// ConnectorFactory: a connection plus its secret (InMemorySecretStore) gives a working connector
// against an in-process Sandbox CRM; missing tokens, unsupported kinds and bad URLs are explained;
// the token never reaches the workspace file.
#include "core/connectors/ConnectorFactory.h"
#include "core/auth/InMemorySecretStore.h"
#include "core/net/Clock.h"
#include "core/net/RateLimiter.h"
#include "core/net/Redactor.h"
#include "core/sandbox/SandboxServer.h"
#include "core/store/MappingStore.h"
#include "tests/store/TempWorkspace.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>

#include <gtest/gtest.h>

using namespace syncdesk;

namespace {

const QString kToken = QStringLiteral("pat-na1-factory-test-token-8e1f");

class ConnectorFactoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        sandbox::SandboxSettings s;
        s.accessToken = kToken;
        s.indexLagMinMs = s.indexLagMaxMs = 0;
        m_server =
            std::make_unique<sandbox::SandboxServer>(s, std::make_shared<sandbox::ManualSandboxClock>());
        ASSERT_TRUE(m_server->listen());
        m_env.network = &m_nam;
        m_env.clock = &m_clock;
    }

    Connection sandboxConnection(const QString& name = QStringLiteral("Box")) {
        return Connection::make(name, CrmKind::Sandbox, m_server->baseUrl().toString());
    }

    std::unique_ptr<sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    FakeClock m_clock;
    ConnectorEnvironment m_env;
    InMemorySecretStore m_secrets;
};

} // namespace

TEST_F(ConnectorFactoryTest, BuildsAWorkingConnectorFromTheStoredToken) {
    const Connection c = sandboxConnection();
    ASSERT_TRUE(
        m_secrets.write(SecretStore::connectionKey(c.uuid), ConnectorFactory::secretForToken(kToken)).ok());
    ConnectorBuild b = ConnectorFactory::create(c, m_secrets, m_env);
    ASSERT_TRUE(b.ok()) << b.error->message.toStdString();
    EXPECT_EQ(b.connector->facts().kind, CrmKind::Sandbox);
    const CrmResult<QList<CrmProperty>> props = b.connector->fetchProperties(RecordObject::Company);
    ASSERT_TRUE(props.ok()) << props.error().message.toStdString();
    EXPECT_FALSE(props.value().isEmpty());
    EXPECT_EQ(m_server->requestLog().count(QStringLiteral("GET /crm/v3/properties/companies")), 1);
    // The token was registered for redaction before use.
    EXPECT_FALSE(Redactor::shared()->redactText(QStringLiteral("x ") + kToken).contains(kToken));
}

TEST_F(ConnectorFactoryTest, ATokenOverrideIsUsedInsteadOfTheStoredOne) {
    const Connection c = sandboxConnection();
    ASSERT_TRUE(m_secrets
                    .write(SecretStore::connectionKey(c.uuid),
                           ConnectorFactory::secretForToken(QStringLiteral("pat-stale-token")))
                    .ok());
    ConnectorBuild stored = ConnectorFactory::create(c, m_secrets, m_env);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored.connector->fetchProperties(RecordObject::Company).error().kind,
              CrmErrorKind::Authentication);

    ConnectorBuild overridden = ConnectorFactory::create(c, m_secrets, m_env, kToken);
    ASSERT_TRUE(overridden.ok());
    EXPECT_TRUE(overridden.connector->fetchProperties(RecordObject::Company).ok());
    // The override is never written anywhere.
    EXPECT_EQ(m_secrets.read(SecretStore::connectionKey(c.uuid)).value,
              ConnectorFactory::secretForToken(QStringLiteral("pat-stale-token")));
}

TEST_F(ConnectorFactoryTest, ExplainsWhyThereIsNoConnector) {
    const Connection c = sandboxConnection(QStringLiteral("No token"));
    ConnectorBuild none = ConnectorFactory::create(c, m_secrets, m_env);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error->kind, CrmErrorKind::Authentication);
    EXPECT_EQ(none.error->code, QStringLiteral("NO_TOKEN"));
    EXPECT_TRUE(none.error->message.contains(QLatin1String("No token")));

    const Connection sf = Connection::make(QStringLiteral("SF"), CrmKind::Salesforce);
    ConnectorBuild salesforce = ConnectorFactory::create(sf, m_secrets, m_env, kToken);
    ASSERT_FALSE(salesforce.ok());
    EXPECT_EQ(salesforce.error->code, QStringLiteral("NOT_SUPPORTED"));
    EXPECT_TRUE(salesforce.error->message.contains(QLatin1String("Salesforce")));

    const Connection noUrl = Connection::make(QStringLiteral("Box2"), CrmKind::Sandbox);
    ConnectorBuild bad = ConnectorFactory::create(noUrl, m_secrets, m_env, kToken);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error->code, QStringLiteral("BAD_BASE_URL"));

    m_secrets.setFailure(SecretStatus::Unavailable, QStringLiteral("no keychain here"));
    ConnectorBuild locked = ConnectorFactory::create(c, m_secrets, m_env);
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error->code, QStringLiteral("SECRET_STORE"));
    EXPECT_TRUE(locked.error->message.contains(QLatin1String("no keychain here")));
}

TEST_F(ConnectorFactoryTest, UrlsSecretsAndLimiters) {
    EXPECT_TRUE(ConnectorFactory::baseUrlProblem(CrmKind::HubSpot, {}).isEmpty());
    EXPECT_FALSE(ConnectorFactory::baseUrlProblem(CrmKind::Sandbox, {}).isEmpty());
    EXPECT_TRUE(ConnectorFactory::baseUrlProblem(CrmKind::Sandbox, QStringLiteral("http://127.0.0.1:4000"))
                    .isEmpty());
    EXPECT_FALSE(ConnectorFactory::baseUrlProblem(CrmKind::HubSpot, QStringLiteral("ftp://x.com")).isEmpty());
    EXPECT_FALSE(
        ConnectorFactory::baseUrlProblem(CrmKind::HubSpot, QStringLiteral("https://api.hubapi.com?x=1"))
            .isEmpty());
    EXPECT_FALSE(ConnectorFactory::baseUrlProblem(CrmKind::HubSpot, QStringLiteral("not a url")).isEmpty());
    EXPECT_EQ(ConnectorFactory::baseUrl(Connection::make(QStringLiteral("H"), CrmKind::HubSpot)),
              QUrl(QStringLiteral("https://api.hubapi.com")));

    EXPECT_EQ(
        ConnectorFactory::tokenFromSecret(ConnectorFactory::secretForToken(QStringLiteral(" abc-123 "))),
        QStringLiteral("abc-123"));
    EXPECT_EQ(ConnectorFactory::tokenFromSecret(QStringLiteral("plain-token\n")),
              QStringLiteral("plain-token"));

    const Connection a = Connection::make(QStringLiteral("A"), CrmKind::HubSpot);
    const Connection b = Connection::make(QStringLiteral("B"), CrmKind::HubSpot);
    EXPECT_EQ(ConnectorFactory::sharedLimiter(a), ConnectorFactory::sharedLimiter(a));
    EXPECT_NE(ConnectorFactory::sharedLimiter(a), ConnectorFactory::sharedLimiter(b));
    EXPECT_EQ(ConnectorFactory::sharedLimiter(a)->rule(QString()).maxRequests,
              100); // HubSpot's published limit
}

TEST_F(ConnectorFactoryTest, TheTokenNeverReachesTheWorkspaceFile) {
    test::TempWorkspace ws;
    std::optional<Connection> c;
    {
        ConnectionStore connections(*ws);
        c = connections.add(sandboxConnection());
        ASSERT_TRUE(c.has_value()) << connections.lastError().toStdString();
        ASSERT_TRUE(
            m_secrets.write(SecretStore::connectionKey(c->uuid), ConnectorFactory::secretForToken(kToken))
                .ok());
        MappingStore mappings(*ws);
        ASSERT_TRUE(mappings.setMapping(
            c->id, Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company), CrmKind::Sandbox));

        ConnectorBuild b = ConnectorFactory::create(*c, m_secrets, m_env);
        ASSERT_TRUE(b.ok());
        const CrmResult<QList<CrmProperty>> props = b.connector->fetchProperties(RecordObject::Company);
        ASSERT_TRUE(props.ok());
        ASSERT_TRUE(mappings.setProperties(c->id, RecordObject::Company, props.value(),
                                           QDateTime::currentDateTimeUtc()));
        c->setUniqueIdPropertyConsented(true);
        ASSERT_TRUE(connections.update(*c));
    } // the stores release their statements before the workspace closes
    const QString path = ws.path();
    const QString dir = ws.dir();
    ws.close();

    const QStringList files = QDir(dir).entryList(QDir::Files);
    ASSERT_FALSE(files.isEmpty());
    QByteArray everything;
    for (const QString& name : files) {
        QFile f(QDir(dir).filePath(name));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        EXPECT_FALSE(all.contains(kToken.toUtf8())) << name.toStdString();
        EXPECT_FALSE(all.contains(kToken.toUtf8().toBase64())) << name.toStdString();
        everything += all;
    }
    // The scan looked at the data: what was stored is there in plain text.
    EXPECT_TRUE(everything.contains(c->uuid.toUtf8()));
    EXPECT_TRUE(everything.contains("hs_object_id"));
    EXPECT_TRUE(QFile::exists(path));
}
