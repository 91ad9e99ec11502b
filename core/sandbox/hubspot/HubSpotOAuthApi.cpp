#include "core/sandbox/hubspot/HubSpotOAuthApi.h"

#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QCryptographicHash>

namespace syncdesk::sandbox::hubspot {

namespace {

// application/x-www-form-urlencoded: '+' is a space.
QUrlQuery formQuery(const QByteArray& body) {
    QString text = QString::fromUtf8(body);
    text.replace(u'+', QStringLiteral("%20"));
    return QUrlQuery(text);
}

QString formValue(const QUrlQuery& q, const QString& name) {
    return q.queryItemValue(name, QUrl::FullyDecoded);
}

QByteArray page(const QString& title, const QString& bodyHtml) {
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "<style>body{font-family:sans-serif;max-width:36em;margin:3em auto}"
                          "li{font-family:monospace}button{font-size:1.1em;margin-right:1em}</style></head>"
                          "<body><h1>%1</h1>%2</body></html>\n")
        .arg(title.toHtmlEscaped(), bodyHtml)
        .toUtf8();
}

} // namespace

HubSpotOAuthApi::HubSpotOAuthApi(HubSpotDialect& dialect)
    : m_dialect(dialect)
    , m_auth(dialect.auth()) {}

void HubSpotOAuthApi::registerRoutes(SandboxRouter& router) {
    auto bind = [this](SandboxResponse (HubSpotOAuthApi::*fn)(SandboxRequest&)) {
        return [this, fn](SandboxRequest& request) { return (this->*fn)(request); };
    };
    m_dialect.addPublicRoute(router, "GET", QStringLiteral("/oauth/authorize"),
                             bind(&HubSpotOAuthApi::authorizePage));
    m_dialect.addPublicRoute(router, "POST", QStringLiteral("/oauth/authorize"),
                             bind(&HubSpotOAuthApi::authorizeDecision));
    m_dialect.addPublicRoute(router, "POST", QStringLiteral("/oauth/v1/token"),
                             bind(&HubSpotOAuthApi::token));
    m_dialect.addPublicRoute(router, "GET", QStringLiteral("/oauth/v1/access-tokens/{token}"),
                             bind(&HubSpotOAuthApi::accessTokenInfo));
    m_dialect.addPublicRoute(router, "GET", QStringLiteral("/oauth/v1/refresh-tokens/{token}"),
                             bind(&HubSpotOAuthApi::refreshTokenInfo));
    m_dialect.addPublicRoute(router, "DELETE", QStringLiteral("/oauth/v1/refresh-tokens/{token}"),
                             bind(&HubSpotOAuthApi::revokeRefreshToken));
}

QStringList HubSpotOAuthApi::scopeList(const QString& text) {
    QString t = text;
    t.replace(u'+', u' ');
    return t.split(u' ', Qt::SkipEmptyParts);
}

std::optional<SandboxResponse> HubSpotOAuthApi::checkAuthorizeParams(const QUrlQuery& q,
                                                                     const SandboxRequest& request) const {
    Q_UNUSED(request);
    const SandboxSettings& s = m_dialect.context().settings();
    const QString clientId = formValue(q, QStringLiteral("client_id"));
    const QString redirect = formValue(q, QStringLiteral("redirect_uri"));
    auto fail = [](const QString& message) {
        return SandboxResponse::html(400, page(QStringLiteral("Authorization failed"),
                                               QStringLiteral("<p>%1</p>").arg(message.toHtmlEscaped())));
    };
    if (clientId != s.oauthClientId)
        return fail(QStringLiteral("Unknown client_id \"%1\".").arg(clientId));
    const QUrl redirectUrl(redirect, QUrl::StrictMode);
    if (redirect.isEmpty() || !redirectUrl.isValid() ||
        (redirectUrl.scheme() != u"http" && redirectUrl.scheme() != u"https"))
        return fail(QStringLiteral("redirect_uri is missing or not an http(s) URL."));
    if (!s.oauthRedirectUris.isEmpty() && !s.oauthRedirectUris.contains(redirect))
        return fail(QStringLiteral("redirect_uri \"%1\" is not registered for this app.").arg(redirect));
    if (scopeList(formValue(q, QStringLiteral("scope"))).isEmpty())
        return fail(QStringLiteral("scope is required."));
    const QString method = formValue(q, QStringLiteral("code_challenge_method"));
    if (!method.isEmpty() && method != u"S256" && method != u"plain")
        return fail(QStringLiteral("code_challenge_method must be S256 or plain."));
    return std::nullopt;
}

