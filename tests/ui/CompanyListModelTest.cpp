// The list model on its own, with small pages, over a workspace of generated companies: rows come
// a page at a time, counts are capped first and exact later, selections reach rows never loaded.
#include "UiTestSupport.h"

#include "core/query/CompanyQuery.h"
#include "core/store/CompanyStore.h"
#include "core/store/Workspace.h"
#include "ui/companies/CompanyListModel.h"

#include <QSignalSpy>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class CompanyListModelTest : public UiTest {
protected:
    Setup setup() const override {
        Setup s;
        s.openWorkspace = false;
        s.createWindow = false;
        s.startSandbox = false;
        return s;
    }

    void SetUp() override {
        UiTest::SetUp();
        // 1,000 companies, created before the context opens the workspace (no sample import then).
        {
            std::unique_ptr<Workspace> ws = Workspace::open(workspacePath());
            ASSERT_TRUE(ws);
            CompanyStore store(*ws);
            auto t = ws->transaction();
            for (int i = 1; i <= companies; ++i) {
                Company c;
                c.name = QStringLiteral("Company %1").arg(i, 4, 10, QLatin1Char('0'));
                c.website = QStringLiteral("https://c%1.example.com").arg(i);
                c.country = i % 4 == 0 ? QStringLiteral("UK") : QStringLiteral("Germany");
                c.employees = i;
                ASSERT_TRUE(store.insert(c)) << str(store.lastError());
            }
            ASSERT_TRUE(t.commit());
        }
        QString error;
        ASSERT_TRUE(context->openWorkspace(workspacePath(), true, &error)) << str(error);
        CompanyQueryWorker::Settings settings;
        settings.pageSize = 50;
        settings.countCap = 100;
        settings.maxPendingPages = 4;
        model = std::make_unique<CompanyListModel>(*context, settings);
    }

    void TearDown() override {
        model.reset();
        UiTest::TearDown();
    }

    bool settled() {
        return waitFor(
            [this] { return !model->isLoading() && model->matchCountExact() && model->totalCount() >= 0; });
    }

    static constexpr int companies = 1000;
    std::unique_ptr<CompanyListModel> model;
};

} // namespace

TEST_F(CompanyListModelTest, CountsCappedFirstThenExact) {
    QSignalSpy counts(model.get(), &CompanyListModel::countsChanged);
    ASSERT_TRUE(settled());
    EXPECT_EQ(model->rowCount(), companies);
    EXPECT_EQ(model->matchCount(), companies);
    EXPECT_EQ(model->totalCount(), companies);
    // At some point the count was "at least 100" (capped), before the exact one.
    EXPECT_GE(counts.count(), 3);
}

TEST_F(CompanyListModelTest, RowsAreReadAPageAtATime) {
    ASSERT_TRUE(settled());
    EXPECT_TRUE(model->isRowLoaded(0));
    EXPECT_TRUE(model->isRowLoaded(49));
    EXPECT_FALSE(model->isRowLoaded(50));
    EXPECT_FALSE(model->isRowLoaded(700));
    // Asking for a row's data requests its page.
    EXPECT_EQ(model->data(model->index(700, 1)).toString(), QStringLiteral("Loading…"));
    ASSERT_TRUE(waitFor([this] { return model->isRowLoaded(700); }));
    EXPECT_TRUE(model->isRowLoaded(749));
    EXPECT_FALSE(model->isRowLoaded(750));
    // Sorted by name: "Company 0701" is row 700.
    EXPECT_EQ(model->data(model->index(700, model->columnOf(QStringLiteral("name")))).toString(),
              QStringLiteral("Company 0701"));
}

TEST_F(CompanyListModelTest, FilterAndSortFollowCompanyQuery) {
    ASSERT_TRUE(settled());
    model->setQuery(QString(), FilterNode::condition(QStringLiteral("country"), FilterOperator::Equal,
                                                     QStringLiteral("UK")));
    model->sort(model->columnOf(QStringLiteral("employees")), Qt::DescendingOrder);
    ASSERT_TRUE(settled());

    CompanyQuery q(context->workspace()->connectionName());
    ASSERT_FALSE(q.setFilterExpression(QStringLiteral("country = UK")));
    q.setSort(QStringLiteral("employees"), Qt::DescendingOrder);
    const auto expected = q.page(0, 10);
    ASSERT_TRUE(expected);
    EXPECT_EQ(model->rowCount(), q.count().value_or(-1));
    for (int row = 0; row < expected->size(); ++row)
        EXPECT_EQ(model->companyId(row), expected->at(row).id) << "row " << row;
    EXPECT_EQ(model->data(model->index(0, model->columnOf(QStringLiteral("employees")))).toString(),
              QStringLiteral("1,000"));
}

TEST_F(CompanyListModelTest, SelectAllMatchingReachesRowsNeverLoaded) {
    ASSERT_TRUE(settled());
    model->setQuery(QString(), FilterNode::condition(QStringLiteral("country"), FilterOperator::Equal,
                                                     QStringLiteral("Germany")));
    ASSERT_TRUE(settled());
    QSignalSpy busy(model.get(), &CompanyListModel::busyChanged);
    model->selectAllMatching();
    ASSERT_TRUE(waitFor([this] { return !model->isBusy() && !model->selection().isEmpty(); }));
    EXPECT_EQ(model->selection().size(), 750);
    EXPECT_GE(busy.count(), 2);

    // The selection stays when the filter changes; ticking a UK company adds to it.
    model->setQuery(QString(), std::nullopt);
    ASSERT_TRUE(settled());
    int ukRow = -1;
    for (int row = 0; row < 50 && ukRow < 0; ++row) {
        if (!model->isChecked(row))
            ukRow = row;
    }
    ASSERT_GE(ukRow, 0);
    model->setChecked(ukRow, true);
    EXPECT_EQ(model->selection().size(), 751);
    model->clearSelection();
    EXPECT_TRUE(model->selection().isEmpty());
}

