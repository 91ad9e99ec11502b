#pragma once

#include "core/model/FieldDefinition.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>
#include <ostream>

// Readable QString / QStringList values in GoogleTest failure messages.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
inline void PrintTo(const QStringList& l, std::ostream* os) {
    *os << '[' << l.join(QStringLiteral(" | ")).toStdString() << ']';
}

namespace syncdesk::test {

// A private in-memory workspace for one test: the real schema (every migration of Schema.h, run
// here directly), the built-in company fields and any custom ones, and rows inserted with plain SQL.
class QueryWorkspace {
public:
    QueryWorkspace();
    ~QueryWorkspace();
    QueryWorkspace(const QueryWorkspace&) = delete;
    QueryWorkspace& operator=(const QueryWorkspace&) = delete;

    QString connectionName() const { return m_name; }
    QSqlDatabase db() const;

    void addCustomField(const QString& key, const QString& label, FieldType type);

    struct Company {
        QString name;
        QString website;
        QString domain;
        QString industry;
        QVariant employees; // null: unknown
        QString country;
        QString city;
        QJsonObject custom;
        QString description;
        QString linkedinUrl;
        QString createdAt = QStringLiteral("2024-01-01T00:00:00Z");
        QString updatedAt = QStringLiteral("2024-01-01T00:00:00Z");
    };
    qint64 insert(const Company& c);

    // Runs a statement; fails the test (ADD_FAILURE) when it does not succeed.
    void exec(const QString& sql, const QVariantList& binds = {});

private:
    QString m_name;
    int m_nextPosition = 100;
};

} // namespace syncdesk::test
