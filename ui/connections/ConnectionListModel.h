#pragma once

#include "core/store/ConnectionStore.h"

#include <QAbstractListModel>

#include <optional>

namespace syncdesk {

class AppContext;

// The connections of the workspace, and the only place in the desktop that adds, changes or
// removes them: the connection goes to the workspace (ConnectionStore), its token to the secret
// store (the system keychain), never anywhere else. Every change calls
// AppContext::notifyConnectionsChanged().
class ConnectionListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        UuidRole = Qt::UserRole + 1,
        ActiveRole,
        InProcessSandboxRole,
    };

    explicit ConnectionListModel(AppContext& context, QObject* parent = nullptr);

    void reload();
    std::optional<Connection> connectionAt(int row) const;
    int rowOf(const QString& uuid) const;

    // Each returns an empty string on success, else a sentence for people.
    // add(): `token` is required for HubSpot and for Sandbox connections other than the built-in one.
    QString add(Connection connection, const QString& token);
    // update(): an empty `token` keeps the stored one.
    QString update(const Connection& connection, const QString& token);
    QString remove(const QString& uuid);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // "HubSpot · https://api.hubapi.com", for lists and details.
    static QString summary(const Connection& connection, bool inProcessSandbox);

private:
    QString validate(const Connection& connection, const QString& token, bool isNew) const;

    AppContext& m_context;
    QList<Connection> m_connections;
};

} // namespace syncdesk
