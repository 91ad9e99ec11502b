#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"
#include "core/model/FieldDefinition.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace syncdesk {

// One thing wrong with a mapping, located so that an editor can show it next to the row/target.
struct MappingProblem {
    enum class Code {
        UnknownField,          // the row's local field does not exist (any more)
        NoTargets,             // a row that writes nothing
        UnknownProperty,       // the CRM has no such property (refresh CRM fields?)
        ReadOnlyProperty,      // read-only or calculated CRM property
        TypeMismatch,          // local type does not fit the CRM property's type
        ValueMapRequired,      // a choice (or non true/false boolean) onto an enumeration without a value map
        ValueMapUnknownOption, // a value map entry whose CRM value is not one of the property's options
        ValueMapIncomplete,    // a boolean's value map misses "true" or "false"; a choice value without entry
                               // (warning)
        ValueMapNotApplicable, // a value map on a number/date/bool property
        ValueMapEmptyEntry,    // an entry with an empty local or CRM value
        DuplicateTarget,       // the same property twice in one row
        ConflictingStrategies, // rows of one fallback chain disagree on strategy / clear-when-empty
        ClearNeedsOverride,    // "clear when empty" on an Update-if-empty target
        NoMatchKey,            // companies: no row targets the domain property; contacts: none targets e-mail
    };
    enum class Severity { Error, Warning };

    Code code = Code::UnknownField;
    Severity severity = Severity::Error;
    int row = -1;    // 0-based row index; -1 for the mapping as a whole
    int target = -1; // 0-based target index within the row; -1 for the row as a whole
    QString property;
    QString message; // translated, complete sentence naming the field/property and the reason

    bool isError() const { return severity == Severity::Error; }
};

QString mappingProblemCodeName(MappingProblem::Code code); // "unknown_property", ...

// Checks a mapping against the local field definitions and the CRM's property list (PRODUCT.md
// "Mapping rules": types must fit, read-only targets refused, value maps validated against the
// CRM's options). A mapping with any Error cannot be saved nor planned.
class MappingValidator {
    Q_DECLARE_TR_FUNCTIONS(MappingValidator)

public:
    static QList<MappingProblem> validate(const Mapping& mapping, const QList<FieldDefinition>& localFields,
                                          const QList<CrmProperty>& crmProperties,
                                          const ConnectorFacts& facts);
    static bool hasErrors(const QList<MappingProblem>& problems);
    // Does a local field of `type` fit a CRM property (ignoring value maps)? For editors' pickers.
    static bool typeFits(FieldType type, const CrmProperty& property);
};

} // namespace syncdesk
