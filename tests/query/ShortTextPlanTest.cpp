// Two-character words (free text) and `contains` of two characters on name, website or domain are
// answered from the trigram index's vocabulary (the trigrams that begin or end with them, plus the
// values that are just them) instead of a LIKE on every row. The rows must be exactly those of the
// straightforward query: a LIKE per row and a sort, written here in plain SQL. The data holds the
// cases where a trigram lookup could go wrong: the word at the start or the end of a value, values
// of one or two characters, case, LIKE's wildcards, quotes, and a character that the index's
// Unicode case folding turns into an ASCII letter (KELVIN SIGN -> k) while LIKE does not.
#include "QueryTestSupport.h"

#include "core/query/CompanyQuery.h"
#include "core/query/FilterCompiler.h"
#include "core/query/StatementCancel.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <map>

using namespace syncdesk;
using syncdesk::test::QueryWorkspace;

namespace {

class ShortTextPlanTest : public ::testing::Test {
protected:
    void SetUp() override {
        QRandomGenerator rng(7);
        const QStringList syllables = {QStringLiteral("ba"), QStringLiteral("lo"), QStringLiteral("ma"),
                                       QStringLiteral("ri"), QStringLiteral("te"), QStringLiteral("no"),
                                       QStringLiteral("ka"), QStringLiteral("zu")};
        const QStringList countries = {QStringLiteral("UK"), QStringLiteral("Germany"), QStringLiteral("France")};
        ws.exec(QStringLiteral("BEGIN"));
        auto add = [&](const QString& name, const QString& website, const QString& domain) {
            QueryWorkspace::Company c;
            c.name = name;
            c.website = website;
            c.domain = domain;
            c.country = countries[rng.bounded(countries.size())];
            if (rng.bounded(10) != 0)
                c.employees = int(rng.bounded(500));
            ws.insert(c);
        };
        for (int i = 0; i < 2000; ++i) {
            QString name;
            const int n = 2 + int(rng.bounded(3));
            for (int k = 0; k < n; ++k)
                name += syllables[rng.bounded(syllables.size())];
            name[0] = name[0].toUpper();
            if (rng.bounded(3) == 0)
                name += u' ' + syllables[rng.bounded(syllables.size())] + syllables[rng.bounded(syllables.size())];
            const QString slug = name.toLower().remove(u' ');
            add(name, rng.bounded(4) == 0 ? QString() : QStringLiteral("https://www.%1.com").arg(slug),
                slug + QStringLiteral(".net"));
        }
        // The rare words, where a lookup could miss or add a row.
        add(QStringLiteral("Br"), QString(), QString());                        // the whole name
        add(QStringLiteral("x"), QStringLiteral("BR"), QStringLiteral("b"));     // the whole website
        add(QStringLiteral("Yq"), QString(), QStringLiteral("br"));             // the whole domain
        add(QStringLiteral("Brick Works"), QString(), QString());               // at the start
        add(QStringLiteral("Zimbr"), QString(), QString());                     // at the end
        add(QStringLiteral("Loma"), QStringLiteral("https://loma.com.br"), QStringLiteral("loma.com.br"));
        add(QStringLiteral("Ma Lo"), QString(), QString());                     // both words, apart
        add(QStringLiteral("50%_off"), QString(), QString());                   // LIKE's wildcards, literal
        add(QStringLiteral("5x_y"), QString(), QString());
        add(QStringLiteral("Say \"hi\""), QString(), QString());                // quotes
        add(QString(QChar(0x212A)) + QStringLiteral("q corp"), QString(), QString()); // KELVIN SIGN + q
        add(QStringLiteral("Kq"), QString(), QString());
        add(QStringLiteral("Jq"), QString(), QString());
        ws.exec(QStringLiteral("COMMIT"));
    }

