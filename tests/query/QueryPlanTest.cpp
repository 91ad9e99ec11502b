// Every way CompanyQuery answers a page (SQLite's plan, the search index, walking the sort index,
// with per-row LIKE tests or the index's hit set, and the fallbacks) must give the same rows: the page is
// checked against ids() and both against an oracle written here in plain C++. The planner's
// thresholds are shrunk so that a few thousand rows exercise every plan.
#include "QueryTestSupport.h"

#include "core/query/CompanyQuery.h"

#include <QRandomGenerator>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

using namespace syncdesk;
using syncdesk::test::QueryWorkspace;

namespace {

struct Row {
    qint64 id;
    QueryWorkspace::Company c;
};

// SQLite NOCASE: A-Z folded, then UTF-8 byte order.
QByteArray nocase(const QString& s) {
    QByteArray b = s.toUtf8();
    for (char& ch : b) {
        if (ch >= 'A' && ch <= 'Z')
            ch = char(ch - 'A' + 'a');
    }
    return b;
}

bool textMatches(const Row& r, const QString& text) {
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString& w : words) {
        // 3+ characters: Unicode case folding (the trigram index); shorter: A-Z only (LIKE).
        const bool longWord = w.toUcs4().size() >= 3;
        auto has = [&](const QString& field) {
            if (longWord)
                return field.contains(w, Qt::CaseInsensitive);
            return nocase(field).contains(nocase(w));
        };
        if (!has(r.c.name) && !has(r.c.website) && !has(r.c.domain))
            return false;
    }
    return true;
}

class QueryPlanTest : public ::testing::Test {
protected:
    void SetUp() override {
        ws.addCustomField(QStringLiteral("annual_revenue"), QStringLiteral("Annual Revenue"),
                          FieldType::Number);
        QRandomGenerator rng(20240531);
        const QStringList words = {
            QStringLiteral("Nordic"), QStringLiteral("Blue"),   QStringLiteral("Harbor"),
            QStringLiteral("Pine"),   QStringLiteral("Vertex"), QStringLiteral("Quill"),
            QStringLiteral("Orbit"),  QStringLiteral("Maple"),  QStringLiteral("Falcon"),
            QStringLiteral("Copper"), QStringLiteral("Lumen"),  QStringLiteral("Sable")};
        const QStringList countries = {QStringLiteral("UK"),      QStringLiteral("United States"),
                                       QStringLiteral("Germany"), QStringLiteral("France"),
                                       QStringLiteral("uk"),      QStringLiteral("Spain")};
        const QStringList industries = {QStringLiteral("Software"), QStringLiteral("Retail"),
                                        QStringLiteral("Legal"), QString()};
        ws.exec(QStringLiteral("BEGIN"));
        for (int i = 0; i < 3000; ++i) {
            QueryWorkspace::Company c;
            QString name = words[rng.bounded(words.size())] + u' ' + words[rng.bounded(words.size())];
            const quint32 special = rng.bounded(100);
            if (special == 0)
                name = QStringLiteral("Acme ") + name;
            else if (special < 3)
                name += QStringLiteral(" Müller");
            else if (special < 5)
                name += QStringLiteral(" MÜLLER");
            if (rng.bounded(20) == 0)
                name = name.toLower();
            c.name = name;
            const QString slug = name.toLower().remove(u' ');
            const quint32 w = rng.bounded(4);
            c.website = w == 0   ? QString()
                        : w == 1 ? QStringLiteral("https://www.%1.com").arg(slug)
                                 : QStringLiteral("%1.example").arg(slug);
            c.domain = rng.bounded(3) == 0 ? QString() : slug + QStringLiteral(".net");
            c.country =
                rng.bounded(300) == 0 ? QStringLiteral("Rareland") : countries[rng.bounded(countries.size())];
            c.industry = industries[rng.bounded(industries.size())];
            if (rng.bounded(20) != 0)
                c.employees = int(rng.bounded(2000));
            if (rng.bounded(4) != 0)
                c.custom.insert(QStringLiteral("annual_revenue"), QString::number(rng.bounded(5000)));
            if (rng.bounded(5) != 0)
                c.description = words[rng.bounded(words.size())] + QStringLiteral(" and ") +
                                words[rng.bounded(words.size())].toLower();
            if (rng.bounded(2) == 0)
                c.linkedinUrl = QStringLiteral("https://www.linkedin.com/company/") + slug;
            c.createdAt = QStringLiteral("2024-%1-%2T08:00:00Z")
                              .arg(1 + rng.bounded(12), 2, 10, QLatin1Char('0'))
                              .arg(1 + rng.bounded(28), 2, 10, QLatin1Char('0'));
            const qint64 id = ws.insert(c);
            rows.push_back({id, c});
        }
        ws.exec(QStringLiteral("COMMIT"));
    }

