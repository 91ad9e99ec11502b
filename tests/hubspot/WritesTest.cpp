// HubSpotConnector writes against the Sandbox CRM: batch create (with associations), update,
// upsert on the unique id property, archive, associate; one bad record isolated by multi-status
// (207) and by split-and-retry.
#include "HubSpotTestSupport.h"

#include "core/connectors/UniqueIdProperty.h"

#include <cmath>

using namespace hubspottest;

namespace {

CrmValues values(std::initializer_list<std::pair<const char*, const char*>> list) {
    CrmValues v;
    for (const auto& [k, val] : list)
        v.insert(QLatin1String(k), QString::fromUtf8(val));
    return v;
}

QString prop(const sandbox::hubspot::HubSpotRecord* r, const char* name) {
    return r ? r->properties.value(QLatin1String(name)) : QStringLiteral("<no record>");
}

} // namespace

TEST_F(HubSpotTest, CreatesRecordsInOneBatchWithResultsInInputOrder) {
    QList<CrmWriteInput> inputs;
    for (int i = 0; i < 100; ++i)
        inputs.append(
            input(QStringLiteral("company:%1").arg(i), values({{"name", "Co"}, {"domain", "co.example"}})));
    inputs[7].properties.insert(QStringLiteral("name"), QStringLiteral("Seventh"));
    const CrmResult<QList<CrmWriteResult>> r = m_crm->createRecords(RecordObject::Company, inputs);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r.value().size(), 100);
    for (int i = 0; i < 100; ++i) {
        const CrmWriteResult& w = r.value().at(i);
        EXPECT_EQ(w.ref, inputs.at(i).ref);
        EXPECT_TRUE(w.ok);
        EXPECT_TRUE(w.created);
        EXPECT_FALSE(w.id.isEmpty());
    }
    EXPECT_EQ(prop(record("companies", r.value().at(7).id), "name"), QStringLiteral("Seventh"));
    EXPECT_EQ(liveCount("companies"), 100);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/create")), 1);

    inputs.append(input(QStringLiteral("one too many"), values({{"name", "X"}})));
    EXPECT_EQ(m_crm->createRecords(RecordObject::Company, inputs).error().kind, CrmErrorKind::Validation);
    EXPECT_EQ(totalCalls(), 1);
}

TEST_F(HubSpotTest, CreatesContactsAssociatedWithTheirCompanyAtCreateTime) {
    const CrmResult<QList<CrmWriteResult>> co =
        m_crm->createRecords(RecordObject::Company, {input(QStringLiteral("c"), values({{"name", "Acme"}}))});
    ASSERT_TRUE(co.ok());
    const QString companyId = co.value().first().id;
    const CrmResult<QList<CrmWriteResult>> r =
        m_crm->createRecords(RecordObject::Contact,
                             {input(QStringLiteral("ann"),
                                    values({{"email", "ann@acme.com"}, {"firstname", "Ann"}}), {}, companyId),
                              input(QStringLiteral("solo"), values({{"email", "solo@acme.com"}}))});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_TRUE(r.value().at(0).ok && r.value().at(1).ok);
    const auto linked = store().associations(QStringLiteral("contacts"), r.value().at(0).id.toLongLong(),
                                             QStringLiteral("companies"));
    EXPECT_TRUE(linked.contains(companyId.toLongLong()));
    EXPECT_TRUE(store()
                    .associations(QStringLiteral("contacts"), r.value().at(1).id.toLongLong(),
                                  QStringLiteral("companies"))
                    .isEmpty());
    // No separate association call.
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v4/associations/contacts/companies/batch/associate/default")),
              0);
    EXPECT_EQ(totalCalls(), 2);
}

TEST_F(HubSpotTest, AssociatesWithoutRemovingEarlierAssociations) {
    const CrmResult<QList<CrmWriteResult>> cos =
        m_crm->createRecords(RecordObject::Company, {input(QStringLiteral("a"), values({{"name", "A"}})),
                                                     input(QStringLiteral("b"), values({{"name", "B"}}))});
    ASSERT_TRUE(cos.ok());
    const QString a = cos.value().at(0).id;
    const QString b = cos.value().at(1).id;
    const CrmResult<QList<CrmWriteResult>> contact = m_crm->createRecords(
        RecordObject::Contact, {input(QStringLiteral("x"), values({{"email", "x@a.com"}}), {}, a)});
    ASSERT_TRUE(contact.ok());
    const QString x = contact.value().first().id;

    const CrmResult<QList<CrmWriteResult>> r = m_crm->associate(
        {{QStringLiteral("x-b"), x, b}, {QStringLiteral("ghost"), QStringLiteral("987654"), a}});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_TRUE(r.value().at(0).ok);
    EXPECT_FALSE(r.value().at(1).ok);
    ASSERT_TRUE(r.value().at(1).error.has_value());
    EXPECT_EQ(r.value().at(1).error->kind, CrmErrorKind::NotFound);
    const CrmResult<QHash<QString, QStringList>> read = m_crm->readCompanyAssociations({x});
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(QSet<QString>(read.value().value(x).cbegin(), read.value().value(x).cend()),
              (QSet<QString>{a, b}));
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v4/associations/contacts/companies/batch/associate/default")),
              1);
}

