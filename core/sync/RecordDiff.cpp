#include "core/sync/RecordDiff.h"

#include "core/domain/DomainKey.h"
#include "core/mapping/ValueConversion.h"

#include <QSet>

namespace syncdesk {

RecordDiff::RecordDiff(const Mapping& mapping, const QList<FieldDefinition>& fields,
                       const QList<CrmProperty>& properties, const ConnectorFacts& facts)
    : m_mapping(mapping)
    , m_facts(facts)
    , m_targetProperties(mapping.targetProperties()) {
    for (const QString& property : std::as_const(m_targetProperties))
        m_chains.append(mapping.rowsTargeting(property));
    for (const FieldDefinition& f : fields) {
        if (f.object == mapping.object)
            m_fields.insert(f.key, f);
    }
    for (const CrmProperty& p : properties) {
        m_properties.insert(p.name, p);
        if (p.requiredOnCreate)
            m_requiredOnCreate.append(p.name);
    }
}

bool RecordDiff::isHostProperty(const QString& property) const {
    return m_mapping.object == RecordObject::Company && m_facts.domainPropertyHoldsHost &&
           property == m_facts.domainProperty;
}

bool RecordDiff::isEmptyFor(const QString& property, const QString& value) const {
    if (ValueConversion::isEmpty(value))
        return true;
    if (m_mapping.object != RecordObject::Company || property != m_facts.domainProperty)
        return false;
    const DomainKeyResult key = DomainKey::compute(value, DomainPolicy::Host);
    // A property that holds a host name cannot take a value without one (an IP, "acme", an e-mail):
    // the next row of the chain supplies it.
    return isHostProperty(property) ? !key.hasKey() : key.reason == NoKeyReason::Empty;
}

QString RecordDiff::hostValue(const QString& value) {
    return DomainKey::compute(value, DomainPolicy::Host).displayKey;
}

RecordDiffResult RecordDiff::diff(const LocalRecord& local, const CrmRecord* crm) const {
    RecordDiffResult result;
    QSet<QString> failed; // properties whose value could not be converted
    for (qsizetype i = 0; i < m_targetProperties.size(); ++i) {
        const QString& property = m_targetProperties.at(i);
        const QList<int>& chain = m_chains.at(i);
        const auto found = m_properties.constFind(property);
        const CrmProperty* crmProperty = found != m_properties.constEnd() ? &found.value() : nullptr;

        int winner = -1;
        for (int row : chain) {
            if (!isEmptyFor(property, local.value(m_mapping.rows.at(row).fieldKey))) {
                winner = row;
                break;
            }
        }
        const QString before = crm ? crm->value(property) : QString();

        if (winner < 0) { // every local value of the chain is empty
            const MappingTarget* first = m_mapping.target(chain.constFirst(), property);
            if (crm && first->strategy == UpdateStrategy::Override && first->clearWhenEmpty &&
                !ValueConversion::isEmpty(before))
                result.changes.append({property, before, QString(), ChangeStrategy::ClearWhenEmpty,
                                       m_mapping.rows.at(chain.constFirst()).fieldKey});
            continue;
        }

        const MappingRow& row = m_mapping.rows.at(winner);
        const MappingTarget* target = m_mapping.target(winner, property);
        const auto known = m_fields.constFind(row.fieldKey);
        FieldDefinition unknown; // a field the validator reports as unknown: treated as text
        unknown.key = row.fieldKey;
        unknown.label = row.fieldKey;
        const FieldDefinition& field = known != m_fields.constEnd() ? known.value() : unknown;
        const bool hostProperty = isHostProperty(property);
        const QString localValue = local.value(row.fieldKey);
        const ConvertedValue value = ValueConversion::toCrm(hostProperty ? hostValue(localValue) : localValue,
                                                            field, *target, crmProperty);
        if (!value.ok()) {
            result.errors.append(tr("%1 -> %2: %3").arg(field.label, property, value.error));
            failed.insert(property);
            continue;
        }
        if (!crm) {
            result.changes.append({property, QString(), value.value, ChangeStrategy::Create, row.fieldKey});
        } else if (target->strategy == UpdateStrategy::Override) {
            const bool same = hostProperty
                                  ? DomainKey::key(before, DomainPolicy::Host) ==
                                        DomainKey::key(value.value, DomainPolicy::Host)
                                  : ValueConversion::sameValue(before, value.value, crmProperty, field.type);
            if (!same)
                result.changes.append(
                    {property, before, value.value, ChangeStrategy::Override, row.fieldKey});
        } else if (ValueConversion::isEmpty(before)) {
            result.changes.append(
                {property, before, value.value, ChangeStrategy::UpdateIfEmpty, row.fieldKey});
        }
    }

    if (!crm) { // properties the CRM requires on create (Salesforce Account.Name, Contact.LastName)
        for (const QString& name : m_requiredOnCreate) {
            bool written = false;
            for (const PropertyChange& c : std::as_const(result.changes))
                written = written || c.property == name;
            if (written || failed.contains(name))
                continue;
            result.errors.append(
                m_targetProperties.contains(name)
                    ? tr("%1 is required by the CRM to create a record, and this record has no "
                         "value for it.")
                          .arg(name)
                    : tr("%1 is required by the CRM to create a record; map a field onto it.").arg(name));
        }
    }
    return result;
}

} // namespace syncdesk
