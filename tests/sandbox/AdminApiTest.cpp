// /_sandbox/: admin token, state dump and load, reset, seed, settings, request log, clock.
#include "SandboxTestSupport.h"

#include <QEventLoop>
#include <QTemporaryDir>

using namespace sandboxtest;

namespace {
class SandboxAdminApiTest : public SandboxTest {};
} // namespace

TEST_F(SandboxAdminApiTest, RefusedWithoutTheAdminToken) {
    HttpReply r = sendRequest(*m_nam, "GET", url(QStringLiteral("/_sandbox/state")), {}, {});
    EXPECT_EQ(r.status, 401);
    r = sendRequest(*m_nam, "GET", url(QStringLiteral("/_sandbox/state")), {},
                    m_server->accessToken().toUtf8());
    EXPECT_EQ(r.status, 403) << "the CRM token is not the admin token";
    r = sendRequest(*m_nam, "POST", url(QStringLiteral("/_sandbox/reset")), {}, "wrong");
    EXPECT_EQ(r.status, 403);
    QNetworkRequest request(url(QStringLiteral("/_sandbox/info")));
    request.setRawHeader("X-Sandbox-Admin-Token", m_server->adminToken().toUtf8());
    QNetworkReply* reply = m_nam->get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    EXPECT_EQ(admin("GET", QStringLiteral("/_sandbox/nothing")).status, 404);
}

TEST_F(SandboxAdminApiTest, RequestLogCountsPerEndpoint) {
    QList<RequestLogEntry> signalled;
    QObject::connect(m_server.get(), &SandboxServer::requestLogged,
                     [&](const RequestLogEntry& e) { signalled.append(e); });
    const QString a = createCompany(props({{"name", "A"}}));
    createCompany(props({{"name", "B"}}));
    get(QStringLiteral("/crm/v3/objects/companies/") + a);
    get(QStringLiteral("/crm/v3/objects/0-2/") + a); // object type id: same endpoint
    post(QStringLiteral("/crm/v3/objects/contacts/batch/upsert"),
         QJsonObject{{QStringLiteral("inputs"), QJsonArray()}});
    get(QStringLiteral("/crm/v3/objects/contacts"), QStringLiteral("bad-token"));
    admin("GET", QStringLiteral("/_sandbox/info")); // admin calls are not logged

    ASSERT_EQ(signalled.size(), 6) << "requestLogged fires for every CRM request";
    EXPECT_EQ(signalled.front().endpoint, QStringLiteral("POST /crm/v3/objects/companies"));
    EXPECT_TRUE(signalled.front().client.startsWith(QStringLiteral("private app ")));
    for (const RequestLogEntry& e : signalled)
        EXPECT_FALSE(e.client.contains(m_server->accessToken())) << "no token in the log";
    EXPECT_EQ(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    const HttpReply r = admin("GET", QStringLiteral("/_sandbox/log"));
    ASSERT_EQ(r.status, 200);
    const QJsonObject counts = r.json().value(QStringLiteral("counts")).toObject();
    EXPECT_EQ(counts.value(QStringLiteral("POST /crm/v3/objects/companies")).toInt(), 2);
    EXPECT_EQ(counts.value(QStringLiteral("GET /crm/v3/objects/companies/{objectId}")).toInt(), 2);
    EXPECT_EQ(counts.value(QStringLiteral("POST /crm/v3/objects/contacts/batch/upsert")).toInt(), 1);
    EXPECT_EQ(counts.value(QStringLiteral("GET /crm/v3/objects/contacts")).toInt(), 1);
    EXPECT_EQ(r.json().value(QStringLiteral("total")).toInt(), 6);
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("countsByStatus"))
                  .toObject()
                  .value(QStringLiteral("GET /crm/v3/objects/contacts"))
                  .toObject()
                  .value(QStringLiteral("401"))
                  .toInt(),
              1);
    const QJsonArray requests = r.json().value(QStringLiteral("requests")).toArray();
    ASSERT_EQ(requests.size(), 6);
    EXPECT_EQ(requests[0].toObject().value(QStringLiteral("status")).toInt(), 201);
    EXPECT_EQ(requests[5].toObject().value(QStringLiteral("status")).toInt(), 401);
    // since= pages through the log; DELETE clears it.
    const qint64 last = requests[4].toObject().value(QStringLiteral("seq")).toInteger();
    EXPECT_EQ(admin("GET", QStringLiteral("/_sandbox/log?since=%1").arg(last))
                  .json()
                  .value(QStringLiteral("requests"))
                  .toArray()
                  .size(),
              1);
    EXPECT_EQ(m_server->requestLog().count(QStringLiteral("POST /crm/v3/objects/companies")), 2);
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_sandbox/log")).status, 204);
    EXPECT_EQ(admin("GET", QStringLiteral("/_sandbox/log")).json().value(QStringLiteral("total")).toInt(), 0);
}

