// Lists v3: MANUAL lists and their members.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {
class SandboxListsApiTest : public SandboxTest {};
} // namespace

TEST_F(SandboxListsApiTest, CreateManualListAndAddMembers) {
    const QString a = createContact(props({{"email", "a@x.com"}}));
    const QString b = createContact(props({{"email", "b@x.com"}}));
    HttpReply r = post(QStringLiteral("/crm/v3/lists"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Rehearsal")},
                                   {QStringLiteral("objectTypeId"), QStringLiteral("0-1")},
                                   {QStringLiteral("processingType"), QStringLiteral("MANUAL")}});
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QJsonObject list = r.json().value(QStringLiteral("list")).toObject();
    const QString listId = list.value(QStringLiteral("listId")).toString();
    EXPECT_FALSE(listId.isEmpty());
    EXPECT_EQ(list.value(QStringLiteral("processingType")).toString(), QStringLiteral("MANUAL"));
    EXPECT_EQ(list.value(QStringLiteral("objectTypeId")).toString(), QStringLiteral("0-1"));

    r = put(QStringLiteral("/crm/v3/lists/%1/memberships/add").arg(listId),
            QJsonDocument(QJsonArray{a, b, QStringLiteral("31337")}).toJson());
    ASSERT_EQ(r.status, 200) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("recordsIdsAdded")).toArray().size(), 2);
    EXPECT_EQ(r.json().value(QStringLiteral("recordIdsMissing")).toArray()[0].toString(),
              QStringLiteral("31337"));
    r = put(QStringLiteral("/crm/v3/lists/%1/memberships/add").arg(listId),
            QJsonDocument(QJsonArray{a}).toJson());
    EXPECT_TRUE(r.json().value(QStringLiteral("recordsIdsAdded")).toArray().isEmpty()) << "already a member";

    r = get(QStringLiteral("/crm/v3/lists/%1/memberships").arg(listId));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().value(QStringLiteral("results")).toArray().size(), 2);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/lists/") + listId)
                  .json()
                  .value(QStringLiteral("list"))
                  .toObject()
                  .value(QStringLiteral("size"))
                  .toInt(),
              2);
    EXPECT_EQ(get(QStringLiteral("/crm/v3/lists/object-type-id/0-1/name/Rehearsal")).status, 200);

    r = put(QStringLiteral("/crm/v3/lists/%1/memberships/remove").arg(listId),
            QJsonDocument(QJsonArray{a}).toJson());
    EXPECT_EQ(r.json().value(QStringLiteral("recordIdsRemoved")).toArray().size(), 1);
    EXPECT_EQ(del(QStringLiteral("/crm/v3/lists/") + listId).status, 204);
    expectHubSpotError(get(QStringLiteral("/crm/v3/lists/") + listId), 404,
                       QStringLiteral("OBJECT_NOT_FOUND"));
}

TEST_F(SandboxListsApiTest, RefusesDuplicatesDynamicListsAndBadBodies) {
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Once")},
                           {QStringLiteral("objectTypeId"), QStringLiteral("0-2")},
                           {QStringLiteral("processingType"), QStringLiteral("MANUAL")}};
    ASSERT_EQ(post(QStringLiteral("/crm/v3/lists"), body).status, 200);
    const HttpReply dup = post(QStringLiteral("/crm/v3/lists"), body);
    expectHubSpotError(dup, 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(dup.json().value(QStringLiteral("subCategory")).toString(),
              QStringLiteral("ILS.DUPLICATE_LIST_NAMES"));
    QJsonObject dynamic = body;
    dynamic.insert(QStringLiteral("name"), QStringLiteral("Dyn"));
    dynamic.insert(QStringLiteral("processingType"), QStringLiteral("DYNAMIC"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/lists"), dynamic), 400,
                       QStringLiteral("VALIDATION_ERROR"));
    QJsonObject deals = body;
    deals.insert(QStringLiteral("name"), QStringLiteral("Deals"));
    deals.insert(QStringLiteral("objectTypeId"), QStringLiteral("0-3"));
    expectHubSpotError(post(QStringLiteral("/crm/v3/lists"), deals), 400, QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(put(QStringLiteral("/crm/v3/lists/424242/memberships/add"), "[]"), 404,
                       QStringLiteral("OBJECT_NOT_FOUND"));
}
