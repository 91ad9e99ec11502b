#include "core/sandbox/SandboxSettings.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace syncdesk::sandbox {

namespace {

QString kindToName(FaultRule::Kind kind) {
    switch (kind) {
    case FaultRule::Kind::Status:
        return QStringLiteral("status");
    case FaultRule::Kind::RateLimit:
        return QStringLiteral("ratelimit");
    case FaultRule::Kind::Slow:
        return QStringLiteral("slow");
    case FaultRule::Kind::Hang:
        return QStringLiteral("hang");
    case FaultRule::Kind::Lost:
        return QStringLiteral("lost");
    case FaultRule::Kind::Truncated:
        return QStringLiteral("truncated");
    }
    return {};
}

bool setError(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

// Glob match: '*' any run of characters (slashes included), '?' exactly one character.
bool globMatch(QStringView pattern, QStringView text) {
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool applyKindAndArgument(FaultRule& rule, const QString& kind, const QString& arg, bool hasArg,
                          QString* error) {
    bool ok = true;
    const QString k = kind.toLower();
    if (k == u"status" || k == u"error") {
        rule.kind = FaultRule::Kind::Status;
        rule.status = hasArg ? arg.toInt(&ok) : 500;
    } else if (k == u"429" || k == u"ratelimit") {
        rule.kind = FaultRule::Kind::RateLimit;
        rule.status = 429;
        if (hasArg)
            rule.policyName = arg.toUpper();
    } else if (k.size() == 3 && k.front().isDigit()) {
        rule.kind = FaultRule::Kind::Status;
        rule.status = k.toInt(&ok);
    } else if (k == u"slow") {
        rule.kind = FaultRule::Kind::Slow;
        rule.delayMs = hasArg ? arg.toInt(&ok) : 2000;
    } else if (k == u"hang") {
        rule.kind = FaultRule::Kind::Hang;
        rule.delayMs = hasArg ? arg.toInt(&ok) : 0;
    } else if (k == u"lost") {
        rule.kind = FaultRule::Kind::Lost;
    } else if (k == u"truncated") {
        rule.kind = FaultRule::Kind::Truncated;
    } else {
        return setError(error, QStringLiteral("unknown fault kind \"%1\"").arg(kind));
    }
    if (!ok)
        return setError(error, QStringLiteral("bad argument \"%1\" for fault kind %2").arg(arg, kind));
    if (rule.kind == FaultRule::Kind::Status && (rule.status < 400 || rule.status > 599))
        return setError(error, QStringLiteral("fault status must be 4xx or 5xx, not %1").arg(rule.status));
    if (rule.kind == FaultRule::Kind::RateLimit && rule.policyName != u"TEN_SECONDLY_ROLLING" &&
        rule.policyName != u"DAILY" && rule.policyName != u"SECONDLY")
        return setError(error, QStringLiteral("429 policy must be TEN_SECONDLY_ROLLING, DAILY or SECONDLY"));
    if (rule.delayMs < 0)
        return setError(error, QStringLiteral("fault delay must not be negative"));
    return true;
}

bool validateCommon(const FaultRule& rule, QString* error) {
    if (rule.rate < 0.0 || rule.rate > 1.0)
        return setError(error, QStringLiteral("fault rate must be between 0 and 1"));
    if (rule.skip < 0)
        return setError(error, QStringLiteral("fault skip must not be negative"));
    if (rule.path.isEmpty())
        return setError(error, QStringLiteral("fault path must not be empty"));
    return true;
}

} // namespace

QString FaultRule::kindName() const {
    return kindToName(kind);
}

bool FaultRule::matches(const QByteArray& method, const QString& requestPath) const {
    if (!methods.isEmpty() && !methods.contains(QString::fromLatin1(method), Qt::CaseInsensitive))
        return false;
    return path == u"*" || globMatch(path, requestPath);
}

std::optional<FaultRule> FaultRule::parse(const QString& spec, QString* error) {
    const QStringList parts = spec.trimmed().split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        setError(error, QStringLiteral("empty fault spec"));
        return std::nullopt;
    }
    FaultRule rule;
    const QString head = parts.front().trimmed();
    const qsizetype colon = head.indexOf(u':');
    const QString kind = colon < 0 ? head : head.left(colon);
    const QString arg = colon < 0 ? QString() : head.mid(colon + 1);
    if (!applyKindAndArgument(rule, kind, arg, colon >= 0, error))
        return std::nullopt;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0) {
            setError(error, QStringLiteral("expected key=value in fault spec, got \"%1\"").arg(part));
            return std::nullopt;
        }
        const QString key = part.left(eq).toLower();
        const QString value = part.mid(eq + 1);
        bool ok = true;
        if (key == u"path")
            rule.path = value;
        else if (key == u"method")
            rule.methods = value.toUpper().split(u'|', Qt::SkipEmptyParts);
        else if (key == u"rate")
            rule.rate = value.toDouble(&ok);
        else if (key == u"times")
            rule.times = value.toInt(&ok);
        else if (key == u"skip")
            rule.skip = value.toInt(&ok);
        else {
            setError(error, QStringLiteral("unknown fault option \"%1\"").arg(key));
            return std::nullopt;
        }
        if (!ok) {
            setError(error, QStringLiteral("bad value \"%1\" for fault option %2").arg(value, key));
            return std::nullopt;
        }
    }
    if (!validateCommon(rule, error))
        return std::nullopt;
    return rule;
}

