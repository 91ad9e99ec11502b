#include "tests/store/TempWorkspace.h"

#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::TempWorkspace;

namespace {

Contact jane(std::optional<qint64> companyId) {
    Contact c;
    c.externalId = QStringLiteral("C-1");
    c.companyId = companyId;
    c.firstName = QStringLiteral("Jane");
    c.lastName = QStringLiteral("Doe");
    c.email = QStringLiteral("  Jane.Doe@Acme.COM ");
    c.jobTitle = QStringLiteral("CFO");
    c.phone = QStringLiteral("+49 30 1234");
    c.custom.insert(QStringLiteral("newsletter"), QStringLiteral("yes"));
    return c;
}

qint64 addCompany(Workspace& ws, const char* name) {
    CompanyStore companies(ws);
    Company c;
    c.name = QString::fromLatin1(name);
    EXPECT_TRUE(companies.insert(c));
    return c.id;
}

} // namespace

TEST(ContactStore, InsertGetAndEmailKey) {
    TempWorkspace ws;
    const qint64 acme = addCompany(*ws, "Acme");
    ContactStore store(*ws);
    Contact c = jane(acme);
    ASSERT_TRUE(store.insert(c)) << store.lastError().toStdString();
    EXPECT_EQ(c.emailKey, u"jane.doe@acme.com");
    const auto got = store.get(c.id);
    ASSERT_TRUE(got);
    EXPECT_TRUE(got->sameData(jane(acme)));
    EXPECT_EQ(got->companyId, acme);
    EXPECT_EQ(got->emailKey, u"jane.doe@acme.com");
    EXPECT_EQ(store.count(), 1);

    c.email = QStringLiteral("jd@acme.com");
    ASSERT_TRUE(store.update(c));
    EXPECT_EQ(store.get(c.id)->emailKey, u"jd@acme.com");
}

TEST(ContactStore, LinkedToCompanies) {
    TempWorkspace ws;
    const qint64 acme = addCompany(*ws, "Acme");
    const qint64 globex = addCompany(*ws, "Globex");
    ContactStore store(*ws);
    Contact a = jane(acme);
    Contact b;
    b.firstName = QStringLiteral("Bob");
    b.companyId = acme;
    Contact c;
    c.firstName = QStringLiteral("Carl");
    c.companyId = globex;
    Contact d;
    d.firstName = QStringLiteral("Dora"); // no company
    for (Contact* x : {&a, &b, &c, &d})
        ASSERT_TRUE(store.insert(*x)) << store.lastError().toStdString();

    QList<qint64> ids;
    for (const Contact& x : store.listByCompany(acme))
        ids.append(x.id);
    EXPECT_EQ(ids, (QList<qint64>{a.id, b.id}));
    EXPECT_EQ(store.listByCompany(globex).size(), 1);
    EXPECT_FALSE(store.get(d.id)->companyId);

    // Foreign keys are enforced...
    Contact orphan;
    orphan.firstName = QStringLiteral("Orphan");
    orphan.companyId = 4242;
    EXPECT_FALSE(store.insert(orphan));
    EXPECT_TRUE(store.lastError().contains(u"FOREIGN KEY")) << store.lastError().toStdString();
    // ...and deleting a company unlinks its contacts.
    CompanyStore companies(*ws);
    ASSERT_TRUE(companies.remove(globex));
    EXPECT_FALSE(store.get(c.id)->companyId);
}

TEST(ContactStore, FindsByExternalIdEmailAndNameWithinCompany) {
    TempWorkspace ws;
    const qint64 acme = addCompany(*ws, "Acme");
    const qint64 globex = addCompany(*ws, "Globex");
    ContactStore store(*ws);
    Contact a = jane(acme);
    Contact b;
    b.firstName = QStringLiteral("John");
    b.lastName = QStringLiteral("Smith");
    b.companyId = globex;
    Contact c;
    c.firstName = QStringLiteral("John");
    c.lastName = QStringLiteral("Smith"); // no company
    for (Contact* x : {&a, &b, &c})
        ASSERT_TRUE(store.insert(*x));

    EXPECT_EQ(store.findByExternalId(QStringLiteral("C-1"))->id, a.id);
    EXPECT_EQ(store.findByEmailKey(QStringLiteral("jane.doe@acme.com"))->id, a.id);
    EXPECT_FALSE(store.findByEmailKey(QStringLiteral("Jane.Doe@Acme.COM"))); // the key is lower-case
    EXPECT_EQ(store.findByName(globex, QStringLiteral("john"), QStringLiteral("SMITH"))->id, b.id);
    EXPECT_EQ(store.findByName(std::nullopt, QStringLiteral("John"), QStringLiteral("Smith"))->id, c.id);
    EXPECT_FALSE(store.findByName(acme, QStringLiteral("John"), QStringLiteral("Smith")));
    EXPECT_FALSE(store.findByName(acme, QString(), QString()));

    QList<qint64> seen;
    ASSERT_TRUE(store.forEachIdentity([&](const Contact& x) {
        seen.append(x.id);
        if (x.id == b.id) {
            EXPECT_EQ(x.companyId, globex);
            EXPECT_EQ(x.lastName, u"Smith");
        }
        if (x.id == a.id) {
            EXPECT_EQ(x.emailKey, u"jane.doe@acme.com");
        }
    }));
    EXPECT_EQ(seen, (QList<qint64>{a.id, b.id, c.id}));
}
