// syncdesk-cli [--workspace FILE] runs [--limit N] [--json]
// syncdesk-cli [--workspace FILE] run show ID [--json]
// syncdesk-cli [--workspace FILE] run resume ID [--json] [--token-env VAR]
// syncdesk-cli [--workspace FILE] undo RUN_ID [--dry-run] [--json] [--token-env VAR]
// The run journal (docs/sync-runs.md): history, one run's records, resuming a paused, cancelled or
// interrupted run, and undoing a run.
#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"
#include "app/cli/SyncCliSupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("RunsCommand", text);
}

void printRunsUsage(QTextStream& s) {
    s << tr("usage: syncdesk-cli [--workspace FILE] runs [--limit N] [--json]\n"
            "       syncdesk-cli [--workspace FILE] run show ID [--json]\n"
            "       syncdesk-cli [--workspace FILE] run resume ID [--json] [--token-env VAR]\n"
            "       syncdesk-cli [--workspace FILE] undo RUN_ID [--dry-run] [--json] [--token-env VAR]\n"
            "runs lists the runs, newest first; run show prints a run and every record's plan and outcome;\n"
            "run resume finishes a paused, cancelled, interrupted or failed run without repeating what was\n"
            "done; undo puts back the values a run overwrote where the CRM still holds what it wrote, and\n"
            "archives the records it created when they are unchanged since (--dry-run only shows it).\n");
}

int usageError(CliContext& ctx, const QString& message) {
    printError(ctx, message);
    printRunsUsage(ctx.err);
    return ExitUsage;
}

struct Parsed {
    QStringList positional;
    bool json = false;
    bool dryRun = false;
    int limit = 0;
    CrmOptions crm;
};

// Common options; returns an exit code when the arguments are not usable (or --help was given).
std::optional<int> parse(CliContext& ctx, const QStringList& arguments, Parsed& p, bool allowDryRun,
                         bool allowLimit) {
    QStringList args = arguments;
    if (const int code = takeCrmOptions(ctx, args, p.crm); code != ExitOk)
        return code;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == u"--help" || arg == u"-h") {
            printRunsUsage(ctx.out);
            return ExitOk;
        } else if (arg == u"--json") {
            p.json = true;
        } else if (allowDryRun && arg == u"--dry-run") {
            p.dryRun = true;
        } else if (allowLimit && (arg == u"--limit" || arg.startsWith(u"--limit="))) {
            const QString v =
                arg == u"--limit" ? (i + 1 < args.size() ? args.at(++i) : QString()) : arg.mid(8);
            const std::optional<qint64> n = parseId(v);
            if (!n || *n > 1000000)
                return usageError(ctx, tr("--limit needs a positive number"));
            p.limit = int(*n);
        } else if (arg.startsWith(u"--")) {
            return usageError(ctx, tr("unknown option %1").arg(arg));
        } else {
            p.positional.append(arg);
        }
    }
    return std::nullopt;
}

QString runLine(const RunInfo& r, const std::optional<OutcomeCounts>& counts) {
    QString line =
        QStringLiteral("%1\t%2\t%3\t%4\t%5")
            .arg(r.id)
            .arg(r.createdAt.toUTC().toString(Qt::ISODate),
                 r.kind == RunKind::Undo ? tr("undo of %1").arg(r.undoOf) : tr("sync"), r.connectionName,
                 runStateLabel(r.state) + (r.dryRun ? tr(" (dry run)") : QString()));
    if (counts) {
        QStringList parts;
        const auto add = [&parts](int n, const QString& label) {
            if (n > 0)
                parts.append(QStringLiteral("%1 %2").arg(n).arg(label));
        };
        for (RecordOutcome o : {RecordOutcome::Created, RecordOutcome::Updated, RecordOutcome::Restored,
                                RecordOutcome::Archived, RecordOutcome::Unchanged, RecordOutcome::Skipped,
                                RecordOutcome::LeftAlone, RecordOutcome::Failed})
            add(counts->companies.count(o) + counts->contacts.count(o), recordOutcomeLabel(o));
        add(counts->pending(), r.dryRun ? tr("planned") : tr("not done yet"));
        line += u'\t' + parts.join(QStringLiteral(", "));
    }
    return line;
}

std::unique_ptr<Workspace> openForReading(CliContext& ctx) {
    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (workspace)
        RunJournal(*workspace).recoverInterrupted(); // a killed run shows as interrupted
    return workspace;
}

