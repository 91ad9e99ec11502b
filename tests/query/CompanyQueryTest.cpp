#include "QueryTestSupport.h"

#include "core/query/CompanyBulkLoad.h"
#include "core/query/CompanyQuery.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::QueryWorkspace;

namespace {

QJsonObject json(std::initializer_list<std::pair<const char*, const char*>> values) {
    QJsonObject o;
    for (const auto& [k, v] : values)
        o.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    return o;
}

class CompanyQueryTest : public ::testing::Test {
protected:
    void SetUp() override {
        ws.addCustomField(QStringLiteral("annual_revenue"), QStringLiteral("Annual Revenue"),
                          FieldType::Number);
        ws.addCustomField(QStringLiteral("customer_since"), QStringLiteral("Customer Since"),
                          FieldType::Date);
        ws.addCustomField(QStringLiteral("tier"), QStringLiteral("Tier"), FieldType::Choice);
        ws.addCustomField(QStringLiteral("is_partner"), QStringLiteral("Partner"), FieldType::Boolean);
        ws.addCustomField(QStringLiteral("notes"), QStringLiteral("Notes"), FieldType::Text);

        auto add = [&](QueryWorkspace::Company c) { ws.insert(c); };
        QueryWorkspace::Company c;

        c = {};
        c.name = QStringLiteral("Acme Corp");
        c.website = QStringLiteral("https://www.acme.example");
        c.domain = QStringLiteral("acme.example");
        c.industry = QStringLiteral("Software");
        c.employees = 120;
        c.country = QStringLiteral("UK");
        c.city = QStringLiteral("London");
        c.linkedinUrl = QStringLiteral("https://www.linkedin.com/company/acme-corp-example");
        c.custom = json({{"annual_revenue", "1200000"},
                         {"customer_since", "2021-03-15"},
                         {"tier", "Gold"},
                         {"is_partner", "yes"}});
        c.createdAt = QStringLiteral("2024-03-05T09:30:00Z");
        add(c);

        c = {};
        c.name = QStringLiteral("acme labs");
        c.website = QStringLiteral("https://labs.acme.example/app");
        c.domain = QStringLiteral("labs.acme.example");
        c.industry = QStringLiteral("Software");
        c.employees = 45;
        c.country = QStringLiteral("United States");
        c.city = QStringLiteral("Boston");
        c.custom = json({{"annual_revenue", "50000"},
                         {"customer_since", "2023-11-01"},
                         {"tier", "Silver"},
                         {"is_partner", "no"}});
        c.createdAt = QStringLiteral("2024-03-05T23:59:59Z");
        add(c);

        c = {};
        c.name = QStringLiteral("Beta Retail Ltd");
        c.website = QStringLiteral("beta-retail.co.uk.example");
        c.industry = QStringLiteral("Retail");
        c.country = QStringLiteral("UK");
        c.city = QStringLiteral("Leeds");
        c.custom = json({{"tier", "bronze"}, {"annual_revenue", "n/a"}});
        c.createdAt = QStringLiteral("2024-03-06T00:00:00Z");
        add(c);

        c = {};
        c.name = QStringLiteral("Gamma GmbH");
        c.domain = QStringLiteral("gamma.example");
        c.industry = QStringLiteral("Manufacturing");
        c.employees = 800;
        c.country = QStringLiteral("Germany");
        c.city = QStringLiteral("München");
        c.custom = json({{"customer_since", "15/03/2020"}, {"annual_revenue", "800000"}});
        add(c);

        c = {};
        c.name = QStringLiteral("Delta");
        c.website = QStringLiteral("https://delta.example");
        c.employees = 51;
        c.country = QStringLiteral("uk");
        add(c);

        c = {};
        c.name = QStringLiteral("Zeta 100% _Real_");
        c.website = QStringLiteral("https://zeta.example");
        c.domain = QStringLiteral("zeta.example");
        c.industry = QStringLiteral("Retail");
        c.employees = 50;
        c.country = QStringLiteral("France");
        c.city = QStringLiteral("Paris");
        c.custom = json({{"notes", "it's 50% off"}});
        add(c);

        c = {};
        c.name = QStringLiteral("MÜNCHEN Werke");
        c.website = QStringLiteral("https://münchen.example");
        c.domain = QStringLiteral("xn--mnchen-3ya.example");
        c.industry = QStringLiteral("Manufacturing");
        c.employees = 5000;
        c.country = QStringLiteral("Germany");
        c.city = QStringLiteral("München");
        c.custom = json({{"annual_revenue", " 12 "}});
        add(c);

        c = {};
        c.name = QStringLiteral("O'Brien & Sons");
        c.industry = QStringLiteral("Legal");
        c.employees = 3;
        c.country = QStringLiteral("Ireland");
        c.city = QStringLiteral("Dublin");
        c.custom = json({{"is_partner", "TRUE"}});
        add(c);

        c = {};
        c.name = QStringLiteral("Bäckerei Müller");
        c.employees = 12;
        c.country = QStringLiteral("Germany");
        c.custom = QJsonObject{{QStringLiteral("annual_revenue"), 250000}}; // a JSON number, not text
        add(c);
    }

