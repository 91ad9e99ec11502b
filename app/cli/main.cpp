#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream(stderr) << QCoreApplication::translate("cli", "usage: syncdesk-cli COMMAND ...") << '\n';
    return 2;
}
