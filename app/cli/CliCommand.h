#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace syncdesk::cli {

// Exit codes of PRODUCT.md "Headless".
enum ExitCode {
    ExitOk = 0,
    ExitFailedRecords = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitPaused = 4,
    ExitInterrupted = 130,
};

// What every command gets: the global options and the output streams.
struct CliContext {
    QString workspacePath; // --workspace FILE, else the default workspace location
    QTextStream& out;
    QTextStream& err;
    QTextStream& in;
};

// One function per command, each in its own file (KeyCommand.cpp, ImportCommand.cpp, ...).
// `args` are the arguments after the command name. They return an ExitCode.
int runKeyCommand(CliContext& ctx, const QStringList& args);
int runImportCommand(CliContext& ctx, const QStringList& args);

} // namespace syncdesk::cli