    // Names of the companies matching `expression` (and `text`), in query order.
    QStringList names(const QString& expression, const QString& text = QString(),
                      const QString& sort = QStringLiteral("name"),
                      Qt::SortOrder order = Qt::AscendingOrder) {
        CompanyQuery q(ws.connectionName());
        if (auto error = q.setFilterExpression(expression)) {
            ADD_FAILURE() << error->describe(expression).toStdString();
            return {};
        }
        q.setSearchText(text);
        q.setSort(sort, order);
        QString message;
        const auto rows = q.page(0, 1000, &message);
        EXPECT_TRUE(rows.has_value()) << message.toStdString();
        const auto count = q.count(&message);
        const auto ids = q.ids(&message);
        QStringList out;
        if (!rows || !count || !ids)
            return out;
        EXPECT_EQ(*count, rows->size()) << expression.toStdString() << " / " << text.toStdString();
        EXPECT_EQ(ids->size(), rows->size());
        for (int i = 0; i < rows->size(); ++i) {
            out << rows->at(i).name;
            EXPECT_EQ(ids->at(i), rows->at(i).id);
        }
        return out;
    }

    QStringList sortedNames(const QString& expression, const QString& text = QString()) {
        QStringList n = names(expression, text);
        n.sort();
        return n;
    }

    FilterError filterError(const QString& expression) {
        CompanyQuery q(ws.connectionName());
        std::optional<FilterError> e = q.setFilterExpression(expression);
        EXPECT_TRUE(e.has_value()) << expression.toStdString() << " was accepted";
        return e.value_or(FilterError());
    }

    static QStringList list(std::initializer_list<const char*> items) {
        QStringList l;
        for (const char* i : items)
            l << QString::fromUtf8(i);
        l.sort();
        return l;
    }

    QueryWorkspace ws;
};

} // namespace

