#pragma once

#include "core/model/Company.h"
#include "core/model/Contact.h"
#include "core/model/FieldDefinition.h"
#include "core/sync/LocalRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace syncdesk {

class Workspace;

// The adapter from the workspace's Company/Contact to the planner's LocalRecord: every built-in
// field by its key (employees as a C-format number) and every custom field by its slug.
namespace LocalRecords {
LocalRecord fromCompany(const Company& company);
LocalRecord fromContact(const Contact& contact);
} // namespace LocalRecords

// Which companies a sync takes (`syncdesk-cli sync --where/--ids/--limit`, the desktop's checked
// rows). The contacts of the selected companies come along.
struct SelectionRequest {
    QString where;     // filter expression (docs/filter-expressions.md); empty: every company
    QList<qint64> ids; // only these companies (in this order when there is no filter)
    int limit = 0;     // at most this many (0: no limit), after filter and ids
    bool withContacts = true;

    QJsonObject toJson() const; // stored with the run
    static SelectionRequest fromJson(const QJsonObject& json);
};

struct LocalSelection {
    QList<LocalRecord> companies;  // in selection order
    QList<LocalRecord> contacts;   // the companies' contacts, company by company, in id order
    QList<FieldDefinition> fields; // both objects

    // Loads the selection from `workspace` (calling thread's connection). On failure returns nullopt
    // with a translated message naming what was wrong (the filter with a caret, an unknown id).
    static std::optional<LocalSelection> load(const Workspace& workspace, const SelectionRequest& request,
                                              QString* error);
};

} // namespace syncdesk
