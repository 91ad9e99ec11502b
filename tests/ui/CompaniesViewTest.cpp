// The company filter/list view of the real main window, over the sample workspace, driven by
// object names, mouse and keyboard.
#include "UiTestSupport.h"

#include "core/query/CompanyQuery.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/store/Workspace.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/companies/CompanyListView.h"
#include "ui/companies/ContactListModel.h"
#include "ui/companies/ContactsPanel.h"
#include "ui/companies/FilterBar.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class CompaniesViewTest : public UiTest {
protected:
    qint64 expectedCount(const QString& text, const QString& expression) {
        CompanyQuery q(context->workspace()->connectionName());
        q.setSearchText(text);
        if (!expression.isEmpty()) {
            if (auto e = q.setFilterExpression(expression))
                ADD_FAILURE() << str(e->describe(expression));
        }
        return q.count().value_or(-1);
    }

    QPoint cellCenter(int row, int column) {
        CompanyListView* list = window->companyList();
        list->scrollTo(window->companyModel()->index(row, column));
        return list->visualRect(window->companyModel()->index(row, column)).center();
    }

    void clickCell(int row, int column, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::mouseClick(window->companyList()->viewport(), Qt::LeftButton, modifiers,
                          cellCenter(row, column));
    }

    QString countsLabel() { return find<QLabel>(QStringLiteral("countsLabel"))->text(); }
};

} // namespace

TEST_F(CompaniesViewTest, ShowsEveryCompanyWithCounts) {
    const qint64 total = CompanyStore(*context->workspace()).count();
    ASSERT_GT(total, 100);
    CompanyListModel* model = window->companyModel();
    EXPECT_EQ(model->rowCount(), total);
    EXPECT_EQ(model->totalCount(), total);
    EXPECT_EQ(countsLabel(), QStringLiteral("%1 of %1 · 0 selected").arg(total));
    // Columns: the tick box, then the company fields (custom ones from the sample CSV too).
    EXPECT_GT(model->columnOf(QStringLiteral("name")), 0);
    EXPECT_GT(model->columnOf(QStringLiteral("employees")), 0);
    EXPECT_GT(model->columnOf(QStringLiteral("tier")), 0);
}

TEST_F(CompaniesViewTest, FreeTextFiltersTheList) {
    search(QStringLiteral("brightfield"));
    const qint64 expected = expectedCount(QStringLiteral("brightfield"), QString());
    ASSERT_GT(expected, 0);
    CompanyListModel* model = window->companyModel();
    EXPECT_EQ(model->rowCount(), expected);
    for (int row = 0; row < model->rowCount(); ++row) {
        const CompanyRow* r = model->rowAt(row);
        ASSERT_NE(r, nullptr);
        const QString haystack = r->name + u' ' + r->website + u' ' + r->domain;
        EXPECT_TRUE(haystack.contains(QStringLiteral("brightfield"), Qt::CaseInsensitive)) << str(haystack);
    }
    const qint64 total = CompanyStore(*context->workspace()).count();
    EXPECT_EQ(countsLabel(), QStringLiteral("%1 of %2 · 0 selected").arg(expected).arg(total));
}

TEST_F(CompaniesViewTest, TypingIsDebouncedIntoOneQuery) {
    QLineEdit* edit = find<QLineEdit>(QStringLiteral("searchEdit"));
    QSignalSpy queries(window->companyModel(), &CompanyListModel::queryStarted);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("quillmoor"));
    ASSERT_TRUE(waitFor([&] { return queries.count() >= 1; }));
    ASSERT_TRUE(waitForList());
    EXPECT_EQ(queries.count(), 1);
    EXPECT_EQ(window->companyModel()->rowCount(), expectedCount(QStringLiteral("quillmoor"), QString()));
}

TEST_F(CompaniesViewTest, ConditionsJoinedByAllOrAny) {
    FilterBar* bar = window->filterBar();
    auto* add = find<QPushButton>(QStringLiteral("addConditionButton"));
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    ASSERT_EQ(bar->conditions().size(), 2);
    ASSERT_TRUE(bar->conditions().at(0)->setCondition(
        QStringLiteral("country"), FilterConditionRow::Operator::Equal, QStringLiteral("UK")));
    ASSERT_TRUE(bar->conditions().at(1)->setCondition(
        QStringLiteral("employees"), FilterConditionRow::Operator::Greater, QStringLiteral("50")));
    bar->applyNow();
    ASSERT_TRUE(waitForList());
    const qint64 all = expectedCount(QString(), QStringLiteral("country = \"UK\" and employees > 50"));
    EXPECT_EQ(window->companyModel()->rowCount(), all);
    EXPECT_EQ(find<QLabel>(QStringLiteral("filterExpressionLabel"))->text(),
              QStringLiteral("Filter: country = \"UK\" and employees > 50"));

    auto* mode = find<QComboBox>(QStringLiteral("matchModeCombo"));
    mode->setCurrentIndex(1); // any
    bar->applyNow();
    ASSERT_TRUE(waitForList());
    const qint64 any = expectedCount(QString(), QStringLiteral("country = \"UK\" or employees > 50"));
    EXPECT_EQ(window->companyModel()->rowCount(), any);
    EXPECT_GT(any, all);

    // Removing a condition widens the list again.
    QTest::mouseClick(bar->conditions().at(1)->findChild<QWidget*>(QStringLiteral("removeCondition")),
                      Qt::LeftButton);
    bar->applyNow();
    ASSERT_TRUE(waitForList());
    EXPECT_EQ(window->companyModel()->rowCount(), expectedCount(QString(), QStringLiteral("country = UK")));
}

