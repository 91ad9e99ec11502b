#include "core/sandbox/hubspot/HubSpotPropertiesApi.h"

#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QRegularExpression>
#include <QSet>

namespace syncdesk::sandbox::hubspot {

namespace {

HubSpotDialect::ScopeRule schemaReadScopes() {
    return [](const SandboxRequest& request) -> QList<QStringList> {
        const QString type = ObjectTypes::normalize(request.param(QStringLiteral("objectType")));
        if (type.isEmpty())
            return {};
        return {{QStringLiteral("crm.schemas.%1.read").arg(type)},
                {QStringLiteral("crm.objects.%1.read").arg(type)},
                {QStringLiteral("crm.objects.%1.write").arg(type)}};
    };
}

HubSpotDialect::ScopeRule schemaWriteScopes() {
    return [](const SandboxRequest& request) -> QList<QStringList> {
        const QString type = ObjectTypes::normalize(request.param(QStringLiteral("objectType")));
        if (type.isEmpty())
            return {};
        return {{QStringLiteral("crm.schemas.%1.write").arg(type)}};
    };
}

Errors::Detail missingField(const QString& field) {
    return Errors::validation(
        QStringLiteral("Invalid input JSON: the property field \"%1\" is required").arg(field),
        QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("must not be null")},
                               {QStringLiteral("in"), field},
                               {QStringLiteral("code"), QStringLiteral("REQUIRED_FIELD")}}});
}

} // namespace

HubSpotPropertiesApi::HubSpotPropertiesApi(HubSpotDialect& dialect)
    : m_dialect(dialect)
    , m_store(dialect.store()) {}

void HubSpotPropertiesApi::registerRoutes(SandboxRouter& router) {
    using R = HubSpotDialect::RateClass;
    const QString base = QStringLiteral("/crm/v3/properties/{objectType}");
    auto bind = [this](SandboxResponse (HubSpotPropertiesApi::*fn)(SandboxRequest&)) {
        return [this, fn](SandboxRequest& request) { return (this->*fn)(request); };
    };
    m_dialect.addApiRoute(router, "GET", base, schemaReadScopes(), R::Standard,
                          bind(&HubSpotPropertiesApi::list));
    m_dialect.addApiRoute(router, "POST", base, schemaWriteScopes(), R::Standard,
                          bind(&HubSpotPropertiesApi::create));
    m_dialect.addApiRoute(router, "GET", base + QStringLiteral("/groups"), schemaReadScopes(), R::Standard,
                          bind(&HubSpotPropertiesApi::groups));
    m_dialect.addApiRoute(router, "GET", base + QStringLiteral("/{propertyName}"), schemaReadScopes(),
                          R::Standard, bind(&HubSpotPropertiesApi::read));
    m_dialect.addApiRoute(router, "PATCH", base + QStringLiteral("/{propertyName}"), schemaWriteScopes(),
                          R::Standard, bind(&HubSpotPropertiesApi::update));
    m_dialect.addApiRoute(router, "DELETE", base + QStringLiteral("/{propertyName}"), schemaWriteScopes(),
                          R::Standard, bind(&HubSpotPropertiesApi::archive));
}

Errors::Detail HubSpotPropertiesApi::parseOptions(const QJsonValue& value, const QString& type,
                                                  QList<HubSpotOption>* out) const {
    out->clear();
    QSet<QString> seen;
    int order = 0;
    for (const QJsonValue& v : value.toArray()) {
        HubSpotOption option = HubSpotOption::fromJson(v.toObject());
        if (!v.toObject().contains(QStringLiteral("displayOrder")))
            option.displayOrder = order;
        ++order;
        if (option.label.isEmpty() || option.value.isEmpty())
            return Errors::validation(QStringLiteral("Every option needs a label and a value"));
        if (seen.contains(option.value))
            return Errors::validation(QStringLiteral("Duplicate option value \"%1\"").arg(option.value));
        seen.insert(option.value);
        out->append(option);
    }
    if (type == u"bool" && out->isEmpty())
        *out = {HubSpotOption{QStringLiteral("Yes"), QStringLiteral("true"), QString(), 0, false},
                HubSpotOption{QStringLiteral("No"), QStringLiteral("false"), QString(), 1, false}};
    return {};
}

