// The rules of PRODUCT.md "Matching companies: the domain key", one by one.
#include "core/domain/DomainKey.h"

#include <gtest/gtest.h>

#include <QSet>
#include <QStringList>

#include <thread>
#include <vector>

using namespace syncdesk;

namespace {

QString u8(const char* s) {
    return QString::fromUtf8(s);
}

struct Row {
    const char* value;
    const char* hostKey;        // nullptr: no key
    const char* registrableKey; // nullptr: no key
};

void PrintTo(const Row& row, std::ostream* os) {
    *os << '"' << row.value << '"';
}

class DomainKeyRows : public ::testing::TestWithParam<Row> {};

TEST_P(DomainKeyRows, BothPolicies) {
    const Row& row = GetParam();
    const QString value = u8(row.value);
    const DomainKeyResult host = DomainKey::compute(value, DomainPolicy::Host);
    const DomainKeyResult registrable = DomainKey::compute(value, DomainPolicy::Registrable);
    EXPECT_EQ(host.key, row.hostKey ? u8(row.hostKey) : QString()) << host.reasonText().toStdString();
    EXPECT_EQ(registrable.key, row.registrableKey ? u8(row.registrableKey) : QString());
    EXPECT_EQ(DomainKey::key(value, DomainPolicy::Host), host.key);
    EXPECT_EQ(host.hasKey(), host.reason == NoKeyReason::None);
    EXPECT_EQ(registrable.hasKey(), registrable.reason == NoKeyReason::None);
    if (host.hasKey()) {
        EXPECT_EQ(host.host, host.key);
    }
}

// The table of PRODUCT.md, then more of the same kind.
INSTANTIATE_TEST_SUITE_P(
    ProductTable, DomainKeyRows,
    ::testing::Values(Row{"https://www.test.com/app", "test.com", "test.com"},
                      Row{"us.test.com", "us.test.com", "test.com"},
                      Row{"WWW.Test.COM.", "test.com", "test.com"},
                      Row{"http://shop.example.co.uk:8080/x?y#z", "shop.example.co.uk", "example.co.uk"},
                      Row{"münchen.de", "xn--mnchen-3ya.de", "xn--mnchen-3ya.de"},
                      Row{"n/a", nullptr, nullptr}, Row{"192.168.1.10", nullptr, nullptr},
                      Row{"co.uk", nullptr, nullptr}, Row{"jane@acme.io", nullptr, nullptr}));

INSTANTIATE_TEST_SUITE_P(
    UrlParts, DomainKeyRows,
    ::testing::Values(
        Row{"http://user:secret@acme.com:8080/x?y=1#z", "acme.com", "acme.com"},
        Row{"HTTPS://ACME.COM", "acme.com", "acme.com"}, Row{"acme.com:8080", "acme.com", "acme.com"},
        Row{"acme.com:8080/pricing", "acme.com", "acme.com"},
        Row{"acme.com/about?x#y", "acme.com", "acme.com"}, Row{"acme.com?x=1", "acme.com", "acme.com"},
        Row{"acme.com#top", "acme.com", "acme.com"}, Row{"acme.com.", "acme.com", "acme.com"},
        Row{"http:acme.com", "acme.com", "acme.com"}, Row{"https:/\\acme.com", "acme.com", "acme.com"},
        Row{"http://acme.com\\path", "acme.com", "acme.com"}, Row{"//acme.com/x", "acme.com", "acme.com"},
        Row{"ftp://files.acme.com/a.zip", "files.acme.com", "acme.com"},
        Row{"ssh://git@git.acme.com", "git.acme.com", "acme.com"},
        Row{"http://acme.com:/", "acme.com", "acme.com"},
        Row{"my_shop.acme.com", "my_shop.acme.com", "acme.com"},
        Row{"foo.uk.com", "foo.uk.com", "foo.uk.com"}, Row{"a.b.foo.uk.com", "a.b.foo.uk.com", "foo.uk.com"},
        Row{"blog.acme.github.io", "blog.acme.github.io", "acme.github.io"},
        Row{"b.c.kobe.jp", "b.c.kobe.jp", "b.c.kobe.jp"},
        Row{"acme.example", "acme.example", "acme.example"}));

// Rule 3: one leading "www." goes unless what remains is a public suffix; "www2." and others stay.
INSTANTIATE_TEST_SUITE_P(
    Www, DomainKeyRows,
    ::testing::Values(
        Row{"www.co.uk", "www.co.uk", "www.co.uk"}, Row{"www.com", "www.com", "www.com"},
        Row{"http://www.co.uk/", "www.co.uk", "www.co.uk"},
        Row{"www.github.io", "www.github.io", "www.github.io"}, Row{"www.ck", "www.ck", "www.ck"},
        Row{"www.www.ck", "www.ck", "www.ck"}, Row{"www.www.acme.com", "www.acme.com", "acme.com"},
        Row{"www2.acme.com", "www2.acme.com", "acme.com"},
        Row{"www1.shop.acme.co.uk", "www1.shop.acme.co.uk", "acme.co.uk"},
        Row{"wwww.acme.com", "wwww.acme.com", "acme.com"}, Row{"WWW.Acme.Co.UK", "acme.co.uk", "acme.co.uk"},
        Row{"www.shop.acme.co.uk", "shop.acme.co.uk", "acme.co.uk"}, Row{"www.acme", "www.acme", "www.acme"},
        Row{"www.a.b.c.d.e.f.g.h.i.acme.co.uk", "a.b.c.d.e.f.g.h.i.acme.co.uk", "acme.co.uk"},
        Row{"www.s3.amazonaws.com", "www.s3.amazonaws.com", "www.s3.amazonaws.com"},
        Row{"www", nullptr, nullptr}, Row{"www.", nullptr, nullptr}));

INSTANTIATE_TEST_SUITE_P(
    Idn, DomainKeyRows,
    ::testing::Values(Row{"https://www.MÜNCHEN.de/pfad", "xn--mnchen-3ya.de", "xn--mnchen-3ya.de"},
                      Row{"xn--mnchen-3ya.de", "xn--mnchen-3ya.de", "xn--mnchen-3ya.de"},
                      Row{"shop.例え.jp", "shop.xn--r8jz45g.jp", "xn--r8jz45g.jp"},
                      Row{"ÄPFEL.co.uk", "xn--pfel-koa.co.uk", "xn--pfel-koa.co.uk"},
                      Row{"ｅｘａｍｐｌｅ．com", "example.com", "example.com"},
                      Row{"http://m%C3%BCnchen.de/", "xn--mnchen-3ya.de", "xn--mnchen-3ya.de"},
                      Row{"http://ex%41mple.com/", "example.com", "example.com"},
                      Row{"例え。jp", "xn--r8jz45g.jp", "xn--r8jz45g.jp"}));

struct ReasonRow {
    const char* value;
    NoKeyReason reason;
};

void PrintTo(const ReasonRow& row, std::ostream* os) {
    *os << '"' << row.value << '"';
}

class DomainKeyReasons : public ::testing::TestWithParam<ReasonRow> {};

TEST_P(DomainKeyReasons, NoKeyWithReason) {
    const ReasonRow& row = GetParam();
    for (DomainPolicy policy : {DomainPolicy::Host, DomainPolicy::Registrable}) {
        const DomainKeyResult r = DomainKey::compute(u8(row.value), policy);
        EXPECT_TRUE(r.key.isEmpty()) << r.key.toStdString();
        EXPECT_TRUE(r.displayKey.isEmpty());
        EXPECT_FALSE(r.hasKey());
        EXPECT_EQ(int(r.reason), int(row.reason)) << r.reasonText().toStdString();
        EXPECT_FALSE(r.reasonText().isEmpty());
    }
}

INSTANTIATE_TEST_SUITE_P(
    Empty, DomainKeyReasons,
    ::testing::Values(ReasonRow{"", NoKeyReason::Empty}, ReasonRow{"   \t ", NoKeyReason::Empty},
                      ReasonRow{"-", NoKeyReason::Empty}, ReasonRow{" N/A ", NoKeyReason::Empty},
                      ReasonRow{"None", NoKeyReason::Empty}, ReasonRow{"NULL", NoKeyReason::Empty},
                      ReasonRow{"null", NoKeyReason::Empty}, ReasonRow{" , ; ", NoKeyReason::Empty}));

INSTANTIATE_TEST_SUITE_P(EmailAddress, DomainKeyReasons,
                         ::testing::Values(ReasonRow{"jane@acme.io", NoKeyReason::EmailAddress},
                                           ReasonRow{" Jane.Doe@Example.COM ", NoKeyReason::EmailAddress},
                                           ReasonRow{"sales@acme.com/contact", NoKeyReason::EmailAddress}));

INSTANTIATE_TEST_SUITE_P(NoHostScheme, DomainKeyReasons,
                         ::testing::Values(ReasonRow{"mailto:jane@acme.io", NoKeyReason::NoHostScheme},
                                           ReasonRow{"MAILTO:jane@acme.io", NoKeyReason::NoHostScheme},
                                           ReasonRow{"javascript:alert(1)", NoKeyReason::NoHostScheme},
                                           ReasonRow{"javascript://acme.com/%0aalert(1)",
                                                     NoKeyReason::NoHostScheme},
                                           ReasonRow{"tel:+49301234567", NoKeyReason::NoHostScheme},
                                           ReasonRow{"data:text/html,hello", NoKeyReason::NoHostScheme},
                                           ReasonRow{"file:///etc/passwd", NoKeyReason::NoHostScheme},
                                           ReasonRow{"urn:isbn:0451450523", NoKeyReason::NoHostScheme}));

INSTANTIATE_TEST_SUITE_P(IpAddress, DomainKeyReasons,
                         ::testing::Values(ReasonRow{"192.168.1.10", NoKeyReason::IpAddress},
                                           ReasonRow{"http://10.0.0.1:8080/admin", NoKeyReason::IpAddress},
                                           ReasonRow{"127.1", NoKeyReason::IpAddress},
                                           ReasonRow{"0x7f.0.0.1", NoKeyReason::IpAddress},
                                           ReasonRow{"[::1]", NoKeyReason::IpAddress},
                                           ReasonRow{"http://[2001:db8::1]:8080/", NoKeyReason::IpAddress},
                                           ReasonRow{"2001:db8::1", NoKeyReason::IpAddress},
                                           ReasonRow{"fe80::1", NoKeyReason::IpAddress},
                                           ReasonRow{"::1", NoKeyReason::IpAddress}));

INSTANTIATE_TEST_SUITE_P(Localhost, DomainKeyReasons,
                         ::testing::Values(ReasonRow{"localhost", NoKeyReason::Localhost},
                                           ReasonRow{"http://LOCALHOST:3000/x", NoKeyReason::Localhost},
                                           ReasonRow{"localhost:8080", NoKeyReason::Localhost},
                                           ReasonRow{"app.localhost", NoKeyReason::Localhost}));

INSTANTIATE_TEST_SUITE_P(SingleLabel, DomainKeyReasons,
                         ::testing::Values(ReasonRow{"acme", NoKeyReason::SingleLabel},
                                           ReasonRow{"http://intranet/", NoKeyReason::SingleLabel},
                                           ReasonRow{"acme.", NoKeyReason::SingleLabel},
                                           ReasonRow{"http:///acme", NoKeyReason::SingleLabel},
                                           ReasonRow{"www", NoKeyReason::SingleLabel}));

INSTANTIATE_TEST_SUITE_P(PublicSuffix, DomainKeyReasons,
                         ::testing::Values(ReasonRow{"co.uk", NoKeyReason::PublicSuffix},
                                           ReasonRow{"com", NoKeyReason::PublicSuffix},
                                           ReasonRow{"http://co.uk/", NoKeyReason::PublicSuffix},
                                           ReasonRow{"uk.com", NoKeyReason::PublicSuffix}, // private section
                                           ReasonRow{"github.io", NoKeyReason::PublicSuffix},
                                           ReasonRow{"c.mm", NoKeyReason::PublicSuffix}, // wildcard rule *.mm
                                           ReasonRow{"公司.cn", NoKeyReason::PublicSuffix}));

INSTANTIATE_TEST_SUITE_P(EmptyLabel, DomainKeyReasons,
                         ::testing::Values(ReasonRow{".acme.com", NoKeyReason::EmptyLabel},
                                           ReasonRow{"acme..com", NoKeyReason::EmptyLabel},
                                           ReasonRow{"http://acme..com/x", NoKeyReason::EmptyLabel},
                                           ReasonRow{"acme.com..", NoKeyReason::EmptyLabel},
                                           ReasonRow{"münchen..de", NoKeyReason::EmptyLabel},
                                           ReasonRow{".münchen.de", NoKeyReason::EmptyLabel}));

INSTANTIATE_TEST_SUITE_P(
    Unparsable, DomainKeyReasons,
    ::testing::Values(
        ReasonRow{"http://", NoKeyReason::Unparsable}, ReasonRow{"http://:80/", NoKeyReason::Unparsable},
        ReasonRow{"acme.com:99999", NoKeyReason::Unparsable},
        ReasonRow{"acme.com:8o8o", NoKeyReason::Unparsable}, ReasonRow{"-acme.com", NoKeyReason::Unparsable},
        ReasonRow{"acme-.com", NoKeyReason::Unparsable}, ReasonRow{"ac!me.com", NoKeyReason::Unparsable},
        ReasonRow{"acme.123", NoKeyReason::Unparsable}, ReasonRow{"[::1", NoKeyReason::Unparsable},
        ReasonRow{"[acme.com]", NoKeyReason::Unparsable}, ReasonRow{"#N/A", NoKeyReason::Unparsable},
        ReasonRow{"xn--.com", NoKeyReason::Unparsable}, ReasonRow{"xn--.acme.com", NoKeyReason::Unparsable},
        ReasonRow{"/about", NoKeyReason::Unparsable},
        ReasonRow{"http://ex%2Fample.com", NoKeyReason::Unparsable},
        ReasonRow{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", // 65
                  NoKeyReason::Unparsable}));

TEST(DomainKey, LongestLabelAndHostAreAccepted) {
    const QString label63(63, u'a');
    EXPECT_EQ(DomainKey::key(QString(label63 + u".com"), DomainPolicy::Host), label63 + u".com");
    // 253 characters: three labels of 63, one of 61.
    const QString host253 = label63 + u'.' + label63 + u'.' + label63 + u'.' + QString(61, u'b');
    ASSERT_EQ(host253.size(), 253);
    EXPECT_EQ(DomainKey::key(host253, DomainPolicy::Host), host253);
    EXPECT_EQ(DomainKey::key(QString(host253 + u'.'), DomainPolicy::Host), host253);
    EXPECT_EQ(DomainKey::compute(QString(host253 + u'b'), DomainPolicy::Host).reason,
              NoKeyReason::Unparsable);
}

TEST(DomainKey, SeveralValuesUseTheFirst) {
    for (const char* value : {"acme.com, other.com", "acme.com;other.com", "acme.com other.com",
                              "acme.com\tother.com", "acme.com\r\nother.com",
                              " https://www.acme.com/x ;; http://other.com ", "acme.com\u00a0other.com"}) {
        SCOPED_TRACE(value);
        const DomainKeyResult r = DomainKey::compute(u8(value), DomainPolicy::Host);
        EXPECT_EQ(r.key, u"acme.com");
        EXPECT_TRUE(r.severalValues);
        EXPECT_TRUE(u8(value).trimmed().startsWith(r.usedValue)) << r.usedValue.toStdString();
    }
    const DomainKeyResult firstIsEmpty = DomainKey::compute(u"n/a, acme.com", DomainPolicy::Host);
    EXPECT_EQ(firstIsEmpty.reason, NoKeyReason::Empty);
    EXPECT_TRUE(firstIsEmpty.severalValues);
    EXPECT_EQ(firstIsEmpty.usedValue, u"n/a");

    const DomainKeyResult first = DomainKey::compute(u"acme.com, beta.io", DomainPolicy::Host);
    EXPECT_EQ(first.usedValue, u"acme.com");
    EXPECT_EQ(DomainKey::compute(u"beta.io acme.com", DomainPolicy::Host).key, u"beta.io");
}

TEST(DomainKey, OneValueIsNotSeveral) {
    for (const char* value : {"acme.com", "  acme.com  ", "acme.com,", ",acme.com;", "\tacme.com\n"}) {
        SCOPED_TRACE(value);
        const DomainKeyResult r = DomainKey::compute(u8(value), DomainPolicy::Host);
        EXPECT_EQ(r.key, u"acme.com");
        EXPECT_FALSE(r.severalValues);
        EXPECT_EQ(r.usedValue, u"acme.com");
    }
}

TEST(DomainKey, IdnKeyIsAsciiAndDisplayIsUnicode) {
    const DomainKeyResult r =
        DomainKey::compute(u8("https://www.München.de/impressum"), DomainPolicy::Registrable);
    EXPECT_EQ(r.key, u"xn--mnchen-3ya.de");
    EXPECT_EQ(r.host, u"xn--mnchen-3ya.de");
    EXPECT_EQ(r.displayKey, u8("münchen.de"));

    // The Unicode form also for a value that came punycoded, and for the registrable part only.
    EXPECT_EQ(DomainKey::compute(u"xn--mnchen-3ya.de", DomainPolicy::Host).displayKey, u8("münchen.de"));
    const DomainKeyResult shop = DomainKey::compute(u8("shop.例え.jp"), DomainPolicy::Registrable);
    EXPECT_EQ(shop.host, u"shop.xn--r8jz45g.jp");
    EXPECT_EQ(shop.key, u"xn--r8jz45g.jp");
    EXPECT_EQ(shop.displayKey, u8("例え.jp"));

    // An ASCII key is its own display form.
    const DomainKeyResult ascii = DomainKey::compute(u"shop.example.co.uk", DomainPolicy::Registrable);
    EXPECT_EQ(ascii.displayKey, u"example.co.uk");
    EXPECT_EQ(ascii.host, u"shop.example.co.uk");
}

TEST(DomainKey, HostIsReportedForNamesThatAreNotCompanies) {
    EXPECT_EQ(DomainKey::compute(u"http://CO.UK./", DomainPolicy::Host).host, u"co.uk");
    EXPECT_EQ(DomainKey::compute(u"Intranet", DomainPolicy::Host).host, u"intranet");
    EXPECT_EQ(DomainKey::compute(u"192.168.1.10", DomainPolicy::Host).host, u"192.168.1.10");
    EXPECT_TRUE(DomainKey::compute(u"jane@acme.io", DomainPolicy::Host).host.isEmpty());
    EXPECT_TRUE(DomainKey::compute(u"acme..com", DomainPolicy::Host).host.isEmpty());
}

TEST(DomainKey, ComAloneIsAPublicSuffixButAnUnknownWordIsASingleLabel) {
    EXPECT_EQ(DomainKey::compute(u"COM", DomainPolicy::Host).reason, NoKeyReason::PublicSuffix);
    EXPECT_EQ(DomainKey::compute(u"acme", DomainPolicy::Host).reason, NoKeyReason::SingleLabel);
}

TEST(DomainKey, PolicyNamesRoundTrip) {
    for (DomainPolicy policy : {DomainPolicy::Host, DomainPolicy::Registrable})
        EXPECT_EQ(DomainKey::parsePolicy(DomainKey::policyName(policy)), policy);
    EXPECT_EQ(DomainKey::policyName(DomainPolicy::Host), u"host");
    EXPECT_EQ(DomainKey::policyName(DomainPolicy::Registrable), u"registrable");
    EXPECT_EQ(DomainKey::parsePolicy(u"Registrable"), DomainPolicy::Registrable);
    EXPECT_FALSE(DomainKey::parsePolicy(u"root").has_value());
    EXPECT_FALSE(DomainKey::parsePolicy(u"").has_value());
}

TEST(DomainKey, EveryReasonHasItsOwnText) {
    const NoKeyReason reasons[] = {
        NoKeyReason::Empty,        NoKeyReason::EmailAddress, NoKeyReason::NoHostScheme,
        NoKeyReason::IpAddress,    NoKeyReason::Localhost,    NoKeyReason::SingleLabel,
        NoKeyReason::PublicSuffix, NoKeyReason::EmptyLabel,   NoKeyReason::Unparsable};
    QSet<QString> texts;
    for (NoKeyReason reason : reasons) {
        const QString text = DomainKey::reasonText(reason);
        EXPECT_FALSE(text.isEmpty());
        texts.insert(text);
    }
    EXPECT_EQ(texts.size(), qsizetype(std::size(reasons)));
    EXPECT_TRUE(DomainKey::reasonText(NoKeyReason::None).isEmpty());
    EXPECT_TRUE(DomainKey::compute(u"acme.com", DomainPolicy::Host).reasonText().isEmpty());
}

// The Public Suffix List is loaded once and then only read: any number of threads may compute keys.
TEST(DomainKey, ThreadsGetTheSameKeys) {
    QStringList values;
    for (int i = 0; i < 2000; ++i) {
        values << QStringLiteral("https://www.shop%1.example.co.uk/x").arg(i)
               << QStringLiteral("m\u00fcnchen%1.de").arg(i) << QStringLiteral("jane%1@acme.io").arg(i)
               << QStringLiteral("us.test%1.com").arg(i);
    }
    QStringList expected;
    for (const QString& v : values)
        expected << DomainKey::key(v, DomainPolicy::Registrable);

    std::vector<QStringList> results(4);
    std::vector<std::thread> threads;
    for (QStringList& result : results) {
        threads.emplace_back([&values, &result] {
            for (const QString& v : values)
                result << DomainKey::key(v, DomainPolicy::Registrable);
        });
    }
    for (std::thread& t : threads)
        t.join();
    for (const QStringList& result : results)
        EXPECT_EQ(result, expected);
    EXPECT_EQ(expected[0], u"example.co.uk");
    EXPECT_EQ(expected[1], u"xn--mnchen0-n2a.de");
}

} // namespace
