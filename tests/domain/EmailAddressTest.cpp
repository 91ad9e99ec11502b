// Contacts match on e-mail: trimmed, lower-cased; validity is pragmatic (docs/domain-keys.md).
#include "core/domain/EmailAddress.h"

#include <gtest/gtest.h>

#include <random>

using namespace syncdesk;

namespace {

QString u8(const char* s) {
    return QString::fromUtf8(s);
}

struct ValidRow {
    const char* raw;
    const char* key;
};

void PrintTo(const ValidRow& row, std::ostream* os) {
    *os << '"' << row.raw << '"';
}

class ValidEmail : public ::testing::TestWithParam<ValidRow> {};

TEST_P(ValidEmail, KeyIsTrimmedAndLowerCased) {
    const EmailResult r = EmailAddress::normalize(u8(GetParam().raw));
    EXPECT_TRUE(r.valid) << r.reason.toStdString();
    EXPECT_EQ(r.key, u8(GetParam().key));
    EXPECT_TRUE(r.reason.isEmpty());
    EXPECT_FALSE(r.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Emails, ValidEmail,
    ::testing::Values(ValidRow{"jane@acme.io", "jane@acme.io"},
                      ValidRow{"  Jane.Doe@Example.COM \t", "jane.doe@example.com"},
                      ValidRow{"o'brien+crm@sub.acme.co.uk", "o'brien+crm@sub.acme.co.uk"},
                      ValidRow{"first_last-1@my-company.de", "first_last-1@my-company.de"},
                      ValidRow{"x@a.io", "x@a.io"}, ValidRow{"JÖRG@MÜNCHEN.DE", "jörg@münchen.de"},
                      ValidRow{"info@xn--mnchen-3ya.de", "info@xn--mnchen-3ya.de"},
                      ValidRow{"a.b..c@acme.com", "a.b..c@acme.com"}));

struct InvalidRow {
    const char* raw;
    const char* reason;
};

void PrintTo(const InvalidRow& row, std::ostream* os) {
    *os << '"' << row.raw << '"';
}

class InvalidEmail : public ::testing::TestWithParam<InvalidRow> {};

TEST_P(InvalidEmail, IsInvalidWithReason) {
    const QString raw = u8(GetParam().raw);
    const EmailResult r = EmailAddress::normalize(raw);
    EXPECT_FALSE(r.valid);
    EXPECT_EQ(r.reason.toStdString(), GetParam().reason);
    EXPECT_EQ(r.key, raw.trimmed().toLower()); // still shown as typed, normalised
}

INSTANTIATE_TEST_SUITE_P(
    Emails, InvalidEmail,
    ::testing::Values(InvalidRow{"jane", "missing @"}, InvalidRow{"acme.io", "missing @"},
                      InvalidRow{"a@b@acme.io", "more than one @"},
                      InvalidRow{"@acme.io", "nothing before the @"},
                      InvalidRow{"jane@", "no domain after the @"},
                      InvalidRow{"jane@acme", "the domain after the @ has no dot"},
                      InvalidRow{"jane@localhost", "the domain after the @ has no dot"},
                      InvalidRow{"jane doe@acme.io", "contains spaces"},
                      InvalidRow{"Jane Doe <jane@acme.io>", "contains spaces"},
                      InvalidRow{"ja(ne)@acme.io", "a character not allowed before the @"},
                      InvalidRow{"ja\"ne@acme.io", "a character not allowed before the @"},
                      InvalidRow{"jane@acme..io", "not a valid domain after the @"},
                      InvalidRow{"jane@.acme.io", "not a valid domain after the @"},
                      InvalidRow{"jane@acme.io.", "not a valid domain after the @"},
                      InvalidRow{"jane@-acme.io", "not a valid domain after the @"},
                      InvalidRow{"jane@acme_corp.io", "not a valid domain after the @"},
                      InvalidRow{"jane@192.168.1.1", "not a valid domain after the @"},
                      InvalidRow{"jane@[192.168.1.1]", "not a valid domain after the @"},
                      InvalidRow{"jane@acme.io/x", "not a valid domain after the @"},
                      InvalidRow{"mailto:jane@acme.io", "a character not allowed before the @"}));

TEST(EmailAddress, EmptyIsNotAnAddress) {
    for (const char* raw : {"", "   ", "\t\r\n"}) {
        const EmailResult r = EmailAddress::normalize(u8(raw));
        EXPECT_TRUE(r.isEmpty());
        EXPECT_FALSE(r.valid);
        EXPECT_EQ(r.reason, u"no e-mail address");
    }
}

TEST(EmailAddress, LengthLimits) {
    const QString local64(64, u'a');
    EXPECT_TRUE(EmailAddress::normalize(QString(local64 + u"@acme.io")).valid);
    EXPECT_EQ(EmailAddress::normalize(QString(local64 + u"a@acme.io")).reason,
              u"too long for an e-mail address");
    const QString label(60, u'b');
    const QString domain = label + u'.' + label + u'.' + label + u'.' + label + u".io"; // 247
    EXPECT_TRUE(EmailAddress::normalize(QString(u"jane@" + domain)).valid);             // 252 in all
    EXPECT_EQ(EmailAddress::normalize(QString(u"jane.doe@" + domain)).reason,
              u"too long for an e-mail address");
    EXPECT_FALSE(EmailAddress::normalize(QString(QString(64 * 1024, u'a') + u"@acme.io")).valid);
}

TEST(EmailAddress, GarbageNeverCrashes) {
    std::mt19937 rng(99);
    std::uniform_int_distribution<int> length(0, 60);
    std::uniform_int_distribution<int> unit(0, 0xFFFF);
    std::bernoulli_distribution at(0.1);
    for (int i = 0; i < 20000; ++i) {
        QString s(length(rng), Qt::Uninitialized);
        for (QChar& c : s)
            c = at(rng) ? QChar(u'@') : QChar(char16_t(unit(rng)));
        const EmailResult r = EmailAddress::normalize(s);
        ASSERT_EQ(r.key, s.trimmed().toLower());
        ASSERT_EQ(r.valid, r.reason.isEmpty());
        if (r.valid) {
            ASSERT_EQ(r.key.count(u'@'), 1);
        }
    }
}

} // namespace
