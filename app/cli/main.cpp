// syncdesk-cli: the engine without a window. Global options come before the command:
//   syncdesk-cli [--workspace FILE] COMMAND ARGS...
#include "app/cli/CliCommand.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>


using namespace syncdesk::cli;

namespace {

struct Command {
    const char* name;
    int (*run)(CliContext&, const QStringList&);
};

const Command commands[] = {
    {"key", runKeyCommand},
    {"import", runImportCommand},
    {"connection", runConnectionCommand},
    {"mapping", runMappingCommand},
    {"sync", runSyncCommand},
    {"runs", runRunsCommand},
    {"run", runRunCommand},
    {"undo", runUndoCommand},
    {"logs", runLogsCommand},
};

void printUsage(QTextStream& s)
{
    s << QCoreApplication::translate(
        "cli",
        "usage: syncdesk-cli [--workspace FILE] COMMAND ...\n"
        "commands:\n"
        "  key [--policy host|registrable] [VALUE...]   print the domain key of each value (stdin when none)\n"
        "  import companies|contacts FILE.csv           import a CSV file into the workspace\n"
        "  connection add NAME --type hubspot|salesforce|sandbox [--base-url URL] [--token-stdin]\n"
        "  connection list | test NAME | token NAME --token-stdin | remove NAME\n"
        "  mapping export|import NAME [--object companies|contacts] [FILE.json]\n"
        "  sync NAME [--where EXPR] [--ids 1,2,3] [--limit N] [--dry-run] [--json] [--token-env VAR]\n"
        "  runs [--json] | run show ID [--json] | run resume ID | undo RUN_ID [--dry-run]\n"
        "  logs [--run ID] [--level LEVEL] [--json] [--csv FILE]\n"
        "exit codes: 0 ok, 1 failed records, 2 usage/configuration, 3 authentication/permission,\n"
        "            4 paused by a rate or daily limit (resumable), 130 interrupted\n");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("SyncDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("SyncDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("syncdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    in.setEncoding(QStringConverter::Utf8);

    QStringList args = QCoreApplication::arguments().mid(1);
    CliContext ctx{QString(), out, err, in};
    while (!args.isEmpty() && args.first().startsWith(u"--")) {
        const QString opt = args.takeFirst();
        if (opt == u"--workspace") {
            if (args.isEmpty()) {
                err << QCoreApplication::translate("cli", "error: --workspace needs a file name") << '\n';
                return ExitUsage;
            }
            ctx.workspacePath = args.takeFirst();
        } else if (opt.startsWith(u"--workspace=")) {
            ctx.workspacePath = opt.mid(12);
        } else if (opt == u"--help") {
            printUsage(out);
            return ExitOk;
        } else if (opt == u"--version") {
            out << QCoreApplication::applicationVersion() << '\n';
            return ExitOk;
        } else {
            err << QCoreApplication::translate("cli", "error: unknown option %1").arg(opt) << '\n';
            printUsage(err);
            return ExitUsage;
        }
    }
    if (args.isEmpty()) {
        printUsage(err);
        return ExitUsage;
    }
    const QString name = args.takeFirst();
    for (const Command& c : commands) {
        if (name == QLatin1String(c.name)) {
            const int code = c.run(ctx, args);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << QCoreApplication::translate("cli", "error: unknown command %1").arg(name) << '\n';
    printUsage(err);
    return ExitUsage;
}
