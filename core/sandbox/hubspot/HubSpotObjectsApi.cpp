#include "core/sandbox/hubspot/HubSpotObjectsApi.h"

#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QSet>

#include <cmath>

namespace syncdesk::sandbox::hubspot {

namespace {

const QString kObjectType = QStringLiteral("objectType");

QString capitalized(const QString& s) {
    return s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1);
}

// Property values arrive as strings; numbers, booleans and null are accepted and converted.
bool jsonToPropertyString(const QJsonValue& v, QString* out) {
    switch (v.type()) {
    case QJsonValue::String:
        *out = v.toString();
        return true;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 1e15)
            *out = QString::number(static_cast<qint64>(d));
        else
            *out = QString::number(d, 'g', 15);
        return true;
    }
    case QJsonValue::Bool:
        *out = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    case QJsonValue::Null:
        out->clear();
        return true;
    default:
        return false;
    }
}

QStringList requestedList(const QJsonValue& v) {
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue& p : v.toArray())
            if (!p.toString().isEmpty())
                out << p.toString();
    } else if (v.isString()) {
        out = v.toString().split(u',', Qt::SkipEmptyParts);
    }
    return out;
}

QString traceId(const QJsonObject& input) {
    return input.value(QStringLiteral("objectWriteTraceId")).toString();
}

Errors::Detail withTrace(Errors::Detail detail, const QString& trace) {
    if (!trace.isEmpty())
        detail.context.insert(QStringLiteral("objectWriteTraceId"), QJsonArray{trace});
    return detail;
}

} // namespace

HubSpotObjectsApi::HubSpotObjectsApi(HubSpotDialect& dialect)
    : m_dialect(dialect)
    , m_store(dialect.store()) {}

void HubSpotObjectsApi::registerRoutes(SandboxRouter& router) {
    using R = HubSpotDialect::RateClass;
    const auto read = HubSpotDialect::objectScope(kObjectType, QStringLiteral("read"));
    const auto write = HubSpotDialect::objectScope(kObjectType, QStringLiteral("write"));
    const QString base = QStringLiteral("/crm/v3/objects/{objectType}");
    auto bind = [this](SandboxResponse (HubSpotObjectsApi::*fn)(SandboxRequest&)) {
        return [this, fn](SandboxRequest& request) { return (this->*fn)(request); };
    };
    m_dialect.addApiRoute(router, "GET", base, read, R::Standard, bind(&HubSpotObjectsApi::list));
    m_dialect.addApiRoute(router, "POST", base, write, R::Standard, bind(&HubSpotObjectsApi::create));
    m_dialect.addApiRoute(router, "GET", base + QStringLiteral("/{objectId}"), read, R::Standard,
                          bind(&HubSpotObjectsApi::read));
    m_dialect.addApiRoute(router, "PATCH", base + QStringLiteral("/{objectId}"), write, R::Standard,
                          bind(&HubSpotObjectsApi::update));
    m_dialect.addApiRoute(router, "DELETE", base + QStringLiteral("/{objectId}"), write, R::Standard,
                          bind(&HubSpotObjectsApi::archive));
    m_dialect.addApiRoute(router, "POST", base + QStringLiteral("/batch/create"), write, R::Standard,
                          bind(&HubSpotObjectsApi::batchCreate));
    m_dialect.addApiRoute(router, "POST", base + QStringLiteral("/batch/read"), read, R::Standard,
                          bind(&HubSpotObjectsApi::batchRead));
    m_dialect.addApiRoute(router, "POST", base + QStringLiteral("/batch/update"), write, R::Standard,
                          bind(&HubSpotObjectsApi::batchUpdate));
    m_dialect.addApiRoute(router, "POST", base + QStringLiteral("/batch/upsert"), write, R::Standard,
                          bind(&HubSpotObjectsApi::batchUpsert));
    m_dialect.addApiRoute(router, "POST", base + QStringLiteral("/batch/archive"), write, R::Standard,
                          bind(&HubSpotObjectsApi::batchArchive));
}

