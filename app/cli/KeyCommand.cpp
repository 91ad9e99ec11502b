// syncdesk-cli key [--policy host|registrable] [VALUE...]
// One line per value: VALUE <TAB> KEY-or-"-" <TAB> REASON-or-empty (docs/domain-keys.md).
#include "app/cli/CliCommand.h"

#include "core/domain/DomainKey.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define SYNCDESK_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define SYNCDESK_ISATTY(fd) isatty(fd)
#endif

namespace syncdesk::cli {

namespace {

void printKeyUsage(QTextStream& s) {
    s << QCoreApplication::translate(
        "KeyCommand",
        "usage: syncdesk-cli [--workspace FILE] key [--policy host|registrable] [--] [VALUE...]\n"
        "Prints one line per value: the value, a tab, the domain key or -, a tab, and the reason when\n"
        "there is no key. Without values, reads one value per line from standard input.\n"
        "  --policy host          the key is the host, www. dropped (default)\n"
        "  --policy registrable   the key is the registrable domain by the Public Suffix List\n");
}

// The value as echoed in the first column: control characters (tab, CR, LF...) would break the
// line-and-column format, so each becomes a space.
QString printable(const QString& value) {
    const auto isControl = [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; };
    if (std::none_of(value.begin(), value.end(), isControl))
        return value;
    QString out = value;
    std::replace_if(out.begin(), out.end(), isControl, QChar(u' '));
    return out;
}

void printKey(QTextStream& out, const QString& value, DomainPolicy policy) {
    const DomainKeyResult r = DomainKey::compute(value, policy);
    out << printable(value) << '\t' << (r.hasKey() ? r.key : QStringLiteral("-")) << '\t' << r.reasonText()
        << '\n';
}

} // namespace

int runKeyCommand(CliContext& ctx, const QStringList& args) {
    DomainPolicy policy = DomainPolicy::Host;
    QStringList values;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (optionsEnded || !arg.startsWith(u"--")) {
            values << arg;
        } else if (arg == u"--") {
            optionsEnded = true;
        } else if (arg == u"--policy" || arg.startsWith(u"--policy=")) {
            QString name;
            if (arg != u"--policy") {
                name = arg.mid(9);
            } else if (i + 1 < args.size()) {
                name = args[++i];
            } else {
                ctx.err << QCoreApplication::translate("KeyCommand",
                                                       "error: --policy needs a value: host or registrable")
                        << '\n';
                return ExitUsage;
            }
            const std::optional<DomainPolicy> parsed = DomainKey::parsePolicy(name);
            if (!parsed) {
                ctx.err << QCoreApplication::translate(
                               "KeyCommand", "error: unknown policy \"%1\": use host or registrable")
                               .arg(name)
                        << '\n';
                printKeyUsage(ctx.err);
                return ExitUsage;
            }
            policy = *parsed;
        } else if (arg == u"--help") {
            printKeyUsage(ctx.out);
            return ExitOk;
        } else {
            ctx.err << QCoreApplication::translate("KeyCommand", "error: unknown option %1").arg(arg) << '\n';
            printKeyUsage(ctx.err);
            return ExitUsage;
        }
    }

    if (!values.isEmpty()) {
        for (const QString& value : values)
            printKey(ctx.out, value, policy);
        return ExitOk;
    }

    // Standard input, streamed line by line. Someone typing at a terminal sees each answer at once;
    // a pipe gets block-buffered output.
    const bool interactive = SYNCDESK_ISATTY(fileno(stdin));
    QString line;
    while (ctx.in.readLineInto(&line)) {
        if (line.endsWith(u'\r')) // CRLF files; readLine already drops the LF
            line.chop(1);
        printKey(ctx.out, line, policy);
        if (interactive)
            ctx.out.flush();
    }
    return ExitOk;
}

} // namespace syncdesk::cli
