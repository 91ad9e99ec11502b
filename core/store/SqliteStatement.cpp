#include "core/store/SqliteStatement.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace syncdesk {

void SqliteStatement::appendUtf8(const QString& text, QByteArray& out) {
    const qsizetype start = out.size();
    const qsizetype n = text.size();
    out.resize(start + n);
    const char16_t* s = reinterpret_cast<const char16_t*>(text.constData());
    char* d = out.data() + start;
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] >= 0x80) {
            out.truncate(start);
            out += text.toUtf8();
            return;
        }
        d[i] = char(s[i]);
    }
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_stmt);
}

sqlite3* SqliteStatement::handleOf(const QSqlDatabase& db) {
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

bool SqliteStatement::prepare(sqlite3* db, const char* sql) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = db;
    if (!db)
        return false;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    m_buffers.assign(size_t(sqlite3_bind_parameter_count(m_stmt)), QByteArray());
    return true;
}

void SqliteStatement::bindText(int index, const QString& text) {
    QByteArray& buffer = m_buffers.at(size_t(index));
    buffer.resize(0); // keeps its memory
    appendUtf8(text, buffer);
    bindUtf8(index, buffer.constData(), buffer.size());
}

void SqliteStatement::bindUtf8(int index, const char* utf8, qsizetype size) {
    // Never a null pointer: that would bind NULL instead of an empty text.
    sqlite3_bind_text(m_stmt, index + 1, size == 0 ? "" : utf8, int(size), SQLITE_STATIC);
}

void SqliteStatement::bindInt64(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void SqliteStatement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index + 1);
}

SqliteStatement::Step SqliteStatement::step() {
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

void SqliteStatement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

qint64 SqliteStatement::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

qint64 SqliteStatement::changes() const {
    return sqlite3_changes64(m_db);
}

QString SqliteStatement::errorText() const {
    if (!m_db)
        return QCoreApplication::translate("SqliteStatement", "not an SQLite connection");
    return QString::fromUtf8(sqlite3_errmsg(m_db)).trimmed();
}

} // namespace syncdesk
