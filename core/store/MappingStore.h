#pragma once

// Per connection and object: the mapping (stored as its MappingJson document, docs/mapping.md) and
// the cached CRM property list (with the time it was fetched).
//
// Link note (as ConnectionStore.h): the store's own code handles documents as bytes; the typed
// helpers at the end are inline so that only their callers link core/mapping and core/connectors.

#include "core/connectors/CrmPropertyJson.h"
#include "core/connectors/CrmTypes.h"
#include "core/mapping/MappingJson.h"
#include "core/model/FieldDefinition.h"
#include "core/store/PreparedStatement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace syncdesk {

class Workspace;

struct StoredDocument {
    QByteArray json;
    QDateTime at; // mappings: last saved; properties: fetched_at (UTC)
};

class MappingStore {
    Q_DECLARE_TR_FUNCTIONS(MappingStore)

public:
    explicit MappingStore(const Workspace& workspace);

    // ---- Mappings -------------------------------------------------------------------------------
    // nullopt when the connection has no mapping for the object (or on error: see lastError()).
    std::optional<StoredDocument> mappingDocument(qint64 connectionId, RecordObject object);
    // Creates or replaces. The document is stored as given (callers pass MappingJson::toBytes()).
    bool setMappingDocument(qint64 connectionId, RecordObject object, const QByteArray& json);

    // ---- Cached CRM property lists ----------------------------------------------------------------
    std::optional<StoredDocument> propertiesDocument(qint64 connectionId, RecordObject object);
    bool setPropertiesDocument(qint64 connectionId, RecordObject object, const QByteArray& json,
                               const QDateTime& fetchedAt);
    bool clearProperties(qint64 connectionId); // both objects

    QString lastError() const { return m_error; }

    // ---- Typed helpers (inline: see the link note above) --------------------------------------
    // The stored mapping; nullopt when there is none or it cannot be read (*error says why).
    std::optional<Mapping> mapping(qint64 connectionId, RecordObject object, QString* error = nullptr) {
        const std::optional<StoredDocument> doc = mappingDocument(connectionId, object);
        if (!doc) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        const MappingImport read = MappingJson::fromBytes(doc->json, object);
        if (!read.ok() && error) {
            QStringList problems;
            for (const MappingJsonError& e : read.errors)
                problems.append(e.toString());
            *error = tr("The stored mapping cannot be read: %1").arg(problems.join(QStringLiteral("; ")));
        }
        return read.mapping;
    }
    bool setMapping(qint64 connectionId, const Mapping& mapping, CrmKind crm) {
        return setMappingDocument(connectionId, mapping.object, MappingJson::toBytes(mapping, crm));
    }
    struct CachedProperties {
        QList<CrmProperty> properties;
        QDateTime fetchedAt;
    };
    std::optional<CachedProperties> properties(qint64 connectionId, RecordObject object) {
        const std::optional<StoredDocument> doc = propertiesDocument(connectionId, object);
        if (!doc)
            return std::nullopt;
        std::optional<QList<CrmProperty>> list = crmPropertiesFromJson(doc->json);
        if (!list)
            return std::nullopt; // unreadable cache: treat as missing
        return CachedProperties{*list, doc->at};
    }
    bool setProperties(qint64 connectionId, RecordObject object, const QList<CrmProperty>& properties,
                       const QDateTime& fetchedAt) {
        return setPropertiesDocument(connectionId, object, crmPropertiesToJson(properties), fetchedAt);
    }

private:
    bool fail(const QString& error);
    std::optional<StoredDocument> read(PreparedStatement& statement, qint64 connectionId,
                                       RecordObject object);

    QSqlDatabase m_db;
    QString m_error;
    PreparedStatement m_getMapping;
    PreparedStatement m_setMapping;
    PreparedStatement m_getProperties;
    PreparedStatement m_setProperties;
    PreparedStatement m_clearProperties;
};

} // namespace syncdesk
