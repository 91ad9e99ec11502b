#include "core/store/MappingStore.h"

#include "core/store/SqlUtil.h"
#include "core/store/Workspace.h"

#include <QSqlQuery>

namespace syncdesk {

namespace {

QString timeText(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

MappingStore::MappingStore(const Workspace& workspace)
    : m_db(workspace.database())
    , m_getMapping(
          QStringLiteral("SELECT document, updated_at FROM mappings WHERE connection_id = ? AND object = ?"))
    , m_setMapping(
          QStringLiteral("INSERT INTO mappings (connection_id, object, document, updated_at)"
                         " VALUES (?, ?, ?, ?) ON CONFLICT (connection_id, object)"
                         " DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at"))
    , m_getProperties(QStringLiteral("SELECT properties, fetched_at FROM crm_properties"
                                     " WHERE connection_id = ? AND object = ?"))
    , m_setProperties(
          QStringLiteral("INSERT INTO crm_properties (connection_id, object, properties, fetched_at)"
                         " VALUES (?, ?, ?, ?) ON CONFLICT (connection_id, object)"
                         " DO UPDATE SET properties = excluded.properties,"
                         " fetched_at = excluded.fetched_at"))
    , m_clearProperties(QStringLiteral("DELETE FROM crm_properties WHERE connection_id = ?")) {}

bool MappingStore::fail(const QString& error) {
    m_error = error;
    return false;
}

std::optional<StoredDocument> MappingStore::read(PreparedStatement& statement, qint64 connectionId,
                                                 RecordObject object) {
    m_error.clear();
    QSqlQuery* q = statement.get(m_db, &m_error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, connectionId);
    q->bindValue(1, recordObjectName(object));
    if (!q->exec()) {
        fail(sqlErrorText(q->lastError()));
        return std::nullopt;
    }
    if (!q->next())
        return std::nullopt;
    return StoredDocument{q->value(0).toString().toUtf8(), parseStoredTime(q->value(1).toString())};
}

std::optional<StoredDocument> MappingStore::mappingDocument(qint64 connectionId, RecordObject object) {
    return read(m_getMapping, connectionId, object);
}

bool MappingStore::setMappingDocument(qint64 connectionId, RecordObject object, const QByteArray& json) {
    m_error.clear();
    QSqlQuery* q = m_setMapping.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, connectionId);
    q->bindValue(1, recordObjectName(object));
    q->bindValue(2, QString::fromUtf8(json));
    q->bindValue(3, timeText(QDateTime::currentDateTimeUtc()));
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    return true;
}

std::optional<StoredDocument> MappingStore::propertiesDocument(qint64 connectionId, RecordObject object) {
    return read(m_getProperties, connectionId, object);
}

bool MappingStore::setPropertiesDocument(qint64 connectionId, RecordObject object, const QByteArray& json,
                                         const QDateTime& fetchedAt) {
    m_error.clear();
    QSqlQuery* q = m_setProperties.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, connectionId);
    q->bindValue(1, recordObjectName(object));
    q->bindValue(2, QString::fromUtf8(json));
    q->bindValue(3, timeText(fetchedAt.isValid() ? fetchedAt : QDateTime::currentDateTimeUtc()));
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    return true;
}

bool MappingStore::clearProperties(qint64 connectionId) {
    m_error.clear();
    QSqlQuery* q = m_clearProperties.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, connectionId);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    return true;
}

} // namespace syncdesk
