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
int runConnectionCommand(CliContext& ctx, const QStringList& args); // connection add|list|test|remove
int runMappingCommand(CliContext& ctx, const QStringList& args);    // mapping export|import
int runSyncCommand(CliContext& ctx, const QStringList& args);       // sync NAME [--where ...] ...
int runRunsCommand(CliContext& ctx, const QStringList& args);       // runs [--json]
int runRunCommand(CliContext& ctx, const QStringList& args);        // run show ID [--json] | run resume ID
int runUndoCommand(CliContext& ctx, const QStringList& args);       // undo RUN_ID [--dry-run]
int runLogsCommand(CliContext& ctx, const QStringList& args);       // logs [--run ID] [--level L] [--json]

} // namespace syncdesk::cli
