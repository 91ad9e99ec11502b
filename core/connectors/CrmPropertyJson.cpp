#include "core/connectors/CrmPropertyJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace syncdesk {

QJsonObject crmPropertyToJson(const CrmProperty& p) {
    QJsonArray options;
    for (const CrmPropertyOption& o : p.options)
        options.append(QJsonObject{{QStringLiteral("value"), o.value}, {QStringLiteral("label"), o.label}});
    return QJsonObject{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("label"), p.label},
        {QStringLiteral("type"), crmPropertyTypeName(p.type)},
        {QStringLiteral("field_type"), p.fieldType},
        {QStringLiteral("options"), options},
        {QStringLiteral("multi_valued"), p.multiValued},
        {QStringLiteral("read_only"), p.readOnly},
        {QStringLiteral("calculated"), p.calculated},
        {QStringLiteral("unique"), p.unique},
        {QStringLiteral("required_on_create"), p.requiredOnCreate},
        {QStringLiteral("max_length"), p.maxLength},
        {QStringLiteral("description"), p.description},
    };
}

std::optional<CrmProperty> crmPropertyFromJson(const QJsonObject& json) {
    CrmProperty p;
    p.name = json.value(QStringLiteral("name")).toString();
    if (p.name.isEmpty())
        return std::nullopt;
    p.label = json.value(QStringLiteral("label")).toString();
    p.type =
        parseCrmPropertyType(json.value(QStringLiteral("type")).toString()).value_or(CrmPropertyType::Other);
    p.fieldType = json.value(QStringLiteral("field_type")).toString();
    const QJsonArray options = json.value(QStringLiteral("options")).toArray();
    for (const QJsonValue& v : options) {
        const QJsonObject o = v.toObject();
        p.options.append(
            {o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("label")).toString()});
    }
    p.multiValued = json.value(QStringLiteral("multi_valued")).toBool();
    p.readOnly = json.value(QStringLiteral("read_only")).toBool();
    p.calculated = json.value(QStringLiteral("calculated")).toBool();
    p.unique = json.value(QStringLiteral("unique")).toBool();
    p.requiredOnCreate = json.value(QStringLiteral("required_on_create")).toBool();
    p.maxLength = json.value(QStringLiteral("max_length")).toInt();
    p.description = json.value(QStringLiteral("description")).toString();
    return p;
}

QByteArray crmPropertiesToJson(const QList<CrmProperty>& properties) {
    QJsonArray array;
    for (const CrmProperty& p : properties)
        array.append(crmPropertyToJson(p));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::optional<QList<CrmProperty>> crmPropertiesFromJson(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QList<CrmProperty> out;
    const QJsonArray array = doc.array();
    for (const QJsonValue& v : array) {
        std::optional<CrmProperty> p = crmPropertyFromJson(v.toObject());
        if (!p)
            return std::nullopt;
        out.append(*p);
    }
    return out;
}

} // namespace syncdesk
