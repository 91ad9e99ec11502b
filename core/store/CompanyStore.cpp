#include "core/store/CompanyStore.h"

#include "core/domain/DomainKey.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace syncdesk {

namespace {

#define COMPANY_COLUMNS                                                                                      \
    "id, external_id, name, website, domain, industry, employees, country, city, description, "              \
    "linkedin_url, "                                                                                         \
    "domain_key, custom, created_at, updated_at"

QString selectWhere(const char* condition) {
    return QStringLiteral("SELECT " COMPANY_COLUMNS " FROM companies WHERE ") + QLatin1String(condition);
}

Company readCompany(const QSqlQuery& q) {
    Company c;
    c.id = q.value(0).toLongLong();
    c.externalId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.website = q.value(3).toString();
    c.domain = q.value(4).toString();
    c.industry = q.value(5).toString();
    const QVariant employees = q.value(6);
    if (!employees.isNull())
        c.employees = employees.toLongLong();
    c.country = q.value(7).toString();
    c.city = q.value(8).toString();
    c.description = q.value(9).toString();
    c.linkedinUrl = q.value(10).toString();
    c.domainKey = q.value(11).toString();
    c.custom = decodeCustomValues(q.value(12).toString());
    c.createdAt = parseStoredTime(q.value(13).toString());
    c.updatedAt = parseStoredTime(q.value(14).toString());
    return c;
}

// Binds the data columns in the order of the INSERT and UPDATE statements below (positions 0..11).
void bindData(QSqlQuery& q, const Company& c) {
    q.bindValue(0, textOrNull(c.externalId));
    q.bindValue(1, notNull(c.name));
    q.bindValue(2, notNull(c.website));
    q.bindValue(3, notNull(c.domain));
    q.bindValue(4, notNull(c.industry));
    q.bindValue(5, c.employees ? QVariant(*c.employees) : QVariant(QMetaType(QMetaType::LongLong)));
    q.bindValue(6, notNull(c.country));
    q.bindValue(7, notNull(c.city));
    q.bindValue(8, notNull(c.description));
    q.bindValue(9, notNull(c.linkedinUrl));
    q.bindValue(10, notNull(c.domainKey));
    q.bindValue(11, encodeCustomValues(c.custom));
}

} // namespace

CompanyStore::CompanyStore(const Workspace& workspace)
    : m_db(workspace.database())
    , m_insert(
          QStringLiteral("INSERT INTO companies (external_id, name, website, domain, industry, employees,"
                         " country, city, description, linkedin_url, domain_key, custom, created_at,"
                         " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_update(QStringLiteral("UPDATE companies SET external_id = ?, name = ?, website = ?, domain = ?,"
                              " industry = ?, employees = ?, country = ?, city = ?, description = ?,"
                              " linkedin_url = ?, domain_key = ?, custom = ?, updated_at = ? WHERE id = ?"))
    , m_remove(QStringLiteral("DELETE FROM companies WHERE id = ?"))
    , m_get(selectWhere("id = ?"))
    , m_getRange(selectWhere("id >= ? AND id <= ? ORDER BY id"))
    , m_byExternalId(selectWhere("external_id = ?"))
    , m_byDomainKey(selectWhere("domain_key = ? ORDER BY id LIMIT 1"))
    , m_byName(selectWhere("name = ? COLLATE NOCASE ORDER BY id LIMIT 1")) {}

QString CompanyStore::domainKeyFor(const Company& company) {
    QString key = DomainKey::key(company.website, DomainPolicy::Host);
    if (key.isEmpty())
        key = DomainKey::key(company.domain, DomainPolicy::Host);
    return key;
}

bool CompanyStore::fail(const QString& error) {
    m_error = error;
    return false;
}

bool CompanyStore::insert(Company& company, DerivedKey derived) {
    m_error.clear();
    QSqlQuery* q = m_insert.get(m_db, &m_error);
    if (!q)
        return false;
    if (derived == DerivedKey::Compute)
        company.domainKey = domainKeyFor(company);
    const QDateTime now = m_clock.now();
    const QString& nowText = m_clock.text(now);
    bindData(*q, company);
    q->bindValue(12, nowText);
    q->bindValue(13, nowText);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    company.id = q->lastInsertId().toLongLong();
    company.createdAt = company.updatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

bool CompanyStore::update(Company& company, DerivedKey derived) {
    m_error.clear();
    QSqlQuery* q = m_update.get(m_db, &m_error);
    if (!q)
        return false;
    if (derived == DerivedKey::Compute)
        company.domainKey = domainKeyFor(company);
    const QDateTime now = m_clock.now();
    bindData(*q, company);
    q->bindValue(12, m_clock.text(now));
    q->bindValue(13, company.id);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    if (q->numRowsAffected() != 1)
        return fail(
            QCoreApplication::translate("CompanyStore", "There is no company with id %1.").arg(company.id));
    company.updatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

bool CompanyStore::remove(qint64 id) {
    m_error.clear();
    QSqlQuery* q = m_remove.get(m_db, &m_error);
    if (!q)
        return false;
    q->bindValue(0, id);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    return q->numRowsAffected() == 1;
}

std::optional<Company> CompanyStore::fetchOne(PreparedStatement& statement, const QVariant& value) {
    m_error.clear();
    QSqlQuery* q = statement.get(m_db, &m_error);
    if (!q)
        return std::nullopt;
    q->bindValue(0, value);
    if (!q->exec()) {
        m_error = sqlErrorText(q->lastError());
        return std::nullopt;
    }
    if (!q->next())
        return std::nullopt;
    Company c = readCompany(*q);
    q->finish();
    return c;
}

std::optional<Company> CompanyStore::get(qint64 id) {
    return fetchOne(m_get, id);
}

QList<Company> CompanyStore::getRange(qint64 firstId, qint64 lastId) {
    m_error.clear();
    QList<Company> companies;
    QSqlQuery* q = m_getRange.get(m_db, &m_error);
    if (!q)
        return companies;
    q->bindValue(0, firstId);
    q->bindValue(1, lastId);
    if (!q->exec()) {
        m_error = sqlErrorText(q->lastError());
        return companies;
    }
    while (q->next())
        companies.append(readCompany(*q));
    q->finish();
    return companies;
}

std::optional<Company> CompanyStore::findByExternalId(const QString& externalId) {
    if (externalId.isEmpty())
        return std::nullopt;
    return fetchOne(m_byExternalId, externalId);
}

std::optional<Company> CompanyStore::findByDomainKey(const QString& domainKey) {
    if (domainKey.isEmpty())
        return std::nullopt;
    return fetchOne(m_byDomainKey, domainKey);
}

std::optional<Company> CompanyStore::findByName(const QString& name) {
    if (name.isEmpty())
        return std::nullopt;
    return fetchOne(m_byName, name);
}

qint64 CompanyStore::count() {
    m_error.clear();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM companies")) || !q.next()) {
        m_error = sqlErrorText(q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

qint64 CompanyStore::maxId() {
    m_error.clear();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM companies")) || !q.next()) {
        m_error = sqlErrorText(q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

bool CompanyStore::forEachIdentity(
    const std::function<void(qint64, const QString&, const QString&, const QString&)>& visit) {
    m_error.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, external_id, domain_key, name FROM companies ORDER BY id")))
        return fail(sqlErrorText(q.lastError()));
    while (q.next())
        visit(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
    if (q.lastError().isValid())
        return fail(sqlErrorText(q.lastError()));
    return true;
}

} // namespace syncdesk
