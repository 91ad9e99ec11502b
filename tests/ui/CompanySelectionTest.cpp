#include "ui/companies/CompanySelection.h"

#include <gtest/gtest.h>

using namespace syncdesk;

TEST(CompanySelection, SetAddsAndRemovesOneId) {
    CompanySelection s;
    EXPECT_TRUE(s.set(5, true));
    EXPECT_FALSE(s.set(5, true));
    EXPECT_TRUE(s.set(2, true));
    EXPECT_TRUE(s.contains(5));
    EXPECT_TRUE(s.contains(2));
    EXPECT_FALSE(s.contains(3));
    EXPECT_EQ(s.ids(), (QList<qint64>{2, 5}));
    EXPECT_TRUE(s.set(5, false));
    EXPECT_FALSE(s.set(5, false));
    EXPECT_EQ(s.ids(), (QList<qint64>{2}));
}

TEST(CompanySelection, AddMergesUnsortedListsWithDuplicates) {
    CompanySelection s;
    s.set(10, true);
    EXPECT_TRUE(s.add({7, 3, 10, 3, 12}));
    EXPECT_EQ(s.ids(), (QList<qint64>{3, 7, 10, 12}));
    EXPECT_FALSE(s.add({3, 12}));
    EXPECT_EQ(s.size(), 4);
}

TEST(CompanySelection, RemoveDropsOnlyTheGivenIds) {
    CompanySelection s;
    s.add({1, 2, 3, 4, 5});
    EXPECT_TRUE(s.remove({4, 2, 99}));
    EXPECT_EQ(s.ids(), (QList<qint64>{1, 3, 5}));
    EXPECT_FALSE(s.remove({99}));
    EXPECT_TRUE(s.clear());
    EXPECT_TRUE(s.isEmpty());
    EXPECT_FALSE(s.clear());
}

TEST(CompanySelection, HoldsAMillionIds) {
    QList<qint64> ids;
    ids.reserve(1000000);
    for (qint64 i = 1000000; i >= 1; --i)
        ids.append(i * 2);
    CompanySelection s;
    s.add(ids);
    EXPECT_EQ(s.size(), 1000000);
    EXPECT_TRUE(s.contains(2));
    EXPECT_TRUE(s.contains(2000000));
    EXPECT_FALSE(s.contains(3));
    s.set(3, true);
    EXPECT_EQ(s.size(), 1000001);
}