// --- shared validation -------------------------------------------------------------------------

Errors::Detail HubSpotObjectsApi::parseProperties(const QString& objectType, const QJsonValue& properties,
                                                  WriteMode mode, QHash<QString, QString>* values) const {
    Q_UNUSED(mode);
    values->clear();
    if (properties.isUndefined() || properties.isNull())
        return {};
    if (!properties.isObject())
        return Errors::validation(QStringLiteral("Invalid input JSON: \"properties\" must be an object of "
                                                 "property names to string values"));
    QList<PropertyValueError> errors;
    const QJsonObject object = properties.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QString value;
        if (!jsonToPropertyString(it.value(), &value))
            return Errors::validation(
                QStringLiteral("Invalid input JSON: the value of property \"%1\" must be a "
                               "string")
                    .arg(it.key()));
        const HubSpotProperty* property = m_store.property(objectType, it.key());
        if (!property) {
            errors.append({it.key(), QStringLiteral("PROPERTY_DOESNT_EXIST"),
                           QStringLiteral("Property \"%1\" does not exist").arg(it.key())});
            continue;
        }
        if (std::optional<PropertyValueError> error = Schema::normalizeValue(*property, value)) {
            errors.append(*error);
            continue;
        }
        values->insert(it.key(), value);
    }
    if (!errors.isEmpty())
        return Errors::invalidProperties(errors);
    return {};
}

Errors::Detail HubSpotObjectsApi::checkUnique(const QString& objectType,
                                              const QHash<QString, QString>& values, qint64 recordId) const {
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.value().isEmpty() || !m_store.isUniqueProperty(objectType, it.key()))
            continue;
        const HubSpotRecord* existing = m_store.findByUnique(objectType, it.key(), it.value());
        if (existing && existing->id != recordId)
            return Errors::conflict(
                QStringLiteral("%1 already exists. Existing ID: %2")
                    .arg(capitalized(ObjectTypes::singular(objectType)))
                    .arg(existing->id),
                QJsonObject{{QStringLiteral("propertyName"), QJsonArray{it.key()}},
                            {QStringLiteral("existingId"), QJsonArray{QString::number(existing->id)}}});
    }
    return {};
}

