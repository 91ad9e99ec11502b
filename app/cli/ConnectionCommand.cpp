// syncdesk-cli [--workspace FILE] connection add NAME --type hubspot|salesforce|sandbox [--base-url URL]
//                                            [--token-stdin] [--allow-unique-id-property]
//              connection list [--json]
//              connection test NAME [--token-env VAR] [--json]
//              connection token NAME --token-stdin
//              connection remove NAME
// Tokens live only in the keychain (service "SyncDesk", key "connection/<uuid>"); they are read
// from stdin, never echoed, never written to the workspace. docs/connections.md.
#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"

#include "core/auth/SecretStore.h"
#include "core/connectors/ConnectionTest.h"
#include "core/connectors/ConnectorFactory.h"
#include "core/mapping/Mapping.h"
#include "core/store/MappingStore.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace syncdesk::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ConnectionCommand", text);
}

void printConnectionUsage(QTextStream& s) {
    s << tr(
        "usage: syncdesk-cli [--workspace FILE] connection add NAME --type hubspot|salesforce|sandbox\n"
        "                        [--base-url URL] [--token-stdin] [--allow-unique-id-property]\n"
        "       syncdesk-cli [--workspace FILE] connection list [--json]\n"
        "       syncdesk-cli [--workspace FILE] connection test NAME [--token-env VAR] [--json]\n"
        "       syncdesk-cli [--workspace FILE] connection token NAME --token-stdin\n"
        "       syncdesk-cli [--workspace FILE] connection remove NAME\n"
        "Tokens are read from standard input (--token-stdin) and kept only in the system keychain.\n"
        "--token-env VAR takes the token from the environment variable VAR for one run, never stored.\n"
        "--allow-unique-id-property lets SyncDesk create its unique id property (syncdesk_id) on the CRM\n"
        "so that creates can be repeated safely.\n"
        "Exit status: 0 fine, 2 usage or configuration problem, 3 token refused or scopes missing.\n");
}

int usageError(CliContext& ctx, const QString& message) {
    printError(ctx, message);
    printConnectionUsage(ctx.err);
    return ExitUsage;
}

// Reads the token from stdin: everything, trimmed. Never echoed.
std::optional<QString> readToken(CliContext& ctx) {
    const QString token = ctx.in.readAll().trimmed();
    if (token.isEmpty()) {
        printError(ctx, tr("--token-stdin: no token on standard input"));
        return std::nullopt;
    }
    if (token.contains(u'\n') || token.contains(u' ')) {
        printError(ctx, tr("--token-stdin: the token must be one line without spaces"));
        return std::nullopt;
    }
    return token;
}

bool storeToken(CliContext& ctx, SecretStore& secrets, const Connection& c, const QString& token) {
    const SecretResult r =
        secrets.write(SecretStore::connectionKey(c.uuid), ConnectorFactory::secretForToken(token));
    if (!r.ok()) {
        printError(ctx, tr("the token could not be stored in the keychain: %1").arg(r.errorText));
        return false;
    }
    return true;
}