TEST_F(CompaniesViewTest, AValueThatDoesNotFitShowsAnError) {
    FilterBar* bar = window->filterBar();
    FilterConditionRow* row = bar->addCondition();
    ASSERT_TRUE(row->setCondition(QStringLiteral("employees"), FilterConditionRow::Operator::Greater,
                                  QStringLiteral("lots")));
    bar->applyNow();
    auto* error = find<QLabel>(QStringLiteral("filterErrorLabel"));
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_TRUE(error->text().contains(QStringLiteral("lots"))) << str(error->text());
    // Fixing it clears the error.
    row->valueEdit()->setText(QStringLiteral("50"));
    bar->applyNow();
    ASSERT_TRUE(waitForList());
    EXPECT_FALSE(error->isVisible());
}

TEST_F(CompaniesViewTest, HeaderClickSortsByThatField) {
    CompanyListModel* model = window->companyModel();
    const int column = model->columnOf(QStringLiteral("employees"));
    QHeaderView* header = window->companyList()->horizontalHeader();
    const QPoint pos(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                     header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
    ASSERT_TRUE(waitForList());
    EXPECT_EQ(model->spec().sortField, QStringLiteral("employees"));
    CompanyQuery q(context->workspace()->connectionName());
    q.setSort(QStringLiteral("employees"), model->spec().order);
    const auto expected = q.page(0, 20);
    ASSERT_TRUE(expected);
    for (int row = 0; row < expected->size(); ++row)
        EXPECT_EQ(model->companyId(row), expected->at(row).id) << "row " << row;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
    ASSERT_TRUE(waitForList());
    EXPECT_NE(model->spec().order, q.sortOrder());
}

TEST_F(CompaniesViewTest, TickBoxesShiftClickAndSelectAllFiltered) {
    CompanyListModel* model = window->companyModel();
    const int check = CompanyListModel::CheckColumn;
    const qint64 total = model->rowCount();

    clickCell(1, check);
    EXPECT_TRUE(model->isChecked(1));
    EXPECT_EQ(model->selection().size(), 1);
    clickCell(1, check);
    EXPECT_FALSE(model->isChecked(1));

    clickCell(2, check);
    clickCell(6, 2, Qt::ShiftModifier); // any column: rows 2..6 take the anchor's state
    EXPECT_EQ(model->selection().size(), 5);
    for (int row = 2; row <= 6; ++row)
        EXPECT_TRUE(model->isChecked(row)) << row;
    EXPECT_FALSE(model->isChecked(7));
    clickCell(9, 3, Qt::ControlModifier);
    EXPECT_TRUE(model->isChecked(9));
    EXPECT_EQ(countsLabel(), QStringLiteral("%1 of %1 · 6 selected").arg(total));

    // Keyboard: Space ticks the current row.
    window->companyList()->setFocus();
    window->companyList()->setCurrentIndex(model->index(12, 1));
    QTest::keyClick(window->companyList(), Qt::Key_Space);
    EXPECT_TRUE(model->isChecked(12));

    // Select all filtered (Ctrl+Shift+A), then widen: the selection stays.
    search(QStringLiteral("brightfield"));
    const qint64 matches = model->rowCount();
    find<QAction>(QStringLiteral("clearSelectionAction"))->trigger();
    EXPECT_TRUE(model->selection().isEmpty());
    find<QAction>(QStringLiteral("selectAllFilteredAction"))->trigger();
    ASSERT_TRUE(waitFor([&] { return !model->isBusy() && model->selection().size() == matches; }));
    search(QString());
    EXPECT_EQ(model->rowCount(), total);
    EXPECT_EQ(countsLabel(), QStringLiteral("%1 of %1 · %2 selected").arg(total).arg(matches));
    EXPECT_EQ(window->selectedCompanyIds().size(), matches);
}

TEST_F(CompaniesViewTest, ContactsOfTheCurrentCompanyShowBeside) {
    CompanyListModel* model = window->companyModel();
    ContactStore contacts(*context->workspace());
    int rowWithContacts = -1;
    qsizetype expected = 0;
    for (int row = 0; row < model->rowCount() && rowWithContacts < 0; ++row) {
        const CompanyRow* r = model->rowAt(row);
        ASSERT_NE(r, nullptr);
        expected = contacts.listByCompany(r->id).size();
        if (expected > 0)
            rowWithContacts = row;
    }
    ASSERT_GE(rowWithContacts, 0) << "the sample data has companies with contacts";
    auto* title = find<QLabel>(QStringLiteral("contactsTitle"));
    EXPECT_EQ(title->text(), QStringLiteral("Contacts"));

    clickCell(rowWithContacts, 1);
    auto* table = find<QTableView>(QStringLiteral("contactList"));
    ASSERT_TRUE(waitFor([&] { return table->model()->rowCount() == expected; }));
    EXPECT_TRUE(table->isVisible());
    const QString name = model->rowAt(rowWithContacts)->name;
    EXPECT_TRUE(title->text().contains(name)) << str(title->text());
    const QList<Contact> list = contacts.listByCompany(model->companyId(rowWithContacts));
    EXPECT_EQ(table->model()->index(0, 2).data().toString(), list.first().email);
}

TEST_F(CompaniesViewTest, KeyboardShortcutsReachTheMainActions) {
    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->companyList()->setFocus();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(find<QLineEdit>(QStringLiteral("searchEdit"))->hasFocus());

    QTest::keyClick(window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    CompanyListModel* model = window->companyModel();
    ASSERT_TRUE(waitFor([&] { return !model->isBusy() && model->selection().size() == model->rowCount(); }));
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(model->selection().isEmpty());
}
