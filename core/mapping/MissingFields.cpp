#include "core/mapping/MissingFields.h"

#include <QHash>

namespace syncdesk {

namespace {

// The key's words: runs of ASCII letters and digits ("linkedin_url" -> linkedin, url).
QStringList keyWords(const QString& key) {
    QStringList words;
    QString current;
    for (const QChar c : key) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            current.append(c.toLower());
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.append(current);
    if (words.isEmpty())
        words.append(QStringLiteral("field"));
    return words;
}

} // namespace

QString MissingFields::propertyName(const FieldDefinition& field, CrmKind kind) {
    const QStringList words = keyWords(field.key);
    if (usesHubSpotDialect(kind))
        return QStringLiteral("syncdesk_") + words.join(u'_');

    QString camel;
    for (const QString& w : words)
        camel += w.left(1).toUpper() + w.mid(1);
    if (!camel.at(0).isLetter())
        camel.prepend(u'F');
    static const QString suffix = QStringLiteral("_SyncDesk");
    return camel.left(40 - int(suffix.size())) + suffix + QStringLiteral("__c");
}

CrmProperty MissingFields::propertyDefinition(const FieldDefinition& field, CrmKind kind) {
    const bool hubSpot = usesHubSpotDialect(kind);
    CrmProperty p;
    p.name = propertyName(field, kind);
    p.label = tr("%1 (SyncDesk)").arg(field.label);
    p.description = tr("Written by SyncDesk from the local field \"%1\".").arg(field.label);
    switch (field.type) {
    case FieldType::Text:
        p.type = CrmPropertyType::String;
        p.fieldType = hubSpot ? QStringLiteral("text") : QStringLiteral("string");
        break;
    case FieldType::Url:
        p.type = CrmPropertyType::String;
        p.fieldType = hubSpot ? QStringLiteral("text") : QStringLiteral("url");
        break;
    case FieldType::Email:
        p.type = CrmPropertyType::String;
        p.fieldType = hubSpot ? QStringLiteral("text") : QStringLiteral("email");
        break;
    case FieldType::Number:
        p.type = CrmPropertyType::Number;
        p.fieldType = hubSpot ? QStringLiteral("number") : QStringLiteral("double");
        break;
    case FieldType::Date:
        p.type = CrmPropertyType::Date;
        p.fieldType = QStringLiteral("date");
        break;
    case FieldType::Boolean:
        p.type = CrmPropertyType::Bool;
        p.fieldType = hubSpot ? QStringLiteral("booleancheckbox") : QStringLiteral("boolean");
        if (hubSpot) // HubSpot's bool properties carry their two options
            p.options = {{QStringLiteral("true"), tr("Yes")}, {QStringLiteral("false"), tr("No")}};
        break;
    case FieldType::Choice:
        p.type = CrmPropertyType::Enumeration;
        p.fieldType = hubSpot ? QStringLiteral("select") : QStringLiteral("picklist");
        for (const QString& choice : field.choices)
            p.options.append({choice, choice});
        break;
    }
    if (!hubSpot && p.type == CrmPropertyType::String)
        p.maxLength = 255;
    return p;
}

QList<MissingFieldPlan> MissingFields::plan(const QList<FieldDefinition>& chosen, CrmKind kind,
                                            const QList<CrmProperty>& existing) {
    QHash<QString, const CrmProperty*> byName;
    for (const CrmProperty& p : existing)
        byName.insert(p.name, &p);

    QList<MissingFieldPlan> plans;
    for (const FieldDefinition& field : chosen) {
        MissingFieldPlan plan;
        plan.fieldKey = field.key;
        plan.property = propertyDefinition(field, kind);
        if (const CrmProperty* found = byName.value(plan.property.name)) {
            plan.alreadyExists = true;
            plan.property = *found;
        }
        plan.target.property = plan.property.name;
        plan.target.strategy = UpdateStrategy::Override;
        if (field.type == FieldType::Choice && plan.property.type == CrmPropertyType::Enumeration) {
            for (const QString& choice : field.choices) {
                if (plan.property.hasOption(choice))
                    plan.target.valueMap.insert(choice, choice);
            }
        }
        plans.append(plan);
    }
    return plans;
}

Mapping MissingFields::addToMapping(const Mapping& mapping, const QList<MissingFieldPlan>& plans) {
    Mapping out = mapping;
    for (const MissingFieldPlan& plan : plans) {
        MappingRow* row = nullptr;
        for (MappingRow& r : out.rows) {
            if (r.fieldKey == plan.fieldKey) {
                row = &r;
                break;
            }
        }
        if (!row) {
            out.rows.append(MappingRow{plan.fieldKey, {}});
            row = &out.rows.last();
        }
        if (!row->writes(plan.target.property))
            row->targets.append(plan.target);
    }
    return out;
}

CrmProperty MissingFields::uniqueIdPropertyDefinition(const ConnectorFacts& facts) {
    CrmProperty p;
    p.name = facts.uniqueIdProperty;
    p.label = tr("SyncDesk ID");
    p.description =
        tr("Set by SyncDesk when it creates a record, so that a retried create never makes a second one.");
    p.type = CrmPropertyType::String;
    p.fieldType = usesHubSpotDialect(facts.kind) ? QStringLiteral("text") : QStringLiteral("string");
    p.unique = true;
    p.readOnly = false;
    if (!usesHubSpotDialect(facts.kind))
        p.maxLength = 64;
    return p;
}

} // namespace syncdesk