TEST_F(CompanyQueryTest, TextEqualityIgnoresCase) {
    EXPECT_EQ(sortedNames(QStringLiteral("country = \"uk\"")),
              list({"Acme Corp", "Beta Retail Ltd", "Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("COUNTRY = UK")), list({"Acme Corp", "Beta Retail Ltd", "Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("country != UK")),
              list({"acme labs", "Gamma GmbH", "Zeta 100% _Real_", "MÜNCHEN Werke", "O'Brien & Sons",
                    "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("name = \"o'brien & sons\"")), list({"O'Brien & Sons"}));
}

TEST_F(CompanyQueryTest, ContainsMatchesSubstringsAndTreatsWildcardsLiterally) {
    EXPECT_EQ(sortedNames(QStringLiteral("name contains ACME")), list({"Acme Corp", "acme labs"}));
    EXPECT_EQ(sortedNames(QStringLiteral("website contains \"acme.example/\"")), list({"acme labs"}));
    EXPECT_EQ(sortedNames(QStringLiteral("name contains \"100%\"")), list({"Zeta 100% _Real_"}));
    EXPECT_EQ(sortedNames(QStringLiteral("name contains \"%\"")), list({"Zeta 100% _Real_"}));
    EXPECT_EQ(sortedNames(QStringLiteral("name contains _")), list({"Zeta 100% _Real_"}));
    EXPECT_EQ(sortedNames(QStringLiteral("notes contains \"50% OFF\"")), list({"Zeta 100% _Real_"}));
    EXPECT_EQ(sortedNames(QStringLiteral("name not contains e")), list({"Gamma GmbH"}));
    EXPECT_EQ(sortedNames(QStringLiteral("not name contains e")), list({"Gamma GmbH"}));
    // LIKE folds A-Z only: "ä" is not "a".
    EXPECT_EQ(sortedNames(QStringLiteral("not name contains a")),
              list({"O'Brien & Sons", "MÜNCHEN Werke", "Bäckerei Müller"}));
}

TEST_F(CompanyQueryTest, EmptinessOfBuiltInAndCustomFields) {
    EXPECT_EQ(sortedNames(QStringLiteral("website is empty")),
              list({"Gamma GmbH", "O'Brien & Sons", "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("domain is empty")),
              list({"Beta Retail Ltd", "Delta", "O'Brien & Sons", "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees is empty")), list({"Beta Retail Ltd"}));
    EXPECT_EQ(sortedNames(QStringLiteral("tier is not empty")),
              list({"Acme Corp", "acme labs", "Beta Retail Ltd"}));
    EXPECT_EQ(sortedNames(QStringLiteral("\"LinkedIn URL\" is not empty")), list({"Acme Corp"}));
    EXPECT_EQ(sortedNames(QStringLiteral("linkedin_url is empty")).size(), 8);
    EXPECT_EQ(sortedNames(QStringLiteral("\"Customer Since\" is empty")).size(), 6);
    EXPECT_EQ(sortedNames(QStringLiteral("name = \"\"")), QStringList());
    EXPECT_EQ(sortedNames(QStringLiteral("industry = \"\"")), list({"Delta", "Bäckerei Müller"}));
}

TEST_F(CompanyQueryTest, NumbersCompareNumericallyAndEmptyNeverCompares) {
    EXPECT_EQ(sortedNames(QStringLiteral("employees > 50")),
              list({"Acme Corp", "Gamma GmbH", "Delta", "MÜNCHEN Werke"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees >= 50")),
              list({"Acme Corp", "Gamma GmbH", "Delta", "Zeta 100% _Real_", "MÜNCHEN Werke"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees < 50")),
              list({"acme labs", "O'Brien & Sons", "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees <= 50")),
              list({"acme labs", "Zeta 100% _Real_", "O'Brien & Sons", "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees = 51")), list({"Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees = \"51\"")), list({"Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees = 51.0")), list({"Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees > 50.5 and employees < 51.5")), list({"Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees in (50, 51, 7)")), list({"Delta", "Zeta 100% _Real_"}));
    // not is the exact complement: the company without a head count is "not more than 50".
    EXPECT_EQ(
        sortedNames(QStringLiteral("not employees > 50")),
        list({"acme labs", "Beta Retail Ltd", "Zeta 100% _Real_", "O'Brien & Sons", "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("employees != 51")).size(), 8);
}

TEST_F(CompanyQueryTest, CustomNumbersCompareNumericallyAndIgnoreText) {
    EXPECT_EQ(sortedNames(QStringLiteral("annual_revenue > 100000")),
              list({"Acme Corp", "Gamma GmbH", "Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("\"Annual Revenue\" < 100")), list({"MÜNCHEN Werke"}));
    EXPECT_EQ(sortedNames(QStringLiteral("annual_revenue = 250000")), list({"Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QStringLiteral("annual_revenue in (12, 50000)")),
              list({"acme labs", "MÜNCHEN Werke"}));
    EXPECT_EQ(sortedNames(QStringLiteral("annual_revenue != 50000")).size(), 8);
    // "n/a" is a value (not empty) but not a number.
    EXPECT_EQ(sortedNames(QStringLiteral("annual_revenue is empty")),
              list({"Delta", "Zeta 100% _Real_", "O'Brien & Sons"}));
    EXPECT_EQ(sortedNames(QStringLiteral("annual_revenue >= 0")).size(), 5);
}

TEST_F(CompanyQueryTest, DatesCompareAsIsoTextAtThePrecisionWritten) {
    EXPECT_EQ(sortedNames(QStringLiteral("customer_since > 2021-12-31")), list({"acme labs"}));
    EXPECT_EQ(sortedNames(QStringLiteral("customer_since = 2021-03-15")), list({"Acme Corp"}));
    EXPECT_EQ(sortedNames(QStringLiteral("\"customer since\" = \"2021-03-15\"")), list({"Acme Corp"}));
    // "15/03/2020" is not an ISO date: it takes part in no comparison.
    EXPECT_EQ(sortedNames(QStringLiteral("customer_since < 2022-01-01")), list({"Acme Corp"}));
    EXPECT_EQ(sortedNames(QStringLiteral("customer_since is not empty")),
              list({"Acme Corp", "acme labs", "Gamma GmbH"}));

    EXPECT_EQ(sortedNames(QStringLiteral("created_at = 2024-03-05")), list({"Acme Corp", "acme labs"}));
    EXPECT_EQ(sortedNames(QStringLiteral("created_at > 2024-03-05")), list({"Beta Retail Ltd"}));
    EXPECT_EQ(sortedNames(QStringLiteral("created_at >= 2024-03-05T12:00")),
              list({"acme labs", "Beta Retail Ltd"}));
    EXPECT_EQ(sortedNames(QStringLiteral("created_at <= 2024-03-05")).size(), 8);
    EXPECT_EQ(sortedNames(QStringLiteral("created_at < 2024-03-05")).size(), 6);
    EXPECT_EQ(sortedNames(QStringLiteral("created_at in (2024-03-06, 2024-03-05T09:30)")),
              list({"Acme Corp", "Beta Retail Ltd"}));
    EXPECT_EQ(sortedNames(QStringLiteral("created_at != 2024-01-01")),
              list({"Acme Corp", "acme labs", "Beta Retail Ltd"}));
}

TEST_F(CompanyQueryTest, ChoiceAndYesNoFields) {
    EXPECT_EQ(sortedNames(QStringLiteral("tier = gold")), list({"Acme Corp"}));
    EXPECT_EQ(sortedNames(QStringLiteral("Tier in (SILVER, \"Bronze\")")),
              list({"acme labs", "Beta Retail Ltd"}));
    EXPECT_EQ(sortedNames(QStringLiteral("is_partner = true")), list({"Acme Corp", "O'Brien & Sons"}));
    EXPECT_EQ(sortedNames(QStringLiteral("Partner = no")), list({"acme labs"}));
    EXPECT_EQ(sortedNames(QStringLiteral("partner in (yes, no)")),
              list({"Acme Corp", "acme labs", "O'Brien & Sons"}));
    EXPECT_EQ(sortedNames(QStringLiteral("is_partner != yes")).size(), 7);
    EXPECT_EQ(sortedNames(QStringLiteral("is_partner is empty")).size(), 6);
}

TEST_F(CompanyQueryTest, AllAnyNotAndPrecedence) {
    EXPECT_EQ(sortedNames(QStringLiteral("country = UK and employees > 50")), list({"Acme Corp", "Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("country = UK or industry = Legal")),
              list({"Acme Corp", "Beta Retail Ltd", "Delta", "O'Brien & Sons"}));
    // and binds tighter than or
    EXPECT_EQ(sortedNames(QStringLiteral("country = UK or industry = Legal and employees > 10")),
              list({"Acme Corp", "Beta Retail Ltd", "Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("(country = UK or industry = Legal) and employees > 10")),
              list({"Acme Corp", "Delta"}));
    EXPECT_EQ(sortedNames(QStringLiteral("not (country = UK or country = Germany)")),
              list({"acme labs", "Zeta 100% _Real_", "O'Brien & Sons"}));
    EXPECT_EQ(sortedNames(QStringLiteral("not country = UK and not country = Germany")),
              list({"acme labs", "Zeta 100% _Real_", "O'Brien & Sons"}));
    EXPECT_EQ(sortedNames(QStringLiteral("industry not in (Software, Retail, Manufacturing)")),
              list({"Delta", "O'Brien & Sons", "Bäckerei Müller"}));

    // Trees built in code (the desktop filter bar): all / any of conditions.
    CompanyQuery q(ws.connectionName());
    q.setFilter(FilterNode::any(
        {FilterNode::condition(QStringLiteral("City"), FilterOperator::Equal, QStringLiteral("münchen")),
         FilterNode::condition(QStringLiteral("employees"), FilterOperator::Less, QStringLiteral("10"))}));
    ASSERT_FALSE(q.prepare().has_value());
    EXPECT_EQ(q.count(), 3);
    q.setFilter(FilterNode::all({}));
    EXPECT_EQ(q.count(), 9);
    q.setFilter(FilterNode::any({}));
    EXPECT_EQ(q.count(), 0);
}

TEST_F(CompanyQueryTest, FreeTextMatchesNameWebsiteAndDomain) {
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("acm")), list({"Acme Corp", "acme labs"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("ACME labs")), list({"acme labs"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("labs ACME")), list({"acme labs"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("co.uk")), list({"Beta Retail Ltd"}));   // website only
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("gamma.ex")), list({"Gamma GmbH"}));     // domain only
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("\"acme corp\"")), list({"Acme Corp"})); // a phrase
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("acme corp")), list({"Acme Corp"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("zz")), QStringList());
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("Ta")),
              list({"Beta Retail Ltd", "Delta", "Zeta 100% _Real_"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("%")), list({"Zeta 100% _Real_"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("   ")).size(), 9);
    // Words of 3+ characters ignore case beyond A-Z too.
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("MÜLLER")), list({"Bäckerei Müller"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("münchen")), list({"MÜNCHEN Werke"}));
    // Free text and a filter together.
    EXPECT_EQ(sortedNames(QStringLiteral("country = UK"), QStringLiteral("acme")), list({"Acme Corp"}));
    // City and description are not searched.
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("Dublin")), QStringList());
}

TEST_F(CompanyQueryTest, SortsByAnyFieldWithIdAsTieBreak) {
    EXPECT_EQ(names(QString(), QString(), QStringLiteral("name")).mid(0, 4),
              (QStringList{QStringLiteral("Acme Corp"), QStringLiteral("acme labs"),
                           QStringLiteral("Beta Retail Ltd"),
                           QStringLiteral("Bäckerei Müller")})); // code point order beyond A-Z
    EXPECT_EQ(names(QString(), QString(), QStringLiteral("Name"), Qt::DescendingOrder).first(),
              QStringLiteral("Zeta 100% _Real_"));
    // Unknown head count first when ascending, then by number (not text: 5000 after 800).
    EXPECT_EQ(names(QStringLiteral("employees is empty or employees > 100"), QString(),
                    QStringLiteral("employees")),
              (QStringList{QStringLiteral("Beta Retail Ltd"), QStringLiteral("Acme Corp"),
                           QStringLiteral("Gamma GmbH"), QStringLiteral("MÜNCHEN Werke")}));
    EXPECT_EQ(
        names(QStringLiteral("annual_revenue is not empty"), QString(), QStringLiteral("Annual Revenue")),
        (QStringList{QStringLiteral("Beta Retail Ltd"), QStringLiteral("MÜNCHEN Werke"),
                     QStringLiteral("acme labs"), QStringLiteral("Bäckerei Müller"),
                     QStringLiteral("Gamma GmbH"), QStringLiteral("Acme Corp")}));
    EXPECT_EQ(names(QStringLiteral("customer_since is not empty"), QString(),
                    QStringLiteral("customer_since"), Qt::DescendingOrder),
              (QStringList{QStringLiteral("acme labs"), QStringLiteral("Acme Corp"),
                           QStringLiteral("Gamma GmbH")}));

    // Ties: same country, ordered by id in the direction of the sort.
    CompanyQuery q(ws.connectionName());
    q.setSort(QStringLiteral("country"));
    const auto asc = q.page(0, 100);
    ASSERT_TRUE(asc.has_value());
    QStringList countries;
    for (const CompanyRow& r : *asc)
        countries << r.country;
    EXPECT_EQ(countries,
              (QStringList{QStringLiteral("France"), QStringLiteral("Germany"), QStringLiteral("Germany"),
                           QStringLiteral("Germany"), QStringLiteral("Ireland"), QStringLiteral("UK"),
                           QStringLiteral("UK"), QStringLiteral("uk"), QStringLiteral("United States")}));
    EXPECT_LT(asc->at(1).id, asc->at(2).id);
    EXPECT_LT(asc->at(2).id, asc->at(3).id);
    q.setSort(QStringLiteral("country"), Qt::DescendingOrder);
    const auto desc = q.page(0, 100);
    ASSERT_TRUE(desc.has_value());
    EXPECT_EQ(desc->at(5).country, QStringLiteral("Germany"));
    EXPECT_GT(desc->at(5).id, desc->at(6).id);
    EXPECT_GT(desc->at(6).id, desc->at(7).id);
}

TEST_F(CompanyQueryTest, PagesCountsAndIdsAgree) {
    CompanyQuery q(ws.connectionName());
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("employees is not empty")).has_value());
    q.setSort(QStringLiteral("employees"), Qt::DescendingOrder);
    const auto all = q.ids();
    ASSERT_TRUE(all.has_value());
    ASSERT_EQ(all->size(), 8);
    QList<qint64> paged;
    for (qint64 offset = 0; offset < 10; offset += 3) {
        const auto page = q.page(offset, 3);
        ASSERT_TRUE(page.has_value());
        EXPECT_LE(page->size(), 3);
        for (const CompanyRow& r : *page)
            paged << r.id;
    }
    EXPECT_EQ(paged, *all);
    EXPECT_EQ(q.count(), 8);
    const auto capped = q.countUpTo(5);
    ASSERT_TRUE(capped.has_value());
    EXPECT_EQ(capped->value, 5);
    EXPECT_FALSE(capped->exact);
    const auto exact = q.countUpTo(8);
    ASSERT_TRUE(exact.has_value());
    EXPECT_EQ(exact->value, 8);
    EXPECT_TRUE(exact->exact);
    EXPECT_TRUE(q.page(100, 10)->isEmpty());
    EXPECT_TRUE(q.page(0, 0)->isEmpty());

    // Rows by id keep the order asked for.
    const QList<qint64> wanted = {all->at(3), all->at(0), 999999, all->at(5)};
    const auto rows = CompanyQuery::rowsByIds(ws.connectionName(), wanted);
    ASSERT_TRUE(rows.has_value());
    ASSERT_EQ(rows->size(), 3);
    EXPECT_EQ(rows->at(0).id, all->at(3));
    EXPECT_EQ(rows->at(1).id, all->at(0));
    EXPECT_EQ(rows->at(2).id, all->at(5));
}

TEST_F(CompanyQueryTest, RowsCarryEveryValue) {
    CompanyQuery q(ws.connectionName());
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("name = \"Acme Corp\"")).has_value());
    const auto rows = q.page(0, 10);
    ASSERT_TRUE(rows.has_value());
    ASSERT_EQ(rows->size(), 1);
    const CompanyRow& r = rows->front();
    EXPECT_EQ(r.website, QStringLiteral("https://www.acme.example"));
    EXPECT_EQ(r.employees.toLongLong(), 120);
    EXPECT_EQ(r.value(QStringLiteral("employees")).toLongLong(), 120);
    EXPECT_EQ(r.value(QStringLiteral("annual_revenue")).toString(), QStringLiteral("1200000"));
    EXPECT_EQ(r.value(QStringLiteral("tier")).toString(), QStringLiteral("Gold"));
    EXPECT_FALSE(r.value(QStringLiteral("notes")).isValid());
    EXPECT_EQ(r.value(QStringLiteral("created_at")).toString(), QStringLiteral("2024-03-05T09:30:00Z"));
    EXPECT_EQ(r.value(QStringLiteral("linkedin_url")).toString(), r.linkedinUrl);
}

TEST_F(CompanyQueryTest, InjectionAttemptsAreInert) {
    const QString attacks[] = {
        QStringLiteral("'; DROP TABLE companies; --"),
        QStringLiteral("\" OR 1=1 --"),
        QStringLiteral("x') OR ('1'='1"),
        QStringLiteral("acme* OR NEAR(a b) NOT c:d"),
        QStringLiteral("\"%_\\"),
    };
    for (const QString& attack : attacks) {
        CompanyQuery q(ws.connectionName());
        q.setSearchText(attack);
        QString message;
        const auto rows = q.page(0, 100, &message);
        ASSERT_TRUE(rows.has_value()) << attack.toStdString() << ": " << message.toStdString();
        EXPECT_TRUE(rows->isEmpty()) << attack.toStdString();
        EXPECT_EQ(q.count(), 0) << attack.toStdString();

        const QString expression = QStringLiteral("name = ") + quoteFilterString(attack) +
                                   QStringLiteral(" or notes contains ") + quoteFilterString(attack) +
                                   QStringLiteral(" or tier in (") + quoteFilterString(attack) + u')';
        ASSERT_FALSE(q.setFilterExpression(expression).has_value()) << expression.toStdString();
        q.setSearchText(QString());
        EXPECT_EQ(q.count(), 0) << expression.toStdString();
    }
    // Field names that try to smuggle SQL are unknown fields.
    EXPECT_EQ(filterError(QStringLiteral("\"name = name OR 1\" = x")).kind, FilterError::Kind::UnknownField);
    EXPECT_EQ(filterError(QStringLiteral("\"custom) OR (1\" is empty")).kind,
              FilterError::Kind::UnknownField);
    CompanyQuery sorted(ws.connectionName());
    sorted.setSort(QStringLiteral("name; DROP TABLE companies"));
    QString message;
    EXPECT_FALSE(sorted.page(0, 10, &message).has_value());
    EXPECT_TRUE(message.contains(QLatin1String("cannot sort"))) << message.toStdString();

    QSqlQuery check(ws.db());
    ASSERT_TRUE(check.exec(QStringLiteral("SELECT count(*) FROM companies")) && check.next());
    EXPECT_EQ(check.value(0).toInt(), 9);
}

TEST_F(CompanyQueryTest, UnknownFieldsNameTheFieldAndCloseMatches) {
    const QString expression = QStringLiteral("country = UK and employes > 5");
    const FilterError e = filterError(expression);
    EXPECT_EQ(e.kind, FilterError::Kind::UnknownField);
    EXPECT_EQ(e.field, QStringLiteral("employes"));
    EXPECT_EQ(e.position, 17);
    EXPECT_EQ(e.length, 8);
    EXPECT_EQ(e.suggestions.value(0), QStringLiteral("employees"));
    EXPECT_EQ(e.message, QStringLiteral("unknown field \"employes\"; did you mean \"employees\"?"));
    EXPECT_EQ(e.describe(expression),
              QStringLiteral("column 18: unknown field \"employes\"; did you mean \"employees\"?\n"
                             "  country = UK and employes > 5\n"
                             "                   ^^^^^^^^"));

    EXPECT_TRUE(
        filterError(QStringLiteral("revenue > 5")).suggestions.contains(QStringLiteral("annual_revenue")));
    EXPECT_TRUE(filterError(QStringLiteral("linkedin is empty"))
                    .suggestions.contains(QStringLiteral("linkedin_url")));
    EXPECT_EQ(filterError(QStringLiteral("contry = UK")).suggestions.value(0), QStringLiteral("country"));
    const FilterError none = filterError(QStringLiteral("xyzzy = 1"));
    EXPECT_TRUE(none.suggestions.isEmpty());
    EXPECT_EQ(none.message, QStringLiteral("unknown field \"xyzzy\""));
    // A label without quotes stops at the space.
    EXPECT_EQ(filterError(QStringLiteral("LinkedIn URL is empty")).kind, FilterError::Kind::Syntax);
}

TEST_F(CompanyQueryTest, ValuesThatDoNotFitTheFieldAreErrors) {
    struct Case {
        QString expression;
        int position;
        QString message;
    };
    const Case cases[] = {
        {QStringLiteral("employees > \"abc\""), 12,
         QStringLiteral("\"abc\" is not a number, and Employees is a number field")},
        {QStringLiteral("employees > 50k"), 12,
         QStringLiteral("\"50k\" is not a number, and Employees is a number field")},
        {QStringLiteral("employees in (1, two)"), 17,
         QStringLiteral("\"two\" is not a number, and Employees is a number field")},
        {QStringLiteral("employees > 2024-01-01"), 12,
         QStringLiteral("\"2024-01-01\" is not a number, and Employees is a number field")},
        {QStringLiteral("employees contains 5"), 0,
         QStringLiteral("\"contains\" works on text fields; Employees is a number field")},
        {QStringLiteral("annual_revenue = \"1,000\""), 17,
         QStringLiteral("\"1,000\" is not a number, and Annual Revenue is a number field")},
        {QStringLiteral("customer_since > 2024"), 17,
         QStringLiteral(
             "\"2024\" is not a date (write dates as 2024-05-31), and Customer Since is a date field")},
        {QStringLiteral("customer_since = yesterday"), 17,
         QStringLiteral(
             "\"yesterday\" is not a date (write dates as 2024-05-31), and Customer Since is a date field")},
        {QStringLiteral("created_at contains 2024"), 0,
         QStringLiteral("\"contains\" works on text fields; Created at is a date field")},
        {QStringLiteral("is_partner > true"), 0,
         QStringLiteral("\">\" does not apply to Partner, a yes/no field; use = true or = false")},
        {QStringLiteral("is_partner = maybe"), 13,
         QStringLiteral("\"maybe\" is not true or false, and Partner is a yes/no field")},
    };
    for (const Case& c : cases) {
        const FilterError e = filterError(c.expression);
        EXPECT_EQ(e.kind, FilterError::Kind::TypeMismatch) << c.expression.toStdString();
        EXPECT_EQ(e.position, c.position) << c.expression.toStdString();
        EXPECT_EQ(e.message, c.message) << c.expression.toStdString();
    }
    // A quoted number is still a number.
    EXPECT_EQ(sortedNames(QStringLiteral("employees > \"4000\"")), list({"MÜNCHEN Werke"}));
}

TEST_F(CompanyQueryTest, AFailedExpressionLeavesTheFilterAlone) {
    CompanyQuery q(ws.connectionName());
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("country = UK")).has_value());
    EXPECT_TRUE(q.setFilterExpression(QStringLiteral("country = ")).has_value());
    EXPECT_TRUE(q.setFilterExpression(QStringLiteral("contry = UK")).has_value());
    EXPECT_EQ(q.count(), 3);
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("  ")).has_value());
    EXPECT_EQ(q.count(), 9);
}

TEST_F(CompanyQueryTest, FieldsAddedLaterAreFoundAfterInvalidate) {
    CompanyQuery q(ws.connectionName());
    EXPECT_EQ(filterError(QStringLiteral("segment = smb")).kind, FilterError::Kind::UnknownField);
    ws.addCustomField(QStringLiteral("segment"), QStringLiteral("Segment"), FieldType::Text);
    ws.exec(QStringLiteral(
        "UPDATE companies SET custom = json_set(custom, '$.segment', 'SMB') WHERE name = 'Delta'"));
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("segment = smb")).has_value());
    EXPECT_EQ(q.count(), 1);
}

