#include "tests/store/TempWorkspace.h"

#include "core/model/FieldDefinition.h"
#include "core/store/FieldStore.h"
#include "core/store/Schema.h"
#include "core/store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::TempWorkspace;

namespace {

// A plain SQLite connection to a file, outside of Workspace, to prepare or inspect files.
class RawDb {
public:
    explicit RawDb(const QString& path)
        : m_name(QStringLiteral("raw-%1").arg(++s_serial)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        EXPECT_TRUE(db.open());
    }
    ~RawDb() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant value(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
        return q.next() ? q.value(0) : QVariant();
    }
    void exec(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString() << ": " << q.lastError().text().toStdString();
    }

private:
    static inline int s_serial = 0;
    QString m_name;
};

QVariant queryValue(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery q(db);
    EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
    return q.next() ? q.value(0) : QVariant();
}

QStringList tableNames(const QSqlDatabase& db) {
    QSqlQuery q(db);
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

} // namespace

TEST(Workspace, CreatesAndMigratesAnEmptyFile) {
    TempWorkspace ws;
    ASSERT_TRUE(QFile::exists(ws.path()));
    EXPECT_EQ(ws->schemaVersion(), currentSchemaVersion());
    EXPECT_GE(currentSchemaVersion(), 2);
    const QStringList tables = tableNames(ws->database());
    for (const char* t : {"field_definitions", "companies", "contacts"})
        EXPECT_TRUE(tables.contains(QLatin1String(t))) << t;
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("PRAGMA application_id")).toInt(),
              Workspace::applicationId);
}

TEST(Workspace, SeedsTheBuiltInFieldsOnce) {
    TempWorkspace ws;
    FieldStore fields(*ws);
    auto check = [&fields] {
        for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
            const QList<FieldDefinition> stored = fields.list(object);
            const QList<FieldDefinition> expected = builtInFields(object);
            ASSERT_EQ(stored.size(), expected.size());
            for (qsizetype i = 0; i < stored.size(); ++i) {
                EXPECT_EQ(stored[i].key, expected[i].key);
                EXPECT_EQ(stored[i].type, expected[i].type);
                EXPECT_TRUE(stored[i].builtIn);
                EXPECT_EQ(stored[i].label, expected[i].label);
            }
        }
    };
    check();
    ws.reopen();
    FieldStore again(*ws);
    EXPECT_EQ(again.list(RecordObject::Company).size(), builtInFields(RecordObject::Company).size());
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("SELECT count(*) FROM field_definitions")).toInt(),
              builtInFields(RecordObject::Company).size() + builtInFields(RecordObject::Contact).size());
}

TEST(Workspace, ReopenKeepsDataAndVersion) {
    TempWorkspace ws;
    {
        QSqlQuery q(ws->database());
        ASSERT_TRUE(
            q.exec(QStringLiteral("INSERT INTO companies (name, created_at, updated_at)"
                                  " VALUES ('Acme', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')")));
    }
    ws.reopen();
    EXPECT_EQ(ws->schemaVersion(), currentSchemaVersion());
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("SELECT name FROM companies")).toString(), u"Acme");
}

TEST(Workspace, MigratesAnOlderFileForward) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        // A workspace as version 1 left it.
        RawDb raw(path);
        raw.exec(QStringLiteral("PRAGMA application_id = %1").arg(Workspace::applicationId));
        for (const QString& sql : workspaceMigrations().first().statements)
            raw.exec(sql);
        raw.exec(QStringLiteral("PRAGMA user_version = 1"));
        raw.exec(
            QStringLiteral("INSERT INTO companies (name, created_at, updated_at) VALUES ('Old', 'x', 'x')"));
    }
    QString error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error.toStdString();
    EXPECT_EQ(ws->schemaVersion(), currentSchemaVersion());
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("SELECT name FROM companies")).toString(), u"Old");
}

