#include <QApplication>
#include <QLabel>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SyncDesk"));
    QApplication::setOrganizationName(QStringLiteral("SyncDesk"));
    QLabel placeholder(QCoreApplication::translate("main", "SyncDesk"));
    placeholder.setObjectName(QStringLiteral("placeholder"));
    placeholder.resize(640, 400);
    placeholder.show();
    return app.exec();
}