TEST_F(SandboxAdminApiTest, StateDumpLoadAndReset) {
    const QString company = createCompany(props({{"name", "Acme"}, {"domain", "acme.com"}}));
    const QString contact = createContact(props({{"email", "a@acme.com"}}));
    ASSERT_EQ(put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/default/companies/%2")
                      .arg(contact, company))
                  .status,
              200);
    post(QStringLiteral("/crm/v3/properties/companies"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("ext")},
                     {QStringLiteral("label"), QStringLiteral("Ext")},
                     {QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("fieldType"), QStringLiteral("text")},
                     {QStringLiteral("groupName"), QStringLiteral("companyinformation")},
                     {QStringLiteral("hasUniqueValue"), true}});
    const HttpReply dump = admin("GET", QStringLiteral("/_sandbox/state"));
    ASSERT_EQ(dump.status, 200);
    EXPECT_EQ(dump.json().value(QStringLiteral("format")).toString(),
              QStringLiteral("syncdesk-sandbox-state"));

    EXPECT_EQ(admin("POST", QStringLiteral("/_sandbox/reset")).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies/") + company).status, 404);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/properties/companies/ext")).status, 404);

    ASSERT_EQ(admin("PUT", QStringLiteral("/_sandbox/state"), dump.body).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies/") + company).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/properties/companies/ext")).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies").arg(contact))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              1);
    expectHubSpotError(post(QStringLiteral("/crm/v3/objects/contacts"),
                            QJsonObject{{QStringLiteral("properties"), props({{"email", "a@acme.com"}})}}),
                       409, QStringLiteral("CONFLICT"));
    // New ids continue after the loaded ones.
    EXPECT_GT(createCompany(props({{"name", "New"}})).toLongLong(), contact.toLongLong());
    // Loaded records are searchable at once.
    EXPECT_EQ(post(QStringLiteral("/crm/v3/objects/companies/search"),
                   QJsonObject{{QStringLiteral("query"), QStringLiteral("acme")}})
                  .json()
                  .value(QStringLiteral("total"))
                  .toInt(),
              1);
    EXPECT_EQ(admin("PUT", QStringLiteral("/_sandbox/state"), R"({"format":"other"})").status, 400);

    // Files.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QString error;
    ASSERT_TRUE(m_server->saveStateFile(path, &error)) << error.toStdString();
    SandboxServer other(initialSettings(), m_clock);
    ASSERT_TRUE(other.loadStateFile(path, &error)) << error.toStdString();
    EXPECT_EQ(other.hubspot().store().liveCount(QStringLiteral("companies")), 2);
    EXPECT_FALSE(other.loadStateFile(dir.filePath(QStringLiteral("missing.json")), &error));
}

TEST_F(SandboxAdminApiTest, SeedSettingsClockAndTokens) {
    const QByteArray seed = R"({
        "properties": {"companies": [{"name": "external_id", "label": "External id", "type": "string",
                                      "fieldType": "text", "groupName": "companyinformation", "hasUniqueValue": true}]},
        "companies": [{"name": "Acme", "domain": "acme.com", "external_id": "A-1"},
                      {"properties": {"name": "Beta", "domain": "beta.io"}}],
        "contacts": [{"email": "ann@acme.com", "firstname": "Ann", "associatedCompanies": [0]}]
    })";
    HttpReply r = admin("POST", QStringLiteral("/_sandbox/seed"), seed);
    ASSERT_EQ(r.status, 200) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("summary")).toObject().value(QStringLiteral("companies")).toInt(),
              2);
    const HttpReply found = get(QStringLiteral("/crm/v3/objects/companies/A-1?idProperty=external_id"));
    ASSERT_EQ(found.status, 200);
    const QString acme = found.json().value(QStringLiteral("id")).toString();
    EXPECT_EQ(get(QStringLiteral("/crm/v4/objects/companies/%1/associations/contacts").arg(acme))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              1);
    // A bad seed names the record and writes nothing.
    r = admin("POST", QStringLiteral("/_sandbox/seed"),
              R"({"contacts": [{"email": "ok@x.com"}, {"email": "broken"}]})");
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(
        r.json().value(QStringLiteral("message")).toString().startsWith(QStringLiteral("contacts[1]")));
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("contacts")), 1);

    // Settings round-trip and validation.
    r = admin("PATCH", QStringLiteral("/_sandbox/settings"),
              R"({"searchMaxLimit": 50, "indexLagMinMs": 0, "indexLagMaxMs": 0})");
    ASSERT_EQ(r.status, 200) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("searchMaxLimit")).toInt(), 50);
    EXPECT_EQ(
        post(QStringLiteral("/crm/v3/objects/companies/search"), QJsonObject{{QStringLiteral("limit"), 51}})
            .status,
        400);
    EXPECT_EQ(admin("PATCH", QStringLiteral("/_sandbox/settings"), R"({"noSuchSetting": 1})").status, 400);
    EXPECT_EQ(
        admin("PATCH", QStringLiteral("/_sandbox/settings"), R"({"indexLagMinMs": 5, "indexLagMaxMs": 1})")
            .status,
        400);
    EXPECT_FALSE(
        admin("GET", QStringLiteral("/_sandbox/settings")).json().contains(QStringLiteral("adminToken")));

    // The clock moves forward only.
    const qint64 before = m_server->nowMs();
    EXPECT_EQ(admin("POST", QStringLiteral("/_sandbox/clock"), R"({"advanceMs": 60000})").status, 200);
    EXPECT_EQ(m_server->nowMs(), before + 60000);
    EXPECT_EQ(admin("POST", QStringLiteral("/_sandbox/clock"), R"({"advanceMs": -1})").status, 400);

    // Tokens with scopes.
    r = admin("POST", QStringLiteral("/_sandbox/tokens"), R"({"scopes": ["crm.objects.companies.read"]})");
    ASSERT_EQ(r.status, 201);
    const QString token = r.json().value(QStringLiteral("token")).toString();
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies"), token).status, 200);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts"), token).status, 403);
}
