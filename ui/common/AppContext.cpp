#include "ui/common/AppContext.h"

#include "core/import/CsvImporter.h"
#include "core/log/ConnectorLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/store/CompanyStore.h"
#include "core/store/Workspace.h"
#include "ui/AppSettings.h"
#include "ui/common/Resources.h"
#include "ui/common/UiLogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace syncdesk {

namespace {

const QString sampleCompanies = QStringLiteral(":/sample/companies.csv");
const QString sampleContacts = QStringLiteral(":/sample/contacts.csv");
const QString sandboxSeed = QStringLiteral(":/sandbox/seed.json");

} // namespace

AppContext::AppContext(AppSettings& settings, Options options, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(std::move(options))
    , m_secrets(m_options.secretOpener) {
    initUiResources();
}

AppContext::~AppContext() {
    saveSandboxAccount();
    if (m_workspace)
        emit workspaceAboutToClose();
    m_log.reset();
    m_workspace.reset();
}

bool AppContext::openStartupWorkspace(QString* error) {
    QString path = m_settings.lastWorkspace();
    if (path.isEmpty() || !QFileInfo::exists(path))
        path = Workspace::defaultPath();
    if (!openWorkspace(path, true, error))
        return false;
    return true;
}

bool AppContext::openWorkspace(const QString& path, bool importSampleWhenEmpty, QString* error) {
    QString message;
    std::unique_ptr<Workspace> next = Workspace::open(path, &message);
    if (!next) {
        if (error)
            *error = message;
        return false;
    }

    saveSandboxAccount();
    if (m_workspace)
        emit workspaceAboutToClose();
    m_log.reset();
    m_workspace = std::move(next);
    m_log = std::make_unique<ConnectorLog>(*m_workspace);
    m_settings.setLastWorkspace(m_workspace->path());
    m_sandboxUuid.clear();
    m_activeUuid.clear();

    if (importSampleWhenEmpty) {
        CompanyStore companies(*m_workspace);
        // maxId(): the rowid b-tree's last entry, instant where count() would scan 1,000,000 rows.
        if (companies.maxId() == 0 && companies.lastError().isEmpty() && !importSample(&message))
            qCWarning(lcUi).noquote() << "sample workspace:" << message;
    }
    if (m_options.startSandbox) {
        if (!m_sandbox && !startSandbox(&message))
            qCWarning(lcUi).noquote() << "sandbox:" << message;
        else
            loadSandboxAccount();
        ensureSandboxConnection();
    }
    restoreActiveConnection();
    emit workspaceChanged();
    emit connectionsChanged();
    emit activeConnectionChanged();
    return true;
}

bool AppContext::importSample(QString* error) {
    CsvImporter importer(*m_workspace);
    for (auto [object, path] : {std::pair{RecordObject::Company, sampleCompanies},
                                std::pair{RecordObject::Contact, sampleContacts}}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("The sample data %1 is missing from this build.").arg(path);
            return false;
        }
        const ImportResult result = importer.importDevice(object, &file, file.size());
        if (!result.completed) {
            *error = result.fatalError;
            return false;
        }
        qCInfo(lcUi) << "sample" << recordObjectName(object) << "imported:" << result.created << "created,"
                     << result.skipped << "skipped";
    }
    return true;
}

bool AppContext::startSandbox(QString* error) {
    auto server = std::make_unique<sandbox::SandboxServer>();
    if (!server->listen()) {
        *error = tr("The Sandbox CRM could not listen on 127.0.0.1.");
        return false;
    }
    qCInfo(lcUi).noquote() << "Sandbox CRM listening on" << server->baseUrl().toString();
    m_sandbox = std::move(server);
    return true;
}

