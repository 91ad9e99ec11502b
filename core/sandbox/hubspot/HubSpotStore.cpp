#include "core/sandbox/hubspot/HubSpotStore.h"

#include <QJsonArray>

namespace syncdesk::sandbox::hubspot {

namespace {

constexpr int kContactToCompany = 279;
constexpr int kCompanyToContact = 280;
constexpr int kContactToCompanyPrimary = 1;
constexpr int kCompanyToContactPrimary = 2;

QString stateTime(qint64 ms) {
    return isoTimestamp(ms);
}

qint64 stateTimeMs(const QJsonValue& v) {
    if (v.isDouble())
        return v.toInteger();
    return parseTimestamp(v.toString()).value_or(0);
}

} // namespace

QJsonObject HubSpotList::toJson(bool withSize) const {
    QJsonObject o{{QStringLiteral("listId"), QString::number(listId)},
                  {QStringLiteral("listVersion"), listVersion},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("objectTypeId"), objectTypeId},
                  {QStringLiteral("processingType"), processingType},
                  {QStringLiteral("processingStatus"), QStringLiteral("COMPLETE")},
                  {QStringLiteral("createdAt"), isoTimestamp(createdAtMs)},
                  {QStringLiteral("updatedAt"), isoTimestamp(updatedAtMs)},
                  {QStringLiteral("filtersUpdatedAt"), isoTimestamp(createdAtMs)},
                  {QStringLiteral("createdById"), QStringLiteral("1")},
                  {QStringLiteral("updatedById"), QStringLiteral("1")}};
    if (withSize)
        o.insert(QStringLiteral("size"), members.size());
    return o;
}

HubSpotStore::HubSpotStore(SandboxContext& context)
    : m_context(context) {
    clear();
}

HubSpotStore::ObjectTable& HubSpotStore::table(const QString& objectType) {
    return objectType == ObjectTypes::companies ? m_companies : m_contacts;
}

const HubSpotStore::ObjectTable& HubSpotStore::table(const QString& objectType) const {
    return objectType == ObjectTypes::companies ? m_companies : m_contacts;
}

// --- properties ------------------------------------------------------------------------------

QList<HubSpotProperty> HubSpotStore::properties(const QString& objectType, bool archived) const {
    QList<HubSpotProperty> out;
    if (!archived)
        out = Schema::builtinProperties(objectType);
    for (const HubSpotProperty& p : table(objectType).customProperties)
        if (p.archived == archived)
            out.append(p);
    return out;
}

const HubSpotProperty* HubSpotStore::property(const QString& objectType, const QString& name) const {
    static const QList<HubSpotProperty> companies = Schema::builtinProperties(ObjectTypes::companies);
    static const QList<HubSpotProperty> contacts = Schema::builtinProperties(ObjectTypes::contacts);
    const QList<HubSpotProperty>& builtins = objectType == ObjectTypes::companies ? companies : contacts;
    for (const HubSpotProperty& p : builtins)
        if (p.name == name)
            return &p;
    const auto& custom = table(objectType).customProperties;
    const auto it = custom.constFind(name);
    if (it != custom.cend() && !it->archived)
        return &*it;
    return nullptr;
}

bool HubSpotStore::isCustomProperty(const QString& objectType, const QString& name) const {
    return table(objectType).customProperties.contains(name);
}

void HubSpotStore::putCustomProperty(const QString& objectType, const HubSpotProperty& property) {
    ObjectTable& t = table(objectType);
    const bool becameUnique = property.hasUniqueValue && !t.uniqueIndex.contains(property.name);
    t.customProperties.insert(property.name, property);
    if (becameUnique) {
        QHash<QString, qint64>& values = t.uniqueIndex[property.name];
        for (const HubSpotRecord& r : t.records)
            if (!r.archived && r.properties.contains(property.name))
                values.insert(r.properties.value(property.name), r.id);
    }
    if (property.archived)
        t.uniqueIndex.remove(property.name);
}

