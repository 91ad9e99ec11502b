// End-to-end: `syncdesk-cli connection ...` as a real process, against an in-process Sandbox CRM
// and a real (private) keychain (PRODUCT.md "Headless", docs/connections.md).
#include "CliSandboxFixture.h"

#include "core/auth/KeychainSecretStore.h"

using namespace clitest;

namespace {

QStringList args(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* a : list)
        out.append(QString::fromUtf8(a));
    return out;
}

QJsonObject byName(const QJsonArray& list, const QString& name) {
    for (const QJsonValue& v : list) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class ConnectionCommand : public CliSandboxTest {};

TEST_F(ConnectionCommand, AddStoresTheTokenInTheKeychainAndTestUsesIt) {
    const CliRun add = addSandbox(QStringLiteral("Box"));
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    EXPECT_TRUE(add.out.contains(QLatin1String("token stored in the keychain"))) << add.out.toStdString();

    // The secret sits in the keychain under service "SyncDesk", key connection/<uuid>.
    const QJsonObject listed = byName(listJson(), QStringLiteral("Box"));
    ASSERT_FALSE(listed.isEmpty());
    const QString uuid = listed.value(QStringLiteral("id")).toString();
    ASSERT_FALSE(uuid.isEmpty());
    EXPECT_EQ(listed.value(QStringLiteral("type")).toString(), QStringLiteral("sandbox"));
    EXPECT_EQ(listed.value(QStringLiteral("base_url")).toString(), baseUrl());
    EXPECT_EQ(listed.value(QStringLiteral("match_policy")).toString(), QStringLiteral("host"));
    syncdesk::KeychainSecretStore keychain;
    const syncdesk::SecretResult stored = keychain.read(syncdesk::SecretStore::connectionKey(uuid));
    ASSERT_TRUE(stored.ok()) << stored.errorText.toStdString();
    EXPECT_TRUE(stored.value.contains(kToken));

    const CliRun test = run(args({"connection", "test", "Box"}));
    EXPECT_EQ(test.exitCode, 0) << test.err.toStdString();
    EXPECT_TRUE(test.out.contains(QLatin1String("the token is accepted")));
    EXPECT_TRUE(test.out.contains(QLatin1String("ok\tcrm.objects.contacts.write")));
    EXPECT_TRUE(test.out.contains(QLatin1String("All required scopes are granted.")));
    EXPECT_EQ(calls(QStringLiteral("GET /crm/v3/objects/companies")), 1);
    EXPECT_EQ(m_server->requestLog().total(), 8);

    const CliRun plain = run(args({"connection", "list"}));
    EXPECT_EQ(plain.exitCode, 0);
    EXPECT_TRUE(plain.out.contains(QStringLiteral("Box\tsandbox\t") + baseUrl()));
}

TEST_F(ConnectionCommand, ANewConnectionGetsTheDefaultMappings) {
    ASSERT_EQ(addSandbox(QStringLiteral("Box")).exitCode, 0);
    const CliRun companies = run(args({"mapping", "export", "Box"}));
    ASSERT_EQ(companies.exitCode, 0) << companies.err.toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(companies.out.toUtf8()).object();
    EXPECT_EQ(doc.value(QStringLiteral("object")).toString(), QStringLiteral("companies"));
    EXPECT_EQ(doc.value(QStringLiteral("crm")).toString(), QStringLiteral("sandbox"));
    QStringList pairs;
    for (const QJsonValue& row : doc.value(QStringLiteral("rows")).toArray())
        pairs.append(row.toObject().value(QStringLiteral("field")).toString() + u'>' +
                     row.toObject()
                         .value(QStringLiteral("targets"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("property"))
                         .toString());
    EXPECT_EQ(pairs,
              (QStringList{QStringLiteral("name>name"), QStringLiteral("website>domain"),
                           QStringLiteral("employees>numberofemployees"), QStringLiteral("country>country"),
                           QStringLiteral("city>city"), QStringLiteral("description>description"),
                           QStringLiteral("linkedin_url>linkedin_company_page")}));
    const CliRun contacts = run(args({"mapping", "export", "Box", "--object", "contacts"}));
    ASSERT_EQ(contacts.exitCode, 0);
    EXPECT_TRUE(contacts.out.contains(QLatin1String("\"jobtitle\"")));
}

TEST_F(ConnectionCommand, MissingScopesAreNamedAndExitWithThree) {
    ASSERT_EQ(addSandbox(QStringLiteral("Box")).exitCode, 0);
    const QString narrow = secret(m_server->hubspot().issueToken(
        {QStringLiteral("crm.objects.companies.read"), QStringLiteral("crm.objects.companies.write"),
         QStringLiteral("crm.schemas.companies.read"), QStringLiteral("crm.schemas.contacts.read")},
        0, QStringLiteral("pat-na1-cli-narrow-token-77")));
    const CliRun replace = run(args({"connection", "token", "Box", "--token-stdin"}), narrow.toUtf8());
    ASSERT_EQ(replace.exitCode, 0) << replace.err.toStdString();

    const CliRun test = run(args({"connection", "test", "Box"}));
    EXPECT_EQ(test.exitCode, 3) << test.err.toStdString();
    EXPECT_TRUE(test.err.contains(QLatin1String("crm.objects.contacts.read, crm.objects.contacts.write")))
        << test.err.toStdString();
    EXPECT_TRUE(test.out.contains(QLatin1String("MISSING\tcrm.objects.contacts.write")));
    EXPECT_TRUE(test.err.contains(QLatin1String("warning: the token lacks crm.schemas.companies.write")));

    const CliRun json = run(args({"connection", "test", "Box", "--json"}));
    EXPECT_EQ(json.exitCode, 3);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_FALSE(o.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(o.value(QStringLiteral("missing_scopes")).toArray().size(), 2);
}

TEST_F(ConnectionCommand, ARefusedTokenExitsWithThreeAndAHint) {
    ASSERT_EQ(addSandbox(QStringLiteral("Box"), QStringLiteral("pat-na1-wrong-token-000000")).exitCode, 0);
    const CliRun test = run(args({"connection", "test", "Box"}));
    EXPECT_EQ(test.exitCode, 3);
    EXPECT_TRUE(test.err.contains(QLatin1String("INVALID_AUTHENTICATION"))) << test.err.toStdString();
    EXPECT_TRUE(test.err.contains(QLatin1String("hint:")));
    EXPECT_TRUE(test.err.contains(QLatin1String("correlation id")));
}

TEST_F(ConnectionCommand, TokenEnvIsUsedForOneRunAndNeverStored) {
    const CliRun add =
        run(args({"connection", "add", "Box", "--type", "sandbox", "--base-url"}) + QStringList{baseUrl()});
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    EXPECT_TRUE(add.out.contains(QLatin1String("no token stored")));

    QProcessEnvironment env;
    env.insert(QStringLiteral("SD_TOKEN"), secret(kToken));
    const CliRun withEnv = run(args({"connection", "test", "Box", "--token-env", "SD_TOKEN"}), {}, env);
    EXPECT_EQ(withEnv.exitCode, 0) << withEnv.err.toStdString();

    const CliRun without = run(args({"connection", "test", "Box"}));
    EXPECT_EQ(without.exitCode, 3);
    EXPECT_TRUE(without.err.contains(QLatin1String("No token is stored"))) << without.err.toStdString();

    const CliRun unset = run(args({"connection", "test", "Box", "--token-env", "SD_NOT_SET"}));
    EXPECT_EQ(unset.exitCode, 2);
    EXPECT_TRUE(unset.err.contains(QLatin1String("SD_NOT_SET")));
}

TEST_F(ConnectionCommand, RemoveDeletesTheConnectionAndItsSecret) {
    ASSERT_EQ(addSandbox(QStringLiteral("Box")).exitCode, 0);
    const QString uuid = byName(listJson(), QStringLiteral("Box")).value(QStringLiteral("id")).toString();
    syncdesk::KeychainSecretStore keychain;
    ASSERT_TRUE(keychain.read(syncdesk::SecretStore::connectionKey(uuid)).ok());

    const CliRun remove = run(args({"connection", "remove", "Box"}));
    EXPECT_EQ(remove.exitCode, 0) << remove.err.toStdString();
    EXPECT_EQ(keychain.read(syncdesk::SecretStore::connectionKey(uuid)).status,
              syncdesk::SecretStatus::NotFound);
    EXPECT_TRUE(listJson().isEmpty());
    const CliRun again = run(args({"connection", "remove", "Box"}));
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(QLatin1String("no connection named")));
}

TEST_F(ConnectionCommand, SalesforceConnectionsAreStoredButSayTheyCannotBeUsedYet) {
    const CliRun add = run(args({"connection", "add", "SF", "--type", "salesforce"}));
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    EXPECT_TRUE(add.out.contains(QLatin1String("cannot talk to Salesforce yet")));
    EXPECT_EQ(byName(listJson(), QStringLiteral("SF")).value(QStringLiteral("match_policy")).toString(),
              QStringLiteral("registrable"));
    const CliRun test = run(args({"connection", "test", "SF"}));
    EXPECT_EQ(test.exitCode, 2);
    EXPECT_TRUE(test.err.contains(QLatin1String("Salesforce"))) << test.err.toStdString();
    EXPECT_EQ(m_server->requestLog().total(), 0);
}

TEST_F(ConnectionCommand, UsageAndConfigurationErrorsExitWithTwo) {
    EXPECT_EQ(run(args({"connection"})).exitCode, 2);
    EXPECT_EQ(run(args({"connection", "frobnicate"})).exitCode, 2);
    const CliRun noType = run(args({"connection", "add", "X"}));
    EXPECT_EQ(noType.exitCode, 2);
    EXPECT_TRUE(noType.err.contains(QLatin1String("--type")));
    EXPECT_EQ(run(args({"connection", "add", "X", "--type", "pipedrive"})).exitCode, 2);
    const CliRun noUrl = run(args({"connection", "add", "X", "--type", "sandbox"}));
    EXPECT_EQ(noUrl.exitCode, 2);
    EXPECT_TRUE(noUrl.err.contains(QLatin1String("--base-url")));
    EXPECT_EQ(run(args({"connection", "add", "X", "--type", "hubspot", "--base-url", "ftp://nope"})).exitCode,
              2);
    ASSERT_EQ(addSandbox(QStringLiteral("Box")).exitCode, 0);
    const CliRun dup = run(args({"connection", "add", "box", "--type", "hubspot"}));
    EXPECT_EQ(dup.exitCode, 2);
    EXPECT_TRUE(dup.err.contains(QLatin1String("already exists")));
    const CliRun unknown = run(args({"connection", "test", "Nope"}));
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QLatin1String("connections: Box"))) << unknown.err.toStdString();
    const CliRun emptyToken =
        run(args({"connection", "add", "Y", "--type", "hubspot", "--token-stdin"}), "\n");
    EXPECT_EQ(emptyToken.exitCode, 2);
    EXPECT_EQ(listJson().size(), 1);
}

