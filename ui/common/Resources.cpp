#include "ui/common/Resources.h"

#include <QtGlobal>

#include <mutex>

// Q_INIT_RESOURCE declares the initialiser in the current namespace: keep it at global scope.
static void initSyncDeskQrc() {
    Q_INIT_RESOURCE(syncdesk);
}

namespace syncdesk {

void initUiResources() {
    static std::once_flag once;
    std::call_once(once, initSyncDeskQrc);
}

} // namespace syncdesk
