// StatementCancel stops a running statement once its check says so, and only then.
#include "QueryTestSupport.h"

#include "core/query/CompanyQuery.h"
#include "core/query/StatementCancel.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <atomic>

using namespace syncdesk;
using syncdesk::test::QueryWorkspace;

namespace {

// A statement that runs for ~10^12 steps unless stopped.
const char endless[] =
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000000)"
    " SELECT count(*) FROM n";
// ~200,000 rows: a few hundred polls.
const char bounded[] = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000)"
                       " SELECT count(*) FROM n";

} // namespace

TEST(StatementCancelTest, StopsARunningStatementWhenTheCheckSaysSo) {
    QueryWorkspace ws;
    std::atomic<int> polls{0};
    StatementCancel cancel(ws.db(), [&] { return ++polls >= 50; });
    ASSERT_TRUE(cancel.isActive());
    QSqlQuery q(ws.db());
    EXPECT_FALSE(q.exec(QString::fromLatin1(endless)));
    EXPECT_TRUE(q.lastError().text().contains(QLatin1String("interrupt"), Qt::CaseInsensitive))
        << q.lastError().text().toStdString();
    EXPECT_EQ(polls.load(), 50);
}

TEST(StatementCancelTest, LetsStatementsRunWhileTheCheckSaysGoOn) {
    QueryWorkspace ws;
    std::atomic<int> polls{0};
    {
        StatementCancel cancel(ws.db(), [&] {
            ++polls;
            return false;
        });
        QSqlQuery q(ws.db());
        ASSERT_TRUE(q.exec(QString::fromLatin1(bounded))) << q.lastError().text().toStdString();
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toLongLong(), 200000);
    }
    EXPECT_GT(polls.load(), 0);

    // Once the canceller is gone nothing is checked any more.
    const int before = polls.load();
    QSqlQuery q(ws.db());
    ASSERT_TRUE(q.exec(QString::fromLatin1(bounded)));
    EXPECT_EQ(polls.load(), before);
}

TEST(StatementCancelTest, AnInterruptedPageIsAnErrorNotAShortPage) {
    QueryWorkspace ws;
    ws.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 5000; ++i) {
        QueryWorkspace::Company c;
        c.name = QStringLiteral("Company %1").arg(i, 5, 10, QLatin1Char('0'));
        c.description = QStringLiteral("row %1").arg(i);
        ws.insert(c);
    }
    ws.exec(QStringLiteral("COMMIT"));

    std::atomic<bool> stop{false};
    StatementCancel cancel(ws.db(), [&] { return stop.load(); });
    CompanyQuery q(ws.connectionName());
    // `contains` on description has no index: every row is read.
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("description contains \"row 4999\"")).has_value());
    const auto page = q.page(0, 100);
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->size(), 1);

    QString error;
    CompanyQuery again(ws.connectionName());
    ASSERT_FALSE(again.setFilterExpression(QStringLiteral("description contains row")).has_value());
    stop = true;
    EXPECT_FALSE(again.page(0, 100, &error).has_value());
    EXPECT_TRUE(error.contains(QLatin1String("interrupt"), Qt::CaseInsensitive)) << error.toStdString();
    EXPECT_FALSE(again.ids(&error).has_value());
}
