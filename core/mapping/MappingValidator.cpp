#include "core/mapping/MappingValidator.h"

#include "core/mapping/ValueConversion.h"

#include <QHash>

namespace syncdesk {

QString mappingProblemCodeName(MappingProblem::Code code) {
    using C = MappingProblem::Code;
    switch (code) {
    case C::UnknownField:
        return QStringLiteral("unknown_field");
    case C::NoTargets:
        return QStringLiteral("no_targets");
    case C::UnknownProperty:
        return QStringLiteral("unknown_property");
    case C::ReadOnlyProperty:
        return QStringLiteral("read_only_property");
    case C::TypeMismatch:
        return QStringLiteral("type_mismatch");
    case C::ValueMapRequired:
        return QStringLiteral("value_map_required");
    case C::ValueMapUnknownOption:
        return QStringLiteral("value_map_unknown_option");
    case C::ValueMapIncomplete:
        return QStringLiteral("value_map_incomplete");
    case C::ValueMapNotApplicable:
        return QStringLiteral("value_map_not_applicable");
    case C::ValueMapEmptyEntry:
        return QStringLiteral("value_map_empty_entry");
    case C::DuplicateTarget:
        return QStringLiteral("duplicate_target");
    case C::ConflictingStrategies:
        return QStringLiteral("conflicting_strategies");
    case C::ClearNeedsOverride:
        return QStringLiteral("clear_needs_override");
    case C::NoMatchKey:
        return QStringLiteral("no_match_key");
    }
    return QString();
}

namespace {

// A two-option enumeration whose option values are literally true and false (HubSpot's
// booleancheckbox enumerations): a boolean fits it without a value map.
bool isTrueFalsePair(const CrmProperty& p) {
    if (p.options.size() != 2)
        return false;
    const QString a = p.options.at(0).value.toLower();
    const QString b = p.options.at(1).value.toLower();
    return (a == u"true" && b == u"false") || (a == u"false" && b == u"true");
}

QString describeType(const CrmProperty& p) {
    return p.fieldType.isEmpty() ? crmPropertyTypeName(p.type)
                                 : crmPropertyTypeName(p.type) + QStringLiteral(" (") + p.fieldType + u')';
}

} // namespace

bool MappingValidator::typeFits(FieldType type, const CrmProperty& p) {
    switch (type) {
    case FieldType::Text:
    case FieldType::Url:
    case FieldType::Email:
        return p.type == CrmPropertyType::String;
    case FieldType::Number:
        return p.type == CrmPropertyType::Number;
    case FieldType::Date:
        return p.type == CrmPropertyType::Date || p.type == CrmPropertyType::DateTime;
    case FieldType::Boolean:
        return p.type == CrmPropertyType::Bool ||
               (p.type == CrmPropertyType::Enumeration && p.options.size() == 2);
    case FieldType::Choice:
        return p.type == CrmPropertyType::Enumeration || p.type == CrmPropertyType::String;
    }
    return false;
}

bool MappingValidator::hasErrors(const QList<MappingProblem>& problems) {
    for (const MappingProblem& p : problems) {
        if (p.isError())
            return true;
    }
    return false;
}

QList<MappingProblem> MappingValidator::validate(const Mapping& mapping,
                                                 const QList<FieldDefinition>& localFields,
                                                 const QList<CrmProperty>& crmProperties,
                                                 const ConnectorFacts& facts) {
    using Code = MappingProblem::Code;
    QList<MappingProblem> problems;
    const auto add = [&problems](Code code, int row, int target, const QString& property,
                                 const QString& message,
                                 MappingProblem::Severity severity = MappingProblem::Severity::Error) {
        problems.append({code, severity, row, target, property, message});
    };

    QHash<QString, const FieldDefinition*> fields;
    for (const FieldDefinition& f : localFields) {
        if (f.object == mapping.object)
            fields.insert(f.key, &f);
    }
    QHash<QString, const CrmProperty*> properties;
    for (const CrmProperty& p : crmProperties)
        properties.insert(p.name, &p);

    for (int r = 0; r < mapping.rows.size(); ++r) {
        const MappingRow& row = mapping.rows.at(r);
        const FieldDefinition* field = fields.value(row.fieldKey);
        const QString label = field ? field->label : row.fieldKey;
        if (!field)
            add(Code::UnknownField, r, -1, QString(),
                tr("The local field \"%1\" does not exist.").arg(row.fieldKey));
        if (row.targets.isEmpty())
            add(Code::NoTargets, r, -1, QString(), tr("%1 is not mapped onto any CRM property.").arg(label));

        for (int t = 0; t < row.targets.size(); ++t) {
            const MappingTarget& target = row.targets.at(t);
            const QString& name = target.property;
            for (int earlier = 0; earlier < t; ++earlier) {
                if (row.targets.at(earlier).property == name) {
                    add(Code::DuplicateTarget, r, t, name, tr("%1 targets %2 twice.").arg(label, name));
                    break;
                }
            }
            if (target.clearWhenEmpty && target.strategy != UpdateStrategy::Override)
                add(Code::ClearNeedsOverride, r, t, name,
                    tr("%1 -> %2: \"clear when empty\" needs the Override strategy.").arg(label, name));

            const CrmProperty* property = properties.value(name);
            if (!property) {
                add(Code::UnknownProperty, r, t, name,
                    name.isEmpty()
                        ? tr("%1: a target has no CRM property.").arg(label)
                        : tr("The CRM has no property \"%1\" (refresh the CRM fields?).").arg(name));
                continue;
            }
            if (!property->isWritable()) {
                add(Code::ReadOnlyProperty, r, t, name,
                    property->calculated ? tr("%1 is calculated by the CRM and cannot be written.").arg(name)
                                         : tr("%1 is read-only in the CRM.").arg(name));
                continue;
            }

            for (auto it = target.valueMap.constBegin(); it != target.valueMap.constEnd(); ++it) {
                if (it.key().trimmed().isEmpty() || it.value().trimmed().isEmpty())
                    add(Code::ValueMapEmptyEntry, r, t, name,
                        tr("%1 -> %2: the value map has an entry with an empty value.").arg(label, name));
            }
            if (!field)
                continue;

            if (!typeFits(field->type, *property)) {
                const QString hint = property->type == CrmPropertyType::Enumeration
                                         ? tr(" Enumerations take a choice field with a value map.")
                                         : QString();
                add(Code::TypeMismatch, r, t, name,
                    tr("%1 (%2) does not fit %3, a %4 property.")
                            .arg(label, fieldTypeName(field->type), name, describeType(*property)) +
                        hint);
                continue;
            }

            switch (property->type) {
            case CrmPropertyType::Number:
            case CrmPropertyType::Date:
            case CrmPropertyType::DateTime:
            case CrmPropertyType::Bool:
                if (!target.valueMap.isEmpty())
                    add(Code::ValueMapNotApplicable, r, t, name,
                        tr("%1 -> %2: a value map only applies to choice and text properties.")
                            .arg(label, name));
                break;
            case CrmPropertyType::Enumeration: {
                if (target.valueMap.isEmpty()) {
                    if (!(field->type == FieldType::Boolean && isTrueFalsePair(*property)))
                        add(Code::ValueMapRequired, r, t, name,
                            tr("%1 -> %2: give a value map from the local values to the CRM's options.")
                                .arg(label, name));
                    break;
                }
                for (auto it = target.valueMap.constBegin(); it != target.valueMap.constEnd(); ++it) {
                    const QStringList values =
                        property->multiValued ? it.value().split(u';') : QStringList{it.value()};
                    for (const QString& v : values) {
                        if (!v.trimmed().isEmpty() && !property->hasOption(v.trimmed()))
                            add(Code::ValueMapUnknownOption, r, t, name,
                                tr("%1 -> %2: \"%3\" (for \"%4\") is not one of the CRM's options.")
                                    .arg(label, name, v.trimmed(), it.key()));
                    }
                }
                if (field->type == FieldType::Boolean) {
                    bool hasTrue = false;
                    bool hasFalse = false;
                    for (const QString& k : target.valueMap.keys()) {
                        const std::optional<bool> b = ValueConversion::parseBool(k);
                        hasTrue = hasTrue || (b && *b);
                        hasFalse = hasFalse || (b && !*b);
                    }
                    if (!hasTrue || !hasFalse)
                        add(Code::ValueMapIncomplete, r, t, name,
                            tr("%1 -> %2: the value map needs an option for both yes and no.")
                                .arg(label, name));
                } else {
                    QStringList missing;
                    for (const QString& choice : field->choices) {
                        bool found = false;
                        for (const QString& k : target.valueMap.keys())
                            found = found || k.compare(choice, Qt::CaseInsensitive) == 0;
                        if (!found)
                            missing.append(choice);
                    }
                    if (!missing.isEmpty())
                        add(Code::ValueMapIncomplete, r, t, name,
                            tr("%1 -> %2: no value map entry for %3; records with these values will not be "
                               "written.")
                                .arg(label, name, missing.join(QStringLiteral(", "))),
                            MappingProblem::Severity::Warning);
                }
                break;
            }
            case CrmPropertyType::String:
            case CrmPropertyType::Reference:
            case CrmPropertyType::Other:
                break;
            }
        }
    }

    // Fallback chains: every row writing one property must agree on how it is written.
    for (const QString& property : mapping.targetProperties()) {
        const QList<int> chain = mapping.rowsTargeting(property);
        const MappingTarget* first = mapping.target(chain.constFirst(), property);
        for (int i = 1; i < chain.size(); ++i) {
            const int r = chain.at(i);
            const MappingTarget* t = mapping.target(r, property);
            if (t->strategy != first->strategy || t->clearWhenEmpty != first->clearWhenEmpty) {
                int targetIndex = int(mapping.rows.at(r).targets.indexOf(*t));
                add(Code::ConflictingStrategies, r, targetIndex, property,
                    tr("Rows %1 and %2 both write %3 with different update strategies; a fallback chain "
                       "needs "
                       "one strategy.")
                        .arg(chain.constFirst() + 1)
                        .arg(r + 1)
                        .arg(property));
            }
        }
    }

    if (mapping.matchKeyRow(facts) < 0) {
        const QString property = facts.matchProperty(mapping.object);
        add(Code::NoMatchKey, -1, -1, property,
            mapping.object == RecordObject::Company
                ? tr("No row writes %1: companies are matched on it, so map the Website (or Domain) field "
                     "onto it.")
                      .arg(property)
                : tr("No row writes %1: contacts are matched on it, so map the Email field onto it.")
                      .arg(property));
    }
    return problems;
}

} // namespace syncdesk
