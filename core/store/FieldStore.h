#pragma once

#include "core/model/FieldDefinition.h"
#include "core/store/PreparedStatement.h"

#include <QSqlDatabase>

#include <optional>

namespace syncdesk {

class Workspace;

// Field definitions ("data directory") of a workspace: the built-in fields seeded when the workspace
// was created, and custom fields added by people or imports. Same threading rules as CompanyStore.
class FieldStore {
public:
    explicit FieldStore(const Workspace& workspace);

    // In display order (position, then id). Built-in fields carry the label of the current language.
    QList<FieldDefinition> list(RecordObject object);
    std::optional<FieldDefinition> find(RecordObject object, const QString& key);
    // The field whose label matches (trimmed, case-insensitive).
    std::optional<FieldDefinition> findByLabel(RecordObject object, const QString& label);

    // Adds a custom field at the end. The key is customFieldKey(label), made unique with "_2", "_3"...
    // Refuses an empty label, a label already used by a field of the same object, and a choice field
    // without choices. Returns the stored definition.
    std::optional<FieldDefinition> addCustomField(RecordObject object, const QString& label, FieldType type,
                                                  const QStringList& choices = {});
    // Changes label, type and choices of a custom field (found by object and key).
    bool updateCustomField(const FieldDefinition& field);

    QString lastError() const { return m_error; }

private:
    bool fail(const QString& error);
    bool validate(RecordObject object, const QString& label, FieldType type, const QStringList& choices,
                  const QString& ownKey);

    QSqlDatabase m_db;
    QString m_error;
    PreparedStatement m_list;
    PreparedStatement m_insert;
    PreparedStatement m_update;
};

} // namespace syncdesk
