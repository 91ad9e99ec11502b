#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/model/FieldDefinition.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk {

// PRODUCT.md "Mapping rules".
enum class UpdateStrategy {
    Override,      // write when the local value is non-empty and differs from the CRM's
    UpdateIfEmpty, // write only when the CRM value is empty
};

QString updateStrategyName(UpdateStrategy strategy); // "override" / "update_if_empty"
std::optional<UpdateStrategy> parseUpdateStrategy(const QString& name);
QString updateStrategyLabel(UpdateStrategy strategy); // "Override" / "Update if empty" (translated)

// One CRM property a row writes, with its own strategy.
struct MappingTarget {
    QString property; // CRM API name
    UpdateStrategy strategy = UpdateStrategy::Override;
    bool clearWhenEmpty = false; // Override only: an empty local value clears the CRM value
    // Local value -> CRM option value. Needed to write a choice field into an enumeration/picklist;
    // also allowed onto text properties (renames values). Keys are matched exactly, then ignoring case.
    QMap<QString, QString> valueMap;

    bool operator==(const MappingTarget&) const = default;
};

// One local field mapped onto one or more CRM properties.
struct MappingRow {
    QString fieldKey; // FieldDefinition::key ("website", a custom field's slug)
    QList<MappingTarget> targets;

    bool writes(const QString& property) const; // true when one of the targets writes `property`
    bool operator==(const MappingRow&) const = default;
};

// Per connection and object: the ordered rows. Row order matters twice: the first row targeting
// the CRM's domain property supplies the company match key, and rows targeting the same property
// form a fallback chain (the first non-empty local value is written).
struct Mapping {
    RecordObject object = RecordObject::Company;
    QList<MappingRow> rows;

    // Indices of the rows with a target writing `property`, in row order (a fallback chain).
    QList<int> rowsTargeting(const QString& property) const;
    // The match-key row: the first row targeting the connector's match property (companies: domain /
    // Website; contacts: email / Email). -1 when none.
    int matchKeyRow(const ConnectorFacts& facts) const;
    // Every property written by some row, each once, in order of first appearance.
    QStringList targetProperties() const;
    // The first target of `row` writing `property`, or nullptr.
    const MappingTarget* target(int row, const QString& property) const;

    bool operator==(const Mapping&) const = default;

    // PRODUCT.md default for a new connection: the built-in fields onto the CRM's standard
    // properties (choice fields such as Industry stay unmapped until given a value map).
    static Mapping defaultMapping(CrmKind kind, RecordObject object);
};

// The strategy a new target on `property` starts with: Update if empty for the CRM's name and
// domain/website properties (companies), Override for everything else.
UpdateStrategy defaultStrategy(const ConnectorFacts& facts, RecordObject object, const QString& property);
MappingTarget defaultTarget(const ConnectorFacts& facts, RecordObject object, const QString& property);

} // namespace syncdesk
