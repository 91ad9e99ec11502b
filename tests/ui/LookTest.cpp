// How the window looks and is driven: colours that carry a meaning stay readable in the light,
// dark and system palettes, the icons are drawn (tinted with the theme) and the app still works
// without them, and the main actions have shortcuts that do not clash.
#include "UiTestSupport.h"

#include "ui/common/FileDialog.h"
#include "ui/common/Icons.h"
#include "ui/common/Theme.h"
#include "ui/log/ConnectorLogModel.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class LookTest : public UiTest {
protected:
    void TearDown() override {
        Theme::apply(QStringLiteral("system"));
        Icons::setAvailableForTest(std::nullopt);
        UiTest::TearDown();
    }
};

constexpr double MinimumContrast = 4.5; // WCAG AA for text

// The share of opaque pixels of `image` whose colour is close to `colour`.
double shareNear(const QImage& image, const QColor& colour) {
    int opaque = 0;
    int near = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() < 200)
                continue;
            ++opaque;
            const int d = std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                          std::abs(c.blue() - colour.blue());
            near += d < 60 ? 1 : 0;
        }
    }
    return opaque ? double(near) / opaque : 0.0;
}

} // namespace

TEST_F(LookTest, LogLevelsAndStatusColoursAreReadableInEveryTheme) {
    ConnectorLogModel model;
    QList<ConnectorLogEntry> entries;
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        ConnectorLogEntry e;
        e.time = QDateTime::currentDateTimeUtc();
        e.level = level;
        e.message = QStringLiteral("message");
        entries.append(e);
    }
    model.reset(entries);
    ASSERT_EQ(model.rowCount(), 4);

    for (const char* theme : {"light", "dark", "system"}) {
        Theme::apply(QString::fromLatin1(theme));
        const QPalette p = QApplication::palette();
        for (QPalette::ColorRole background : {QPalette::Base, QPalette::AlternateBase}) {
            const QColor bg = p.color(background);
            for (int row = 0; row < model.rowCount(); ++row) {
                const QVariant fg =
                    model.index(row, ConnectorLogModel::MessageColumn).data(Qt::ForegroundRole);
                const QColor text = fg.isValid() ? fg.value<QColor>() : p.color(QPalette::Text);
                const QString level = model.index(row, ConnectorLogModel::LevelColumn).data().toString();
                EXPECT_GE(Theme::contrastRatio(text, bg), MinimumContrast)
                    << theme << " theme, level " << str(level) << ": " << str(text.name()) << " on "
                    << str(bg.name());
            }
        }
        for (Theme::Tone tone : {Theme::Tone::Error, Theme::Tone::Warning, Theme::Tone::Success,
                                 Theme::Tone::Info, Theme::Tone::Muted}) {
            for (QPalette::ColorRole background :
                 {QPalette::Base, QPalette::AlternateBase, QPalette::Window}) {
                EXPECT_GE(Theme::contrastRatio(Theme::tone(tone), p.color(background)), MinimumContrast)
                    << theme << " theme, tone " << int(tone) << " " << str(Theme::tone(tone).name()) << " on "
                    << str(p.color(background).name());
            }
        }
        if (QByteArrayView(theme) != "system") {
            // Hints and secondary labels (filter expression, counts) use the placeholder colour.
            EXPECT_GE(Theme::contrastRatio(p.color(QPalette::PlaceholderText), p.color(QPalette::Window)),
                      MinimumContrast)
                << theme;
        }
    }
}

TEST_F(LookTest, ErrorLabelsFollowTheTheme) {
    QLabel label(QStringLiteral("employees is greater than lots"));
    Theme::keepTone(&label, Theme::Tone::Error);
    Theme::apply(QStringLiteral("light"));
    QCoreApplication::processEvents();
    EXPECT_EQ(label.palette().color(QPalette::WindowText), Theme::tone(Theme::Tone::Error));
    const QColor light = label.palette().color(QPalette::WindowText);
    Theme::apply(QStringLiteral("dark"));
    QCoreApplication::processEvents();
    EXPECT_EQ(label.palette().color(QPalette::WindowText), Theme::tone(Theme::Tone::Error));
    EXPECT_NE(label.palette().color(QPalette::WindowText), light);
    EXPECT_GE(Theme::contrastRatio(label.palette().color(QPalette::WindowText),
                                   label.palette().color(QPalette::Window)),
              MinimumContrast);
}

