#pragma once

#include "core/sync/SyncEngine.h"

#include <functional>

namespace syncdesk {

class SecretStore;
class Workspace;

// The desktop's ConnectionProvider for SyncEngine: the stored connection (by name), its connector
// (token from the session/keychain secret store), its stored mappings (or the CRM's default mapping
// when none was saved yet, as a new connection gets) and sync settings. Called in the engine's
// thread; the connector lives there. `engine()` gives the engine (set after it is constructed) so
// that HTTP attempts are logged with its run and its cancel flag ends waits at once.
ConnectionProvider desktopConnectionProvider(const Workspace& workspace, SecretStore& secrets,
                                             std::function<SyncEngine*()> engine);

} // namespace syncdesk
