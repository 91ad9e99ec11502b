#include "core/store/CompanyStore.h"

#include "core/domain/DomainKey.h"
#include "core/store/SqliteStatement.h"
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

// Reads the columns of COMPANY_COLUMNS from a row: a QSqlQuery (QueryRow) or a SqliteStatement.
struct QueryRow {
    const QSqlQuery& q;
    bool isNull(int i) const { return q.isNull(i); }
    qint64 int64(int i) const { return q.value(i).toLongLong(); }
    QString text(int i) const { return q.value(i).toString(); }
};

template <typename Row> Company readCompany(const Row& row) {
    Company c;
    c.id = row.int64(0);
    c.externalId = row.text(1);
    c.name = row.text(2);
    c.website = row.text(3);
    c.domain = row.text(4);
    c.industry = row.text(5);
    if (!row.isNull(6))
        c.employees = row.int64(6);
    c.country = row.text(7);
    c.city = row.text(8);
    c.description = row.text(9);
    c.linkedinUrl = row.text(10);
    c.domainKey = row.text(11);
    c.custom = decodeCustomValues(row.text(12));
    c.createdAt = parseStoredTime(row.text(13));
    c.updatedAt = parseStoredTime(row.text(14));
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

void bindData(SqliteStatement& s, const Company& c) {
    s.bindTextOrNull(0, c.externalId);
    s.bindText(1, c.name);
    s.bindText(2, c.website);
    s.bindText(3, c.domain);
    s.bindText(4, c.industry);
    s.bindInt64OrNull(5, c.employees);
    s.bindText(6, c.country);
    s.bindText(7, c.city);
    s.bindText(8, c.description);
    s.bindText(9, c.linkedinUrl);
    s.bindText(10, c.domainKey);
    s.bindText(11, encodeCustomValues(c.custom));
}

// The values of bindData() (employees aside), in its order. An empty external id is written as NULL.
void bindData(SqliteStatement& s, const Company& c, const QByteArray& out, const CompanyStore::Encoded& e) {
    for (int i = 0; i < 12; ++i) {
        const qsizetype size = e.offsets[i + 1] - e.offsets[i];
        if (i == 5)
            s.bindInt64OrNull(5, c.employees);
        else if (i == 0 && size == 0)
            s.bindNull(0);
        else
            s.bindUtf8(i, out.constData() + e.offsets[i], size);
    }
}

#define INSERT_SQL                                                                                           \
    "INSERT INTO companies (external_id, name, website, domain, industry, employees, country, city,"         \
    " description, linkedin_url, domain_key, custom, created_at, updated_at)"                                \
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define UPDATE_SQL                                                                                           \
    "UPDATE companies SET external_id = ?, name = ?, website = ?, domain = ?, industry = ?, employees = ?,"  \
    " country = ?, city = ?, description = ?, linkedin_url = ?, domain_key = ?, custom = ?, updated_at = ?"  \
    " WHERE id = ?"
#define GET_RANGE_SQL "SELECT " COMPANY_COLUMNS " FROM companies WHERE id >= ? AND id <= ? ORDER BY id"

} // namespace

CompanyStore::CompanyStore(const Workspace& workspace)
    : m_db(workspace.database())
    , m_insert(QStringLiteral(INSERT_SQL))
    , m_update(QStringLiteral(UPDATE_SQL))
    , m_remove(QStringLiteral("DELETE FROM companies WHERE id = ?"))
    , m_get(selectWhere("id = ?"))
    , m_getRange(QStringLiteral(GET_RANGE_SQL))
    , m_byExternalId(selectWhere("external_id = ?"))
    , m_byDomainKey(selectWhere("domain_key = ? ORDER BY id LIMIT 1"))
    , m_byName(selectWhere("name = ? COLLATE NOCASE ORDER BY id LIMIT 1")) {}

CompanyStore::~CompanyStore() = default;

struct CompanyStore::Direct {
    SqliteStatement insert;
    SqliteStatement update;
    SqliteStatement getRange;
};

