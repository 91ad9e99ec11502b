// PRODUCT.md: "The Public Suffix List's own test vectors hold for the registrable policy."
// The vectors are read from the system's publicsuffix package at test time (never copied here).
#include "core/domain/DomainKey.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

using namespace syncdesk;

namespace {

constexpr auto VectorsPath = "/usr/share/doc/publicsuffix/examples/test_psl.txt";

TEST(PublicSuffixListVectors, RegistrablePolicyAgreesWithEveryVector) {
    QFile file(QString::fromLatin1(VectorsPath));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly))
        << "cannot read the Public Suffix List test vectors " << VectorsPath << " ("
        << file.errorString().toStdString()
        << "): install the Debian package 'publicsuffix', a declared dependency of SyncDesk";

    // checkPublicSuffix('input', 'expected');  either side may be null; "//" lines are comments.
    static const QRegularExpression vector(
        QStringLiteral(R"(^\s*checkPublicSuffix\((null|'([^']*)')\s*,\s*(null|'([^']*)')\s*\)\s*;)"));
    int checked = 0;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine());
        const QRegularExpressionMatch m = vector.match(line);
        if (!m.hasMatch())
            continue;
        ++checked;
        const QString input = m.captured(2); // empty for null
        const bool expectKey = m.captured(3) != u"null";
        const QString expected = m.captured(4);
        SCOPED_TRACE(
            QStringLiteral("test_psl.txt line %1: %2").arg(lineNumber).arg(line.trimmed()).toStdString());

        const DomainKeyResult registrable = DomainKey::compute(input, DomainPolicy::Registrable);
        const DomainKeyResult host = DomainKey::compute(input, DomainPolicy::Host);
        if (expectKey) {
            // The key is ASCII (punycode for IDN); the Unicode form is the one people see.
            EXPECT_EQ(registrable.key.toStdString(), QUrl::toAce(expected).toStdString());
            if (expected.startsWith(u"xn--") || expected.contains(u".xn--")) { // a punycoded vector
                EXPECT_NE(registrable.displayKey, registrable.key);
            } else {
                EXPECT_EQ(registrable.displayKey.toStdString(), expected.toStdString());
            }
            for (QChar c : registrable.key)
                EXPECT_LT(c.unicode(), 0x80);
        } else {
            EXPECT_FALSE(registrable.hasKey()) << "key " << registrable.key.toStdString();
            EXPECT_NE(registrable.reason, NoKeyReason::None);
        }
        // Whether a value has a key at all does not depend on the policy.
        EXPECT_EQ(host.hasKey(), registrable.hasKey()) << "host key " << host.key.toStdString();
    }
    // The file holds about 80 vectors; far fewer means the format changed under us.
    EXPECT_GE(checked, 60) << "only " << checked << " vectors found in " << VectorsPath;
}

} // namespace
