// CRM v3 objects: single-record endpoints, list paging, batches, upsert, validation and conflicts.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {

class SandboxObjectsApiTest : public SandboxTest {};

QJsonObject inputs(const QJsonArray& items) {
    return QJsonObject{{QStringLiteral("inputs"), items}};
}

QJsonObject input(const QJsonObject& properties) {
    return QJsonObject{{QStringLiteral("properties"), properties}};
}

} // namespace

TEST_F(SandboxObjectsApiTest, CreateGetPatchDeleteCompany) {
    const HttpReply created =
        post(QStringLiteral("/crm/v3/objects/companies"),
             input(props({{"name", "Acme"}, {"domain", "acme.com"}, {"numberofemployees", "25"}})));
    ASSERT_EQ(created.status, 201) << created.body.constData();
    const QJsonObject c = created.json();
    const QString id = c.value(QStringLiteral("id")).toString();
    bool numeric = false;
    id.toLongLong(&numeric);
    EXPECT_TRUE(numeric) << "record ids are numeric strings";
    EXPECT_FALSE(c.value(QStringLiteral("archived")).toBool(true));
    EXPECT_TRUE(c.value(QStringLiteral("createdAt")).toString().endsWith(u'Z'));
    const QJsonObject p = c.value(QStringLiteral("properties")).toObject();
    EXPECT_EQ(p.value(QStringLiteral("hs_object_id")).toString(), id);
    EXPECT_EQ(p.value(QStringLiteral("numberofemployees")).toString(), QStringLiteral("25"))
        << "values are strings";
    EXPECT_EQ(p.value(QStringLiteral("createdate")).toString(),
              c.value(QStringLiteral("createdAt")).toString());
    EXPECT_EQ(created.header("Content-Type"), QByteArray("application/json;charset=utf-8"));

    // GET: the default properties, null where unset; `properties` picks others.
    HttpReply read = get(QStringLiteral("/crm/v3/objects/companies/") + id);
    ASSERT_EQ(read.status, 200);
    QJsonObject rp = read.json().value(QStringLiteral("properties")).toObject();
    EXPECT_EQ(rp.value(QStringLiteral("name")).toString(), QStringLiteral("Acme"));
    EXPECT_TRUE(rp.contains(QStringLiteral("hs_lastmodifieddate")));
    EXPECT_FALSE(rp.contains(QStringLiteral("numberofemployees")));
    read = get(QStringLiteral("/crm/v3/objects/companies/%1?properties=numberofemployees,city").arg(id));
    rp = read.json().value(QStringLiteral("properties")).toObject();
    EXPECT_EQ(rp.value(QStringLiteral("numberofemployees")).toString(), QStringLiteral("25"));
    EXPECT_TRUE(rp.value(QStringLiteral("city")).isNull());
    EXPECT_TRUE(rp.contains(QStringLiteral("hs_object_id")));

    // PATCH an hour later: updatedAt and hs_lastmodifieddate move, createdAt does not.
    m_clock->advanceMs(3600 * 1000);
    const HttpReply patched = patch(QStringLiteral("/crm/v3/objects/companies/") + id,
                                    input(props({{"city", "Berlin"}, {"numberofemployees", ""}})));
    ASSERT_EQ(patched.status, 200) << patched.body.constData();
    const QJsonObject pp = patched.json().value(QStringLiteral("properties")).toObject();
    EXPECT_EQ(pp.value(QStringLiteral("city")).toString(), QStringLiteral("Berlin"));
    EXPECT_FALSE(pp.contains(QStringLiteral("numberofemployees"))) << "an empty string clears a value";
    EXPECT_NE(patched.json().value(QStringLiteral("updatedAt")), c.value(QStringLiteral("updatedAt")));
    EXPECT_EQ(patched.json().value(QStringLiteral("createdAt")), c.value(QStringLiteral("createdAt")));
    EXPECT_EQ(pp.value(QStringLiteral("hs_lastmodifieddate")),
              patched.json().value(QStringLiteral("updatedAt")));

    // History of a property.
    read = get(QStringLiteral("/crm/v3/objects/companies/%1?propertiesWithHistory=city").arg(id));
    EXPECT_EQ(read.json()
                  .value(QStringLiteral("propertiesWithHistory"))
                  .toObject()
                  .value(QStringLiteral("city"))
                  .toArray()
                  .size(),
              1);

    // DELETE archives: 204, then 404; archived=true still finds it.
    EXPECT_EQ(del(QStringLiteral("/crm/v3/objects/companies/") + id).status, 204);
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/companies/") + id), 404,
                       QStringLiteral("OBJECT_NOT_FOUND"));
    read = get(QStringLiteral("/crm/v3/objects/companies/%1?archived=true").arg(id));
    EXPECT_EQ(read.status, 200);
    EXPECT_TRUE(read.json().value(QStringLiteral("archived")).toBool());
    expectHubSpotError(
        patch(QStringLiteral("/crm/v3/objects/companies/") + id, input(props({{"city", "x"}}))), 404,
        QStringLiteral("OBJECT_NOT_FOUND"));
    EXPECT_EQ(del(QStringLiteral("/crm/v3/objects/companies/999999")).status, 204)
        << "archiving is idempotent";
}

