#include "tests/store/TempWorkspace.h"

#include "core/store/CompanyStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::TempWorkspace;

namespace {

Company acme() {
    Company c;
    c.externalId = QStringLiteral("HS-1");
    c.name = QStringLiteral("Acme, Inc.");
    c.website = QStringLiteral("https://www.Acme.com/about");
    c.industry = QStringLiteral("Manufacturing");
    c.employees = 1200;
    c.country = QStringLiteral("Germany");
    c.city = QStringLiteral("München");
    c.description = QStringLiteral("Makes \"everything\",\nsince 1949");
    c.linkedinUrl = QStringLiteral("https://www.linkedin.com/company/acme");
    c.custom.insert(QStringLiteral("founded"), QStringLiteral("1949"));
    c.custom.insert(QStringLiteral("notes"), QStringLiteral("quote \" backslash \\ tab\t é 😀"));
    return c;
}

QString storedColumn(Workspace& ws, qint64 id, const char* column) {
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT %1 FROM companies WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue(id);
    EXPECT_TRUE(q.exec());
    return q.next() ? q.value(0).toString() : QStringLiteral("<no row>");
}

} // namespace

// The custom values are one JSON object in the row: SQLite's own JSON functions must read back every
// character, escaped or not (quotes, backslashes, line breaks, other control characters, non-ASCII).
TEST(CompanyStore, CustomValuesAreStoredAsJsonThatSqliteReadsBack) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    Company c = acme();
    const QString awkward = QStringLiteral("a\"b\\c\nd\re\tf") + QChar(0x01) + QChar(0x1f) +
                            QStringLiteral(" é 😀 plain text at the end");
    c.custom.insert(QStringLiteral("awkward"), awkward);
    c.custom.insert(QStringLiteral("plain"), QStringLiteral("no escapes at all"));
    ASSERT_TRUE(store.insert(c)) << store.lastError().toStdString();
    QSqlQuery q(ws->database());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT json_valid(custom), json_extract(custom, '$.awkward'),"
                                      " json_extract(custom, '$.plain'), json_extract(custom, '$.notes')"
                                      " FROM companies WHERE id = %1")
                           .arg(c.id)));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_EQ(q.value(1).toString(), awkward);
    EXPECT_EQ(q.value(2).toString(), u"no escapes at all");
    EXPECT_EQ(q.value(3).toString(), acme().custom.value(QStringLiteral("notes")));
    EXPECT_EQ(store.get(c.id)->custom, c.custom);
}

TEST(CompanyStore, InsertAndGetRoundTrip) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    const QDateTime fixed(QDate(2024, 5, 1), QTime(9, 30, 15, 500), Qt::UTC);
    store.setClock([fixed] { return fixed; });
    Company c = acme();
    ASSERT_TRUE(store.insert(c)) << store.lastError().toStdString();
    EXPECT_GT(c.id, 0);
    EXPECT_EQ(c.domainKey, u"acme.com");
    EXPECT_EQ(c.createdAt, QDateTime(QDate(2024, 5, 1), QTime(9, 30, 15), Qt::UTC));

    const auto got = store.get(c.id);
    ASSERT_TRUE(got);
    EXPECT_TRUE(got->sameData(acme()));
    EXPECT_EQ(got->domainKey, u"acme.com");
    EXPECT_EQ(got->custom, acme().custom);
    EXPECT_EQ(got->createdAt, c.createdAt);
    EXPECT_EQ(got->updatedAt, c.createdAt);
    EXPECT_EQ(storedColumn(*ws, c.id, "created_at"), u"2024-05-01T09:30:15Z");
    EXPECT_EQ(store.count(), 1);
    EXPECT_FALSE(store.get(c.id + 1));
    EXPECT_TRUE(store.lastError().isEmpty());
}