TEST_F(HubSpotTest, UpdatesAndClearsValues) {
    const CrmResult<QList<CrmWriteResult>> c = m_crm->createRecords(
        RecordObject::Company, {input(QStringLiteral("c"), values({{"name", "Old"}, {"city", "Paris"}}))});
    ASSERT_TRUE(c.ok());
    const QString id = c.value().first().id;
    const CrmResult<QList<CrmWriteResult>> r = m_crm->updateRecords(
        RecordObject::Company, {input(QStringLiteral("c"), values({{"name", "New"}, {"city", ""}}), id)});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_TRUE(r.value().first().ok);
    EXPECT_FALSE(r.value().first().created);
    EXPECT_EQ(r.value().first().id, id);
    EXPECT_EQ(prop(record("companies", id), "name"), QStringLiteral("New"));
    EXPECT_FALSE(record("companies", id)->properties.contains(QStringLiteral("city")));
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/update")), 1);
}

TEST_F(HubSpotTest, UniqueIdPropertyNeedsConsentThenMakesUpsertsIdempotent) {
    CrmResult<QList<CrmProperty>> props = m_crm->fetchProperties(RecordObject::Company);
    ASSERT_TRUE(props.ok());
    const qint64 before = totalCalls();
    CrmResult<UniqueIdProperty::State> s =
        UniqueIdProperty::ensure(*m_crm, RecordObject::Company, props.value(), false);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s.value(), UniqueIdProperty::State::Missing);
    EXPECT_EQ(totalCalls(), before); // no consent: nothing asked, nothing created
    EXPECT_EQ(store().property(QStringLiteral("companies"), QStringLiteral("syncdesk_id")), nullptr);

    s = UniqueIdProperty::ensure(*m_crm, RecordObject::Company, props.value(), true);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(s.value(), UniqueIdProperty::State::Created);
    ASSERT_NE(store().property(QStringLiteral("companies"), QStringLiteral("syncdesk_id")), nullptr);
    EXPECT_TRUE(store().isUniqueProperty(QStringLiteral("companies"), QStringLiteral("syncdesk_id")));
    props = m_crm->fetchProperties(RecordObject::Company);
    ASSERT_TRUE(props.ok());
    s = UniqueIdProperty::ensure(*m_crm, RecordObject::Company, props.value(), true);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s.value(), UniqueIdProperty::State::Exists);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/properties/companies")), 1);

    const QList<CrmWriteInput> inputs{
        input(QStringLiteral("company:1"), values({{"name", "One"}}), QStringLiteral("sd-1")),
        input(QStringLiteral("company:2"), values({{"name", "Two"}}), QStringLiteral("sd-2"))};
    const CrmResult<QList<CrmWriteResult>> first =
        m_crm->upsertRecords(RecordObject::Company, QStringLiteral("syncdesk_id"), inputs);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    ASSERT_EQ(first.value().size(), 2);
    EXPECT_TRUE(first.value().at(0).ok && first.value().at(0).created);
    EXPECT_TRUE(first.value().at(1).ok && first.value().at(1).created);
    EXPECT_EQ(prop(record("companies", first.value().at(1).id), "syncdesk_id"), QStringLiteral("sd-2"));

    // Repeating it (a retry after a lost answer) creates nothing new.
    QList<CrmWriteInput> again = inputs;
    again[0].properties.insert(QStringLiteral("name"), QStringLiteral("One, renamed"));
    const CrmResult<QList<CrmWriteResult>> second =
        m_crm->upsertRecords(RecordObject::Company, QStringLiteral("syncdesk_id"), again);
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second.value().at(0).ok);
    EXPECT_FALSE(second.value().at(0).created);
    EXPECT_EQ(second.value().at(0).id, first.value().at(0).id);
    EXPECT_EQ(second.value().at(1).id, first.value().at(1).id);
    EXPECT_EQ(liveCount("companies"), 2);
    EXPECT_EQ(prop(record("companies", first.value().at(0).id), "name"), QStringLiteral("One, renamed"));
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/upsert")), 2);
}

