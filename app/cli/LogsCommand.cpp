#include "app/cli/CliCommand.h"

#include <QCoreApplication>

namespace syncdesk::cli {

// Placeholder until the command is implemented.
int runLogsCommand(CliContext& ctx, const QStringList&)
{
    ctx.err << QCoreApplication::translate("cli", "error: not implemented yet") << '\n';
    return ExitUsage;
}

} // namespace syncdesk::cli
