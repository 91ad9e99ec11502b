// ConnectionStore and MappingStore over a real workspace file (migration 3).
#include "core/store/ConnectionStore.h"
#include "core/connectors/CrmPropertyJson.h"
#include "core/store/MappingStore.h"
#include "core/store/Schema.h"
#include "tests/store/TempWorkspace.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace syncdesk;

namespace {

qint64 countRows(Workspace& ws, const char* sql) {
    QSqlQuery q(ws.database());
    EXPECT_TRUE(q.exec(QLatin1String(sql))) << q.lastError().text().toStdString();
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

TEST(ConnectionStore, AddsFindsListsUpdatesAndRemoves) {
    test::TempWorkspace ws;
    ConnectionStore store(*ws);
    Connection prod = Connection::make(QStringLiteral("  Prod  "), CrmKind::HubSpot);
    prod.setUniqueIdPropertyConsented(true);
    const std::optional<Connection> added = store.add(prod);
    ASSERT_TRUE(added.has_value()) << store.lastError().toStdString();
    EXPECT_GT(added->id, 0);
    EXPECT_EQ(added->name, QStringLiteral("Prod"));
    EXPECT_TRUE(added->createdAt.isValid());
    EXPECT_FALSE(added->uuid.isEmpty());
    ASSERT_TRUE(store.add(Connection::make(QStringLiteral("Archive"), CrmKind::Salesforce)).has_value());
    ASSERT_TRUE(store
                    .add(Connection::make(QStringLiteral("box"), CrmKind::Sandbox,
                                          QStringLiteral("http://127.0.0.1:9")))
                    .has_value());

    const std::optional<Connection> found = store.findByName(QStringLiteral("PROD"));
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->uuid, added->uuid);
    EXPECT_EQ(found->kind(), CrmKind::HubSpot);
    EXPECT_TRUE(found->uniqueIdPropertyConsented());
    EXPECT_FALSE(found->uniqueIdPropertyExists());
    EXPECT_EQ(found->createdAt, added->createdAt);
    EXPECT_EQ(store.findByUuid(added->uuid)->name, QStringLiteral("Prod"));
    EXPECT_EQ(store.find(added->id)->name, QStringLiteral("Prod"));

    const QList<Connection> all = store.list();
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all.at(0).name, QStringLiteral("Archive"));
    EXPECT_EQ(all.at(1).name, QStringLiteral("box"));
    EXPECT_EQ(all.at(2).name, QStringLiteral("Prod"));
    EXPECT_EQ(all.at(0).syncSettings().policy, DomainPolicy::Registrable); // Salesforce default
    EXPECT_EQ(all.at(1).baseUrl, QStringLiteral("http://127.0.0.1:9"));

    // Defaults of the CRM kind, then changed and read back.
    SyncSettings s = found->syncSettings();
    EXPECT_EQ(s.policy, DomainPolicy::Host);
    EXPECT_EQ(s.companyMode, CompanySyncMode::CreateAndUpdate);
    s.policy = DomainPolicy::Registrable;
    s.companyMode = CompanySyncMode::UpdateOnly;
    s.contactMode = ContactSyncMode::Disabled;
    s.ambiguous = AmbiguousHandling::UpdateOldest;
    s.lookup = LookupStrategy::ListAll;
    Connection changed = *found;
    changed.setSyncSettings(s);
    changed.name = QStringLiteral("Production");
    changed.setUniqueIdPropertyExists(true);
    changed.type = QStringLiteral("salesforce"); // never changes
    ASSERT_TRUE(store.update(changed)) << store.lastError().toStdString();
    const Connection after = *store.find(added->id);
    EXPECT_EQ(after.name, QStringLiteral("Production"));
    EXPECT_EQ(after.kind(), CrmKind::HubSpot);
    EXPECT_TRUE(after.uniqueIdPropertyExists());
    const SyncSettings back = after.syncSettings();
    EXPECT_EQ(back.policy, DomainPolicy::Registrable);
    EXPECT_EQ(back.companyMode, CompanySyncMode::UpdateOnly);
    EXPECT_EQ(back.contactMode, ContactSyncMode::Disabled);
    EXPECT_EQ(back.ambiguous, AmbiguousHandling::UpdateOldest);
    EXPECT_EQ(back.lookup, LookupStrategy::ListAll);