Errors::Detail HubSpotPropertiesApi::parseCreate(const QString& objectType, const QJsonObject& body,
                                                 HubSpotProperty* out) const {
    for (const char* field : {"name", "label", "type", "fieldType", "groupName"})
        if (body.value(QLatin1String(field)).toString().isEmpty())
            return missingField(QLatin1String(field));
    HubSpotProperty p;
    p.name = body.value(QStringLiteral("name")).toString();
    p.label = body.value(QStringLiteral("label")).toString();
    p.type = body.value(QStringLiteral("type")).toString();
    p.fieldType = body.value(QStringLiteral("fieldType")).toString();
    p.groupName = body.value(QStringLiteral("groupName")).toString();
    p.description = body.value(QStringLiteral("description")).toString();
    p.hasUniqueValue = body.value(QStringLiteral("hasUniqueValue")).toBool(false);
    p.hidden = body.value(QStringLiteral("hidden")).toBool(false);
    p.formField = body.value(QStringLiteral("formField")).toBool(false);
    p.displayOrder = body.value(QStringLiteral("displayOrder")).toInt(-1);
    p.externalOptions = body.value(QStringLiteral("externalOptions")).toBool(false);

    static const QRegularExpression namePattern(QStringLiteral("^[a-z][a-z0-9_]{0,99}$"));
    if (!namePattern.match(p.name).hasMatch())
        return Errors::validation(
            QStringLiteral("Property name \"%1\" is invalid: use lower-case letters, digits and "
                           "underscores, starting with a letter")
                .arg(p.name));
    if (p.name.startsWith(QStringLiteral("hs_")))
        return Errors::validation(
            QStringLiteral("Property name \"%1\" is invalid: the hs_ prefix is reserved for "
                           "HubSpot-defined properties")
                .arg(p.name));
    const QStringList fieldTypes = Schema::fieldTypesFor(p.type);
    if (fieldTypes.isEmpty())
        return Errors::validation(
            QStringLiteral("Unknown property type \"%1\". Valid types: string, number, date, "
                           "datetime, enumeration, bool, phone_number")
                .arg(p.type));
    if (!fieldTypes.contains(p.fieldType))
        return Errors::validation(
            QStringLiteral("fieldType \"%1\" is not valid for type \"%2\"; use one of: %3")
                .arg(p.fieldType, p.type, fieldTypes.join(QStringLiteral(", "))));
    if (Errors::Detail e = parseOptions(body.value(QStringLiteral("options")), p.type, &p.options);
        e.isError())
        return e;
    if (p.type == u"enumeration" && p.options.isEmpty() && !p.externalOptions)
        return Errors::validation(QStringLiteral("Enumeration properties need at least one option"));
    if (!p.isEnumeration() && !p.options.isEmpty())
        return Errors::validation(QStringLiteral("Only enumeration and bool properties take options"));
    bool groupKnown = false;
    for (const HubSpotPropertyGroup& g : m_store.groups(objectType))
        groupKnown = groupKnown || g.name == p.groupName;
    if (!groupKnown)
        return Errors::validation(QStringLiteral("Property group \"%1\" does not exist").arg(p.groupName));
    if (p.hasUniqueValue && p.type != u"string" && p.type != u"number")
        return Errors::validation(QStringLiteral("Only string and number properties can have unique values"));
    *out = p;
    return {};
}

SandboxResponse HubSpotPropertiesApi::list(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    const bool archived = request.queryValue(QStringLiteral("archived")) == u"true";
    const QStringList only = request.queryList(QStringLiteral("properties"));
    QJsonArray results;
    for (const HubSpotProperty& p : m_store.properties(type, archived))
        if (only.isEmpty() || only.contains(p.name))
            results.append(p.toJson());
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("results"), results}});
}

SandboxResponse HubSpotPropertiesApi::read(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    const QString name = request.param(QStringLiteral("propertyName"));
    const bool archived = request.queryValue(QStringLiteral("archived")) == u"true";
    for (const HubSpotProperty& p : m_store.properties(type, archived))
        if (p.name == name)
            return SandboxResponse::json(200, p.toJson());
    return Errors::notFound(QStringLiteral("Unable to find property %1 for object type %2").arg(name, type),
                            QJsonObject{{QStringLiteral("propertyName"), QJsonArray{name}}})
        .response(request);
}

