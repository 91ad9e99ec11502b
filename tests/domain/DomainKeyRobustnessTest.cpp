// Garbage in, no crash, no hang: the key is always either empty or a syntactically valid host name.
#include "core/domain/DomainKey.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

#include <random>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

// Independent of the implementation: lower-case ASCII labels of 1..63 letters, digits, '_' or inner
// '-', at least two labels, at most 253 characters.
bool isSyntacticallyValidHost(const QString& key) {
    static const QRegularExpression host(QStringLiteral(
        R"(^(?=.{3,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)+$)"));
    return host.match(key).hasMatch();
}

void expectSane(const QString& value) {
    const DomainKeyResult host = DomainKey::compute(value, DomainPolicy::Host);
    const DomainKeyResult registrable = DomainKey::compute(value, DomainPolicy::Registrable);
    for (const DomainKeyResult* r : {&host, &registrable}) {
        if (r->hasKey()) {
            ASSERT_TRUE(isSyntacticallyValidHost(r->key)) << "key " << r->key.toStdString();
            ASSERT_EQ(r->reason, NoKeyReason::None);
            ASSERT_FALSE(r->displayKey.isEmpty());
        } else {
            ASSERT_NE(r->reason, NoKeyReason::None);
            ASSERT_TRUE(r->displayKey.isEmpty());
        }
        ASSERT_LE(r->usedValue.size(), value.size());
    }
    ASSERT_EQ(host.hasKey(), registrable.hasKey());
    if (host.hasKey()) {
        ASSERT_EQ(host.key, host.host);
        ASSERT_EQ(registrable.host, host.host);
        ASSERT_TRUE(host.key == registrable.key || host.key.endsWith(u'.' + registrable.key))
            << host.key.toStdString() << " vs " << registrable.key.toStdString();
    }
}

TEST(DomainKeyRobustness, RandomBytes) {
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<int> length(0, 80);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 20000; ++i) {
        QByteArray bytes(length(rng), '\0');
        for (char& b : bytes)
            b = char(byte(rng));
        expectSane(QString::fromUtf8(bytes));
        expectSane(QString::fromLatin1(bytes));
    }
}

TEST(DomainKeyRobustness, RandomUtf16IncludingLoneSurrogates) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> length(0, 40);
    std::uniform_int_distribution<int> unit(0, 0xFFFF);
    std::uniform_int_distribution<int> surrogate(0xD800, 0xDFFF);
    std::bernoulli_distribution pickSurrogate(0.2);
    for (int i = 0; i < 20000; ++i) {
        QString s(length(rng), Qt::Uninitialized);
        for (QChar& c : s)
            c = QChar(char16_t(pickSurrogate(rng) ? surrogate(rng) : unit(rng)));
        expectSane(s);
        expectSane(u"http://" + s + u".com");
    }
}

// Fragments that reach deep into the scanner: schemes, user info, ports, brackets, dots, IDN.
TEST(DomainKeyRobustness, RandomUrlLikeValues) {
    const QStringList pieces = {u"http://"_s,
                                u"https:"_s,
                                u"//"_s,
                                u"www."_s,
                                u"xn--"_s,
                                u".com"_s,
                                u".co.uk"_s,
                                u"acme"_s,
                                u"@"_s,
                                u":"_s,
                                u":8080"_s,
                                u"["_s,
                                u"]"_s,
                                u"::1"_s,
                                u"."_s,
                                u"-"_s,
                                u"_"_s,
                                u"/"_s,
                                u"\\"_s,
                                u"?"_s,
                                u"#"_s,
                                u"%"_s,
                                u"%41"_s,
                                u"%C3%BC"_s,
                                u"ü"_s,
                                u"例"_s,
                                u"。"_s,
                                u"1"_s,
                                u"255"_s,
                                u"0x"_s,
                                u"mailto:"_s,
                                u"localhost"_s,
                                u"github.io"_s,
                                u","_s,
                                u" "_s,
                                QString(QChar(0xD800)),
                                QString(QChar(0xDC00)),
                                QString(QChar(0x00AD)),
                                QString(QChar(0)),
                                u"\t"_s};
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> count(1, 12);
    std::uniform_int_distribution<qsizetype> pick(0, pieces.size() - 1);
    int withKey = 0;
    for (int i = 0; i < 50000; ++i) {
        QString s;
        for (int n = count(rng); n > 0; --n)
            s += pieces[pick(rng)];
        expectSane(s);
        withKey += DomainKey::compute(s, DomainPolicy::Host).hasKey() ? 1 : 0;
    }
    EXPECT_GT(withKey, 100); // the generator does reach the keyed path
}

TEST(DomainKeyRobustness, HugeValues) {
    const qsizetype size = 64 * 1024;
    const QStringList values = {
        QString(size, u'a'),
        QString(size, u'a') + u".com",
        u"http://" + QString(size, u'a') + u".com/",
        QString(size / 2, u'a').replace(u"aa"_s, u"a."_s),
        QString(size, u'.'),
        QString(size, u'@'),
        QString(size, u':'),
        QString(size, u'['),
        QString(size, u'/'),
        QString(size, u'%'),
        QString(size / 3, u'x').replace(u"x"_s, u"%41"_s),
        QString(size, QChar(0x00FC)),
        QString(size, QChar(0x00FC)) + u".de",
        QString(size, QChar(0x00AD)) + u"acme.com", // characters IDNA deletes
        QString(size, QChar(0xD800)),
        u"http://user@" + QString(size, u'@') + u"acme.com",
        u"http://acme.com:" + QString(size, u'9'),
        u"https://www.acme.com/" + QString(size, u'x'),
        u"acme.com," + QString(size, u','),
        QString(size, u' ') + u"acme.com" + QString(size, u' '),
        u"xn--" + QString(size, u'a') + u".com",
    };
    for (const QString& value : values) {
        SCOPED_TRACE(value.left(24).toStdString());
        expectSane(value);
    }
    EXPECT_EQ(DomainKey::key(values[17], DomainPolicy::Host), u"acme.com");
    EXPECT_EQ(DomainKey::key(values[18], DomainPolicy::Host), u"acme.com");
    EXPECT_EQ(DomainKey::key(values[19], DomainPolicy::Host), u"acme.com");
}

TEST(DomainKeyRobustness, ControlCharacters) {
    for (char16_t c = 0; c < 0x20; ++c) {
        for (qsizetype at : {0, 2, 4, 8}) {
            QString s = u"acme.com"_s;
            s.insert(at, QChar(c));
            SCOPED_TRACE(int(c));
            expectSane(s);
            if (!QChar::isSpace(c) && at > 0 && at < 8) {
                EXPECT_FALSE(DomainKey::compute(s, DomainPolicy::Host).hasKey());
            }
        }
    }
    expectSane(QString(QChar(0x7F)) + u"acme.com");
    EXPECT_EQ(DomainKey::compute(u"acme\x7f.com", DomainPolicy::Host).reason, NoKeyReason::Unparsable);
    EXPECT_EQ(DomainKey::compute(QStringView(u"acme.com\0", 9), DomainPolicy::Host).reason,
              NoKeyReason::Unparsable);
}

TEST(DomainKeyRobustness, LoneSurrogates) {
    for (const QString& value : {u"acme\xD800.com"_s, QString(QChar(0xDC00)), u"m\u00fcnchen\xDFFF.de"_s,
                                 u"http://\xD83D/"_s, u"\xDBFF\xDBFF.com"_s}) {
        expectSane(value);
        EXPECT_EQ(DomainKey::compute(value, DomainPolicy::Registrable).reason, NoKeyReason::Unparsable);
    }
}

} // namespace
