// First start: no settings, no workspace. The app opens the default workspace with the sample
// data, starts the Sandbox CRM with its connection, and remembers all that for the next start.
#include "UiTestSupport.h"

#include "core/connectors/ConnectorFactory.h"
#include "core/import/CsvImporter.h"
#include "core/sandbox/SandboxServer.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/store/Workspace.h"
#include "ui/common/SandboxBadge.h"
#include "ui/companies/CompanyListModel.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class FirstStartTest : public UiTest {
protected:
    Setup setup() const override {
        Setup s;
        s.openWorkspace = false;
        s.createWindow = false;
        return s;
    }

    // What importing the sample files into an empty workspace gives.
    std::pair<qint64, qint64> sampleCounts() {
        std::unique_ptr<Workspace> ws = Workspace::open(dir.filePath(QStringLiteral("reference.sqlite")));
        EXPECT_TRUE(ws);
        CsvImporter importer(*ws);
        const ImportResult companies =
            importer.importFile(RecordObject::Company, sampleFile("companies.csv"));
        const ImportResult contacts = importer.importFile(RecordObject::Contact, sampleFile("contacts.csv"));
        EXPECT_TRUE(companies.completed && contacts.completed);
        return {CompanyStore(*ws).count(), ContactStore(*ws).count()};
    }

    void restart() {
        window.reset();
        context.reset();
        Setup s = setup();
        start(s);
    }
};

} // namespace

TEST_F(FirstStartTest, OpensTheSampleWorkspaceAndTheSandbox) {
    ASSERT_TRUE(settings->lastWorkspace().isEmpty());
    QString error;
    ASSERT_TRUE(context->openStartupWorkspace(&error)) << str(error);

    // The default workspace (under XDG_DATA_HOME, which the fixture points into its folder).
    EXPECT_EQ(context->workspace()->path(), Workspace::defaultPath());
    EXPECT_TRUE(Workspace::defaultPath().startsWith(dir.path()));
    EXPECT_EQ(settings->lastWorkspace(), Workspace::defaultPath());

    const auto [companies, contacts] = sampleCounts();
    ASSERT_GT(companies, 0);
    EXPECT_EQ(CompanyStore(*context->workspace()).count(), companies);
    EXPECT_EQ(ContactStore(*context->workspace()).count(), contacts);

    // The Sandbox CRM listens on loopback, seeded; its connection is there and active.
    ASSERT_NE(context->sandbox(), nullptr);
    EXPECT_TRUE(context->sandbox()->isListening());
    EXPECT_EQ(context->sandbox()->baseUrl().host(), QStringLiteral("127.0.0.1"));
    QFile seed(QStringLiteral(":/sandbox/seed.json"));
    ASSERT_TRUE(seed.open(QIODevice::ReadOnly));
    const qsizetype seeded =
        QJsonDocument::fromJson(seed.readAll()).object().value(QStringLiteral("companies")).toArray().size();
    ASSERT_GT(seeded, 0);
    const QJsonObject data = context->sandbox()
                                 ->stateJson()
                                 .value(QStringLiteral("hubspot"))
                                 .toObject()
                                 .value(QStringLiteral("data"))
                                 .toObject();
    EXPECT_EQ(
        data.value(QStringLiteral("objects")).toObject().value(QStringLiteral("companies")).toArray().size(),
        seeded);
    const std::optional<Connection> sandbox = context->sandboxConnection();
    ASSERT_TRUE(sandbox);
    EXPECT_EQ(sandbox->name, QStringLiteral("Sandbox"));
    EXPECT_EQ(sandbox->kind(), CrmKind::Sandbox);
    EXPECT_EQ(sandbox->baseUrl, context->sandbox()->baseUrl().toString());
    EXPECT_EQ(context->activeConnectionUuid(), sandbox->uuid);

    // Its token: reachable through the app's secret store, kept in memory only.
    const SecretResult token = context->secrets().read(SecretStore::connectionKey(sandbox->uuid));
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(ConnectorFactory::tokenFromSecret(token.value), context->sandbox()->accessToken());
    EXPECT_EQ(keychain, nullptr) << "the keychain was not even opened";

    // The window shows the list and the badge.
    window = std::make_unique<MainWindow>(*context);
    window->show();
    ASSERT_TRUE(waitForList());
    EXPECT_EQ(window->companyModel()->rowCount(), companies);
    auto* badge = find<SandboxBadge>(QStringLiteral("sandboxBadge"));
    ASSERT_NE(badge, nullptr);
    EXPECT_TRUE(badge->isVisible());
}

TEST_F(FirstStartTest, TheNextStartReusesWorkspaceAndConnection) {
    QString error;
    ASSERT_TRUE(context->openStartupWorkspace(&error)) << str(error);
    const qint64 companies = CompanyStore(*context->workspace()).count();
    const QString uuid = context->sandboxConnection()->uuid;
    const QString oldUrl = context->sandbox()->baseUrl().toString();
    const QString oldToken = context->sandbox()->accessToken();

    restart();
    ASSERT_TRUE(context->openStartupWorkspace(&error)) << str(error);
    EXPECT_EQ(context->workspace()->path(), Workspace::defaultPath());
    EXPECT_EQ(CompanyStore(*context->workspace()).count(), companies) << "no second import";
    EXPECT_EQ(ConnectionStore(*context->workspace()).list().size(), 1);
    const std::optional<Connection> sandbox = context->sandboxConnection();
    ASSERT_TRUE(sandbox);
    EXPECT_EQ(sandbox->uuid, uuid);
    EXPECT_EQ(sandbox->baseUrl, context->sandbox()->baseUrl().toString());
    EXPECT_NE(context->sandbox()->accessToken(), oldToken) << "a new token at every start";
    Q_UNUSED(oldUrl);
}

TEST_F(FirstStartTest, TheSandboxAccountIsKeptPerWorkspace) {
    QString error;
    ASSERT_TRUE(context->openStartupWorkspace(&error)) << str(error);
    QJsonObject seed{{QStringLiteral("companies"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Kept Ltd")},
                                             {QStringLiteral("domain"), QStringLiteral("kept.example")}}}}};
    ASSERT_TRUE(context->sandbox()->loadSeedJson(seed, &error)) << str(error);
    const QByteArray before = QJsonDocument(context->sandbox()->stateJson()).toJson();
    ASSERT_TRUE(before.contains("kept.example"));

    restart();
    ASSERT_TRUE(context->openStartupWorkspace(&error)) << str(error);
    EXPECT_TRUE(QJsonDocument(context->sandbox()->stateJson()).toJson().contains("kept.example"));

    // Another workspace gets an account of its own.
    ASSERT_TRUE(context->openWorkspace(dir.filePath(QStringLiteral("other.sqlite")), true, &error))
        << str(error);
    EXPECT_FALSE(QJsonDocument(context->sandbox()->stateJson()).toJson().contains("kept.example"));
    EXPECT_TRUE(context->sandboxConnection());
}

TEST_F(FirstStartTest, AMissingLastWorkspaceFallsBackToTheDefault) {
    settings->setLastWorkspace(dir.filePath(QStringLiteral("gone/away.sqlite")));
    QString error;
    ASSERT_TRUE(context->openStartupWorkspace(&error)) << str(error);
    EXPECT_EQ(context->workspace()->path(), Workspace::defaultPath());
}
