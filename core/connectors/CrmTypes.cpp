#include "core/connectors/CrmTypes.h"

namespace syncdesk {

QString crmKindName(CrmKind kind) {
    switch (kind) {
    case CrmKind::HubSpot:
        return QStringLiteral("hubspot");
    case CrmKind::Salesforce:
        return QStringLiteral("salesforce");
    case CrmKind::Sandbox:
        return QStringLiteral("sandbox");
    }
    return QStringLiteral("hubspot");
}

std::optional<CrmKind> parseCrmKind(const QString& name) {
    const QString n = name.trimmed().toLower();
    for (CrmKind k : {CrmKind::HubSpot, CrmKind::Salesforce, CrmKind::Sandbox}) {
        if (crmKindName(k) == n)
            return k;
    }
    return std::nullopt;
}

QString crmKindLabel(CrmKind kind) {
    switch (kind) {
    case CrmKind::HubSpot:
        return QCoreApplication::translate("CrmKind", "HubSpot");
    case CrmKind::Salesforce:
        return QCoreApplication::translate("CrmKind", "Salesforce");
    case CrmKind::Sandbox:
        return QCoreApplication::translate("CrmKind", "Sandbox CRM");
    }
    return QString();
}

QString crmPropertyTypeName(CrmPropertyType type) {
    switch (type) {
    case CrmPropertyType::String:
        return QStringLiteral("string");
    case CrmPropertyType::Number:
        return QStringLiteral("number");
    case CrmPropertyType::Bool:
        return QStringLiteral("bool");
    case CrmPropertyType::Enumeration:
        return QStringLiteral("enumeration");
    case CrmPropertyType::Date:
        return QStringLiteral("date");
    case CrmPropertyType::DateTime:
        return QStringLiteral("datetime");
    case CrmPropertyType::Reference:
        return QStringLiteral("reference");
    case CrmPropertyType::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<CrmPropertyType> parseCrmPropertyType(const QString& name) {
    const QString n = name.trimmed().toLower();
    for (CrmPropertyType t : {CrmPropertyType::String, CrmPropertyType::Number, CrmPropertyType::Bool,
                              CrmPropertyType::Enumeration, CrmPropertyType::Date, CrmPropertyType::DateTime,
                              CrmPropertyType::Reference, CrmPropertyType::Other}) {
        if (crmPropertyTypeName(t) == n)
            return t;
    }
    return std::nullopt;
}

bool CrmProperty::hasOption(const QString& value) const {
    for (const CrmPropertyOption& o : options) {
        if (o.value == value)
            return true;
    }
    return false;
}

} // namespace syncdesk
