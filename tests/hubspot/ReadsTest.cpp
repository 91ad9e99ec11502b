// HubSpotConnector reads against the Sandbox CRM: properties, domain search, listing, reads by id,
// contacts by e-mail, associations; with the number of requests the sandbox saw.
#include "HubSpotTestSupport.h"

#include "core/connectors/LookupChunks.h"
#include "core/domain/DomainKey.h"
#include "core/mapping/Mapping.h"

#include <QJsonDocument>
#include <QSet>

using namespace hubspottest;
using namespace Qt::StringLiterals;

namespace {

QJsonObject company(const QString& name, const QString& domain) {
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("domain"), domain}};
}

QSet<QString> names(const QList<CrmRecord>& records) {
    QSet<QString> out;
    for (const CrmRecord& r : records)
        out.insert(r.value(QStringLiteral("name")));
    return out;
}

const CrmProperty* findProperty(const QList<CrmProperty>& list, const char* name) {
    for (const CrmProperty& p : list) {
        if (p.name == QLatin1String(name))
            return &p;
    }
    return nullptr;
}

} // namespace

TEST_F(HubSpotTest, FetchesPropertiesWithTypesOptionsAndReadOnlyFlags) {
    const CrmResult<QList<CrmProperty>> r = m_crm->fetchProperties(RecordObject::Company);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    const CrmProperty* name = findProperty(r.value(), "name");
    const CrmProperty* employees = findProperty(r.value(), "numberofemployees");
    const CrmProperty* industry = findProperty(r.value(), "industry");
    const CrmProperty* objectId = findProperty(r.value(), "hs_object_id");
    ASSERT_TRUE(name && employees && industry && objectId);
    EXPECT_EQ(name->type, CrmPropertyType::String);
    EXPECT_TRUE(name->isWritable());
    EXPECT_EQ(employees->type, CrmPropertyType::Number);
    EXPECT_EQ(industry->type, CrmPropertyType::Enumeration);
    EXPECT_TRUE(industry->hasOption(QStringLiteral("COMPUTER_SOFTWARE")));
    EXPECT_FALSE(industry->hasOption(QStringLiteral("Biotech")));
    EXPECT_FALSE(objectId->isWritable());
    EXPECT_EQ(calls(QStringLiteral("GET /crm/v3/properties/companies")), 1);

    const CrmResult<QList<CrmProperty>> contacts = m_crm->fetchProperties(RecordObject::Contact);
    ASSERT_TRUE(contacts.ok());
    EXPECT_NE(findProperty(contacts.value(), "email"), nullptr);
    EXPECT_EQ(calls(QStringLiteral("GET /crm/v3/properties/contacts")), 1);
    EXPECT_EQ(m_crm->requestCount(), 2);
}

TEST_F(HubSpotTest, CreatesAPropertyFromADefinition) {
    CrmProperty def;
    def.name = QStringLiteral("syncdesk_tier");
    def.label = QStringLiteral("Tier (SyncDesk)");
    def.type = CrmPropertyType::Enumeration;
    def.options = {{QStringLiteral("gold"), QStringLiteral("Gold")},
                   {QStringLiteral("silver"), QStringLiteral("Silver")}};
    const CrmResult<CrmProperty> created = m_crm->createProperty(RecordObject::Company, def);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    EXPECT_EQ(created.value().name, def.name);
    EXPECT_EQ(created.value().type, CrmPropertyType::Enumeration);
    EXPECT_TRUE(created.value().hasOption(QStringLiteral("gold")));
    ASSERT_NE(store().property(QStringLiteral("companies"), def.name), nullptr);

    // Again: 409, classified as a duplicate with a hint.
    const CrmResult<CrmProperty> again = m_crm->createProperty(RecordObject::Company, def);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, CrmErrorKind::Duplicate);
    EXPECT_EQ(again.error().httpStatus, 409);
    EXPECT_FALSE(again.error().hint.isEmpty());
}

