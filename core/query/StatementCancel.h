#pragma once

#include <QSqlDatabase>

#include <functional>

namespace syncdesk {

// Lets a connection's running statements be abandoned as soon as their answer is no longer wanted
// (a keystroke made the query outdated): while it lives, SQLite polls `shouldStop` every
// ~1,000 virtual-machine steps (its progress handler, well under a millisecond apart) and, when it
// returns true, stops the statement, which then fails with "interrupted". `shouldStop` runs on the
// connection's thread; make it cheap and thread-safe (an atomic read).
//
// Create it on the thread that owns the connection; one per connection at a time.
class StatementCancel {
public:
    StatementCancel(const QSqlDatabase& db, std::function<bool()> shouldStop);
    ~StatementCancel(); // removes the check
    StatementCancel(const StatementCancel&) = delete;
    StatementCancel& operator=(const StatementCancel&) = delete;

    // False when the connection is not an open SQLite one (nothing is then checked).
    bool isActive() const { return m_handle != nullptr; }

private:
    static int poll(void* self);

    void* m_handle = nullptr; // sqlite3*
    std::function<bool()> m_shouldStop;
};

} // namespace syncdesk