Errors::Detail HubSpotObjectsApi::parseAssociations(const QString& objectType, const QJsonValue& associations,
                                                    QList<AssociationInput>* out) const {
    out->clear();
    if (associations.isUndefined() || associations.isNull())
        return {};
    if (!associations.isArray())
        return Errors::validation(QStringLiteral("Invalid input JSON: \"associations\" must be an array"));
    for (const QJsonValue& v : associations.toArray()) {
        const QJsonObject a = v.toObject();
        bool ok = false;
        const qint64 toId = a.value(QStringLiteral("to"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toVariant()
                                .toString()
                                .toLongLong(&ok);
        const QJsonArray types = a.value(QStringLiteral("types")).toArray();
        if (!ok || types.isEmpty())
            return Errors::validation(
                QStringLiteral("Each association needs \"to\": {\"id\"} and at least one type"));
        for (const QJsonValue& t : types) {
            const QJsonObject type = t.toObject();
            const int typeId = type.value(QStringLiteral("associationTypeId")).toInt(-1);
            const QString category = type.value(QStringLiteral("associationCategory")).toString();
            QString target;
            for (const QString& other : ObjectTypes::all())
                if (HubSpotStore::associationTypeIds(objectType, other).contains(typeId))
                    target = other;
            if (target.isEmpty() || category != u"HUBSPOT_DEFINED")
                return Errors::validation(
                    QStringLiteral(
                        "%1 is not a valid association type id in category %2 for %3 (the sandbox knows "
                        "HUBSPOT_DEFINED contact-company types 279, 1, 280 and 2)")
                        .arg(typeId)
                        .arg(category.isEmpty() ? QStringLiteral("(none)") : category, objectType));
            if (!m_store.liveRecord(target, toId))
                return Errors::validation(QStringLiteral("The %1 with id %2 to associate does not exist")
                                              .arg(ObjectTypes::singular(target))
                                              .arg(toId));
            out->append(AssociationInput{target, toId, typeId});
        }
    }
    return {};
}

void HubSpotObjectsApi::applyAssociations(const QString& objectType, qint64 id,
                                          const QList<AssociationInput>& associations) {
    for (const AssociationInput& a : associations)
        m_store.associate(objectType, id, a.toObjectType, a.toId, a.typeId);
}

Errors::Detail HubSpotObjectsApi::checkIdProperty(const QString& objectType,
                                                  const QString& idProperty) const {
    if (idProperty.isEmpty() || idProperty == u"hs_object_id")
        return {};
    if (!m_store.property(objectType, idProperty))
        return Errors::validation(QStringLiteral("Property \"%1\" does not exist").arg(idProperty));
    if (!m_store.isUniqueProperty(objectType, idProperty))
        return Errors::validation(
            QStringLiteral("Unable to perform update/upsert by non-unique property: %1. Only "
                           "properties with hasUniqueValue (and contacts' email) identify "
                           "records.")
                .arg(idProperty));
    return {};
}

qint64 HubSpotObjectsApi::resolveId(const QString& objectType, const QString& id,
                                    const QString& idProperty) const {
    if (idProperty.isEmpty() || idProperty == u"hs_object_id") {
        bool ok = false;
        const qint64 n = id.trimmed().toLongLong(&ok);
        return ok && m_store.liveRecord(objectType, n) ? n : 0;
    }
    const HubSpotRecord* r = m_store.findByUnique(objectType, idProperty, id);
    return r ? r->id : 0;
}

// --- JSON shapes -------------------------------------------------------------------------------

QJsonObject HubSpotObjectsApi::recordJson(const QString& objectType, qint64 id,
                                          const QHash<QString, QString>& values, qint64 createdAtMs,
                                          qint64 updatedAtMs, bool archived, qint64 archivedAtMs,
                                          const QStringList& requested, bool allValues) const {
    QJsonObject props;
    auto put = [&](const QString& name) {
        const auto it = values.constFind(name);
        if (it != values.cend())
            props.insert(name, *it);
        else if (m_store.property(objectType, name))
            props.insert(name, QJsonValue::Null);
    };
    if (allValues) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            props.insert(it.key(), it.value());
        for (const QString& name : Schema::defaultReturnedProperties(objectType))
            put(name);
    } else {
        const QStringList names =
            requested.isEmpty() ? Schema::defaultReturnedProperties(objectType) : requested;
        for (const QString& name : names)
            put(name);
        for (const QString& name : Schema::alwaysReturnedProperties(objectType))
            put(name);
    }
    QJsonObject o{{QStringLiteral("id"), QString::number(id)},
                  {QStringLiteral("properties"), props},
                  {QStringLiteral("createdAt"), isoTimestamp(createdAtMs)},
                  {QStringLiteral("updatedAt"), isoTimestamp(updatedAtMs)},
                  {QStringLiteral("archived"), archived}};
    if (archived)
        o.insert(QStringLiteral("archivedAt"), isoTimestamp(archivedAtMs));
    return o;
}

QJsonObject HubSpotObjectsApi::recordJson(const QString& objectType, const HubSpotRecord& r,
                                          const QStringList& requested, bool allValues) const {
    return recordJson(objectType, r.id, r.properties, r.createdAtMs, r.updatedAtMs, r.archived,
                      r.archivedAtMs, requested, allValues);
}

void HubSpotObjectsApi::addHistoryAndAssociations(const QString& objectType, const HubSpotRecord& r,
                                                  const SandboxRequest& request, QJsonObject& json) const {
    const QStringList history = request.queryList(QStringLiteral("propertiesWithHistory"));
    if (!history.isEmpty()) {
        QJsonObject withHistory;
        for (const QString& name : history) {
            if (!m_store.property(objectType, name))
                continue;
            QJsonArray versions;
            for (const PropertyVersion& v : r.history.value(name))
                versions.append(QJsonObject{{QStringLiteral("value"), v.value},
                                            {QStringLiteral("timestamp"), isoTimestamp(v.timestampMs)},
                                            {QStringLiteral("sourceType"), v.sourceType},
                                            {QStringLiteral("sourceId"), QStringLiteral("sandbox")}});
            withHistory.insert(name, versions);
        }
        json.insert(QStringLiteral("propertiesWithHistory"), withHistory);
    }
    const QStringList associationTypes = request.queryList(QStringLiteral("associations"));
    if (!associationTypes.isEmpty()) {
        QJsonObject associations;
        for (const QString& name : associationTypes) {
            const QString toType = ObjectTypes::normalize(name);
            if (toType.isEmpty() || HubSpotStore::associationTypeIds(objectType, toType).isEmpty())
                continue; // "If any of the specified associations do not exist, they will be ignored."
            QJsonArray results;
            const auto targets = m_store.associations(objectType, r.id, toType);
            for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
                QList<int> typeIds = it->values();
                std::sort(typeIds.begin(), typeIds.end());
                for (int typeId : typeIds) {
                    const bool primary = !HubSpotStore::associationLabel(typeId).isEmpty();
                    const QString type = ObjectTypes::singular(objectType) + u"_to_" +
                                         ObjectTypes::singular(toType) +
                                         (primary ? QString() : QStringLiteral("_unlabeled"));
                    results.append(QJsonObject{{QStringLiteral("id"), QString::number(it.key())},
                                               {QStringLiteral("type"), type}});
                }
            }
            if (!results.isEmpty())
                associations.insert(toType, QJsonObject{{QStringLiteral("results"), results}});
        }
        if (!associations.isEmpty())
            json.insert(QStringLiteral("associations"), associations);
    }
}

