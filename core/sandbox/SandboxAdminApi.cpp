#include "core/sandbox/SandboxAdminApi.h"

#include "core/sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace syncdesk::sandbox {

namespace {

SandboxResponse adminError(int status, const QString& message) {
    return SandboxResponse::json(status, QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                                                     {QStringLiteral("message"), message}});
}

bool parseObject(const SandboxRequest& request, QJsonObject* out, SandboxResponse* error,
                 bool allowEmpty = false) {
    if (allowEmpty && request.body.trimmed().isEmpty()) {
        *out = {};
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = adminError(400, QStringLiteral("expected a JSON object: %1").arg(parseError.errorString()));
        return false;
    }
    *out = doc.object();
    return true;
}

SandboxResponse ok(const QJsonObject& extra = {}) {
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("ok")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return SandboxResponse::json(200, body);
}

} // namespace

SandboxAdminApi::SandboxAdminApi(SandboxServer& server)
    : m_server(server) {
    registerRoutes();
}

bool SandboxAdminApi::isAdminPath(const QString& path) {
    return path == u"/_sandbox" || path.startsWith(QStringLiteral("/_sandbox/"));
}

void SandboxAdminApi::registerRoutes() {
    auto bind = [this](SandboxResponse (SandboxAdminApi::*fn)(SandboxRequest&)) {
        return [this, fn](SandboxRequest& request) { return (this->*fn)(request); };
    };
    m_router.add("GET", QStringLiteral("/_sandbox/info"), bind(&SandboxAdminApi::info));
    m_router.add("GET", QStringLiteral("/_sandbox/state"), bind(&SandboxAdminApi::getState));
    m_router.add("PUT", QStringLiteral("/_sandbox/state"), bind(&SandboxAdminApi::putState));
    m_router.add("POST", QStringLiteral("/_sandbox/reset"), bind(&SandboxAdminApi::reset));
    m_router.add("POST", QStringLiteral("/_sandbox/seed"), bind(&SandboxAdminApi::seed));
    m_router.add("GET", QStringLiteral("/_sandbox/settings"), bind(&SandboxAdminApi::getSettings));
    m_router.add("PATCH", QStringLiteral("/_sandbox/settings"), bind(&SandboxAdminApi::patchSettings));
    m_router.add("GET", QStringLiteral("/_sandbox/faults"), bind(&SandboxAdminApi::listFaults));
    m_router.add("POST", QStringLiteral("/_sandbox/faults"), bind(&SandboxAdminApi::addFault));
    m_router.add("DELETE", QStringLiteral("/_sandbox/faults"), bind(&SandboxAdminApi::clearFaults));
    m_router.add("DELETE", QStringLiteral("/_sandbox/faults/{id}"), bind(&SandboxAdminApi::removeFault));
    m_router.add("GET", QStringLiteral("/_sandbox/log"), bind(&SandboxAdminApi::getLog));
    m_router.add("DELETE", QStringLiteral("/_sandbox/log"), bind(&SandboxAdminApi::clearLog));
    m_router.add("POST", QStringLiteral("/_sandbox/tokens"), bind(&SandboxAdminApi::addToken));
    m_router.add("POST", QStringLiteral("/_sandbox/clock"), bind(&SandboxAdminApi::advanceClock));
    m_router.add("POST", QStringLiteral("/_sandbox/index/flush"), bind(&SandboxAdminApi::flushIndex));
    m_router.add("POST", QStringLiteral("/_sandbox/ratelimits/reset"),
                 bind(&SandboxAdminApi::resetRateLimits));
}

SandboxResponse SandboxAdminApi::handle(SandboxRequest& request) {
    QByteArray token = request.header(QByteArrayLiteral("X-Sandbox-Admin-Token")).trimmed();
    const QByteArray authorization = request.header(QByteArrayLiteral("Authorization")).trimmed();
    if (token.isEmpty() && authorization.toLower().startsWith("bearer "))
        token = authorization.mid(7).trimmed();
    if (token.isEmpty())
        return adminError(401,
                          QStringLiteral("The sandbox admin API needs the admin token (Authorization: Bearer "
                                         "<admin token> or X-Sandbox-Admin-Token)"));
    if (QString::fromUtf8(token) != m_server.adminToken())
        return adminError(403, QStringLiteral("Wrong admin token"));
    const SandboxRouter::Match match = m_router.match(request.method, request.path);
    if (!match.found)
        return adminError(
            match.pathKnown ? 405 : 404,
            QStringLiteral("No admin endpoint %1 %2").arg(QString::fromLatin1(request.method), request.path));
    request.params = match.params;
    return match.handler(request);
}

SandboxResponse SandboxAdminApi::info(SandboxRequest&) {
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("dialect"), m_server.dialect().name()},
                                                  {QStringLiteral("baseUrl"), m_server.baseUrl().toString()},
                                                  {QStringLiteral("accessToken"), m_server.accessToken()},
                                                  {QStringLiteral("now"), isoTimestamp(m_server.nowMs())},
                                                  {QStringLiteral("requests"), m_server.requestLog().total()},
                                                  {QStringLiteral("summary"), m_server.dialect().summary()}});
}

