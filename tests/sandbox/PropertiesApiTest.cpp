// Properties v3: built-ins, create with validation, uniqueness limit, conflicts, update, archive.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {

class SandboxPropertiesApiTest : public SandboxTest {
protected:
    static QJsonObject definition(const char* name, const char* type, const char* fieldType,
                                  const char* group = "companyinformation") {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("label"), QLatin1String(name).toString().toUpper()},
                           {QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("fieldType"), QLatin1String(fieldType)},
                           {QStringLiteral("groupName"), QLatin1String(group)}};
    }
};

} // namespace

TEST_F(SandboxPropertiesApiTest, ListsBuiltInsWithReadOnlyMetadata) {
    const HttpReply r = get(QStringLiteral("/crm/v3/properties/companies"));
    ASSERT_EQ(r.status, 200);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& v : r.json().value(QStringLiteral("results")).toArray())
        byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    for (const char* name :
         {"name", "domain", "website", "industry", "numberofemployees", "country", "city", "description",
          "linkedin_company_page", "hs_object_id", "createdate", "hs_lastmodifieddate"})
        EXPECT_TRUE(byName.contains(QLatin1String(name))) << name;
    for (const char* name : {"hs_object_id", "createdate", "hs_lastmodifieddate"})
        EXPECT_TRUE(byName.value(QLatin1String(name))
                        .value(QStringLiteral("modificationMetadata"))
                        .toObject()
                        .value(QStringLiteral("readOnlyValue"))
                        .toBool())
            << name;
    EXPECT_FALSE(byName.value(QStringLiteral("domain")).value(QStringLiteral("hasUniqueValue")).toBool(true));
    EXPECT_EQ(byName.value(QStringLiteral("industry")).value(QStringLiteral("type")).toString(),
              QStringLiteral("enumeration"));
    EXPECT_FALSE(
        byName.value(QStringLiteral("industry")).value(QStringLiteral("options")).toArray().isEmpty());

    const HttpReply one = get(QStringLiteral("/crm/v3/properties/contacts/email"));
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(one.json().value(QStringLiteral("groupName")).toString(), QStringLiteral("contactinformation"));
    expectHubSpotError(get(QStringLiteral("/crm/v3/properties/contacts/nosuch")), 404,
                       QStringLiteral("OBJECT_NOT_FOUND"));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/properties/companies/groups")).status, 200);
}