QString FaultRule::toSpec() const {
    QString head;
    switch (kind) {
    case Kind::Status:
        head = QString::number(status);
        break;
    case Kind::RateLimit:
        head = QStringLiteral("429:") + policyName;
        break;
    case Kind::Slow:
        head = QStringLiteral("slow:%1").arg(delayMs);
        break;
    case Kind::Hang:
        head = delayMs > 0 ? QStringLiteral("hang:%1").arg(delayMs) : QStringLiteral("hang");
        break;
    case Kind::Lost:
        head = QStringLiteral("lost");
        break;
    case Kind::Truncated:
        head = QStringLiteral("truncated");
        break;
    }
    QStringList parts{head};
    if (path != u"*")
        parts << QStringLiteral("path=") + path;
    if (!methods.isEmpty())
        parts << QStringLiteral("method=") + methods.join(u'|');
    if (rate < 1.0)
        parts << QStringLiteral("rate=") + QString::number(rate);
    if (times >= 0)
        parts << QStringLiteral("times=") + QString::number(times);
    if (skip > 0)
        parts << QStringLiteral("skip=") + QString::number(skip);
    return parts.join(u',');
}

QJsonObject FaultRule::toJson() const {
    QJsonObject o{
        {QStringLiteral("id"), id},     {QStringLiteral("kind"), kindName()},
        {QStringLiteral("path"), path}, {QStringLiteral("methods"), QJsonArray::fromStringList(methods)},
        {QStringLiteral("rate"), rate}, {QStringLiteral("times"), times},
        {QStringLiteral("skip"), skip}, {QStringLiteral("matched"), matched},
        {QStringLiteral("hits"), hits}, {QStringLiteral("spec"), toSpec()}};
    if (kind == Kind::Status || kind == Kind::RateLimit)
        o.insert(QStringLiteral("status"), status);
    if (kind == Kind::RateLimit)
        o.insert(QStringLiteral("policyName"), policyName);
    if (kind == Kind::Slow || kind == Kind::Hang)
        o.insert(QStringLiteral("delayMs"), delayMs);
    return o;
}

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject& o, QString* error) {
    if (o.contains(QStringLiteral("spec")))
        return parse(o.value(QStringLiteral("spec")).toString(), error);
    FaultRule rule;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    QString arg;
    bool hasArg = false;
    if (o.contains(QStringLiteral("status")) && (kind == u"status" || kind == u"error")) {
        arg = QString::number(o.value(QStringLiteral("status")).toInt());
        hasArg = true;
    } else if (o.contains(QStringLiteral("policyName"))) {
        arg = o.value(QStringLiteral("policyName")).toString();
        hasArg = true;
    } else if (o.contains(QStringLiteral("delayMs"))) {
        arg = QString::number(o.value(QStringLiteral("delayMs")).toInt());
        hasArg = true;
    }
    if (!applyKindAndArgument(rule, kind, arg, hasArg, error))
        return std::nullopt;
    rule.path = o.value(QStringLiteral("path")).toString(QStringLiteral("*"));
    const QJsonValue methods = o.value(QStringLiteral("methods")).isUndefined()
                                   ? o.value(QStringLiteral("method"))
                                   : o.value(QStringLiteral("methods"));
    if (methods.isString())
        rule.methods = methods.toString().toUpper().split(u'|', Qt::SkipEmptyParts);
    else
        for (const QJsonValue& m : methods.toArray())
            rule.methods << m.toString().toUpper();
    rule.rate = o.value(QStringLiteral("rate")).toDouble(1.0);
    rule.times = o.value(QStringLiteral("times")).toInt(-1);
    rule.skip = o.value(QStringLiteral("skip")).toInt(0);
    if (!validateCommon(rule, error))
        return std::nullopt;
    return rule;
}

QJsonObject TokenGrant::toJson() const {
    QJsonObject o{{QStringLiteral("token"), token},
                  {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}};
    if (expiresAtMs > 0)
        o.insert(QStringLiteral("expiresAtMs"), expiresAtMs);
    return o;
}

TokenGrant TokenGrant::fromJson(const QJsonObject& o) {
    TokenGrant grant;
    grant.token = o.value(QStringLiteral("token")).toString();
    for (const QJsonValue& s : o.value(QStringLiteral("scopes")).toArray())
        grant.scopes << s.toString();
    grant.expiresAtMs = o.value(QStringLiteral("expiresAtMs")).toInteger(0);
    return grant;
}

