#include "core/sandbox/hubspot/HubSpotAssociationsApi.h"

#include "core/sandbox/hubspot/HubSpotDialect.h"

namespace syncdesk::sandbox::hubspot {

namespace {

HubSpotDialect::ScopeRule associationScope(const QString& fromParam, const QString& access) {
    return HubSpotDialect::objectScope(fromParam, access);
}

qint64 idOf(const QJsonValue& v) {
    return v.toObject().value(QStringLiteral("id")).toVariant().toString().toLongLong();
}

} // namespace

HubSpotAssociationsApi::HubSpotAssociationsApi(HubSpotDialect& dialect)
    : m_dialect(dialect)
    , m_store(dialect.store()) {}

void HubSpotAssociationsApi::registerRoutes(SandboxRouter& router) {
    using R = HubSpotDialect::RateClass;
    auto bind = [this](SandboxResponse (HubSpotAssociationsApi::*fn)(SandboxRequest&)) {
        return [this, fn](SandboxRequest& request) { return (this->*fn)(request); };
    };
    const QString from = QStringLiteral("fromObjectType");
    const QString objectType = QStringLiteral("objectType");
    m_dialect.addApiRoute(router, "PUT",
                          QStringLiteral("/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/"
                                         "default/{toObjectType}/{toObjectId}"),
                          associationScope(from, QStringLiteral("write")), R::Standard,
                          bind(&HubSpotAssociationsApi::associateDefault));
    m_dialect.addApiRoute(
        router, "POST",
        QStringLiteral("/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default"),
        associationScope(from, QStringLiteral("write")), R::Standard,
        bind(&HubSpotAssociationsApi::batchAssociateDefault));
    m_dialect.addApiRoute(
        router, "PUT",
        QStringLiteral("/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}"),
        associationScope(objectType, QStringLiteral("write")), R::Standard,
        bind(&HubSpotAssociationsApi::associateLabelled));
    m_dialect.addApiRoute(
        router, "DELETE",
        QStringLiteral("/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}"),
        associationScope(objectType, QStringLiteral("write")), R::Standard,
        bind(&HubSpotAssociationsApi::remove));
    m_dialect.addApiRoute(router, "POST",
                          QStringLiteral("/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create"),
                          associationScope(from, QStringLiteral("write")), R::Standard,
                          bind(&HubSpotAssociationsApi::batchCreate));
    m_dialect.addApiRoute(
        router, "POST", QStringLiteral("/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/archive"),
        associationScope(from, QStringLiteral("write")), R::Standard,
        bind(&HubSpotAssociationsApi::batchArchive));
    m_dialect.addApiRoute(
        router, "GET", QStringLiteral("/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}"),
        associationScope(objectType, QStringLiteral("read")), R::Standard,
        bind(&HubSpotAssociationsApi::read));
    m_dialect.addApiRoute(router, "POST",
                          QStringLiteral("/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read"),
                          associationScope(from, QStringLiteral("read")), R::Standard,
                          bind(&HubSpotAssociationsApi::batchRead));
}

bool HubSpotAssociationsApi::objectPair(const SandboxRequest& request, const QString& fromParam,
                                        const QString& toParam, QString* from, QString* to,
                                        SandboxResponse* error) const {
    *from = m_dialect.objectType(request, fromParam, error);
    if (from->isEmpty())
        return false;
    *to = m_dialect.objectType(request, toParam, error);
    if (to->isEmpty())
        return false;
    if (HubSpotStore::associationTypeIds(*from, *to).isEmpty()) {
        *error = Errors::validation(
                     QStringLiteral("The sandbox associates contacts with companies only, not %1 with %2")
                         .arg(*from, *to))
                     .response(request);
        return false;
    }
    return true;
}

QJsonArray HubSpotAssociationsApi::defaultResults(const QString& from, qint64 fromId, const QString& to,
                                                  qint64 toId) const {
    const int type = HubSpotStore::associationTypeIds(from, to).front();
    auto spec = [](int typeId) {
        return QJsonObject{{QStringLiteral("associationCategory"), QStringLiteral("HUBSPOT_DEFINED")},
                           {QStringLiteral("associationTypeId"), typeId}};
    };
    return QJsonArray{
        QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), QString::number(fromId)}}},
                    {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), QString::number(toId)}}},
                    {QStringLiteral("associationSpec"), spec(type)}},
        QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), QString::number(toId)}}},
                    {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), QString::number(fromId)}}},
                    {QStringLiteral("associationSpec"), spec(HubSpotStore::inverseTypeId(type))}}};
}