int HubSpotStore::customUniquePropertyCount(const QString& objectType) const {
    int n = 0;
    for (const HubSpotProperty& p : table(objectType).customProperties)
        if (p.hasUniqueValue && !p.archived)
            ++n;
    return n;
}

bool HubSpotStore::isUniqueProperty(const QString& objectType, const QString& name) const {
    if (objectType == ObjectTypes::contacts && name == u"email")
        return true;
    const HubSpotProperty* p = property(objectType, name);
    return p && p->hasUniqueValue;
}

QList<HubSpotPropertyGroup> HubSpotStore::groups(const QString& objectType) const {
    return Schema::builtinGroups(objectType);
}

// --- records ---------------------------------------------------------------------------------

const QMap<qint64, HubSpotRecord>& HubSpotStore::records(const QString& objectType) const {
    return table(objectType).records;
}

const HubSpotRecord* HubSpotStore::record(const QString& objectType, qint64 id) const {
    const auto& records = table(objectType).records;
    const auto it = records.constFind(id);
    return it == records.cend() ? nullptr : &*it;
}

const HubSpotRecord* HubSpotStore::liveRecord(const QString& objectType, qint64 id) const {
    const HubSpotRecord* r = record(objectType, id);
    return r && !r->archived ? r : nullptr;
}

const HubSpotRecord* HubSpotStore::findByUnique(const QString& objectType, const QString& property,
                                                const QString& value) const {
    const ObjectTable& t = table(objectType);
    const QString key =
        property == u"email" && objectType == ObjectTypes::contacts ? value.trimmed().toLower() : value;
    const auto values = t.uniqueIndex.constFind(property);
    if (values == t.uniqueIndex.cend())
        return nullptr;
    const auto id = values->constFind(key);
    if (id == values->cend())
        return nullptr;
    return liveRecord(objectType, *id);
}

void HubSpotStore::indexUniqueValues(const QString& objectType, const HubSpotRecord& record, bool add) {
    ObjectTable& t = table(objectType);
    for (auto it = t.uniqueIndex.begin(); it != t.uniqueIndex.end(); ++it) {
        const QString value = record.properties.value(it.key());
        if (value.isEmpty())
            continue;
        if (add)
            it->insert(value, record.id);
        else if (it->value(value) == record.id)
            it->remove(value);
    }
}

qint64 HubSpotStore::createRecord(const QString& objectType, const QHash<QString, QString>& values,
                                  const QString& sourceType) {
    const qint64 now = m_context.nowMs();
    HubSpotRecord r;
    r.id = m_nextId++;
    r.createdAtMs = now;
    r.updatedAtMs = now;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (!it.value().isEmpty())
            r.properties.insert(it.key(), it.value());
    r.properties.insert(QStringLiteral("hs_object_id"), QString::number(r.id));
    r.properties.insert(QStringLiteral("createdate"), isoTimestamp(now));
    r.properties.insert(QStringLiteral("hs_lastmodifieddate"), isoTimestamp(now));
    if (objectType == ObjectTypes::contacts)
        r.properties.insert(QStringLiteral("lastmodifieddate"), isoTimestamp(now));
    if (objectType == ObjectTypes::companies)
        r.properties.insert(QStringLiteral("num_associated_contacts"), QStringLiteral("0"));
    for (auto it = r.properties.cbegin(); it != r.properties.cend(); ++it)
        r.history[it.key()].prepend(PropertyVersion{it.value(), now, sourceType});
    ObjectTable& t = table(objectType);
    t.records.insert(r.id, r);
    indexUniqueValues(objectType, r, true);
    scheduleIndexUpdate(objectType, r);
    return r.id;
}