SandboxResponse HubSpotOAuthApi::approve(const QUrlQuery& q) {
    HubSpotAuthCode code;
    code.clientId = formValue(q, QStringLiteral("client_id"));
    code.redirectUri = formValue(q, QStringLiteral("redirect_uri"));
    code.scopes = scopeList(formValue(q, QStringLiteral("scope")));
    for (const QString& optional : scopeList(formValue(q, QStringLiteral("optional_scope"))))
        if (!code.scopes.contains(optional))
            code.scopes << optional;
    code.codeChallenge = formValue(q, QStringLiteral("code_challenge"));
    if (!code.codeChallenge.isEmpty()) {
        code.codeChallengeMethod = formValue(q, QStringLiteral("code_challenge_method"));
        if (code.codeChallengeMethod.isEmpty())
            code.codeChallengeMethod = QStringLiteral("plain");
    }
    const QString value = m_auth.createAuthCode(code);
    QUrl target(code.redirectUri);
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("code"), value);
    if (q.hasQueryItem(QStringLiteral("state")))
        query.addQueryItem(QStringLiteral("state"), formValue(q, QStringLiteral("state")));
    target.setQuery(query);
    return SandboxResponse::redirect(target);
}

SandboxResponse HubSpotOAuthApi::authorizePage(SandboxRequest& request) {
    if (auto error = checkAuthorizeParams(request.query, request))
        return *error;
    if (request.queryValue(QStringLiteral("sandbox_auto_approve")) == u"1")
        return approve(request.query);
    QString hidden;
    for (const auto& [key, value] : request.query.queryItems(QUrl::FullyDecoded))
        hidden += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
                      .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    QString scopes;
    for (const QString& scope : scopeList(request.queryValue(QStringLiteral("scope"))))
        scopes += QStringLiteral("<li>%1</li>").arg(scope.toHtmlEscaped());
    const QString body =
        QStringLiteral(
            "<p>The app <b>%1</b> asks to connect to the sandbox account <b>%2</b> (%3) with these "
            "scopes:</p><ul>%4</ul>"
            "<form method=\"post\" action=\"/oauth/authorize\">%5"
            "<button id=\"approve\" name=\"decision\" value=\"approve\">Connect app</button>"
            "<button id=\"deny\" name=\"decision\" value=\"deny\">Cancel</button></form>"
            "<p><small>Sandbox CRM, HubSpot dialect: nothing leaves this computer.</small></p>")
            .arg(request.queryValue(QStringLiteral("client_id")).toHtmlEscaped())
            .arg(m_dialect.context().settings().hubDomain.toHtmlEscaped())
            .arg(m_dialect.context().settings().portalId)
            .arg(scopes, hidden);
    return SandboxResponse::html(200, page(QStringLiteral("Connect to Sandbox CRM"), body));
}

SandboxResponse HubSpotOAuthApi::authorizeDecision(SandboxRequest& request) {
    const QUrlQuery form = formQuery(request.body);
    if (auto error = checkAuthorizeParams(form, request))
        return *error;
    if (formValue(form, QStringLiteral("decision")) != u"approve") {
        QUrl target(formValue(form, QStringLiteral("redirect_uri")));
        QUrlQuery query(target);
        query.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        query.addQueryItem(QStringLiteral("error_description"),
                           QStringLiteral("The user declined the request"));
        if (form.hasQueryItem(QStringLiteral("state")))
            query.addQueryItem(QStringLiteral("state"), formValue(form, QStringLiteral("state")));
        target.setQuery(query);
        return SandboxResponse::redirect(target);
    }
    return approve(form);
}

