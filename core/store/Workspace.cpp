#include "core/store/Workspace.h"

#include "core/model/FieldDefinition.h"
#include "core/store/Schema.h"
#include "core/store/SqlUtil.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <optional>
#include <utility>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

// Info and debug messages are off unless enabled (QT_LOGGING_RULES="syncdesk.store.debug=true").
Q_LOGGING_CATEGORY(lcStore, "syncdesk.store", QtWarningMsg)

namespace syncdesk {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Workspace", text);
}

// How long a statement waits for another connection's lock (QSQLITE_BUSY_TIMEOUT).
constexpr int BusyTimeoutMs = 10000;

// SQLITE_BUSY or SQLITE_LOCKED (their primary codes; extended codes keep them in the low byte).
bool isBusy(const QSqlError& error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 5 || code == 6);
}

// Open transactions per connection of this thread (connection name -> depth).
thread_local QHash<QString, int> t_transactionDepth;

std::optional<qint64> pragmaValue(QSqlDatabase& db, const QString& pragma, QString* error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + pragma) || !q.next()) {
        *error = sqlErrorText(q.lastError());
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

bool seedBuiltInFields(QSqlDatabase& db, QString* error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO field_definitions (object, key, label, type, built_in, position)"
                             " VALUES (?, ?, ?, ?, 1, ?)"));
    for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
        for (const FieldDefinition& f : builtInFields(object)) {
            q.bindValue(0, recordObjectName(object));
            q.bindValue(1, f.key);
            q.bindValue(2, f.label);
            q.bindValue(3, fieldTypeName(f.type));
            q.bindValue(4, f.position);
            if (!q.exec()) {
                *error = sqlErrorText(q.lastError());
                return false;
            }
        }
    }
    return true;
}

// Data that a migration adds besides its statements (Schema.cpp holds only SQL).
bool runMigrationDataStep(QSqlDatabase& db, int version, QString* error) {
    switch (version) {
    case 1:
        return seedBuiltInFields(db, error);
    default:
        return true;
    }
}

std::atomic<int> s_workspaceSerial{0};

} // namespace

Workspace::Workspace(const QString& path)
    : m_path(path)
    , m_guard(std::make_unique<QObject>()) {
    m_connectionPrefix = QStringLiteral("syncdesk-workspace:%1#%2@").arg(path).arg(++s_workspaceSerial);
}

Workspace::~Workspace() {
    QMutexLocker lock(&m_mutex);
    for (const QString& name : std::as_const(m_connections)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

std::unique_ptr<Workspace> Workspace::open(const QString& path, QString* error) {
    QString message;
    std::unique_ptr<Workspace> ws;
    if (path.isEmpty()) {
        message = tr("No workspace file given.");
    } else {
        ws.reset(new Workspace(QFileInfo(path).absoluteFilePath()));
        if (!ws->initialize(&message))
            ws.reset();
    }
    if (!ws) {
        qCInfo(lcStore).noquote() << message; // the caller reports it
        if (error)
            *error = message;
    }
    return ws;
}

QString Workspace::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/workspace.sqlite");
}

QString Workspace::connectionName() const {
    return m_connectionPrefix + QString::number(quintptr(QThread::currentThread()), 16);
}

QSqlDatabase Workspace::database() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    {
        QMutexLocker lock(&m_mutex);
        m_connections.append(name);
    }
    if (QThread* thread = QThread::currentThread(); thread != m_guard->thread()) {
        QObject::connect(
            thread, &QThread::finished, m_guard.get(),
            [this, name] {
                {
                    QMutexLocker lock(&m_mutex);
                    m_connections.removeOne(name);
                }
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            },
            Qt::DirectConnection);
    }
    if (!db.open()) {
        qCInfo(lcStore).noquote() << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    // Per connection: foreign keys are off by default in SQLite; NORMAL is safe in WAL mode.
    for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            qCWarning(lcStore).noquote() << pragma << "failed:" << q.lastError().text();
    }
    return db;
}

void Workspace::releaseThreadConnection() const {
    const QString name = connectionName();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connections.removeOne(name))
            return;
    }
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

bool Workspace::startWriteback() const {
    bool started = false;
#ifdef Q_OS_LINUX
    for (const QString& file : QStringList{m_path, m_path + QStringLiteral("-wal")}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        // The whole file (0, 0), written asynchronously: this returns once the writes are queued.
        if (::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE) == 0)
            started = true;
        ::close(fd);
    }
#endif
    return started;
}

int Workspace::schemaVersion() const {
    QSqlDatabase db = database();
    QString error;
    return int(pragmaValue(db, QStringLiteral("user_version"), &error).value_or(-1));
}

