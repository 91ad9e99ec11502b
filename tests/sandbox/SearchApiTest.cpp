// CRM search: operators, sorts, paging, every limit, index lag, and the search rate limit.
#include "SandboxTestSupport.h"

using namespace sandboxtest;

namespace {

class SandboxSearchApiTest : public SandboxTest {
protected:
    QStringList ids(const HttpReply& r) {
        QStringList out;
        for (const QJsonValue& v : r.json().value(QStringLiteral("results")).toArray())
            out << v.toObject()
                       .value(QStringLiteral("properties"))
                       .toObject()
                       .value(QStringLiteral("name"))
                       .toString();
        return out;
    }
    HttpReply find(const QJsonArray& filters, const QJsonArray& sorts = {}) {
        QJsonObject body = search(QJsonArray{QJsonObject{{QStringLiteral("filters"), filters}}}, 100);
        if (!sorts.isEmpty())
            body.insert(QStringLiteral("sorts"), sorts);
        return post(QStringLiteral("/crm/v3/objects/companies/search"), body);
    }
    void seedCompanies() {
        createCompany(props(
            {{"name", "Alpha"}, {"domain", "alpha.com"}, {"numberofemployees", "10"}, {"city", "Berlin"}}));
        m_clock->advanceMs(1000);
        createCompany(props({{"name", "Beta"}, {"domain", "beta.io"}, {"numberofemployees", "200"}}));
        m_clock->advanceMs(1000);
        createCompany(props({{"name", "Gamma Labs"},
                             {"domain", "gamma.com"},
                             {"numberofemployees", "50"},
                             {"city", "Paris"},
                             {"industry", "COMPUTER_SOFTWARE"}}));
    }
};

} // namespace

// The census patterns of the company lookup (docs/sync-plan.md): '*' is any run of characters,
// matched against the whole value or one of its tokens, with backtracking.
TEST_F(SandboxSearchApiTest, ContainsTokenWildcards) {
    createCompany(props({{"name", "Scheme"}, {"domain", "https://www.acme.com/about"}}));
    createCompany(props({{"name", "Port"}, {"domain", "acme.io:8080"}}));
    createCompany(props({{"name", "Dot"}, {"domain", "acme.org."}}));
    createCompany(props({{"name", "Plain"}, {"domain", "acme.net"}}));
    createCompany(props({{"name", "Repeat"}, {"domain", "aab.abab.example"}}));
    m_clock->advanceMs(3000);
    const QJsonArray asc{QJsonObject{{QStringLiteral("propertyName"), QStringLiteral("name")},
                                     {QStringLiteral("direction"), QStringLiteral("ASCENDING")}}};
    const auto matching = [&](const char* pattern) {
        return ids(find({filter(QStringLiteral("domain"), QStringLiteral("CONTAINS_TOKEN"),
                                QString::fromLatin1(pattern))},
                        asc));
    };
    EXPECT_EQ(matching("http*"), QStringList{QStringLiteral("Scheme")});
    EXPECT_EQ(matching("*/*"), QStringList{QStringLiteral("Scheme")});
    EXPECT_EQ(matching("*:*"), (QStringList{QStringLiteral("Port"), QStringLiteral("Scheme")}));
    EXPECT_EQ(matching("*."), QStringList{QStringLiteral("Dot")});
    EXPECT_EQ(matching("acme*"), (QStringList{QStringLiteral("Dot"), QStringLiteral("Plain"),
                                              QStringLiteral("Port"), QStringLiteral("Scheme")}));
    EXPECT_EQ(matching("a*b*ab.example"), QStringList{QStringLiteral("Repeat")}) << "backtracking";
    EXPECT_EQ(matching("*cme.ne"), QStringList{}) << "anchored at both ends";
    EXPECT_EQ(matching("ACME.NET"), QStringList{QStringLiteral("Plain")}) << "ignores case";
}

