#include "core/sandbox/hubspot/HubSpotListsApi.h"

#include "core/sandbox/hubspot/HubSpotDialect.h"

namespace syncdesk::sandbox::hubspot {

namespace {

HubSpotDialect::ScopeRule scopes(std::initializer_list<const char*> all) {
    QStringList set;
    for (const char* s : all)
        set << QLatin1String(s);
    return [set](const SandboxRequest&) { return QList<QStringList>{set}; };
}

QString objectTypeForList(const QString& objectTypeId) {
    return objectTypeId == u"0-1" || objectTypeId == u"0-2" ? ObjectTypes::normalize(objectTypeId)
                                                            : QString();
}

} // namespace

HubSpotListsApi::HubSpotListsApi(HubSpotDialect& dialect)
    : m_dialect(dialect)
    , m_store(dialect.store()) {}

void HubSpotListsApi::registerRoutes(SandboxRouter& router) {
    using R = HubSpotDialect::RateClass;
    auto bind = [this](SandboxResponse (HubSpotListsApi::*fn)(SandboxRequest&)) {
        return [this, fn](SandboxRequest& request) { return (this->*fn)(request); };
    };
    m_dialect.addApiRoute(router, "POST", QStringLiteral("/crm/v3/lists"), scopes({"crm.lists.write"}),
                          R::Standard, bind(&HubSpotListsApi::create));
    m_dialect.addApiRoute(router, "GET", QStringLiteral("/crm/v3/lists/{listId}"), scopes({"crm.lists.read"}),
                          R::Standard, bind(&HubSpotListsApi::read));
    m_dialect.addApiRoute(router, "GET",
                          QStringLiteral("/crm/v3/lists/object-type-id/{objectTypeId}/name/{listName}"),
                          scopes({"crm.lists.read"}), R::Standard, bind(&HubSpotListsApi::readByName));
    m_dialect.addApiRoute(router, "DELETE", QStringLiteral("/crm/v3/lists/{listId}"),
                          scopes({"crm.lists.read", "crm.lists.write"}), R::Standard,
                          bind(&HubSpotListsApi::remove));
    m_dialect.addApiRoute(router, "PUT", QStringLiteral("/crm/v3/lists/{listId}/memberships/add"),
                          scopes({"crm.lists.read", "crm.lists.write"}), R::Standard,
                          bind(&HubSpotListsApi::addMembers));
    m_dialect.addApiRoute(router, "PUT", QStringLiteral("/crm/v3/lists/{listId}/memberships/remove"),
                          scopes({"crm.lists.read", "crm.lists.write"}), R::Standard,
                          bind(&HubSpotListsApi::removeMembers));
    m_dialect.addApiRoute(router, "GET", QStringLiteral("/crm/v3/lists/{listId}/memberships"),
                          scopes({"crm.lists.read"}), R::Standard, bind(&HubSpotListsApi::memberships));
}

SandboxResponse HubSpotListsApi::create(SandboxRequest& request) {
    QJsonObject body;
    if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
        return e.response(request);
    HubSpotList list;
    list.name = body.value(QStringLiteral("name")).toString().trimmed();
    list.objectTypeId = body.value(QStringLiteral("objectTypeId")).toString();
    list.processingType = body.value(QStringLiteral("processingType")).toString();
    if (list.name.isEmpty())
        return Errors::validation(QStringLiteral("A list needs a name")).response(request);
    if (objectTypeForList(list.objectTypeId).isEmpty())
        return Errors::validation(
                   QStringLiteral("objectTypeId \"%1\" is not supported by the sandbox: use 0-1 "
                                  "(contacts) or 0-2 (companies)")
                       .arg(list.objectTypeId))
            .response(request);
    if (list.processingType == u"DYNAMIC")
        return Errors::validation(
                   QStringLiteral("DYNAMIC lists are not supported by the sandbox (their filters are not "
                                  "evaluated); use MANUAL or SNAPSHOT"))
            .response(request);
    if (list.processingType != u"MANUAL" && list.processingType != u"SNAPSHOT")
        return Errors::validation(QStringLiteral("processingType must be one of MANUAL, SNAPSHOT or DYNAMIC"))
            .response(request);
    for (const HubSpotList& other : m_store.lists()) {
        if (other.name.compare(list.name, Qt::CaseInsensitive) == 0) {
            Errors::Detail e =
                Errors::validation(QStringLiteral("A list with name '%1' already exists.").arg(list.name));
            e.subCategory = QStringLiteral("ILS.DUPLICATE_LIST_NAMES");
            return e.response(request);
        }
    }
    list.listId = m_store.allocateListId();
    list.createdAtMs = list.updatedAtMs = m_dialect.context().nowMs();
    m_store.lists().insert(list.listId, list);
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("list"), list.toJson()}});
}

