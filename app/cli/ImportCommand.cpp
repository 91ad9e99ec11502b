// syncdesk-cli [--workspace FILE] import companies|contacts FILE.csv [--delimiter ,|;|tab]
// Prints a summary and every rejected row (error) and remark (warning) with its line (docs/import.md).
// Exit: 0 all rows imported, 1 some rows rejected (the rest imported), 2 usage, file or workspace
// problem (nothing imported).
#include "app/cli/CliCommand.h"

#include "core/import/CsvImporter.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ImportCommand", text);
}

void printImportUsage(QTextStream& s) {
    s << tr(
        "usage: syncdesk-cli [--workspace FILE] import companies|contacts FILE.csv [--delimiter ,|;|tab]\n"
        "Imports a CSV file (UTF-8, comma, semicolon or tab separated, header row first) into the\n"
        "workspace. Importing the same file again updates the records instead of duplicating them.\n"
        "Exit status: 0 every row imported, 1 some rows rejected (the others imported), 2 nothing\n"
        "imported (usage, file or workspace problem).\n");
}

int usageError(CliContext& ctx, const QString& message) {
    ctx.err << tr("error: %1").arg(message) << '\n';
    printImportUsage(ctx.err);
    return ExitUsage;
}

// One issue per output line: line breaks and tabs inside quoted values would break that.
QString oneLine(const QString& text) {
    QString out = text;
    for (QChar& c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    return out;
}

QString delimiterName(char d) {
    return d == '\t' ? tr("tab") : QString(QLatin1Char(d));
}

} // namespace

int runImportCommand(CliContext& ctx, const QStringList& args) {
    QStringList positional;
    ImportOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == u"--help" || arg == u"-h") {
            printImportUsage(ctx.out);
            return ExitOk;
        }
        if (arg == u"--delimiter" || arg.startsWith(u"--delimiter=")) {
            QString value;
            if (arg != u"--delimiter")
                value = arg.mid(12);
            else if (i + 1 < args.size())
                value = args[++i];
            if (value == u"," || value == u";")
                options.delimiter = char(value.at(0).unicode());
            else if (value == u"tab" || value == u"\t")
                options.delimiter = '\t';
            else
                return usageError(ctx, tr("--delimiter takes , or ; or tab"));
            continue;
        }
        if (arg.startsWith(u"--") && arg.size() > 2)
            return usageError(ctx, tr("unknown option %1").arg(arg));
        positional.append(arg);
    }
    if (positional.size() != 2)
        return usageError(ctx, tr("import needs what to import (companies or contacts) and a CSV file"));

    const std::optional<RecordObject> parsed = parseRecordObject(positional[0]); // plural or singular
    if (!parsed)
        return usageError(ctx, tr("cannot import \"%1\": use companies or contacts").arg(positional[0]));
    const RecordObject object = *parsed;

    const QString file = positional[1];
    const QFileInfo info(file);
    if (!info.exists()) {
        ctx.err << tr("error: the file %1 does not exist").arg(QDir::toNativeSeparators(file)) << '\n';
        return ExitUsage;
    }
    if (info.isDir()) {
        ctx.err << tr("error: %1 is a folder, not a CSV file").arg(QDir::toNativeSeparators(file)) << '\n';
        return ExitUsage;
    }

    const QString workspacePath = ctx.workspacePath.isEmpty() ? Workspace::defaultPath() : ctx.workspacePath;
    QString openError;
    const std::unique_ptr<Workspace> workspace = Workspace::open(workspacePath, &openError);
    if (!workspace) {
        ctx.err << tr("error: %1").arg(openError) << '\n';
        return ExitUsage;
    }

    const ImportResult result = CsvImporter(*workspace, options).importFile(object, file);
    if (!result.completed) {
        ctx.err << tr("error: %1").arg(oneLine(result.fatalError)) << '\n'
                << tr("Nothing was imported; the workspace is unchanged.") << '\n';
        return ExitUsage;
    }

    ctx.out << (object == RecordObject::Company ? tr("Imported companies from %1 into %2")
                                                : tr("Imported contacts from %1 into %2"))
                   .arg(QDir::toNativeSeparators(file), QDir::toNativeSeparators(workspace->path()))
            << '\n';
    ctx.out << tr("  rows read: %1 (delimiter %2)").arg(result.rows).arg(delimiterName(result.delimiter))
            << '\n'
            << tr("  created:   %1").arg(result.created) << '\n'
            << tr("  updated:   %1").arg(result.updated) << '\n'
            << tr("  unchanged: %1").arg(result.unchanged) << '\n'
            << tr("  skipped:   %1").arg(result.skipped) << '\n'
            << tr("  errors: %1, warnings: %2").arg(result.errors.size()).arg(result.warnings.size()) << '\n';
    if (!result.newFields.isEmpty()) {
        QStringList fields;
        for (const FieldDefinition& f : result.newFields)
            fields.append(tr("%1 (%2)").arg(f.label, fieldTypeName(f.type)));
        ctx.out << tr("  new custom fields: %1").arg(fields.join(QLatin1String(", "))) << '\n';
    }

    // Errors and warnings together, in file order.
    struct Line {
        qint64 line;
        bool error;
        const ImportIssue* issue;
    };
    QList<Line> lines;
    for (const ImportIssue& i : result.errors)
        lines.append({i.line, true, &i});
    for (const ImportIssue& i : result.warnings)
        lines.append({i.line, false, &i});
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.line < b.line; });
    for (const Line& l : std::as_const(lines)) {
        const QString kind = l.error ? tr("error") : tr("warning");
        const QString message = oneLine(l.issue->message);
        if (l.line > 0)
            ctx.out << tr("line %1: %2: %3").arg(l.line).arg(kind, message) << '\n';
        else
            ctx.out << tr("%1: %2").arg(kind, message) << '\n';
    }
    return result.hasRejectedRows() ? ExitFailedRecords : ExitOk;
}

} // namespace syncdesk::cli
