#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

class QObject;
class QThread;

namespace syncdesk {

// The workspace: one SQLite file (docs/workspace.md). open() creates the file or brings its schema
// up to date (PRAGMA user_version + workspaceMigrations(), one transaction per migration) and refuses
// a file written by a newer SyncDesk. Every thread gets its own named QSqlDatabase connection (WAL,
// foreign keys on); database() returns the calling thread's, opening it on first use. Destroy the
// Workspace after the threads that used it are done with their connections (a QThread's connection
// is closed when the thread finishes; other threads call releaseThreadConnection()).
class Workspace {
public:
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Opens (creating or migrating) the workspace at `path`. On failure returns nullptr and sets
    // *error to a translated, plain-language message naming the file.
    static std::unique_ptr<Workspace> open(const QString& path, QString* error = nullptr);

    // QStandardPaths::AppDataLocation + "/workspace.sqlite"; creates the folder.
    static QString defaultPath();

    // The value stored in PRAGMA application_id of every workspace file ("SDWS").
    static constexpr int applicationId = 0x53445753;

    QString path() const { return m_path; }

    // The calling thread's connection (opened on first use). Check isOpen(): opening can fail.
    QSqlDatabase database() const;
    // Name of the calling thread's connection: derived from the file path, this Workspace and the thread.
    QString connectionName() const;
    // Closes and removes the calling thread's connection (the next database() reopens it).
    void releaseThreadConnection() const;

    int schemaVersion() const; // PRAGMA user_version, -1 on error

    // Asks the operating system to start writing the workspace file's (and its WAL's) changed pages
    // to disk now, without waiting for it (Linux: sync_file_range). A long write transaction calls it
    // between phases, so that its commit, which waits until every page is on disk, finds most of them
    // written. Durability is unchanged: the commit still syncs. Returns whether any file was handed
    // over (false elsewhere than Linux, or when the file cannot be opened).
    bool startWriteback() const;

    // RAII transaction on the calling thread's connection: BEGIN IMMEDIATE, or a SAVEPOINT when one
    // is already open on this connection. Rolled back on destruction unless commit() succeeded.
    class Transaction {
    public:
        explicit Transaction(QSqlDatabase db);
        ~Transaction();
        Transaction(Transaction&& other) noexcept;
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        Transaction& operator=(Transaction&&) = delete;

        bool isActive() const { return m_active; } // began and not yet committed or rolled back
        QString error() const { return m_error; }  // why begin or commit failed
        bool commit();
        void rollback();

    private:
        bool run(const QString& sql);
        QSqlDatabase m_db;
        int m_depth = 0; // 0: outermost (BEGIN), n: SAVEPOINT sd_n
        bool m_active = false;
        QString m_error;
    };
    Transaction transaction() const { return Transaction(database()); }

private:
    explicit Workspace(const QString& path);
    bool initialize(QString* error);
    bool migrate(QSqlDatabase& db, QString* error);

    QString m_path;
    QString m_connectionPrefix;
    std::unique_ptr<QObject> m_guard; // context of the per-thread cleanup connections
    mutable QMutex m_mutex;
    mutable QStringList m_connections;
};

} // namespace syncdesk