TEST(Workspace, RefusesAFileFromANewerVersion) {
    TempWorkspace ws;
    const QString path = ws.path();
    ws.close();
    {
        RawDb raw(path);
        raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(currentSchemaVersion() + 1));
    }
    QString error;
    EXPECT_FALSE(Workspace::open(path, &error));
    EXPECT_TRUE(error.contains(u"newer version of SyncDesk")) << error.toStdString();
    EXPECT_TRUE(error.contains(QString::number(currentSchemaVersion() + 1))) << error.toStdString();
    RawDb raw(path);
    EXPECT_EQ(raw.value(QStringLiteral("PRAGMA user_version")).toInt(),
              currentSchemaVersion() + 1); // untouched
}

TEST(Workspace, RefusesFilesThatAreNotWorkspaces) {
    QTemporaryDir dir;
    QString error;

    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(text);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    EXPECT_FALSE(Workspace::open(text, &error));
    EXPECT_TRUE(error.contains(u"not a SQLite database")) << error.toStdString();

    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    {
        RawDb raw(other);
        raw.exec(QStringLiteral("CREATE TABLE songs (title TEXT)"));
    }
    EXPECT_FALSE(Workspace::open(other, &error));
    EXPECT_TRUE(error.contains(u"another application")) << error.toStdString();

    EXPECT_FALSE(Workspace::open(dir.path(), &error));
    EXPECT_TRUE(error.contains(u"is a folder")) << error.toStdString();

    EXPECT_FALSE(Workspace::open(dir.filePath(QStringLiteral("missing/ws.sqlite")), &error));
    EXPECT_TRUE(error.contains(u"does not exist")) << error.toStdString();

    EXPECT_FALSE(Workspace::open(QString(), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(Workspace, UsesWalAndForeignKeysOnEveryConnection) {
    TempWorkspace ws;
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("PRAGMA journal_mode")).toString(), u"wal");
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);

    QString otherName;
    int otherForeignKeys = -1;
    QString otherJournal;
    QThread* thread = QThread::create([&] {
        QSqlDatabase db = ws->database();
        otherName = db.connectionName();
        otherForeignKeys = queryValue(db, QStringLiteral("PRAGMA foreign_keys")).toInt();
        otherJournal = queryValue(db, QStringLiteral("PRAGMA journal_mode")).toString();
    });
    thread->start();
    ASSERT_TRUE(thread->wait(10000));
    EXPECT_EQ(otherForeignKeys, 1);
    EXPECT_EQ(otherJournal, u"wal");
    EXPECT_NE(otherName, ws->connectionName());
    EXPECT_TRUE(otherName.contains(ws.path()));
    EXPECT_FALSE(QSqlDatabase::contains(otherName)) << "a finished thread's connection is removed";
    delete thread;
}

// An import into an empty table writes with a rollback journal (docs/import.md "Performance"). A
// connection that opens the workspace meanwhile cannot switch it back to WAL while the import holds
// its write lock, and SQLite says so at once instead of waiting: open() waits for the lock to go.
TEST(Workspace, OpeningWaitsForAWriterInRollbackJournalMode) {
    TempWorkspace ws;
    ws.close();
    QSemaphore locked;
    QSemaphore opening;
    QThread* writer = QThread::create([&] {
        RawDb db(ws.path());
        db.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        db.exec(QStringLiteral("BEGIN IMMEDIATE"));
        db.exec(QStringLiteral("CREATE TABLE scratch(x)"));
        db.exec(QStringLiteral("INSERT INTO scratch VALUES (1)"));
        locked.release();
        opening.acquire();
        QThread::msleep(300);
        db.exec(QStringLiteral("COMMIT"));
    });
    writer->start();
    locked.acquire();
    opening.release();
    QString error;
    const std::unique_ptr<Workspace> reopened = Workspace::open(ws.path(), &error);
    ASSERT_TRUE(reopened) << error.toStdString();
    EXPECT_EQ(queryValue(reopened->database(), QStringLiteral("PRAGMA journal_mode")).toString(), u"wal");
    EXPECT_EQ(queryValue(reopened->database(), QStringLiteral("SELECT count(*) FROM scratch")).toInt(), 1)
        << "opened after the writer committed";
    ASSERT_TRUE(writer->wait(10000));
    delete writer;
}

