#pragma once

#include "core/connectors/CrmConnector.h"
#include "core/mapping/Mapping.h"
#include "core/model/FieldDefinition.h"
#include "core/sync/LocalRecord.h"
#include "core/sync/SyncPlan.h"
#include "core/sync/SyncSettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace syncdesk {

// Everything a plan is made from.
struct PlanInput {
    QList<LocalRecord> companies; // the selection, in order (earlier wins a duplicate key)
    QList<LocalRecord> contacts;  // the selected companies' contacts
    Mapping companyMapping;
    Mapping contactMapping;
    QList<FieldDefinition> fields; // local field definitions of both objects
    SyncSettings settings;
    // Local company id -> the CRM id an earlier run on this connection wrote it to
    // (RunJournal::knownCrmIds). Companies that search misses are read by these ids, because a
    // search index lags behind writes: a company created a moment ago is not created twice. Asked
    // for only when a search missed some company (it reads the journal).
    std::function<QHash<qint64, QString>()> knownCompanyIds;
    // The CRM's properties when the caller already holds a fresh list (e.g. the mapping editor);
    // otherwise the planner fetches them (one call per object).
    std::optional<QList<CrmProperty>> companyProperties;
    std::optional<QList<CrmProperty>> contactProperties;
};

struct PlanProgress {
    enum class Stage { Schema, Companies, Contacts };
    Stage stage = Stage::Schema;
    int calls = 0; // CRM calls made so far
};

// The read-only first half of a sync (docs/sync-plan.md): validates the mappings against the CRM's
// properties, looks companies up by domain key and contacts by e-mail in as few calls as the
// connector allows (never one call per record), and computes per record the action, the
// explanation and the diff. Writes nothing. Runs on the caller's (worker) thread.
class SyncPlanner {
    Q_DECLARE_TR_FUNCTIONS(SyncPlanner)

public:
    explicit SyncPlanner(CrmConnector& connector);

    // Checked before every CRM call; when it returns true the plan stops with a Cancelled error.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }
    // Called after every CRM call.
    void setProgressCallback(std::function<void(const PlanProgress&)> progress) {
        m_progress = std::move(progress);
    }

    SyncPlan plan(const PlanInput& input);

private:
    class Run;
    CrmConnector& m_connector;
    std::function<bool()> m_cancelled;
    std::function<void(const PlanProgress&)> m_progress;
};

} // namespace syncdesk