    // The straightforward query: every word a LIKE on name, website or domain, and a sort.
    QList<qint64> straightforward(const QString& words, const QString& condition, Qt::SortOrder order) {
        QStringList where;
        QVariantList binds;
        for (const QString& w : words.split(u' ', Qt::SkipEmptyParts)) {
            where << QStringLiteral("(name LIKE ? ESCAPE '\\' OR website LIKE ? ESCAPE '\\' OR domain LIKE ? "
                                    "ESCAPE '\\')");
            const QString p = FilterCompiler::containsPattern(w);
            binds << p << p << p;
        }
        if (!condition.isEmpty())
            where << condition;
        const QString dir = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
        QSqlQuery q(ws.db());
        EXPECT_TRUE(q.prepare(QStringLiteral("SELECT id FROM companies") +
                              (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
                              QStringLiteral(" ORDER BY name COLLATE NOCASE") + dir + QStringLiteral(", id") + dir))
            << q.lastError().text().toStdString();
        for (const QVariant& v : binds)
            q.addBindValue(v);
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        return ids;
    }

    // Every answer of `q` (ids, counts, pages) against `expected`; the plans used are counted.
    void expectSame(CompanyQuery& q, const QList<qint64>& expected) {
        const auto ids = q.ids();
        ASSERT_TRUE(ids.has_value());
        EXPECT_EQ(*ids, expected);
        EXPECT_EQ(q.count(), expected.size());
        const auto capped = q.countUpTo(20);
        ASSERT_TRUE(capped.has_value());
        EXPECT_EQ(capped->value, qMin<qint64>(20, expected.size()));
        for (const qint64 offset : {0, 3, 120}) {
            for (const int limit : {5, 100}) {
                const auto page = q.page(offset, limit);
                ASSERT_TRUE(page.has_value());
                QList<qint64> got;
                for (const CompanyRow& r : *page)
                    got << r.id;
                EXPECT_EQ(got, expected.mid(offset, limit)) << "offset " << offset << " limit " << limit;
                ++plansSeen[q.lastPlan()];
            }
        }
    }

    QueryWorkspace ws;
    std::map<CompanyQuery::Plan, int> plansSeen;
};

const QStringList freeTexts = {
    QStringLiteral("br"),    QStringLiteral("BR"),     QStringLiteral("lo ma"),  QStringLiteral("ma lo"),
    QStringLiteral("br ma"), QStringLiteral("lo"),     QStringLiteral("lo m"),   QStringLiteral("kq"),
    QStringLiteral("zz"),    QStringLiteral("zz br"),  QStringLiteral("%_"),     QStringLiteral("x_"),
    QStringLiteral("om"),     QStringLiteral("r lo"),   QStringLiteral("br loma"),
    QStringLiteral(".b"),    QStringLiteral("br rick")};

} // namespace

TEST_F(ShortTextPlanTest, FreeTextOfTwoCharactersGivesTheRowsOfAPlainLike) {
    for (const int sparse : {20000, 40}) {
        for (const int budget : {10000, 300}) {
            CompanyQuery::Tuning tuning;
            tuning.sparseTextLimit = sparse;
            tuning.walkBudget = budget;
            for (const QString& text : freeTexts) {
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    SCOPED_TRACE(QStringLiteral("%1 (sparse %2, budget %3)").arg(text).arg(sparse).arg(budget).toStdString());
                    CompanyQuery q(ws.connectionName());
                    q.setTuning(tuning);
                    q.setSearchText(text);
                    q.setSort(QStringLiteral("name"), order);
                    expectSame(q, straightforward(text, QString(), order));
                }
            }
        }
    }
    EXPECT_GT(plansSeen[CompanyQuery::Plan::TextIndex], 0);
    EXPECT_GT(plansSeen[CompanyQuery::Plan::IndexWalk], 0);
}

TEST_F(ShortTextPlanTest, ContainsOfTwoCharactersGivesTheRowsOfAPlainLike) {
    struct Case {
        QString expression;
        QString sql; // the same condition, written plainly
    };
    const std::vector<Case> cases = {
        {QStringLiteral("name contains br"), QStringLiteral("name LIKE '%br%'")},
        {QStringLiteral("website contains BR"), QStringLiteral("website LIKE '%br%'")},
        {QStringLiteral("domain contains br"), QStringLiteral("domain LIKE '%br%'")},
        {QStringLiteral("name contains zz"), QStringLiteral("name LIKE '%zz%'")},
        {QStringLiteral("name contains kq"), QStringLiteral("name LIKE '%kq%'")},
        {QStringLiteral("name contains \"%_\""), QStringLiteral("name LIKE '%\\%\\_%' ESCAPE '\\'")},
        {QStringLiteral("name contains lo"), QStringLiteral("name LIKE '%lo%'")},
        {QStringLiteral("name contains '\"h'"), QStringLiteral("name LIKE '%\"h%'")},
        {QStringLiteral("not name contains br"), QStringLiteral("NOT name LIKE '%br%'")},
        {QStringLiteral("name contains br or domain contains br"),
         QStringLiteral("(name LIKE '%br%' OR domain LIKE '%br%')")},
        {QStringLiteral("country = UK and name contains ma"),
         QStringLiteral("country = 'UK' AND name LIKE '%ma%'")},
        {QStringLiteral("name contains lo and website contains br"),
         QStringLiteral("name LIKE '%lo%' AND website LIKE '%br%'")},
    };
    for (const int sparse : {20000, 40}) {
        CompanyQuery::Tuning tuning;
        tuning.sparseTextLimit = sparse;
        tuning.walkBudget = 300;
        for (const Case& c : cases) {
            for (const QString& text : {QString(), QStringLiteral("lo"), QStringLiteral("br")}) {
                SCOPED_TRACE(QStringLiteral("%1 / %2 (sparse %3)").arg(c.expression, text).arg(sparse).toStdString());
                CompanyQuery q(ws.connectionName());
                q.setTuning(tuning);
                ASSERT_FALSE(q.setFilterExpression(c.expression).has_value());
                q.setSearchText(text);
                expectSame(q, straightforward(text, c.sql, Qt::AscendingOrder));
            }
        }
    }
}

