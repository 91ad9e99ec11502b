#pragma once

#include "core/store/ConnectionStore.h"
#include "ui/common/SessionSecretStore.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace syncdesk {

class AppSettings;
class ConnectorLog;
class Workspace;
namespace sandbox {
class SandboxServer;
}

// What every part of the desktop shares: the open workspace, its connector log, the secret
// store, the in-process Sandbox CRM and the active connection. Widgets get it by reference and
// listen to its signals; they never open workspaces or keychains themselves.
//
// Lifetime: created by main() (or a test) before the main window, destroyed after it. Opening
// another workspace emits workspaceAboutToClose() (models stop their worker threads: the old
// Workspace is destroyed right after) and then workspaceChanged().
class AppContext : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Opens the persistent secret store (default: the system keychain, openSystemSecretStore).
        SessionSecretStore::Opener secretOpener;
        // Start the Sandbox CRM on 127.0.0.1 and keep a "Sandbox" connection pointing at it.
        bool startSandbox = true;
        // Where the Sandbox CRM keeps its account between starts, one file per workspace
        // (default: <AppDataLocation>/sandbox). Empty string with persistSandbox false: not kept.
        QString sandboxStateDir;
        bool persistSandbox = true;
        // Seed a new Sandbox account with a few companies that match the sample workspace.
        bool seedSandbox = true;
    };

    AppContext(AppSettings& settings, Options options, QObject* parent = nullptr);
    ~AppContext() override;

    // First start: the last workspace (QSettings) if its file exists, else Workspace::defaultPath();
    // an empty workspace gets the sample companies and contacts. Then the Sandbox CRM starts.
    bool openStartupWorkspace(QString* error);
    // Opens (creating) the workspace at `path`. `importSampleWhenEmpty`: see above. On failure the
    // previous workspace stays open.
    bool openWorkspace(const QString& path, bool importSampleWhenEmpty, QString* error);

    Workspace* workspace() const { return m_workspace.get(); }
    ConnectorLog* connectorLog() const { return m_log.get(); }
    SessionSecretStore& secrets() { return m_secrets; }
    AppSettings& settings() { return m_settings; }
    // nullptr when the Sandbox CRM is not running.
    sandbox::SandboxServer* sandbox() const { return m_sandbox.get(); }

    // ---- Connections ----------------------------------------------------------------------
    // The connection of the in-process Sandbox CRM (created at start), if any.
    std::optional<Connection> sandboxConnection();
    bool isInProcessSandbox(const Connection& connection) const;
    std::optional<Connection> activeConnection();
    QString activeConnectionUuid() const { return m_activeUuid; }
    void setActiveConnection(const QString& uuid);
    // Call after adding, editing or removing connections (emits connectionsChanged, re-checks the
    // active one).
    void notifyConnectionsChanged();

    // Call after local companies or contacts changed outside the list (an import, a sync that
    // wrote back CRM ids): the list and the contacts panel reload.
    void notifyCompaniesChanged() { emit companiesChanged(); }

    // The settings key of Connection::settings that marks the in-process Sandbox's connection.
    static inline const QString InProcessSandboxKey = QStringLiteral("desktop_in_process_sandbox");

signals:
    void workspaceAboutToClose();
    void workspaceChanged();
    void connectionsChanged();
    void activeConnectionChanged();
    void companiesChanged();

private:
    bool importSample(QString* error);
    bool startSandbox(QString* error);
    void loadSandboxAccount();
    void saveSandboxAccount();
    QString sandboxStateFile() const;
    void ensureSandboxConnection();
    void restoreActiveConnection();

    AppSettings& m_settings;
    Options m_options;
    SessionSecretStore m_secrets;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ConnectorLog> m_log;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    QString m_sandboxUuid;
    QString m_activeUuid;
};

} // namespace syncdesk
