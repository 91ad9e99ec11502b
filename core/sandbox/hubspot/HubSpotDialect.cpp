#include "core/sandbox/hubspot/HubSpotDialect.h"

#include "core/sandbox/hubspot/HubSpotAssociationsApi.h"
#include "core/sandbox/hubspot/HubSpotListsApi.h"
#include "core/sandbox/hubspot/HubSpotOAuthApi.h"
#include "core/sandbox/hubspot/HubSpotObjectsApi.h"
#include "core/sandbox/hubspot/HubSpotPropertiesApi.h"
#include "core/sandbox/hubspot/HubSpotSearchApi.h"

#include <QCryptographicHash>
#include <QSet>

namespace syncdesk::sandbox::hubspot {

namespace {
const QString kSearchAccount = QStringLiteral("account");
}

HubSpotDialect::HubSpotDialect(SandboxContext& context)
    : m_context(context)
    , m_store(context)
    , m_auth(context)
    , m_objects(std::make_unique<HubSpotObjectsApi>(*this))
    , m_search(std::make_unique<HubSpotSearchApi>(*this, *m_objects))
    , m_properties(std::make_unique<HubSpotPropertiesApi>(*this))
    , m_associations(std::make_unique<HubSpotAssociationsApi>(*this))
    , m_lists(std::make_unique<HubSpotListsApi>(*this))
    , m_oauth(std::make_unique<HubSpotOAuthApi>(*this)) {}

HubSpotDialect::~HubSpotDialect() = default;

void HubSpotDialect::registerRoutes(SandboxRouter& router) {
    m_objects->registerRoutes(router);
    m_search->registerRoutes(router);
    m_properties->registerRoutes(router);
    m_associations->registerRoutes(router);
    m_lists->registerRoutes(router);
    m_oauth->registerRoutes(router);
}

QString HubSpotDialect::endpointKey(const QByteArray& method, const QString& pattern,
                                    const QHash<QString, QString>& params) const {
    QString path = pattern;
    for (const char* name : {"objectType", "fromObjectType", "toObjectType"}) {
        const QString key = QLatin1String(name);
        if (!params.contains(key))
            continue;
        const QString normalized = ObjectTypes::normalize(params.value(key));
        path.replace(u'{' + key + u'}', normalized.isEmpty() ? params.value(key) : normalized);
    }
    return QString::fromLatin1(method) + u' ' + path;
}

HubSpotDialect::ScopeRule HubSpotDialect::objectScope(const QString& param, const QString& access) {
    return [param, access](const SandboxRequest& request) -> QList<QStringList> {
        const QString type = ObjectTypes::normalize(request.param(param));
        if (type.isEmpty())
            return {};
        return {{QStringLiteral("crm.objects.%1.%2").arg(type, access)}};
    };
}

QString HubSpotDialect::objectType(const SandboxRequest& request, const QString& param,
                                   SandboxResponse* error) const {
    const QString raw = request.param(param);
    const QString type = ObjectTypes::normalize(raw);
    if (type.isEmpty() && error)
        *error = Errors::unknownObjectType(raw).response(request);
    return type;
}

void HubSpotDialect::addApiRoute(SandboxRouter& router, const QByteArray& method, const QString& pattern,
                                 ScopeRule scopes, RateClass rateClass, SandboxHandler handler) {
    router.add(method, pattern,
               [this, scopes = std::move(scopes), rateClass, handler = std::move(handler)](
                   SandboxRequest& request) { return runPipeline(request, scopes, rateClass, handler); });
}

void HubSpotDialect::addPublicRoute(SandboxRouter& router, const QByteArray& method, const QString& pattern,
                                    SandboxHandler handler) {
    router.add(method, pattern, std::move(handler));
}

void HubSpotDialect::addRateHeaders(SandboxResponse& response, const HubSpotToken& token,
                                    const RateDecision& burst, const RateDecision& daily) const {
    const SandboxSettings& s = m_context.settings();
    response.setHeader("X-HubSpot-RateLimit-Interval-Milliseconds", QByteArray::number(s.burstWindowMs));
    response.setHeader("X-HubSpot-RateLimit-Max", QByteArray::number(burst.limit));
    response.setHeader("X-HubSpot-RateLimit-Remaining", QByteArray::number(std::max(0, burst.remaining)));
    // HubSpot sends the daily headers to private apps only.
    if (!token.oauth && s.dailyLimit > 0) {
        response.setHeader("X-HubSpot-RateLimit-Daily", QByteArray::number(s.dailyLimit));
        response.setHeader("X-HubSpot-RateLimit-Daily-Remaining",
                           QByteArray::number(std::max(0, daily.remaining)));
    }
}

SandboxResponse HubSpotDialect::runPipeline(SandboxRequest& request, const ScopeRule& scopes,
                                            RateClass rateClass, const SandboxHandler& handler) {
    const HubSpotAuth::Result auth = m_auth.authenticate(request);
    if (auth.status == HubSpotAuth::Status::Missing || auth.status == HubSpotAuth::Status::Invalid)
        return Errors::invalidAuthentication(request);
    if (auth.status == HubSpotAuth::Status::Expired)
        return Errors::expiredAuthentication(request, auth.expiredForMs);
    request.token = auth.token.token;

    const SandboxSettings& s = m_context.settings();
    const qint64 now = m_context.nowMs();
    const QString key = HubSpotAuth::rateKey(auth.token);
    const bool dailyApplies = !auth.token.oauth && s.dailyLimit > 0;
    const int burstLimit = auth.token.oauth ? s.oauthBurstLimit : s.burstLimit;

    RateDecision daily;
    daily.limit = s.dailyLimit;
    daily.remaining = dailyApplies ? s.dailyLimit - m_daily.used(key, now) : 0;
    if (dailyApplies && daily.remaining <= 0) {
        RateDecision burst;
        burst.limit = burstLimit;
        burst.remaining = burstLimit - m_burst.used(key, s.burstWindowMs, now);
        SandboxResponse r = Errors::rateLimited(request, QStringLiteral("DAILY"));
        addRateHeaders(r, auth.token, burst, daily);
        return r;
    }
    const RateDecision burst = m_burst.tryAcquire(key, burstLimit, s.burstWindowMs, now);
    if (!burst.allowed) {
        SandboxResponse r = Errors::rateLimited(request, QStringLiteral("TEN_SECONDLY_ROLLING"));
        addRateHeaders(r, auth.token, burst, daily);
        return r;
    }
    if (dailyApplies)
        daily = m_daily.tryAcquire(key, s.dailyLimit, now);
    if (rateClass == RateClass::Search && s.searchPerSecond > 0) {
        // Search has its own per-account limit, and its replies carry no rate-limit headers.
        if (!m_searchLimiter.tryAcquire(kSearchAccount, s.searchPerSecond, 1000, now).allowed)
            return Errors::rateLimited(request, QStringLiteral("SECONDLY"));
    }

    const QList<QStringList> needed = scopes ? scopes(request) : QList<QStringList>();
    if (!HubSpotAuth::allows(auth.token, needed)) {
        SandboxResponse r = Errors::missingScopes(request, needed.front());
        if (rateClass == RateClass::Standard)
            addRateHeaders(r, auth.token, burst, daily);
        return r;
    }
    SandboxResponse response = handler(request);
    if (rateClass == RateClass::Standard)
        addRateHeaders(response, auth.token, burst, daily);
    return response;
}

SandboxResponse HubSpotDialect::notFound(const SandboxRequest& request) {
    return Errors::make(
        request, 404, QStringLiteral("OBJECT_NOT_FOUND"),
        QStringLiteral("No endpoint for %1 %2 (the sandbox serves the subset of HubSpot's API described in "
                       "docs/sandbox.md)")
            .arg(QString::fromLatin1(request.method), request.path));
}

SandboxResponse HubSpotDialect::methodNotAllowed(const SandboxRequest& request) {
    return Errors::make(request, 405, QStringLiteral("VALIDATION_ERROR"),
                        QStringLiteral("HTTP method %1 is not supported by %2")
                            .arg(QString::fromLatin1(request.method), request.path));
}

SandboxResponse HubSpotDialect::faultResponse(const FaultRule& rule, const SandboxRequest& request) {
    if (rule.kind == FaultRule::Kind::RateLimit) {
        SandboxResponse r = Errors::rateLimited(request, rule.policyName);
        r.setHeader("X-HubSpot-RateLimit-Interval-Milliseconds",
                    QByteArray::number(m_context.settings().burstWindowMs));
        r.setHeader("X-HubSpot-RateLimit-Max", QByteArray::number(m_context.settings().burstLimit));
        r.setHeader("X-HubSpot-RateLimit-Remaining", "0");
        return r;
    }
    switch (rule.status) {
    case 502:
    case 504: {
        // HubSpot's edge answers gateway errors with an HTML page, not JSON.
        const QByteArray title = QByteArray::number(rule.status) + ' ' + reasonPhrase(rule.status);
        return SandboxResponse::html(rule.status, "<html>\r\n<head><title>" + title +
                                                      "</title></head>\r\n<body>\r\n"
                                                      "<center><h1>" +
                                                      title + "</h1></center>\r\n</body>\r\n</html>\r\n");
    }
    case 503:
        return Errors::make(
            request, 503, QStringLiteral("SERVICE_UNAVAILABLE"),
            QStringLiteral("The service is temporarily unavailable. Please try again later."));
    case 423:
        return Errors::make(
            request, 423, QStringLiteral("LOCKED"),
            QStringLiteral("The resource is locked by another request. Please retry in a few seconds."));
    default:
        if (rule.status >= 500)
            return Errors::make(request, rule.status, QStringLiteral("INTERNAL_ERROR"),
                                QStringLiteral("An internal error occurred."));
        return Errors::make(request, rule.status, QStringLiteral("VALIDATION_ERROR"),
                            QStringLiteral("Injected fault %1").arg(rule.status));
    }
}

QString HubSpotDialect::clientLabel(const SandboxRequest& request) const {
    const QByteArray header = request.header(QByteArrayLiteral("Authorization")).trimmed();
    if (!header.toLower().startsWith("bearer "))
        return {};
    // Never the token itself: the kind of caller and a short fingerprint to tell callers apart.
    const QByteArray token = header.mid(7).trimmed();
    const QString fingerprint =
        QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex().left(8));
    const std::optional<HubSpotToken> known = m_auth.findToken(QString::fromUtf8(token));
    if (!known)
        return QStringLiteral("unknown token ") + fingerprint;
    if (known->oauth)
        return QStringLiteral("oauth:%1 ").arg(known->clientId) + fingerprint;
    return QStringLiteral("private app ") + fingerprint;
}

