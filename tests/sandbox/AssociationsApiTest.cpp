// Associations v4 between contacts and companies.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {
class SandboxAssociationsApiTest : public SandboxTest {};
} // namespace

TEST_F(SandboxAssociationsApiTest, DefaultAssociationBothWays) {
    const QString company = createCompany(props({{"name", "Acme"}}));
    const QString contact = createContact(props({{"email", "a@acme.com"}}));
    const HttpReply r = put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/default/companies/%2")
                                .arg(contact, company));
    ASSERT_EQ(r.status, 200) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETE"));
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0]
                  .toObject()
                  .value(QStringLiteral("associationSpec"))
                  .toObject()
                  .value(QStringLiteral("associationTypeId"))
                  .toInt(),
              279);
    EXPECT_EQ(results[1]
                  .toObject()
                  .value(QStringLiteral("associationSpec"))
                  .toObject()
                  .value(QStringLiteral("associationTypeId"))
                  .toInt(),
              280);

    HttpReply read = get(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies").arg(contact));
    ASSERT_EQ(read.status, 200);
    QJsonArray linked = read.json().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(linked.size(), 1);
    EXPECT_EQ(linked[0].toObject().value(QStringLiteral("toObjectId")).toVariant().toString(), company);
    const QJsonObject type =
        linked[0].toObject().value(QStringLiteral("associationTypes")).toArray()[0].toObject();
    EXPECT_EQ(type.value(QStringLiteral("category")).toString(), QStringLiteral("HUBSPOT_DEFINED"));
    EXPECT_EQ(type.value(QStringLiteral("typeId")).toInt(), 279);
    EXPECT_TRUE(type.value(QStringLiteral("label")).isNull());
    read = get(QStringLiteral("/crm/v4/objects/companies/%1/associations/contacts").arg(company));
    linked = read.json().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(linked.size(), 1);
    EXPECT_EQ(linked[0]
                  .toObject()
                  .value(QStringLiteral("associationTypes"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("typeId"))
                  .toInt(),
              280);

    // Associating never removes earlier associations.
    const QString second = createCompany(props({{"name", "Second"}}));
    ASSERT_EQ(put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/default/companies/%2")
                      .arg(contact, second))
                  .status,
              200);
    EXPECT_EQ(get(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies").arg(contact))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              2);
    // Missing records.
    expectHubSpotError(
        put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/default/companies/777").arg(contact)),
        404, QStringLiteral("OBJECT_NOT_FOUND"));
    expectHubSpotError(
        put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/default/deals/1").arg(contact)), 400,
        QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxAssociationsApiTest, BatchAssociateDefaultAndBatchRead) {
    const QString c1 = createCompany(props({{"name", "One"}}));
    const QString c2 = createCompany(props({{"name", "Two"}}));
    const QString p1 = createContact(props({{"email", "1@x.com"}}));
    const QString p2 = createContact(props({{"email", "2@x.com"}}));
    const QString lonely = createContact(props({{"email", "3@x.com"}}));
    auto pair = [](const QString& from, const QString& to) {
        return QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), from}}},
                           {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), to}}}};
    };
    HttpReply r = post(QStringLiteral("/crm/v4/associations/contacts/companies/batch/associate/default"),
                       QJsonObject{{QStringLiteral("inputs"), QJsonArray{pair(p1, c1), pair(p2, c2),
                                                                         pair(p2, QStringLiteral("999"))}}});
    ASSERT_EQ(r.status, 200) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("results")).toArray().size(), 4);
    EXPECT_EQ(r.json().value(QStringLiteral("numErrors")).toInt(), 1);

    r = post(
        QStringLiteral("/crm/v4/associations/contacts/companies/batch/read"),
        QJsonObject{{QStringLiteral("inputs"), QJsonArray{QJsonObject{{QStringLiteral("id"), p1}},
                                                          QJsonObject{{QStringLiteral("id"), p2}},
                                                          QJsonObject{{QStringLiteral("id"), lonely}}}}});
    ASSERT_EQ(r.status, 207) << r.body.constData();
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(
        results[0].toObject().value(QStringLiteral("from")).toObject().value(QStringLiteral("id")).toString(),
        p1);
    EXPECT_EQ(results[0]
                  .toObject()
                  .value(QStringLiteral("to"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("toObjectId"))
                  .toVariant()
                  .toString(),
              c1);
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("errors"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("subCategory"))
                  .toString(),
              QStringLiteral("crm.associations.NO_ASSOCIATIONS_FOUND"));
}