TEST_F(HubSpotTest, UpsertingContactsByEmailAssociatesThemWithTheirCompany) {
    const CrmResult<QList<CrmWriteResult>> co =
        m_crm->createRecords(RecordObject::Company, {input(QStringLiteral("c"), values({{"name", "Acme"}}))});
    ASSERT_TRUE(co.ok());
    const QString companyId = co.value().first().id;
    const CrmResult<QList<CrmWriteResult>> r =
        m_crm->upsertRecords(RecordObject::Contact, QStringLiteral("email"),
                             {input(QStringLiteral("ann"), values({{"firstname", "Ann"}}),
                                    QStringLiteral("ann@acme.com"), companyId)});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_TRUE(r.value().first().ok) << r.value().first().error->message.toStdString();
    EXPECT_TRUE(r.value().first().created);
    const qint64 contactId = r.value().first().id.toLongLong();
    EXPECT_EQ(prop(record("contacts", r.value().first().id), "email"), QStringLiteral("ann@acme.com"));
    EXPECT_TRUE(store()
                    .associations(QStringLiteral("contacts"), contactId, QStringLiteral("companies"))
                    .contains(companyId.toLongLong()));
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/contacts/batch/upsert")), 1);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v4/associations/contacts/companies/batch/associate/default")),
              1);
}

TEST_F(HubSpotTest, UpsertByANonUniquePropertyFailsAsAWholeWithoutSplitting) {
    const CrmResult<QList<CrmWriteResult>> r =
        m_crm->upsertRecords(RecordObject::Company, QStringLiteral("domain"),
                             {input(QStringLiteral("a"), values({{"name", "A"}}), QStringLiteral("a.com")),
                              input(QStringLiteral("b"), values({{"name", "B"}}), QStringLiteral("b.com"))});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, CrmErrorKind::Validation);
    EXPECT_TRUE(r.error().hint.contains(QLatin1String("unique"))) << r.error().hint.toStdString();
    EXPECT_EQ(totalCalls(), 1);
}

TEST_F(HubSpotTest, ArchivesRecords) {
    const CrmResult<QList<CrmWriteResult>> c =
        m_crm->createRecords(RecordObject::Company, {input(QStringLiteral("a"), values({{"name", "A"}})),
                                                     input(QStringLiteral("b"), values({{"name", "B"}}))});
    ASSERT_TRUE(c.ok());
    const CrmResult<QList<CrmWriteResult>> r =
        m_crm->archiveRecords(RecordObject::Company, {c.value().at(0).id});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_TRUE(r.value().first().ok);
    EXPECT_EQ(record("companies", c.value().at(0).id), nullptr);
    EXPECT_NE(record("companies", c.value().at(1).id), nullptr);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/archive")), 1);
}

TEST_F(HubSpotTest, MultiStatusIsolatesOneInvalidOptionInABatch) {
    QList<CrmWriteInput> inputs;
    for (int i = 0; i < 5; ++i)
        inputs.append(input(QStringLiteral("company:%1").arg(i),
                            values({{"name", "Good"}, {"industry", "COMPUTER_SOFTWARE"}})));
    inputs[2].properties.insert(QStringLiteral("industry"), QStringLiteral("Biotech"));
    const CrmResult<QList<CrmWriteResult>> r = m_crm->createRecords(RecordObject::Company, inputs);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(r.value().at(i).ok, i != 2) << i;
    const std::optional<CrmError>& e = r.value().at(2).error;
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->kind, CrmErrorKind::Validation);
    EXPECT_EQ(e->httpStatus, 400);
    EXPECT_EQ(e->category, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(e->code, QStringLiteral("INVALID_OPTION"));
    EXPECT_EQ(e->field, QStringLiteral("industry"));
    EXPECT_TRUE(e->hint.contains(QLatin1String("value map"))) << e->hint.toStdString();
    EXPECT_TRUE(e->hint.contains(QLatin1String("Biotech"))) << e->hint.toStdString();
    EXPECT_EQ(liveCount("companies"), 4);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/create")), 1);
    EXPECT_EQ(callsWithStatus(207), 1);
}

TEST_F(HubSpotTest, SplitAndRetryIsolatesOneBadRecordWhenTheBatchIsRefusedAsAWhole) {
    HubSpotConnector::Options options;
    options.multiStatus = false; // HubSpot then refuses the whole batch for one bad input
    std::unique_ptr<HubSpotConnector> crm = connect(kToken, options);
    QList<CrmWriteInput> inputs;
    for (int i = 0; i < 8; ++i)
        inputs.append(
            input(QStringLiteral("company:%1").arg(i), values({{"name", "Good"}, {"industry", "RETAIL"}})));
    inputs[5].properties.insert(QStringLiteral("industry"), QStringLiteral("Biotech"));
    const CrmResult<QList<CrmWriteResult>> r = crm->createRecords(RecordObject::Company, inputs);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r.value().size(), 8);
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(r.value().at(i).ref, inputs.at(i).ref);
        EXPECT_EQ(r.value().at(i).ok, i != 5) << i;
    }
    ASSERT_TRUE(r.value().at(5).error.has_value());
    EXPECT_EQ(r.value().at(5).error->code, QStringLiteral("INVALID_OPTION"));
    EXPECT_EQ(liveCount("companies"), 7);
    // 8 refused -> [0..3] ok, [4..7] refused -> [4,5] refused, [6,7] ok -> [4] ok, [5] refused.
    EXPECT_EQ(crm->requestCount(), 7);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/create")), 7);
    EXPECT_EQ(callsWithStatus(400), 4);
}