TEST(CompanyStore, EmptyOptionalValuesAreNull) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    Company c;
    c.name = QStringLiteral("No id");
    ASSERT_TRUE(store.insert(c));
    Company d;
    d.name = QStringLiteral("Also no id");
    ASSERT_TRUE(store.insert(d)) << "two companies without an external id";
    EXPECT_EQ(storedColumn(*ws, c.id, "typeof(external_id)"), u"null");
    EXPECT_EQ(storedColumn(*ws, c.id, "typeof(employees)"), u"null");
    EXPECT_EQ(storedColumn(*ws, c.id, "custom"), u"{}");
    EXPECT_FALSE(store.get(c.id)->employees.has_value());
}

TEST(CompanyStore, KeepsTheDomainKeyUpToDate) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    Company c;
    c.name = QStringLiteral("Shop");
    c.website = QStringLiteral("HTTP://WWW.Shop.Example.co.uk:8080/x?y#z");
    ASSERT_TRUE(store.insert(c));
    EXPECT_EQ(storedColumn(*ws, c.id, "domain_key"), u"shop.example.co.uk"); // host policy

    c.website = QStringLiteral("us.test.com");
    ASSERT_TRUE(store.update(c));
    EXPECT_EQ(storedColumn(*ws, c.id, "domain_key"), u"us.test.com");

    c.website = QStringLiteral("n/a"); // no key from the website: the domain supplies it
    c.domain = QStringLiteral("test.com");
    ASSERT_TRUE(store.update(c));
    EXPECT_EQ(storedColumn(*ws, c.id, "domain_key"), u"test.com");

    c.website.clear();
    c.domain = QStringLiteral("192.168.1.10");
    ASSERT_TRUE(store.update(c));
    EXPECT_EQ(storedColumn(*ws, c.id, "domain_key"), QString());

    // A stale key handed in is replaced unless the caller says it computed it.
    c.website = QStringLiteral("acme.io");
    c.domainKey = QStringLiteral("stale.example");
    ASSERT_TRUE(store.update(c));
    EXPECT_EQ(c.domainKey, u"acme.io");
    EXPECT_EQ(storedColumn(*ws, c.id, "domain_key"), u"acme.io");
}

TEST(CompanyStore, UpdateKeepsCreatedAtAndMovesUpdatedAt) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    QDateTime now(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    store.setClock([&now] { return now; });
    Company c = acme();
    ASSERT_TRUE(store.insert(c));
    now = now.addDays(1);
    c.city = QStringLiteral("Berlin");
    c.employees.reset();
    ASSERT_TRUE(store.update(c));
    const auto got = store.get(c.id);
    EXPECT_EQ(got->city, u"Berlin");
    EXPECT_FALSE(got->employees);
    EXPECT_EQ(got->createdAt, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    EXPECT_EQ(got->updatedAt, QDateTime(QDate(2024, 1, 2), QTime(0, 0), Qt::UTC));

    Company ghost = acme();
    ghost.id = 999;
    ghost.externalId.clear();
    EXPECT_FALSE(store.update(ghost));
    EXPECT_TRUE(store.lastError().contains(u"999"));
}

TEST(CompanyStore, FindsByExternalIdDomainKeyAndName) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    Company first = acme();
    ASSERT_TRUE(store.insert(first));
    Company second;
    second.name = QStringLiteral("ACME, INC.");
    second.website = QStringLiteral("acme.com");
    ASSERT_TRUE(store.insert(second));
    Company other;
    other.externalId = QStringLiteral("HS-2");
    other.name = QStringLiteral("Globex");
    other.domain = QStringLiteral("globex.com");
    ASSERT_TRUE(store.insert(other));

    EXPECT_EQ(store.findByExternalId(QStringLiteral("HS-2"))->id, other.id);
    EXPECT_FALSE(store.findByExternalId(QStringLiteral("hs-2"))); // ids are exact
    EXPECT_FALSE(store.findByExternalId(QString()));
    EXPECT_EQ(store.findByDomainKey(QStringLiteral("acme.com"))->id, first.id); // the oldest of two
    EXPECT_EQ(store.findByDomainKey(QStringLiteral("globex.com"))->id, other.id);
    EXPECT_FALSE(store.findByDomainKey(QStringLiteral("www.acme.com")));
    EXPECT_EQ(store.findByName(QStringLiteral("acme, inc."))->id, first.id);
    EXPECT_EQ(store.findByName(QStringLiteral("GLOBEX"))->id, other.id);
    EXPECT_FALSE(store.findByName(QStringLiteral("Globex Corp")));
    EXPECT_EQ(store.count(), 3);
    EXPECT_EQ(store.maxId(), other.id);

    QList<qint64> ids;
    ASSERT_TRUE(
        store.forEachIdentity([&](qint64 id, const QString& ext, const QString& key, const QString& name) {
            ids.append(id);
            if (id == other.id) {
                EXPECT_EQ(ext, u"HS-2");
                EXPECT_EQ(key, u"globex.com");
                EXPECT_EQ(name, u"Globex");
            }
        }));
    EXPECT_EQ(ids, (QList<qint64>{first.id, second.id, other.id}));
}