QJsonObject HubSpotObjectsApi::batchBody(const QJsonArray& results, const QJsonArray& errors,
                                         qint64 startedAtMs) const {
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("COMPLETE")},
                     {QStringLiteral("results"), results},
                     {QStringLiteral("startedAt"), isoTimestamp(startedAtMs)},
                     {QStringLiteral("completedAt"), isoTimestamp(m_dialect.context().nowMs())}};
    if (!errors.isEmpty()) {
        body.insert(QStringLiteral("numErrors"), errors.size());
        body.insert(QStringLiteral("errors"), errors);
    }
    return body;
}

Errors::Detail HubSpotObjectsApi::parseBatch(const SandboxRequest& request, QJsonObject* body,
                                             QJsonArray* inputs) const {
    if (Errors::Detail e = Errors::parseJsonObject(request.body, body); e.isError())
        return e;
    const QJsonValue value = body->value(QStringLiteral("inputs"));
    if (!value.isArray())
        return Errors::validation(
            QStringLiteral("Invalid input JSON: \"inputs\" is required and must be an array"),
            QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("must not be null")},
                                   {QStringLiteral("in"), QStringLiteral("inputs")}}});
    *inputs = value.toArray();
    const int max = m_dialect.context().settings().batchMaxInputs;
    if (inputs->size() > max)
        return Errors::validation(
            QStringLiteral("Too many inputs: a batch takes at most %1 inputs, this one has %2.")
                .arg(max)
                .arg(inputs->size()),
            QJsonArray{QJsonObject{
                {QStringLiteral("message"), QStringLiteral("size must be between 0 and %1").arg(max)},
                {QStringLiteral("in"), QStringLiteral("inputs")}}});
    return {};
}

// --- single-record endpoints -------------------------------------------------------------------

