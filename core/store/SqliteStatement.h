#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace syncdesk {

// A statement prepared through SQLite's C API on the connection behind a QtSql database (the QSQLITE
// driver's handle). For the store's bulk paths only (an import writes a million rows): QtSql formats a
// placeholder name for every bound value and copies every value through a QVariant, which costs more
// than SQLite's own work. Values are bound by position, parameterised as everywhere else.
//
// The statement must be destroyed (finalized) before its connection is closed: QtSql's close() fails
// on a connection with statements it does not know about. Keep it for the length of one job.
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // The SQLite connection of an open QSQLITE database; nullptr for other drivers or a closed one.
    static sqlite3* handleOf(const QSqlDatabase& db);

    bool prepare(sqlite3* db, const char* sql); // false: errorText() says why
    bool isPrepared() const { return m_stmt != nullptr; }

    // Positions are 0-based, as with QSqlQuery::bindValue. Text is copied (to UTF-8) until the next
    // reset().
    void bindText(int index, const QString& text);
    void bindTextOrNull(int index, const QString& text) { // NULL for an empty text
        text.isEmpty() ? bindNull(index) : bindText(index, text);
    }
    // UTF-8 encoded ahead: bound as it is, not copied; it must stay until the next reset().
    void bindUtf8(int index, const char* utf8, qsizetype size);
    // UTF-8 of `text` appended to `out`; the common all-ASCII case without a second pass.
    static void appendUtf8(const QString& text, QByteArray& out);
    void bindInt64(int index, qint64 value);
    void bindInt64OrNull(int index, std::optional<qint64> value) {
        value ? bindInt64(index, *value) : bindNull(index);
    }
    void bindNull(int index);

    enum class Step { Row, Done, Error };
    Step step();
    void reset(); // ready to run again; bindings cleared

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;

    qint64 lastInsertRowId() const;
    qint64 changes() const; // rows changed by the last step of an INSERT/UPDATE/DELETE
    QString errorText() const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::vector<QByteArray> m_buffers; // UTF-8 of the bound texts, one per parameter, reused
};

} // namespace syncdesk