TEST_F(SandboxObjectsApiTest, CompanyDomainIsNotUnique) {
    const QString a = createCompany(props({{"name", "A"}, {"domain", "same.com"}}));
    const QString b = createCompany(props({{"name", "B"}, {"domain", "same.com"}}));
    EXPECT_NE(a, b);
    const HttpReply r = post(QStringLiteral("/crm/v3/objects/companies/batch/upsert"),
                             inputs({QJsonObject{{QStringLiteral("id"), QStringLiteral("same.com")},
                                                 {QStringLiteral("idProperty"), QStringLiteral("domain")},
                                                 {QStringLiteral("properties"), props({{"name", "C"}})}}}));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_TRUE(r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("non-unique")));
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/companies/same.com?idProperty=domain")), 400,
                       QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxObjectsApiTest, ContactEmailIsUniqueAndLowerCased) {
    const QString id = createContact(props({{"email", "Ann@Example.COM"}, {"firstname", "Ann"}}));
    const HttpReply dup =
        post(QStringLiteral("/crm/v3/objects/contacts"), input(props({{"email", "ann@example.com"}})));
    expectHubSpotError(dup, 409, QStringLiteral("CONFLICT"));
    EXPECT_EQ(dup.json().value(QStringLiteral("message")).toString(),
              QStringLiteral("Contact already exists. Existing ID: ") + id);
    const HttpReply byEmail =
        get(QStringLiteral("/crm/v3/objects/contacts/ann@example.com?idProperty=email"));
    ASSERT_EQ(byEmail.status, 200);
    EXPECT_EQ(byEmail.json().value(QStringLiteral("id")).toString(), id);
    EXPECT_EQ(byEmail.json()
                  .value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("email"))
                  .toString(),
              QStringLiteral("ann@example.com"));
    // PATCH by idProperty; changing another contact's email onto an existing one conflicts.
    EXPECT_EQ(patch(QStringLiteral("/crm/v3/objects/contacts/ann@example.com?idProperty=email"),
                    input(props({{"lastname", "Lee"}})))
                  .status,
              200);
    const QString other = createContact(props({{"email", "bob@example.com"}}));
    expectHubSpotError(patch(QStringLiteral("/crm/v3/objects/contacts/") + other,
                             input(props({{"email", "ann@example.com"}}))),
                       409, QStringLiteral("CONFLICT"));
    // A deleted contact frees its email.
    EXPECT_EQ(del(QStringLiteral("/crm/v3/objects/contacts/") + id).status, 204);
    EXPECT_EQ(
        post(QStringLiteral("/crm/v3/objects/contacts"), input(props({{"email", "ann@example.com"}}))).status,
        201);
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/objects/contacts"), input(props({{"email", "not-an-email"}}))), 400,
        QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxObjectsApiTest, PropertyValidationOnWrite) {
    // Unknown, read-only, enumeration, number, date.
    HttpReply r = post(QStringLiteral("/crm/v3/objects/companies"), input(props({{"nosuchproperty", "x"}})));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_TRUE(r.json()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("Property values were not valid: ")));
    EXPECT_TRUE(r.json()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("PROPERTY_DOESNT_EXIST")));
    for (const char* readOnly : {"hs_object_id", "createdate", "hs_lastmodifieddate"}) {
        r = post(QStringLiteral("/crm/v3/objects/companies"), input(props({{readOnly, "1"}})));
        expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
        EXPECT_TRUE(
            r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("READ_ONLY_VALUE")))
            << readOnly;
    }
    r = post(QStringLiteral("/crm/v3/objects/companies"), input(props({{"industry", "Software"}})));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_TRUE(
        r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("INVALID_OPTION")));
    EXPECT_EQ(
        post(QStringLiteral("/crm/v3/objects/companies"), input(props({{"industry", "COMPUTER_SOFTWARE"}})))
            .status,
        201);
    r = post(QStringLiteral("/crm/v3/objects/companies"), input(props({{"lifecyclestage", "Customer"}})));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    r = post(QStringLiteral("/crm/v3/objects/companies"), input(props({{"numberofemployees", "many"}})));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    // Numbers and booleans in JSON are accepted and stored as strings.
    r = post(
        QStringLiteral("/crm/v3/objects/companies"),
        QJsonObject{{QStringLiteral("properties"), QJsonObject{{QStringLiteral("numberofemployees"), 12}}}});
    ASSERT_EQ(r.status, 201);
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("numberofemployees"))
                  .toString(),
              QStringLiteral("12"));
    // Malformed JSON.
    r = call("POST", QStringLiteral("/crm/v3/objects/companies"), "{\"properties\": ");
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_TRUE(r.json()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("Invalid input JSON")));
    // Unknown object type.
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/widgets")), 400,
                       QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxObjectsApiTest, ListPagesWithAfterAndLimit) {
    QStringList ids;
    for (int i = 0; i < 25; ++i)
        ids << createCompany(props({{"name", QByteArray("C" + QByteArray::number(i)).constData()}}));
    QStringList seen;
    QString after;
    int pages = 0;
    do {
        const HttpReply r = get(QStringLiteral("/crm/v3/objects/companies?limit=10") +
                                (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
        ASSERT_EQ(r.status, 200);
        for (const QJsonValue& v : r.json().value(QStringLiteral("results")).toArray())
            seen << v.toObject().value(QStringLiteral("id")).toString();
        after = r.json()
                    .value(QStringLiteral("paging"))
                    .toObject()
                    .value(QStringLiteral("next"))
                    .toObject()
                    .value(QStringLiteral("after"))
                    .toString();
        ++pages;
    } while (!after.isEmpty() && pages < 10);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen, ids);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies"))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              10)
        << "default limit 10";
    expectHubSpotError(get(QStringLiteral("/crm/v3/objects/companies?limit=101")), 400,
                       QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies?limit=100")).status, 200);
}

TEST_F(SandboxObjectsApiTest, AssociationsGivenAtCreate) {
    const QString company = createCompany(props({{"name", "Acme"}}));
    QJsonObject body = input(props({{"email", "c@acme.com"}}));
    body.insert(
        QStringLiteral("associations"),
        QJsonArray{QJsonObject{
            {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), company}}},
            {QStringLiteral("types"), QJsonArray{QJsonObject{{QStringLiteral("associationCategory"),
                                                              QStringLiteral("HUBSPOT_DEFINED")},
                                                             {QStringLiteral("associationTypeId"), 279}}}}}});
    const HttpReply r = post(QStringLiteral("/crm/v3/objects/contacts"), body);
    ASSERT_EQ(r.status, 201) << r.body.constData();
    const QString contact = r.json().value(QStringLiteral("id")).toString();
    const HttpReply read =
        get(QStringLiteral("/crm/v3/objects/contacts/%1?associations=companies").arg(contact));
    const QJsonArray linked = read.json()
                                  .value(QStringLiteral("associations"))
                                  .toObject()
                                  .value(QStringLiteral("companies"))
                                  .toObject()
                                  .value(QStringLiteral("results"))
                                  .toArray();
    ASSERT_EQ(linked.size(), 1);
    EXPECT_EQ(linked[0].toObject().value(QStringLiteral("id")).toString(), company);
    EXPECT_EQ(
        get(QStringLiteral("/crm/v3/objects/companies/%1?properties=num_associated_contacts").arg(company))
            .json()
            .value(QStringLiteral("properties"))
            .toObject()
            .value(QStringLiteral("num_associated_contacts"))
            .toString(),
        QStringLiteral("1"));
    // A bad type id or a missing target fails the create.
    body = input(props({{"email", "d@acme.com"}}));
    body.insert(QStringLiteral("associations"),
                QJsonArray{QJsonObject{{QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), company}}},
                                       {QStringLiteral("types"),
                                        QJsonArray{QJsonObject{{QStringLiteral("associationCategory"),
                                                                QStringLiteral("HUBSPOT_DEFINED")},
                                                               {QStringLiteral("associationTypeId"), 4}}}}}});
    expectHubSpotError(post(QStringLiteral("/crm/v3/objects/contacts"), body), 400,
                       QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxObjectsApiTest, BatchCreateReadUpdateArchive) {
    QJsonArray items;
    for (int i = 0; i < 3; ++i)
        items.append(
            input(props({{"email", QByteArray("p" + QByteArray::number(i) + "@x.com").constData()}})));
    HttpReply r = post(QStringLiteral("/crm/v3/objects/contacts/batch/create"), inputs(items));
    ASSERT_EQ(r.status, 201) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETE"));
    EXPECT_TRUE(r.json().contains(QStringLiteral("startedAt")));
    EXPECT_TRUE(r.json().contains(QStringLiteral("completedAt")));
    QStringList ids;
    for (const QJsonValue& v : r.json().value(QStringLiteral("results")).toArray())
        ids << v.toObject().value(QStringLiteral("id")).toString();
    ASSERT_EQ(ids.size(), 3);

    // Read by id and by email; a missing id comes back as a 207 OBJECT_NOT_FOUND error.
    r = post(QStringLiteral("/crm/v3/objects/contacts/batch/read"),
             QJsonObject{{QStringLiteral("inputs"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), ids[0]}},
                                     QJsonObject{{QStringLiteral("id"), QStringLiteral("424242")}}}},
                         {QStringLiteral("properties"), QJsonArray{QStringLiteral("email")}}});
    ASSERT_EQ(r.status, 207) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("results")).toArray().size(), 1);
    EXPECT_EQ(r.json().value(QStringLiteral("numErrors")).toInt(), 1);
    const QJsonObject error = r.json().value(QStringLiteral("errors")).toArray()[0].toObject();
    EXPECT_EQ(error.value(QStringLiteral("category")).toString(), QStringLiteral("OBJECT_NOT_FOUND"));
    EXPECT_EQ(error.value(QStringLiteral("context"))
                  .toObject()
                  .value(QStringLiteral("ids"))
                  .toArray()[0]
                  .toString(),
              QStringLiteral("424242"));
    r = post(QStringLiteral("/crm/v3/objects/contacts/batch/read"),
             QJsonObject{{QStringLiteral("idProperty"), QStringLiteral("email")},
                         {QStringLiteral("inputs"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("P1@x.com")}}}}});
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("results"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString(),
              ids[1]);

    // Update.
    r = post(QStringLiteral("/crm/v3/objects/contacts/batch/update"),
             inputs({QJsonObject{{QStringLiteral("id"), ids[0]},
                                 {QStringLiteral("properties"), props({{"firstname", "Zed"}})}},
                     QJsonObject{{QStringLiteral("id"), QStringLiteral("p2@x.com")},
                                 {QStringLiteral("idProperty"), QStringLiteral("email")},
                                 {QStringLiteral("properties"), props({{"firstname", "Yan"}})}}}));
    ASSERT_EQ(r.status, 200) << r.body.constData();
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts/") + ids[2])
                  .json()
                  .value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("firstname"))
                  .toString(),
              QStringLiteral("Yan"));
    // Duplicate ids and missing ids fail the whole batch.
    r = post(QStringLiteral("/crm/v3/objects/contacts/batch/update"),
             inputs({QJsonObject{{QStringLiteral("id"), ids[0]},
                                 {QStringLiteral("properties"), props({{"firstname", "A"}})}},
                     QJsonObject{{QStringLiteral("id"), ids[0]},
                                 {QStringLiteral("properties"), props({{"firstname", "B"}})}}}));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_TRUE(r.json()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("Duplicate IDs found in batch input")));
    r = post(QStringLiteral("/crm/v3/objects/contacts/batch/update"),
             inputs({QJsonObject{{QStringLiteral("id"), ids[1]},
                                 {QStringLiteral("properties"), props({{"firstname", "Q"}})}},
                     QJsonObject{{QStringLiteral("id"), QStringLiteral("5555")},
                                 {QStringLiteral("properties"), props({{"firstname", "B"}})}}}));
    expectHubSpotError(r, 404, QStringLiteral("OBJECT_NOT_FOUND"));
    EXPECT_NE(get(QStringLiteral("/crm/v3/objects/contacts/%1?properties=firstname").arg(ids[1]))
                  .json()
                  .value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("firstname"))
                  .toString(),
              QStringLiteral("Q"))
        << "a failed batch writes nothing";

    // Archive.
    r = post(
        QStringLiteral("/crm/v3/objects/contacts/batch/archive"),
        inputs({QJsonObject{{QStringLiteral("id"), ids[0]}}, QJsonObject{{QStringLiteral("id"), ids[1]}}}));
    EXPECT_EQ(r.status, 204);
    EXPECT_TRUE(r.body.isEmpty());
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts/") + ids[0]).status, 404);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts?archived=true"))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              2);
}

