#pragma once

#include "core/log/ConnectorLogEntry.h"

#include <QString>

#include <optional>

namespace syncdesk {

// What the log panel shows: at least a level, one run, a text and one record. The same predicate
// filters the live view and the CSV export, so that what is exported is what is shown.
struct LogEntryFilter {
    std::optional<LogLevel> minLevel; // at least this level
    qint64 runId = 0;                 // 0: every run
    QString text; // case-insensitive substring of message, action, codes, ids, hint, request
    // One record: "12" (local id 12 of either object, or CRM id 12), "company 12" / "contact:7" (that
    // local record), anything else a CRM id (exact, ignoring case).
    QString record;

    bool isEmpty() const {
        return !minLevel && runId == 0 && text.trimmed().isEmpty() && record.trimmed().isEmpty();
    }
    bool accepts(const ConnectorLogEntry& entry) const;

    bool operator==(const LogEntryFilter&) const = default;
};

} // namespace syncdesk
