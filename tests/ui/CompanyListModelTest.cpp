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
