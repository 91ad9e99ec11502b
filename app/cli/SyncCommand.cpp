// syncdesk-cli [--workspace FILE] sync NAME [--where EXPR] [--ids 1,2,3] [--limit N] [--dry-run] [--json]
//                                         [--token-env VAR] [--create-id-property]
// Plans the selected companies (and their contacts) against the connection NAME, shows the match
// report, and unless --dry-run carries the plan out. docs/sync-runs.md.
#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"
#include "app/cli/SyncCliSupport.h"

#include "core/store/ConnectionStore.h"

#include <QCoreApplication>

#include <limits>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("SyncCommand", text);
}

void printSyncUsage(QTextStream& s) {
    s << tr("usage: syncdesk-cli [--workspace FILE] sync NAME [--where EXPR] [--ids 1,2,3] [--limit N]\n"
            "                    [--dry-run] [--json] [--token-env VAR] [--create-id-property]\n"
            "Syncs the companies of the workspace (all, or those matching --where / --ids, at most\n"
            "--limit) and their contacts to the connection NAME. --dry-run only plans and shows what would\n"
            "change. --json prints one JSON document (docs/sync-runs.md). --create-id-property allows\n"
            "creating the CRM's unique id property so that new records are created by upsert.\n"
            "Exit status: 0 all good, 1 finished with failed records, 2 usage or configuration error,\n"
            "3 authentication or permission error, 4 paused by a rate or daily limit (resume it with\n"
            "run resume ID), 130 interrupted.\n");
}

int usageError(CliContext& ctx, const QString& message) {
    printError(ctx, message);
    printSyncUsage(ctx.err);
    return ExitUsage;
}

} // namespace

int runSyncCommand(CliContext& ctx, const QStringList& arguments) {
    QStringList args = arguments;
    CrmOptions crm;
    if (const int code = takeCrmOptions(ctx, args, crm); code != ExitOk)
        return code;
    SyncRequest request;
    bool json = false;
    bool consent = false;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString arg = args.at(i);
        const auto value = [&](const QString& option) -> std::optional<QString> {
            if (arg.startsWith(option + u'='))
                return arg.mid(option.size() + 1);
            if (i + 1 < args.size())
                return args.at(++i);
            return std::nullopt;
        };
        if (arg == u"--help" || arg == u"-h") {
            printSyncUsage(ctx.out);
            return ExitOk;
        } else if (arg == u"--dry-run") {
            request.dryRun = true;
        } else if (arg == u"--json") {
            json = true;
        } else if (arg == u"--create-id-property") {
            consent = true;
        } else if (arg == u"--where" || arg.startsWith(u"--where=")) {
            const std::optional<QString> v = value(QStringLiteral("--where"));
            if (!v)
                return usageError(ctx, tr("--where needs a filter expression"));
            request.selection.where = *v;
        } else if (arg == u"--ids" || arg.startsWith(u"--ids=")) {
            const std::optional<QString> v = value(QStringLiteral("--ids"));
            if (!v)
                return usageError(ctx, tr("--ids needs a list of company ids, e.g. --ids 1,2,3"));
            for (const QString& part : v->split(u',', Qt::SkipEmptyParts)) {
                const std::optional<qint64> id = parseId(part.trimmed());
                if (!id)
                    return usageError(ctx, tr("--ids: \"%1\" is not a company id").arg(part.trimmed()));
                request.selection.ids.append(*id);
            }
            if (request.selection.ids.isEmpty())
                return usageError(ctx, tr("--ids needs a list of company ids, e.g. --ids 1,2,3"));
        } else if (arg == u"--limit" || arg.startsWith(u"--limit=")) {
            const std::optional<QString> v = value(QStringLiteral("--limit"));
            const std::optional<qint64> n = v ? parseId(*v) : std::nullopt;
            if (!n || *n > std::numeric_limits<int>::max())
                return usageError(ctx, tr("--limit needs a positive number"));
            request.selection.limit = int(*n);
        } else if (arg.startsWith(u"--")) {
            return usageError(ctx, tr("unknown option %1").arg(arg));
        } else {
            positional.append(arg);
        }
    }
    if (positional.size() != 1)
        return usageError(ctx, positional.isEmpty() ? tr("name the connection to sync with")
                                                    : tr("unexpected argument %1").arg(positional.at(1)));
    request.connection = positional.first();

    std::optional<EngineSession> session = openEngine(ctx, crm);
    if (!session)
        return ExitUsage;
    std::optional<Connection> connection =
        ConnectionStore(*session->workspace).findByName(request.connection);
    request.createUniqueIdProperty = consent || (connection && connection->uniqueIdPropertyConsented());

    RunOutcome outcome;
    {
        InterruptGuard guard(*session->engine);
        outcome = session->engine->sync(request);
    }
    // Remember that the unique id property exists (the connection editor shows it).
    if (connection && !request.dryRun && outcome.runId != 0 && !connection->uniqueIdPropertyExists()) {
        const std::optional<RunInfo> run = session->engine->journal().run(outcome.runId);
        if (run && !run->uniqueIdProperty.isEmpty()) {
            connection->setUniqueIdPropertyExists(true);
            ConnectionStore(*session->workspace).update(*connection);
        }
    }
    return reportRun(ctx, *session, outcome, json);
}

} // namespace syncdesk::cli