bool HubSpotStore::updateRecord(const QString& objectType, qint64 id, const QHash<QString, QString>& values,
                                const QString& sourceType) {
    ObjectTable& t = table(objectType);
    auto it = t.records.find(id);
    if (it == t.records.end())
        return false;
    HubSpotRecord& r = *it;
    const qint64 now = m_context.nowMs();
    indexUniqueValues(objectType, r, false);
    bool changed = false;
    for (auto v = values.cbegin(); v != values.cend(); ++v) {
        const QString old = r.properties.value(v.key());
        if (old == v.value())
            continue;
        changed = true;
        if (v.value().isEmpty())
            r.properties.remove(v.key());
        else
            r.properties.insert(v.key(), v.value());
        r.history[v.key()].prepend(PropertyVersion{v.value(), now, sourceType});
    }
    if (changed) {
        r.updatedAtMs = now;
        r.properties.insert(QStringLiteral("hs_lastmodifieddate"), isoTimestamp(now));
        if (objectType == ObjectTypes::contacts)
            r.properties.insert(QStringLiteral("lastmodifieddate"), isoTimestamp(now));
    }
    indexUniqueValues(objectType, r, true);
    if (changed)
        scheduleIndexUpdate(objectType, r);
    return changed;
}

bool HubSpotStore::archiveRecord(const QString& objectType, qint64 id) {
    ObjectTable& t = table(objectType);
    auto it = t.records.find(id);
    if (it == t.records.end() || it->archived)
        return false;
    indexUniqueValues(objectType, *it, false);
    it->archived = true;
    it->archivedAtMs = m_context.nowMs();
    scheduleIndexUpdate(objectType, *it);
    // Associated records' counts change; the associations themselves are kept (HubSpot restores
    // them when a record is restored) but no longer reported.
    for (const QString& other : ObjectTypes::all()) {
        const auto targets = m_associations.value(associationKey(objectType, id, other));
        for (auto target = targets.cbegin(); target != targets.cend(); ++target)
            refreshAssociationCount(other, target.key());
    }
    return true;
}

int HubSpotStore::liveCount(const QString& objectType) const {
    int n = 0;
    for (const HubSpotRecord& r : table(objectType).records)
        if (!r.archived)
            ++n;
    return n;
}

// --- associations ----------------------------------------------------------------------------

QString HubSpotStore::associationKey(const QString& fromType, qint64 fromId, const QString& toType) {
    return fromType + u':' + QString::number(fromId) + u'>' + toType;
}

int HubSpotStore::inverseTypeId(int typeId) {
    switch (typeId) {
    case kContactToCompany:
        return kCompanyToContact;
    case kCompanyToContact:
        return kContactToCompany;
    case kContactToCompanyPrimary:
        return kCompanyToContactPrimary;
    case kCompanyToContactPrimary:
        return kContactToCompanyPrimary;
    default:
        return typeId;
    }
}

QList<int> HubSpotStore::associationTypeIds(const QString& fromType, const QString& toType) {
    if (fromType == ObjectTypes::contacts && toType == ObjectTypes::companies)
        return {kContactToCompany, kContactToCompanyPrimary};
    if (fromType == ObjectTypes::companies && toType == ObjectTypes::contacts)
        return {kCompanyToContact, kCompanyToContactPrimary};
    return {};
}

QString HubSpotStore::associationLabel(int typeId) {
    return typeId == kContactToCompanyPrimary || typeId == kCompanyToContactPrimary
               ? QStringLiteral("Primary")
               : QString();
}

void HubSpotStore::associate(const QString& fromType, qint64 fromId, const QString& toType, qint64 toId,
                             int typeId) {
    if (typeId == kContactToCompanyPrimary && fromType == ObjectTypes::contacts) {
        // A contact has one primary company: moving it removes the old one.
        auto& mine = m_associations[associationKey(fromType, fromId, toType)];
        for (auto it = mine.begin(); it != mine.end(); ++it) {
            if (it.key() != toId && it->remove(kContactToCompanyPrimary))
                m_associations[associationKey(toType, it.key(), fromType)][fromId].remove(
                    kCompanyToContactPrimary);
        }
    }
    m_associations[associationKey(fromType, fromId, toType)][toId].insert(typeId);
    m_associations[associationKey(toType, toId, fromType)][fromId].insert(inverseTypeId(typeId));
    // Every labelled association also carries the unlabelled one.
    const QList<int> types = associationTypeIds(fromType, toType);
    if (!types.isEmpty() && typeId != types.front()) {
        m_associations[associationKey(fromType, fromId, toType)][toId].insert(types.front());
        m_associations[associationKey(toType, toId, fromType)][fromId].insert(inverseTypeId(types.front()));
    }
    refreshAssociationCount(fromType, fromId);
    refreshAssociationCount(toType, toId);
}

