#include "core/query/StatementCancel.h"

#include "core/query/QueryLogging.h"
#include "core/store/SqliteStatement.h"

#include <sqlite3.h>

namespace syncdesk {

namespace {

// Virtual-machine steps between two polls: ~10-50 us of work.
constexpr int pollInterval = 1000;

} // namespace

StatementCancel::StatementCancel(const QSqlDatabase& db, std::function<bool()> shouldStop)
    : m_shouldStop(std::move(shouldStop)) {
    sqlite3* handle = SqliteStatement::handleOf(db);
    if (!handle) {
        qCWarning(lcQuery) << "cannot watch the statements of connection" << db.connectionName();
        return;
    }
    m_handle = handle;
    sqlite3_progress_handler(handle, pollInterval, &StatementCancel::poll, this);
}

StatementCancel::~StatementCancel() {
    if (m_handle)
        sqlite3_progress_handler(static_cast<sqlite3*>(m_handle), 0, nullptr, nullptr);
}

int StatementCancel::poll(void* self) {
    return static_cast<StatementCancel*>(self)->m_shouldStop() ? 1 : 0;
}

} // namespace syncdesk
