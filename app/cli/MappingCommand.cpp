// syncdesk-cli [--workspace FILE] mapping export NAME [--object companies|contacts] [FILE.json]
//              mapping import NAME [--object companies|contacts] [FILE.json] [--refresh] [--token-env VAR]
// Export writes the MappingJson document (docs/mapping.md) to FILE or stdout. Import reads it from
// FILE or stdin, checks its structure, then validates it against the workspace's fields and the
// CRM's property list (cached per connection; fetched when missing, older than an hour, with
// --refresh, or when the cached list disagrees with the mapping) and refuses it with row-level
// errors. docs/connections.md.
#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"

#include "core/mapping/MappingValidator.h"
#include "core/store/FieldStore.h"
#include "core/store/MappingStore.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace syncdesk::cli {

namespace {

// A cached property list older than this is fetched again.
constexpr qint64 PropertyCacheMaxAgeSecs = 3600;

QString tr(const char* text) {
    return QCoreApplication::translate("MappingCommand", text);
}

void printMappingUsage(QTextStream& s) {
    s << tr(
        "usage: syncdesk-cli [--workspace FILE] mapping export NAME [--object companies|contacts] "
        "[FILE.json]\n"
        "       syncdesk-cli [--workspace FILE] mapping import NAME [--object companies|contacts] "
        "[FILE.json]\n"
        "                        [--refresh] [--token-env VAR]\n"
        "Export writes the connection's mapping (companies unless --object says otherwise) to FILE.json or\n"
        "standard output. Import reads one from FILE.json or standard input, checks it against the\n"
        "workspace's fields and the CRM's properties, and saves it only when it has no errors.\n"
        "--refresh fetches the CRM's property list again instead of using the cached one.\n"
        "Exit status: 0 fine, 2 usage error or mapping refused, 3 token refused or scopes missing.\n");
}

int usageError(CliContext& ctx, const QString& message) {
    printError(ctx, message);
    printMappingUsage(ctx.err);
    return ExitUsage;
}

struct MappingArgs {
    QString name;
    std::optional<RecordObject> object;
    QString file;
    bool refresh = false;
    CrmOptions crm;
};

// Parses the arguments after export/import; returns ExitOk or the exit code after printing.
int parseArgs(CliContext& ctx, QStringList args, bool import, MappingArgs& out) {
    if (const int code = takeCrmOptions(ctx, args, out.crm); code != ExitOk)
        return code;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        QString objectName;
        if (a == u"--object") {
            if (i + 1 >= args.size())
                return usageError(ctx, tr("--object needs companies or contacts"));
            objectName = args.at(++i);
        } else if (a.startsWith(u"--object=")) {
            objectName = a.mid(9);
        } else if (a == u"--refresh" && import) {
            out.refresh = true;
            continue;
        } else if (a.startsWith(u"--") || (a.startsWith(u'-') && a.size() > 1)) {
            return usageError(ctx, tr("unknown option %1").arg(a));
        } else {
            positional.append(a);
            continue;
        }
        out.object = parseRecordObject(objectName.trimmed());
        if (!out.object)
            return usageError(ctx, tr("--object takes companies or contacts, not \"%1\"").arg(objectName));
    }
    if (positional.isEmpty())
        return usageError(ctx, tr("which connection? (mapping %1 NAME ...)")
                                   .arg(import ? QStringLiteral("import") : QStringLiteral("export")));
    if (positional.size() > 2)
        return usageError(ctx, tr("unexpected argument %1").arg(positional.at(2)));
    out.name = positional.at(0);
    if (positional.size() == 2 && positional.at(1) != u"-")
        out.file = positional.at(1);
    return ExitOk;
}

QString objectLabel(RecordObject object) {
    return object == RecordObject::Company ? tr("companies") : tr("contacts");
}

int exportMapping(CliContext& ctx, const QStringList& args) {
    MappingArgs a;
    if (const int code = parseArgs(ctx, args, false, a); code != ExitOk)
        return code;
    const RecordObject object = a.object.value_or(RecordObject::Company);
    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    const std::optional<Connection> c = findConnection(ctx, *workspace, a.name);
    if (!c)
        return ExitUsage;
    MappingStore store(*workspace);
    QString error;
    std::optional<Mapping> mapping = store.mapping(c->id, object, &error);
    if (!mapping) {
        if (!error.isEmpty()) {
            printError(ctx, error);
            return ExitUsage;
        }
        mapping = Mapping::defaultMapping(c->kind(), object); // none stored: what a new connection gets
    }
    const QByteArray bytes = MappingJson::toBytes(*mapping, c->kind());
    if (a.file.isEmpty()) {
        ctx.out << QString::fromUtf8(bytes);
        return ExitOk;
    }
    QSaveFile file(a.file);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        printError(ctx, tr("cannot write %1: %2").arg(QDir::toNativeSeparators(a.file), file.errorString()));
        return ExitUsage;
    }
    ctx.err << QCoreApplication::translate("MappingCommand",
                                           "Exported the %1 mapping of \"%2\" (%n row(s)) to %3.", nullptr,
                                           int(mapping->rows.size()))
                   .arg(objectLabel(object), c->name, QDir::toNativeSeparators(a.file))
            << '\n';
    return ExitOk;
}

