#include "core/store/PreparedStatement.h"

#include "core/store/SqlUtil.h"

namespace syncdesk {

QSqlQuery* PreparedStatement::get(const QSqlDatabase& db, QString* error) {
    if (!m_prepared) {
        m_query = QSqlQuery(db);
        m_query.setForwardOnly(true);
        if (!m_query.prepare(m_sql)) {
            *error = sqlErrorText(m_query.lastError());
            return nullptr;
        }
        m_prepared = true;
    } else {
        m_query.finish();
    }
    return &m_query;
}

} // namespace syncdesk
