#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"
#include "core/model/FieldDefinition.h"
#include "core/sync/LocalRecord.h"
#include "core/sync/SyncPlan.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace syncdesk {

struct RecordDiffResult {
    QList<PropertyChange> changes;
    QStringList errors; // translated, one per value that cannot be written ("Industry -> industry: ...")
};

// What one local record would write onto one CRM record under a mapping (PRODUCT.md "Mapping
// rules"), property by property in mapping order:
// - rows targeting the same property form a fallback chain: the first non-empty local value is used,
//   and the strategy of the target that supplied it decides;
// - create (no CRM record): every non-empty mapped value is written, whatever the strategy;
// - Override writes when the value differs from the CRM's (compared by type); Update if empty writes
//   only when the CRM value is empty;
// - an empty local value never clears, unless the chain's first target is Override with
//   "clear when empty";
// - value maps, type conversion and the CRM's options/length are applied; a value that cannot be
//   written is an error (the record is invalid), never sent;
// - on create, properties the CRM requires (CrmProperty::requiredOnCreate) must get a value.
// For the domain property, values that mean "no website" ("-", "n/a", ...) count as empty. Where
// the CRM's domain property holds a host name (ConnectorFacts::domainPropertyHoldsHost: HubSpot's
// `domain`), the value written is the normalised host of the local value
// ("https://www.acme.com/about" -> "acme.com", Unicode form for IDN), a value without a host counts
// as empty, and Override compares by host ("www.acme.com" and "acme.com" are the same value).
class RecordDiff {
    Q_DECLARE_TR_FUNCTIONS(RecordDiff)

public:
    RecordDiff(const Mapping& mapping, const QList<FieldDefinition>& fields,
               const QList<CrmProperty>& properties, const ConnectorFacts& facts);

    // `crm` null: the record is created.
    RecordDiffResult diff(const LocalRecord& local, const CrmRecord* crm) const;

private:
    bool isEmptyFor(const QString& property, const QString& value) const;
    bool isHostProperty(const QString& property) const;
    static QString hostValue(const QString& value);

    Mapping m_mapping;
    ConnectorFacts m_facts;
    QHash<QString, FieldDefinition> m_fields;
    QHash<QString, CrmProperty> m_properties;
    QStringList m_targetProperties;
    QList<QList<int>> m_chains;     // per target property: the rows writing it, in row order
    QStringList m_requiredOnCreate; // in schema order
};

} // namespace syncdesk
