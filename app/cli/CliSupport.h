#pragma once

// Shared by the CLI commands: opening the workspace and the keychain, finding a connection and
// building its connector (with --token-env), and turning errors into exit codes.
//
// Every function that fails prints "error: ..." (translated) to ctx.err itself and tells the
// caller the exit code to return; callers just return it.
//
//   int runSyncCommand(CliContext& ctx, const QStringList& args) {
//       QStringList rest = args;
//       CrmOptions crm;
//       if (int code = takeCrmOptions(ctx, rest, crm); code != ExitOk) return code;
//       auto ws = openWorkspace(ctx);
//       if (!ws) return ExitUsage;
//       int code = ExitOk;
//       std::optional<CliConnection> c = openConnection(ctx, *ws, name, crm, &code);
//       if (!c) return code;
//       c->connector->...;            // CrmConnector&; c->connection is the stored Connection
//   }

#include "app/cli/CliCommand.h"

#include "core/connectors/CrmConnector.h"
#include "core/connectors/CrmError.h"
#include "core/net/HttpClient.h"
#include "core/store/ConnectionStore.h"

#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace syncdesk {
class CancelFlag;
class SecretStore;
class Workspace;
} // namespace syncdesk

namespace syncdesk::cli {

// Options of commands that talk to a CRM.
struct CrmOptions {
    QString tokenEnv;                   // --token-env VAR: the token comes from $VAR, never stored
    const CancelFlag* cancel = nullptr; // set by the command (e.g. SIGINT)
    HttpObserver observer;              // set by the command (e.g. the connector log)
};

// Takes "--token-env VAR" / "--token-env=VAR" out of `args` (anywhere). Returns ExitOk, or
// ExitUsage after printing the problem (missing variable name).
int takeCrmOptions(CliContext& ctx, QStringList& args, CrmOptions& options);

// ctx.workspacePath, else Workspace::defaultPath(). nullptr after printing why.
std::unique_ptr<Workspace> openWorkspace(CliContext& ctx);

// The system keychain (service "SyncDesk"), checked to answer. nullptr after printing why (no
// keychain reachable: the message suggests --token-env). Exit code: ExitUsage.
std::unique_ptr<SecretStore> openSecretStore(CliContext& ctx);

// The stored connection NAME; nullopt after printing "no connection named ..." with the names
// that exist. Exit code: ExitUsage.
std::optional<Connection> findConnection(CliContext& ctx, Workspace& workspace, const QString& name);

// A connection with its connector, ready for use on this thread.
struct CliConnection {
    Connection connection;
    std::shared_ptr<QNetworkAccessManager> network; // the connector's network (outlives it)
    std::shared_ptr<SecretStore> secrets;           // the keychain, or nullptr with --token-env
    std::unique_ptr<CrmConnector> connector;        // declared last: destroyed first
};

// Finds the connection NAME and builds its connector: the token from $VAR with --token-env (the
// keychain is then not opened), else from the keychain. nullopt after printing why, with *exitCode
// set: ExitUsage (no such connection, no keychain, Salesforce not supported yet, variable unset),
// ExitAuth (no token stored for it).
std::optional<CliConnection> openConnection(CliContext& ctx, Workspace& workspace, const QString& name,
                                            const CrmOptions& options, int* exitCode);

// Exit code for an error that ended a command (PRODUCT.md "Headless"): ExitAuth for
// authentication and permission errors, ExitPaused for the daily limit (or rate limits that did not
// clear), ExitInterrupted when cancelled, ExitUsage for everything else (network, validation, ...).
int exitCodeFor(const CrmError& error);

// Prints "error: <message>" and, when present, the hint, HTTP status, category/code and
// correlation id, one per line.
void printCrmError(CliContext& ctx, const CrmError& error);

// Prints "error: <message>" (translated by the caller).
void printError(CliContext& ctx, const QString& message);

} // namespace syncdesk::cli