int add(CliContext& ctx, QStringList args) {
    QString name;
    QString type;
    QString baseUrl;
    bool tokenStdin = false;
    bool allowUniqueId = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const auto value = [&](QString* out) {
            if (i + 1 >= args.size())
                return false;
            *out = args.at(++i);
            return true;
        };
        if (a == u"--type") {
            if (!value(&type))
                return usageError(ctx, tr("--type needs hubspot, salesforce or sandbox"));
        } else if (a.startsWith(u"--type=")) {
            type = a.mid(7);
        } else if (a == u"--base-url") {
            if (!value(&baseUrl))
                return usageError(ctx, tr("--base-url needs a URL"));
        } else if (a.startsWith(u"--base-url=")) {
            baseUrl = a.mid(11);
        } else if (a == u"--token-stdin") {
            tokenStdin = true;
        } else if (a == u"--allow-unique-id-property") {
            allowUniqueId = true;
        } else if (a.startsWith(u"--")) {
            return usageError(ctx, tr("unknown option %1").arg(a));
        } else if (name.isEmpty()) {
            name = a;
        } else {
            return usageError(ctx, tr("unexpected argument %1").arg(a));
        }
    }
    if (name.isEmpty())
        return usageError(ctx, tr("connection add needs a NAME"));
    if (const QString p = ConnectionStore::nameProblem(name); !p.isEmpty())
        return usageError(ctx, p);
    if (type.isEmpty())
        return usageError(ctx, tr("connection add needs --type hubspot, salesforce or sandbox"));
    const std::optional<CrmKind> kind = parseCrmKind(type);
    if (!kind)
        return usageError(ctx,
                          tr("unknown connection type \"%1\" (hubspot, salesforce or sandbox)").arg(type));
    if (const QString p = ConnectorFactory::baseUrlProblem(*kind, baseUrl); !p.isEmpty())
        return usageError(ctx, p);

    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    ConnectionStore connections(*workspace);
    if (connections.findByName(name))
        return usageError(ctx, tr("a connection named \"%1\" already exists").arg(name.trimmed()));

    std::optional<QString> token;
    std::unique_ptr<SecretStore> secrets;
    if (tokenStdin) {
        token = readToken(ctx);
        if (!token)
            return ExitUsage;
        secrets = openSecretStore(ctx); // before anything is stored: fail early without a keychain
        if (!secrets)
            return ExitUsage;
    }

    Connection c = Connection::make(name, *kind, baseUrl.trimmed());
    c.setUniqueIdPropertyConsented(allowUniqueId);
    Workspace::Transaction tx = workspace->transaction();
    std::optional<Connection> stored = connections.add(c);
    if (!stored) {
        printError(ctx, connections.lastError());
        return ExitUsage;
    }
    MappingStore mappings(*workspace);
    for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
        if (!mappings.setMapping(stored->id, Mapping::defaultMapping(*kind, object), *kind)) {
            printError(ctx, mappings.lastError());
            return ExitUsage;
        }
    }
    if (token && !storeToken(ctx, *secrets, *stored, *token))
        return ExitUsage; // the transaction rolls back: no connection without its token
    if (!tx.commit()) {
        if (secrets)
            secrets->remove(SecretStore::connectionKey(stored->uuid));
        printError(ctx, tx.error());
        return ExitUsage;
    }

    ctx.out << tr("Added the %1 connection \"%2\".").arg(crmKindLabel(*kind), stored->name) << '\n';
    if (!baseUrl.isEmpty())
        ctx.out << tr("  base URL: %1").arg(stored->baseUrl) << '\n';
    ctx.out << tr("  default mappings for companies and contacts created") << '\n';
    if (token)
        ctx.out << tr("  token stored in the keychain (%1)").arg(secrets->backendName()) << '\n';
    else
        ctx.out
            << tr("  no token stored: add one with syncdesk-cli connection token %1 --token-stdin, or pass "
                  "--token-env VAR to each command")
                   .arg(stored->name)
            << '\n';
    if (*kind == CrmKind::Salesforce)
        ctx.out << tr("  note: SyncDesk cannot talk to Salesforce yet (its connector comes in a later "
                      "release); the connection is stored for then.")
                << '\n';
    return ExitOk;
}

int list(CliContext& ctx, const QStringList& args) {
    bool json = false;
    for (const QString& a : args) {
        if (a == u"--json")
            json = true;
        else
            return usageError(ctx, tr("unexpected argument %1").arg(a));
    }
    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    ConnectionStore connections(*workspace);
    const QList<Connection> all = connections.list();
    if (!connections.lastError().isEmpty()) {
        printError(ctx, connections.lastError());
        return ExitUsage;
    }
    if (json) {
        QJsonArray array;
        for (const Connection& c : all)
            array.append(
                QJsonObject{{QStringLiteral("name"), c.name},
                            {QStringLiteral("id"), c.uuid},
                            {QStringLiteral("type"), c.type},
                            {QStringLiteral("base_url"), ConnectorFactory::baseUrl(c).toString()},
                            {QStringLiteral("match_policy"), c.matchPolicy},
                            {QStringLiteral("company_mode"), c.companyMode},
                            {QStringLiteral("contact_mode"), c.contactMode},
                            {QStringLiteral("ambiguous"), c.ambiguous},
                            {QStringLiteral("lookup"), c.lookup},
                            {QStringLiteral("unique_id_property_allowed"), c.uniqueIdPropertyConsented()},
                            {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)}});
        ctx.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (all.isEmpty()) {
        ctx.out << tr("No connections. Add one with syncdesk-cli connection add NAME --type "
                      "hubspot|salesforce|sandbox")
                << '\n';
        return ExitOk;
    }
    ctx.out << tr("NAME\tTYPE\tBASE URL\tMATCH\tCOMPANIES\tCONTACTS\tCREATED") << '\n';
    for (const Connection& c : all)
        ctx.out << c.name << '\t' << c.type << '\t' << ConnectorFactory::baseUrl(c).toString() << '\t'
                << c.matchPolicy << '\t' << c.companyMode << '\t' << c.contactMode << '\t'
                << c.createdAt.toString(Qt::ISODate) << '\n';
    return ExitOk;
}