TEST_F(SandboxPropertiesApiTest, CreateValidatesTypesAndOptions) {
    HttpReply r = post(QStringLiteral("/crm/v3/properties/companies"), definition("tier", "string", "text"));
    ASSERT_EQ(r.status, 201) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("tier"));
    EXPECT_FALSE(r.json().value(QStringLiteral("hubspotDefined")).toBool());
    // 409 for an existing name, custom or built-in.
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("tier", "string", "text")), 409,
        QStringLiteral("OBJECT_ALREADY_EXISTS"));
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("domain", "string", "text")), 409,
        QStringLiteral("OBJECT_ALREADY_EXISTS"));
    // type/fieldType pairs.
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("a1", "number", "text")), 400,
        QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("a2", "colour", "text")), 400,
        QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("a3", "datetime", "date")).status,
        201);
    EXPECT_EQ(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("a4", "bool", "booleancheckbox"))
            .status,
        201);
    // Required fields, names, groups.
    QJsonObject noLabel = definition("a5", "string", "text");
    noLabel.remove(QStringLiteral("label"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/properties/companies"), noLabel), 400,
                       QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("Bad Name", "string", "text")), 400,
        QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("a6", "string", "text", "nogroup")),
        400, QStringLiteral("VALIDATION_ERROR"));
    // Enumerations need options, and their values are checked on every write.
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/properties/companies"), definition("plan", "enumeration", "select")),
        400, QStringLiteral("VALIDATION_ERROR"));
    QJsonObject plan = definition("plan", "enumeration", "checkbox");
    plan.insert(QStringLiteral("options"),
                QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("Gold")},
                                       {QStringLiteral("value"), QStringLiteral("gold")}},
                           QJsonObject{{QStringLiteral("label"), QStringLiteral("Silver")},
                                       {QStringLiteral("value"), QStringLiteral("silver")}}});
    r = post(QStringLiteral("/crm/v3/properties/companies"), plan);
    ASSERT_EQ(r.status, 201) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("options")).toArray().size(), 2);
    EXPECT_EQ(
        post(QStringLiteral("/crm/v3/objects/companies"),
             QJsonObject{{QStringLiteral("properties"), props({{"plan", "gold;silver"}, {"a4", "true"}})}})
            .status,
        201);
    const HttpReply bad = post(QStringLiteral("/crm/v3/objects/companies"),
                               QJsonObject{{QStringLiteral("properties"), props({{"plan", "Gold"}})}});
    expectHubSpotError(bad, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_TRUE(
        bad.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("INVALID_OPTION")));
    const QString id = createCompany(props({{"name", "p"}}));
    expectHubSpotError(patch(QStringLiteral("/crm/v3/objects/companies/") + id,
                             QJsonObject{{QStringLiteral("properties"), props({{"a4", "maybe"}})}}),
                       400, QStringLiteral("VALIDATION_ERROR"));
    // Adding an option with PATCH makes the value valid.
    QJsonObject update{{QStringLiteral("options"),
                        QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("Gold")},
                                               {QStringLiteral("value"), QStringLiteral("Gold")}}}}};
    EXPECT_EQ(patch(QStringLiteral("/crm/v3/properties/companies/plan"), update).status, 200);
    EXPECT_EQ(patch(QStringLiteral("/crm/v3/objects/companies/") + id,
                    QJsonObject{{QStringLiteral("properties"), props({{"plan", "Gold"}})}})
                  .status,
              200);
    // Built-ins are read-only definitions; archive removes a custom one.
    expectHubSpotError(patch(QStringLiteral("/crm/v3/properties/companies/name"),
                             QJsonObject{{QStringLiteral("label"), QStringLiteral("X")}}),
                       400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(del(QStringLiteral("/crm/v3/properties/companies/tier")).status, 204);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/properties/companies/tier")).status, 404);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/properties/companies/tier?archived=true")).status, 200);
}

TEST_F(SandboxPropertiesApiTest, AtMostTenUniqueProperties) {
    for (int i = 0; i < 10; ++i) {
        QJsonObject d = definition("u", "string", "text");
        d.insert(QStringLiteral("name"), QStringLiteral("unique_%1").arg(i));
        d.insert(QStringLiteral("hasUniqueValue"), true);
        ASSERT_EQ(post(QStringLiteral("/crm/v3/properties/companies"), d).status, 201) << i;
    }
    QJsonObject d = definition("unique_10", "string", "text");
    d.insert(QStringLiteral("hasUniqueValue"), true);
    expectHubSpotError(post(QStringLiteral("/crm/v3/properties/companies"), d), 400,
                       QStringLiteral("VALIDATION_ERROR"));
    d.insert(QStringLiteral("hasUniqueValue"), false);
    EXPECT_EQ(post(QStringLiteral("/crm/v3/properties/companies"), d).status, 201)
        << "non-unique ones are not limited";
    // The limit is per object.
    QJsonObject c = definition("unique_contact", "string", "text", "contactinformation");
    c.insert(QStringLiteral("hasUniqueValue"), true);
    EXPECT_EQ(post(QStringLiteral("/crm/v3/properties/contacts"), c).status, 201);
    // And a setting.
    SandboxSettings s = initialSettings();
    s.maxUniqueProperties = 1;
    m_server->setSettings(s);
    c.insert(QStringLiteral("name"), QStringLiteral("unique_contact_2"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/properties/contacts"), c), 400,
                       QStringLiteral("VALIDATION_ERROR"));
}
