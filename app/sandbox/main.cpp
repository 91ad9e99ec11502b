// syncdesk-sandbox: the Sandbox CRM (HubSpot dialect) as a standalone process. See docs/sandbox.md.
#include "core/sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using syncdesk::sandbox::FaultRule;
using syncdesk::sandbox::SandboxServer;
using syncdesk::sandbox::SandboxSettings;
using syncdesk::sandbox::TokenGrant;

// Translation context of this executable's messages.
class SandboxMain {
    Q_DECLARE_TR_FUNCTIONS(SandboxMain)
};

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
}

void printLine(const QString& line) {
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString& message) {
    std::fputs((QStringLiteral("syncdesk-sandbox: ") + message + u'\n').toLocal8Bit().constData(), stderr);
    return 2;
}

bool parseInt(const QString& text, int* out) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0)
        return false;
    *out = value;
    return true;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncdesk-sandbox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(SandboxMain::tr(
        "Sandbox CRM: a local, in-memory HubSpot API on 127.0.0.1 for tests, demos and rehearsals."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  SandboxMain::tr("Port on 127.0.0.1 (default 0: a free port)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption state(
        QStringLiteral("state"),
        SandboxMain::tr(
            "Load the account from FILE if it exists (then --seed is skipped); save it there on exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  SandboxMain::tr("Preload companies, contacts and properties from FILE."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   SandboxMain::tr("The access token to accept (default: random)."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption tokenScopes(
        QStringLiteral("token-scopes"),
        SandboxMain::tr("Comma-separated scopes of --token (default: all scopes)."),
        QStringLiteral("SCOPES"));
    const QCommandLineOption extraToken(
        QStringLiteral("extra-token"),
        SandboxMain::tr("Another accepted token with its scopes, TOKEN=scope1,scope2 (repeatable)."),
        QStringLiteral("TOKEN=SCOPES"));
    const QCommandLineOption adminToken(
        QStringLiteral("admin-token"),
        SandboxMain::tr("The token for /_sandbox/ endpoints (default: random)."), QStringLiteral("TOKEN"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        SandboxMain::tr("Requests per 10-second window per private app (default 100)."), QStringLiteral("N"));
    const QCommandLineOption oauthRateLimit(
        QStringLiteral("oauth-rate-limit"),
        SandboxMain::tr("Requests per 10-second window per OAuth app (default 110)."), QStringLiteral("N"));
    const QCommandLineOption dailyLimit(
        QStringLiteral("daily-limit"),
        SandboxMain::tr("Requests per UTC day per private app (default 250000; 0: none)."),
        QStringLiteral("N"));
    const QCommandLineOption searchRate(
        QStringLiteral("search-rate"),
        SandboxMain::tr("Search requests per second per account (default 5; 0: none)."), QStringLiteral("N"));
    const QCommandLineOption indexLag(
        QStringLiteral("index-lag-ms"),
        SandboxMain::tr("Delay before writes reach search: MS or MIN-MAX (default 1000-2000)."),
        QStringLiteral("MS"));
    const QCommandLineOption tokenLifetime(
        QStringLiteral("token-lifetime"),
        SandboxMain::tr("Lifetime of OAuth access tokens in seconds (default 1800)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), SandboxMain::tr("OAuth client id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption clientSecret(QStringLiteral("client-secret"),
                                          SandboxMain::tr("OAuth client secret."), QStringLiteral("SECRET"));
    const QCommandLineOption redirectUri(
        QStringLiteral("redirect-uri"),
        SandboxMain::tr("Allowed OAuth redirect URI (repeatable; default: any)."), QStringLiteral("URI"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        SandboxMain::tr("Inject a fault, e.g. 503,path=/crm/v3/objects/*/batch/*,rate=0.2 (repeatable; "
                        "see docs/sandbox.md)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption settingsFile(
        QStringLiteral("settings"),
        SandboxMain::tr("JSON file with settings (same keys as GET /_sandbox/settings)."),
        QStringLiteral("FILE"));
    const QCommandLineOption randomSeed(
        QStringLiteral("random-seed"),
        SandboxMain::tr("Seed for fault rates and index lag, for repeatable runs."), QStringLiteral("N"));
    const QCommandLineOption logRequests(QStringLiteral("log-requests"),
                                         SandboxMain::tr("Print one line per request."));
    for (const QCommandLineOption* option :
         {&port,        &state,      &seed,          &token,          &tokenScopes,
          &extraToken,  &adminToken, &rateLimit,     &oauthRateLimit, &dailyLimit,
          &searchRate,  &indexLag,   &tokenLifetime, &clientId,       &clientSecret,
          &redirectUri, &fault,      &settingsFile,  &randomSeed,     &logRequests})
        parser.addOption(*option);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(SandboxMain::tr("unexpected argument: %1").arg(parser.positionalArguments().front()));

    SandboxSettings settings;
    QString error;
    if (parser.isSet(settingsFile)) {
        QFile file(parser.value(settingsFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(SandboxMain::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        if (!doc.isObject() || !settings.applyJson(doc.object(), &error))
            return fail(SandboxMain::tr("bad settings file %1: %2").arg(file.fileName(), error));
    }
    auto intOption = [&](const QCommandLineOption& option, int* field) {
        if (!parser.isSet(option))
            return true;
        if (!parseInt(parser.value(option), field)) {
            fail(SandboxMain::tr("--%1 needs a non-negative number").arg(option.names().front()));
            return false;
        }
        return true;
    };
    if (!intOption(rateLimit, &settings.burstLimit) ||
        !intOption(oauthRateLimit, &settings.oauthBurstLimit) ||
        !intOption(dailyLimit, &settings.dailyLimit) || !intOption(searchRate, &settings.searchPerSecond) ||
        !intOption(tokenLifetime, &settings.accessTokenLifetimeSec))
        return 2;
    if (parser.isSet(indexLag)) {
        const QStringList parts = parser.value(indexLag).split(u'-');
        if (parts.size() > 2 || !parseInt(parts.front(), &settings.indexLagMinMs) ||
            !parseInt(parts.back(), &settings.indexLagMaxMs) ||
            settings.indexLagMaxMs < settings.indexLagMinMs)
            return fail(SandboxMain::tr("--index-lag-ms takes MS or MIN-MAX"));
    }
    if (parser.isSet(token))
        settings.accessToken = parser.value(token);
    if (parser.isSet(tokenScopes))
        settings.accessTokenScopes = parser.value(tokenScopes).split(u',', Qt::SkipEmptyParts);
    for (const QString& spec : parser.values(extraToken)) {
        const qsizetype eq = spec.indexOf(u'=');
        TokenGrant grant;
        grant.token = eq < 0 ? spec : spec.left(eq);
        if (eq >= 0)
            grant.scopes = spec.mid(eq + 1).split(u',', Qt::SkipEmptyParts);
        if (grant.token.isEmpty())
            return fail(SandboxMain::tr("--extra-token takes TOKEN=scope1,scope2"));
        settings.extraTokens << grant;
    }
    if (parser.isSet(adminToken))
        settings.adminToken = parser.value(adminToken);
    if (parser.isSet(clientId))
        settings.oauthClientId = parser.value(clientId);
    if (parser.isSet(clientSecret))
        settings.oauthClientSecret = parser.value(clientSecret);
    settings.oauthRedirectUris += parser.values(redirectUri);
    for (const QString& spec : parser.values(fault)) {
        const std::optional<FaultRule> rule = FaultRule::parse(spec, &error);
        if (!rule)
            return fail(SandboxMain::tr("bad --fault %1: %2").arg(spec, error));
        settings.faults << *rule;
    }
    if (parser.isSet(randomSeed))
        settings.randomSeed = parser.value(randomSeed).toUInt();
    int portNumber = 0;
    if (!parseInt(parser.value(port), &portNumber) || portNumber > 65535)
        return fail(SandboxMain::tr("--port needs a number from 0 to 65535"));

    SandboxServer server(settings);
    // A saved account wins over the seed: the seed fills a new account only, so that
    // "--state FILE --seed FILE" can be used every time.
    const QString statePath = parser.value(state);
    const bool resumed = !statePath.isEmpty() && QFile::exists(statePath);
    if (resumed && !server.loadStateFile(statePath, &error))
        return fail(error);
    if (parser.isSet(seed) && !resumed && !server.loadSeedFile(parser.value(seed), &error))
        return fail(error);
    if (!server.listen(static_cast<quint16>(portNumber)))
        return fail(SandboxMain::tr("cannot listen on 127.0.0.1:%1").arg(portNumber));
    if (parser.isSet(logRequests)) {
        QObject::connect(
            &server, &SandboxServer::requestLogged, &app, [](const syncdesk::sandbox::RequestLogEntry& e) {
                const QString target = e.query.isEmpty() ? e.path : e.path + u'?' + e.query;
                printLine(QStringLiteral("%1 %2 -> %3%4")
                              .arg(e.method, target)
                              .arg(e.status)
                              .arg(e.fault.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(e.fault)));
            });
    }

    printLine(
        SandboxMain::tr("Sandbox CRM (HubSpot dialect) listening on %1").arg(server.baseUrl().toString()));
    printLine(SandboxMain::tr("Access token: %1").arg(server.accessToken()));
    printLine(SandboxMain::tr("Admin token: %1").arg(server.adminToken()));
    printLine(SandboxMain::tr("OAuth client id: %1  client secret: %2")
                  .arg(server.settings().oauthClientId, server.settings().oauthClientSecret));
    printLine(SandboxMain::tr("Press Ctrl+C to stop%1.")
                  .arg(statePath.isEmpty()
                           ? QString()
                           : SandboxMain::tr(" (the account is saved to %1)").arg(statePath)));

    // SIGINT/SIGTERM: a byte through a socket pair wakes the event loop, which stops cleanly.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return fail(SandboxMain::tr("cannot set up signal handling"));
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    const int code = QCoreApplication::exec();
    server.close();
    if (!statePath.isEmpty()) {
        if (!server.saveStateFile(statePath, &error))
            return fail(error);
        printLine(SandboxMain::tr("Saved the account to %1.").arg(statePath));
    }
    return code;
}