TEST_F(HubSpotTest, SearchFindsBareDomainValuesAndTheCensusEveryOtherRawForm) {
    addCompany(company(QStringLiteral("Test"), QStringLiteral("test.com")));
    addCompany(company(QStringLiteral("Upper"), QStringLiteral("Upper.Example")));
    addCompany(company(QStringLiteral("Acme"), QStringLiteral("www.acme.io")));
    addCompany(company(QStringLiteral("Beta"), QStringLiteral("https://beta.org/")));
    addCompany(company(QStringLiteral("Gamma"), QStringLiteral("gamma.net/about")));
    addCompany(company(QStringLiteral("Delta"), QStringLiteral("delta.net:8080")));
    addCompany(company(QStringLiteral("Eps"), QStringLiteral("eps.net.")));
    addCompany(company(QStringLiteral("US Test"), QStringLiteral("us.test.com")));
    addCompany(company(QStringLiteral("Other"), QStringLiteral("other.com")));

    // Exact values: the bare hosts, whatever their case (HubSpot compares lower-cased values).
    const QStringList keys{QStringLiteral("test.com"), QStringLiteral("upper.example"),
                           QStringLiteral("acme.io"), QStringLiteral("beta.org")};
    const CrmResult<CrmPage> r =
        m_crm->searchCompaniesByDomain(keys, DomainPolicy::Host, {QStringLiteral("name")}, {});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(names(r.value().records), (QSet<QString>{QStringLiteral("Test"), QStringLiteral("Upper")}));
    EXPECT_TRUE(r.value().nextCursor.isEmpty());
    EXPECT_EQ(r.value().total, 2);
    for (const CrmRecord& rec : r.value().records) {
        // The domain property always comes back, so that the caller can normalise it.
        EXPECT_FALSE(rec.value(QStringLiteral("domain")).isEmpty());
        EXPECT_TRUE(rec.createdAt.isValid());
    }

    // The census (no keys): every value with a scheme, www., a path, a port or a trailing dot, in
    // one request of CONTAINS_TOKEN filter groups; no bare host.
    const CrmResult<CrmPage> census =
        m_crm->searchCompaniesByDomain({}, DomainPolicy::Host, {QStringLiteral("name")}, {});
    ASSERT_TRUE(census.ok()) << census.error().message.toStdString();
    EXPECT_EQ(names(census.value().records),
              (QSet<QString>{QStringLiteral("Acme"), QStringLiteral("Beta"), QStringLiteral("Gamma"),
                             QStringLiteral("Delta"), QStringLiteral("Eps")}));
    EXPECT_EQ(census.value().total, 5);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/search")), 2);
    EXPECT_EQ(totalCalls(), 2);
}

TEST_F(HubSpotTest, DomainChunksFillTheBodyLimitExactly) {
    // 1,000 keys of mixed lengths: each chunk's body (with the largest paging cursor) is within
    // 3,000 characters and 5 filter groups, and one more key would not fit.
    QStringList keys;
    for (int i = 0; i < 1000; ++i)
        keys.append(QStringLiteral("co%1.%2").arg(i).arg(i % 3 == 0 ? u"example"_s : u"io"_s));
    const QStringList properties =
        Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company).targetProperties();
    const std::optional<QList<QStringList>> chunks =
        m_crm->domainLookupChunks(keys, DomainPolicy::Host, properties);
    ASSERT_TRUE(chunks.has_value());
    ASSERT_GT(chunks->size(), 2);
    EXPECT_TRUE(chunks->constFirst().isEmpty()); // the census comes first
    const ConnectorFacts& f = m_crm->facts();
    const QString cursor = QString::number(f.maxSearchResults);
    const auto bodySize = [&](const QStringList& values) {
        return QJsonDocument(m_crm->domainSearchBody(values, properties, cursor))
            .toJson(QJsonDocument::Compact)
            .size();
    };
    qsizetype next = 0;
    for (qsizetype i = 1; i < chunks->size(); ++i) {
        const QStringList& chunk = chunks->at(i);
        EXPECT_EQ(chunk.constFirst(), keys.at(next)); // in order, nothing lost
        next += chunk.size();
        EXPECT_LE(bodySize(chunk), f.domainLookup.maxRequestChars);
        EXPECT_LE(chunk.size(), f.domainLookup.maxValues * f.maxFilterGroups);
        if (next < keys.size()) {
            EXPECT_GT(bodySize(chunk + QStringList{keys.at(next)}), f.domainLookup.maxRequestChars);
        }
        // The sandbox (HubSpot's limits) takes it.
        const CrmResult<CrmPage> r =
            m_crm->searchCompaniesByDomain(chunk, DomainPolicy::Host, properties, {});
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    }
    EXPECT_EQ(next, keys.size());
    EXPECT_EQ(callsWithStatus(400), 0);
}

