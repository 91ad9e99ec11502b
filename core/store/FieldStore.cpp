#include "core/store/FieldStore.h"

#include "core/store/SqlUtil.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace syncdesk {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("FieldStore", text);
}

QString encodeChoices(const QStringList& choices) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(choices)).toJson(QJsonDocument::Compact));
}

QStringList decodeChoices(const QString& json) {
    QStringList choices;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& v : array)
        choices.append(v.toString());
    return choices;
}

} // namespace

FieldStore::FieldStore(const Workspace& workspace)
    : m_db(workspace.database())
    , m_list(QStringLiteral("SELECT id, key, label, type, built_in, choices, position FROM field_definitions"
                            " WHERE object = ? ORDER BY position, id"))
    , m_insert(QStringLiteral(
          "INSERT INTO field_definitions (object, key, label, type, built_in, choices,"
          " position) VALUES (?, ?, ?, ?, 0, ?,"
          " (SELECT coalesce(max(position), -1) + 1 FROM field_definitions WHERE object = ?))"))
    , m_update(QStringLiteral("UPDATE field_definitions SET label = ?, type = ?, choices = ?"
                              " WHERE object = ? AND key = ? AND built_in = 0")) {}

bool FieldStore::fail(const QString& error) {
    m_error = error;
    return false;
}

QList<FieldDefinition> FieldStore::list(RecordObject object) {
    m_error.clear();
    QList<FieldDefinition> fields;
    QSqlQuery* q = m_list.get(m_db, &m_error);
    if (!q)
        return fields;
    q->bindValue(0, recordObjectName(object));
    if (!q->exec()) {
        fail(sqlErrorText(q->lastError()));
        return fields;
    }
    const QList<FieldDefinition> builtIns = builtInFields(object);
    while (q->next()) {
        FieldDefinition f;
        f.id = q->value(0).toLongLong();
        f.object = object;
        f.key = q->value(1).toString();
        f.label = q->value(2).toString();
        f.type = parseFieldType(q->value(3).toString()).value_or(FieldType::Text);
        f.builtIn = q->value(4).toBool();
        f.choices = decodeChoices(q->value(5).toString());
        f.position = q->value(6).toInt();
        if (f.builtIn) {
            for (const FieldDefinition& b : builtIns) {
                if (b.key == f.key)
                    f.label = b.label; // translated now, whatever language seeded the workspace
            }
        }
        fields.append(f);
    }
    q->finish();
    return fields;
}

std::optional<FieldDefinition> FieldStore::find(RecordObject object, const QString& key) {
    for (const FieldDefinition& f : list(object)) {
        if (f.key == key)
            return f;
    }
    return std::nullopt;
}

std::optional<FieldDefinition> FieldStore::findByLabel(RecordObject object, const QString& label) {
    const QString wanted = label.trimmed();
    for (const FieldDefinition& f : list(object)) {
        if (f.label.compare(wanted, Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

bool FieldStore::validate(RecordObject object, const QString& label, FieldType type,
                          const QStringList& choices, const QString& ownKey) {
    if (label.trimmed().isEmpty())
        return fail(tr("A field needs a name."));
    if (type == FieldType::Choice && choices.isEmpty())
        return fail(tr("The choice field \"%1\" needs at least one choice.").arg(label.trimmed()));
    const auto existing = findByLabel(object, label);
    if (!m_error.isEmpty())
        return false;
    if (existing && existing->key != ownKey)
        return fail(tr("There is already a field named \"%1\".").arg(existing->label));
    return true;
}

std::optional<FieldDefinition> FieldStore::addCustomField(RecordObject object, const QString& label,
                                                          FieldType type, const QStringList& choices) {
    m_error.clear();
    if (!validate(object, label, type, choices, QString()))
        return std::nullopt;
    QSet<QString> usedKeys;
    for (const FieldDefinition& f : list(object))
        usedKeys.insert(f.key);
    const QString base = customFieldKey(label);
    QString key = base;
    for (int n = 2; usedKeys.contains(key); ++n)
        key = base + u'_' + QString::number(n);

    QSqlQuery* q = m_insert.get(m_db, &m_error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, recordObjectName(object));
    q->bindValue(1, key);
    q->bindValue(2, label.trimmed());
    q->bindValue(3, fieldTypeName(type));
    q->bindValue(4, encodeChoices(choices));
    q->bindValue(5, recordObjectName(object));
    if (!q->exec()) {
        fail(sqlErrorText(q->lastError()));
        return std::nullopt;
    }
    return find(object, key);
}

bool FieldStore::updateCustomField(const FieldDefinition& field) {
    m_error.clear();
    if (!validate(field.object, field.label, field.type, field.choices, field.key))
        return false;
    QSqlQuery* q = m_update.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, field.label.trimmed());
    q->bindValue(1, fieldTypeName(field.type));
    q->bindValue(2, encodeChoices(field.choices));
    q->bindValue(3, recordObjectName(field.object));
    q->bindValue(4, field.key);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    if (q->numRowsAffected() != 1)
        return fail(tr("There is no custom field \"%1\".").arg(field.key));
    return true;
}

} // namespace syncdesk