SandboxResponse HubSpotObjectsApi::list(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    int limit = 10;
    if (request.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return Errors::validation(QStringLiteral("limit: must be a positive integer")).response(request);
        const int max = m_dialect.context().settings().listMaxLimit;
        if (limit > max)
            return Errors::validation(
                       QStringLiteral("limit: must be less than or equal to %1").arg(max),
                       QJsonArray{QJsonObject{{QStringLiteral("message"),
                                               QStringLiteral("must be less than or equal to %1").arg(max)},
                                              {QStringLiteral("in"), QStringLiteral("limit")}}})
                .response(request);
    }
    qint64 after = 0;
    if (request.hasQueryItem(QStringLiteral("after"))) {
        bool ok = false;
        after = request.queryValue(QStringLiteral("after")).toLongLong(&ok);
        if (!ok)
            return Errors::validation(QStringLiteral("after: not a valid paging cursor")).response(request);
    }
    const bool archived = request.queryValue(QStringLiteral("archived")) == u"true";
    const QStringList requested = request.queryList(QStringLiteral("properties"));
    const auto& records = m_store.records(type);
    QJsonArray results;
    QJsonObject body;
    for (auto it = records.lowerBound(after); it != records.cend(); ++it) {
        if (it->archived != archived)
            continue;
        if (results.size() == limit) {
            const QString next = QString::number(it.key());
            body.insert(QStringLiteral("paging"),
                        QJsonObject{{QStringLiteral("next"),
                                     QJsonObject{{QStringLiteral("after"), next},
                                                 {QStringLiteral("link"),
                                                  QString(QStringLiteral("?after=") + next)}}}});
            break;
        }
        QJsonObject json = recordJson(type, *it, requested);
        addHistoryAndAssociations(type, *it, request, json);
        results.append(json);
    }
    body.insert(QStringLiteral("results"), results);
    return SandboxResponse::json(200, body);
}

SandboxResponse HubSpotObjectsApi::create(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    QHash<QString, QString> values;
    if (Errors::Detail e =
            parseProperties(type, body.value(QStringLiteral("properties")), WriteMode::Create, &values);
        e.isError())
        return e.response(request);
    if (Errors::Detail e = checkUnique(type, values, 0); e.isError())
        return e.response(request);
    QList<AssociationInput> associations;
    if (Errors::Detail e = parseAssociations(type, body.value(QStringLiteral("associations")), &associations);
        e.isError())
        return e.response(request);
    const qint64 id = m_store.createRecord(type, values);
    applyAssociations(type, id, associations);
    return SandboxResponse::json(201, recordJson(type, *m_store.record(type, id), {}, true));
}

SandboxResponse HubSpotObjectsApi::read(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    const QString idProperty = request.queryValue(QStringLiteral("idProperty"));
    if (Errors::Detail e = checkIdProperty(type, idProperty); e.isError())
        return e.response(request);
    const QString id = request.param(QStringLiteral("objectId"));
    const bool archived = request.queryValue(QStringLiteral("archived")) == u"true";
    const HubSpotRecord* r = nullptr;
    if (archived) {
        bool ok = false;
        r = m_store.record(type, id.toLongLong(&ok));
        if (r && !r->archived)
            r = nullptr;
    } else if (const qint64 n = resolveId(type, id, idProperty)) {
        r = m_store.liveRecord(type, n);
    }
    if (!r)
        return Errors::notFound(QStringLiteral("Object not found.  objectId are usually numeric."),
                                QJsonObject{{QStringLiteral("id"), QJsonArray{id}}})
            .response(request);
    QJsonObject json = recordJson(type, *r, request.queryList(QStringLiteral("properties")));
    addHistoryAndAssociations(type, *r, request, json);
    return SandboxResponse::json(200, json);
}

SandboxResponse HubSpotObjectsApi::update(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    const QString idProperty = request.queryValue(QStringLiteral("idProperty"));
    if (Errors::Detail e = checkIdProperty(type, idProperty); e.isError())
        return e.response(request);
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    const QString id = request.param(QStringLiteral("objectId"));
    const qint64 n = resolveId(type, id, idProperty);
    if (!n)
        return Errors::notFound(QStringLiteral("Object not found.  objectId are usually numeric."),
                                QJsonObject{{QStringLiteral("id"), QJsonArray{id}}})
            .response(request);
    QHash<QString, QString> values;
    if (Errors::Detail e =
            parseProperties(type, body.value(QStringLiteral("properties")), WriteMode::Update, &values);
        e.isError())
        return e.response(request);
    if (Errors::Detail e = checkUnique(type, values, n); e.isError())
        return e.response(request);
    m_store.updateRecord(type, n, values);
    return SandboxResponse::json(200, recordJson(type, *m_store.record(type, n), {}, true));
}