void HubSpotStore::removeAssociations(const QString& fromType, qint64 fromId, const QString& toType,
                                      qint64 toId) {
    m_associations[associationKey(fromType, fromId, toType)].remove(toId);
    m_associations[associationKey(toType, toId, fromType)].remove(fromId);
    refreshAssociationCount(fromType, fromId);
    refreshAssociationCount(toType, toId);
}

QMap<qint64, QSet<int>> HubSpotStore::associations(const QString& fromType, qint64 fromId,
                                                   const QString& toType) const {
    QMap<qint64, QSet<int>> out;
    const auto all = m_associations.value(associationKey(fromType, fromId, toType));
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        if (!it->isEmpty() && liveRecord(toType, it.key()))
            out.insert(it.key(), *it);
    return out;
}

void HubSpotStore::refreshAssociationCount(const QString& objectType, qint64 id) {
    if (objectType != ObjectTypes::companies)
        return;
    ObjectTable& t = table(objectType);
    auto it = t.records.find(id);
    if (it == t.records.end())
        return;
    const QString count = QString::number(associations(objectType, id, ObjectTypes::contacts).size());
    if (it->properties.value(QStringLiteral("num_associated_contacts")) == count)
        return;
    it->properties.insert(QStringLiteral("num_associated_contacts"), count);
    scheduleIndexUpdate(objectType, *it);
}

// --- search index ----------------------------------------------------------------------------

void HubSpotStore::scheduleIndexUpdate(const QString& objectType, const HubSpotRecord& record) {
    const SandboxSettings& s = m_context.settings();
    qint64 lag = s.indexLagMinMs;
    if (s.indexLagMaxMs > s.indexLagMinMs)
        lag += m_context.random().bounded(s.indexLagMaxMs - s.indexLagMinMs + 1);
    PendingIndexUpdate update;
    update.objectType = objectType;
    update.id = record.id;
    update.seq = m_nextSeq++;
    update.remove = record.archived;
    update.snapshot = IndexedRecord{record.id, record.properties, record.createdAtMs, record.updatedAtMs};
    if (lag <= 0)
        applyIndexUpdate(update);
    else
        m_pending.emplace(m_context.nowMs() + lag, std::move(update));
}

void HubSpotStore::applyIndexUpdate(const PendingIndexUpdate& update) {
    ObjectTable& t = table(update.objectType);
    if (t.indexedSeq.value(update.id, 0) > update.seq)
        return;
    t.indexedSeq.insert(update.id, update.seq);
    if (update.remove)
        t.index.remove(update.id);
    else
        t.index.insert(update.id, update.snapshot);
}

