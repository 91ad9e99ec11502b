#include "core/store/ConnectionStore.h"

#include "core/store/SqlUtil.h"
#include "core/store/Workspace.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace syncdesk {

namespace {

constexpr int MaxNameLength = 100;

const QString columns =
    QStringLiteral("id, uuid, name, type, base_url, match_policy, company_mode, contact_mode,"
                   " ambiguous, lookup, settings, created_at");

// The allowed values of each enum-valued column (the CHECK constraints of migration 3).
bool allowed(const QString& value, std::initializer_list<const char*> values) {
    for (const char* v : values) {
        if (value == QLatin1String(v))
            return true;
    }
    return false;
}

QString timeText(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODate);
}

Connection fromRow(const QSqlQuery& q) {
    Connection c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.name = q.value(2).toString();
    c.type = q.value(3).toString();
    c.baseUrl = q.value(4).toString();
    c.matchPolicy = q.value(5).toString();
    c.companyMode = q.value(6).toString();
    c.contactMode = q.value(7).toString();
    c.ambiguous = q.value(8).toString();
    c.lookup = q.value(9).toString();
    c.settings = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    c.createdAt = parseStoredTime(q.value(11).toString());
    return c;
}

} // namespace

QString Connection::newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ConnectionStore::ConnectionStore(const Workspace& workspace)
    : m_db(workspace.database())
    , m_list(QStringLiteral("SELECT ") + columns +
             QStringLiteral(" FROM connections ORDER BY name COLLATE NOCASE, id"))
    , m_byName(QStringLiteral("SELECT ") + columns +
               QStringLiteral(" FROM connections WHERE name = ? COLLATE NOCASE"))
    , m_byId(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM connections WHERE id = ?"))
    , m_byUuid(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM connections WHERE uuid = ?"))
    , m_insert(
          QStringLiteral("INSERT INTO connections (uuid, name, type, base_url, match_policy, company_mode,"
                         " contact_mode, ambiguous, lookup, settings, created_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_update(
          QStringLiteral("UPDATE connections SET name = ?, base_url = ?, match_policy = ?, company_mode = ?,"
                         " contact_mode = ?, ambiguous = ?, lookup = ?, settings = ? WHERE id = ?"))
    , m_remove(QStringLiteral("DELETE FROM connections WHERE id = ?")) {}

bool ConnectionStore::fail(const QString& error) {
    m_error = error;
    return false;
}

QString ConnectionStore::nameProblem(const QString& name) {
    const QString n = name.trimmed();
    if (n.isEmpty())
        return tr("A connection needs a name.");
    if (n.size() > MaxNameLength)
        return tr("The connection name is longer than %1 characters.").arg(MaxNameLength);
    for (QChar c : n) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return tr("The connection name contains a control character.");
    }
    if (n.startsWith(QLatin1String("-")))
        return tr("The connection name must not start with \"-\" (it would read as an option).");
    return QString();
}

QString ConnectionStore::valueProblem(const Connection& c) const {
    if (const QString p = nameProblem(c.name); !p.isEmpty())
        return p;
    if (c.uuid.trimmed().isEmpty())
        return tr("The connection \"%1\" has no id.").arg(c.name);
    if (!allowed(c.type, {"hubspot", "salesforce", "sandbox"}))
        return tr("Unknown connection type \"%1\" (hubspot, salesforce or sandbox).").arg(c.type);
    if (!allowed(c.matchPolicy, {"host", "registrable"}))
        return tr("Unknown match policy \"%1\" (host or registrable).").arg(c.matchPolicy);
    if (!allowed(c.companyMode, {"create_update", "update_only"}))
        return tr("Unknown company sync mode \"%1\" (create_update or update_only).").arg(c.companyMode);
    if (!allowed(c.contactMode, {"create_update", "update_only", "disabled"}))
        return tr("Unknown contact sync mode \"%1\" (create_update, update_only or disabled).")
            .arg(c.contactMode);
    if (!allowed(c.ambiguous, {"skip", "update_oldest"}))
        return tr("Unknown handling of ambiguous matches \"%1\" (skip or update_oldest).").arg(c.ambiguous);
    if (!allowed(c.lookup, {"auto", "search", "list"}))
        return tr("Unknown lookup strategy \"%1\" (auto, search or list).").arg(c.lookup);
    return QString();
}

std::optional<Connection> ConnectionStore::findBy(PreparedStatement& statement, const QVariant& value) {
    m_error.clear();
    QSqlQuery* q = statement.get(m_db, &m_error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, value);
    if (!q->exec()) {
        fail(sqlErrorText(q->lastError()));
        return std::nullopt;
    }
    if (!q->next())
        return std::nullopt;
    return fromRow(*q);
}

QList<Connection> ConnectionStore::list() {
    m_error.clear();
    QList<Connection> out;
    QSqlQuery* q = m_list.get(m_db, &m_error);
    if (!q)
        return out;
    if (!q->exec()) {
        fail(sqlErrorText(q->lastError()));
        return out;
    }
    while (q->next())
        out.append(fromRow(*q));
    return out;
}

std::optional<Connection> ConnectionStore::findByName(const QString& name) {
    return findBy(m_byName, name.trimmed());
}

std::optional<Connection> ConnectionStore::find(qint64 id) {
    return findBy(m_byId, id);
}

std::optional<Connection> ConnectionStore::findByUuid(const QString& uuid) {
    return findBy(m_byUuid, uuid);
}

std::optional<Connection> ConnectionStore::add(const Connection& connection) {
    m_error.clear();
    Connection c = connection;
    c.name = c.name.trimmed();
    if (c.id != 0) {
        fail(tr("The connection \"%1\" is already stored.").arg(c.name));
        return std::nullopt;
    }
    if (const QString p = valueProblem(c); !p.isEmpty()) {
        fail(p);
        return std::nullopt;
    }
    if (findByName(c.name)) {
        fail(tr("A connection named \"%1\" already exists.").arg(c.name));
        return std::nullopt;
    }
    if (!c.createdAt.isValid())
        c.createdAt = QDateTime::currentDateTimeUtc();
    c.createdAt = QDateTime::fromSecsSinceEpoch(c.createdAt.toSecsSinceEpoch(), Qt::UTC); // stored precision
    QSqlQuery* q = m_insert.get(m_db, &m_error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, c.uuid);
    q->bindValue(1, c.name);
    q->bindValue(2, c.type);
    q->bindValue(3, notNull(c.baseUrl));
    q->bindValue(4, c.matchPolicy);
    q->bindValue(5, c.companyMode);
    q->bindValue(6, c.contactMode);
    q->bindValue(7, c.ambiguous);
    q->bindValue(8, c.lookup);
    q->bindValue(9, QString::fromUtf8(QJsonDocument(c.settings).toJson(QJsonDocument::Compact)));
    q->bindValue(10, timeText(c.createdAt));
    if (!q->exec()) {
        fail(sqlErrorText(q->lastError()));
        return std::nullopt;
    }
    c.id = q->lastInsertId().toLongLong();
    return c;
}

bool ConnectionStore::update(const Connection& connection) {
    m_error.clear();
    Connection c = connection;
    c.name = c.name.trimmed();
    const std::optional<Connection> stored = find(c.id);
    if (!stored)
        return fail(m_error.isEmpty() ? tr("There is no connection with id %1.").arg(c.id) : m_error);
    c.uuid = stored->uuid;
    c.type = stored->type;
    if (const QString p = valueProblem(c); !p.isEmpty())
        return fail(p);
    if (const std::optional<Connection> other = findByName(c.name); other && other->id != c.id)
        return fail(tr("A connection named \"%1\" already exists.").arg(c.name));
    QSqlQuery* q = m_update.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, c.name);
    q->bindValue(1, notNull(c.baseUrl));
    q->bindValue(2, c.matchPolicy);
    q->bindValue(3, c.companyMode);
    q->bindValue(4, c.contactMode);
    q->bindValue(5, c.ambiguous);
    q->bindValue(6, c.lookup);
    q->bindValue(7, QString::fromUtf8(QJsonDocument(c.settings).toJson(QJsonDocument::Compact)));
    q->bindValue(8, c.id);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    return true;
}

bool ConnectionStore::remove(qint64 id) {
    m_error.clear();
    QSqlQuery* q = m_remove.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, id);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    if (q->numRowsAffected() < 1)
        return fail(tr("There is no connection with id %1.").arg(id));
    return true;
}

} // namespace syncdesk
