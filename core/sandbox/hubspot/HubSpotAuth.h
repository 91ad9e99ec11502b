// Who may call the HubSpot dialect: private-app tokens (from the settings, or issued through the
// admin API) and OAuth access tokens (issued by the token endpoint, expiring), each with a scope
// set; plus the OAuth authorization codes and refresh tokens behind them.
#pragma once

#include "core/sandbox/SandboxDialect.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk::sandbox::hubspot {

struct HubSpotToken {
    QString token;
    QStringList scopes; // empty with allScopes: everything
    bool allScopes = false;
    bool oauth = false;
    QString clientId;     // OAuth: the app
    QString refreshToken; // OAuth: the refresh token it came from
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0; // 0: never
};

struct HubSpotRefreshToken {
    QString token;
    QString clientId;
    QStringList scopes;
    qint64 issuedAtMs = 0;
};

struct HubSpotAuthCode {
    QString code;
    QString clientId;
    QString redirectUri;
    QStringList scopes;
    QString codeChallenge;
    QString codeChallengeMethod; // S256 or plain; empty when no PKCE
    qint64 expiresAtMs = 0;
};

class HubSpotAuth {
public:
    explicit HubSpotAuth(SandboxContext& context);

    enum class Status { Ok, Missing, Invalid, Expired };
    struct Result {
        Status status = Status::Missing;
        HubSpotToken token;
        qint64 expiredForMs = 0;
    };
    Result authenticate(const SandboxRequest& request) const;
    std::optional<HubSpotToken> findToken(const QString& token) const; // without expiry check

    // Scope sets: the token passes when it holds every scope of at least one set.
    static bool allows(const HubSpotToken& token, const QList<QStringList>& anyOf);
    // The rate-limit bucket: private apps per token, OAuth apps per client id.
    static QString rateKey(const HubSpotToken& token);

    QString issuePrivateToken(const QStringList& scopes, qint64 lifetimeMs, const QString& token);

    // OAuth.
    QString createAuthCode(const HubSpotAuthCode& code); // fills code and expiry, returns the code
    std::optional<HubSpotAuthCode> takeAuthCode(const QString& code); // single use
    // Issues a new access token for the refresh token (creating the refresh token when empty).
    HubSpotToken issueOAuthToken(const QString& clientId, const QStringList& scopes,
                                 const QString& refreshToken);
    const HubSpotRefreshToken* refreshToken(const QString& token) const;
    bool revokeRefreshToken(const QString& token);

    void clear();
    QJsonObject toJson() const;
    void fromJson(const QJsonObject& state);

private:
    SandboxContext& m_context;
    QHash<QString, HubSpotToken> m_issued; // admin-issued private tokens and OAuth access tokens
    QHash<QString, HubSpotRefreshToken> m_refreshTokens;
    QHash<QString, HubSpotAuthCode> m_codes;
};

} // namespace syncdesk::sandbox::hubspot