QJsonArray HubSpotAssociationsApi::associationTypes(const QSet<int>& typeIds, const QString& from,
                                                    const QString& to) const {
    Q_UNUSED(from);
    Q_UNUSED(to);
    QList<int> sorted = typeIds.values();
    std::sort(sorted.begin(), sorted.end());
    QJsonArray out;
    for (int typeId : sorted) {
        const QString label = HubSpotStore::associationLabel(typeId);
        out.append(QJsonObject{
            {QStringLiteral("category"), QStringLiteral("HUBSPOT_DEFINED")},
            {QStringLiteral("typeId"), typeId},
            {QStringLiteral("label"), label.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(label)}});
    }
    return out;
}

QJsonObject HubSpotAssociationsApi::labelsBetween(const QString& from, qint64 fromId, const QString& to,
                                                  qint64 toId) const {
    QJsonArray labels;
    for (int typeId : m_store.associations(from, fromId, to).value(toId)) {
        const QString label = HubSpotStore::associationLabel(typeId);
        if (!label.isEmpty())
            labels.append(label);
    }
    return QJsonObject{{QStringLiteral("fromObjectTypeId"), ObjectTypes::typeId(from)},
                       {QStringLiteral("fromObjectId"), fromId},
                       {QStringLiteral("toObjectTypeId"), ObjectTypes::typeId(to)},
                       {QStringLiteral("toObjectId"), toId},
                       {QStringLiteral("labels"), labels}};
}

Errors::Detail HubSpotAssociationsApi::parseSpecs(const QJsonArray& specs, const QString& from,
                                                  const QString& to, QList<int>* typeIds) const {
    const QList<int> allowed = HubSpotStore::associationTypeIds(from, to);
    for (const QJsonValue& v : specs) {
        const QJsonObject spec = v.toObject();
        const int typeId = spec.value(QStringLiteral("associationTypeId")).toInt(-1);
        const QString category = spec.value(QStringLiteral("associationCategory")).toString();
        if (category != u"HUBSPOT_DEFINED" || !allowed.contains(typeId))
            return Errors::validation(
                QStringLiteral("associationTypeId %1 in category %2 is not valid from %3 to %4")
                    .arg(typeId)
                    .arg(category, from, to));
        typeIds->append(typeId);
    }
    if (typeIds->isEmpty())
        return Errors::validation(QStringLiteral("At least one association type is required"));
    return {};
}

