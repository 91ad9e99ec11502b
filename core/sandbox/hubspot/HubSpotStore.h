// The HubSpot account's data: companies and contacts, custom property definitions, associations,
// lists, and the search index that trails the records by a configurable lag. Everything here is
// plain state; HTTP-level rules (validation messages, batching, paging) live in the *Api classes.
#pragma once

#include "core/sandbox/SandboxDialect.h"
#include "core/sandbox/hubspot/HubSpotSchema.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <map>

namespace syncdesk::sandbox::hubspot {

struct PropertyVersion {
    QString value;
    qint64 timestampMs = 0;
    QString sourceType; // API, CRM_UI, IMPORT...
};

struct HubSpotRecord {
    qint64 id = 0;
    QHash<QString, QString> properties; // only non-empty values
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    bool archived = false;
    qint64 archivedAtMs = 0;
    QHash<QString, QList<PropertyVersion>> history; // newest first
};

// What search sees of a record: a snapshot taken when the write happened, visible after the lag.
struct IndexedRecord {
    qint64 id = 0;
    QHash<QString, QString> properties;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct HubSpotList {
    qint64 listId = 0;
    QString name;
    QString objectTypeId;   // "0-1" contacts, "0-2" companies
    QString processingType; // MANUAL, SNAPSHOT
    int listVersion = 1;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QMap<qint64, qint64> members; // record id -> time added

    QJsonObject toJson(bool withSize = true) const;
};

class HubSpotStore {
public:
    explicit HubSpotStore(SandboxContext& context);

    // --- properties -------------------------------------------------------------------------
    QList<HubSpotProperty> properties(const QString& objectType, bool archived = false) const;
    const HubSpotProperty* property(const QString& objectType, const QString& name) const;
    bool isCustomProperty(const QString& objectType, const QString& name) const;
    void putCustomProperty(const QString& objectType, const HubSpotProperty& property);
    int customUniquePropertyCount(const QString& objectType) const;
    // Values of this property identify a record: contacts' email, or hasUniqueValue.
    bool isUniqueProperty(const QString& objectType, const QString& name) const;
    QList<HubSpotPropertyGroup> groups(const QString& objectType) const;

    // --- records ----------------------------------------------------------------------------
    const QMap<qint64, HubSpotRecord>& records(const QString& objectType) const;
    const HubSpotRecord* record(const QString& objectType, qint64 id) const; // live or archived
    const HubSpotRecord* liveRecord(const QString& objectType, qint64 id) const;
    // A live record whose unique property has this value.
    const HubSpotRecord* findByUnique(const QString& objectType, const QString& property,
                                      const QString& value) const;
    // Values must already be validated and normalised. Returns the new id.
    qint64 createRecord(const QString& objectType, const QHash<QString, QString>& values,
                        const QString& sourceType = QStringLiteral("API"));
    // Empty values clear. Returns true when something changed.
    bool updateRecord(const QString& objectType, qint64 id, const QHash<QString, QString>& values,
                      const QString& sourceType = QStringLiteral("API"));
    bool archiveRecord(const QString& objectType, qint64 id);
    int liveCount(const QString& objectType) const;

    // --- associations -----------------------------------------------------------------------
    // Adds `typeId` from (fromType, fromId) to (toType, toId) and the inverse type the other way.
    void associate(const QString& fromType, qint64 fromId, const QString& toType, qint64 toId, int typeId);
    void removeAssociations(const QString& fromType, qint64 fromId, const QString& toType, qint64 toId);
    // toId -> type ids, for live targets only.
    QMap<qint64, QSet<int>> associations(const QString& fromType, qint64 fromId, const QString& toType) const;
    static int inverseTypeId(int typeId);
    // HubSpot-defined type ids valid from `fromType` to `toType` (first: the default).
    static QList<int> associationTypeIds(const QString& fromType, const QString& toType);
    static QString associationLabel(int typeId); // "Primary" or empty

    // --- lists --------------------------------------------------------------------------------
    QMap<qint64, HubSpotList>& lists() { return m_lists; }
    const QMap<qint64, HubSpotList>& lists() const { return m_lists; }
    qint64 allocateListId() { return m_nextListId++; }

    // --- search index ---------------------------------------------------------------------------
    // Applies every pending index update whose time has come, then returns the index.
    const QMap<qint64, IndexedRecord>& searchIndex(const QString& objectType);
    void flushSearchIndex();
    int pendingIndexUpdates() const { return static_cast<int>(m_pending.size()); }

    // --- whole state ----------------------------------------------------------------------------
    void clear();
    QJsonObject toJson() const;
    bool fromJson(const QJsonObject& state, QString* error);

private:
    struct ObjectTable {
        QMap<qint64, HubSpotRecord> records;
        QMap<QString, HubSpotProperty> customProperties;
        QHash<QString, QHash<QString, qint64>> uniqueIndex; // property -> value -> id (live records)
        QMap<qint64, IndexedRecord> index;
        QHash<qint64, qint64> indexedSeq; // id -> seq of the snapshot in `index`
    };
    struct PendingIndexUpdate {
        QString objectType;
        qint64 id = 0;
        qint64 seq = 0;
        bool remove = false;
        IndexedRecord snapshot;
    };

    ObjectTable& table(const QString& objectType);
    const ObjectTable& table(const QString& objectType) const;
    void indexUniqueValues(const QString& objectType, const HubSpotRecord& record, bool add);
    void scheduleIndexUpdate(const QString& objectType, const HubSpotRecord& record);
    void applyIndexUpdate(const PendingIndexUpdate& update);
    void refreshAssociationCount(const QString& objectType, qint64 id);
    static QString associationKey(const QString& fromType, qint64 fromId, const QString& toType);

    SandboxContext& m_context;
    ObjectTable m_companies;
    ObjectTable m_contacts;
    QHash<QString, QMap<qint64, QSet<int>>> m_associations;
    QMap<qint64, HubSpotList> m_lists;
    std::multimap<qint64, PendingIndexUpdate> m_pending; // visible-at -> update
    qint64 m_nextId = 1001;
    qint64 m_nextListId = 1;
    qint64 m_nextSeq = 1;
};

} // namespace syncdesk::sandbox::hubspot
