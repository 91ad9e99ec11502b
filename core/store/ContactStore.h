#pragma once

#include "core/model/Contact.h"
#include "core/store/PreparedStatement.h"
#include "core/store/SqlUtil.h"

#include <QList>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace syncdesk {

class Workspace;

// Contacts of a workspace. Same rules as CompanyStore: one per thread, statements reused, failures
// reported by lastError().
class ContactStore {
public:
    explicit ContactStore(const Workspace& workspace);

    // Both set contact.emailKey (emailKeyFor) and the timestamps; insert also sets contact.id.
    // AlreadyComputed: the caller has set contact.emailKey = emailKeyFor(contact) itself (saves work in
    // bulk).
    enum class DerivedKey { Compute, AlreadyComputed };
    bool insert(Contact& contact, DerivedKey derived = DerivedKey::Compute);
    bool update(Contact& contact, DerivedKey derived = DerivedKey::Compute); // by id; created_at is kept
    bool remove(qint64 id);

    std::optional<Contact> get(qint64 id);
    QList<Contact> getRange(qint64 firstId, qint64 lastId); // ids firstId..lastId that exist, in id order
    std::optional<Contact> findByExternalId(const QString& externalId);
    std::optional<Contact> findByEmailKey(const QString& emailKey); // the oldest with that key
    // The oldest contact of that company (none: contacts without a company) with that first and last
    // name, compared case-insensitively (ASCII letters).
    std::optional<Contact> findByName(std::optional<qint64> companyId, const QString& firstName,
                                      const QString& lastName);
    QList<Contact> listByCompany(qint64 companyId); // in id order
    qint64 count();

    // Calls `visit(contact)` for every contact in id order with id, externalId, companyId, firstName,
    // lastName and emailKey filled in (the other members are left empty).
    bool forEachIdentity(const std::function<void(const Contact&)>& visit);

    QString lastError() const { return m_error; }
    void setClock(std::function<QDateTime()> clock) { m_clock.setClock(std::move(clock)); }

    // The key the store keeps in email_key: EmailAddress::normalize(email).key.
    static QString emailKeyFor(const Contact& contact);

private:
    bool runSelect(PreparedStatement& statement, const QVariantList& values, QList<Contact>* out, int limit);
    std::optional<Contact> fetchOne(PreparedStatement& statement, const QVariantList& values);
    bool fail(const QString& error);

    QSqlDatabase m_db;
    QString m_error;
    StoredTimeClock m_clock;
    PreparedStatement m_insert;
    PreparedStatement m_update;
    PreparedStatement m_remove;
    PreparedStatement m_get;
    PreparedStatement m_getRange;
    PreparedStatement m_byExternalId;
    PreparedStatement m_byEmailKey;
    PreparedStatement m_byName;
    PreparedStatement m_byCompany;
};

} // namespace syncdesk
