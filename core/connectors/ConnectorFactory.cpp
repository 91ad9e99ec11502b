#include "core/connectors/ConnectorFactory.h"

#include "core/connectors/hubspot/HubSpotConnector.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/RateLimiter.h"
#include "core/net/Redactor.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

namespace syncdesk {

namespace {

CrmError factoryError(CrmErrorKind kind, const QString& code, const QString& message) {
    CrmError e;
    e.kind = kind;
    e.code = code;
    e.message = message;
    return e;
}

} // namespace

QUrl ConnectorFactory::baseUrl(const Connection& connection) {
    if (!connection.baseUrl.trimmed().isEmpty())
        return QUrl(connection.baseUrl.trimmed());
    if (connection.kind() == CrmKind::HubSpot)
        return QUrl(HubSpotConnector::DefaultBaseUrl);
    return QUrl();
}

QString ConnectorFactory::baseUrlProblem(CrmKind kind, const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        if (kind == CrmKind::Sandbox)
            return tr("A Sandbox CRM connection needs --base-url (the address syncdesk-sandbox prints, "
                      "e.g. http://127.0.0.1:41823).");
        return QString();
    }
    const QUrl u(t, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != u"http" && u.scheme() != u"https") || u.host().isEmpty())
        return tr("\"%1\" is not an http(s) URL with a host.").arg(t);
    if (u.hasQuery() || u.hasFragment() || !u.userInfo().isEmpty())
        return tr("The base URL \"%1\" must not carry a query, fragment or user name.").arg(t);
    return QString();
}

QString ConnectorFactory::secretForToken(const QString& token) {
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("access_token"), token.trimmed()}})
                                 .toJson(QJsonDocument::Compact));
}

QString ConnectorFactory::tokenFromSecret(const QString& secret) {
    const QString s = secret.trimmed();
    if (s.startsWith(u'{')) {
        const QJsonObject o = QJsonDocument::fromJson(s.toUtf8()).object();
        if (o.contains(QStringLiteral("access_token")))
            return o.value(QStringLiteral("access_token")).toString().trimmed();
    }
    return s;
}

std::shared_ptr<RateLimiter> ConnectorFactory::sharedLimiter(const Connection& connection) {
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<RateLimiter>> limiters;
    QMutexLocker lock(&mutex);
    std::shared_ptr<RateLimiter>& limiter = limiters[connection.uuid];
    if (!limiter) {
        limiter = std::make_shared<RateLimiter>();
        if (usesHubSpotDialect(connection.kind()))
            HubSpotHttpPolicy().configureLimiter(*limiter);
    }
    return limiter;
}

CrmError ConnectorFactory::secretError(const Connection& connection, SecretStatus status,
                                       const QString& text) {
    if (status == SecretStatus::NotFound)
        return factoryError(CrmErrorKind::Authentication, QStringLiteral("NO_TOKEN"),
                            tr("No token is stored for the connection \"%1\". Store one with "
                               "syncdesk-cli connection token %1 --token-stdin, or pass one for a single "
                               "run with --token-env VAR.")
                                .arg(connection.name));
    return factoryError(CrmErrorKind::Other, QStringLiteral("SECRET_STORE"),
                        tr("The token of the connection \"%1\" cannot be read from the keychain: %2")
                            .arg(connection.name, text));
}

ConnectorBuild ConnectorFactory::createWithToken(const Connection& connection, const QString& token,
                                                 const ConnectorEnvironment& environment) {
    const CrmKind kind = connection.kind();
    if (!usesHubSpotDialect(kind))
        return {nullptr, factoryError(CrmErrorKind::Other, QStringLiteral("NOT_SUPPORTED"),
                                      tr("The connection \"%1\" is a Salesforce connection. Salesforce "
                                         "connections can be stored, but SyncDesk cannot talk to Salesforce "
                                         "yet: its connector comes in a later release.")
                                          .arg(connection.name))};
    if (const QString problem = baseUrlProblem(kind, connection.baseUrl); !problem.isEmpty())
        return {nullptr,
                factoryError(CrmErrorKind::Other, QStringLiteral("BAD_BASE_URL"),
                             tr("The connection \"%1\" cannot be used: %2").arg(connection.name, problem))};
    const QString t = token.trimmed();
    if (t.isEmpty())
        return {nullptr,
                factoryError(CrmErrorKind::Authentication, QStringLiteral("NO_TOKEN"),
                             tr("The token for the connection \"%1\" is empty.").arg(connection.name))};
    Redactor::shared()->addSecret(t);

    HubSpotConnector::Options options;
    options.kind = kind;
    options.baseUrl = baseUrl(connection);
    options.accessToken = t;

    HttpClient::Dependencies deps;
    deps.network = environment.network;
    deps.clock = environment.clock;
    deps.random = environment.random;
    deps.limiter = environment.limiter ? environment.limiter : sharedLimiter(connection);
    deps.policy = std::make_shared<HubSpotHttpPolicy>();
    auto connector = std::make_unique<HubSpotConnector>(options, deps, environment.http);
    connector->http().setCancelFlag(environment.cancel);
    if (environment.observer)
        connector->http().addObserver(environment.observer);
    return {std::move(connector), std::nullopt};
}

} // namespace syncdesk
