#include "core/connectors/ConnectionTest.h"

#include <QJsonArray>

namespace syncdesk {

ConnectionTestable::~ConnectionTestable() = default;

QStringList ConnectionTestResult::missingScopes(bool required) const {
    QStringList out;
    for (const Check& c : checks) {
        if (!c.granted && c.required == required)
            out.append(c.scope);
    }
    return out;
}

QJsonObject ConnectionTestResult::toJson() const {
    QJsonArray scopes;
    for (const Check& c : checks)
        scopes.append(QJsonObject{{QStringLiteral("scope"), c.scope},
                                  {QStringLiteral("required"), c.required},
                                  {QStringLiteral("granted"), c.granted},
                                  {QStringLiteral("purpose"), c.purpose}});
    QJsonObject o{
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("scopes"), scopes},
        {QStringLiteral("missing_scopes"), QJsonArray::fromStringList(missingScopes(true))},
        {QStringLiteral("missing_optional_scopes"), QJsonArray::fromStringList(missingScopes(false))},
        {QStringLiteral("requests"), requests}};
    if (error)
        o.insert(QStringLiteral("error"), error->toJson());
    return o;
}

} // namespace syncdesk
