#include "app/cli/SyncCliSupport.h"

#include "core/net/Redactor.h"
#include "core/store/ConnectionStore.h"
#include "core/store/MappingStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

#include <unistd.h>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("SyncCommand", text);
}

// Ctrl+C: set the engine's cancel flag (a lock-free atomic) and say so with write(2), which is safe
// in a signal handler; a second Ctrl+C gets the default action.
CancelFlag* g_cancel = nullptr;
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int signal) {
    g_interrupted = 1;
    if (g_cancel)
        g_cancel->cancel();
    static const char message[] =
        "\nCancelling after the request in flight (press Ctrl+C again to stop at once)...\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
    std::signal(signal, SIG_DFL);
}

QString oneLine(QString text) {
    for (QChar& c : text) {
        if (c.unicode() < 0x20)
            c = u' ';
    }
    return text;
}

QString errorText(const CrmError& e) {
    QStringList parts;
    if (e.httpStatus != 0)
        parts.append(QStringLiteral("HTTP %1").arg(e.httpStatus));
    QStringList codes;
    for (const QString& c : {e.category, e.code}) {
        if (!c.isEmpty() && !codes.contains(c))
            codes.append(c);
    }
    if (!codes.isEmpty())
        parts.append(codes.join(u'/'));
    QString text = parts.join(u' ');
    if (!e.message.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + oneLine(e.message);
    if (!e.correlationId.isEmpty())
        text += tr(" (correlation id %1)").arg(e.correlationId);
    return Redactor::shared()->redactText(text);
}

} // namespace

std::optional<qint64> parseId(const QString& text) {
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v <= 0)
        return std::nullopt;
    return v;
}

std::optional<EngineSession> openEngine(CliContext& ctx, const CrmOptions& crm) {
    EngineSession session;
    session.workspace = openWorkspace(ctx);
    if (!session.workspace)
        return std::nullopt;
    Workspace* workspace = session.workspace.get();
    // The provider runs inside the engine; it reaches the engine and the session's exit code through
    // shared state, since the session object itself is moved around.
    auto engineRef = std::make_shared<SyncEngine*>(nullptr);
    std::shared_ptr<std::optional<int>> exitCode = session.connectionExitCode;
    ConnectionProvider provider = [&ctx, workspace, crm, engineRef,
                                   exitCode](const QString& name, QString* error,
                                             std::optional<CrmError>*) -> std::optional<EngineConnection> {
        CrmOptions options = crm;
        options.cancel = &(*engineRef)->cancelFlag();
        options.observer = (*engineRef)->httpObserver();
        int code = ExitOk;
        std::optional<CliConnection> opened = openConnection(ctx, *workspace, name, options, &code);
        if (!opened) {
            *exitCode = code; // already printed
            return std::nullopt;
        }
        auto holder = std::make_shared<CliConnection>(std::move(*opened));
        EngineConnection c;
        c.id = holder->connection.uuid;
        c.name = holder->connection.name;
        c.connector = std::shared_ptr<CrmConnector>(holder, holder->connector.get());
        c.settings = holder->connection.syncSettings();
        MappingStore mappings(*workspace);
        for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
            QString problem;
            std::optional<Mapping> m = mappings.mapping(holder->connection.id, object, &problem);
            if (!m && !problem.isEmpty()) {
                *error = problem;
                *exitCode = ExitUsage;
                printError(ctx, problem);
                return std::nullopt;
            }
            Mapping& target = object == RecordObject::Company ? c.companyMapping : c.contactMapping;
            target = m ? *m : Mapping::defaultMapping(holder->connection.kind(), object);
        }
        return c;
    };
    session.engine = std::make_unique<SyncEngine>(*workspace, provider);
    *engineRef = session.engine.get();
    return session;
}

InterruptGuard::InterruptGuard(SyncEngine& engine) {
    g_cancel = const_cast<CancelFlag*>(&engine.cancelFlag());
    g_interrupted = 0;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptGuard::~InterruptGuard() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_cancel = nullptr;
}