    changed.name = QStringLiteral("ARCHIVE");
    EXPECT_FALSE(store.update(changed));
    EXPECT_TRUE(store.lastError().contains(QLatin1String("already exists")));

    EXPECT_TRUE(store.remove(added->id));
    EXPECT_FALSE(store.find(added->id).has_value());
    EXPECT_FALSE(store.remove(added->id));
    EXPECT_EQ(store.list().size(), 2);
}

TEST(ConnectionStore, RefusesBadNamesDuplicatesAndUnknownValues) {
    test::TempWorkspace ws;
    ConnectionStore store(*ws);
    ASSERT_TRUE(store.add(Connection::make(QStringLiteral("Prod"), CrmKind::HubSpot)).has_value());
    EXPECT_FALSE(store.add(Connection::make(QStringLiteral("prod"), CrmKind::Sandbox)).has_value());
    EXPECT_TRUE(store.lastError().contains(QLatin1String("already exists")))
        << store.lastError().toStdString();
    for (const QString& bad : {QString(), QStringLiteral("   "), QStringLiteral("--token-env"),
                               QStringLiteral("a\tb"), QString(101, u'x')}) {
        EXPECT_FALSE(store.add(Connection::make(bad, CrmKind::HubSpot)).has_value()) << bad.toStdString();
        EXPECT_FALSE(store.lastError().isEmpty());
    }
    Connection c = Connection::make(QStringLiteral("Other"), CrmKind::HubSpot);
    c.type = QStringLiteral("pipedrive");
    EXPECT_FALSE(store.add(c).has_value());
    EXPECT_TRUE(store.lastError().contains(QLatin1String("pipedrive")));
    c = Connection::make(QStringLiteral("Other"), CrmKind::HubSpot);
    c.matchPolicy = QStringLiteral("fuzzy");
    EXPECT_FALSE(store.add(c).has_value());
    c = Connection::make(QStringLiteral("Other"), CrmKind::HubSpot);
    c.uuid.clear();
    EXPECT_FALSE(store.add(c).has_value());
    EXPECT_EQ(store.list().size(), 1);

    // The schema refuses what the store would: CHECK constraints.
    QSqlQuery q(ws->database());
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO connections (uuid, name, type, created_at)"
                                       " VALUES ('u', 'n', 'pipedrive', '2025-01-01T00:00:00Z')")));
}