TEST_F(HubSpotTest, SearchPagesThroughMoreThanOnePageOfCandidates) {
    QJsonArray many;
    for (int i = 0; i < 250; ++i)
        many.append(company(QStringLiteral("Big %1").arg(i), QStringLiteral("big.com")));
    seed(QJsonObject{{QStringLiteral("companies"), many}});

    QSet<QString> seen;
    QString cursor;
    int pages = 0;
    do {
        const CrmResult<CrmPage> r = m_crm->searchCompaniesByDomain(
            {QStringLiteral("big.com")}, DomainPolicy::Host, {QStringLiteral("name")}, cursor);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_LE(r.value().records.size(), m_crm->facts().searchPageSize);
        for (const CrmRecord& rec : r.value().records)
            seen.insert(rec.id);
        cursor = r.value().nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    EXPECT_EQ(seen.size(), 250);
    EXPECT_EQ(pages, 2); // 200 + 50
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/search")), 2);
}

TEST_F(HubSpotTest, SearchChunksFromTheFactsFitHubSpotsLimits) {
    // 60 long keys: domainLookupChunks splits them by the 100-value and 3,000-character limits;
    // every chunk must be accepted by the sandbox (which enforces HubSpot's limits).
    QStringList keys;
    for (int i = 0; i < 60; ++i)
        keys.append(QStringLiteral("a-rather-long-company-domain-name-%1.example.com").arg(i));
    addCompany(company(QStringLiteral("Hit"), QStringLiteral("https://www.") + keys.at(42) + u'/'));
    const QStringList properties{QStringLiteral("name"), QStringLiteral("domain")};
    const std::optional<QList<QStringList>> chunks =
        m_crm->domainLookupChunks(keys, DomainPolicy::Host, properties);
    ASSERT_TRUE(chunks.has_value());
    EXPECT_GT(chunks->size(), 1);
    QSet<QString> found;
    for (const QStringList& chunk : *chunks) {
        const CrmResult<CrmPage> r =
            m_crm->searchCompaniesByDomain(chunk, DomainPolicy::Host, properties, {});
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        for (const CrmRecord& rec : r.value().records)
            found.insert(rec.value(QStringLiteral("name")));
    }
    EXPECT_EQ(found, QSet<QString>{QStringLiteral("Hit")});
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/search")), chunks->size());
    EXPECT_EQ(callsWithStatus(400), 0);
}

TEST_F(HubSpotTest, SearchRefusesWhatItCannotServeWithoutARequest) {
    const CrmResult<CrmPage> registrable =
        m_crm->searchCompaniesByDomain({QStringLiteral("test.com")}, DomainPolicy::Registrable, {}, {});
    ASSERT_FALSE(registrable.ok());
    EXPECT_EQ(registrable.error().kind, CrmErrorKind::Validation);

    QStringList tooMany; // 600 values need 6 filter groups of 100; HubSpot takes 5
    for (int i = 0; i < 600; ++i)
        tooMany.append(QStringLiteral("k%1.com").arg(i));
    const CrmResult<CrmPage> big = m_crm->searchCompaniesByDomain(tooMany, DomainPolicy::Host, {}, {});
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().kind, CrmErrorKind::Validation);
    EXPECT_EQ(totalCalls(), 0);
}