TEST(CompanyStore, ExternalIdsAreUnique) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    Company a = acme();
    ASSERT_TRUE(store.insert(a));
    Company b = acme();
    EXPECT_FALSE(store.insert(b));
    EXPECT_TRUE(store.lastError().contains(u"UNIQUE")) << store.lastError().toStdString();
    EXPECT_EQ(store.count(), 1);
}

TEST(CompanyStore, Remove) {
    TempWorkspace ws;
    CompanyStore store(*ws);
    Company a = acme();
    ASSERT_TRUE(store.insert(a));
    EXPECT_TRUE(store.remove(a.id));
    EXPECT_FALSE(store.remove(a.id));
    EXPECT_EQ(store.count(), 0);
}

TEST(CompanyStore, ValueByFieldKey) {
    const Company c = acme();
    EXPECT_EQ(c.value(u"name"), u"Acme, Inc.");
    EXPECT_EQ(c.value(u"linkedin_url"), c.linkedinUrl);
    EXPECT_EQ(c.value(u"employees"), u"1200");
    EXPECT_EQ(c.value(u"founded"), u"1949");
    EXPECT_EQ(c.value(u"nothing"), QString());
    EXPECT_EQ(Company::textField(u"employees"), nullptr);
}

// The import's bulk path (SQLite's C API) stores and reads exactly what the QtSql path does.
TEST(CompanyStore, DirectStatementsStoreTheSameAsQtSql) {
    TempWorkspace ws;
    CompanyStore viaQt(*ws);
    CompanyStore direct(*ws);
    ASSERT_TRUE(direct.useDirectStatements(true));
    const QDateTime fixed(QDate(2024, 5, 1), QTime(9, 30, 15), Qt::UTC);
    viaQt.setClock([fixed] { return fixed; });
    direct.setClock([fixed] { return fixed; });

    Company a = acme();
    Company b = acme();
    b.externalId = QStringLiteral("HS-2"); // external_id is unique
    ASSERT_TRUE(viaQt.insert(a)) << viaQt.lastError().toStdString();
    ASSERT_TRUE(direct.insert(b)) << direct.lastError().toStdString();
    EXPECT_EQ(b.id, a.id + 1);
    Company bare;
    bare.name = QStringLiteral("No id, no employees");
    ASSERT_TRUE(direct.insert(bare));
    EXPECT_EQ(storedColumn(*ws, bare.id, "typeof(external_id)"), u"null");
    EXPECT_EQ(storedColumn(*ws, bare.id, "typeof(employees)"), u"null");
    EXPECT_EQ(storedColumn(*ws, bare.id, "typeof(website)"), u"text");
    for (const char* column : {"name", "city", "description", "custom", "domain_key", "created_at"})
        EXPECT_EQ(storedColumn(*ws, b.id, column), storedColumn(*ws, a.id, column)) << column;

    const QList<Company> range = direct.getRange(a.id, bare.id + 5);
    ASSERT_EQ(range.size(), 3);
    EXPECT_TRUE(range[1].sameData(b));
    EXPECT_EQ(range[1].custom, acme().custom);
    EXPECT_EQ(range[1].createdAt, fixed);
    EXPECT_FALSE(range[2].employees.has_value());
    EXPECT_EQ(viaQt.getRange(a.id, bare.id + 5)[1].city, range[1].city);

    b.city = QStringLiteral("Köln");
    b.employees.reset();
    ASSERT_TRUE(direct.update(b)) << direct.lastError().toStdString();
    const auto updated = viaQt.get(b.id);
    ASSERT_TRUE(updated);
    EXPECT_EQ(updated->city, u"Köln");
    EXPECT_FALSE(updated->employees.has_value());

    // Errors come back as with QtSql: the database's message, and "no such company".
    Company clash = acme(); // HS-1 again
    EXPECT_FALSE(direct.insert(clash));
    EXPECT_TRUE(direct.lastError().contains(u"UNIQUE")) << direct.lastError().toStdString();
    Company missing = acme();
    missing.id = 999;
    missing.externalId.clear();
    EXPECT_FALSE(direct.update(missing));
    EXPECT_TRUE(direct.lastError().contains(u"999")) << direct.lastError().toStdString();
    ASSERT_TRUE(direct.insert(bare)) << "usable after an error";

    direct.useDirectStatements(false); // back to QtSql
    Company later;
    later.name = QStringLiteral("Later");
    EXPECT_TRUE(direct.insert(later));
}