TEST(Workspace, OneConnectionPerThreadAndReleasable) {
    TempWorkspace ws;
    const QString name = ws->connectionName();
    EXPECT_EQ(ws->database().connectionName(), name);
    EXPECT_TRUE(QSqlDatabase::contains(name));
    ws->releaseThreadConnection();
    EXPECT_FALSE(QSqlDatabase::contains(name));
    EXPECT_TRUE(ws->database().isOpen()); // reopened on demand
    EXPECT_EQ(queryValue(ws->database(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    ws.close();
    EXPECT_FALSE(QSqlDatabase::contains(name));
}

TEST(Workspace, TransactionsCommitRollBackAndNest) {
    TempWorkspace ws;
    auto insert = [&ws](const char* name) {
        QSqlQuery q(ws->database());
        q.prepare(
            QStringLiteral("INSERT INTO companies (name, created_at, updated_at) VALUES (?, 'x', 'x')"));
        q.addBindValue(QString::fromLatin1(name));
        EXPECT_TRUE(q.exec());
    };
    auto names = [&ws] {
        QSqlQuery q(ws->database());
        q.exec(
            QStringLiteral("SELECT group_concat(name, ',') FROM (SELECT name FROM companies ORDER BY id)"));
        return q.next() ? q.value(0).toString() : QString();
    };
    {
        auto tx = ws->transaction();
        ASSERT_TRUE(tx.isActive()) << tx.error().toStdString();
        insert("rolled-back");
    } // destroyed without commit
    EXPECT_EQ(names(), QString());
    {
        auto tx = ws->transaction();
        insert("outer");
        {
            auto inner = ws->transaction();
            ASSERT_TRUE(inner.isActive()) << inner.error().toStdString();
            insert("inner-dropped");
            inner.rollback();
        }
        {
            auto inner = ws->transaction();
            insert("inner-kept");
            EXPECT_TRUE(inner.commit());
        }
        EXPECT_TRUE(tx.commit()) << tx.error().toStdString();
        EXPECT_FALSE(tx.commit());
    }
    EXPECT_EQ(names(), u"outer,inner-kept");
    {
        auto tx = ws->transaction(); // depth is back to 0: a real transaction again
        insert("later");
        tx.rollback();
    }
    EXPECT_EQ(names(), u"outer,inner-kept");
}

TEST(Workspace, DefaultPathIsInAppData) {
    QStandardPaths::setTestModeEnabled(true); // ~/.qttest, not the real application data
    const QString path = Workspace::defaultPath();
    EXPECT_EQ(path, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/workspace.sqlite");
    EXPECT_TRUE(QFileInfo(path).dir().exists());
    QStandardPaths::setTestModeEnabled(false);
}

#ifdef Q_OS_LINUX
// startWriteback() hands the file to the kernel in the middle of a write transaction; the transaction
// goes on and commits as before. A file that is gone is reported, not a crash.
TEST(Workspace, StartsWritingBackMidTransactionWithoutChangingIt) {
    TempWorkspace ws;
    QSqlDatabase db = ws->database();
    Workspace::Transaction tx = ws->transaction();
    ASSERT_TRUE(tx.isActive());
    QSqlQuery q(db);
    ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE filler (v TEXT)")));
    ASSERT_TRUE(
        q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < 20000) INSERT INTO filler SELECT printf('%0200d', i) FROM n")));
    EXPECT_TRUE(ws->startWriteback());
    ASSERT_TRUE(tx.commit()) << tx.error().toStdString();
    EXPECT_EQ(queryValue(db, QStringLiteral("SELECT count(*) FROM filler")).toInt(), 20000);
    EXPECT_EQ(queryValue(db, QStringLiteral("PRAGMA integrity_check")).toString(), u"ok");

    auto gone = Workspace::open(ws.dir() + QStringLiteral("/other.sqlite"));
    ASSERT_TRUE(gone);
    gone->database().close();
    ASSERT_TRUE(QFile::remove(gone->path()));
    QFile::remove(gone->path() + QStringLiteral("-wal"));
    EXPECT_FALSE(gone->startWriteback());
}
#endif
