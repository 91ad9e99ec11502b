#pragma once

// Connections of a workspace (PRODUCT.md "Connection"): which CRM, where, and how to sync with it.
// Never their secrets: a connection's token lives in the OS keychain under its `uuid`
// (SecretStore::connectionKey(uuid)).
//
// Link note: the store module depends only on model/domain and Qt. The enum-valued settings are
// therefore kept as their stable names (the same names as core/sync/SyncSettings.h and
// core/connectors/CrmTypes.h use) and the typed accessors below are inline, so that only code that
// calls them links core/sync and core/connectors.

#include "core/connectors/CrmTypes.h"
#include "core/store/PreparedStatement.h"
#include "core/sync/SyncSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace syncdesk {

class Workspace;

struct Connection {
    qint64 id = 0;        // row id (0: not stored yet)
    QString uuid;         // stable id; the keychain key is SecretStore::connectionKey(uuid)
    QString name;         // unique in the workspace (case-insensitive)
    QString type;         // "hubspot" | "salesforce" | "sandbox" (crmKindName)
    QString baseUrl;      // API base URL; empty: the CRM's public API (HubSpot https://api.hubapi.com)
    QString matchPolicy;  // "host" | "registrable" (DomainKey::policyName)
    QString companyMode;  // "create_update" | "update_only"
    QString contactMode;  // "create_update" | "update_only" | "disabled"
    QString ambiguous;    // "skip" | "update_oldest"
    QString lookup;       // "auto" | "search" | "list"
    QJsonObject settings; // more settings (see the keys below)
    QDateTime createdAt;  // UTC

    // Keys of `settings`.
    static inline const QString UniqueIdPropertyConsentKey = QStringLiteral("unique_id_property_consent");
    static inline const QString UniqueIdPropertyExistsKey = QStringLiteral("unique_id_property_exists");

    // ---- Typed views (inline: see the link note above) -------------------------------------
    CrmKind kind() const { return parseCrmKind(type).value_or(CrmKind::HubSpot); }
    SyncSettings syncSettings() const {
        SyncSettings s = SyncSettings::defaultsFor(kind());
        if (matchPolicy == QLatin1String("registrable"))
            s.policy = DomainPolicy::Registrable;
        else if (matchPolicy == QLatin1String("host"))
            s.policy = DomainPolicy::Host;
        s.companyMode = parseCompanySyncMode(companyMode).value_or(s.companyMode);
        s.contactMode = parseContactSyncMode(contactMode).value_or(s.contactMode);
        s.ambiguous = parseAmbiguousHandling(ambiguous).value_or(s.ambiguous);
        s.lookup = parseLookupStrategy(lookup).value_or(s.lookup);
        return s;
    }
    void setSyncSettings(const SyncSettings& s) {
        matchPolicy =
            s.policy == DomainPolicy::Registrable ? QStringLiteral("registrable") : QStringLiteral("host");
        companyMode = companySyncModeName(s.companyMode);
        contactMode = contactSyncModeName(s.contactMode);
        ambiguous = ambiguousHandlingName(s.ambiguous);
        lookup = lookupStrategyName(s.lookup);
    }
    // A new, unsaved connection of `kind` with that CRM's default sync settings and a fresh uuid.
    static Connection make(const QString& name, CrmKind kind, const QString& baseUrl = {}) {
        Connection c;
        c.uuid = newUuid();
        c.name = name.trimmed();
        c.type = crmKindName(kind);
        c.baseUrl = baseUrl;
        c.setSyncSettings(SyncSettings::defaultsFor(kind));
        return c;
    }

    // The user agreed that SyncDesk may create the unique id property (HubSpot `syncdesk_id`,
    // Salesforce `SyncDesk_Id__c`) on the CRM, and whether it is known to exist there.
    bool uniqueIdPropertyConsented() const { return settings.value(UniqueIdPropertyConsentKey).toBool(); }
    bool uniqueIdPropertyExists() const { return settings.value(UniqueIdPropertyExistsKey).toBool(); }
    void setUniqueIdPropertyConsented(bool on) { settings.insert(UniqueIdPropertyConsentKey, on); }
    void setUniqueIdPropertyExists(bool on) { settings.insert(UniqueIdPropertyExistsKey, on); }

    static QString newUuid(); // a random UUID without braces
};

// CRUD over the `connections` table. Same threading rules as the other stores: one instance per
// thread, on that thread's connection (Workspace::database()).
class ConnectionStore {
    Q_DECLARE_TR_FUNCTIONS(ConnectionStore)

public:
    explicit ConnectionStore(const Workspace& workspace);

    // By name (order of creation). Empty on error (see lastError()).
    QList<Connection> list();
    // By name, case-insensitive (names are unique that way).
    std::optional<Connection> findByName(const QString& name);
    std::optional<Connection> find(qint64 id);
    std::optional<Connection> findByUuid(const QString& uuid);

    // Inserts a new connection (id must be 0) and returns it with its id and created_at. Refuses an
    // empty or too long name (at most 100 characters, no control characters), a name already used,
    // an unknown type or setting value, an empty uuid. createdAt is "now" when not set.
    std::optional<Connection> add(const Connection& connection);
    // Updates name, base URL and settings of a stored connection (found by id). The uuid and type
    // never change.
    bool update(const Connection& connection);
    // Deletes the connection, its mappings and its cached CRM properties. (Its secret is the
    // caller's to delete: the store never sees it.) False when there was no such connection.
    bool remove(qint64 id);

    QString lastError() const { return m_error; }

    // Checks a name for a new or renamed connection; returns a translated reason, or empty when fine.
    static QString nameProblem(const QString& name);

private:
    bool fail(const QString& error);
    std::optional<Connection> findBy(PreparedStatement& statement, const QVariant& value);
    QString valueProblem(const Connection& c) const;

    QSqlDatabase m_db;
    QString m_error;
    PreparedStatement m_list;
    PreparedStatement m_byName;
    PreparedStatement m_byId;
    PreparedStatement m_byUuid;
    PreparedStatement m_insert;
    PreparedStatement m_update;
    PreparedStatement m_remove;
};

} // namespace syncdesk