TEST_F(SandboxAssociationsApiTest, PrimaryLabelAndRemoval) {
    const QString c1 = createCompany(props({{"name", "One"}}));
    const QString c2 = createCompany(props({{"name", "Two"}}));
    const QString p = createContact(props({{"email", "p@x.com"}}));
    auto primary =
        QJsonDocument(
            QJsonArray{QJsonObject{{QStringLiteral("associationCategory"), QStringLiteral("HUBSPOT_DEFINED")},
                                   {QStringLiteral("associationTypeId"), 1}}})
            .toJson();
    HttpReply r =
        put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies/%2").arg(p, c1), primary);
    ASSERT_EQ(r.status, 201) << r.body.constData();
    EXPECT_EQ(r.json().value(QStringLiteral("labels")).toArray()[0].toString(), QStringLiteral("Primary"));
    // A contact has one primary company: moving it keeps the unlabelled link to the first.
    ASSERT_EQ(put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies/%2").arg(p, c2), primary)
                  .status,
              201);
    const QJsonArray linked = get(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies").arg(p))
                                  .json()
                                  .value(QStringLiteral("results"))
                                  .toArray();
    ASSERT_EQ(linked.size(), 2);
    EXPECT_EQ(linked[0].toObject().value(QStringLiteral("associationTypes")).toArray().size(), 1);
    EXPECT_EQ(linked[1].toObject().value(QStringLiteral("associationTypes")).toArray().size(), 2);
    const QByteArray bad =
        QJsonDocument(
            QJsonArray{QJsonObject{{QStringLiteral("associationCategory"), QStringLiteral("HUBSPOT_DEFINED")},
                                   {QStringLiteral("associationTypeId"), 280}}})
            .toJson();
    expectHubSpotError(
        put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies/%2").arg(p, c2), bad), 400,
        QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(del(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies/%2").arg(p, c1)).status,
              204);
    EXPECT_EQ(get(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies").arg(p))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              1);
    // Archiving a company hides its associations.
    EXPECT_EQ(del(QStringLiteral("/crm/v3/objects/companies/") + c2).status, 204);
    EXPECT_TRUE(get(QStringLiteral("/crm/v4/objects/contacts/%1/associations/companies").arg(p))
                    .json()
                    .value(QStringLiteral("results"))
                    .toArray()
                    .isEmpty());
}

TEST_F(SandboxAssociationsApiTest, BatchCreateLabelledAndBatchArchive) {
    const QString company = createCompany(props({{"name", "One"}}));
    const QString p1 = createContact(props({{"email", "1@x.com"}}));
    const QString p2 = createContact(props({{"email", "2@x.com"}}));
    auto input = [&](const QString& from, int typeId) {
        return QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), from}}},
                           {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), company}}},
                           {QStringLiteral("types"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("associationCategory"), QStringLiteral("HUBSPOT_DEFINED")},
                                {QStringLiteral("associationTypeId"), typeId}}}}};
    };
    HttpReply r = post(QStringLiteral("/crm/v4/associations/contacts/companies/batch/create"),
                       QJsonObject{{QStringLiteral("inputs"), QJsonArray{input(p1, 1), input(p2, 279)}}});
    ASSERT_EQ(r.status, 201) << r.body.constData();
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("labels")).toArray()[0].toString(),
              QStringLiteral("Primary"));
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("fromObjectTypeId")).toString(),
              QStringLiteral("0-1"));
    EXPECT_EQ(get(QStringLiteral("/crm/v4/objects/companies/%1/associations/contacts").arg(company))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              2);
    // A wrong type id in one input: that input fails (207), the other is written.
    r = post(QStringLiteral("/crm/v4/associations/contacts/companies/batch/create"),
             QJsonObject{{QStringLiteral("inputs"), QJsonArray{input(p1, 279), input(p2, 280)}}});
    EXPECT_EQ(r.status, 207);
    EXPECT_EQ(r.json().value(QStringLiteral("numErrors")).toInt(), 1);

    r = post(
        QStringLiteral("/crm/v4/associations/contacts/companies/batch/archive"),
        QJsonObject{{QStringLiteral("inputs"),
                     QJsonArray{QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), p1}}},
                                            {QStringLiteral("to"),
                                             QJsonArray{QJsonObject{{QStringLiteral("id"), company}}}}}}}});
    EXPECT_EQ(r.status, 204);
    EXPECT_EQ(get(QStringLiteral("/crm/v4/objects/companies/%1/associations/contacts").arg(company))
                  .json()
                  .value(QStringLiteral("results"))
                  .toArray()
                  .size(),
              1);
}
