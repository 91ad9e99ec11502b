// syncdesk-cli [--workspace FILE] logs [--run ID] [--level LEVEL] [--text TEXT] [--record
// company:ID|contact:ID]
//                                      [--crm-id ID] [--limit N] [--json] [--csv FILE]
// The connector log (docs/sync-runs.md "Connector log"): filtered, as text lines, one JSON document
// or a CSV file whose formula-like cells are escaped.
#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"
#include "app/cli/SyncCliSupport.h"

#include "core/log/ConnectorLog.h"
#include "core/log/ConnectorLogExport.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LogsCommand", text);
}

void printLogsUsage(QTextStream& s) {
    s << tr("usage: syncdesk-cli [--workspace FILE] logs [--run ID] [--level debug|info|warning|error]\n"
            "                    [--text TEXT] [--record company:ID|contact:ID] [--crm-id ID] [--limit N]\n"
            "                    [--json] [--csv FILE]\n"
            "Prints the connector log, oldest first (--limit N: the newest N). --level shows that level and\n"
            "above. --json prints one JSON document; --csv FILE writes a CSV file (cells that a spreadsheet\n"
            "would take for a formula are escaped).\n");
}

int usageError(CliContext& ctx, const QString& message) {
    printError(ctx, message);
    printLogsUsage(ctx.err);
    return ExitUsage;
}

} // namespace

int runLogsCommand(CliContext& ctx, const QStringList& args) {
    ConnectorLogFilter filter;
    bool json = false;
    QString csvPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        QString option = arg;
        std::optional<QString> value;
        if (const qsizetype eq = arg.indexOf(u'='); arg.startsWith(u"--") && eq > 0) {
            option = arg.left(eq);
            value = arg.mid(eq + 1);
        }
        const auto take = [&]() -> std::optional<QString> {
            if (value)
                return value;
            if (i + 1 < args.size())
                return args.at(++i);
            return std::nullopt;
        };
        if (option == u"--help" || option == u"-h") {
            printLogsUsage(ctx.out);
            return ExitOk;
        } else if (option == u"--json") {
            json = true;
        } else if (option == u"--run") {
            const std::optional<QString> v = take();
            const std::optional<qint64> id = v ? parseId(*v) : std::nullopt;
            if (!id)
                return usageError(ctx, tr("--run needs a run id"));
            filter.runId = *id;
        } else if (option == u"--level") {
            const std::optional<QString> v = take();
            const std::optional<LogLevel> level = v ? parseLogLevel(*v) : std::nullopt;
            if (!level)
                return usageError(ctx, tr("--level takes debug, info, warning or error"));
            filter.minLevel = level;
        } else if (option == u"--text") {
            const std::optional<QString> v = take();
            if (!v)
                return usageError(ctx, tr("--text needs the text to look for"));
            filter.text = *v;
        } else if (option == u"--record") {
            const std::optional<QString> v = take();
            const QStringList parts = v ? v->split(u':') : QStringList();
            const std::optional<RecordObject> object =
                parts.size() == 2 ? parseRecordObject(parts.at(0)) : std::nullopt;
            const std::optional<qint64> id = parts.size() == 2 ? parseId(parts.at(1)) : std::nullopt;
            if (!object || !id)
                return usageError(ctx, tr("--record takes company:ID or contact:ID"));
            filter.object = object;
            filter.localId = *id;
        } else if (option == u"--crm-id") {
            const std::optional<QString> v = take();
            if (!v || v->isEmpty())
                return usageError(ctx, tr("--crm-id needs a CRM record id"));
            filter.crmId = *v;
        } else if (option == u"--limit") {
            const std::optional<QString> v = take();
            const std::optional<qint64> n = v ? parseId(*v) : std::nullopt;
            if (!n || *n > 10000000)
                return usageError(ctx, tr("--limit needs a positive number"));
            filter.limit = int(*n);
            filter.newestFirst = true;
        } else if (option == u"--csv") {
            const std::optional<QString> v = take();
            if (!v || v->isEmpty())
                return usageError(ctx, tr("--csv needs a file name"));
            csvPath = *v;
        } else {
            return usageError(ctx, arg.startsWith(u"--") ? tr("unknown option %1").arg(arg)
                                                         : tr("unexpected argument %1").arg(arg));
        }
    }

    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    ConnectorLog log(*workspace);
    std::optional<QList<ConnectorLogEntry>> entries = log.query(filter);
    if (!entries) {
        printError(ctx, log.lastError());
        return ExitUsage;
    }
    if (filter.newestFirst)
        std::reverse(entries->begin(), entries->end());

    if (!csvPath.isEmpty()) {
        QSaveFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly) || !ConnectorLogExport::writeCsv(*entries, file) ||
            !file.commit()) {
            printError(ctx, tr("cannot write %1: %2").arg(csvPath, file.errorString()));
            return ExitUsage;
        }
        if (!json)
            ctx.out << QCoreApplication::translate("LogsCommand", "Wrote %n log entries to %1.", nullptr,
                                                   int(entries->size()))
                           .arg(csvPath)
                    << '\n';
    }
    if (json) {
        ctx.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("entries"), ConnectorLogExport::toJson(*entries)}})
                       .toJson(QJsonDocument::Indented);
    } else if (csvPath.isEmpty()) {
        for (const ConnectorLogEntry& e : std::as_const(*entries))
            ctx.out << ConnectorLogExport::toText(e) << '\n';
    }
    return ExitOk;
}

} // namespace syncdesk::cli