SandboxResponse SandboxAdminApi::getState(SandboxRequest&) {
    return SandboxResponse::json(200, m_server.stateJson());
}

SandboxResponse SandboxAdminApi::putState(SandboxRequest& request) {
    QJsonObject state;
    SandboxResponse error;
    if (!parseObject(request, &state, &error))
        return error;
    QString message;
    if (!m_server.loadStateJson(state, &message))
        return adminError(400, message);
    return ok({{QStringLiteral("summary"), m_server.dialect().summary()}});
}

SandboxResponse SandboxAdminApi::reset(SandboxRequest&) {
    m_server.reset();
    return ok();
}

SandboxResponse SandboxAdminApi::seed(SandboxRequest& request) {
    QJsonObject seed;
    SandboxResponse error;
    if (!parseObject(request, &seed, &error))
        return error;
    QString message;
    if (!m_server.loadSeedJson(seed, &message))
        return adminError(400, message);
    return ok({{QStringLiteral("summary"), m_server.dialect().summary()}});
}

SandboxResponse SandboxAdminApi::getSettings(SandboxRequest&) {
    return SandboxResponse::json(200, m_server.settings().toJson());
}

SandboxResponse SandboxAdminApi::patchSettings(SandboxRequest& request) {
    QJsonObject patch;
    SandboxResponse error;
    if (!parseObject(request, &patch, &error))
        return error;
    QString message;
    if (!m_server.patchSettings(patch, &message))
        return adminError(400, message);
    return SandboxResponse::json(200, m_server.settings().toJson());
}

SandboxResponse SandboxAdminApi::listFaults(SandboxRequest&) {
    QJsonArray faults;
    for (const FaultRule& rule : m_server.settings().faults)
        faults.append(rule.toJson());
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("faults"), faults}});
}

SandboxResponse SandboxAdminApi::addFault(SandboxRequest& request) {
    QJsonObject body;
    SandboxResponse error;
    if (!parseObject(request, &body, &error))
        return error;
    QString message;
    const std::optional<FaultRule> rule = FaultRule::fromJson(body, &message);
    if (!rule)
        return adminError(400, message);
    const int id = m_server.addFault(*rule);
    for (const FaultRule& r : m_server.settings().faults)
        if (r.id == id)
            return SandboxResponse::json(201, r.toJson());
    return adminError(500, QStringLiteral("fault vanished"));
}

SandboxResponse SandboxAdminApi::clearFaults(SandboxRequest&) {
    m_server.clearFaults();
    return SandboxResponse::noContent();
}

SandboxResponse SandboxAdminApi::removeFault(SandboxRequest& request) {
    if (!m_server.removeFault(request.param(QStringLiteral("id")).toInt()))
        return adminError(404, QStringLiteral("No fault %1").arg(request.param(QStringLiteral("id"))));
    return SandboxResponse::noContent();
}

SandboxResponse SandboxAdminApi::getLog(SandboxRequest& request) {
    const qint64 since = request.queryValue(QStringLiteral("since")).toLongLong();
    const int limit = request.hasQueryItem(QStringLiteral("limit"))
                          ? request.queryValue(QStringLiteral("limit")).toInt()
                          : 1000;
    return SandboxResponse::json(200, m_server.requestLog().toJson(since, limit));
}

SandboxResponse SandboxAdminApi::clearLog(SandboxRequest&) {
    m_server.requestLog().clear();
    return SandboxResponse::noContent();
}

SandboxResponse SandboxAdminApi::addToken(SandboxRequest& request) {
    QJsonObject body;
    SandboxResponse error;
    if (!parseObject(request, &body, &error, true))
        return error;
    QStringList scopes;
    for (const QJsonValue& s : body.value(QStringLiteral("scopes")).toArray())
        scopes << s.toString();
    const qint64 lifetimeMs = qint64(body.value(QStringLiteral("expiresInSec")).toDouble(0) * 1000);
    const QString token =
        m_server.dialect().issueToken(scopes, lifetimeMs, body.value(QStringLiteral("token")).toString());
    return SandboxResponse::json(201,
                                 QJsonObject{{QStringLiteral("token"), token},
                                             {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}});
}

SandboxResponse SandboxAdminApi::advanceClock(SandboxRequest& request) {
    QJsonObject body;
    SandboxResponse error;
    if (!parseObject(request, &body, &error, true))
        return error;
    const qint64 ms = body.value(QStringLiteral("advanceMs")).toInteger(0);
    if (ms < 0)
        return adminError(400, QStringLiteral("the clock only moves forward"));
    m_server.advanceClock(ms);
    return ok({{QStringLiteral("now"), isoTimestamp(m_server.nowMs())}});
}

SandboxResponse SandboxAdminApi::flushIndex(SandboxRequest&) {
    m_server.dialect().flushSearchIndex();
    return ok();
}

SandboxResponse SandboxAdminApi::resetRateLimits(SandboxRequest&) {
    m_server.dialect().resetRateLimits();
    return ok();
}

} // namespace syncdesk::sandbox