SandboxResponse HubSpotAssociationsApi::associateDefault(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("fromObjectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    const qint64 started = m_dialect.context().nowMs();
    const QString fromIdText = request.param(QStringLiteral("fromObjectId"));
    const QString toIdText = request.param(QStringLiteral("toObjectId"));
    const qint64 fromId = fromIdText.toLongLong();
    const qint64 toId = toIdText.toLongLong();
    if (!m_store.liveRecord(from, fromId))
        return Errors::objectsNotFound(from, {fromIdText}).response(request);
    if (!m_store.liveRecord(to, toId))
        return Errors::objectsNotFound(to, {toIdText}).response(request);
    m_store.associate(from, fromId, to, toId, HubSpotStore::associationTypeIds(from, to).front());
    return SandboxResponse::json(
        200, QJsonObject{{QStringLiteral("status"), QStringLiteral("COMPLETE")},
                         {QStringLiteral("results"), defaultResults(from, fromId, to, toId)},
                         {QStringLiteral("startedAt"), isoTimestamp(started)},
                         {QStringLiteral("completedAt"), isoTimestamp(m_dialect.context().nowMs())}});
}

SandboxResponse HubSpotAssociationsApi::batchAssociateDefault(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("fromObjectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    const QJsonArray inputs = body.value(QStringLiteral("inputs")).toArray();
    const int max = m_dialect.context().settings().batchMaxInputs;
    if (inputs.size() > max)
        return Errors::validation(
                   QStringLiteral("Too many inputs: a batch takes at most %1 inputs, this one has %2.")
                       .arg(max)
                       .arg(inputs.size()))
            .response(request);
    QJsonArray results;
    QJsonArray errors;
    for (const QJsonValue& v : inputs) {
        const qint64 fromId = idOf(v.toObject().value(QStringLiteral("from")));
        const qint64 toId = idOf(v.toObject().value(QStringLiteral("to")));
        if (!m_store.liveRecord(from, fromId)) {
            errors.append(Errors::objectsNotFound(from, {QString::number(fromId)}).batchError());
            continue;
        }
        if (!m_store.liveRecord(to, toId)) {
            errors.append(Errors::objectsNotFound(to, {QString::number(toId)}).batchError());
            continue;
        }
        m_store.associate(from, fromId, to, toId, HubSpotStore::associationTypeIds(from, to).front());
        for (const QJsonValue& r : defaultResults(from, fromId, to, toId))
            results.append(r);
    }
    QJsonObject response{{QStringLiteral("status"), QStringLiteral("COMPLETE")},
                         {QStringLiteral("results"), results},
                         {QStringLiteral("startedAt"), isoTimestamp(started)},
                         {QStringLiteral("completedAt"), isoTimestamp(m_dialect.context().nowMs())}};
    if (!errors.isEmpty()) {
        response.insert(QStringLiteral("numErrors"), errors.size());
        response.insert(QStringLiteral("errors"), errors);
    }
    return SandboxResponse::json(200, response);
}

SandboxResponse HubSpotAssociationsApi::associateLabelled(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("objectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    const qint64 fromId = request.param(QStringLiteral("objectId")).toLongLong();
    const qint64 toId = request.param(QStringLiteral("toObjectId")).toLongLong();
    if (!m_store.liveRecord(from, fromId))
        return Errors::objectsNotFound(from, {request.param(QStringLiteral("objectId"))}).response(request);
    if (!m_store.liveRecord(to, toId))
        return Errors::objectsNotFound(to, {request.param(QStringLiteral("toObjectId"))}).response(request);
    QJsonArray specs;
    if (Errors::Detail e = Errors::parseJsonArray(request.body, &specs); e.isError())
        return e.response(request);
    QList<int> typeIds;
    if (Errors::Detail e = parseSpecs(specs, from, to, &typeIds); e.isError())
        return e.response(request);
    for (int typeId : typeIds)
        m_store.associate(from, fromId, to, toId, typeId);
    return SandboxResponse::json(201, labelsBetween(from, fromId, to, toId));
}

SandboxResponse HubSpotAssociationsApi::batchCreate(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("fromObjectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    const QJsonArray inputs = body.value(QStringLiteral("inputs")).toArray();
    if (inputs.size() > m_dialect.context().settings().batchMaxInputs)
        return Errors::validation(
                   QStringLiteral("Too many inputs: a batch takes at most %1 inputs, this one has %2.")
                       .arg(m_dialect.context().settings().batchMaxInputs)
                       .arg(inputs.size()))
            .response(request);
    QJsonArray results;
    QJsonArray errors;
    for (const QJsonValue& v : inputs) {
        const QJsonObject input = v.toObject();
        const qint64 fromId = idOf(input.value(QStringLiteral("from")));
        const qint64 toId = idOf(input.value(QStringLiteral("to")));
        QList<int> typeIds;
        Errors::Detail e = parseSpecs(input.value(QStringLiteral("types")).toArray(), from, to, &typeIds);
        if (!e.isError() && !m_store.liveRecord(from, fromId))
            e = Errors::objectsNotFound(from, {QString::number(fromId)});
        if (!e.isError() && !m_store.liveRecord(to, toId))
            e = Errors::objectsNotFound(to, {QString::number(toId)});
        if (e.isError()) {
            errors.append(e.batchError());
            continue;
        }
        for (int typeId : typeIds)
            m_store.associate(from, fromId, to, toId, typeId);
        results.append(labelsBetween(from, fromId, to, toId));
    }
    QJsonObject response{{QStringLiteral("status"), QStringLiteral("COMPLETE")},
                         {QStringLiteral("results"), results},
                         {QStringLiteral("startedAt"), isoTimestamp(started)},
                         {QStringLiteral("completedAt"), isoTimestamp(m_dialect.context().nowMs())}};
    if (!errors.isEmpty()) {
        response.insert(QStringLiteral("numErrors"), errors.size());
        response.insert(QStringLiteral("errors"), errors);
    }
    return SandboxResponse::json(errors.isEmpty() ? 201 : 207, response);
}

SandboxResponse HubSpotAssociationsApi::read(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("objectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    const qint64 id = request.param(QStringLiteral("objectId")).toLongLong();
    if (!m_store.liveRecord(from, id))
        return Errors::objectsNotFound(from, {request.param(QStringLiteral("objectId"))}).response(request);
    int limit = 500;
    if (request.hasQueryItem(QStringLiteral("limit")))
        limit = std::clamp(request.queryValue(QStringLiteral("limit")).toInt(), 1, 500);
    const qint64 after = request.queryValue(QStringLiteral("after")).toLongLong();
    const auto targets = m_store.associations(from, id, to);
    QJsonArray results;
    QJsonObject body;
    for (auto it = targets.lowerBound(after); it != targets.cend(); ++it) {
        if (results.size() == limit) {
            body.insert(QStringLiteral("paging"),
                        QJsonObject{{QStringLiteral("next"),
                                     QJsonObject{{QStringLiteral("after"), QString::number(it.key())},
                                                 {QStringLiteral("link"),
                                                  QStringLiteral("?after=%1").arg(it.key())}}}});
            break;
        }
        // The live API answers toObjectId as a number (the spec says string).
        results.append(QJsonObject{{QStringLiteral("toObjectId"), it.key()},
                                   {QStringLiteral("associationTypes"), associationTypes(*it, from, to)}});
    }
    body.insert(QStringLiteral("results"), results);
    return SandboxResponse::json(200, body);
}

SandboxResponse HubSpotAssociationsApi::batchRead(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("fromObjectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    const qint64 started = m_dialect.context().nowMs();
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    const QJsonArray inputs = body.value(QStringLiteral("inputs")).toArray();
    if (inputs.size() > 1000)
        return Errors::validation(QStringLiteral("Too many inputs: at most 1000 per association batch read"))
            .response(request);
    QJsonArray results;
    QJsonArray errors;
    for (const QJsonValue& v : inputs) {
        const QString idText = v.toObject().value(QStringLiteral("id")).toVariant().toString();
        const qint64 id = idText.toLongLong();
        const auto targets =
            m_store.liveRecord(from, id) ? m_store.associations(from, id, to) : QMap<qint64, QSet<int>>();
        if (targets.isEmpty()) {
            Errors::Detail e =
                Errors::notFound(QStringLiteral("No %1 is associated with %2 %3.")
                                     .arg(ObjectTypes::singular(to), ObjectTypes::singular(from), idText),
                                 QJsonObject{{QStringLiteral("fromObjectId"), QJsonArray{idText}}});
            e.subCategory = QStringLiteral("crm.associations.NO_ASSOCIATIONS_FOUND");
            errors.append(e.batchError());
            continue;
        }
        QJsonArray toArray;
        for (auto it = targets.cbegin(); it != targets.cend(); ++it)
            toArray.append(
                QJsonObject{{QStringLiteral("toObjectId"), it.key()},
                            {QStringLiteral("associationTypes"), associationTypes(*it, from, to)}});
        results.append(QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), idText}}},
                                   {QStringLiteral("to"), toArray}});
    }
    QJsonObject response{{QStringLiteral("status"), QStringLiteral("COMPLETE")},
                         {QStringLiteral("results"), results},
                         {QStringLiteral("startedAt"), isoTimestamp(started)},
                         {QStringLiteral("completedAt"), isoTimestamp(m_dialect.context().nowMs())}};
    if (!errors.isEmpty()) {
        response.insert(QStringLiteral("numErrors"), errors.size());
        response.insert(QStringLiteral("errors"), errors);
    }
    return SandboxResponse::json(errors.isEmpty() ? 200 : 207, response);
}

SandboxResponse HubSpotAssociationsApi::remove(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("objectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    m_store.removeAssociations(from, request.param(QStringLiteral("objectId")).toLongLong(), to,
                               request.param(QStringLiteral("toObjectId")).toLongLong());
    return SandboxResponse::noContent();
}

SandboxResponse HubSpotAssociationsApi::batchArchive(SandboxRequest& request) {
    QString from, to;
    SandboxResponse error;
    if (!objectPair(request, QStringLiteral("fromObjectType"), QStringLiteral("toObjectType"), &from, &to,
                    &error))
        return error;
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    for (const QJsonValue& v : body.value(QStringLiteral("inputs")).toArray()) {
        const qint64 fromId = idOf(v.toObject().value(QStringLiteral("from")));
        for (const QJsonValue& t : v.toObject().value(QStringLiteral("to")).toArray())
            m_store.removeAssociations(from, fromId, to, idOf(t));
    }
    return SandboxResponse::noContent();
}

} // namespace syncdesk::sandbox::hubspot
