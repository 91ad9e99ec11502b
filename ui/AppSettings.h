#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>

namespace syncdesk {

// What the desktop remembers between starts (QSettings): the last workspace, the window layout,
// the active connection of each workspace and the colour theme. Never a secret.
//
// The default constructor uses the application's native settings (organisation "SyncDesk");
// tests pass an .ini file of their own so that they never touch the user's settings.
class AppSettings {
public:
    AppSettings();
    explicit AppSettings(const QString& iniFile);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QString lastWorkspace() const;
    void setLastWorkspace(const QString& path);

    // Main window geometry and dock/toolbar state (QMainWindow::saveGeometry/saveState).
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

    // Any other widget state by name (splitters, header views): "layout/<name>".
    QByteArray layoutState(const QString& name) const;
    void setLayoutState(const QString& name, const QByteArray& state);

    // The uuid of the connection last made active in the workspace at `workspacePath`.
    QString activeConnection(const QString& workspacePath) const;
    void setActiveConnection(const QString& workspacePath, const QString& uuid);

    // "system" (default), "light" or "dark".
    QString theme() const;
    void setTheme(const QString& theme);

    void sync();
    QSettings& raw() { return *m_settings; }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace syncdesk