QString AppContext::sandboxStateFile() const {
    if (!m_options.persistSandbox || !m_workspace)
        return QString();
    QString dir = m_options.sandboxStateDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox");
    QDir().mkpath(dir);
    const QByteArray hash =
        QCryptographicHash::hash(m_workspace->path().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return dir + u'/' + QString::fromLatin1(hash) + QStringLiteral(".json");
}

void AppContext::loadSandboxAccount() {
    if (!m_sandbox)
        return;
    m_sandbox->reset();
    QString error;
    const QString file = sandboxStateFile();
    if (!file.isEmpty() && QFileInfo::exists(file)) {
        if (m_sandbox->loadStateFile(file, &error))
            return;
        qCWarning(lcUi).noquote() << "sandbox state" << file << "not loaded:" << error;
        m_sandbox->reset();
    }
    if (m_options.seedSandbox && !m_sandbox->loadSeedFile(sandboxSeed, &error))
        qCWarning(lcUi).noquote() << "sandbox seed not loaded:" << error;
}

void AppContext::saveSandboxAccount() {
    if (!m_sandbox || !m_workspace)
        return;
    const QString file = sandboxStateFile();
    QString error;
    if (!file.isEmpty() && !m_sandbox->saveStateFile(file, &error))
        qCWarning(lcUi).noquote() << "sandbox state not saved:" << error;
}

void AppContext::ensureSandboxConnection() {
    if (!m_sandbox || !m_workspace)
        return;
    ConnectionStore store(*m_workspace);
    const QString url = m_sandbox->baseUrl().toString();
    std::optional<Connection> found;
    for (const Connection& c : store.list()) {
        if (isInProcessSandbox(c)) {
            found = c;
            break;
        }
    }
    if (found) {
        if (found->baseUrl != url) {
            found->baseUrl = url;
            if (!store.update(*found))
                qCWarning(lcUi).noquote() << "sandbox connection:" << store.lastError();
        }
    } else {
        QString name = tr("Sandbox");
        if (store.findByName(name))
            name = tr("Sandbox (this computer)");
        Connection c = Connection::make(name, CrmKind::Sandbox, url);
        c.settings.insert(InProcessSandboxKey, true);
        found = store.add(c);
        if (!found) {
            qCWarning(lcUi).noquote() << "sandbox connection:" << store.lastError();
            return;
        }
    }
    m_sandboxUuid = found->uuid;
    // The token changes at every start: it lives in memory only (see docs/desktop.md).
    m_secrets.setSessionSecret(SecretStore::connectionKey(found->uuid), m_sandbox->accessToken());
}

std::optional<Connection> AppContext::sandboxConnection() {
    if (!m_workspace || m_sandboxUuid.isEmpty())
        return std::nullopt;
    return ConnectionStore(*m_workspace).findByUuid(m_sandboxUuid);
}

bool AppContext::isInProcessSandbox(const Connection& connection) const {
    return connection.kind() == CrmKind::Sandbox && connection.settings.value(InProcessSandboxKey).toBool();
}

std::optional<Connection> AppContext::activeConnection() {
    if (!m_workspace || m_activeUuid.isEmpty())
        return std::nullopt;
    return ConnectionStore(*m_workspace).findByUuid(m_activeUuid);
}

void AppContext::setActiveConnection(const QString& uuid) {
    if (uuid == m_activeUuid)
        return;
    m_activeUuid = uuid;
    if (m_workspace)
        m_settings.setActiveConnection(m_workspace->path(), uuid);
    emit activeConnectionChanged();
}

void AppContext::restoreActiveConnection() {
    if (!m_workspace)
        return;
    ConnectionStore store(*m_workspace);
    const QString remembered = m_settings.activeConnection(m_workspace->path());
    if (!remembered.isEmpty() && store.findByUuid(remembered)) {
        m_activeUuid = remembered;
        return;
    }
    if (!m_sandboxUuid.isEmpty()) {
        m_activeUuid = m_sandboxUuid;
        return;
    }
    const QList<Connection> all = store.list();
    m_activeUuid = all.isEmpty() ? QString() : all.first().uuid;
}

void AppContext::notifyConnectionsChanged() {
    if (m_workspace && (m_activeUuid.isEmpty() || !ConnectionStore(*m_workspace).findByUuid(m_activeUuid))) {
        m_activeUuid.clear();
        restoreActiveConnection();
    }
    emit connectionsChanged();
    // Always: the active connection's name or type may have changed.
    emit activeConnectionChanged();
}

} // namespace syncdesk
