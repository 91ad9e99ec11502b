#include "core/sandbox/hubspot/HubSpotAuth.h"

#include <QJsonArray>

namespace syncdesk::sandbox::hubspot {

HubSpotAuth::HubSpotAuth(SandboxContext& context)
    : m_context(context) {}

std::optional<HubSpotToken> HubSpotAuth::findToken(const QString& token) const {
    if (token.isEmpty())
        return std::nullopt;
    const SandboxSettings& s = m_context.settings();
    if (token == s.accessToken) {
        HubSpotToken t;
        t.token = token;
        t.scopes = s.accessTokenScopes;
        t.allScopes = s.accessTokenScopes.isEmpty();
        return t;
    }
    for (const TokenGrant& grant : s.extraTokens) {
        if (grant.token == token) {
            HubSpotToken t;
            t.token = token;
            t.scopes = grant.scopes;
            t.allScopes = grant.scopes.isEmpty();
            t.expiresAtMs = grant.expiresAtMs;
            return t;
        }
    }
    const auto it = m_issued.constFind(token);
    if (it != m_issued.cend())
        return *it;
    return std::nullopt;
}

HubSpotAuth::Result HubSpotAuth::authenticate(const SandboxRequest& request) const {
    Result result;
    const QByteArray header = request.header(QByteArrayLiteral("Authorization")).trimmed();
    if (header.isEmpty()) {
        result.status = Status::Missing;
        return result;
    }
    if (!header.toLower().startsWith("bearer ")) {
        result.status = Status::Invalid;
        return result;
    }
    const QString token = QString::fromUtf8(header.mid(7).trimmed());
    const std::optional<HubSpotToken> found = findToken(token);
    if (!found) {
        result.status = Status::Invalid;
        return result;
    }
    result.token = *found;
    const qint64 now = m_context.nowMs();
    if (found->expiresAtMs > 0 && now >= found->expiresAtMs) {
        result.status = Status::Expired;
        result.expiredForMs = now - found->expiresAtMs;
        return result;
    }
    result.status = Status::Ok;
    return result;
}

bool HubSpotAuth::allows(const HubSpotToken& token, const QList<QStringList>& anyOf) {
    if (token.allScopes || anyOf.isEmpty())
        return true;
    for (const QStringList& all : anyOf) {
        bool ok = true;
        for (const QString& scope : all)
            ok = ok && token.scopes.contains(scope);
        if (ok)
            return true;
    }
    return false;
}

QString HubSpotAuth::rateKey(const HubSpotToken& token) {
    return token.oauth ? QStringLiteral("oauth:") + token.clientId : QStringLiteral("app:") + token.token;
}

QString HubSpotAuth::issuePrivateToken(const QStringList& scopes, qint64 lifetimeMs, const QString& token) {
    HubSpotToken t;
    t.token = token.isEmpty() ? QStringLiteral("pat-na1-") + newUuid() : token;
    t.scopes = scopes;
    t.allScopes = scopes.isEmpty();
    t.issuedAtMs = m_context.nowMs();
    t.expiresAtMs = lifetimeMs > 0 ? t.issuedAtMs + lifetimeMs : 0;
    m_issued.insert(t.token, t);
    return t.token;
}

QString HubSpotAuth::createAuthCode(const HubSpotAuthCode& code) {
    HubSpotAuthCode c = code;
    c.code = newUuid();
    c.expiresAtMs = m_context.nowMs() + qint64(m_context.settings().authCodeLifetimeSec) * 1000;
    m_codes.insert(c.code, c);
    return c.code;
}

std::optional<HubSpotAuthCode> HubSpotAuth::takeAuthCode(const QString& code) {
    const auto it = m_codes.find(code);
    if (it == m_codes.end())
        return std::nullopt;
    HubSpotAuthCode c = *it;
    m_codes.erase(it);
    if (m_context.nowMs() >= c.expiresAtMs)
        return std::nullopt;
    return c;
}

HubSpotToken HubSpotAuth::issueOAuthToken(const QString& clientId, const QStringList& scopes,
                                          const QString& refreshToken) {
    const qint64 now = m_context.nowMs();
    QString refresh = refreshToken;
    if (refresh.isEmpty()) {
        refresh = QStringLiteral("na1-") + newUuid();
        m_refreshTokens.insert(refresh, HubSpotRefreshToken{refresh, clientId, scopes, now});
    }
    HubSpotToken t;
    t.token = QStringLiteral("sbx-oat-") + randomToken(36);
    t.scopes = scopes;
    t.oauth = true;
    t.clientId = clientId;
    t.refreshToken = refresh;
    t.issuedAtMs = now;
    t.expiresAtMs = now + qint64(m_context.settings().accessTokenLifetimeSec) * 1000;
    m_issued.insert(t.token, t);
    return t;
}

const HubSpotRefreshToken* HubSpotAuth::refreshToken(const QString& token) const {
    const auto it = m_refreshTokens.constFind(token);
    return it == m_refreshTokens.cend() ? nullptr : &*it;
}

bool HubSpotAuth::revokeRefreshToken(const QString& token) {
    if (!m_refreshTokens.remove(token))
        return false;
    m_issued.removeIf([&](const auto& it) { return it.value().refreshToken == token; });
    return true;
}

void HubSpotAuth::clear() {
    m_issued.clear();
    m_refreshTokens.clear();
    m_codes.clear();
}

QJsonObject HubSpotAuth::toJson() const {
    QJsonArray tokens;
    for (const HubSpotToken& t : m_issued)
        tokens.append(QJsonObject{{QStringLiteral("token"), t.token},
                                  {QStringLiteral("scopes"), QJsonArray::fromStringList(t.scopes)},
                                  {QStringLiteral("allScopes"), t.allScopes},
                                  {QStringLiteral("oauth"), t.oauth},
                                  {QStringLiteral("clientId"), t.clientId},
                                  {QStringLiteral("refreshToken"), t.refreshToken},
                                  {QStringLiteral("issuedAtMs"), t.issuedAtMs},
                                  {QStringLiteral("expiresAtMs"), t.expiresAtMs}});
    QJsonArray refresh;
    for (const HubSpotRefreshToken& r : m_refreshTokens)
        refresh.append(QJsonObject{{QStringLiteral("token"), r.token},
                                   {QStringLiteral("clientId"), r.clientId},
                                   {QStringLiteral("scopes"), QJsonArray::fromStringList(r.scopes)},
                                   {QStringLiteral("issuedAtMs"), r.issuedAtMs}});
    return QJsonObject{{QStringLiteral("tokens"), tokens}, {QStringLiteral("refreshTokens"), refresh}};
}

void HubSpotAuth::fromJson(const QJsonObject& state) {
    clear();
    auto strings = [](const QJsonValue& v) {
        QStringList out;
        for (const QJsonValue& s : v.toArray())
            out << s.toString();
        return out;
    };
    for (const QJsonValue& v : state.value(QStringLiteral("tokens")).toArray()) {
        const QJsonObject o = v.toObject();
        HubSpotToken t;
        t.token = o.value(QStringLiteral("token")).toString();
        t.scopes = strings(o.value(QStringLiteral("scopes")));
        t.allScopes = o.value(QStringLiteral("allScopes")).toBool();
        t.oauth = o.value(QStringLiteral("oauth")).toBool();
        t.clientId = o.value(QStringLiteral("clientId")).toString();
        t.refreshToken = o.value(QStringLiteral("refreshToken")).toString();
        t.issuedAtMs = o.value(QStringLiteral("issuedAtMs")).toInteger();
        t.expiresAtMs = o.value(QStringLiteral("expiresAtMs")).toInteger();
        if (!t.token.isEmpty())
            m_issued.insert(t.token, t);
    }
    for (const QJsonValue& v : state.value(QStringLiteral("refreshTokens")).toArray()) {
        const QJsonObject o = v.toObject();
        HubSpotRefreshToken r{
            o.value(QStringLiteral("token")).toString(), o.value(QStringLiteral("clientId")).toString(),
            strings(o.value(QStringLiteral("scopes"))), o.value(QStringLiteral("issuedAtMs")).toInteger()};
        if (!r.token.isEmpty())
            m_refreshTokens.insert(r.token, r);
    }
}

} // namespace syncdesk::sandbox::hubspot