SandboxResponse HubSpotObjectsApi::archive(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    bool ok = false;
    const qint64 id = request.param(QStringLiteral("objectId")).toLongLong(&ok);
    if (ok)
        m_store.archiveRecord(type, id);
    return SandboxResponse::noContent();
}

// --- batch endpoints -----------------------------------------------------------------------------

SandboxResponse HubSpotObjectsApi::batchCreate(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    QJsonArray inputs;
    if (Errors::Detail e = parseBatch(request, &body, &inputs); e.isError())
        return e.response(request);
    bool multiStatus = false;
    for (const QJsonValue& v : inputs)
        multiStatus = multiStatus || !traceId(v.toObject()).isEmpty();

    struct Prepared {
        QHash<QString, QString> values;
        QList<AssociationInput> associations;
        QString trace;
        bool ok = false;
    };
    QList<Prepared> prepared;
    QJsonArray errors;
    QHash<QString, QSet<QString>> batchUnique; // property -> values claimed earlier in this batch
    for (const QJsonValue& v : inputs) {
        const QJsonObject input = v.toObject();
        Prepared p;
        p.trace = traceId(input);
        Errors::Detail e =
            parseProperties(type, input.value(QStringLiteral("properties")), WriteMode::Create, &p.values);
        if (!e.isError())
            e = checkUnique(type, p.values, 0);
        if (!e.isError()) {
            for (auto it = p.values.cbegin(); it != p.values.cend() && !e.isError(); ++it) {
                if (!it.value().isEmpty() && m_store.isUniqueProperty(type, it.key()) &&
                    batchUnique[it.key()].contains(it.value()))
                    e = Errors::validation(
                        QStringLiteral("Duplicate values for unique property %1 in batch input: [%2]")
                            .arg(it.key(), it.value()));
            }
        }
        if (!e.isError())
            e = parseAssociations(type, input.value(QStringLiteral("associations")), &p.associations);
        if (e.isError()) {
            if (!multiStatus)
                return e.response(request);
            errors.append(withTrace(e, p.trace).batchError());
        } else {
            p.ok = true;
            for (auto it = p.values.cbegin(); it != p.values.cend(); ++it)
                if (m_store.isUniqueProperty(type, it.key()))
                    batchUnique[it.key()].insert(it.value());
        }
        prepared.append(p);
    }
    QJsonArray results;
    for (const Prepared& p : prepared) {
        if (!p.ok)
            continue;
        const qint64 id = m_store.createRecord(type, p.values);
        applyAssociations(type, id, p.associations);
        QJsonObject json = recordJson(type, *m_store.record(type, id), {}, true);
        if (!p.trace.isEmpty())
            json.insert(QStringLiteral("objectWriteTraceId"), p.trace);
        results.append(json);
    }
    return SandboxResponse::json(errors.isEmpty() ? 201 : 207, batchBody(results, errors, started));
}