    QueryWorkspace ws;
    std::vector<Row> rows;
};

struct FilterCase {
    QString expression;
    std::function<bool(const Row&)> matches;
};

std::optional<qint64> employees(const Row& r) {
    return r.c.employees.isNull() ? std::nullopt : std::optional<qint64>(r.c.employees.toLongLong());
}

} // namespace

TEST_F(QueryPlanTest, EveryPlanGivesTheSameRowsAsTheOracle) {
    const std::vector<FilterCase> filters = {
        {QString(), [](const Row&) { return true; }},
        {QStringLiteral("country = UK"),
         [](const Row& r) { return r.c.country.compare(QLatin1String("uk"), Qt::CaseInsensitive) == 0; }},
        {QStringLiteral("country = UK and employees > 50"),
         [](const Row& r) {
             return r.c.country.compare(QLatin1String("uk"), Qt::CaseInsensitive) == 0 && employees(r) > 50;
         }},
        {QStringLiteral("country = Rareland"), [](const Row& r) { return r.c.country == u"Rareland"; }},
        {QStringLiteral("industry in (software, RETAIL) or employees < 10"),
         [](const Row& r) {
             return r.c.industry == u"Software" || r.c.industry == u"Retail" ||
                    (employees(r) && *employees(r) < 10);
         }},
        {QStringLiteral("not employees > 100"), [](const Row& r) { return !(employees(r) > 100); }},
        // Rare (the search index answers it) and common (a LIKE per row), and one LIKE alone answers.
        {QStringLiteral("name contains acm"), [](const Row& r) { return nocase(r.c.name).contains("acm"); }},
        {QStringLiteral("website contains com or domain contains \"e.net\""),
         [](const Row& r) {
             return nocase(r.c.website).contains("com") || nocase(r.c.domain).contains("e.net");
         }},
        {QStringLiteral("name contains müller"),
         [](const Row& r) { return nocase(r.c.name).contains(nocase(QStringLiteral("müller"))); }},
        {QStringLiteral("country = UK and not name contains pine"),
         [](const Row& r) {
             return r.c.country.compare(QLatin1String("uk"), Qt::CaseInsensitive) == 0 &&
                    !nocase(r.c.name).contains("pine");
         }},
        {QStringLiteral("annual_revenue >= 4000"),
         [](const Row& r) {
             return r.c.custom.contains(QLatin1String("annual_revenue")) &&
                    r.c.custom.value(QLatin1String("annual_revenue")).toString().toInt() >= 4000;
         }},
    };
    const QStringList texts = {QString(),
                               QStringLiteral("acm"),
                               QStringLiteral("com"),
                               QStringLiteral("e"),
                               QStringLiteral("müller"),
                               QStringLiteral("ÜLLER pine"),
                               QStringLiteral("acme www")};

    CompanyQuery::Tuning tuning;
    tuning.walkBudget = 400;
    tuning.sparseTextLimit = 50;

    std::map<CompanyQuery::Plan, int> plansSeen;
    for (const FilterCase& f : filters) {
        for (const QString& text : texts) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                SCOPED_TRACE(QString(f.expression + QStringLiteral(" / ") + text).toStdString());
                CompanyQuery q(ws.connectionName());
                q.setTuning(tuning);
                ASSERT_FALSE(q.setFilterExpression(f.expression).has_value());
                q.setSearchText(text);
                q.setSort(QStringLiteral("name"), order);

                std::vector<const Row*> expected;
                for (const Row& r : rows) {
                    if (f.matches(r) && textMatches(r, text))
                        expected.push_back(&r);
                }
                std::sort(expected.begin(), expected.end(), [&](const Row* a, const Row* b) {
                    const QByteArray ka = nocase(a->c.name), kb = nocase(b->c.name);
                    if (ka != kb)
                        return order == Qt::AscendingOrder ? ka < kb : kb < ka;
                    return order == Qt::AscendingOrder ? a->id < b->id : b->id < a->id;
                });
                QList<qint64> expectedIds;
                for (const Row* r : expected)
                    expectedIds << r->id;

                const auto ids = q.ids();
                ASSERT_TRUE(ids.has_value());
                EXPECT_EQ(*ids, expectedIds);
                EXPECT_EQ(q.count(), expectedIds.size());
                const auto capped = q.countUpTo(100);
                ASSERT_TRUE(capped.has_value());
                EXPECT_EQ(capped->value, qMin<qint64>(100, expectedIds.size()));
                EXPECT_EQ(capped->exact, expectedIds.size() <= 100);

                for (const qint64 offset : {0, 7, 150}) {
                    for (const int limit : {10, 100}) {
                        const auto page = q.page(offset, limit);
                        ASSERT_TRUE(page.has_value());
                        QList<qint64> got;
                        for (const CompanyRow& r : *page)
                            got << r.id;
                        EXPECT_EQ(got, expectedIds.mid(offset, limit))
                            << "offset " << offset << " limit " << limit;
                        ++plansSeen[q.lastPlan()];
                    }
                }
            }
        }
    }
    EXPECT_GT(plansSeen[CompanyQuery::Plan::Plain], 0);
    EXPECT_GT(plansSeen[CompanyQuery::Plan::TextIndex], 0);
    EXPECT_GT(plansSeen[CompanyQuery::Plan::IndexWalk], 0);
}