int showRun(CliContext& ctx, const Parsed& p) {
    if (p.positional.size() != 1)
        return usageError(ctx, tr("run show needs a run id"));
    const std::optional<qint64> id = parseId(p.positional.first());
    if (!id)
        return usageError(ctx, tr("\"%1\" is not a run id").arg(p.positional.first()));
    std::unique_ptr<Workspace> workspace = openForReading(ctx);
    if (!workspace)
        return ExitUsage;
    RunJournal journal(*workspace);
    const std::optional<RunInfo> run = journal.run(*id);
    if (!run) {
        printError(ctx,
                   journal.lastError().isEmpty() ? tr("there is no run %1").arg(*id) : journal.lastError());
        return ExitUsage;
    }
    if (p.json) {
        ctx.out << QJsonDocument(runDocument(journal, *id)).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const std::optional<OutcomeCounts> counts = journal.outcomeCounts(*id);
    ctx.out << runLine(*run, counts) << '\n';
    if (!run->message.isEmpty())
        ctx.out << run->message << '\n';
    for (const JournalRecord& r : journal.records(*id).value_or(QList<JournalRecord>{}))
        ctx.out << recordText(r, run->dryRun) << '\n';
    if (counts && !run->dryRun)
        ctx.out << counts->toText() << '\n';
    return ExitOk;
}

} // namespace

int runRunsCommand(CliContext& ctx, const QStringList& args) {
    Parsed p;
    if (const std::optional<int> code = parse(ctx, args, p, false, true))
        return *code;
    if (!p.positional.isEmpty())
        return usageError(ctx, tr("unexpected argument %1").arg(p.positional.first()));
    std::unique_ptr<Workspace> workspace = openForReading(ctx);
    if (!workspace)
        return ExitUsage;
    RunJournal journal(*workspace);
    const std::optional<QList<RunInfo>> runs = journal.runs(p.limit);
    if (!runs) {
        printError(ctx, journal.lastError());
        return ExitUsage;
    }
    if (p.json) {
        QJsonArray array;
        for (const RunInfo& r : *runs)
            array.append(r.toJson(journal.outcomeCounts(r.id)));
        ctx.out
            << QJsonDocument(QJsonObject{{QStringLiteral("runs"), array}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (runs->isEmpty()) {
        ctx.out << tr("No runs yet.") << '\n';
        return ExitOk;
    }
    for (const RunInfo& r : *runs)
        ctx.out << runLine(r, journal.outcomeCounts(r.id)) << '\n';
    return ExitOk;
}

int runRunCommand(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        return usageError(ctx, tr("run needs show ID or resume ID"));
    if (args.first() == u"--help" || args.first() == u"-h") {
        printRunsUsage(ctx.out);
        return ExitOk;
    }
    const QString sub = args.first();
    Parsed p;
    if (const std::optional<int> code = parse(ctx, args.mid(1), p, false, false))
        return *code;
    if (sub == u"show")
        return showRun(ctx, p);
    if (sub != u"resume")
        return usageError(ctx, tr("unknown run command %1 (show or resume)").arg(sub));
    if (p.positional.size() != 1)
        return usageError(ctx, tr("run resume needs a run id"));
    const std::optional<qint64> id = parseId(p.positional.first());
    if (!id)
        return usageError(ctx, tr("\"%1\" is not a run id").arg(p.positional.first()));
    std::optional<EngineSession> session = openEngine(ctx, p.crm);
    if (!session)
        return ExitUsage;
    RunOutcome outcome;
    {
        InterruptGuard guard(*session->engine);
        outcome = session->engine->resume(*id);
    }
    return reportRun(ctx, *session, outcome, p.json);
}

int runUndoCommand(CliContext& ctx, const QStringList& args) {
    Parsed p;
    if (const std::optional<int> code = parse(ctx, args, p, true, false))
        return *code;
    if (p.positional.size() != 1)
        return usageError(ctx, tr("undo needs the id of the run to undo"));
    const std::optional<qint64> id = parseId(p.positional.first());
    if (!id)
        return usageError(ctx, tr("\"%1\" is not a run id").arg(p.positional.first()));
    std::optional<EngineSession> session = openEngine(ctx, p.crm);
    if (!session)
        return ExitUsage;
    RunOutcome outcome;
    {
        InterruptGuard guard(*session->engine);
        outcome = session->engine->undo(*id, p.dryRun);
    }
    return reportRun(ctx, *session, outcome, p.json);
}

} // namespace syncdesk::cli