TEST_F(CompanyQueryTest, SearchIndexFollowsInsertsUpdatesAndDeletes) {
    CompanyQuery q(ws.connectionName());
    q.setSearchText(QStringLiteral("quokka"));
    EXPECT_EQ(q.count(), 0);
    ws.exec(QStringLiteral("UPDATE companies SET website = 'https://quokka.example' WHERE name = 'Delta'"));
    q.invalidate();
    EXPECT_EQ(q.count(), 1);
    ws.exec(QStringLiteral("UPDATE companies SET name = 'Delta Quokka', website = '' WHERE name = 'Delta'"));
    q.invalidate();
    EXPECT_EQ(q.count(), 1);
    q.setSearchText(QStringLiteral("quokka.example"));
    EXPECT_EQ(q.count(), 0);
    ws.exec(QStringLiteral("DELETE FROM companies WHERE name = 'Delta Quokka'"));
    q.setSearchText(QStringLiteral("quokka"));
    EXPECT_EQ(q.count(), 0);
    QueryWorkspace::Company c;
    c.name = QStringLiteral("Quokka Holdings");
    ws.insert(c);
    q.invalidate();
    EXPECT_EQ(q.count(), 1);
    ws.exec(QStringLiteral("INSERT INTO companies_search(companies_search) VALUES ('integrity-check')"));
}