TEST_F(SandboxSearchApiTest, Operators) {
    seedCompanies();
    const QJsonArray asc{QJsonObject{{QStringLiteral("propertyName"), QStringLiteral("name")},
                                     {QStringLiteral("direction"), QStringLiteral("ASCENDING")}}};
    EXPECT_EQ(ids(find({filter(QStringLiteral("domain"), QStringLiteral("EQ"), QStringLiteral("BETA.io"))})),
              QStringList{QStringLiteral("Beta")});
    EXPECT_EQ(
        ids(find({filter(QStringLiteral("domain"), QStringLiteral("NEQ"), QStringLiteral("beta.io"))}, asc)),
        (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma Labs")}));
    EXPECT_EQ(ids(find({filter(QStringLiteral("domain"), QStringLiteral("IN"),
                               QJsonArray{QStringLiteral("alpha.com"), QStringLiteral("gamma.com")})},
                       asc)),
              (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma Labs")}));
    EXPECT_TRUE(ids(find({filter(QStringLiteral("domain"), QStringLiteral("IN"),
                                 QJsonArray{QStringLiteral("ALPHA.COM")})}))
                    .isEmpty())
        << "IN compares string values in lower case";
    EXPECT_EQ(ids(find({filter(QStringLiteral("domain"), QStringLiteral("NOT_IN"),
                               QJsonArray{QStringLiteral("alpha.com"), QStringLiteral("gamma.com")})})),
              QStringList{QStringLiteral("Beta")});
    EXPECT_EQ(ids(find({filter(QStringLiteral("city"), QStringLiteral("HAS_PROPERTY"))}, asc)),
              (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma Labs")}));
    EXPECT_EQ(ids(find({filter(QStringLiteral("city"), QStringLiteral("NOT_HAS_PROPERTY"))})),
              QStringList{QStringLiteral("Beta")});
    EXPECT_EQ(
        ids(find({filter(QStringLiteral("name"), QStringLiteral("CONTAINS_TOKEN"), QStringLiteral("labs"))})),
        QStringList{QStringLiteral("Gamma Labs")});
    EXPECT_EQ(ids(find({filter(QStringLiteral("domain"), QStringLiteral("CONTAINS_TOKEN"),
                               QStringLiteral("*.com"))},
                       asc)),
              (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma Labs")}));
    EXPECT_EQ(ids(find({filter(QStringLiteral("name"), QStringLiteral("NOT_CONTAINS_TOKEN"),
                               QStringLiteral("labs"))},
                       asc)),
              (QStringList{QStringLiteral("Alpha"), QStringLiteral("Beta")}));
    EXPECT_EQ(
        ids(find({filter(QStringLiteral("numberofemployees"), QStringLiteral("GT"), QStringLiteral("50"))})),
        QStringList{QStringLiteral("Beta")});
    EXPECT_EQ(
        ids(find({filter(QStringLiteral("numberofemployees"), QStringLiteral("GTE"), QStringLiteral("50"))},
                 asc)),
        (QStringList{QStringLiteral("Beta"), QStringLiteral("Gamma Labs")}));
    EXPECT_EQ(
        ids(find({filter(QStringLiteral("numberofemployees"), QStringLiteral("LT"), QStringLiteral("50"))})),
        QStringList{QStringLiteral("Alpha")});
    EXPECT_EQ(
        ids(find({filter(QStringLiteral("numberofemployees"), QStringLiteral("LTE"), QStringLiteral("50"))},
                 asc)),
        (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma Labs")}));
    QJsonObject between =
        filter(QStringLiteral("numberofemployees"), QStringLiteral("BETWEEN"), QStringLiteral("20"));
    between.insert(QStringLiteral("highValue"), QStringLiteral("200"));
    EXPECT_EQ(ids(find({between}, asc)), (QStringList{QStringLiteral("Beta"), QStringLiteral("Gamma Labs")}));
    // Dates compare as instants; createdate accepts epoch milliseconds.
    const qint64 t0 = m_clock->nowMs() - 500;
    EXPECT_EQ(ids(find({filter(QStringLiteral("createdate"), QStringLiteral("GT"), QString::number(t0))})),
              QStringList{QStringLiteral("Gamma Labs")});
    // Filters in a group are ANDed, groups ORed.
    const HttpReply r =
        post(QStringLiteral("/crm/v3/objects/companies/search"),
             search({QJsonObject{{QStringLiteral("filters"),
                                  QJsonArray{filter(QStringLiteral("city"), QStringLiteral("EQ"),
                                                    QStringLiteral("berlin")),
                                             filter(QStringLiteral("numberofemployees"), QStringLiteral("GT"),
                                                    QStringLiteral("5"))}}},
                     QJsonObject{{QStringLiteral("filters"),
                                  QJsonArray{filter(QStringLiteral("industry"), QStringLiteral("EQ"),
                                                    QStringLiteral("COMPUTER_SOFTWARE"))}}}}));
    EXPECT_EQ(r.json().value(QStringLiteral("total")).toInt(), 2);
    // Free-text query and an unknown property.
    const HttpReply q = post(QStringLiteral("/crm/v3/objects/companies/search"),
                             QJsonObject{{QStringLiteral("query"), QStringLiteral("gam")}});
    EXPECT_EQ(ids(q), QStringList{QStringLiteral("Gamma Labs")});
    expectHubSpotError(find({filter(QStringLiteral("nosuch"), QStringLiteral("EQ"), QStringLiteral("x"))}),
                       400, QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(find({filter(QStringLiteral("name"), QStringLiteral("LIKE"), QStringLiteral("x"))}),
                       400, QStringLiteral("VALIDATION_ERROR"));
    // Search responses carry no rate-limit headers.
    EXPECT_FALSE(q.hasHeader("X-HubSpot-RateLimit-Remaining"));
}

TEST_F(SandboxSearchApiTest, SortsPropertiesAndPaging) {
    for (int i = 0; i < 7; ++i)
        createCompany(props({{"name", QByteArray("N" + QByteArray::number(i)).constData()},
                             {"numberofemployees", QByteArray::number(100 - i).constData()}}));
    QJsonObject body{
        {QStringLiteral("limit"), 3},
        {QStringLiteral("sorts"),
         QJsonArray{QJsonObject{{QStringLiteral("propertyName"), QStringLiteral("numberofemployees")},
                                {QStringLiteral("direction"), QStringLiteral("ASCENDING")}}}},
        {QStringLiteral("properties"),
         QJsonArray{QStringLiteral("name"), QStringLiteral("numberofemployees")}}};
    QStringList names;
    QString after;
    int pages = 0;
    do {
        if (!after.isEmpty())
            body.insert(QStringLiteral("after"), after);
        const HttpReply r = post(QStringLiteral("/crm/v3/objects/companies/search"), body);
        ASSERT_EQ(r.status, 200) << r.body.constData();
        EXPECT_EQ(r.json().value(QStringLiteral("total")).toInt(), 7);
        names << ids(r);
        const QJsonObject first = r.json().value(QStringLiteral("results")).toArray()[0].toObject();
        EXPECT_TRUE(first.value(QStringLiteral("properties"))
                        .toObject()
                        .contains(QStringLiteral("numberofemployees")));
        EXPECT_FALSE(first.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("domain")));
        after = r.json()
                    .value(QStringLiteral("paging"))
                    .toObject()
                    .value(QStringLiteral("next"))
                    .toObject()
                    .value(QStringLiteral("after"))
                    .toString();
        ++pages;
    } while (!after.isEmpty() && pages < 5);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(names, (QStringList{QStringLiteral("N6"), QStringLiteral("N5"), QStringLiteral("N4"),
                                  QStringLiteral("N3"), QStringLiteral("N2"), QStringLiteral("N1"),
                                  QStringLiteral("N0")}));
    // String sorts ("-name") work as well.
    const HttpReply r = post(QStringLiteral("/crm/v3/objects/companies/search"),
                             QJsonObject{{QStringLiteral("sorts"), QJsonArray{QStringLiteral("-name")}},
                                         {QStringLiteral("limit"), 1}});
    EXPECT_EQ(ids(r), QStringList{QStringLiteral("N6")});
}

TEST_F(SandboxSearchApiTest, FilterLimits) {
    const QString path = QStringLiteral("/crm/v3/objects/contacts/search");
    auto contactGroup = [](int filters) {
        QJsonArray fs;
        for (int i = 0; i < filters; ++i)
            fs.append(filter(QStringLiteral("firstname"), QStringLiteral("HAS_PROPERTY")));
        return QJsonObject{{QStringLiteral("filters"), fs}};
    };
    EXPECT_EQ(post(path, search({contactGroup(6), contactGroup(6), contactGroup(6)})).status, 200)
        << "18 in all is allowed";
    expectHubSpotError(
        post(path, search({contactGroup(6), contactGroup(6), contactGroup(6), contactGroup(1)})), 400,
        QStringLiteral("VALIDATION_ERROR"));
    expectHubSpotError(post(path, search({contactGroup(7)})), 400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(post(path, search({contactGroup(1), contactGroup(1), contactGroup(1), contactGroup(1),
                                 contactGroup(1)}))
                  .status,
              200);
    expectHubSpotError(post(path, search({contactGroup(1), contactGroup(1), contactGroup(1), contactGroup(1),
                                          contactGroup(1), contactGroup(1)})),
                       400, QStringLiteral("VALIDATION_ERROR"));
    EXPECT_EQ(post(path, search({}, 200)).status, 200);
    expectHubSpotError(post(path, search({}, 201)), 400, QStringLiteral("VALIDATION_ERROR"));
    // Body of at most 3000 characters.
    QJsonObject big{{QStringLiteral("query"), QString(2990, u'a')}};
    expectHubSpotError(post(path, big), 400, QStringLiteral("VALIDATION_ERROR"));
    big.insert(QStringLiteral("query"), QString(2950, u'a'));
    EXPECT_EQ(post(path, big).status, 200);
}

TEST_F(SandboxSearchApiTest, LimitsAreSettings) {
    SandboxSettings s = initialSettings();
    s.searchMaxFilterGroups = 1;
    s.searchMaxResults = 5;
    restart(s);
    for (int i = 0; i < 8; ++i)
        createCompany(props({{"name", "x"}}));
    const QString path = QStringLiteral("/crm/v3/objects/companies/search");
    const QJsonObject g{
        {QStringLiteral("filters"),
         QJsonArray{filter(QStringLiteral("name"), QStringLiteral("EQ"), QStringLiteral("x"))}}};
    expectHubSpotError(post(path, search({g, g})), 400, QStringLiteral("VALIDATION_ERROR"));
    // 10,000 (here 5) results at most: total tells the truth, paging stops, later pages are refused.
    HttpReply r =
        post(path, QJsonObject{{QStringLiteral("limit"), 3}, {QStringLiteral("after"), QStringLiteral("3")}});
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().value(QStringLiteral("total")).toInt(), 8);
    EXPECT_EQ(r.json().value(QStringLiteral("results")).toArray().size(), 2);
    EXPECT_FALSE(r.json().contains(QStringLiteral("paging")));
    expectHubSpotError(post(path, QJsonObject{{QStringLiteral("after"), QStringLiteral("5")}}), 400,
                       QStringLiteral("VALIDATION_ERROR"));
}

TEST_F(SandboxSearchApiTest, WritesReachSearchAfterTheIndexLag) {
    SandboxSettings s = initialSettings();
    s.indexLagMinMs = 1000;
    s.indexLagMaxMs = 2000;
    restart(s);
    const QString id = createCompany(props({{"name", "Lagging"}, {"domain", "lag.com"}}));
    const QJsonObject body = search({QJsonObject{
        {QStringLiteral("filters"),
         QJsonArray{filter(QStringLiteral("domain"), QStringLiteral("EQ"), QStringLiteral("lag.com"))}}}});
    const QString path = QStringLiteral("/crm/v3/objects/companies/search");
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 0) << "not yet indexed";
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/companies/") + id).status, 200)
        << "reads by id are immediate";
    m_clock->advanceMs(999);
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 0);
    m_clock->advanceMs(1001);
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 1);
    // An update is seen with the old value until indexed; an archive disappears after the lag.
    ASSERT_EQ(patch(QStringLiteral("/crm/v3/objects/companies/") + id,
                    QJsonObject{{QStringLiteral("properties"), props({{"domain", "moved.com"}})}})
                  .status,
              200);
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 1);
    m_clock->advanceMs(2000);
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 0);
    // The admin API can flush the index.
    createCompany(props({{"domain", "lag.com"}}));
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 0);
    EXPECT_EQ(admin("POST", QStringLiteral("/_sandbox/index/flush")).status, 200);
    EXPECT_EQ(post(path, body).json().value(QStringLiteral("total")).toInt(), 1);
}

TEST_F(SandboxSearchApiTest, FiveSearchesPerSecond) {
    SandboxSettings s = initialSettings();
    s.searchPerSecond = 5;
    restart(s);
    const QString path = QStringLiteral("/crm/v3/objects/contacts/search");
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(post(path, QJsonObject()).status, 200) << i;
    const HttpReply limited = post(path, QJsonObject());
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.json().value(QStringLiteral("policyName")).toString(), QStringLiteral("SECONDLY"));
    EXPECT_EQ(limited.json().value(QStringLiteral("errorType")).toString(), QStringLiteral("RATE_LIMIT"));
    EXPECT_EQ(get(QStringLiteral("/crm/v3/objects/contacts")).status, 200)
        << "other endpoints are not affected";
    m_clock->advanceMs(1000);
    EXPECT_EQ(post(path, QJsonObject()).status, 200);
}

TEST_F(SandboxSearchApiTest, ContactsByAssociatedCompany) {
    const QString company = createCompany(props({{"name", "Acme"}}));
    const QString contact = createContact(props({{"email", "a@acme.com"}}));
    createContact(props({{"email", "b@other.com"}}));
    ASSERT_EQ(put(QStringLiteral("/crm/v4/objects/contacts/%1/associations/default/companies/%2")
                      .arg(contact, company))
                  .status,
              200);
    const HttpReply r = post(QStringLiteral("/crm/v3/objects/contacts/search"),
                             search({QJsonObject{{QStringLiteral("filters"),
                                                  QJsonArray{filter(QStringLiteral("associations.company"),
                                                                    QStringLiteral("EQ"), company)}}}}));
    ASSERT_EQ(r.status, 200) << r.body.constData();
    ASSERT_EQ(r.json().value(QStringLiteral("total")).toInt(), 1);
    EXPECT_EQ(r.json()
                  .value(QStringLiteral("results"))
                  .toArray()[0]
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString(),
              contact);
}
