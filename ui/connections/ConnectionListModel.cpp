#include "ui/connections/ConnectionListModel.h"

#include "core/connectors/ConnectorFactory.h"
#include "core/store/Workspace.h"
#include "ui/common/AppContext.h"

#include <QFont>

namespace syncdesk {

ConnectionListModel::ConnectionListModel(AppContext& context, QObject* parent)
    : QAbstractListModel(parent)
    , m_context(context) {
    connect(&m_context, &AppContext::connectionsChanged, this, &ConnectionListModel::reload);
    connect(&m_context, &AppContext::activeConnectionChanged, this, [this] {
        if (!m_connections.isEmpty())
            emit dataChanged(index(0), index(int(m_connections.size()) - 1));
    });
    reload();
}

void ConnectionListModel::reload() {
    beginResetModel();
    m_connections.clear();
    if (Workspace* ws = m_context.workspace())
        m_connections = ConnectionStore(*ws).list();
    endResetModel();
}

std::optional<Connection> ConnectionListModel::connectionAt(int row) const {
    if (row < 0 || row >= m_connections.size())
        return std::nullopt;
    return m_connections.at(row);
}

int ConnectionListModel::rowOf(const QString& uuid) const {
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).uuid == uuid)
            return i;
    }
    return -1;
}

int ConnectionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_connections.size());
}

QString ConnectionListModel::summary(const Connection& c, bool inProcessSandbox) {
    if (inProcessSandbox)
        return tr("Sandbox CRM inside SyncDesk · %1").arg(c.baseUrl);
    return tr("%1 · %2").arg(crmKindLabel(c.kind()), ConnectorFactory::baseUrl(c).toString());
}

QVariant ConnectionListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_connections.size())
        return {};
    const Connection& c = m_connections.at(index.row());
    const bool active = c.uuid == m_context.activeConnectionUuid();
    const bool inProcess = m_context.isInProcessSandbox(c);
    switch (role) {
    case Qt::DisplayRole:
        return active ? tr("%1 (active)").arg(c.name) : c.name;
    case Qt::ToolTipRole:
        return summary(c, inProcess);
    case Qt::AccessibleTextRole:
        return active ? tr("%1, %2, active").arg(c.name, crmKindLabel(c.kind()))
                      : tr("%1, %2").arg(c.name, crmKindLabel(c.kind()));
    case Qt::FontRole:
        if (active) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case UuidRole:
        return c.uuid;
    case ActiveRole:
        return active;
    case InProcessSandboxRole:
        return inProcess;
    default:
        return {};
    }
}

QString ConnectionListModel::validate(const Connection& c, const QString& token, bool isNew) const {
    if (const QString p = ConnectionStore::nameProblem(c.name); !p.isEmpty())
        return p;
    if (m_context.isInProcessSandbox(c))
        return QString();
    if (const QString p = ConnectorFactory::baseUrlProblem(c.kind(), c.baseUrl); !p.isEmpty())
        return p;
    if (isNew && token.trimmed().isEmpty())
        return tr("Enter the token of the connection (for HubSpot: the access token of a private app).");
    return QString();
}

QString ConnectionListModel::add(Connection connection, const QString& token) {
    Workspace* ws = m_context.workspace();
    if (!ws)
        return tr("No workspace is open.");
    connection.name = connection.name.trimmed();
    if (connection.uuid.isEmpty())
        connection.uuid = Connection::newUuid();
    if (const QString p = validate(connection, token, true); !p.isEmpty())
        return p;
    ConnectionStore store(*ws);
    if (store.findByName(connection.name))
        return tr("A connection named \"%1\" already exists.").arg(connection.name);

    // The token first: a connection without its token would be useless.
    const QString key = SecretStore::connectionKey(connection.uuid);
    const SecretResult written =
        m_context.secrets().write(key, ConnectorFactory::secretForToken(token.trimmed()));
    if (!written.ok())
        return tr("The token could not be stored in the keychain: %1").arg(written.errorText);
    if (!store.add(connection)) {
        m_context.secrets().remove(key);
        return store.lastError();
    }
    m_context.notifyConnectionsChanged();
    return QString();
}

QString ConnectionListModel::update(const Connection& connection, const QString& token) {
    Workspace* ws = m_context.workspace();
    if (!ws)
        return tr("No workspace is open.");
    Connection c = connection;
    c.name = c.name.trimmed();
    if (const QString p = validate(c, token, false); !p.isEmpty())
        return p;
    ConnectionStore store(*ws);
    if (auto other = store.findByName(c.name); other && other->uuid != c.uuid)
        return tr("A connection named \"%1\" already exists.").arg(c.name);
    if (!token.trimmed().isEmpty() && !m_context.isInProcessSandbox(c)) {
        const SecretResult written = m_context.secrets().write(
            SecretStore::connectionKey(c.uuid), ConnectorFactory::secretForToken(token.trimmed()));
        if (!written.ok())
            return tr("The token could not be stored in the keychain: %1").arg(written.errorText);
    }
    if (!store.update(c))
        return store.lastError();
    m_context.notifyConnectionsChanged();
    return QString();
}

QString ConnectionListModel::remove(const QString& uuid) {
    Workspace* ws = m_context.workspace();
    if (!ws)
        return tr("No workspace is open.");
    ConnectionStore store(*ws);
    const std::optional<Connection> c = store.findByUuid(uuid);
    if (!c)
        return tr("That connection no longer exists.");
    if (m_context.isInProcessSandbox(*c))
        return tr("The built-in Sandbox connection cannot be removed: it belongs to the Sandbox CRM that "
                  "runs inside SyncDesk.");
    if (!store.remove(c->id))
        return store.lastError();
    // The token goes too; "not found" is fine (it may never have been stored).
    const SecretResult removed = m_context.secrets().remove(SecretStore::connectionKey(uuid));
    m_context.notifyConnectionsChanged();
    if (!removed.ok() && removed.status != SecretStatus::NotFound)
        return tr("The connection was removed, but its token could not be deleted from the keychain: %1")
            .arg(removed.errorText);
    return QString();
}

} // namespace syncdesk