TEST_F(CompanyQueryTest, BulkLoadLeavesIndexesAndSearchConsistent) {
    auto objectCount = [&]() {
        QSqlQuery q(ws.db());
        q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN ('index', 'trigger')"));
        return q.next() ? q.value(0).toInt() : -1;
    };
    const int before = objectCount();

    ws.exec(QStringLiteral("BEGIN"));
    for (const QString& s : companyBulkLoadBeginStatements())
        ws.exec(s);
    EXPECT_EQ(objectCount(), before - 15); // 3 triggers, 7 indexes of migration 2, 5 of migration 5
    QueryWorkspace::Company c;
    c.name = QStringLiteral("Wombat Freight");
    c.country = QStringLiteral("Australia");
    c.employees = 77;
    ws.insert(c);
    ws.exec(QStringLiteral("UPDATE companies SET name = 'Acme Corporation' WHERE name = 'Acme Corp'"));
    ws.exec(QStringLiteral("DELETE FROM companies WHERE name = 'Delta'"));
    for (const QString& s : companyBulkLoadEndStatements())
        ws.exec(s);
    ws.exec(QStringLiteral("COMMIT"));

    EXPECT_EQ(objectCount(), before - 12); // the triggers are back, the query indexes not yet
    ws.exec(QStringLiteral("INSERT INTO companies_search(companies_search) VALUES ('integrity-check')"));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("wombat")), list({"Wombat Freight"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("corporation")), list({"Acme Corporation"}));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("delta")), QStringList());
    EXPECT_EQ(objectCount(), before - 12); // free text sorted by name needs none of them
    EXPECT_EQ(sortedNames(QStringLiteral("country = australia and employees > 50")),
              list({"Wombat Freight"}));
    EXPECT_EQ(objectCount(), before - 10); // companies_country and companies_employees, built by that query
}

