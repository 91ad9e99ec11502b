#include "core/import/ValueTypes.h"

#include <gtest/gtest.h>

using namespace syncdesk;

TEST(ValueTypes, WholeNumbers) {
    auto n = [](const char* s) { return parseWholeNumber(QString::fromUtf8(s)); };
    EXPECT_EQ(n("1200"), 1200);
    EXPECT_EQ(n("0"), 0);
    EXPECT_EQ(n("+15"), 15);
    EXPECT_EQ(n("1,200"), 1200);
    EXPECT_EQ(n("1,234,567"), 1234567);
    EXPECT_EQ(n("1.200"), 1200);
    EXPECT_EQ(n("1 200"), 1200);
    EXPECT_EQ(n("1\u00A0200"), 1200);
    EXPECT_EQ(n("1'200"), 1200);
    EXPECT_EQ(n("1200.0"), 1200);
    EXPECT_EQ(n("1,200.00"), 1200);
    for (const char* bad : {"", "12.5", "1,20", "1,200.5", "1,200 300", "-3", "51-200", "many", "10k",
                            "99999999999999999999", "1.200,5", "1,,200"}) {
        EXPECT_FALSE(n(bad)) << bad;
    }
    QString reason;
    EXPECT_FALSE(parseWholeNumber(u"51-200", &reason));
    EXPECT_EQ(reason, u"a range, not one number");
    EXPECT_FALSE(parseWholeNumber(u"-3", &reason));
    EXPECT_EQ(reason, u"a negative number");
    EXPECT_FALSE(parseWholeNumber(u"12.5", &reason));
    EXPECT_EQ(reason, u"not a whole number");
    EXPECT_FALSE(parseWholeNumber(u"99999999999999999999", &reason));
    EXPECT_EQ(reason, u"too large");
}

TEST(ValueTypes, Numbers) {
    for (const char* yes :
         {"12", "-3.5", "+7", "1,234.56", "1.234,56", "12,5", ".5", "1e6", "2.5E-3", "1,234,567"})
        EXPECT_TRUE(looksLikeNumber(QString::fromUtf8(yes))) << yes;
    for (const char* no : {"", "abc", "1.2.3.4x", "$12", "12%", "1-2", "--1", "1e", "12 apples", "0x1F"})
        EXPECT_FALSE(looksLikeNumber(QString::fromUtf8(no))) << no;
}

TEST(ValueTypes, Booleans) {
    for (const char* yes : {"true", "FALSE", "Yes", "no"})
        EXPECT_TRUE(looksLikeBoolean(QString::fromUtf8(yes))) << yes;
    for (const char* no : {"1", "0", "y", "n", "on", "maybe", ""})
        EXPECT_FALSE(looksLikeBoolean(QString::fromUtf8(no))) << no;
}

TEST(ValueTypes, Dates) {
    auto d = [](const char* s) { return parseDate(QString::fromUtf8(s)); };
    EXPECT_EQ(d("2024-05-01"), QDate(2024, 5, 1));
    EXPECT_EQ(d("2024-05-01T09:30:00Z"), QDate(2024, 5, 1));
    EXPECT_EQ(d("2024-05-01 09:30"), QDate(2024, 5, 1));
    EXPECT_EQ(d("2024-05-01T09:30:00.123+02:00"), QDate(2024, 5, 1));
    EXPECT_EQ(d("2024/05/01"), QDate(2024, 5, 1));
    EXPECT_EQ(d("31/12/2023"), QDate(2023, 12, 31)); // day first
    EXPECT_EQ(d("12/31/2023"), QDate(2023, 12, 31)); // month first
    EXPECT_EQ(d("01.05.2024"), QDate(2024, 5, 1));
    EXPECT_EQ(d("1 May 2024"), QDate(2024, 5, 1));
    EXPECT_EQ(d("01-Sep-2024"), QDate(2024, 9, 1));
    EXPECT_EQ(d("May 1, 2024"), QDate(2024, 5, 1));
    EXPECT_EQ(d("September 30 2024"), QDate(2024, 9, 30));
    EXPECT_EQ(d("Sept. 3, 2024"), QDate(2024, 9, 3));
    EXPECT_EQ(d("2024-02-29"), QDate(2024, 2, 29));
    EXPECT_EQ(d("0999-01-01"), QDate(999, 1, 1));
    for (const char* no : {"2023-02-30",       "2024-13-01",  "2023-02-29",
                           "2024-00-10",       "2024-05-00",  "2024-5-01",
                           "2024-05-1x",       "x024-05-01",  "2024-05-01 ",
                           "2024/05-01",       "2024-+5-01",  "２０２４-05-01",
                           "31/31/2024",       "2024",        "12345",
                           "May 2024",         "Foo 1, 2024", "1/2/24",
                           "2024-05-01T25:00", "tomorrow",    ""})
        EXPECT_FALSE(d(no)) << no;
}

TEST(ValueTypes, UrlsAndEmails) {
    for (const char* yes : {"https://acme.com", "http://www.acme.com/about?x=1", "www.acme.com", "acme.com",
                            "shop.example.co.uk/path", "ACME.COM", "ftp://files.acme.com"})
        EXPECT_TRUE(looksLikeUrl(QString::fromUtf8(yes))) << yes;
    for (const char* no : {"acme", "1.5", "jane@acme.com", "not a url", "http://", "acme.c0m", ""})
        EXPECT_FALSE(looksLikeUrl(QString::fromUtf8(no))) << no;
    EXPECT_TRUE(looksLikeEmail(u"Jane.Doe@acme.com"));
    EXPECT_FALSE(looksLikeEmail(u"jane.doe"));
    EXPECT_FALSE(looksLikeEmail(u"jane@@acme.com"));
}

TEST(ValueTypes, TypeInferenceTakesTheFirstTypeEveryValueFits) {
    auto infer = [](std::initializer_list<const char*> values) {
        TypeInference t;
        for (const char* v : values)
            t.observe(QString::fromUtf8(v));
        return t.type();
    };
    EXPECT_EQ(infer({"yes", "", "No", "TRUE"}), FieldType::Boolean);
    EXPECT_EQ(infer({"12", "3.5", "", "1,200"}), FieldType::Number);
    EXPECT_EQ(infer({"2024-01-01", "31/12/2023"}), FieldType::Date);
    EXPECT_EQ(infer({"a@b.com", "c@d.org"}), FieldType::Email);
    EXPECT_EQ(infer({"https://x.com", "www.y.org", "z.io"}), FieldType::Url);
    EXPECT_EQ(infer({"12", "twelve"}), FieldType::Text);
    EXPECT_EQ(infer({"yes", "1"}), FieldType::Text);
    EXPECT_EQ(infer({"", ""}), FieldType::Text);
    EXPECT_EQ(infer({}), FieldType::Text);
}

TEST(ValueTypes, ValueFitsType) {
    EXPECT_TRUE(valueFitsType(u"anything", FieldType::Text));
    EXPECT_TRUE(valueFitsType(u"", FieldType::Number));
    EXPECT_FALSE(valueFitsType(u"abc", FieldType::Number));
    EXPECT_TRUE(
        valueFitsType(u"gold", FieldType::Choice, {QStringLiteral("Gold"), QStringLiteral("Silver")}));
    EXPECT_FALSE(valueFitsType(u"bronze", FieldType::Choice, {QStringLiteral("Gold")}));
}
