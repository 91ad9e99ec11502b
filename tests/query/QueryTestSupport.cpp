#include "QueryTestSupport.h"

#include "core/store/Schema.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <gtest/gtest.h>

namespace syncdesk::test {

QueryWorkspace::QueryWorkspace()
    : m_name(QStringLiteral("query-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open()) {
        ADD_FAILURE() << "cannot open an in-memory database: " << db.lastError().text().toStdString();
        return;
    }
    for (const SchemaMigration& m : workspaceMigrations()) {
        for (const QString& statement : m.statements)
            exec(statement);
    }
    for (const FieldDefinition& f : builtInFields(RecordObject::Company)) {
        exec(QStringLiteral("INSERT INTO field_definitions (object, key, label, type, built_in, position)"
                            " VALUES ('company', ?, ?, ?, 1, ?)"),
             {f.key, f.label, fieldTypeName(f.type), f.position});
    }
}

QueryWorkspace::~QueryWorkspace() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase QueryWorkspace::db() const {
    return QSqlDatabase::database(m_name, false);
}

void QueryWorkspace::exec(const QString& sql, const QVariantList& binds) {
    QSqlQuery q(db());
    if (!q.prepare(sql)) {
        ADD_FAILURE() << "prepare failed: " << q.lastError().text().toStdString() << "\n"
                      << sql.toStdString();
        return;
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        ADD_FAILURE() << "exec failed: " << q.lastError().text().toStdString() << "\n" << sql.toStdString();
}

void QueryWorkspace::addCustomField(const QString& key, const QString& label, FieldType type) {
    exec(QStringLiteral("INSERT INTO field_definitions (object, key, label, type, built_in, position)"
                        " VALUES ('company', ?, ?, ?, 0, ?)"),
         {key, label, fieldTypeName(type), m_nextPosition++});
}

qint64 QueryWorkspace::insert(const Company& c) {
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("INSERT INTO companies (name, website, domain, industry, employees, country, city,"
                       " description, linkedin_url, custom, created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // A null QString would be bound as NULL; the text columns are NOT NULL DEFAULT ''.
    auto text = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; };
    for (const QVariant& v :
         QVariantList{text(c.name), text(c.website), text(c.domain), text(c.industry), c.employees,
                      text(c.country), text(c.city), text(c.description), text(c.linkedinUrl),
                      QString::fromUtf8(QJsonDocument(c.custom).toJson(QJsonDocument::Compact)), c.createdAt,
                      c.updatedAt})
        q.addBindValue(v);
    if (!q.exec()) {
        ADD_FAILURE() << "insert failed: " << q.lastError().text().toStdString();
        return -1;
    }
    return q.lastInsertId().toLongLong();
}

} // namespace syncdesk::test