SandboxResponse HubSpotPropertiesApi::create(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    HubSpotProperty p;
    if (Errors::Detail e = parseCreate(type, body, &p); e.isError())
        return e.response(request);
    if (m_store.property(type, p.name) || m_store.isCustomProperty(type, p.name))
        return Errors::make(
            request, 409, QStringLiteral("OBJECT_ALREADY_EXISTS"),
            QStringLiteral("A property named '%1' already exists.").arg(p.name),
            QJsonObject{
                {QStringLiteral("subCategory"), QStringLiteral("Properties.PROPERTY_EXISTS")},
                {QStringLiteral("context"), QJsonObject{{QStringLiteral("name"), QJsonArray{p.name}}}}});
    const int maxUnique = m_dialect.context().settings().maxUniqueProperties;
    if (p.hasUniqueValue && m_store.customUniquePropertyCount(type) >= maxUnique)
        return Errors::validation(
                   QStringLiteral("Cannot create property %1: the limit of %2 unique value properties "
                                  "for %3 has been reached")
                       .arg(p.name)
                       .arg(maxUnique)
                       .arg(type),
                   {}, QJsonObject{{QStringLiteral("limit"), QJsonArray{QString::number(maxUnique)}}})
            .response(request);
    const qint64 now = m_dialect.context().nowMs();
    p.createdAtMs = now;
    p.updatedAtMs = now;
    m_store.putCustomProperty(type, p);
    return SandboxResponse::json(201, p.toJson());
}

SandboxResponse HubSpotPropertiesApi::update(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    const QString name = request.param(QStringLiteral("propertyName"));
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    const HubSpotProperty* current = m_store.property(type, name);
    if (!current)
        return Errors::notFound(
                   QStringLiteral("Unable to find property %1 for object type %2").arg(name, type))
            .response(request);
    if (current->hubspotDefined)
        return Errors::validation(
                   QStringLiteral("%1 is a HubSpot-defined property; its definition is read-only in the "
                                  "sandbox")
                       .arg(name))
            .response(request);
    HubSpotProperty p = *current;
    if (body.contains(QStringLiteral("label")))
        p.label = body.value(QStringLiteral("label")).toString();
    if (body.contains(QStringLiteral("description")))
        p.description = body.value(QStringLiteral("description")).toString();
    if (body.contains(QStringLiteral("hidden")))
        p.hidden = body.value(QStringLiteral("hidden")).toBool();
    if (body.contains(QStringLiteral("formField")))
        p.formField = body.value(QStringLiteral("formField")).toBool();
    if (body.contains(QStringLiteral("displayOrder")))
        p.displayOrder = body.value(QStringLiteral("displayOrder")).toInt();
    if (body.contains(QStringLiteral("groupName"))) {
        p.groupName = body.value(QStringLiteral("groupName")).toString();
        bool known = false;
        for (const HubSpotPropertyGroup& g : m_store.groups(type))
            known = known || g.name == p.groupName;
        if (!known)
            return Errors::validation(QStringLiteral("Property group \"%1\" does not exist").arg(p.groupName))
                .response(request);
    }
    if (body.contains(QStringLiteral("type")) || body.contains(QStringLiteral("fieldType"))) {
        const QString newType = body.value(QStringLiteral("type")).toString(p.type);
        const QString newField = body.value(QStringLiteral("fieldType")).toString(p.fieldType);
        if (!Schema::fieldTypesFor(newType).contains(newField))
            return Errors::validation(
                       QStringLiteral("fieldType \"%1\" is not valid for type \"%2\"").arg(newField, newType))
                .response(request);
        p.type = newType;
        p.fieldType = newField;
    }
    if (body.contains(QStringLiteral("options"))) {
        if (Errors::Detail e = parseOptions(body.value(QStringLiteral("options")), p.type, &p.options);
            e.isError())
            return e.response(request);
    }
    if (body.contains(QStringLiteral("hasUniqueValue")) &&
        body.value(QStringLiteral("hasUniqueValue")).toBool() != p.hasUniqueValue)
        return Errors::validation(
                   QStringLiteral("hasUniqueValue cannot be changed once a property is created"))
            .response(request);
    p.updatedAtMs = m_dialect.context().nowMs();
    m_store.putCustomProperty(type, p);
    return SandboxResponse::json(200, p.toJson());
}

SandboxResponse HubSpotPropertiesApi::archive(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    const QString name = request.param(QStringLiteral("propertyName"));
    const HubSpotProperty* current = m_store.property(type, name);
    if (!current)
        return Errors::notFound(
                   QStringLiteral("Unable to find property %1 for object type %2").arg(name, type))
            .response(request);
    if (current->hubspotDefined)
        return Errors::validation(
                   QStringLiteral("%1 is a HubSpot-defined property and cannot be archived").arg(name))
            .response(request);
    HubSpotProperty p = *current;
    p.archived = true;
    p.archivedAtMs = m_dialect.context().nowMs();
    m_store.putCustomProperty(type, p);
    return SandboxResponse::noContent();
}

SandboxResponse HubSpotPropertiesApi::groups(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    QJsonArray results;
    for (const HubSpotPropertyGroup& g : m_store.groups(type))
        results.append(g.toJson());
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("results"), results}});
}

} // namespace syncdesk::sandbox::hubspot
