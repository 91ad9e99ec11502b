#include "core/mapping/MappingJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace syncdesk {

namespace {
const QString kFormat = QStringLiteral("syncdesk-mapping");

QString objectPluralName(RecordObject object) {
    return object == RecordObject::Company ? QStringLiteral("companies") : QStringLiteral("contacts");
}
} // namespace

QString MappingJsonError::toString() const {
    if (line > 0)
        return MappingJson::tr("line %1, column %2: %3").arg(line).arg(column).arg(message);
    if (row >= 0 && target >= 0)
        return MappingJson::tr("row %1, target %2: %3").arg(row + 1).arg(target + 1).arg(message);
    if (row >= 0)
        return MappingJson::tr("row %1: %2").arg(row + 1).arg(message);
    return message;
}

QJsonObject MappingJson::toJson(const Mapping& mapping, std::optional<CrmKind> crm) {
    QJsonObject doc;
    doc.insert(QStringLiteral("format"), kFormat);
    doc.insert(QStringLiteral("version"), Version);
    if (crm)
        doc.insert(QStringLiteral("crm"), crmKindName(*crm));
    doc.insert(QStringLiteral("object"), objectPluralName(mapping.object));
    QJsonArray rows;
    for (const MappingRow& row : mapping.rows) {
        QJsonArray targets;
        for (const MappingTarget& t : row.targets) {
            QJsonObject target;
            target.insert(QStringLiteral("property"), t.property);
            target.insert(QStringLiteral("strategy"), updateStrategyName(t.strategy));
            target.insert(QStringLiteral("clear_when_empty"), t.clearWhenEmpty);
            if (!t.valueMap.isEmpty()) {
                QJsonObject map;
                for (auto it = t.valueMap.constBegin(); it != t.valueMap.constEnd(); ++it)
                    map.insert(it.key(), it.value());
                target.insert(QStringLiteral("value_map"), map);
            }
            targets.append(target);
        }
        rows.append(
            QJsonObject{{QStringLiteral("field"), row.fieldKey}, {QStringLiteral("targets"), targets}});
    }
    doc.insert(QStringLiteral("rows"), rows);
    return doc;
}

QByteArray MappingJson::toBytes(const Mapping& mapping, std::optional<CrmKind> crm) {
    return QJsonDocument(toJson(mapping, crm)).toJson(QJsonDocument::Indented);
}

MappingImport MappingJson::fromBytes(const QByteArray& json, std::optional<RecordObject> expectedObject) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        MappingJsonError e;
        e.line = 1;
        e.column = 1;
        const qsizetype end = qMin<qsizetype>(parseError.offset, json.size());
        for (qsizetype i = 0; i < end; ++i) {
            if (json.at(i) == '\n') {
                ++e.line;
                e.column = 1;
            } else {
                ++e.column;
            }
        }
        e.message = tr("not valid JSON (%1)").arg(parseError.errorString());
        MappingImport result;
        result.errors.append(e);
        return result;
    }
    if (!doc.isObject()) {
        MappingImport result;
        result.errors.append({0, 0, -1, -1, tr("the document is not a JSON object")});
        return result;
    }
    return fromJson(doc.object(), expectedObject);
}

MappingImport MappingJson::fromJson(const QJsonObject& json, std::optional<RecordObject> expectedObject) {
    MappingImport result;
    const auto fail = [&result](int row, int target, const QString& message) {
        result.errors.append({0, 0, row, target, message});
    };

    if (json.value(QStringLiteral("format")).toString() != kFormat)
        fail(-1, -1, tr("this is not a SyncDesk mapping (\"format\" must be \"%1\")").arg(kFormat));
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        fail(-1, -1, tr("\"version\" must be a whole number"));
    else if (version.toInt() > Version)
        fail(-1, -1,
             tr("the mapping was written by a newer SyncDesk (format version %1; this one reads up to %2)")
                 .arg(version.toInt())
                 .arg(Version));

    if (json.contains(QStringLiteral("crm"))) {
        result.crm = parseCrmKind(json.value(QStringLiteral("crm")).toString());
        if (!result.crm)
            fail(-1, -1,
                 tr("unknown \"crm\" \"%1\" (hubspot, salesforce or sandbox)")
                     .arg(json.value(QStringLiteral("crm")).toString()));
    }

    Mapping mapping;
    const std::optional<RecordObject> object =
        parseRecordObject(json.value(QStringLiteral("object")).toString());
    if (!object)
        fail(-1, -1, tr("\"object\" must be \"companies\" or \"contacts\""));
    else if (expectedObject && *object != *expectedObject)
        fail(-1, -1,
             tr("this mapping is for %1, not %2")
                 .arg(objectPluralName(*object), objectPluralName(*expectedObject)));
    else
        mapping.object = *object;

    const QJsonValue rowsValue = json.value(QStringLiteral("rows"));
    if (!rowsValue.isArray())
        fail(-1, -1, tr("\"rows\" must be a list"));
    const QJsonArray rows = rowsValue.toArray();
    for (int r = 0; r < rows.size(); ++r) {
        if (!rows.at(r).isObject()) {
            fail(r, -1, tr("a row must be an object"));
            continue;
        }
        const QJsonObject rowObject = rows.at(r).toObject();
        MappingRow row;
        row.fieldKey = rowObject.value(QStringLiteral("field")).toString().trimmed();
        if (row.fieldKey.isEmpty())
            fail(r, -1, tr("\"field\" is missing"));
        const QJsonValue targetsValue = rowObject.value(QStringLiteral("targets"));
        if (!targetsValue.isArray() || targetsValue.toArray().isEmpty()) {
            fail(r, -1, tr("\"targets\" must be a list of at least one target"));
            continue;
        }
        const QJsonArray targets = targetsValue.toArray();
        for (int t = 0; t < targets.size(); ++t) {
            if (!targets.at(t).isObject()) {
                fail(r, t, tr("a target must be an object"));
                continue;
            }
            const QJsonObject to = targets.at(t).toObject();
            MappingTarget target;
            target.property = to.value(QStringLiteral("property")).toString().trimmed();
            if (target.property.isEmpty())
                fail(r, t, tr("\"property\" is missing"));
            const QString strategy = to.value(QStringLiteral("strategy")).toString();
            if (const std::optional<UpdateStrategy> s = parseUpdateStrategy(strategy))
                target.strategy = *s;
            else
                fail(r, t, tr("unknown \"strategy\" \"%1\" (override or update_if_empty)").arg(strategy));
            const QJsonValue clear = to.value(QStringLiteral("clear_when_empty"));
            if (!clear.isUndefined() && !clear.isBool())
                fail(r, t, tr("\"clear_when_empty\" must be true or false"));
            target.clearWhenEmpty = clear.toBool(false);
            const QJsonValue map = to.value(QStringLiteral("value_map"));
            if (!map.isUndefined() && !map.isObject()) {
                fail(r, t, tr("\"value_map\" must be an object of local value to CRM value"));
            } else {
                const QJsonObject mo = map.toObject();
                for (auto it = mo.constBegin(); it != mo.constEnd(); ++it) {
                    if (!it.value().isString())
                        fail(r, t, tr("the value map entry for \"%1\" must be a text").arg(it.key()));
                    else
                        target.valueMap.insert(it.key(), it.value().toString());
                }
            }
            row.targets.append(target);
        }
        mapping.rows.append(row);
    }

    if (result.errors.isEmpty())
        result.mapping = mapping;
    return result;
}

} // namespace syncdesk
