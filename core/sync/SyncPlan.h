#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/connectors/CrmError.h"
#include "core/connectors/CrmTypes.h"
#include "core/mapping/MappingValidator.h"
#include "core/model/FieldDefinition.h"
#include "core/sync/SyncSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk {

// What the plan means to do with one record (the `action` of the --json output).
enum class PlanAction { Create, Update, Unchanged, Ambiguous, Duplicate, NoKey, Invalid, Skipped };
QString planActionName(PlanAction action);  // "create", "update", "unchanged", "ambiguous", "duplicate",
                                            // "no_key", "invalid", "skipped"
QString planActionLabel(PlanAction action); // translated, for people
std::optional<PlanAction> parsePlanAction(const QString& name);
inline bool planActionWrites(PlanAction action) {
    return action == PlanAction::Create || action == PlanAction::Update;
}

// Why a record is not written as it is (skipped, invalid, no key, duplicate, ambiguous).
enum class PlanReason {
    None,
    NoKey,        // company: no domain key (the match explains why)
    NoEmail,      // contact without e-mail
    InvalidEmail, // contact e-mail that is not an address
    InvalidValue, // a value cannot be written (no value map entry, not a number, too long, required missing)
    DuplicateInWorkspace, // an earlier selected record has the same key / e-mail
    AmbiguousInCrm,       // several CRM records share the key / e-mail
    NewUnderUpdateOnly,   // no CRM record and the mode is Update only
    ContactsDisabled,     // contact mode Disabled
    CompanyNotSynced,     // contact whose company has no CRM record after the company phase
    CompanyNotSelected,   // contact whose company is not part of this sync
};
QString planReasonName(PlanReason reason); // "no_key", "no_email", ... ("" for None)

// The strategy that decided a change (the `strategy` of a change in the --json output).
enum class ChangeStrategy { Create, Override, UpdateIfEmpty, ClearWhenEmpty };
QString
changeStrategyName(ChangeStrategy strategy); // "create", "override", "update_if_empty", "clear_when_empty"

// One property the plan writes: CRM value before, value after, and why.
struct PropertyChange {
    QString property;
    QString before; // the CRM's value (canonical), empty on create
    QString after;  // the value written (canonical), empty when cleared
    ChangeStrategy strategy = ChangeStrategy::Override;
    QString fieldKey; // the local field that supplied the value (the fallback chain's winner)

    bool operator==(const PropertyChange&) const = default;
};

struct MatchCandidate {
    QString id;
    QString rawValue; // the CRM's raw domain / e-mail value
    QDateTime createdAt;
};

// The explanation every record carries (PRODUCT.md: raw value, key, policy, the field that supplied
// the key, the CRM candidates with their raw values).
struct MatchInfo {
    QString policy;        // "host" / "registrable" for companies, "email" for contacts
    QString field;         // local field key that supplied the key ("website"; "domain" by fallback)
    QString fieldLabel;    // its label
    bool fallback = false; // a later row supplied the key because the match-key row's field was empty
    QString skippedField;  // with fallback: the match-key row's (empty) field key
    QString skippedFieldLabel;
    QString rawValue;  // the local value as stored
    QString usedValue; // the part of it that was used (the first of several URLs)
    bool severalValues = false;
    QString key;                      // domain key (ASCII) or normalised e-mail; empty when none
    QString displayKey;               // the key for people (Unicode form of an IDN)
    QString noKeyReason;              // translated reason when there is no key
    QList<MatchCandidate> candidates; // CRM records with this key, oldest first
    qint64 duplicateOf = 0;           // duplicate: the earlier selected record's local id
    bool oldestChosen = false;        // ambiguous, resolved by "update the oldest"

    // Translated notes for people: "several URLs; the first was used", "key from Domain (Website is
    // empty)", "3 CRM records share this key; the oldest was chosen".
    QStringList notes() const;
};

