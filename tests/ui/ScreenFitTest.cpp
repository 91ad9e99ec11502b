// The window and every dialog fit the smallest screens SyncDesk supports: 1600x1000 at 200 %
// (800x500 logical pixels) and 1280x800 at 100 %. Sizes are in logical pixels, which do not depend
// on QT_SCALE_FACTOR (ctest also runs this suite with QT_SCALE_FACTOR=2), so one process checks
// both screens. The screenshot suite checks the same against the real screen under Xvfb.
#include "UiTestSupport.h"

#include "ui/common/SandboxBadge.h"
#include "ui/companies/CompanyListView.h"
#include "ui/companies/FilterBar.h"
#include "ui/companies/FilterConditionRow.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

struct TargetScreen {
    const char* name;
    QSize pixels;
    int scalePercent;
};

constexpr TargetScreen targetScreens[] = {{"1600x1000 at 200 %", {1600, 1000}, 200},
                                          {"1280x800 at 100 %", {1280, 800}, 100}};

// What the desktop keeps for itself, in logical pixels: a panel and the window's title bar.
constexpr int desktopReservedHeight = 64;

QSize roomOn(const TargetScreen& s) {
    return QSize(s.pixels.width() * 100 / s.scalePercent,
                 s.pixels.height() * 100 / s.scalePercent - desktopReservedHeight);
}

std::string sizeText(const QSize& s) {
    return std::to_string(s.width()) + "x" + std::to_string(s.height());
}

class ScreenFitTest : public UiTest {
protected:
    // The window's smallest size fits each target screen, and resizing it to that screen works.
    void expectFits(QWidget* w, const QString& what) {
        const QSize needs = w->minimumSizeHint().expandedTo(w->minimumSize());
        std::printf("%s: minimum %s\n", qPrintable(what), sizeText(needs).c_str());
        for (const TargetScreen& screen : targetScreens) {
            const QSize room = roomOn(screen);
            EXPECT_LE(needs.width(), room.width()) << str(what) << " on " << screen.name << " needs "
                                                   << sizeText(needs) << ", room " << sizeText(room);
            EXPECT_LE(needs.height(), room.height()) << str(what) << " on " << screen.name << " needs "
                                                     << sizeText(needs) << ", room " << sizeText(room);
            const QSize before = w->size();
            w->resize(room);
            QCoreApplication::processEvents();
            EXPECT_LE(w->width(), room.width()) << str(what) << " on " << screen.name;
            EXPECT_LE(w->height(), room.height()) << str(what) << " on " << screen.name;
            w->resize(before);
        }
    }
};

} // namespace

TEST_F(ScreenFitTest, TheMainWindowFitsOnEveryPage) {
    // A workspace deep in a long path: the status bar shows it shortened, not wider than the screen.
    const QString deep = dir.filePath(QStringLiteral("a-rather-long-folder-name-for-the-team/") +
                                      QStringLiteral("revops-shared-workspaces-2026/quarterly-review/") +
                                      QStringLiteral("companies-and-contacts-of-the-emea-region.sqlite"));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(deep).path()));
    QString error;
    ASSERT_TRUE(context->openWorkspace(deep, true, &error)) << str(error);
    ASSERT_TRUE(waitForList());
    auto* workspaceLabel = find<QLabel>(QStringLiteral("workspaceLabel"));
    EXPECT_TRUE(workspaceLabel->toolTip().endsWith(QStringLiteral("emea-region.sqlite")));

    auto* tabs = find<QTabWidget>(QStringLiteral("mainTabs"));
    ASSERT_NE(window->logDock(), nullptr);
    EXPECT_TRUE(window->logDock()->isVisible());
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        expectFits(window.get(), QStringLiteral("main window, page ") + tabs->widget(i)->objectName());
    }
}

TEST_F(ScreenFitTest, TheMainWindowFitsWithFilterConditions) {
    FilterBar* bar = window->filterBar();
    bar->addCondition()->setCondition(QStringLiteral("country"), FilterConditionRow::Operator::In,
                                      QStringLiteral("UK, United Kingdom, GB"));
    bar->addCondition()->setCondition(QStringLiteral("employees"),
                                      FilterConditionRow::Operator::GreaterOrEqual, QStringLiteral("10"));
    bar->applyNow();
    ASSERT_TRUE(waitForList());
    expectFits(window.get(), QStringLiteral("main window with two conditions"));
}

// At 800x436 logical pixels the companies view is still usable: the list shows several rows,
// the toolbar's actions that do not fit are behind its extension button.
TEST_F(ScreenFitTest, TheCompaniesViewIsUsableAtTheSmallestSize) {
    const QSize room = roomOn(targetScreens[0]);
    window->resize(room);
    QTest::qWait(50);
    ASSERT_EQ(window->size(), room);
    CompanyListView* list = window->companyList();
    const int rowHeight = list->verticalHeader()->defaultSectionSize();
    EXPECT_GE(list->viewport()->height(), 4 * rowHeight) << "list height " << list->viewport()->height();
    EXPECT_GE(list->viewport()->width(), room.width() / 2);
    // The Sandbox badge stays in view, with its short text.
    auto* badge = find<SandboxBadge>(QStringLiteral("sandboxBadge"));
    EXPECT_TRUE(badge->isVisible());
    EXPECT_TRUE(badge->isCompact());
    // The log's filter bar wraps onto a second line, not cut off.
    auto* exportButton = find<QWidget>(QStringLiteral("logExportButton"));
    auto* filterBar = find<QWidget>(QStringLiteral("logFilterBar"));
    EXPECT_LE(exportButton->geometry().bottom(), filterBar->height());
    EXPECT_GT(exportButton->y(), 0) << "on the second line";
    QToolBar* toolBar = window->mainToolBar();
    EXPECT_LE(toolBar->geometry().right(), room.width());
    for (QAction* a : toolBar->actions()) {
        QWidget* button = toolBar->widgetForAction(a);
        if (button && button->isVisible()) {
            EXPECT_LE(button->geometry().right(), toolBar->width()) << str(a->text()) << " is cut off";
        }
    }
}

TEST_F(ScreenFitTest, EveryDialogFits) {
    int visited = 0;
    ASSERT_TRUE(tourDialogs([&](QWidget* dialog, const QString& name) {
        ++visited;
        expectFits(dialog, name);
    }));
    EXPECT_EQ(visited, 8);
}
