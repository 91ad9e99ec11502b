#include "app/cli/CliSupport.h"

#include "core/auth/InMemorySecretStore.h"
#include "core/auth/SecretStore.h"
#include "core/connectors/ConnectorFactory.h"
#include "core/net/Redactor.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("CliSupport", text);
}

} // namespace

void printError(CliContext& ctx, const QString& message) {
    ctx.err << tr("error: %1").arg(message) << '\n';
}

int takeCrmOptions(CliContext& ctx, QStringList& args, CrmOptions& options) {
    for (qsizetype i = 0; i < args.size();) {
        const QString arg = args.at(i);
        if (arg == u"--token-env") {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty()) {
                printError(ctx, tr("--token-env needs the name of an environment variable"));
                return ExitUsage;
            }
            options.tokenEnv = args.at(i + 1);
            args.remove(i, 2);
        } else if (arg.startsWith(u"--token-env=")) {
            options.tokenEnv = arg.mid(12);
            if (options.tokenEnv.isEmpty()) {
                printError(ctx, tr("--token-env needs the name of an environment variable"));
                return ExitUsage;
            }
            args.remove(i);
        } else {
            ++i;
        }
    }
    return ExitOk;
}

std::unique_ptr<Workspace> openWorkspace(CliContext& ctx) {
    const QString path = ctx.workspacePath.isEmpty() ? Workspace::defaultPath() : ctx.workspacePath;
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(path, &error);
    if (!workspace)
        printError(ctx, error);
    return workspace;
}

std::unique_ptr<SecretStore> openSecretStore(CliContext& ctx) {
    SecretStoreOpenResult opened = openSystemSecretStore();
    if (!opened.store)
        printError(ctx, opened.errorText);
    return std::move(opened.store);
}

std::optional<Connection> findConnection(CliContext& ctx, Workspace& workspace, const QString& name) {
    ConnectionStore store(workspace);
    if (std::optional<Connection> c = store.findByName(name))
        return c;
    if (!store.lastError().isEmpty()) {
        printError(ctx, store.lastError());
        return std::nullopt;
    }
    QStringList names;
    for (const Connection& c : store.list())
        names.append(c.name);
    if (names.isEmpty())
        printError(ctx, tr("there is no connection named \"%1\" (the workspace has no connections yet: "
                           "add one with syncdesk-cli connection add NAME --type hubspot|salesforce|sandbox)")
                            .arg(name));
    else
        printError(ctx, tr("there is no connection named \"%1\" (connections: %2)")
                            .arg(name, names.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<CliConnection> openConnection(CliContext& ctx, Workspace& workspace, const QString& name,
                                            const CrmOptions& options, int* exitCode) {
    *exitCode = ExitUsage;
    std::optional<Connection> connection = findConnection(ctx, workspace, name);
    if (!connection)
        return std::nullopt;

    CliConnection out;
    out.connection = *connection;
    out.network = std::make_shared<QNetworkAccessManager>();
    ConnectorEnvironment env;
    env.network = out.network.get();
    env.cancel = options.cancel;
    env.observer = options.observer;

    ConnectorBuild build;
    if (!options.tokenEnv.isEmpty()) {
        const QByteArray value = qgetenv(options.tokenEnv.toLocal8Bit().constData());
        if (value.trimmed().isEmpty()) {
            printError(ctx, tr("the environment variable %1 (given with --token-env) is not set or empty")
                                .arg(options.tokenEnv));
            return std::nullopt;
        }
        InMemorySecretStore none; // --token-env: the keychain is not opened at all
        build = ConnectorFactory::create(out.connection, none, env, QString::fromLocal8Bit(value));
    } else {
        if (!usesHubSpotDialect(out.connection.kind())) {
            // Say what is missing before asking the keychain for a token that could not be used.
            build = ConnectorFactory::createWithToken(out.connection, QString(), env);
        } else {
            std::unique_ptr<SecretStore> secrets = openSecretStore(ctx);
            if (!secrets)
                return std::nullopt;
            out.secrets = std::move(secrets);
            build = ConnectorFactory::create(out.connection, *out.secrets, env);
        }
    }
    if (!build.ok()) {
        printCrmError(ctx, *build.error);
        *exitCode = exitCodeFor(*build.error);
        return std::nullopt;
    }
    out.connector = std::move(build.connector);
    *exitCode = ExitOk;
    return out;
}

int exitCodeFor(const CrmError& error) {
    switch (error.kind) {
    case CrmErrorKind::Authentication:
    case CrmErrorKind::Permission:
        return ExitAuth;
    case CrmErrorKind::DailyLimit:
        return ExitPaused;
    case CrmErrorKind::Cancelled:
        return ExitInterrupted;
    default:
        return ExitUsage;
    }
}

void printCrmError(CliContext& ctx, const CrmError& error) {
    // A CRM's message could quote what it was sent: never let a registered secret through.
    const Redactor& redactor = *Redactor::shared();
    printError(ctx,
               redactor.redactText(error.message.isEmpty() ? crmErrorKindName(error.kind) : error.message));
    if (!error.hint.isEmpty())
        ctx.err << tr("  hint: %1").arg(redactor.redactText(error.hint)) << '\n';
    QStringList details;
    if (error.httpStatus > 0)
        details.append(tr("HTTP %1").arg(error.httpStatus));
    if (!error.category.isEmpty())
        details.append(error.category);
    if (!error.code.isEmpty() && error.code != error.category)
        details.append(error.code);
    if (!error.correlationId.isEmpty())
        details.append(tr("correlation id %1").arg(error.correlationId));
    if (!details.isEmpty())
        ctx.err << tr("  (%1)").arg(details.join(QStringLiteral(", "))) << '\n';
}

} // namespace syncdesk::cli