TEST_F(LookTest, IconsAreDrawnInTheThemesTextColour) {
    ASSERT_TRUE(Icons::available()) << "Qt's SVG image plugin (libqt6svg6) is not installed";
    for (const char* theme : {"light", "dark"}) {
        Theme::apply(QString::fromLatin1(theme));
        const QColor text = QApplication::palette().color(QPalette::ButtonText);
        const QImage sync = Icons::icon(Icons::Id::Sync).pixmap(QSize(32, 32)).toImage();
        ASSERT_FALSE(sync.isNull()) << theme;
        EXPECT_GT(shareNear(sync, text), 0.5)
            << theme << ": the sync icon is not drawn in " << str(text.name());
    }
    const QImage error = Icons::icon(Icons::Id::LevelError).pixmap(QSize(32, 32)).toImage();
    EXPECT_GT(shareNear(error, QColor(0xd3, 0x2f, 0x2f)), 0.5) << "the error icon is red";
    const QImage disabled = Icons::icon(Icons::Id::Refresh).pixmap(QSize(32, 32), QIcon::Disabled).toImage();
    EXPECT_GT(shareNear(disabled, QApplication::palette().color(QPalette::Disabled, QPalette::ButtonText)),
              0.5);
    // At 200 % the icon is drawn with twice the pixels, not scaled up.
    const QPixmap sharp = Icons::icon(Icons::Id::Sync).pixmap(QSize(16, 16), 2.0);
    EXPECT_EQ(sharp.size(), QSize(32, 32));

    EXPECT_FALSE(window->syncSelectedAction()->icon().isNull());
    EXPECT_EQ(window->mainToolBar()->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    for (const char* name : {"refreshAction", "findAction", "connectionsAction", "mappingUndoAction",
                             "runsUndoAction", "runsRefreshAction", "logExportAction"}) {
        auto* a = find<QAction>(QString::fromLatin1(name));
        ASSERT_NE(a, nullptr);
        EXPECT_FALSE(a->icon().isNull()) << name;
    }
}

// Without Qt's SVG plugin the window still comes up, its actions in words.
TEST_F(LookTest, WithoutTheSvgPluginTheWindowShowsText) {
    window.reset();
    Icons::setAvailableForTest(false);
    EXPECT_TRUE(Icons::icon(Icons::Id::Sync).isNull());
    window = std::make_unique<MainWindow>(*context);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    ASSERT_TRUE(waitForList());
    EXPECT_TRUE(window->syncSelectedAction()->icon().isNull());
    EXPECT_EQ(window->mainToolBar()->toolButtonStyle(), Qt::ToolButtonTextOnly);
    for (QAction* a : window->mainToolBar()->actions()) {
        auto* button = qobject_cast<QToolButton*>(window->mainToolBar()->widgetForAction(a));
        if (button) {
            EXPECT_NE(button->toolButtonStyle(), Qt::ToolButtonIconOnly) << str(a->text());
        }
    }
    const QImage shot = window->grab().toImage();
    EXPECT_FALSE(shot.isNull());
}

// No two actions or buttons answer the same keys in the same place: Qt would run neither.
TEST_F(LookTest, ShortcutsDoNotClash) {
    QMap<QString, QStringList> windowWide;   // keys -> who
    QMap<QString, QStringList> withinWidget; // keys -> who (shortcut of a page or the dock)
    const auto note = [&](const QKeySequence& keys, Qt::ShortcutContext context, const QString& who) {
        if (keys.isEmpty())
            return;
        const QString k = keys.toString(QKeySequence::PortableText);
        (context == Qt::WindowShortcut || context == Qt::ApplicationShortcut ? windowWide : withinWidget)[k]
            << who;
    };
    QSet<QAction*> seen;
    for (QAction* a : window->findChildren<QAction*>()) {
        if (seen.contains(a) || !a->isVisible())
            continue;
        seen.insert(a);
        for (const QKeySequence& keys : a->shortcuts())
            note(keys, a->shortcutContext(), a->objectName());
    }
    for (QAbstractButton* b : window->findChildren<QAbstractButton*>()) {
        if (qobject_cast<QToolButton*>(b) && static_cast<QToolButton*>(b)->defaultAction())
            continue; // the action's shortcut, counted above
        note(b->shortcut(), Qt::WindowShortcut, b->objectName());
    }
    for (auto it = windowWide.cbegin(); it != windowWide.cend(); ++it) {
        EXPECT_EQ(it->size(), 1) << str(it.key()) << ": " << str(it->join(QStringLiteral(", ")));
        EXPECT_FALSE(withinWidget.contains(it.key()))
            << str(it.key()) << ": " << str(it->join(QStringLiteral(", "))) << " and "
            << str(withinWidget.value(it.key()).join(QStringLiteral(", ")));
    }
    for (const char* keys : {"Ctrl+Shift+S", "Ctrl+K", "Ctrl+F", "F5", "Ctrl+L", "Ctrl+Shift+E"})
        EXPECT_TRUE(windowWide.contains(QString::fromLatin1(keys))) << keys;
}

TEST_F(LookTest, CtrlShiftEExportsTheLogFromAnywhereInTheWindow) {
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    find<QLineEdit>(QStringLiteral("searchEdit"))->setFocus();
    const QString path = dir.filePath(QStringLiteral("log.csv"));
    FileDialog::queueAnswer(path);
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(waitFor([&] { return QFile::exists(path); }, 5000));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readLine().startsWith("time,level,")) << "a CSV with its header";
}