bool CompanyStore::useDirectStatements(bool on) {
    m_direct.reset();
    if (!on)
        return false;
    sqlite3* handle = SqliteStatement::handleOf(m_db);
    auto direct = std::make_unique<Direct>();
    if (!direct->insert.prepare(handle, INSERT_SQL) || !direct->update.prepare(handle, UPDATE_SQL) ||
        !direct->getRange.prepare(handle, GET_RANGE_SQL))
        return false; // QtSql it is
    m_direct = std::move(direct);
    return true;
}

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
    if (derived == DerivedKey::Compute)
        company.domainKey = domainKeyFor(company);
    if (m_direct) {
        QByteArray out;
        const Encoded encoded = encode(company, out);
        return insert(company, out, encoded);
    }
    const QDateTime now = m_clock.now();
    const QString& nowText = m_clock.text(now);
    QSqlQuery* q = m_insert.get(m_db, &m_error);
    if (!q)
        return false;
    bindData(*q, company);
    q->bindValue(12, nowText);
    q->bindValue(13, nowText);
    if (!q->exec())
        return fail(sqlErrorText(q->lastError()));
    company.id = q->lastInsertId().toLongLong();
    company.createdAt = company.updatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

CompanyStore::Encoded CompanyStore::encode(const Company& c, QByteArray& out) {
    const QString* texts[] = {&c.externalId, &c.name, &c.website,     &c.domain,      &c.industry, nullptr,
                              &c.country,    &c.city, &c.description, &c.linkedinUrl, &c.domainKey};
    Encoded e;
    for (int i = 0; i < 11; ++i) {
        e.offsets[i] = out.size();
        if (texts[i])
            SqliteStatement::appendUtf8(*texts[i], out);
    }
    e.offsets[11] = out.size();
    SqliteStatement::appendUtf8(encodeCustomValues(c.custom), out);
    e.offsets[12] = out.size();
    return e;
}

bool CompanyStore::insert(Company& company, const QByteArray& out, const Encoded& encoded) {
    if (!m_direct)
        return insert(company, DerivedKey::AlreadyComputed);
    m_error.clear();
    const QDateTime now = m_clock.now();
    const QString& nowText = m_clock.text(now);
    SqliteStatement& s = m_direct->insert;
    bindData(s, company, out, encoded);
    s.bindText(12, nowText);
    s.bindText(13, nowText);
    const bool ok = s.step() == SqliteStatement::Step::Done;
    if (!ok)
        m_error = s.errorText();
    s.reset();
    if (!ok)
        return false;
    company.id = s.lastInsertRowId();
    company.createdAt = company.updatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

bool CompanyStore::update(Company& company, DerivedKey derived) {
    m_error.clear();
    if (derived == DerivedKey::Compute)
        company.domainKey = domainKeyFor(company);
    const QDateTime now = m_clock.now();
    qint64 changed = 0;
    if (m_direct) {
        SqliteStatement& s = m_direct->update;
        bindData(s, company);
        s.bindText(12, m_clock.text(now));
        s.bindInt64(13, company.id);
        const bool ok = s.step() == SqliteStatement::Step::Done;
        if (!ok)
            m_error = s.errorText();
        changed = s.changes();
        s.reset();
        if (!ok)
            return false;
    } else {
        QSqlQuery* q = m_update.get(m_db, &m_error);
        if (!q)
            return false;
        bindData(*q, company);
        q->bindValue(12, m_clock.text(now));
        q->bindValue(13, company.id);
        if (!q->exec())
            return fail(sqlErrorText(q->lastError()));
        changed = q->numRowsAffected();
    }
    if (changed != 1)
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
    Company c = readCompany(QueryRow{*q});
    q->finish();
    return c;
}

std::optional<Company> CompanyStore::get(qint64 id) {
    return fetchOne(m_get, id);
}

QList<Company> CompanyStore::getRange(qint64 firstId, qint64 lastId) {
    m_error.clear();
    QList<Company> companies;
    if (m_direct) {
        SqliteStatement& s = m_direct->getRange;
        s.bindInt64(0, firstId);
        s.bindInt64(1, lastId);
        SqliteStatement::Step step;
        while ((step = s.step()) == SqliteStatement::Step::Row)
            companies.append(readCompany(s));
        if (step == SqliteStatement::Step::Error)
            m_error = s.errorText();
        s.reset();
        return companies;
    }
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
        companies.append(readCompany(QueryRow{*q}));
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