// The CRM's properties for the mapping's object: from the cache when fresh enough (and not
// `refresh`), else fetched through the connector and cached. `fetched` tells which.
std::optional<QList<CrmProperty>> crmProperties(CliContext& ctx, Workspace& workspace, const Connection& c,
                                                RecordObject object, const MappingArgs& a, bool refresh,
                                                bool* fetched, int* exitCode) {
    MappingStore store(workspace);
    const std::optional<MappingStore::CachedProperties> cached = store.properties(c.id, object);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    *fetched = false;
    if (cached && !refresh && cached->fetchedAt.secsTo(now) < PropertyCacheMaxAgeSecs)
        return cached->properties;

    std::optional<CliConnection> connection = openConnection(ctx, workspace, c.name, a.crm, exitCode);
    if (!connection)
        return std::nullopt;
    CrmResult<QList<CrmProperty>> r = connection->connector->fetchProperties(object);
    if (!r.ok()) {
        printCrmError(ctx, r.error());
        *exitCode = exitCodeFor(r.error());
        return std::nullopt;
    }
    if (!store.setProperties(c.id, object, r.value(), now))
        ctx.err << tr("warning: the CRM's property list could not be cached: %1").arg(store.lastError())
                << '\n';
    *fetched = true;
    return r.value();
}

// Problems that a newer property list might resolve (a property or option added on the CRM since).
bool mayBeStale(const QList<MappingProblem>& problems) {
    for (const MappingProblem& p : problems) {
        if (p.isError() && (p.code == MappingProblem::Code::UnknownProperty ||
                            p.code == MappingProblem::Code::ValueMapUnknownOption ||
                            p.code == MappingProblem::Code::ReadOnlyProperty ||
                            p.code == MappingProblem::Code::TypeMismatch ||
                            p.code == MappingProblem::Code::ValueMapRequired))
            return true;
    }
    return false;
}

int importMapping(CliContext& ctx, const QStringList& args) {
    MappingArgs a;
    if (const int code = parseArgs(ctx, args, true, a); code != ExitOk)
        return code;
    QByteArray bytes;
    QString source = tr("standard input");
    if (a.file.isEmpty()) {
        bytes = ctx.in.readAll().toUtf8();
    } else {
        QFile file(a.file);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(ctx,
                       tr("cannot read %1: %2").arg(QDir::toNativeSeparators(a.file), file.errorString()));
            return ExitUsage;
        }
        bytes = file.readAll();
        source = QDir::toNativeSeparators(a.file);
    }

    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    const std::optional<Connection> c = findConnection(ctx, *workspace, a.name);
    if (!c)
        return ExitUsage;

    const MappingImport read = MappingJson::fromBytes(bytes, a.object);
    if (!read.ok()) {
        for (const MappingJsonError& e : read.errors)
            ctx.err << tr("error: %1: %2").arg(source, e.toString()) << '\n';
        ctx.err << tr("The mapping was not imported; the stored mapping is unchanged.") << '\n';
        return ExitUsage;
    }
    const Mapping& mapping = *read.mapping;
    const RecordObject object = mapping.object;
    if (read.crm && usesHubSpotDialect(*read.crm) != usesHubSpotDialect(c->kind()))
        ctx.err << tr("warning: the mapping was exported from a %1 connection; \"%2\" is %3.")
                       .arg(crmKindLabel(*read.crm), c->name, crmKindLabel(c->kind()))
                << '\n';

    FieldStore fieldStore(*workspace);
    const QList<FieldDefinition> fields = fieldStore.list(object);
    if (!fieldStore.lastError().isEmpty()) {
        printError(ctx, fieldStore.lastError());
        return ExitUsage;
    }
    const ConnectorFacts facts = ConnectorFacts::forKind(c->kind());

    int code = ExitOk;
    bool fetched = false;
    std::optional<QList<CrmProperty>> properties =
        crmProperties(ctx, *workspace, *c, object, a, a.refresh, &fetched, &code);
    if (!properties)
        return code;
    QList<MappingProblem> problems = MappingValidator::validate(mapping, fields, *properties, facts);
    if (!fetched && mayBeStale(problems)) {
        // The cached list may predate a property or option the mapping uses: check the CRM itself.
        properties = crmProperties(ctx, *workspace, *c, object, a, true, &fetched, &code);
        if (!properties)
            return code;
        problems = MappingValidator::validate(mapping, fields, *properties, facts);
    }

    bool errors = false;
    for (const MappingProblem& p : std::as_const(problems)) {
        QString where;
        if (p.row >= 0 && p.target >= 0)
            where = tr("row %1, target %2").arg(p.row + 1).arg(p.target + 1);
        else if (p.row >= 0)
            where = tr("row %1").arg(p.row + 1);
        else
            where = tr("mapping");
        if (!p.property.isEmpty())
            where += QStringLiteral(" (") + p.property + u')';
        const QString line =
            tr("%1: %2: %3 [%4]").arg(source, where, p.message, mappingProblemCodeName(p.code));
        if (p.isError()) {
            errors = true;
            ctx.err << tr("error: %1").arg(line) << '\n';
        } else {
            ctx.err << tr("warning: %1").arg(line) << '\n';
        }
    }
    if (errors) {
        ctx.err << tr("The mapping was not imported; the stored mapping is unchanged.") << '\n';
        return ExitUsage;
    }
    MappingStore store(*workspace);
    if (!store.setMapping(c->id, mapping, c->kind())) {
        printError(ctx, store.lastError());
        return ExitUsage;
    }
    ctx.out << QCoreApplication::translate("MappingCommand", "Imported the %1 mapping of \"%2\" (%n row(s)).",
                                           nullptr, int(mapping.rows.size()))
                   .arg(objectLabel(object), c->name)
            << '\n';
    return ExitOk;
}

} // namespace

int runMappingCommand(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        printMappingUsage(args.isEmpty() ? ctx.err : ctx.out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString sub = args.first();
    if (sub == u"export")
        return exportMapping(ctx, args.mid(1));
    if (sub == u"import")
        return importMapping(ctx, args.mid(1));
    return usageError(ctx, tr("unknown mapping command \"%1\" (export, import)").arg(sub));
}

} // namespace syncdesk::cli
