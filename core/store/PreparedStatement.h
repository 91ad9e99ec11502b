#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace syncdesk {

// A statement prepared on first use and reused afterwards (the stores keep one per SQL text).
class PreparedStatement {
public:
    explicit PreparedStatement(QString sql)
        : m_sql(std::move(sql)) {}

    // The prepared query with its previous bindings and results cleared; nullptr when preparing failed
    // (then *error is set).
    QSqlQuery* get(const QSqlDatabase& db, QString* error);

private:
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
};

} // namespace syncdesk
