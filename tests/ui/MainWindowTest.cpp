// The main window's frame: embedding points for the other views, layout memory, import,
// accessibility and themes.
#include "UiTestSupport.h"

#include "core/store/CompanyStore.h"
#include "core/store/Workspace.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Theme.h"
#include "ui/companies/CompanyListModel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class MainWindowTest : public UiTest {};

} // namespace

TEST_F(MainWindowTest, PagesAddedByOtherViewsGetTabsAndShortcuts) {
    auto* tabs = find<QTabWidget>(QStringLiteral("mainTabs"));
    const int before = tabs->count();
    auto* page = new QLabel(QStringLiteral("runs"));
    page->setObjectName(QStringLiteral("testPage"));
    const int index = window->addPage(page, QStringLiteral("&Test page"));
    EXPECT_EQ(index, before);
    EXPECT_EQ(tabs->count(), before + 1);
    auto* action = find<QAction>(QStringLiteral("testPagePageAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + index))));
    action->trigger();
    EXPECT_EQ(window->currentPage(), page);
    find<QAction>(QStringLiteral("companiesPageAction"))->trigger();
    EXPECT_EQ(window->currentPage(), window->companiesPage());
    EXPECT_TRUE(window->showPage(QStringLiteral("testPage")));
    EXPECT_EQ(tabs->currentWidget(), page);
}

TEST_F(MainWindowTest, TheLogDockIsToggledByCtrlL) {
    auto* dock = new QDockWidget(QStringLiteral("Connector log"));
    dock->setObjectName(QStringLiteral("testLogDock"));
    dock->setWidget(new QLabel(QStringLiteral("log")));
    window->setLogDock(dock);
    EXPECT_EQ(window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QAction* toggle = dock->toggleViewAction();
    EXPECT_EQ(toggle->objectName(), QStringLiteral("toggleLogDockAction"));
    EXPECT_EQ(find<QAction>(QStringLiteral("toggleLogDockAction")), toggle) << "only the current dock's";
    EXPECT_EQ(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    EXPECT_TRUE(dock->isVisible());
    toggle->trigger();
    EXPECT_FALSE(dock->isVisible());
    toggle->trigger();
    EXPECT_TRUE(dock->isVisible());
}

TEST_F(MainWindowTest, SyncSelectedCallsTheHandlerWithTheTickedIdsAndActiveConnection) {
    auto* sync = find<QAction>(QStringLiteral("syncSelectedAction"));
    ASSERT_NE(sync, nullptr);
    EXPECT_EQ(sync->text(), QStringLiteral("&Sync selected to Sandbox"));

    QList<qint64> gotIds;
    QString gotConnection;
    int calls = 0;
    window->setSyncHandler([&](const QList<qint64>& ids, const Connection& c) {
        gotIds = ids;
        gotConnection = c.uuid;
        ++calls;
    });
    EXPECT_FALSE(sync->isEnabled()) << "nothing ticked yet";
    CompanyListModel* model = window->companyModel();
    model->setChecked(3, true);
    model->setChecked(1, true);
    EXPECT_TRUE(sync->isEnabled());
    sync->trigger();
    ASSERT_EQ(calls, 1);
    QList<qint64> expected{model->companyId(1), model->companyId(3)};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(gotIds, expected);
    EXPECT_EQ(gotConnection, context->activeConnectionUuid());
}

TEST_F(MainWindowTest, LayoutIsRememberedAcrossStarts) {
    auto* splitter = find<QSplitter>(QStringLiteral("companiesSplitter"));
    window->resize(window->minimumSizeHint().expandedTo(QSize(1000, 700)) + QSize(37, 23));
    QTest::qWait(20);
    const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
    splitter->setSizes({total * 2 / 3, total - total * 2 / 3});
    QTest::qWait(20);
    const QSize size = window->size();
    const QList<int> sizes = splitter->sizes();
    window->close();
    window.reset();
    EXPECT_FALSE(settings->windowGeometry().isEmpty());
    EXPECT_FALSE(settings->layoutState(QStringLiteral("companiesSplitter")).isEmpty());

    window = std::make_unique<MainWindow>(*context);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    EXPECT_EQ(window->size(), size);
    EXPECT_EQ(find<QSplitter>(QStringLiteral("companiesSplitter"))->sizes(), sizes);
}

TEST_F(MainWindowTest, ImportAddsCompaniesAndReportsBadRowsByLine) {
    const QString csv = dir.filePath(QStringLiteral("more.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("Name,Website,Employees\n"
                "Newco One,https://newco-one.example,10\n"
                "Newco Two,https://newco-two.example,many\n"
                "Newco Three,https://newco-three.example,30\n");
    }
    const qint64 before = CompanyStore(*context->workspace()).count();
    QSignalSpy done(window.get(), &MainWindow::importFinished);
    FileDialog::queueAnswer(csv);
    find<QAction>(QStringLiteral("importCompaniesAction"))->trigger();
    ASSERT_TRUE(waitFor([&] { return done.count() == 1; }));
    const QString summary = done.first().first().toString();
    ASSERT_TRUE(waitForList());
    const qint64 after = CompanyStore(*context->workspace()).count();
    EXPECT_GT(after, before);
    EXPECT_EQ(window->companyModel()->totalCount(), after);
    EXPECT_TRUE(summary.contains(QStringLiteral("more.csv"))) << str(summary);
    ASSERT_FALSE(MessageBox::history().isEmpty());
    EXPECT_EQ(MessageBox::history().last().text, summary);
    search(QStringLiteral("newco"));
    EXPECT_EQ(window->companyModel()->rowCount(), after - before);
}

TEST_F(MainWindowTest, EveryControlHasAnAccessibleNameOrText) {
    QStringList missing;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->objectName().startsWith(QStringLiteral("qt_")))
            continue;
        const bool control = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                             qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractItemView*>(w);
        if (!control || qobject_cast<QHeaderView*>(w)) // headers name each section instead
            continue;
        QString text;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            text = b->text();
        if (w->accessibleName().isEmpty() && text.isEmpty() && w->toolTip().isEmpty())
            missing << (QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName());
    }
    EXPECT_TRUE(missing.isEmpty()) << str(missing.join(QStringLiteral(", ")));
}

TEST_F(MainWindowTest, ThemesSwitchPalettes) {
    find<QAction>(QStringLiteral("themeDarkAction"))->trigger();
    EXPECT_TRUE(Theme::isDark());
    EXPECT_EQ(settings->theme(), QStringLiteral("dark"));
    find<QAction>(QStringLiteral("themeLightAction"))->trigger();
    EXPECT_FALSE(Theme::isDark());
    find<QAction>(QStringLiteral("themeSystemAction"))->trigger();
    EXPECT_EQ(settings->theme(), QStringLiteral("system"));
}

TEST_F(MainWindowTest, EveryActionHasAnObjectNameAndTheMainOnesShortcuts) {
    for (QAction* a : window->findChildren<QAction*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (a->isSeparator() || a->text().isEmpty() || a->menu())
            continue;
        EXPECT_FALSE(a->objectName().isEmpty()) << str(a->text());
    }
    for (const char* name : {"syncSelectedAction", "connectionsAction", "findAction",
                             "selectAllFilteredAction", "clearSelectionAction", "openWorkspaceAction",
                             "importCompaniesAction", "quitAction", "companiesPageAction", "refreshAction"}) {
        auto* a = find<QAction>(QString::fromLatin1(name));
        ASSERT_NE(a, nullptr);
        EXPECT_FALSE(a->shortcut().isEmpty()) << name;
    }
}
