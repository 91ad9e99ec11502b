// main() for every GoogleTest executable: a Qt application object exists for the whole run so that
// tests can use event loops, QNetworkAccessManager, QSqlDatabase and (for GUI tests) widgets.
#include <gtest/gtest.h>

#ifdef SYNCDESK_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
#ifdef SYNCDESK_TEST_GUI
    // ctest's test discovery runs the executable without the tests' ENVIRONMENT: without a display,
    // fall back to the offscreen platform instead of aborting.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    TestApplication::setApplicationName(QStringLiteral("SyncDesk-tests"));
    TestApplication::setOrganizationName(QStringLiteral("SyncDesk"));
    return RUN_ALL_TESTS();
}
