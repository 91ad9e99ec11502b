#include "ui/AppSettings.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace syncdesk {

namespace {

// Settings keys cannot hold every character of a path: key workspaces by a hash of the path.
QString workspaceKey(const QString& workspacePath) {
    const QString canonical = QFileInfo(workspacePath).absoluteFilePath();
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}

AppSettings::~AppSettings() = default;

QString AppSettings::lastWorkspace() const {
    return m_settings->value(QStringLiteral("workspace/last")).toString();
}

void AppSettings::setLastWorkspace(const QString& path) {
    m_settings->setValue(QStringLiteral("workspace/last"), path);
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const {
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state) {
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::layoutState(const QString& name) const {
    return m_settings->value(QStringLiteral("layout/") + name).toByteArray();
}

void AppSettings::setLayoutState(const QString& name, const QByteArray& state) {
    m_settings->setValue(QStringLiteral("layout/") + name, state);
}

QString AppSettings::activeConnection(const QString& workspacePath) const {
    return m_settings->value(QStringLiteral("activeConnection/") + workspaceKey(workspacePath)).toString();
}

void AppSettings::setActiveConnection(const QString& workspacePath, const QString& uuid) {
    m_settings->setValue(QStringLiteral("activeConnection/") + workspaceKey(workspacePath), uuid);
}

QString AppSettings::theme() const {
    const QString t = m_settings->value(QStringLiteral("view/theme")).toString();
    return t == QLatin1String("light") || t == QLatin1String("dark") ? t : QStringLiteral("system");
}

void AppSettings::setTheme(const QString& theme) {
    m_settings->setValue(QStringLiteral("view/theme"), theme);
}

void AppSettings::sync() {
    m_settings->sync();
}

} // namespace syncdesk