// How a contact is tied to its company's CRM record. Associations are added, never removed.
struct AssociationPlan {
    enum class Kind {
        None,      // no company to associate with
        AtCreate,  // the created contact is associated at create time
        Add,       // an existing contact gets the association (HubSpot associate; Salesforce sets AccountId)
        Present,   // already associated: nothing to do
        KeptOther, // ParentField CRMs: the contact already belongs to another company; left alone
    };
    Kind kind = Kind::None;
    qint64 companyLocalId = 0;
    QString companyCrmId;      // empty while the company is created in the same run
    QString existingCompanyId; // KeptOther: the company the contact belongs to in the CRM

    bool needsWrite() const { return kind == Kind::AtCreate || kind == Kind::Add; }
};
QString
associationKindName(AssociationPlan::Kind kind); // "none", "at_create", "add", "present", "kept_other"

// The plan for one company or contact.
struct RecordPlan {
    RecordObject object = RecordObject::Company;
    qint64 localId = 0;
    QString name;  // companies (display name)
    QString email; // contacts (as stored)
    PlanAction action = PlanAction::Skipped;
    PlanReason reason = PlanReason::None;
    QString reasonText; // translated, shown with skipped/invalid/no key/duplicate/ambiguous
    QString crmId;      // the matched (or chosen) CRM record; empty for create
    MatchInfo match;
    QList<PropertyChange> changes; // create: every non-empty mapped value; update: what differs
    qint64 companyLocalId = 0;     // contacts
    AssociationPlan association;   // contacts

    // The properties to send: property -> value after.
    CrmValues writeValues() const;
    // One element of the --json output's `records` (without `outcome`/`error`, which a run adds).
    QJsonObject toJson() const;
};

// Counts and percentages of each action, per object (PRODUCT.md "match report").
struct MatchReport {
    struct Line {
        PlanAction action;
        int count = 0;
        double percent = 0; // of the object's total, one decimal
    };
    int companyTotal = 0;
    int contactTotal = 0;
    QList<Line> companies; // every action, in PlanAction order (zeros included)
    QList<Line> contacts;

    int count(RecordObject object, PlanAction action) const;
    double percent(RecordObject object, PlanAction action) const;
    // {"companies": {"total": n, "create": n, ...}, "contacts": {...}}: the run's `counts`.
    QJsonObject toJson() const;
    // Human-readable lines, e.g. "Companies: 120 — create 10 (8.3%), update 50 (41.7%), ...".
    QString toText() const;
};

// How the planner found CRM records, and what it cost.
struct LookupStats {
    enum class CompanyMethod { None, Search, ListAll };
    CompanyMethod companyMethod = CompanyMethod::None;
    int schemaCalls = 0;
    int countCalls = 0;
    int companySearchCalls = 0;
    int companyListCalls = 0;
    int knownIdReadCalls = 0; // companies read by the CRM id an earlier run wrote (search index lag)
    int contactLookupCalls = 0;
    int associationReadCalls = 0;
    int total() const {
        return schemaCalls + countCalls + companySearchCalls + companyListCalls + knownIdReadCalls +
               contactLookupCalls + associationReadCalls;
    }
};
QString companyLookupMethodName(LookupStats::CompanyMethod method); // "none", "search", "list"

// The read-only first half of a sync. A dry run is this plan alone.
struct SyncPlan {
    SyncSettings settings;
    QList<RecordPlan> companies; // in selection order
    QList<RecordPlan> contacts;  // in input order
    LookupStats lookup;
    QList<MappingProblem> problems; // mapping problems (errors refuse the plan; warnings are kept)
    std::optional<CrmError> error;  // a lookup failed (or was cancelled): the plan is incomplete

    // Planned, with no mapping error and no lookup error.
    bool ok() const { return !error && !MappingValidator::hasErrors(problems); }
    MatchReport report() const;
    const RecordPlan* company(qint64 localId) const;
    // Write requests the executor needs at most (full batches; no request for unchanged records).
    int estimatedWriteCalls(const ConnectorFacts& facts) const;
    // {"report": ..., "records": [...], "lookup": {...}, "problems": [...], "error": {...}}.
    QJsonObject toJson() const;
};

} // namespace syncdesk