SandboxResponse HubSpotObjectsApi::batchRead(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    QJsonArray inputs;
    if (Errors::Detail e = parseBatch(request, &body, &inputs); e.isError())
        return e.response(request);
    const QString idProperty = body.value(QStringLiteral("idProperty")).toString();
    if (Errors::Detail e = checkIdProperty(type, idProperty); e.isError())
        return e.response(request);
    const QStringList requested = requestedList(body.value(QStringLiteral("properties")));
    const bool archived = request.queryValue(QStringLiteral("archived")) == u"true";
    QJsonArray results;
    QStringList missing;
    QSet<qint64> seen;
    for (const QJsonValue& v : inputs) {
        const QString id = v.toObject().value(QStringLiteral("id")).toVariant().toString();
        const HubSpotRecord* r = nullptr;
        if (archived) {
            r = m_store.record(type, id.toLongLong());
            if (r && !r->archived)
                r = nullptr;
        } else if (const qint64 n = resolveId(type, id, idProperty)) {
            r = m_store.liveRecord(type, n);
        }
        if (!r) {
            missing << id;
            continue;
        }
        if (seen.contains(r->id))
            continue;
        seen.insert(r->id);
        QJsonObject json = recordJson(type, *r, requested);
        const QStringList history = requestedList(body.value(QStringLiteral("propertiesWithHistory")));
        if (!history.isEmpty()) {
            QJsonObject withHistory;
            for (const QString& name : history) {
                QJsonArray versions;
                for (const PropertyVersion& pv : r->history.value(name))
                    versions.append(QJsonObject{{QStringLiteral("value"), pv.value},
                                                {QStringLiteral("timestamp"), isoTimestamp(pv.timestampMs)},
                                                {QStringLiteral("sourceType"), pv.sourceType}});
                withHistory.insert(name, versions);
            }
            json.insert(QStringLiteral("propertiesWithHistory"), withHistory);
        }
        results.append(json);
    }
    QJsonArray errors;
    if (!missing.isEmpty())
        errors.append(Errors::objectsNotFound(type, missing).batchError());
    return SandboxResponse::json(errors.isEmpty() ? 200 : 207, batchBody(results, errors, started));
}

SandboxResponse HubSpotObjectsApi::batchUpdate(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    QJsonArray inputs;
    if (Errors::Detail e = parseBatch(request, &body, &inputs); e.isError())
        return e.response(request);
    bool multiStatus = false;
    QStringList givenIds;
    QStringList duplicates;
    for (const QJsonValue& v : inputs) {
        const QJsonObject input = v.toObject();
        multiStatus = multiStatus || !traceId(input).isEmpty();
        const QString id = input.value(QStringLiteral("id")).toVariant().toString();
        if (givenIds.contains(id) && !duplicates.contains(id))
            duplicates << id;
        givenIds << id;
        if (Errors::Detail e = checkIdProperty(type, input.value(QStringLiteral("idProperty")).toString());
            e.isError())
            return e.response(request);
    }
    if (!duplicates.isEmpty())
        return Errors::validation(
                   QStringLiteral("Duplicate IDs found in batch input: [%1]. IDs must be unique")
                       .arg(duplicates.join(QStringLiteral(", "))))
            .response(request);

    struct Prepared {
        qint64 id = 0;
        QHash<QString, QString> values;
        QString trace;
    };
    QList<Prepared> prepared;
    QJsonArray errors;
    for (const QJsonValue& v : inputs) {
        const QJsonObject input = v.toObject();
        Prepared p;
        p.trace = traceId(input);
        const QString id = input.value(QStringLiteral("id")).toVariant().toString();
        p.id = resolveId(type, id, input.value(QStringLiteral("idProperty")).toString());
        Errors::Detail e;
        if (!p.id)
            e = Errors::objectsNotFound(type, {id});
        if (!e.isError())
            e = parseProperties(type, input.value(QStringLiteral("properties")), WriteMode::Update,
                                &p.values);
        if (!e.isError())
            e = checkUnique(type, p.values, p.id);
        if (e.isError()) {
            if (!multiStatus)
                return e.response(request);
            errors.append(withTrace(e, p.trace).batchError());
            continue;
        }
        prepared.append(p);
    }
    QJsonArray results;
    for (const Prepared& p : prepared) {
        m_store.updateRecord(type, p.id, p.values);
        QJsonObject json = recordJson(type, *m_store.record(type, p.id), {}, true);
        if (!p.trace.isEmpty())
            json.insert(QStringLiteral("objectWriteTraceId"), p.trace);
        results.append(json);
    }
    return SandboxResponse::json(errors.isEmpty() ? 200 : 207, batchBody(results, errors, started));
}

