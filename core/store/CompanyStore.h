#pragma once

#include "core/model/Company.h"
#include "core/store/PreparedStatement.h"
#include "core/store/SqlUtil.h"

#include <QList>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

namespace syncdesk {

class Workspace;

// Companies of a workspace. Uses the connection of the thread that constructs it: create one per
// thread. Statements are prepared once and reused. On failure a method returns false / nullopt and
// lastError() says why; "not found" is nullopt with an empty lastError().
class CompanyStore {
public:
    explicit CompanyStore(const Workspace& workspace);
    ~CompanyStore();

    // For a bulk job (an import): insert(), update() and getRange() go through SQLite's C API
    // (SqliteStatement.h), several times faster than QtSql, until useDirectStatements(false) or the
    // store's end. The store must then end before the workspace's connection of this thread is closed.
    // False when they cannot be used (the store keeps using QtSql).
    bool useDirectStatements(bool on);

    // Both set company.domainKey (domainKeyFor) and the timestamps; insert also sets company.id.
    // AlreadyComputed: the caller has set company.domainKey = domainKeyFor(company) itself (saves work in
    // bulk).
    enum class DerivedKey { Compute, AlreadyComputed };
    bool insert(Company& company, DerivedKey derived = DerivedKey::Compute);
    // The values insert() writes, encoded ahead of it: appended to `out` as UTF-8 (the custom values as
    // JSON). An import does that on its reading thread, the rows of a batch into one buffer. Safe on
    // any thread; company.domainKey must be set. Column i is out[offsets[i], offsets[i + 1]).
    struct Encoded {
        qsizetype offsets[13];
    };
    static Encoded encode(const Company& company, QByteArray& out);
    bool insert(Company& company, const QByteArray& out, const Encoded& encoded); // encode(company, out)
    bool update(Company& company, DerivedKey derived = DerivedKey::Compute);      // by id; created_at is kept
    bool remove(qint64 id);

    std::optional<Company> get(qint64 id);
    QList<Company> getRange(qint64 firstId, qint64 lastId); // ids firstId..lastId that exist, in id order
    std::optional<Company> findByExternalId(const QString& externalId);
    std::optional<Company> findByDomainKey(const QString& domainKey); // the oldest with that key
    std::optional<Company> findByName(const QString& name); // case-insensitive (ASCII letters), the oldest
    qint64 count();
    qint64 maxId();

    // Calls `visit(id, externalId, domainKey, name)` for every company in id order.
    bool
    forEachIdentity(const std::function<void(qint64, const QString&, const QString&, const QString&)>& visit);

    QString lastError() const { return m_error; }
    void setClock(std::function<QDateTime()> clock) { m_clock.setClock(std::move(clock)); }

    // The key the store keeps in domain_key: host-policy DomainKey of the website, else of the domain.
    static QString domainKeyFor(const Company& company);

private:
    std::optional<Company> fetchOne(PreparedStatement& statement, const QVariant& value);
    bool fail(const QString& error);

    struct Direct;

    QSqlDatabase m_db;
    QString m_error;
    std::unique_ptr<Direct> m_direct;
    StoredTimeClock m_clock;
    PreparedStatement m_insert;
    PreparedStatement m_update;
    PreparedStatement m_remove;
    PreparedStatement m_get;
    PreparedStatement m_getRange;
    PreparedStatement m_byExternalId;
    PreparedStatement m_byDomainKey;
    PreparedStatement m_byName;
};

} // namespace syncdesk