// The lookup must follow the index: a company added, renamed or removed after a query ran is
// found (or no longer found) by the next one.
TEST_F(ShortTextPlanTest, NewAndChangedValuesAreFoundByTheNextQuery) {
    auto idsOf = [&](const QString& text) {
        CompanyQuery q(ws.connectionName());
        q.setSearchText(text);
        return q.ids().value_or(QList<qint64>{{-1}});
    };
    EXPECT_TRUE(idsOf(QStringLiteral("qx")).isEmpty());
    QueryWorkspace::Company c;
    c.name = QStringLiteral("Aqx");
    const qint64 id = ws.insert(c);
    EXPECT_EQ(idsOf(QStringLiteral("qx")), QList<qint64>{id});
    ws.exec(QStringLiteral("UPDATE companies SET name = 'Qxa' WHERE id = ?"), {id});
    EXPECT_EQ(idsOf(QStringLiteral("qx")), QList<qint64>{id});
    ws.exec(QStringLiteral("UPDATE companies SET name = 'Qx' WHERE id = ?"), {id});
    EXPECT_EQ(idsOf(QStringLiteral("qx")), QList<qint64>{id});
    ws.exec(QStringLiteral("DELETE FROM companies WHERE id = ?"), {id});
    EXPECT_TRUE(idsOf(QStringLiteral("qx")).isEmpty());
}

// A rare two-character word is answered from the index, not by reading every row.
TEST_F(ShortTextPlanTest, RareTwoCharacterWordsUseTheSearchIndex) {
    for (const QString& text : {QStringLiteral("br"), QStringLiteral("zz"), QStringLiteral("lo br")}) {
        SCOPED_TRACE(text.toStdString());
        CompanyQuery q(ws.connectionName());
        q.setSearchText(text);
        ASSERT_TRUE(q.page(0, 100).has_value());
        EXPECT_EQ(q.lastPlan(), CompanyQuery::Plan::TextIndex);
    }
}

// ... and so is a rare two-character `contains`: counted in SQLite virtual-machine steps (the
// statement check is polled every ~1,000), the first page (a short walk along the sort order that
// finds too few, then the index) costs a fraction of reading every row.
TEST_F(ShortTextPlanTest, RareTwoCharacterTextIsLookedUpNotScanned) {
    int polls = 0;
    StatementCancel counter(ws.db(), [&] {
        ++polls;
        return false;
    });
    ASSERT_TRUE(counter.isActive());
    // Enough rows that reading them all stands out from the planning's fixed cost.
    ws.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 20000; ++i) {
        QueryWorkspace::Company c;
        c.name = QStringLiteral("Tekano %1").arg(i);
        c.domain = QStringLiteral("tekano%1.net").arg(i);
        c.employees = i % 50;
        ws.insert(c);
    }
    ws.exec(QStringLiteral("COMMIT"));
    auto stepsOf = [&](const std::function<void()>& work) {
        polls = 0;
        work();
        return polls;
    };
    const int scan = stepsOf([&] { straightforward(QStringLiteral("br"), QString(), Qt::AscendingOrder); });
    ASSERT_GT(scan, 100); // 22,000 rows read: the measure can tell
    for (const auto& [text, expression] :
         {std::pair{QStringLiteral("br"), QString()}, std::pair{QString(), QStringLiteral("name contains br")},
          std::pair{QString(), QStringLiteral("domain contains br and employees > 5")}}) {
        SCOPED_TRACE(QString(text + expression).toStdString());
        const int steps = stepsOf([&] {
            CompanyQuery q(ws.connectionName());
            CompanyQuery::Tuning tuning;
            tuning.walkBudget = 1000; // of 22,000 rows, as 10,000 of 1,000,000 are
            tuning.sampleRows = 200;
            q.setTuning(tuning);
            q.setSearchText(text);
            ASSERT_FALSE(q.setFilterExpression(expression).has_value());
            ASSERT_TRUE(q.page(0, 100).has_value());
        });
        EXPECT_LT(steps, scan / 4);
    }
}