TEST_F(CompanyListModelTest, RangeBeyondLoadedPagesIsResolvedOnTheWorker) {
    ASSERT_TRUE(settled());
    model->setRangeChecked(900, 10, true); // either order; rows 50.. not loaded
    ASSERT_TRUE(waitFor([this] { return !model->isBusy(); }));
    EXPECT_EQ(model->selection().size(), 891);
    EXPECT_TRUE(model->isChecked(10));
    model->data(model->index(900, 1)); // asks for its page
    ASSERT_TRUE(waitFor([this] { return model->isRowLoaded(900); }));
    EXPECT_TRUE(model->isChecked(900));
    model->setRangeChecked(20, 29, false); // loaded: at once
    EXPECT_FALSE(model->isBusy());
    EXPECT_EQ(model->selection().size(), 881);
}

TEST_F(CompanyListModelTest, AFilterErrorIsReportedAndTheListKept) {
    ASSERT_TRUE(settled());
    QSignalSpy failed(model.get(), &CompanyListModel::queryFailed);
    model->setQuery(QString(), FilterNode::condition(QStringLiteral("employees"), FilterOperator::Greater,
                                                     QStringLiteral("many")));
    ASSERT_TRUE(waitFor([&] { return failed.count() == 1; }));
    EXPECT_FALSE(failed.first().first().toString().isEmpty());
    EXPECT_FALSE(model->isLoading());
    EXPECT_EQ(model->rowCount(), companies);
}

TEST_F(CompanyListModelTest, OnlyTheNewestQueryEverShows) {
    ASSERT_TRUE(settled());
    // What the model holds at each reset (a new query's first page), and at the end.
    QList<QPair<int, qint64>> shown;
    QObject receiver; // ends the connection with the test
    QObject::connect(model.get(), &QAbstractItemModel::modelReset, &receiver, [&] {
        shown.append({model->rowCount(), model->companyId(0)});
    });
    const FilterNode uk =
        FilterNode::condition(QStringLiteral("country"), FilterOperator::Equal, QStringLiteral("UK"));
    const FilterNode big =
        FilterNode::condition(QStringLiteral("employees"), FilterOperator::Greater, QStringLiteral("990"));
    // A burst of keystrokes: each query replaces the one before, whatever the workers were doing.
    model->setQuery(QStringLiteral("company"), std::nullopt);
    model->setQuery(QString(), uk);
    model->setQuery(QString(), big);
    ASSERT_TRUE(settled());
    EXPECT_EQ(model->rowCount(), 10);
    EXPECT_EQ(model->matchCount(), 10);
    ASSERT_FALSE(shown.isEmpty());
    // Only the newest query's page was ever put in the model: employees 991..1000, by name.
    for (const auto& [rows, firstId] : shown) {
        EXPECT_EQ(rows, 10);
        const CompanyRow* first = model->rowAt(0);
        ASSERT_NE(first, nullptr);
        EXPECT_EQ(firstId, first->id);
    }
    EXPECT_EQ(model->rowAt(0)->name, QStringLiteral("Company 0991"));
}

TEST_F(CompanyListModelTest, CountingWaitsUntilItsQueryIsReleased) {
    ASSERT_TRUE(settled());
    CompanyQueryWorker::Settings settings;
    settings.countCap = 100;
    CompanyQueryWorker counter(*context->workspace(), CompanyQueryWorker::Role::Counts, settings);
    QSignalSpy counts(&counter, &CompanyQueryWorker::countReady);
    QSignalSpy totals(&counter, &CompanyQueryWorker::totalReady);
    counter.start();
    CompanyQuerySpec spec;
    spec.filter =
        FilterNode::condition(QStringLiteral("country"), FilterOperator::Equal, QStringLiteral("UK"));
    counter.setQuery(7, spec, true);
    counter.requestTotal();
    // The worker did other work after the held query was posted, but did not count it.
    ASSERT_TRUE(waitFor([&] { return totals.count() == 1; }));
    EXPECT_EQ(totals.first().first().toLongLong(), companies);
    EXPECT_EQ(counts.count(), 0);

    counter.releaseQuery(6); // not the held one: nothing happens
    counter.requestTotal();
    ASSERT_TRUE(waitFor([&] { return totals.count() == 2; }));
    EXPECT_EQ(counts.count(), 0);

    counter.releaseQuery(7);
    ASSERT_TRUE(waitFor([&] { return counts.count() >= 1; }));
    // Capped at 100 first (250 UK companies), exact later.
    EXPECT_EQ(counts.first().at(0).toULongLong(), 7u);
    EXPECT_EQ(counts.first().at(1).toLongLong(), 100);
    EXPECT_FALSE(counts.first().at(2).toBool());
    ASSERT_TRUE(waitFor([&] { return counts.count() == 2; }));
    EXPECT_EQ(counts.last().at(1).toLongLong(), 250);
    EXPECT_TRUE(counts.last().at(2).toBool());
    counter.stop();
}
