#include "core/import/IdentityIndex.h"

#include <QString>

#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace syncdesk;

TEST(IdentityIndex, FindsWhatWasAddedPerKindAndNothingElse) {
    IdentityIndex index;
    EXPECT_EQ(index.find(IdentityIndex::Key, u"acme.com"), 0); // nothing allocated yet
    index.add(IdentityIndex::Key, u"acme.com", 7);
    index.add(IdentityIndex::External, u"A-1", 8);
    EXPECT_EQ(index.find(IdentityIndex::Key, u"acme.com"), 7);
    EXPECT_EQ(index.find(IdentityIndex::External, u"A-1"), 8);
    EXPECT_EQ(index.find(IdentityIndex::Name, u"acme.com"), 0); // kinds are separate
    EXPECT_EQ(index.find(IdentityIndex::Key, u"ACME.COM"), 0);  // keys are exact
    EXPECT_EQ(index.find(IdentityIndex::External, u"a-1"), 0);
    EXPECT_EQ(index.find(IdentityIndex::Key, u"acme.co"), 0);
}

TEST(IdentityIndex, NamesMatchWithAsciiLettersFoldedOnly) {
    IdentityIndex index;
    index.add(IdentityIndex::Name, u"Acme GmbH", 3);
    EXPECT_EQ(index.find(IdentityIndex::Name, u"ACME gmbh"), 3);
    EXPECT_EQ(index.find(IdentityIndex::Name, u"acme gmbh "), 0);
    index.add(IdentityIndex::Name, u"Ärzte AG", 4);
    EXPECT_EQ(index.find(IdentityIndex::Name, u"Ärzte ag"), 4);
    EXPECT_EQ(index.find(IdentityIndex::Name, u"ärzte ag"), 0); // like the importer's equalsAsciiFolded
}

TEST(IdentityIndex, KeepsTheOldestIdAndIgnoresEmptyValues) {
    IdentityIndex index;
    index.add(IdentityIndex::Key, u"acme.com", 5);
    index.add(IdentityIndex::Key, u"acme.com", 9);
    EXPECT_EQ(index.find(IdentityIndex::Key, u"acme.com"), 5);
    EXPECT_EQ(index.size(IdentityIndex::Key), 1);
    index.add(IdentityIndex::Key, u"", 6);
    EXPECT_EQ(index.find(IdentityIndex::Key, u""), 0);
    EXPECT_EQ(index.size(IdentityIndex::Key), 1);
    index.clear();
    EXPECT_EQ(index.find(IdentityIndex::Key, u"acme.com"), 0);
    EXPECT_EQ(index.size(IdentityIndex::Key), 0);
}

// Far more values than reserved, so the tables grow several times; every value must still be found
// with its first id, and values never added must not be.
TEST(IdentityIndex, GrowsPastItsReservationWithoutLosingValues) {
    IdentityIndex index;
    index.reserve(100);
    std::map<QString, qint64> added;
    std::mt19937_64 rng(42);
    for (qint64 id = 1; id <= 50000; ++id) {
        const QString value = QStringLiteral("company%1.example").arg(rng() % 40000);
        index.add(IdentityIndex::Key, value, id);
        added.emplace(value, id); // keeps the first
    }
    EXPECT_EQ(index.size(IdentityIndex::Key), qsizetype(added.size()));
    for (const auto& [value, id] : added)
        ASSERT_EQ(index.find(IdentityIndex::Key, value), id) << value.toStdString();
    for (int i = 40000; i < 41000; ++i)
        EXPECT_EQ(index.find(IdentityIndex::Key, QStringLiteral("company%1.example").arg(i)), 0);
    index.prefetch(IdentityIndex::Key,
                   IdentityIndex::hash(IdentityIndex::Key, u"company1.example")); // a hint only
    EXPECT_EQ(index.find(IdentityIndex::Key, u"company1.example"),
              added.at(QStringLiteral("company1.example")));
}

// The importer's reading thread computes the hashes; the writer finds and adds by them.
TEST(IdentityIndex, HashesComputedAheadFindWhatValuesFindAndEmptyIsNoValue) {
    IdentityIndex index;
    const auto key = IdentityIndex::hash(IdentityIndex::Key, u"acme.com");
    const auto name = IdentityIndex::hash(IdentityIndex::Name, u"Acme GmbH");
    EXPECT_NE(key, 0u);
    EXPECT_EQ(IdentityIndex::hash(IdentityIndex::Key, u""), 0u);
    EXPECT_EQ(IdentityIndex::hash(IdentityIndex::Name, u"ACME gmbh"), name);
    index.add(IdentityIndex::Key, key, 7);
    index.add(IdentityIndex::Name, name, 8);
    index.add(IdentityIndex::External, IdentityIndex::hash(IdentityIndex::External, u""), 9);
    EXPECT_EQ(index.find(IdentityIndex::Key, u"acme.com"), 7);
    EXPECT_EQ(index.find(IdentityIndex::Name, u"acme GMBH"), 8);
    EXPECT_EQ(index.find(IdentityIndex::Name, name), 8);
    EXPECT_EQ(index.size(IdentityIndex::External), 0);
    EXPECT_EQ(index.find(IdentityIndex::Key, IdentityIndex::Hash(0)), 0);
}