int test(CliContext& ctx, QStringList args) {
    CrmOptions options;
    if (const int code = takeCrmOptions(ctx, args, options); code != ExitOk)
        return code;
    bool json = false;
    QString name;
    for (const QString& a : std::as_const(args)) {
        if (a == u"--json")
            json = true;
        else if (a.startsWith(u"--"))
            return usageError(ctx, tr("unknown option %1").arg(a));
        else if (name.isEmpty())
            name = a;
        else
            return usageError(ctx, tr("unexpected argument %1").arg(a));
    }
    if (name.isEmpty())
        return usageError(ctx, tr("connection test needs a NAME"));
    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    int code = ExitOk;
    std::optional<CliConnection> c = openConnection(ctx, *workspace, name, options, &code);
    if (!c)
        return code;
    auto* testable = dynamic_cast<ConnectionTestable*>(c->connector.get());
    if (!testable) {
        printError(ctx, tr("this kind of connection cannot be tested yet"));
        return ExitUsage;
    }
    const ConnectionTestResult result = testable->testConnection();
    if (json) {
        QJsonObject o = result.toJson();
        o.insert(QStringLiteral("connection"), c->connection.name);
        ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    if (result.error) {
        printCrmError(ctx, *result.error);
        return exitCodeFor(*result.error);
    }
    if (!json) {
        ctx.out << tr("Connection \"%1\" (%2, %3): the token is accepted.")
                       .arg(c->connection.name, crmKindLabel(c->connection.kind()),
                            ConnectorFactory::baseUrl(c->connection).toString())
                << '\n';
        for (const ConnectionTestResult::Check& check : result.checks) {
            const QString state = check.granted ? tr("ok") : check.required ? tr("MISSING") : tr("missing");
            ctx.out << QStringLiteral("  %1\t%2\t%3").arg(state, check.scope, check.purpose) << '\n';
        }
    }
    const QStringList missing = result.missingScopes(true);
    const QStringList optional = result.missingScopes(false);
    if (!optional.isEmpty())
        ctx.err
            << tr("warning: the token lacks %1: SyncDesk cannot create properties on the CRM (its unique id "
                  "property, \"Create missing fields\"). Everything else works.")
                   .arg(optional.join(QStringLiteral(", ")))
            << '\n';
    if (!missing.isEmpty()) {
        printError(ctx, tr("the token lacks the scope(s) %1").arg(missing.join(QStringLiteral(", "))));
        ctx.err
            << tr("  hint: add them to the private app in HubSpot (Settings > Integrations > Private Apps > "
                  "Scopes), then store its token again with syncdesk-cli connection token %1 --token-stdin")
                   .arg(c->connection.name)
            << '\n';
        return ExitAuth;
    }
    if (!json)
        ctx.out << tr("All required scopes are granted.") << '\n';
    return ExitOk;
}

int token(CliContext& ctx, const QStringList& args) {
    QString name;
    bool tokenStdin = false;
    for (const QString& a : args) {
        if (a == u"--token-stdin")
            tokenStdin = true;
        else if (a.startsWith(u"--"))
            return usageError(ctx, tr("unknown option %1").arg(a));
        else if (name.isEmpty())
            name = a;
        else
            return usageError(ctx, tr("unexpected argument %1").arg(a));
    }
    if (name.isEmpty() || !tokenStdin)
        return usageError(ctx, tr("connection token needs a NAME and --token-stdin"));
    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    const std::optional<Connection> c = findConnection(ctx, *workspace, name);
    if (!c)
        return ExitUsage;
    const std::optional<QString> value = readToken(ctx);
    if (!value)
        return ExitUsage;
    std::unique_ptr<SecretStore> secrets = openSecretStore(ctx);
    if (!secrets)
        return ExitUsage;
    if (!storeToken(ctx, *secrets, *c, *value))
        return ExitUsage;
    ctx.out << tr("Stored the token of \"%1\" in the keychain (%2).").arg(c->name, secrets->backendName())
            << '\n';
    return ExitOk;
}

int remove(CliContext& ctx, const QStringList& args) {
    if (args.size() != 1 || args.first().startsWith(u"--"))
        return usageError(ctx, tr("connection remove needs exactly one NAME"));
    std::unique_ptr<Workspace> workspace = openWorkspace(ctx);
    if (!workspace)
        return ExitUsage;
    const std::optional<Connection> c = findConnection(ctx, *workspace, args.first());
    if (!c)
        return ExitUsage;
    // The secret first: a connection is never removed while its token stays behind in the keychain.
    std::unique_ptr<SecretStore> secrets = openSecretStore(ctx);
    if (!secrets)
        return ExitUsage;
    const SecretResult r = secrets->remove(SecretStore::connectionKey(c->uuid));
    if (!r.ok() && r.status != SecretStatus::NotFound) {
        printError(
            ctx,
            tr("the token of \"%1\" could not be removed from the keychain: %2").arg(c->name, r.errorText));
        return ExitUsage;
    }
    ConnectionStore connections(*workspace);
    if (!connections.remove(c->id)) {
        printError(ctx, connections.lastError());
        return ExitUsage;
    }
    ctx.out << tr("Removed the connection \"%1\", its mappings and its token.").arg(c->name) << '\n';
    return ExitOk;
}

} // namespace

int runConnectionCommand(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        printConnectionUsage(args.isEmpty() ? ctx.err : ctx.out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == u"add")
        return add(ctx, rest);
    if (sub == u"list")
        return list(ctx, rest);
    if (sub == u"test")
        return test(ctx, rest);
    if (sub == u"token")
        return token(ctx, rest);
    if (sub == u"remove")
        return remove(ctx, rest);
    return usageError(ctx, tr("unknown connection command \"%1\" (add, list, test, token, remove)").arg(sub));
}

} // namespace syncdesk::cli