namespace {

QStringList indexNames(const QSqlDatabase& db) {
    QSqlQuery q(db);
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE "
                                      "'sqlite_%' AND tbl_name = 'companies' ORDER BY name")));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

// A bulk load that writes nothing: what it leaves of the indexes.
void emptyBulkLoad(QueryWorkspace& ws) {
    ws.exec(QStringLiteral("BEGIN"));
    for (const QString& s : companyBulkLoadBeginStatements())
        ws.exec(s);
    for (const QString& s : companyBulkLoadEndStatements())
        ws.exec(s);
    ws.exec(QStringLiteral("COMMIT"));
}

} // namespace

TEST_F(CompanyQueryTest, AfterABulkLoadTheFirstQueryThatSortsOrFiltersByAColumnBuildsItsIndex) {
    const QStringList all = indexNames(ws.db());
    emptyBulkLoad(ws);
    const QStringList identity = {QStringLiteral("companies_domain_key"), QStringLiteral("companies_name")};
    ASSERT_EQ(indexNames(ws.db()), identity);

    // Neither a NOT, nor a `contains`, nor a custom field is answered by a column index: none is built.
    EXPECT_EQ(sortedNames(QStringLiteral("not (employees > 100) and description contains \"x\" and tier is "
                                         "not empty")),
              QStringList());
    EXPECT_EQ(indexNames(ws.db()), identity);

    // Sorted by country: the sort index, then a walk along it (the same order as without one).
    const QStringList byCountry = names(QString(), QString(), QStringLiteral("country"));
    const QStringList country = {QStringLiteral("companies_domain_key"), QStringLiteral("companies_name"),
                                 QStringLiteral("companies_sort_country")};
    EXPECT_EQ(indexNames(ws.db()), country);
    CompanyQuery q(ws.connectionName());
    q.setSort(QStringLiteral("country"));
    q.setFilterExpression(QStringLiteral("employees > 10"));
    q.setTuning({/*walkBudget=*/100, 20000, 2000});
    const std::optional<QList<CompanyRow>> page = q.page(0, 2);
    ASSERT_TRUE(page);
    EXPECT_EQ(q.lastPlan(), CompanyQuery::Plan::IndexWalk);
    QSqlQuery plain(ws.db());
    ASSERT_TRUE(plain.exec(QStringLiteral(
        "SELECT name FROM companies NOT INDEXED ORDER BY country COLLATE NOCASE, id")));
    QStringList expected;
    while (plain.next())
        expected << plain.value(0).toString();
    EXPECT_EQ(byCountry, expected);
    const QStringList employeesAndCountry = {QStringLiteral("companies_domain_key"), QStringLiteral("companies_employees"),
                                             QStringLiteral("companies_name"), QStringLiteral("companies_sort_country")};
    EXPECT_EQ(indexNames(ws.db()), employeesAndCountry);

    // Filtered by industry (sorted by name): the filter's index, not the sort index of industry.
    const QStringList manufacturing = {QStringLiteral("Gamma GmbH"), QStringLiteral("MÜNCHEN Werke")};
    EXPECT_EQ(sortedNames(QStringLiteral("industry = manufacturing")), manufacturing);
    EXPECT_TRUE(indexNames(ws.db()).contains(QStringLiteral("companies_industry")));
    EXPECT_FALSE(indexNames(ws.db()).contains(QStringLiteral("companies_sort_industry")));

    // Every sort and filter built once gives back what the migrations made.
    for (const char* field : {"website", "domain", "city", "updated_at", "industry", "linkedin_url",
                              "description", "created_at"})
        names(QString(), QString(), QString::fromLatin1(field));
    EXPECT_FALSE(sortedNames(QStringLiteral("linkedin_url is empty and description is empty and created_at > "
                                            "\"2020-01-01\" and country != \"x\"")).isEmpty());
    EXPECT_EQ(indexNames(ws.db()).size(), all.size() - 1); // `!=` is not answered by an index
    EXPECT_FALSE(sortedNames(QStringLiteral("country in (\"uk\", \"germany\")")).isEmpty());
    EXPECT_EQ(indexNames(ws.db()), all);
}

