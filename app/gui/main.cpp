// The desktop app: a thin main(). The work lives in core, core/sandbox and ui (docs/desktop.md).
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/common/AppContext.h"
#include "ui/common/Icons.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SyncDesk"));
    QApplication::setOrganizationName(QStringLiteral("SyncDesk"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setDesktopFileName(QStringLiteral("io.syncdesk.SyncDesk"));
    // Null (the platform's default) when Qt's SVG plugin is missing; the app runs the same.
    QApplication::setWindowIcon(syncdesk::Icons::icon(syncdesk::Icons::Id::App));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("syncdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Keep a workspace's companies and contacts in step with your CRM."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             QCoreApplication::translate("main", "Open this workspace file."),
                                             QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QCoreApplication::translate("main", "Colour theme: system, light or dark."),
        QCoreApplication::translate("main", "THEME"));
    parser.addOption(workspaceOption);
    parser.addOption(themeOption);
    parser.process(app);

    syncdesk::AppSettings settings;
    syncdesk::Theme::apply(parser.isSet(themeOption) ? parser.value(themeOption) : settings.theme());

    syncdesk::AppContext context(settings, {});
    QString error;
    const bool opened = parser.isSet(workspaceOption)
                            ? context.openWorkspace(parser.value(workspaceOption), true, &error)
                            : context.openStartupWorkspace(&error);

    syncdesk::MainWindow window(context);
    window.show();
    if (!opened)
        syncdesk::MessageBox::critical(&window, QCoreApplication::translate("main", "Open workspace"), error);
    return app.exec();
}
