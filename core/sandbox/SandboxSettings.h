// Settings of the Sandbox CRM: every limit HubSpot documents (and some it only implies) is a field
// here, so tests can shrink them and a user can mirror their own account's tier. All of them can be
// changed while the server runs (SandboxServer::setSettings, or PATCH /_sandbox/settings).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk::sandbox {

// One injected fault. See docs/sandbox.md ("Fault injection") for the SPEC syntax parsed by parse().
struct FaultRule {
    enum class Kind {
        Status,    // reply with `status` (5xx) instead of processing the request
        RateLimit, // reply 429 with `policyName` instead of processing the request
        Slow,      // process the request, reply after `delayMs`
        Hang,      // never reply; with delayMs > 0 close the connection after that long; not processed
        Lost,      // process the request (the write is applied), close the connection before replying
        Truncated, // process the request, send status line and headers, cut the body, close
    };

    int id = 0;
    Kind kind = Kind::Status;
    int status = 500;
    int delayMs = 0;
    QString policyName = QStringLiteral("TEN_SECONDLY_ROLLING");
    QString path = QStringLiteral("*"); // glob on the request path: '*' any run of characters, '?' one
    QStringList methods;                // empty: any method
    double rate = 1.0;                  // probability that a matching request is hit
    int times = -1;                     // hit at most this many requests (-1: no limit)
    int skip = 0;                       // let this many matching requests through first

    // Runtime counters (not part of the spec).
    int matched = 0;
    int hits = 0;

    static std::optional<FaultRule> parse(const QString& spec, QString* error = nullptr);
    static std::optional<FaultRule> fromJson(const QJsonObject& object, QString* error = nullptr);
    QString toSpec() const;
    QJsonObject toJson() const;
    QString kindName() const;
    // True when the rule applies to this method and path (rate, times and skip not considered).
    bool matches(const QByteArray& method, const QString& path) const;
    bool exhausted() const { return times >= 0 && hits >= times; }
};

// A bearer token with an explicit scope set (empty scopes: every scope).
struct TokenGrant {
    QString token;
    QStringList scopes;
    qint64 expiresAtMs = 0; // 0: never expires
    QJsonObject toJson() const;
    static TokenGrant fromJson(const QJsonObject& object);
};

struct SandboxSettings {
    // Identity of the fake account.
    qint64 portalId = 20250101;
    QString hubDomain = QStringLiteral("sandbox.syncdesk.invalid");

    // Auth. Empty tokens are replaced by random ones when the server starts.
    QString accessToken;           // the private-app token printed at start
    QStringList accessTokenScopes; // empty: all scopes
    QString adminToken;            // for /_sandbox/*
    QList<TokenGrant> extraTokens; // more private-app tokens, e.g. with a narrow scope set

    // OAuth.
    QString oauthClientId = QStringLiteral("syncdesk-sandbox-client");
    QString oauthClientSecret = QStringLiteral("syncdesk-sandbox-secret");
    QStringList oauthRedirectUris; // empty: any http(s) redirect URI is accepted
    int accessTokenLifetimeSec = 1800;
    int authCodeLifetimeSec = 600;

    // Rate limits (per app: a private-app token, or an OAuth client id).
    int burstLimit = 100;      // private apps, per burstWindowMs
    int oauthBurstLimit = 110; // OAuth apps, per burstWindowMs
    int burstWindowMs = 10000;
    int dailyLimit = 250000; // private apps, per UTC day; 0 disables
    int searchPerSecond = 5; // per account, all search endpoints together; 0 disables

    // Objects API.
    int batchMaxInputs = 100;
    int listMaxLimit = 100;
    int maxUniqueProperties = 10; // custom hasUniqueValue properties per object

    // Search.
    int searchMaxFilterGroups = 5;
    int searchMaxFiltersPerGroup = 6;
    int searchMaxFilters = 18;
    int searchMaxLimit = 200;
    int searchMaxResults = 10000;
    int searchMaxBodyChars = 3000;
    int indexLagMinMs = 1000; // a write reaches search after a lag drawn from [min, max]
    int indexLagMaxMs = 2000;

    // Faults and randomness.
    QList<FaultRule> faults;
    quint32 randomSeed = 0; // 0: seeded from the system

    QJsonObject toJson() const;
    // Applies the keys present in `patch` (same names as toJson()); unknown keys are an error.
    bool applyJson(const QJsonObject& patch, QString* error = nullptr);
};

} // namespace syncdesk::sandbox