HubSpotList* HubSpotListsApi::findList(const SandboxRequest& request, SandboxResponse* error) {
    const QString id = request.param(QStringLiteral("listId"));
    auto it = m_store.lists().find(id.toLongLong());
    if (it == m_store.lists().end()) {
        *error = Errors::notFound(QStringLiteral("List %1 does not exist.").arg(id),
                                  QJsonObject{{QStringLiteral("listId"), QJsonArray{id}}})
                     .response(request);
        return nullptr;
    }
    return &*it;
}

SandboxResponse HubSpotListsApi::read(SandboxRequest& request) {
    SandboxResponse error;
    HubSpotList* list = findList(request, &error);
    if (!list)
        return error;
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("list"), list->toJson()}});
}

SandboxResponse HubSpotListsApi::readByName(SandboxRequest& request) {
    const QString typeId = request.param(QStringLiteral("objectTypeId"));
    const QString name = request.param(QStringLiteral("listName"));
    for (const HubSpotList& list : m_store.lists())
        if (list.objectTypeId == typeId && list.name.compare(name, Qt::CaseInsensitive) == 0)
            return SandboxResponse::json(200, QJsonObject{{QStringLiteral("list"), list.toJson()}});
    return Errors::notFound(QStringLiteral("List with name %1 does not exist.").arg(name)).response(request);
}

SandboxResponse HubSpotListsApi::remove(SandboxRequest& request) {
    SandboxResponse error;
    HubSpotList* list = findList(request, &error);
    if (!list)
        return error;
    m_store.lists().remove(list->listId);
    return SandboxResponse::noContent();
}

SandboxResponse HubSpotListsApi::changeMembers(SandboxRequest& request, bool add) {
    SandboxResponse error;
    HubSpotList* list = findList(request, &error);
    if (!list)
        return error;
    QJsonArray ids;
    if (Errors::Detail e = Errors::parseJsonArray(request.body, &ids); e.isError())
        return e.response(request);
    if (ids.size() > 100000)
        return Errors::validation(QStringLiteral("At most 100000 record ids per request")).response(request);
    const QString type = objectTypeForList(list->objectTypeId);
    const qint64 now = m_dialect.context().nowMs();
    QJsonArray changed;
    QJsonArray missing;
    for (const QJsonValue& v : ids) {
        const QString idText = v.toVariant().toString();
        const qint64 id = idText.toLongLong();
        if (!m_store.liveRecord(type, id)) {
            missing.append(idText);
            continue;
        }
        if (add && !list->members.contains(id)) {
            list->members.insert(id, now);
            changed.append(idText);
        } else if (!add && list->members.remove(id)) {
            changed.append(idText);
        }
    }
    if (!changed.isEmpty()) {
        list->updatedAtMs = now;
        ++list->listVersion;
    }
    // "recordsIdsAdded" is HubSpot's own spelling.
    return SandboxResponse::json(
        200, QJsonObject{{QStringLiteral("recordsIdsAdded"), add ? changed : QJsonArray()},
                         {QStringLiteral("recordIdsRemoved"), add ? QJsonArray() : changed},
                         {QStringLiteral("recordIdsMissing"), missing}});
}

SandboxResponse HubSpotListsApi::addMembers(SandboxRequest& request) {
    return changeMembers(request, true);
}

SandboxResponse HubSpotListsApi::removeMembers(SandboxRequest& request) {
    return changeMembers(request, false);
}

SandboxResponse HubSpotListsApi::memberships(SandboxRequest& request) {
    SandboxResponse error;
    HubSpotList* list = findList(request, &error);
    if (!list)
        return error;
    int limit = 100;
    if (request.hasQueryItem(QStringLiteral("limit")))
        limit = std::clamp(request.queryValue(QStringLiteral("limit")).toInt(), 1, 250);
    const qint64 after = request.queryValue(QStringLiteral("after")).toLongLong();
    QJsonArray results;
    QJsonObject body;
    for (auto it = list->members.lowerBound(after); it != list->members.cend(); ++it) {
        if (results.size() == limit) {
            body.insert(QStringLiteral("paging"),
                        QJsonObject{{QStringLiteral("next"),
                                     QJsonObject{{QStringLiteral("after"), QString::number(it.key())},
                                                 {QStringLiteral("link"),
                                                  QStringLiteral("?after=%1").arg(it.key())}}}});
            break;
        }
        results.append(QJsonObject{{QStringLiteral("recordId"), QString::number(it.key())},
                                   {QStringLiteral("membershipTimestamp"), isoTimestamp(it.value())}});
    }
    body.insert(QStringLiteral("results"), results);
    body.insert(QStringLiteral("total"), list->members.size());
    return SandboxResponse::json(200, body);
}

} // namespace syncdesk::sandbox::hubspot