TEST_F(SandboxObjectsApiTest, OneBadInputFailsTheWholeBatchWithoutTraceIds) {
    const HttpReply r =
        post(QStringLiteral("/crm/v3/objects/companies/batch/create"),
             inputs({input(props({{"name", "Good"}})), input(props({{"industry", "Nope"}}))}));
    expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("companies")), 0);
    // Contacts: one existing email fails the batch with 409.
    const QString existing = createContact(props({{"email", "e@x.com"}}));
    const HttpReply conflict =
        post(QStringLiteral("/crm/v3/objects/contacts/batch/create"),
             inputs({input(props({{"email", "new@x.com"}})), input(props({{"email", "e@x.com"}}))}));
    expectHubSpotError(conflict, 409, QStringLiteral("CONFLICT"));
    EXPECT_EQ(conflict.json().value(QStringLiteral("message")).toString(),
              QStringLiteral("Contact already exists. Existing ID: ") + existing);
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("contacts")), 1);
}

TEST_F(SandboxObjectsApiTest, TraceIdsOptIntoMultiStatus) {
    auto traced = [](const QJsonObject& properties, const char* trace) {
        QJsonObject o = input(properties);
        o.insert(QStringLiteral("objectWriteTraceId"), QLatin1String(trace));
        return o;
    };
    const HttpReply r =
        post(QStringLiteral("/crm/v3/objects/companies/batch/create"),
             inputs({traced(props({{"name", "Good"}}), "t1"), traced(props({{"industry", "Nope"}}), "t2"),
                     traced(props({{"name", "Good too"}}), "t3")}));
    ASSERT_EQ(r.status, 207) << r.body.constData();
    const QJsonObject body = r.json();
    EXPECT_EQ(body.value(QStringLiteral("numErrors")).toInt(), 1);
    EXPECT_EQ(body.value(QStringLiteral("results")).toArray().size(), 2);
    EXPECT_EQ(body.value(QStringLiteral("results"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("objectWriteTraceId"))
                  .toString(),
              QStringLiteral("t1"));
    const QJsonObject error = body.value(QStringLiteral("errors")).toArray()[0].toObject();
    EXPECT_EQ(error.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    EXPECT_EQ(error.value(QStringLiteral("category")).toString(), QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(error.value(QStringLiteral("context"))
                  .toObject()
                  .value(QStringLiteral("objectWriteTraceId"))
                  .toArray()[0]
                  .toString(),
              QStringLiteral("t2"));
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("companies")), 2);

    // All good with trace ids: a plain 201.
    EXPECT_EQ(post(QStringLiteral("/crm/v3/objects/companies/batch/create"),
                   inputs({traced(props({{"name", "X"}}), "t9")}))
                  .status,
              201);
}

TEST_F(SandboxObjectsApiTest, BatchLimitIsEnforced) {
    QJsonArray items;
    for (int i = 0; i < 101; ++i)
        items.append(input(props({{"name", "n"}})));
    for (const char* op : {"create", "update", "upsert", "read", "archive"}) {
        const HttpReply r =
            post(QStringLiteral("/crm/v3/objects/companies/batch/") + QLatin1String(op), inputs(items));
        expectHubSpotError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    }
    items.removeLast();
    EXPECT_EQ(post(QStringLiteral("/crm/v3/objects/companies/batch/create"), inputs(items)).status, 201);
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("companies")), 100);
}

