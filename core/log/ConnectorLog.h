#pragma once

#include "core/log/ConnectorLogEntry.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace syncdesk {

class Clock;
class Redactor;
class Workspace;
struct HttpExchange;

// The connector log of a workspace (PRODUCT.md "Connector log"): entries are stored in the
// workspace (table connector_log) and announced live with entryAdded() for the desktop's log panel.
//
// Thread use: call it from any thread; each call uses the calling thread's workspace connection.
// entryAdded() is emitted in the calling thread (connect with Qt::AutoConnection from the UI: the
// entry is queued to the UI thread). Every text passes through the Redactor before it is stored or
// emitted, so a token that reached an error message never reaches the log.
class ConnectorLog : public QObject {
    Q_OBJECT

public:
    // `redactor` nullptr: Redactor::shared(); `clock` nullptr: the system clock.
    explicit ConnectorLog(const Workspace& workspace, std::shared_ptr<Redactor> redactor = {},
                          Clock* clock = nullptr, QObject* parent = nullptr);
    ~ConnectorLog() override;

    // Stores the entry (setting id, and time when it has none) and emits entryAdded(). Entries below
    // the minimum level are dropped (returns true).
    bool append(ConnectorLogEntry entry);
    // Several entries in one transaction (in order), then one entryAdded() each.
    bool append(QList<ConnectorLogEntry> entries);

    // Entries below this level are neither stored nor emitted. Default: Debug (everything).
    void setMinimumLevel(LogLevel level) { m_minLevel = level; }
    LogLevel minimumLevel() const { return m_minLevel; }

    // Oldest first unless filter.newestFirst. nullopt on a database error (see lastError()).
    std::optional<QList<ConnectorLogEntry>> query(const ConnectorLogFilter& filter) const;
    std::optional<qint64> count(const ConnectorLogFilter& filter) const;
    QString lastError() const { return m_error; }

    // One entry for one HTTP attempt (HttpClient's observer hook; already redacted by the client):
    // the request summary, status, outcome, correlation id. Debug for answered requests, Warning for
    // attempts that are retried, Error for requests that end without a usable answer.
    static ConnectorLogEntry fromExchange(const HttpExchange& exchange, qint64 runId);

signals:
    void entryAdded(const syncdesk::ConnectorLogEntry& entry);

private:
    void sanitize(ConnectorLogEntry& entry) const;

    const Workspace& m_workspace;
    std::shared_ptr<Redactor> m_redactor;
    Clock* m_clock;
    LogLevel m_minLevel = LogLevel::Debug;
    mutable QString m_error;
};

} // namespace syncdesk