QJsonObject HubSpotDialect::saveState() const {
    return QJsonObject{{QStringLiteral("data"), m_store.toJson()}, {QStringLiteral("auth"), m_auth.toJson()}};
}

bool HubSpotDialect::loadState(const QJsonObject& state, QString* error) {
    if (!m_store.fromJson(state.value(QStringLiteral("data")).toObject(), error))
        return false;
    m_auth.fromJson(state.value(QStringLiteral("auth")).toObject());
    return true;
}

bool HubSpotDialect::loadSeed(const QJsonObject& seed, QString* error) {
    auto fail = [&](const QString& where, const Errors::Detail& detail) {
        if (error)
            *error = where + QStringLiteral(": ") + detail.message;
        return false;
    };
    const qint64 now = m_context.nowMs();
    // Properties first, so that records can use them.
    const QJsonObject properties = seed.value(QStringLiteral("properties")).toObject();
    QList<QPair<QString, HubSpotProperty>> newProperties;
    for (const QString& type : ObjectTypes::all()) {
        const QJsonArray defs = properties.value(type).toArray();
        for (qsizetype i = 0; i < defs.size(); ++i) {
            HubSpotProperty p;
            if (Errors::Detail e = m_properties->parseCreate(type, defs[i].toObject(), &p); e.isError())
                return fail(QStringLiteral("properties.%1[%2]").arg(type).arg(i), e);
            if (m_store.property(type, p.name))
                continue; // already there: keep it
            p.createdAtMs = p.updatedAtMs = now;
            newProperties.append({type, p});
        }
    }
    for (const auto& [type, p] : newProperties)
        m_store.putCustomProperty(type, p);

    struct Entry {
        QString type;
        QHash<QString, QString> values;
        QList<int> companyIndexes;
    };
    QList<Entry> entries;
    QHash<QString, QSet<QString>> claimed; // "type/property" -> unique values used in this seed
    for (const QString& type : ObjectTypes::all()) {
        const QJsonArray records = seed.value(type).toArray();
        for (qsizetype i = 0; i < records.size(); ++i) {
            const QJsonObject o = records[i].toObject();
            QJsonObject props = o.value(QStringLiteral("properties")).toObject();
            if (!o.contains(QStringLiteral("properties"))) {
                props = o;
                props.remove(QStringLiteral("associatedCompanies"));
            }
            Entry entry;
            entry.type = type;
            const QString where = QStringLiteral("%1[%2]").arg(type).arg(i);
            if (Errors::Detail e = m_objects->parseProperties(
                    type, props, HubSpotObjectsApi::WriteMode::Create, &entry.values);
                e.isError())
                return fail(where, e);
            if (Errors::Detail e = m_objects->checkUnique(type, entry.values, 0); e.isError())
                return fail(where, e);
            for (auto it = entry.values.cbegin(); it != entry.values.cend(); ++it) {
                if (!m_store.isUniqueProperty(type, it.key()))
                    continue;
                QSet<QString>& used = claimed[type + u'/' + it.key()];
                if (used.contains(it.value()))
                    return fail(where,
                                Errors::validation(QStringLiteral("duplicate value %1 for unique property %2")
                                                       .arg(it.value(), it.key())));
                used.insert(it.value());
            }
            for (const QJsonValue& index : o.value(QStringLiteral("associatedCompanies")).toArray()) {
                if (type != ObjectTypes::contacts || index.toInt(-1) < 0 ||
                    index.toInt() >= seed.value(ObjectTypes::companies).toArray().size())
                    return fail(
                        where, Errors::validation(QStringLiteral("associatedCompanies holds indexes into the "
                                                                 "seed's companies array")));
                entry.companyIndexes << index.toInt();
            }
            entries.append(entry);
        }
    }
    QList<qint64> companyIds;
    for (const Entry& entry : entries) {
        const qint64 id = m_store.createRecord(entry.type, entry.values, QStringLiteral("IMPORT"));
        if (entry.type == ObjectTypes::companies)
            companyIds << id;
        for (int index : entry.companyIndexes)
            m_store.associate(
                ObjectTypes::contacts, id, ObjectTypes::companies, companyIds.value(index),
                HubSpotStore::associationTypeIds(ObjectTypes::contacts, ObjectTypes::companies).front());
    }
    m_store.flushSearchIndex(); // seeded records are searchable at once
    return true;
}

void HubSpotDialect::reset() {
    m_store.clear();
    m_auth.clear();
    resetRateLimits();
}

void HubSpotDialect::resetRateLimits() {
    m_burst.clear();
    m_searchLimiter.clear();
    m_daily.clear();
}

QJsonObject HubSpotDialect::summary() const {
    QJsonObject custom;
    for (const QString& type : ObjectTypes::all())
        custom.insert(type, m_store.properties(type).size() - Schema::builtinProperties(type).size());
    return QJsonObject{{QStringLiteral("companies"), m_store.liveCount(ObjectTypes::companies)},
                       {QStringLiteral("contacts"), m_store.liveCount(ObjectTypes::contacts)},
                       {QStringLiteral("lists"), m_store.lists().size()},
                       {QStringLiteral("customProperties"), custom},
                       {QStringLiteral("pendingIndexUpdates"), m_store.pendingIndexUpdates()}};
}

QString HubSpotDialect::issueToken(const QStringList& scopes, qint64 lifetimeMs, const QString& token) {
    return m_auth.issuePrivateToken(scopes, lifetimeMs, token);
}

} // namespace syncdesk::sandbox::hubspot
