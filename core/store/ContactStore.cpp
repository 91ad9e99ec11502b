#include "core/store/ContactStore.h"

#include "core/domain/EmailAddress.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace syncdesk {

namespace {

#define CONTACT_COLUMNS                                                                                      \
    "id, external_id, company_id, first_name, last_name, email, email_key, job_title, phone, custom, "       \
    "created_at, updated_at"

QString selectWhere(const char* condition) {
    return QStringLiteral("SELECT " CONTACT_COLUMNS " FROM contacts WHERE ") + QLatin1String(condition);
}

QVariant idOrNull(std::optional<qint64> id) {
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

Contact readContact(const QSqlQuery& q) {
    Contact c;
    c.id = q.value(0).toLongLong();
    c.externalId = q.value(1).toString();
    const QVariant companyId = q.value(2);
    if (!companyId.isNull())
        c.companyId = companyId.toLongLong();
    c.firstName = q.value(3).toString();
    c.lastName = q.value(4).toString();
    c.email = q.value(5).toString();
    c.emailKey = q.value(6).toString();
    c.jobTitle = q.value(7).toString();
    c.phone = q.value(8).toString();
    c.custom = decodeCustomValues(q.value(9).toString());
    c.createdAt = parseStoredTime(q.value(10).toString());
    c.updatedAt = parseStoredTime(q.value(11).toString());
    return c;
}

// Binds the data columns in the order of the INSERT and UPDATE statements below (positions 0..8).
void bindData(QSqlQuery& q, const Contact& c) {
    q.bindValue(0, textOrNull(c.externalId));
    q.bindValue(1, idOrNull(c.companyId));
    q.bindValue(2, notNull(c.firstName));
    q.bindValue(3, notNull(c.lastName));
    q.bindValue(4, notNull(c.email));
    q.bindValue(5, notNull(c.emailKey));
    q.bindValue(6, notNull(c.jobTitle));
    q.bindValue(7, notNull(c.phone));
    q.bindValue(8, encodeCustomValues(c.custom));
}

} // namespace

ContactStore::ContactStore(const Workspace& workspace)
    : m_db(workspace.database())
    , m_insert(QStringLiteral("INSERT INTO contacts (external_id, company_id, first_name, last_name, email,"
                              " email_key, job_title, phone, custom, created_at, updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_update(
          QStringLiteral("UPDATE contacts SET external_id = ?, company_id = ?, first_name = ?,"
                         " last_name = ?, email = ?, email_key = ?, job_title = ?, phone = ?, custom = ?,"
                         " updated_at = ? WHERE id = ?"))
    , m_remove(QStringLiteral("DELETE FROM contacts WHERE id = ?"))
    , m_get(selectWhere("id = ?"))
    , m_getRange(selectWhere("id >= ? AND id <= ? ORDER BY id"))
    , m_byExternalId(selectWhere("external_id = ?"))
    , m_byEmailKey(selectWhere("email_key = ? ORDER BY id LIMIT 1"))
    , m_byName(
          selectWhere("company_id IS ? AND last_name = ? COLLATE NOCASE AND first_name = ? COLLATE NOCASE"
                      " ORDER BY id LIMIT 1"))
    , m_byCompany(selectWhere("company_id = ? ORDER BY id")) {}

QString ContactStore::emailKeyFor(const Contact& contact) {
    return EmailAddress::normalize(contact.email).key;
}

bool ContactStore::fail(const QString& error) {
    m_error = error;
    return false;
}

bool ContactStore::insert(Contact& contact, DerivedKey derived) {
    m_error.clear();
    QSqlQuery* q = m_insert.get(m_db, &m_error);
    if (!q)
        return false;
    if (derived == DerivedKey::Compute)
        contact.emailKey = emailKeyFor(contact);
    const QDateTime now = m_clock.now();
    const QString& nowText = m_clock.text(now);
    bindData(*q, contact);
    q->bindValue(9, nowText);
    q->bindValue(10, nowText);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    contact.id = q->lastInsertId().toLongLong();
    contact.createdAt = contact.updatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

bool ContactStore::update(Contact& contact, DerivedKey derived) {
    m_error.clear();
    QSqlQuery* q = m_update.get(m_db, &m_error);
    if (!q)
        return false;
    if (derived == DerivedKey::Compute)
        contact.emailKey = emailKeyFor(contact);
    const QDateTime now = m_clock.now();
    bindData(*q, contact);
    q->bindValue(9, m_clock.text(now));
    q->bindValue(10, contact.id);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    if (q->numRowsAffected() != 1)
        return fail(
            QCoreApplication::translate("ContactStore", "There is no contact with id %1.").arg(contact.id));
    contact.updatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

bool ContactStore::remove(qint64 id) {
    m_error.clear();
    QSqlQuery* q = m_remove.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, id);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    return q->numRowsAffected() == 1;
}

bool ContactStore::runSelect(PreparedStatement& statement, const QVariantList& values, QList<Contact>* out,
                             int limit) {
    m_error.clear();
    QSqlQuery* q = statement.get(m_db, &m_error);
    if (!q)
        return false;
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    while ((limit < 0 || out->size() < limit) && q->next())
        out->append(readContact(*q));
    q->finish();
    return true;
}

std::optional<Contact> ContactStore::fetchOne(PreparedStatement& statement, const QVariantList& values) {
    QList<Contact> found;
    if (!runSelect(statement, values, &found, 1) || found.isEmpty())
        return std::nullopt;
    return found.takeFirst();
}

std::optional<Contact> ContactStore::get(qint64 id) {
    return fetchOne(m_get, {id});
}

QList<Contact> ContactStore::getRange(qint64 firstId, qint64 lastId) {
    QList<Contact> contacts;
    runSelect(m_getRange, {firstId, lastId}, &contacts, -1);
    return contacts;
}

std::optional<Contact> ContactStore::findByExternalId(const QString& externalId) {
    if (externalId.isEmpty())
        return std::nullopt;
    return fetchOne(m_byExternalId, {externalId});
}

std::optional<Contact> ContactStore::findByEmailKey(const QString& emailKey) {
    if (emailKey.isEmpty())
        return std::nullopt;
    return fetchOne(m_byEmailKey, {emailKey});
}

std::optional<Contact> ContactStore::findByName(std::optional<qint64> companyId, const QString& firstName,
                                                const QString& lastName) {
    if (firstName.isEmpty() && lastName.isEmpty())
        return std::nullopt;
    return fetchOne(m_byName, {idOrNull(companyId), notNull(lastName), notNull(firstName)});
}

QList<Contact> ContactStore::listByCompany(qint64 companyId) {
    QList<Contact> contacts;
    runSelect(m_byCompany, {companyId}, &contacts, -1);
    return contacts;
}

qint64 ContactStore::count() {
    m_error.clear();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM contacts")) || !q.next()) {
        m_error = sqlErrorText(q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

bool ContactStore::forEachIdentity(const std::function<void(const Contact&)>& visit) {
    m_error.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, external_id, company_id, first_name, last_name, email_key"
                               " FROM contacts ORDER BY id")))
        return fail(sqlErrorText(q.lastError()));
    Contact c;
    while (q.next()) {
        c.id = q.value(0).toLongLong();
        c.externalId = q.value(1).toString();
        const QVariant companyId = q.value(2);
        c.companyId = companyId.isNull() ? std::nullopt : std::optional<qint64>(companyId.toLongLong());
        c.firstName = q.value(3).toString();
        c.lastName = q.value(4).toString();
        c.emailKey = q.value(5).toString();
        visit(c);
    }
    if (q.lastError().isValid())
        return fail(sqlErrorText(q.lastError()));
    return true;
}

} // namespace syncdesk