SandboxResponse HubSpotOAuthApi::token(SandboxRequest& request) {
    QUrlQuery form = formQuery(request.body);
    // The spec also lets client_secret and refresh_token come in the query string.
    for (const auto& [key, value] : request.query.queryItems(QUrl::FullyDecoded))
        if (!form.hasQueryItem(key))
            form.addQueryItem(key, value);
    const SandboxSettings& s = m_dialect.context().settings();
    const QString grant = formValue(form, QStringLiteral("grant_type"));
    if (grant != u"authorization_code" && grant != u"refresh_token")
        return Errors::oauthError(request, QStringLiteral("BAD_GRANT_TYPE"),
                                  QStringLiteral("grant_type must be authorization_code or refresh_token"));
    if (formValue(form, QStringLiteral("client_id")) != s.oauthClientId)
        return Errors::oauthError(request, QStringLiteral("BAD_CLIENT_ID"),
                                  QStringLiteral("missing or unknown client id"));
    if (formValue(form, QStringLiteral("client_secret")) != s.oauthClientSecret)
        return Errors::oauthError(request, QStringLiteral("BAD_CLIENT_SECRET"),
                                  QStringLiteral("missing or invalid client secret"));
    HubSpotToken issued;
    if (grant == u"authorization_code") {
        const std::optional<HubSpotAuthCode> code =
            m_auth.takeAuthCode(formValue(form, QStringLiteral("code")));
        if (!code || code->clientId != s.oauthClientId)
            return Errors::oauthError(request, QStringLiteral("BAD_AUTH_CODE"),
                                      QStringLiteral("missing or unknown auth code"));
        if (formValue(form, QStringLiteral("redirect_uri")) != code->redirectUri)
            return Errors::oauthError(request, QStringLiteral("MISMATCH_REDIRECT_URI_AUTH_CODE"),
                                      QStringLiteral("Redirect URI does not match initial auth code URI"));
        if (!code->codeChallenge.isEmpty()) {
            const QString verifier = formValue(form, QStringLiteral("code_verifier"));
            QString expected = verifier;
            if (code->codeChallengeMethod == u"S256")
                expected = QString::fromLatin1(
                    QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            if (verifier.isEmpty() || expected != code->codeChallenge)
                return Errors::oauthError(
                    request, QStringLiteral("BAD_AUTH_CODE"),
                    QStringLiteral("code_verifier does not match the code_challenge of this auth code"));
        }
        issued = m_auth.issueOAuthToken(code->clientId, code->scopes, QString());
    } else {
        const HubSpotRefreshToken* refresh =
            m_auth.refreshToken(formValue(form, QStringLiteral("refresh_token")));
        if (!refresh || refresh->clientId != s.oauthClientId)
            return Errors::oauthError(request, QStringLiteral("BAD_REFRESH_TOKEN"),
                                      QStringLiteral("missing or invalid refresh token"));
        issued = m_auth.issueOAuthToken(refresh->clientId, refresh->scopes, refresh->token);
    }
    return SandboxResponse::json(
        200, QJsonObject{{QStringLiteral("token_type"), QStringLiteral("bearer")},
                         {QStringLiteral("access_token"), issued.token},
                         {QStringLiteral("refresh_token"), issued.refreshToken},
                         {QStringLiteral("expires_in"), s.accessTokenLifetimeSec},
                         {QStringLiteral("token_use"), QStringLiteral("access_token")},
                         {QStringLiteral("hub_id"), s.portalId},
                         {QStringLiteral("user_id"), 1},
                         {QStringLiteral("scopes"), QJsonArray::fromStringList(issued.scopes)}});
}

SandboxResponse HubSpotOAuthApi::accessTokenInfo(SandboxRequest& request) {
    const std::optional<HubSpotToken> t = m_auth.findToken(request.param(QStringLiteral("token")));
    const qint64 now = m_dialect.context().nowMs();
    if (!t || !t->oauth)
        return Errors::make(request, 404, QStringLiteral("OBJECT_NOT_FOUND"),
                            QStringLiteral("Token not found"));
    if (t->expiresAtMs <= now)
        return Errors::expiredAuthentication(request, now - t->expiresAtMs);
    const SandboxSettings& s = m_dialect.context().settings();
    return SandboxResponse::json(
        200, QJsonObject{{QStringLiteral("token"), t->token},
                         {QStringLiteral("user"), QStringLiteral("sandbox-user@syncdesk.invalid")},
                         {QStringLiteral("hub_domain"), s.hubDomain},
                         {QStringLiteral("scopes"), QJsonArray::fromStringList(t->scopes)},
                         {QStringLiteral("hub_id"), s.portalId},
                         {QStringLiteral("app_id"), 1},
                         {QStringLiteral("expires_in"), (t->expiresAtMs - now) / 1000},
                         {QStringLiteral("user_id"), 1},
                         {QStringLiteral("token_type"), QStringLiteral("access")},
                         {QStringLiteral("is_private_distribution"), false}});
}

SandboxResponse HubSpotOAuthApi::refreshTokenInfo(SandboxRequest& request) {
    const HubSpotRefreshToken* r = m_auth.refreshToken(request.param(QStringLiteral("token")));
    if (!r)
        return Errors::make(request, 404, QStringLiteral("OBJECT_NOT_FOUND"),
                            QStringLiteral("Token not found"));
    const SandboxSettings& s = m_dialect.context().settings();
    return SandboxResponse::json(
        200, QJsonObject{{QStringLiteral("token"), r->token},
                         {QStringLiteral("user"), QStringLiteral("sandbox-user@syncdesk.invalid")},
                         {QStringLiteral("hub_domain"), s.hubDomain},
                         {QStringLiteral("scopes"), QJsonArray::fromStringList(r->scopes)},
                         {QStringLiteral("hub_id"), s.portalId},
                         {QStringLiteral("client_id"), r->clientId},
                         {QStringLiteral("user_id"), 1},
                         {QStringLiteral("token_type"), QStringLiteral("refresh")}});
}

SandboxResponse HubSpotOAuthApi::revokeRefreshToken(SandboxRequest& request) {
    if (!m_auth.revokeRefreshToken(request.param(QStringLiteral("token"))))
        return Errors::make(request, 404, QStringLiteral("OBJECT_NOT_FOUND"),
                            QStringLiteral("Token not found"));
    return SandboxResponse::noContent();
}

} // namespace syncdesk::sandbox::hubspot
