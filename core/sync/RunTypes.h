#pragma once

#include "core/connectors/CrmError.h"
#include "core/model/FieldDefinition.h"
#include "core/sync/SyncPlan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace syncdesk {

// docs/sync-runs.md: the life of a run.
//   planned     a dry run (the plan alone), or a run whose plan is journaled and not started yet
//   running     being carried out by a process right now
//   completed   every planned record has its outcome (some may have failed)
//   failed      stopped by an error that concerns the whole run (authentication, permission, ...)
//   paused      stopped by a rate or daily limit; resumable
//   cancelled   stopped on request after the request in flight; resumable
//   interrupted found "running" with nobody running it (crash, kill); resumable
enum class RunState { Planned, Running, Completed, Failed, Paused, Cancelled, Interrupted };
QString runStateName(RunState state);  // "planned", "running", ...
QString runStateLabel(RunState state); // translated
std::optional<RunState> parseRunState(const QString& name);
inline bool runStateResumable(RunState state) {
    return state == RunState::Paused || state == RunState::Cancelled || state == RunState::Interrupted ||
           state == RunState::Failed;
}

enum class RunKind { Sync, Undo };
QString runKindName(RunKind kind); // "sync" / "undo"
std::optional<RunKind> parseRunKind(const QString& name);

// Where a run got to: planning (nothing journaled yet), executing (records journaled), finished.
enum class RunPhase { Planning, Executing, Finished };
QString runPhaseName(RunPhase phase);
std::optional<RunPhase> parseRunPhase(const QString& name);

// Where one journaled record got to. A write is journaled as `sending` before its request goes out,
// so after a crash the records that may or may not have been written are known exactly.
enum class WriteState { Pending, Sending, Done };
QString writeStateName(WriteState state);
std::optional<WriteState> parseWriteState(const QString& name);

// The outcome of one record (the `outcome` of the --json output). Sync runs: created, updated,
// unchanged, skipped, failed. Undo runs: restored, archived, left_alone ("changed since, left
// alone"), failed.
enum class RecordOutcome {
    None,
    Created,
    Updated,
    Unchanged,
    Skipped,
    Failed,
    Restored,
    Archived,
    LeftAlone
};
QString recordOutcomeName(RecordOutcome outcome);  // "" for None
QString recordOutcomeLabel(RecordOutcome outcome); // translated
std::optional<RecordOutcome> parseRecordOutcome(const QString& name);

// Journal actions beyond the planner's: an undo run restores values or archives records it created.
inline QString restoreActionName() {
    return QStringLiteral("restore");
}
inline QString archiveActionName() {
    return QStringLiteral("archive");
}
inline QString leftAloneActionName() {
    return QStringLiteral("left_alone");
}

// CrmError <-> the `error` object of the journal and the --json output.
std::optional<CrmError> crmErrorFromJson(const QJsonObject& json);
std::optional<CrmErrorKind> parseCrmErrorKind(const QString& name);

// Outcome counts of a run, per object.
struct OutcomeCounts {
    struct Side {
        int total = 0;
        int pending = 0; // not finished yet (paused, interrupted, ...)
        QMap<RecordOutcome, int> outcomes;
        int count(RecordOutcome o) const { return outcomes.value(o); }
    };
    Side companies;
    Side contacts;

    int failed() const {
        return companies.count(RecordOutcome::Failed) + contacts.count(RecordOutcome::Failed);
    }
    int pending() const { return companies.pending + contacts.pending; }
    // {"companies": {"total", "pending", "created", ...}, "contacts": {...}}
    QJsonObject toJson() const;
    QString toText() const; // "Companies: 3 created, 2 updated ...", translated
};

// One run as the journal holds it.
struct RunInfo {
    qint64 id = 0;
    RunKind kind = RunKind::Sync;
    RunState state = RunState::Planned;
    RunPhase phase = RunPhase::Planning;
    bool dryRun = false;
    QString connectionId;
    QString connectionName;
    QString crmKind;               // "hubspot", "salesforce", "sandbox"
    qint64 undoOf = 0;             // undo runs: the run undone
    QString uniqueIdProperty;      // creates of companies were upserts on it ("" when not)
    QJsonObject settings;          // SyncSettings (policy, modes, ...) and executor options
    QJsonObject selection;         // what was selected: {"company_ids": [...], "where": "...", ...}
    QJsonObject counts;            // the plan's match report (MatchReport::toJson)
    QJsonObject lookup;            // the plan's lookup statistics
    std::optional<CrmError> error; // what stopped the run (failed/paused/cancelled)
    QString message;               // a note for people ("Paused: daily limit reached", ...)
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime updatedAt;

    // The `run` object of the --json output: id, kind, connection, dry_run, state, counts (the plan),
    // outcomes (when given), undo_of, error, message, times.
    QJsonObject toJson(const std::optional<OutcomeCounts>& outcomes = std::nullopt) const;
};

struct JournalChange {
    QString property;
    QString before;   // the CRM's value before the write (canonical; empty = none)
    QString after;    // the value written (empty = cleared)
    QString strategy; // create, override, update_if_empty, clear_when_empty, undo
    QString field;    // the local field that supplied the value
    bool written = false;

    bool operator==(const JournalChange&) const = default;
};

// One planned record of a run, its progress and outcome.
struct JournalRecord {
    qint64 id = 0;
    qint64 runId = 0;
    int seq = 0; // order in the plan (companies first, then contacts)
    RecordObject object = RecordObject::Company;
    qint64 localId = 0;
    QString name;
    QString email;
    QString action;      // planActionName() or restore/archive/left_alone
    QString reasonCode;  // planReasonName() and the like
    QString reason;      // translated
    QString matchKey;    // domain key / normalised e-mail: re-checks after a lost answer look it up
    QString uniqueValue; // the value of the CRM's unique-id property for this record (upserts)
    QString crmId;       // matched, or created by the run
    qint64 companyLocalId = 0;
    AssociationPlan::Kind association = AssociationPlan::Kind::None;
    QString associationCompanyId; // the company's CRM id (filled in when the company is created)
    QString associationState;     // "", "pending", "done", "failed"
    WriteState state = WriteState::Pending;
    int attempts = 0; // requests sent for this record
    RecordOutcome outcome = RecordOutcome::None;
    std::optional<CrmError> error;
    QString note;              // e.g. "re-checked after a lost answer: the record had been created"
    qint64 sourceRecordId = 0; // undo runs: the undone run's record
    QList<JournalChange> changes;
    QJsonObject plan; // RecordPlan::toJson() at plan time

    bool writes() const;           // create, update, restore, archive
    CrmValues writeValues() const; // property -> after
    // One element of `records` of the --json output: the plan, then `outcome` (null before a real
    // run finished it), `crm_id` (the created record's id), `error` (null when none), `note`.
    QJsonObject toJson(bool dryRun) const;
};

// Live counters of a run being carried out (SyncEngine::progress).
struct RunProgress {
    qint64 runId = 0;
    QString stage; // "plan", "companies", "contacts", "associations", "recheck", "undo"
    int total = 0; // records to write
    int done = 0;  // of those, finished
    int created = 0;
    int updated = 0;
    int failed = 0;
    int calls = 0; // CRM requests made by this execution
};

} // namespace syncdesk

Q_DECLARE_METATYPE(syncdesk::RunProgress)