namespace {

using IntField = int SandboxSettings::*;
const std::array<std::pair<const char*, IntField>, 18> kIntFields{{
    {"accessTokenLifetimeSec", &SandboxSettings::accessTokenLifetimeSec},
    {"authCodeLifetimeSec", &SandboxSettings::authCodeLifetimeSec},
    {"burstLimit", &SandboxSettings::burstLimit},
    {"oauthBurstLimit", &SandboxSettings::oauthBurstLimit},
    {"burstWindowMs", &SandboxSettings::burstWindowMs},
    {"dailyLimit", &SandboxSettings::dailyLimit},
    {"searchPerSecond", &SandboxSettings::searchPerSecond},
    {"batchMaxInputs", &SandboxSettings::batchMaxInputs},
    {"listMaxLimit", &SandboxSettings::listMaxLimit},
    {"maxUniqueProperties", &SandboxSettings::maxUniqueProperties},
    {"searchMaxFilterGroups", &SandboxSettings::searchMaxFilterGroups},
    {"searchMaxFiltersPerGroup", &SandboxSettings::searchMaxFiltersPerGroup},
    {"searchMaxFilters", &SandboxSettings::searchMaxFilters},
    {"searchMaxLimit", &SandboxSettings::searchMaxLimit},
    {"searchMaxResults", &SandboxSettings::searchMaxResults},
    {"searchMaxBodyChars", &SandboxSettings::searchMaxBodyChars},
    {"indexLagMinMs", &SandboxSettings::indexLagMinMs},
    {"indexLagMaxMs", &SandboxSettings::indexLagMaxMs},
}};

QStringList toStringList(const QJsonValue& value) {
    QStringList list;
    for (const QJsonValue& v : value.toArray())
        list << v.toString();
    return list;
}

} // namespace

QJsonObject SandboxSettings::toJson() const {
    QJsonObject o;
    for (const auto& [name, field] : kIntFields)
        o.insert(QLatin1String(name), this->*field);
    o.insert(QStringLiteral("portalId"), portalId);
    o.insert(QStringLiteral("hubDomain"), hubDomain);
    o.insert(QStringLiteral("accessToken"), accessToken);
    o.insert(QStringLiteral("accessTokenScopes"), QJsonArray::fromStringList(accessTokenScopes));
    QJsonArray tokens;
    for (const TokenGrant& t : extraTokens)
        tokens.append(t.toJson());
    o.insert(QStringLiteral("extraTokens"), tokens);
    o.insert(QStringLiteral("oauthClientId"), oauthClientId);
    o.insert(QStringLiteral("oauthClientSecret"), oauthClientSecret);
    o.insert(QStringLiteral("oauthRedirectUris"), QJsonArray::fromStringList(oauthRedirectUris));
    QJsonArray faultArray;
    for (const FaultRule& f : faults)
        faultArray.append(f.toJson());
    o.insert(QStringLiteral("faults"), faultArray);
    o.insert(QStringLiteral("randomSeed"), static_cast<qint64>(randomSeed));
    return o; // the admin token is deliberately not echoed
}

bool SandboxSettings::applyJson(const QJsonObject& patch, QString* error) {
    SandboxSettings next = *this;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        bool handled = false;
        for (const auto& [name, field] : kIntFields) {
            if (key == QLatin1String(name)) {
                if (!value.isDouble())
                    return setError(error, QStringLiteral("setting %1 must be a number").arg(key));
                next.*field = value.toInt();
                if (next.*field < 0)
                    return setError(error, QStringLiteral("setting %1 must not be negative").arg(key));
                handled = true;
            }
        }
        if (handled)
            continue;
        if (key == u"portalId")
            next.portalId = value.toInteger();
        else if (key == u"hubDomain")
            next.hubDomain = value.toString();
        else if (key == u"accessToken")
            next.accessToken = value.toString();
        else if (key == u"accessTokenScopes")
            next.accessTokenScopes = toStringList(value);
        else if (key == u"adminToken")
            next.adminToken = value.toString();
        else if (key == u"extraTokens") {
            next.extraTokens.clear();
            for (const QJsonValue& t : value.toArray())
                next.extraTokens << TokenGrant::fromJson(t.toObject());
        } else if (key == u"oauthClientId")
            next.oauthClientId = value.toString();
        else if (key == u"oauthClientSecret")
            next.oauthClientSecret = value.toString();
        else if (key == u"oauthRedirectUris")
            next.oauthRedirectUris = toStringList(value);
        else if (key == u"randomSeed")
            next.randomSeed = static_cast<quint32>(value.toInteger());
        else if (key == u"faults") {
            next.faults.clear();
            for (const QJsonValue& f : value.toArray()) {
                std::optional<FaultRule> rule = f.isString() ? FaultRule::parse(f.toString(), error)
                                                             : FaultRule::fromJson(f.toObject(), error);
                if (!rule)
                    return false;
                next.faults << *rule;
            }
        } else
            return setError(error, QStringLiteral("unknown setting \"%1\"").arg(key));
    }
    if (next.indexLagMaxMs < next.indexLagMinMs)
        return setError(error, QStringLiteral("indexLagMaxMs must be >= indexLagMinMs"));
    if (next.burstWindowMs <= 0)
        return setError(error, QStringLiteral("burstWindowMs must be positive"));
    *this = next;
    return true;
}

} // namespace syncdesk::sandbox