const QMap<qint64, IndexedRecord>& HubSpotStore::searchIndex(const QString& objectType) {
    const qint64 now = m_context.nowMs();
    while (!m_pending.empty() && m_pending.begin()->first <= now) {
        applyIndexUpdate(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
    }
    return table(objectType).index;
}

void HubSpotStore::flushSearchIndex() {
    for (const auto& [visibleAt, update] : m_pending)
        applyIndexUpdate(update);
    m_pending.clear();
}

// --- whole state -----------------------------------------------------------------------------

void HubSpotStore::clear() {
    m_companies = ObjectTable();
    m_contacts = ObjectTable();
    m_associations.clear();
    m_lists.clear();
    m_pending.clear();
    m_nextId = 1001;
    m_nextListId = 1;
    m_contacts.uniqueIndex.insert(QStringLiteral("email"), {});
}

QJsonObject HubSpotStore::toJson() const {
    QJsonObject objects;
    QJsonObject properties;
    for (const QString& type : ObjectTypes::all()) {
        QJsonArray records;
        for (const HubSpotRecord& r : table(type).records) {
            QJsonObject props;
            for (auto it = r.properties.cbegin(); it != r.properties.cend(); ++it)
                props.insert(it.key(), it.value());
            QJsonObject o{{QStringLiteral("id"), QString::number(r.id)},
                          {QStringLiteral("properties"), props},
                          {QStringLiteral("createdAt"), stateTime(r.createdAtMs)},
                          {QStringLiteral("updatedAt"), stateTime(r.updatedAtMs)},
                          {QStringLiteral("archived"), r.archived}};
            if (r.archived)
                o.insert(QStringLiteral("archivedAt"), stateTime(r.archivedAtMs));
            records.append(o);
        }
        objects.insert(type, records);
        QJsonArray custom;
        for (const HubSpotProperty& p : table(type).customProperties)
            custom.append(p.toStateJson());
        properties.insert(type, custom);
    }
    QJsonArray associations;
    for (auto it = m_associations.cbegin(); it != m_associations.cend(); ++it) {
        // key: fromType:fromId>toType; only contacts->companies is stored (the inverse is implied).
        const qsizetype colon = it.key().indexOf(u':');
        const qsizetype arrow = it.key().indexOf(u'>');
        const QString fromType = it.key().left(colon);
        if (fromType != ObjectTypes::contacts)
            continue;
        const QString fromId = it.key().mid(colon + 1, arrow - colon - 1);
        const QString toType = it.key().mid(arrow + 1);
        for (auto target = it->cbegin(); target != it->cend(); ++target) {
            if (target->isEmpty())
                continue;
            QJsonArray types;
            QList<int> sorted = target->values();
            std::sort(sorted.begin(), sorted.end());
            for (int t : sorted)
                types.append(t);
            associations.append(QJsonObject{{QStringLiteral("fromObjectType"), fromType},
                                            {QStringLiteral("fromId"), fromId},
                                            {QStringLiteral("toObjectType"), toType},
                                            {QStringLiteral("toId"), QString::number(target.key())},
                                            {QStringLiteral("typeIds"), types}});
        }
    }
    QJsonArray lists;
    for (const HubSpotList& l : m_lists) {
        QJsonObject o = l.toJson(false);
        QJsonArray members;
        for (auto it = l.members.cbegin(); it != l.members.cend(); ++it)
            members.append(QJsonObject{{QStringLiteral("recordId"), QString::number(it.key())},
                                       {QStringLiteral("addedAt"), stateTime(it.value())}});
        o.insert(QStringLiteral("members"), members);
        lists.append(o);
    }
    return QJsonObject{
        {QStringLiteral("nextId"), m_nextId},           {QStringLiteral("nextListId"), m_nextListId},
        {QStringLiteral("objects"), objects},           {QStringLiteral("properties"), properties},
        {QStringLiteral("associations"), associations}, {QStringLiteral("lists"), lists}};
}

bool HubSpotStore::fromJson(const QJsonObject& state, QString* error) {
    clear();
    qint64 maxId = 1000;
    const QJsonObject properties = state.value(QStringLiteral("properties")).toObject();
    const QJsonObject objects = state.value(QStringLiteral("objects")).toObject();
    for (const QString& type : ObjectTypes::all()) {
        ObjectTable& t = table(type);
        for (const QJsonValue& v : properties.value(type).toArray())
            putCustomProperty(type, HubSpotProperty::fromStateJson(v.toObject()));
        for (const QJsonValue& v : objects.value(type).toArray()) {
            const QJsonObject o = v.toObject();
            HubSpotRecord r;
            bool ok = false;
            r.id = o.value(QStringLiteral("id")).toString().toLongLong(&ok);
            if (!ok || r.id <= 0) {
                if (error)
                    *error = QStringLiteral("state: %1 record without a numeric id").arg(type);
                return false;
            }
            const QJsonObject props = o.value(QStringLiteral("properties")).toObject();
            for (auto it = props.begin(); it != props.end(); ++it)
                if (!it.value().toString().isEmpty())
                    r.properties.insert(it.key(), it.value().toString());
            r.createdAtMs = stateTimeMs(o.value(QStringLiteral("createdAt")));
            r.updatedAtMs = stateTimeMs(o.value(QStringLiteral("updatedAt")));
            r.archived = o.value(QStringLiteral("archived")).toBool();
            r.archivedAtMs = stateTimeMs(o.value(QStringLiteral("archivedAt")));
            for (auto it = r.properties.cbegin(); it != r.properties.cend(); ++it)
                r.history[it.key()].prepend(
                    PropertyVersion{it.value(), r.updatedAtMs, QStringLiteral("IMPORT")});
            t.records.insert(r.id, r);
            maxId = std::max(maxId, r.id);
        }
        for (const HubSpotRecord& r : t.records)
            if (!r.archived)
                indexUniqueValues(type, r, true);
    }
    for (const QJsonValue& v : state.value(QStringLiteral("associations")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString fromType = ObjectTypes::normalize(o.value(QStringLiteral("fromObjectType")).toString());
        const QString toType = ObjectTypes::normalize(o.value(QStringLiteral("toObjectType")).toString());
        const qint64 fromId = o.value(QStringLiteral("fromId")).toString().toLongLong();
        const qint64 toId = o.value(QStringLiteral("toId")).toString().toLongLong();
        if (fromType.isEmpty() || toType.isEmpty() || !record(fromType, fromId) || !record(toType, toId))
            continue;
        for (const QJsonValue& typeId : o.value(QStringLiteral("typeIds")).toArray())
            associate(fromType, fromId, toType, toId, typeId.toInt());
    }
    qint64 maxList = 0;
    for (const QJsonValue& v : state.value(QStringLiteral("lists")).toArray()) {
        const QJsonObject o = v.toObject();
        HubSpotList l;
        l.listId = o.value(QStringLiteral("listId")).toString().toLongLong();
        l.name = o.value(QStringLiteral("name")).toString();
        l.objectTypeId = o.value(QStringLiteral("objectTypeId")).toString();
        l.processingType = o.value(QStringLiteral("processingType")).toString();
        l.listVersion = o.value(QStringLiteral("listVersion")).toInt(1);
        l.createdAtMs = stateTimeMs(o.value(QStringLiteral("createdAt")));
        l.updatedAtMs = stateTimeMs(o.value(QStringLiteral("updatedAt")));
        for (const QJsonValue& m : o.value(QStringLiteral("members")).toArray())
            l.members.insert(m.toObject().value(QStringLiteral("recordId")).toString().toLongLong(),
                             stateTimeMs(m.toObject().value(QStringLiteral("addedAt"))));
        m_lists.insert(l.listId, l);
        maxList = std::max(maxList, l.listId);
    }
    m_nextId = std::max<qint64>(state.value(QStringLiteral("nextId")).toInteger(0), maxId + 1);
    m_nextListId = std::max<qint64>(state.value(QStringLiteral("nextListId")).toInteger(0), maxList + 1);
    // A loaded state is searchable at once.
    for (const QString& type : ObjectTypes::all()) {
        ObjectTable& t = table(type);
        for (const HubSpotRecord& r : t.records)
            if (!r.archived)
                t.index.insert(r.id, IndexedRecord{r.id, r.properties, r.createdAtMs, r.updatedAtMs});
    }
    m_pending.clear();
    return true;
}

} // namespace syncdesk::sandbox::hubspot