bool InterruptGuard::interrupted() {
    return g_interrupted != 0;
}

QJsonObject runDocument(RunJournal& journal, qint64 runId, const RunOutcome* outcome) {
    QJsonObject doc;
    const std::optional<RunInfo> run = runId != 0 ? journal.run(runId) : std::nullopt;
    if (!run) {
        doc.insert(QStringLiteral("run"), QJsonValue());
        doc.insert(QStringLiteral("records"), QJsonArray());
        QJsonObject error = outcome && outcome->error ? outcome->error->toJson() : QJsonObject();
        error.insert(QStringLiteral("message"), outcome && !outcome->message.isEmpty()
                                                    ? outcome->message
                                                    : error.value(u"message").toString());
        doc.insert(QStringLiteral("error"), error);
        return doc;
    }
    doc.insert(QStringLiteral("run"), run->toJson(journal.outcomeCounts(runId)));
    QJsonArray records;
    for (const JournalRecord& r : journal.records(runId).value_or(QList<JournalRecord>{}))
        records.append(r.toJson(run->dryRun));
    doc.insert(QStringLiteral("records"), records);
    if (!run->lookup.isEmpty())
        doc.insert(QStringLiteral("lookup"), run->lookup);
    if (outcome && !outcome->problems.isEmpty()) {
        QJsonArray problems;
        for (const MappingProblem& p : outcome->problems) {
            problems.append(
                QJsonObject{{QStringLiteral("code"), mappingProblemCodeName(p.code)},
                            {QStringLiteral("severity"),
                             p.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
                            {QStringLiteral("row"), p.row >= 0 ? QJsonValue(p.row + 1) : QJsonValue()},
                            {QStringLiteral("property"), p.property},
                            {QStringLiteral("message"), p.message}});
        }
        doc.insert(QStringLiteral("problems"), problems);
    }
    if (run->error)
        doc.insert(QStringLiteral("error"), run->error->toJson());
    return doc;
}

int exitCodeForRun(const RunOutcome& outcome) {
    if (outcome.error) {
        switch (outcome.error->kind) {
        case CrmErrorKind::Authentication:
        case CrmErrorKind::Permission:
            return ExitAuth;
        case CrmErrorKind::DailyLimit:
        case CrmErrorKind::RateLimited:
            if (outcome.state == RunState::Paused || outcome.runId == 0)
                return ExitPaused;
            break;
        case CrmErrorKind::Cancelled:
            return ExitInterrupted;
        default:
            break;
        }
    }
    if (outcome.configurationError || outcome.runId == 0)
        return ExitUsage;
    switch (outcome.state) {
    case RunState::Planned:
        return ExitOk;
    case RunState::Completed:
        return outcome.failedRecords() > 0 ? ExitFailedRecords : ExitOk;
    case RunState::Paused:
        return ExitPaused;
    case RunState::Cancelled:
    case RunState::Interrupted:
        return ExitInterrupted;
    case RunState::Running:
    case RunState::Failed:
        break;
    }
    return ExitFailedRecords;
}

QString recordText(const JournalRecord& r, bool dryRun) {
    const QString who = r.object == RecordObject::Company || r.email.isEmpty() ? r.name : r.email;
    QString line =
        QStringLiteral("%1 %2 %3").arg(recordObjectName(r.object)).arg(r.localId).arg(oneLine(who));
    if (r.object == RecordObject::Company && !r.matchKey.isEmpty())
        line += QStringLiteral(" [%1]").arg(r.matchKey);
    const std::optional<PlanAction> action = parsePlanAction(r.action);
    line += QStringLiteral(": ") + (action ? planActionLabel(*action) : r.action);
    // The outcome where the action does not say it already (written records, and those that failed
    // or were skipped during the run).
    if (!dryRun && (r.writes() || r.outcome == RecordOutcome::Failed))
        line += QStringLiteral(" -> ") + recordOutcomeLabel(r.outcome);
    if (!r.crmId.isEmpty())
        line += tr(" (crm %1)").arg(r.crmId);
    for (const JournalChange& c : r.changes) {
        line += QStringLiteral("\n    %1: %2 -> %3 (%4)")
                    .arg(c.property, c.before.isEmpty() ? tr("(empty)") : oneLine(c.before),
                         c.after.isEmpty() ? tr("(empty)") : oneLine(c.after), c.strategy);
    }
    if (!r.reason.isEmpty() && r.outcome != RecordOutcome::Created && r.outcome != RecordOutcome::Updated)
        line += QStringLiteral("\n    ") + oneLine(r.reason);
    if (r.error) {
        line += QStringLiteral("\n    ") + tr("error: %1").arg(errorText(*r.error));
        if (!r.error->hint.isEmpty())
            line += QStringLiteral("\n    ") + tr("hint: %1").arg(oneLine(r.error->hint));
    }
    if (!r.note.isEmpty() && r.note != r.reason)
        line += QStringLiteral("\n    ") + oneLine(r.note);
    return line;
}

int reportRun(CliContext& ctx, EngineSession& session, const RunOutcome& outcome, bool json) {
    if (*session.connectionExitCode && outcome.runId == 0) {
        if (json)
            ctx.out << QJsonDocument(runDocument(session.engine->journal(), 0, &outcome))
                           .toJson(QJsonDocument::Indented);
        return **session.connectionExitCode; // the problem has been printed
    }
    RunJournal& journal = session.engine->journal();
    if (json) {
        ctx.out
            << QJsonDocument(runDocument(journal, outcome.runId, &outcome)).toJson(QJsonDocument::Indented);
        if ((outcome.runId == 0 || outcome.configurationError) && !outcome.message.isEmpty())
            printError(ctx, outcome.message);
        return exitCodeForRun(outcome);
    }
    if (outcome.runId == 0) {
        if (outcome.error)
            printCrmError(ctx, *outcome.error);
        else
            printError(ctx, outcome.message);
        return exitCodeForRun(outcome);
    }
    const std::optional<RunInfo> run = journal.run(outcome.runId);
    if (!run) {
        printError(ctx, journal.lastError());
        return ExitUsage;
    }
    if (outcome.configurationError && !outcome.message.isEmpty()) {
        printError(ctx, outcome.message); // e.g. "already undone by run N": nothing more to show
        return exitCodeForRun(outcome);
    }
    ctx.out << tr("Run %1 (%2 on %3%4): %5")
                   .arg(run->id)
                   .arg(run->kind == RunKind::Undo ? tr("undo of run %1").arg(run->undoOf) : tr("sync"),
                        run->connectionName, run->dryRun ? tr(", dry run") : QString(),
                        runStateLabel(run->state))
            << '\n';
    if (outcome.plan)
        ctx.out << outcome.plan->report().toText() << '\n';
    for (const MappingProblem& p : outcome.problems)
        ctx.out << (p.isError() ? tr("mapping error") : tr("mapping warning"))
                << (p.row >= 0 ? tr(" (row %1)").arg(p.row + 1) : QString()) << ": " << p.message << '\n';
    for (const JournalRecord& r : journal.records(run->id).value_or(QList<JournalRecord>{}))
        ctx.out << recordText(r, run->dryRun) << '\n';
    if (const std::optional<OutcomeCounts> counts = journal.outcomeCounts(run->id); counts && !run->dryRun)
        ctx.out << counts->toText() << '\n';
    if (!outcome.message.isEmpty() && outcome.state != RunState::Completed) {
        if (outcome.error && outcome.state == RunState::Failed)
            printCrmError(ctx, *outcome.error);
        else
            ctx.err << oneLine(outcome.message) << '\n';
    }
    if (runStateResumable(outcome.state) && !outcome.configurationError && !run->dryRun &&
        run->phase != RunPhase::Finished)
        ctx.err << tr("Resume it with: syncdesk-cli run resume %1").arg(run->id) << '\n';
    return exitCodeForRun(outcome);
}

} // namespace syncdesk::cli