TEST(MappingStore, KeepsOneMappingAndOnePropertyListPerConnectionAndObject) {
    test::TempWorkspace ws;
    ConnectionStore connections(*ws);
    const Connection a = *connections.add(Connection::make(QStringLiteral("A"), CrmKind::HubSpot));
    const Connection b = *connections.add(Connection::make(QStringLiteral("B"), CrmKind::Salesforce));
    MappingStore store(*ws);
    EXPECT_FALSE(store.mapping(a.id, RecordObject::Company).has_value());

    Mapping companies = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
    const Mapping contacts = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Contact);
    const Mapping sfCompanies = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Company);
    ASSERT_TRUE(store.setMapping(a.id, companies, CrmKind::HubSpot)) << store.lastError().toStdString();
    ASSERT_TRUE(store.setMapping(a.id, contacts, CrmKind::HubSpot));
    ASSERT_TRUE(store.setMapping(b.id, sfCompanies, CrmKind::Salesforce));
    EXPECT_EQ(*store.mapping(a.id, RecordObject::Company), companies);
    EXPECT_EQ(*store.mapping(a.id, RecordObject::Contact), contacts);
    EXPECT_EQ(*store.mapping(b.id, RecordObject::Company), sfCompanies);

    companies.rows.removeLast(); // replace
    ASSERT_TRUE(store.setMapping(a.id, companies, CrmKind::HubSpot));
    EXPECT_EQ(*store.mapping(a.id, RecordObject::Company), companies);
    EXPECT_EQ(countRows(*ws, "SELECT count(*) FROM mappings"), 3);

    CrmProperty industry;
    industry.name = QStringLiteral("industry");
    industry.label = QStringLiteral("Industry");
    industry.type = CrmPropertyType::Enumeration;
    industry.fieldType = QStringLiteral("select");
    industry.options = {{QStringLiteral("RETAIL"), QStringLiteral("Retail")}};
    CrmProperty id;
    id.name = QStringLiteral("hs_object_id");
    id.type = CrmPropertyType::Number;
    id.readOnly = true;
    id.unique = true;
    id.maxLength = 12;
    const QDateTime fetched = QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC);
    ASSERT_TRUE(store.setProperties(a.id, RecordObject::Company, {industry, id}, fetched));
    const std::optional<MappingStore::CachedProperties> cached =
        store.properties(a.id, RecordObject::Company);
    ASSERT_TRUE(cached.has_value());
    EXPECT_EQ(cached->properties, (QList<CrmProperty>{industry, id}));
    EXPECT_EQ(cached->fetchedAt, fetched);
    EXPECT_FALSE(store.properties(a.id, RecordObject::Contact).has_value());

    // Removing a connection removes its mappings and cached properties, and nothing else.
    ASSERT_TRUE(connections.remove(a.id));
    EXPECT_EQ(countRows(*ws, "SELECT count(*) FROM mappings"), 1);
    EXPECT_EQ(countRows(*ws, "SELECT count(*) FROM crm_properties"), 0);
    EXPECT_TRUE(store.mapping(b.id, RecordObject::Company).has_value());
}

TEST(MappingStore, AStoredMappingThatCannotBeReadSaysWhy) {
    test::TempWorkspace ws;
    const Connection a = *ConnectionStore(*ws).add(Connection::make(QStringLiteral("A"), CrmKind::HubSpot));
    MappingStore store(*ws);
    ASSERT_TRUE(store.setMappingDocument(a.id, RecordObject::Company, "{\"format\": \"something else\"}"));
    QString error;
    EXPECT_FALSE(store.mapping(a.id, RecordObject::Company, &error).has_value());
    EXPECT_FALSE(error.isEmpty());
}

TEST(CrmPropertyJson, RoundTripsEveryMember) {
    CrmProperty p;
    p.name = QStringLiteral("tags");
    p.label = QStringLiteral("Tags");
    p.type = CrmPropertyType::Enumeration;
    p.fieldType = QStringLiteral("checkbox");
    p.options = {{QStringLiteral("a"), QStringLiteral("A")}, {QStringLiteral("b"), QStringLiteral("B")}};
    p.multiValued = true;
    p.calculated = true;
    p.requiredOnCreate = true;
    p.description = QStringLiteral("Several tags");
    const std::optional<QList<CrmProperty>> back = crmPropertiesFromJson(crmPropertiesToJson({p}));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->value(0), p);
    EXPECT_FALSE(crmPropertiesFromJson("{}").has_value());
    EXPECT_FALSE(crmPropertiesFromJson("[{\"label\": \"no name\"}]").has_value());
}

TEST(ConnectionSchema, MigrationThreeCreatesTheConnectionTables) {
    test::TempWorkspace ws;
    EXPECT_EQ(ws->schemaVersion(), currentSchemaVersion());
    EXPECT_GE(currentSchemaVersion(), 3);
    for (const char* table : {"connections", "mappings", "crm_properties"}) {
        QSqlQuery q(ws->database());
        q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(QLatin1String(table));
        ASSERT_TRUE(q.exec());
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), 1) << table;
    }
}