TEST_F(HubSpotTest, SplitAndRetryCostsAboutTwoLogNRequestsForAFullBatch) {
    HubSpotConnector::Options options;
    options.multiStatus = false;
    std::unique_ptr<HubSpotConnector> crm = connect(kToken, options);
    QList<CrmWriteInput> inputs;
    for (int i = 0; i < 100; ++i)
        inputs.append(input(QStringLiteral("c%1").arg(i), values({{"name", "Good"}})));
    inputs[61].properties.insert(QStringLiteral("numberofemployees"), QStringLiteral("lots"));
    const CrmResult<QList<CrmWriteResult>> r = crm->createRecords(RecordObject::Company, inputs);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    int ok = 0;
    for (const CrmWriteResult& w : r.value())
        ok += w.ok ? 1 : 0;
    EXPECT_EQ(ok, 99);
    EXPECT_FALSE(r.value().at(61).ok);
    EXPECT_EQ(r.value().at(61).error->field, QStringLiteral("numberofemployees"));
    EXPECT_EQ(liveCount("companies"), 99);
    EXPECT_LE(crm->requestCount(), 1 + 2 * int(std::ceil(std::log2(100.0))));
}

TEST_F(HubSpotTest, ConflictOnAnExistingContactNamesTheExistingRecord) {
    const QString existing =
        addContact(QJsonObject{{QStringLiteral("email"), QStringLiteral("taken@acme.com")}});
    const QList<CrmWriteInput> inputs{input(QStringLiteral("new"), values({{"email", "fresh@acme.com"}})),
                                      input(QStringLiteral("dup"), values({{"email", "taken@acme.com"}}))};
    // Multi-status: a 207 with a CONFLICT error for the duplicate.
    const CrmResult<QList<CrmWriteResult>> r = m_crm->createRecords(RecordObject::Contact, inputs);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_TRUE(r.value().at(0).ok);
    ASSERT_TRUE(r.value().at(1).error.has_value());
    EXPECT_EQ(r.value().at(1).error->kind, CrmErrorKind::Duplicate);
    EXPECT_EQ(r.value().at(1).error->httpStatus, 409);
    EXPECT_TRUE(r.value().at(1).error->message.contains(existing));
    EXPECT_TRUE(r.value().at(1).error->hint.contains(existing)) << r.value().at(1).error->hint.toStdString();

    // All or nothing (no trace ids): the 409 refuses the batch; split-and-retry isolates it.
    HubSpotConnector::Options options;
    options.multiStatus = false;
    std::unique_ptr<HubSpotConnector> crm = connect(kToken, options);
    const CrmResult<QList<CrmWriteResult>> r2 = crm->createRecords(
        RecordObject::Contact, {input(QStringLiteral("other"), values({{"email", "other@acme.com"}})),
                                input(QStringLiteral("dup"), values({{"email", "taken@acme.com"}}))});
    ASSERT_TRUE(r2.ok()) << r2.error().message.toStdString();
    EXPECT_TRUE(r2.value().at(0).ok);
    ASSERT_TRUE(r2.value().at(1).error.has_value());
    EXPECT_EQ(r2.value().at(1).error->kind, CrmErrorKind::Duplicate);
    EXPECT_EQ(r2.value().at(1).error->category, QStringLiteral("CONFLICT"));
    EXPECT_EQ(liveCount("contacts"), 3);
}

TEST_F(HubSpotTest, UpdateOfAMissingRecordFailsThatRecordOnly) {
    const CrmResult<QList<CrmWriteResult>> c =
        m_crm->createRecords(RecordObject::Company, {input(QStringLiteral("a"), values({{"name", "A"}}))});
    ASSERT_TRUE(c.ok());
    const CrmResult<QList<CrmWriteResult>> r = m_crm->updateRecords(
        RecordObject::Company,
        {input(QStringLiteral("a"), values({{"name", "A2"}}), c.value().first().id),
         input(QStringLiteral("gone"), values({{"name", "X"}}), QStringLiteral("424242"))});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_TRUE(r.value().at(0).ok);
    ASSERT_TRUE(r.value().at(1).error.has_value());
    EXPECT_EQ(r.value().at(1).error->kind, CrmErrorKind::NotFound);
    EXPECT_EQ(r.value().at(1).id, QStringLiteral("424242"));
    EXPECT_EQ(prop(record("companies", c.value().first().id), "name"), QStringLiteral("A2"));
}