TEST_F(SandboxObjectsApiTest, UpsertByEmailAndByUniqueProperty) {
    const QString existing = createContact(props({{"email", "old@x.com"}, {"firstname", "Old"}}));
    HttpReply r = post(QStringLiteral("/crm/v3/objects/contacts/batch/upsert"),
                       inputs({QJsonObject{{QStringLiteral("id"), QStringLiteral("OLD@x.com")},
                                           {QStringLiteral("idProperty"), QStringLiteral("email")},
                                           {QStringLiteral("properties"), props({{"firstname", "Updated"}})}},
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("new@x.com")},
                                           {QStringLiteral("idProperty"), QStringLiteral("email")},
                                           {QStringLiteral("properties"), props({{"firstname", "New"}})}}}));
    ASSERT_EQ(r.status, 200) << r.body.constData();
    QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("id")).toString(), existing);
    EXPECT_FALSE(results[0].toObject().value(QStringLiteral("new")).toBool(true));
    EXPECT_TRUE(results[1].toObject().value(QStringLiteral("new")).toBool());
    EXPECT_EQ(results[1]
                  .toObject()
                  .value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("email"))
                  .toString(),
              QStringLiteral("new@x.com"));

    // A company property created with hasUniqueValue works as idProperty.
    ASSERT_EQ(post(QStringLiteral("/crm/v3/properties/companies"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("external_id")},
                               {QStringLiteral("label"), QStringLiteral("External id")},
                               {QStringLiteral("type"), QStringLiteral("string")},
                               {QStringLiteral("fieldType"), QStringLiteral("text")},
                               {QStringLiteral("groupName"), QStringLiteral("companyinformation")},
                               {QStringLiteral("hasUniqueValue"), true}})
                  .status,
              201);
    auto upsertCompany = [&](const char* ext, const char* name) {
        return post(QStringLiteral("/crm/v3/objects/companies/batch/upsert"),
                    inputs({QJsonObject{{QStringLiteral("id"), QLatin1String(ext)},
                                        {QStringLiteral("idProperty"), QStringLiteral("external_id")},
                                        {QStringLiteral("properties"), props({{"name", name}})}}}));
    };
    r = upsertCompany("ext-1", "First");
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QString companyId = r.json()
                                  .value(QStringLiteral("results"))
                                  .toArray()[0]
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
    EXPECT_TRUE(r.json()
                    .value(QStringLiteral("results"))
                    .toArray()[0]
                    .toObject()
                    .value(QStringLiteral("new"))
                    .toBool());
    r = upsertCompany("ext-1", "Renamed");
    results = r.json().value(QStringLiteral("results")).toArray();
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("id")).toString(), companyId);
    EXPECT_FALSE(results[0].toObject().value(QStringLiteral("new")).toBool(true));
    EXPECT_EQ(m_server->hubspot().store().liveCount(QStringLiteral("companies")), 1);
    // A unique value cannot be given to a second record.
    expectHubSpotError(
        post(QStringLiteral("/crm/v3/objects/companies"), input(props({{"external_id", "ext-1"}}))), 409,
        QStringLiteral("CONFLICT"));
    // Duplicate ids in one upsert.
    expectHubSpotError(post(QStringLiteral("/crm/v3/objects/contacts/batch/upsert"),
                            inputs({QJsonObject{{QStringLiteral("id"), QStringLiteral("a@x.com")},
                                                {QStringLiteral("idProperty"), QStringLiteral("email")},
                                                {QStringLiteral("properties"), QJsonObject()}},
                                    QJsonObject{{QStringLiteral("id"), QStringLiteral("A@x.com")},
                                                {QStringLiteral("idProperty"), QStringLiteral("email")},
                                                {QStringLiteral("properties"), QJsonObject()}}})),
                       400, QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxObjectsApiTest, UnknownEndpointsAndMethods) {
    expectHubSpotError(get(QStringLiteral("/crm/v3/nothing/here")), 404, QStringLiteral("OBJECT_NOT_FOUND"));
    // A path that exists for another method: 405.
    expectHubSpotError(call("GET", QStringLiteral("/crm/v3/objects/companies/batch/create")), 405,
                       QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(call("PUT", QStringLiteral("/crm/v3/objects/companies")), 405,
                       QStringLiteral("VALIDATION_ERROR"));
}