TEST_F(ConnectionCommand, WithoutAKeychainNothingIsStoredAndTokenEnvIsSuggested) {
    QProcessEnvironment noBus;
    noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=/nonexistent/syncdesk-no-bus"));
    noBus.insert(QStringLiteral("DISPLAY"), QString());
    const CliRun add = run(args({"connection", "add", "Box", "--type", "sandbox", "--base-url"}) +
                               QStringList{baseUrl(), QStringLiteral("--token-stdin")},
                           secret(kToken).toUtf8(), noBus);
    EXPECT_EQ(add.exitCode, 2);
    EXPECT_TRUE(add.err.contains(QLatin1String("--token-env"))) << add.err.toStdString();
    EXPECT_TRUE(listJson().isEmpty()); // no connection without its token

    // --token-env does not need the keychain at all.
    ASSERT_EQ(
        run(args({"connection", "add", "Box", "--type", "sandbox", "--base-url"}) + QStringList{baseUrl()},
            {}, noBus)
            .exitCode,
        0);
    QProcessEnvironment env = noBus;
    env.insert(QStringLiteral("SD_TOKEN"), kToken);
    const CliRun test = run(args({"connection", "test", "Box", "--token-env", "SD_TOKEN"}), {}, env);
    EXPECT_EQ(test.exitCode, 0) << test.err.toStdString();
}
