// Screenshots of each main view, for people to look at (docs/desktop.md): run under Xvfb with
// the xcb platform, at the scale of QT_SCALE_FACTOR, into SYNCDESK_SCREENSHOT_DIR. The checks
// here make sure an image was drawn and that the window and dialogs fit the real screen (at 200 %
// on 1600x1000: 800x500 logical pixels); whether it looks right is for the reader of the PNGs.
#include "../UiTestSupport.h"

#include "ui/common/Theme.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/companies/CompanyListView.h"
#include "ui/companies/FilterBar.h"
#include "ui/connections/ConnectionEditor.h"
#include "ui/connections/ConnectionsDialog.h"

#include <QAction>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QLineEdit>
#include <QPixmap>
#include <QScreen>
#include <QSet>
#include <QTabWidget>
#include <QTest>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class Screenshots : public UiTest {
protected:
    void SetUp() override {
        UiTest::SetUp();
        ASSERT_TRUE(QDir().mkpath(outDir()));
        // As on a desktop: as large as the screen allows, less a panel and a title bar.
        window->resize(QSize(1400, 860).boundedTo(screenRoom()));
        QTest::qWait(50);
    }

    void TearDown() override {
        Theme::apply(QStringLiteral("system"));
        UiTest::TearDown();
    }

    static QString outDir() { return QStringLiteral(SYNCDESK_SCREENSHOT_DIR); }

    static QSize screenRoom() {
        return QGuiApplication::primaryScreen()->availableGeometry().size() - QSize(0, 64);
    }

    // A window opens within the screen and can be made as small as the screen.
    void expectFitsScreen(QWidget* w, const QString& what) {
        const QSize room = screenRoom();
        const QSize needs = w->minimumSizeHint().expandedTo(w->minimumSize());
        EXPECT_LE(needs.width(), room.width()) << str(what) << " needs " << needs.width() << " px";
        EXPECT_LE(needs.height(), room.height()) << str(what) << " needs " << needs.height() << " px";
        EXPECT_LE(w->frameGeometry().width(), room.width()) << str(what) << " opens too wide";
        EXPECT_LE(w->frameGeometry().height(), room.height() + 64) << str(what) << " opens too high";
    }

    void save(QWidget* widget, const QString& name) {
        QTest::qWait(150); // let pages arrive and paint
        QCoreApplication::processEvents();
        const QPixmap pixmap = widget->grab();
        const QString file = outDir() + u'/' + name + qEnvironmentVariable("SYNCDESK_SCREENSHOT_SUFFIX") +
                             QStringLiteral(".png");
        ASSERT_TRUE(pixmap.save(file)) << str(file);
        const QImage image = pixmap.toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        EXPECT_GT(colours.size(), 8) << str(file) << " looks blank";
        std::printf("screenshot: %s (%dx%d)\n", qPrintable(file), image.width(), image.height());
    }

    void prepareFilteredView() {
        FilterBar* bar = window->filterBar();
        FilterConditionRow* row = bar->addCondition();
        row->setCondition(QStringLiteral("country"), FilterConditionRow::Operator::In,
                          QStringLiteral("UK, United Kingdom, GB"));
        FilterConditionRow* second = bar->addCondition();
        second->setCondition(QStringLiteral("employees"), FilterConditionRow::Operator::GreaterOrEqual,
                             QStringLiteral("10"));
        bar->applyNow();
        ASSERT_TRUE(waitForList());
        CompanyListModel* model = window->companyModel();
        for (int r : {0, 2, 3})
            model->setChecked(r, true);
        window->companyList()->setCurrentIndex(model->index(0, 1));
    }
};

} // namespace

TEST_F(Screenshots, Companies) {
    window->companyList()->setCurrentIndex(window->companyModel()->index(2, 1));
    save(window.get(), QStringLiteral("companies"));
}

TEST_F(Screenshots, CompaniesFiltered) {
    prepareFilteredView();
    save(window.get(), QStringLiteral("companies-filtered"));
}

TEST_F(Screenshots, CompaniesDark) {
    find<QAction>(QStringLiteral("themeDarkAction"))->trigger();
    prepareFilteredView();
    save(window.get(), QStringLiteral("companies-dark"));
}

TEST_F(Screenshots, Connections) {
    ConnectionsDialog* dialog = window->showConnections();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    save(dialog, QStringLiteral("connections"));
    ConnectionEditor* editor = dialog->addHubSpot();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(editor));
    editor->findChild<QLineEdit*>(QStringLiteral("connectionNameEdit"))
        ->setText(QStringLiteral("Acme HubSpot"));
    editor->findChild<QLineEdit*>(QStringLiteral("connectionTokenEdit"))
        ->setText(QStringLiteral("pat-na1-xxxx"));
    save(editor, QStringLiteral("connection-editor"));
}

// Every other page of the window (mapping, runs: added by their views), light and dark.
TEST_F(Screenshots, OtherPages) {
    auto* tabs = find<QTabWidget>(QStringLiteral("mainTabs"));
    if (tabs->count() == 1)
        GTEST_SKIP() << "this build has no page besides Companies";
    for (const char* theme : {"light", "dark"}) {
        Theme::apply(QString::fromLatin1(theme));
        const QString suffix = QByteArrayView(theme) == "dark" ? QStringLiteral("-dark") : QString();
        for (int i = 1; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            save(window.get(), QStringLiteral("page-") + tabs->widget(i)->objectName() + suffix);
        }
    }
}

// The window on the real screen, at its smallest.
TEST_F(Screenshots, FitsTheScreen) {
    expectFitsScreen(window.get(), QStringLiteral("main window"));
    window->resize(screenRoom());
    QTest::qWait(50);
    EXPECT_EQ(window->size(), screenRoom());
    save(window.get(), QStringLiteral("companies-smallest"));
}

// Every dialog in a realistic state, fitted to the screen, light and dark (each test has a fresh
// workspace and Sandbox CRM, so both previews have something to write).
class ScreenshotDialogs : public Screenshots, public ::testing::WithParamInterface<const char*> {};

TEST_P(ScreenshotDialogs, Dialogs) {
    const QString theme = QString::fromLatin1(GetParam());
    Theme::apply(theme);
    ASSERT_TRUE(tourDialogs([&](QWidget* dialog, const QString& name) {
        expectFitsScreen(dialog, name);
        QString file = name;
        file.replace(QStringLiteral(" ("), QStringLiteral("-")).remove(u')').replace(u' ', u'-');
        save(dialog, QStringLiteral("dialog-") + file + u'-' + theme);
    }));
}

INSTANTIATE_TEST_SUITE_P(Themes, ScreenshotDialogs, ::testing::Values("light", "dark"));