// An import encodes the companies of a batch into one buffer on its reading thread (encode()) and
// inserts them from it: that must store exactly what insert() stores, non-ASCII text and an empty
// external id (NULL) included.
TEST(CompanyStore, CompaniesEncodedAheadIntoOneBufferStoreTheSameAsInsert) {
    TempWorkspace ws;
    CompanyStore plain(*ws);
    CompanyStore direct(*ws);
    ASSERT_TRUE(direct.useDirectStatements(true));
    const QDateTime fixed(QDate(2024, 5, 1), QTime(9, 30, 15), Qt::UTC);
    plain.setClock([fixed] { return fixed; });
    direct.setClock([fixed] { return fixed; });

    Company a = acme();
    ASSERT_TRUE(plain.insert(a)) << plain.lastError().toStdString();
    Company bare;
    bare.name = QStringLiteral("Ärzte ohne Id");
    ASSERT_TRUE(plain.insert(bare));

    Company a2 = acme();
    a2.externalId = QStringLiteral("HS-2"); // unique
    Company bare2 = bare;
    QByteArray buffer = "left by the rows before";
    for (Company* c : {&a2, &bare2})
        c->domainKey = CompanyStore::domainKeyFor(*c);
    const CompanyStore::Encoded ea = CompanyStore::encode(a2, buffer);
    const CompanyStore::Encoded eb = CompanyStore::encode(bare2, buffer);
    EXPECT_EQ(ea.offsets[0], 23); // after what the buffer held
    EXPECT_EQ(eb.offsets[0], ea.offsets[12]);
    ASSERT_TRUE(direct.insert(a2, buffer, ea)) << direct.lastError().toStdString();
    ASSERT_TRUE(direct.insert(bare2, buffer, eb)) << direct.lastError().toStdString();
    EXPECT_EQ(bare2.id, a2.id + 1);
    EXPECT_EQ(a2.createdAt, fixed);

    for (const char* column : {"name", "website", "domain", "industry", "employees", "country", "city",
                               "description", "linkedin_url", "domain_key", "custom", "created_at"}) {
        EXPECT_EQ(storedColumn(*ws, a2.id, column), storedColumn(*ws, a.id, column)) << column;
        EXPECT_EQ(storedColumn(*ws, bare2.id, column), storedColumn(*ws, bare.id, column)) << column;
    }
    EXPECT_EQ(storedColumn(*ws, a2.id, "external_id"), u"HS-2");
    EXPECT_EQ(storedColumn(*ws, bare2.id, "typeof(external_id)"), u"null");
    EXPECT_EQ(storedColumn(*ws, bare2.id, "typeof(website)"), u"text");
    EXPECT_EQ(storedColumn(*ws, bare2.id, "typeof(employees)"), u"null");
    EXPECT_EQ(direct.get(a2.id)->custom, acme().custom);
}