TEST_F(CompanyQueryTest, BuildIndexesBuildsEveryIndexABulkLoadLeftOut) {
    const QStringList all = indexNames(ws.db());
    emptyBulkLoad(ws);
    ASSERT_EQ(indexNames(ws.db()).size(), 2);
    EXPECT_TRUE(CompanyQuery::buildIndexes(ws.connectionName()));
    EXPECT_EQ(indexNames(ws.db()), all);
    EXPECT_TRUE(CompanyQuery::buildIndexes(ws.connectionName())); // nothing left to build
    EXPECT_EQ(indexNames(ws.db()), all);
}

TEST_F(CompanyQueryTest, ABulkLoadRolledBackRestoresTriggersAndIndexes) {
    QSqlQuery q(ws.db());
    ws.exec(QStringLiteral("BEGIN"));
    for (const QString& s : companyBulkLoadBeginStatements())
        ws.exec(s);
    ws.exec(QStringLiteral("ROLLBACK"));
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'companies_search_insert'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    QueryWorkspace::Company c;
    c.name = QStringLiteral("Numbat Labs");
    ws.insert(c);
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("numbat")), list({"Numbat Labs"}));
}

TEST_F(CompanyQueryTest, UnchangedSearchColumnsCostTheIndexNothing) {
    // The update trigger fires only when name, website or domain really change.
    QSqlQuery q(ws.db());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'companies_search_update'")));
    ASSERT_TRUE(q.next());
    EXPECT_TRUE(q.value(0).toString().contains(QLatin1String("WHEN old.id IS NOT new.id")));
    ws.exec(QStringLiteral("UPDATE companies SET name = name, employees = 1 WHERE name = 'Acme Corp'"));
    ws.exec(QStringLiteral("INSERT INTO companies_search(companies_search) VALUES ('integrity-check')"));
    EXPECT_EQ(sortedNames(QString(), QStringLiteral("acme corp")), list({"Acme Corp"}));
}