TEST_F(QueryPlanTest, OtherSortKeysAgreeWithIds) {
    std::map<CompanyQuery::Plan, int> plansSeen;
    // With a budget of 100 the walk's bound for employees (ascending) falls among the 150 unknown
    // head counts; with 400 after them.
    for (const int budget : {400, 100}) {
        CompanyQuery::Tuning tuning;
        tuning.walkBudget = budget;
        tuning.sparseTextLimit = 50;
        const QStringList sorts = {QStringLiteral("employees"),    QStringLiteral("country"),
                                   QStringLiteral("website"),      QStringLiteral("annual_revenue"),
                                   QStringLiteral("id"),           QStringLiteral("updated_at"),
                                   QStringLiteral("industry"),     QStringLiteral("description"),
                                   QStringLiteral("linkedin_url"), QStringLiteral("created_at")};
        for (const QString& sort : sorts) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                for (const QString& text : {QString(), QStringLiteral("com")}) {
                    SCOPED_TRACE(QString(sort + u' ' + text).toStdString());
                    CompanyQuery q(ws.connectionName());
                    q.setTuning(tuning);
                    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("country = UK")).has_value());
                    q.setSearchText(text);
                    q.setSort(sort, order);
                    const auto ids = q.ids();
                    ASSERT_TRUE(ids.has_value());
                    ASSERT_FALSE(ids->isEmpty());
                    for (const qint64 offset : {0, 33}) {
                        const auto page = q.page(offset, 20);
                        ASSERT_TRUE(page.has_value());
                        QList<qint64> got;
                        for (const CompanyRow& r : *page)
                            got << r.id;
                        EXPECT_EQ(got, ids->mid(offset, 20));
                        ++plansSeen[q.lastPlan()];
                    }
                    // Employees: unknown first when ascending, then numeric order.
                    if (sort == u"employees") {
                        const auto rowsInOrder = CompanyQuery::rowsByIds(ws.connectionName(), *ids);
                        ASSERT_TRUE(rowsInOrder.has_value());
                        for (qsizetype i = 1; i < rowsInOrder->size(); ++i) {
                            const QVariant a = rowsInOrder->at(i - 1).employees,
                                           b = rowsInOrder->at(i).employees;
                            if (order == Qt::AscendingOrder)
                                EXPECT_TRUE(a.isNull() || (!b.isNull() && a.toLongLong() <= b.toLongLong()));
                            else
                                EXPECT_TRUE(b.isNull() || (!a.isNull() && a.toLongLong() >= b.toLongLong()));
                        }
                    }
                }
            }
        }
    }
    EXPECT_GT(plansSeen[CompanyQuery::Plan::IndexWalk], 0);
    EXPECT_GT(plansSeen[CompanyQuery::Plan::Plain], 0);
}
