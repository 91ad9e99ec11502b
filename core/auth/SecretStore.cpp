#include "core/auth/SecretStore.h"

namespace syncdesk {

SecretStore::~SecretStore() = default;

QString SecretStore::connectionKey(const QString& connectionId) {
    return QStringLiteral("connection/") + connectionId;
}

} // namespace syncdesk