SandboxResponse HubSpotObjectsApi::batchUpsert(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    QJsonArray inputs;
    if (Errors::Detail e = parseBatch(request, &body, &inputs); e.isError())
        return e.response(request);
    bool multiStatus = false;
    QStringList givenIds;
    QStringList duplicates;
    for (const QJsonValue& v : inputs) {
        const QJsonObject input = v.toObject();
        multiStatus = multiStatus || !traceId(input).isEmpty();
        const QString idProperty = input.value(QStringLiteral("idProperty")).toString();
        if (idProperty.isEmpty() || idProperty == u"hs_object_id")
            return Errors::validation(
                       QStringLiteral("Upsert needs an idProperty naming a unique property (for example "
                                      "contacts' email, or a property created with hasUniqueValue)"))
                .response(request);
        if (Errors::Detail e = checkIdProperty(type, idProperty); e.isError())
            return e.response(request);
        QString id = input.value(QStringLiteral("id")).toVariant().toString();
        if (idProperty == u"email")
            id = id.trimmed().toLower();
        if (givenIds.contains(id) && !duplicates.contains(id))
            duplicates << id;
        givenIds << id;
    }
    if (!duplicates.isEmpty())
        return Errors::validation(
                   QStringLiteral("Duplicate IDs found in batch input: [%1]. IDs must be unique")
                       .arg(duplicates.join(QStringLiteral(", "))))
            .response(request);

    struct Prepared {
        qint64 existing = 0;
        QHash<QString, QString> values;
        QString trace;
    };
    QList<Prepared> prepared;
    QJsonArray errors;
    for (const QJsonValue& v : inputs) {
        const QJsonObject input = v.toObject();
        Prepared p;
        p.trace = traceId(input);
        const QString idProperty = input.value(QStringLiteral("idProperty")).toString();
        QString id = input.value(QStringLiteral("id")).toVariant().toString();
        p.existing = resolveId(type, id, idProperty);
        Errors::Detail e = parseProperties(type, input.value(QStringLiteral("properties")),
                                           p.existing ? WriteMode::Update : WriteMode::Create, &p.values);
        if (!e.isError() && !p.existing && !p.values.contains(idProperty)) {
            // A new record gets the identifying value as its property.
            QString value = id;
            if (std::optional<PropertyValueError> ve =
                    Schema::normalizeValue(*m_store.property(type, idProperty), value))
                e = Errors::invalidProperties({*ve});
            else
                p.values.insert(idProperty, value);
        }
        if (!e.isError())
            e = checkUnique(type, p.values, p.existing);
        if (e.isError()) {
            if (!multiStatus)
                return e.response(request);
            errors.append(withTrace(e, p.trace).batchError());
            continue;
        }
        prepared.append(p);
    }
    QJsonArray results;
    for (const Prepared& p : prepared) {
        qint64 id = p.existing;
        if (id)
            m_store.updateRecord(type, id, p.values);
        else
            id = m_store.createRecord(type, p.values);
        QJsonObject json = recordJson(type, *m_store.record(type, id), {}, true);
        json.insert(QStringLiteral("new"), p.existing == 0);
        if (!p.trace.isEmpty())
            json.insert(QStringLiteral("objectWriteTraceId"), p.trace);
        results.append(json);
    }
    return SandboxResponse::json(errors.isEmpty() ? 200 : 207, batchBody(results, errors, started));
}

SandboxResponse HubSpotObjectsApi::batchArchive(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, kObjectType, &error);
    if (type.isEmpty())
        return error;
    QJsonObject body;
    QJsonArray inputs;
    if (Errors::Detail e = parseBatch(request, &body, &inputs); e.isError())
        return e.response(request);
    for (const QJsonValue& v : inputs)
        m_store.archiveRecord(type,
                              v.toObject().value(QStringLiteral("id")).toVariant().toString().toLongLong());
    return SandboxResponse::noContent();
}

} // namespace syncdesk::sandbox::hubspot