bool Workspace::initialize(QString* error) {
    const QFileInfo info(m_path);
    if (info.isDir()) {
        *error = tr("The workspace %1 is a folder, not a file.").arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    if (!info.dir().exists()) {
        *error = tr("Cannot create the workspace %1: the folder %2 does not exist.")
                     .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        *error = tr("Cannot open the workspace %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), sqlErrorText(db.lastError()));
        return false;
    }

    QString sqlError;
    const auto appId = pragmaValue(db, QStringLiteral("application_id"), &sqlError);
    const auto version = pragmaValue(db, QStringLiteral("user_version"), &sqlError);
    QSqlQuery tables(db);
    if (!appId || !version || !tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) ||
        !tables.next()) {
        *error = tr("Cannot open the workspace %1: it is not a SQLite database or cannot be read (%2).")
                     .arg(QDir::toNativeSeparators(m_path),
                          sqlError.isEmpty() ? sqlErrorText(tables.lastError()) : sqlError);
        return false;
    }
    const bool foreign = (*appId != 0 && *appId != applicationId) ||
                         (*appId == 0 && *version == 0 && tables.value(0).toLongLong() > 0);
    tables.finish();
    if (foreign) {
        *error = tr("The file %1 is an SQLite database of another application, not a SyncDesk workspace.")
                     .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    if (*version > currentSchemaVersion()) {
        *error = tr("The workspace %1 was written by a newer version of SyncDesk (schema version %2; this "
                    "version knows up to %3). Update SyncDesk to open it.")
                     .arg(QDir::toNativeSeparators(m_path))
                     .arg(*version)
                     .arg(currentSchemaVersion());
        return false;
    }

    // An import into an empty table runs with a rollback journal (docs/import.md "Performance");
    // while it writes, SQLite refuses the switch back to WAL at once instead of calling the busy
    // handler, so the busy timeout is waited for here.
    QSqlQuery wal(db);
    const QDeadlineTimer deadline(BusyTimeoutMs);
    bool switched = false;
    while (!(switched = wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && wal.next()) &&
           isBusy(wal.lastError()) && !deadline.hasExpired())
        QThread::msleep(50);
    if (!switched) {
        *error = isBusy(wal.lastError())
                     ? tr("Cannot open the workspace %1: another program is writing to it (an import "
                          "into an empty workspace, for example). Try again when it is done.")
                           .arg(QDir::toNativeSeparators(m_path))
                     : tr("Cannot open the workspace %1: %2")
                           .arg(QDir::toNativeSeparators(m_path), sqlErrorText(wal.lastError()));
        return false;
    }
    if (wal.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "journal mode is" << wal.value(0).toString() << "instead of WAL for" << m_path;
    wal.finish();
    return migrate(db, error);
}

bool Workspace::migrate(QSqlDatabase& db, QString* error) {
    QString sqlError;
    if (pragmaValue(db, QStringLiteral("user_version"), &sqlError).value_or(-1) >= currentSchemaVersion())
        return true; // up to date: no write lock taken
    for (const SchemaMigration& migration : workspaceMigrations()) {
        Transaction tx(db);
        if (!tx.isActive()) {
            *error =
                tr("Cannot upgrade the workspace %1: %2").arg(QDir::toNativeSeparators(m_path), tx.error());
            return false;
        }
        // Read inside the write transaction: another process may have migrated meanwhile.
        const auto version = pragmaValue(db, QStringLiteral("user_version"), &sqlError);
        if (!version) {
            *error =
                tr("Cannot upgrade the workspace %1: %2").arg(QDir::toNativeSeparators(m_path), sqlError);
            return false;
        }
        if (*version >= migration.version)
            continue;

        QSqlQuery q(db);
        QStringList statements = migration.statements;
        if (*version == 0)
            statements.prepend(QStringLiteral("PRAGMA application_id = %1").arg(applicationId));
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        bool ok = true;
        for (const QString& sql : std::as_const(statements)) {
            if (!q.exec(sql)) {
                sqlError = sqlErrorText(q.lastError());
                ok = false;
                break;
            }
        }
        if (ok)
            ok = runMigrationDataStep(db, migration.version, &sqlError);
        if (ok && !tx.commit()) {
            sqlError = tx.error();
            ok = false;
        }
        if (!ok) {
            *error = tr("Cannot upgrade the workspace %1 to schema version %2: %3")
                         .arg(QDir::toNativeSeparators(m_path))
                         .arg(migration.version)
                         .arg(sqlError);
            return false;
        }
        qCInfo(lcStore) << "workspace" << m_path << "migrated to schema version" << migration.version;
    }
    return true;
}

// --- Transaction ---------------------------------------------------------------------------------

Workspace::Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)) {
    if (!m_db.isOpen()) {
        m_error = tr("The workspace is not open.");
        return;
    }
    int& depth = t_transactionDepth[m_db.connectionName()];
    m_depth = depth;
    if (run(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                         : QStringLiteral("SAVEPOINT sd_%1").arg(m_depth))) {
        m_active = true;
        ++depth;
    }
}

Workspace::Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::move(other.m_db))
    , m_depth(other.m_depth)
    , m_active(std::exchange(other.m_active, false))
    , m_error(std::move(other.m_error)) {}

Workspace::Transaction::~Transaction() {
    rollback();
}

bool Workspace::Transaction::run(const QString& sql) {
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    m_error = sqlErrorText(q.lastError());
    return false;
}

bool Workspace::Transaction::commit() {
    if (!m_active) {
        if (m_error.isEmpty())
            m_error = tr("No transaction is open.");
        return false;
    }
    if (!run(m_depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sd_%1").arg(m_depth)))
        return false; // still open: the destructor or rollback() ends it
    m_active = false;
    t_transactionDepth[m_db.connectionName()] = m_depth;
    return true;
}

void Workspace::Transaction::rollback() {
    if (!m_active)
        return;
    m_active = false;
    if (m_depth == 0) {
        run(QStringLiteral("ROLLBACK"));
    } else {
        run(QStringLiteral("ROLLBACK TO sd_%1").arg(m_depth));
        run(QStringLiteral("RELEASE sd_%1").arg(m_depth));
    }
    t_transactionDepth[m_db.connectionName()] = m_depth;
}

} // namespace syncdesk