TEST_F(HubSpotTest, ListsAllRecordsPageByPage) {
    QJsonArray many;
    for (int i = 0; i < 150; ++i)
        many.append(QJsonObject{{QStringLiteral("email"), QStringLiteral("p%1@list.test").arg(i)}});
    seed(QJsonObject{{QStringLiteral("contacts"), many}});
    QSet<QString> emails;
    QString cursor;
    int pages = 0;
    do {
        const CrmResult<CrmPage> r =
            m_crm->listRecords(RecordObject::Contact, {QStringLiteral("email")}, cursor);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        for (const CrmRecord& rec : r.value().records)
            emails.insert(rec.value(QStringLiteral("email")));
        cursor = r.value().nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    EXPECT_EQ(emails.size(), 150);
    EXPECT_TRUE(emails.contains(QStringLiteral("p149@list.test")));
    EXPECT_EQ(pages, 2);
    EXPECT_EQ(calls(QStringLiteral("GET /crm/v3/objects/contacts")), 2);
}

TEST_F(HubSpotTest, ReadsRecordsByIdAndLeavesMissingOnesOut) {
    const QString a = addCompany(company(QStringLiteral("A"), QStringLiteral("a.com")));
    const QString b = addCompany(company(QStringLiteral("B"), QStringLiteral("b.com")));
    const CrmResult<QList<CrmRecord>> r =
        m_crm->readRecords(RecordObject::Company, {a, QStringLiteral("999999"), b}, {QStringLiteral("name")});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(names(r.value()), (QSet<QString>{QStringLiteral("A"), QStringLiteral("B")}));
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/batch/read")), 1);

    QStringList tooMany;
    for (int i = 0; i < 101; ++i)
        tooMany.append(QString::number(i + 1));
    EXPECT_EQ(m_crm->readRecords(RecordObject::Company, tooMany, {}).error().kind, CrmErrorKind::Validation);
    EXPECT_EQ(totalCalls(), 1);
}

TEST_F(HubSpotTest, FindsContactsByEmailWithOneBatchRead) {
    addContact(QJsonObject{{QStringLiteral("email"), QStringLiteral("Ann@Acme.com")},
                           {QStringLiteral("firstname"), QStringLiteral("Ann")}});
    addContact(QJsonObject{{QStringLiteral("email"), QStringLiteral("bob@acme.com")}});
    const CrmResult<CrmPage> r =
        m_crm->findContactsByEmail({QStringLiteral("ann@acme.com"), QStringLiteral("nobody@acme.com")},
                                   {QStringLiteral("firstname")}, {});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r.value().records.size(), 1);
    EXPECT_EQ(r.value().records.first().value(QStringLiteral("email")), QStringLiteral("ann@acme.com"));
    EXPECT_EQ(r.value().records.first().value(QStringLiteral("firstname")), QStringLiteral("Ann"));
    EXPECT_TRUE(r.value().nextCursor.isEmpty());
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/contacts/batch/read")), 1);
    EXPECT_EQ(totalCalls(), 1);
}

TEST_F(HubSpotTest, ReadsContactCompanyAssociations) {
    seed(QJsonObject{
        {QStringLiteral("companies"), QJsonArray{company(QStringLiteral("A"), QStringLiteral("a.com")),
                                                 company(QStringLiteral("B"), QStringLiteral("b.com"))}},
        {QStringLiteral("contacts"),
         QJsonArray{QJsonObject{{QStringLiteral("email"), QStringLiteral("one@a.com")},
                                {QStringLiteral("associatedCompanies"), QJsonArray{0, 1}}},
                    QJsonObject{{QStringLiteral("email"), QStringLiteral("two@a.com")}}}}});
    QStringList contactIds;
    for (auto it = store().records(QStringLiteral("contacts")).cbegin();
         it != store().records(QStringLiteral("contacts")).cend(); ++it)
        contactIds.append(QString::number(it.key()));
    ASSERT_EQ(contactIds.size(), 2);
    const CrmResult<QHash<QString, QStringList>> r = m_crm->readCompanyAssociations(contactIds);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r.value().value(contactIds.at(0)).size(), 2);
    EXPECT_FALSE(r.value().contains(contactIds.at(1)));
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v4/associations/contacts/companies/batch/read")), 1);
}

TEST_F(HubSpotTest, CountsRecordsWithOneSearch) {
    for (int i = 0; i < 7; ++i)
        addCompany(company(QStringLiteral("C%1").arg(i), QStringLiteral("c%1.com").arg(i)));
    const CrmResult<qint64> r = m_crm->countRecords(RecordObject::Company);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r.value(), 7);
    EXPECT_EQ(calls(QStringLiteral("POST /crm/v3/objects/companies/search")), 1);
}
