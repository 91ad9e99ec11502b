// resources/sample/*.csv must hold the mess docs/sample-data.md promises (the desktop app's sample
// workspace and many tests rely on it): checked here with a plain RFC 4180 reader and the real
// domain-key and e-mail rules.
#include "QueryTestSupport.h"

#include "core/domain/DomainKey.h"
#include "core/domain/EmailAddress.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <gtest/gtest.h>

using namespace syncdesk;

namespace {

struct Csv {
    QStringList header;
    QList<QStringList> rows;
    bool ok = false;
    QString error;
};

// RFC 4180: comma-separated, double-quoted fields may hold commas, line breaks and "" for a quote.
Csv readCsv(const QString& path) {
    Csv csv;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        csv.error = QStringLiteral("cannot open ") + path;
        return csv;
    }
    const QString text = QString::fromUtf8(f.readAll());
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            record << field;
            records << record;
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        csv.error = QStringLiteral("unterminated quoted field");
        return csv;
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record;
    }
    if (records.isEmpty()) {
        csv.error = QStringLiteral("empty file");
        return csv;
    }
    csv.header = records.takeFirst();
    csv.rows = records;
    csv.ok = true;
    return csv;
}

QString samplePath(const char* name) {
    return QStringLiteral(SYNCDESK_SOURCE_DIR "/resources/sample/") + QString::fromLatin1(name);
}

class SampleData : public ::testing::Test {
protected:
    void SetUp() override {
        companies = readCsv(samplePath("companies.csv"));
        contacts = readCsv(samplePath("contacts.csv"));
        ASSERT_TRUE(companies.ok) << companies.error.toStdString();
        ASSERT_TRUE(contacts.ok) << contacts.error.toStdString();
    }

    static QStringList column(const Csv& csv, const QString& name) {
        const qsizetype i = csv.header.indexOf(name);
        QStringList out;
        for (const QStringList& row : csv.rows)
            out << row.value(i);
        return out;
    }

    Csv companies;
    Csv contacts;
};

} // namespace

TEST_F(SampleData, CompaniesHaveTheDocumentedColumnsAndUniqueIds) {
    EXPECT_EQ(companies.header,
              QStringList({QStringLiteral("id"), QStringLiteral("Name"), QStringLiteral("Website"),
                           QStringLiteral("Domain"), QStringLiteral("Industry"), QStringLiteral("Employees"),
                           QStringLiteral("Country"), QStringLiteral("City"), QStringLiteral("Description"),
                           QStringLiteral("LinkedIn URL"), QStringLiteral("Annual Revenue"),
                           QStringLiteral("Customer Since"), QStringLiteral("Tier")}));
    EXPECT_EQ(companies.rows.size(), 200);
    for (qsizetype i = 0; i < companies.rows.size(); ++i)
        EXPECT_EQ(companies.rows[i].size(), companies.header.size()) << "record " << i + 1;
    const QStringList ids = column(companies, QStringLiteral("id"));
    EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    EXPECT_EQ(ids.first(), QStringLiteral("C0001"));
}

TEST_F(SampleData, CompaniesHoldQuotingAndMultiLineCells) {
    int multiLine = 0, withComma = 0, withQuote = 0;
    for (const QStringList& row : std::as_const(companies.rows)) {
        for (const QString& cell : row) {
            multiLine += cell.contains(u'\n');
            withComma += cell.contains(u',');
            withQuote += cell.contains(u'"');
        }
    }
    EXPECT_GE(multiLine, 1);
    EXPECT_GE(withComma, 10);
    EXPECT_GE(withQuote, 1);
}

TEST_F(SampleData, WebsitesCoverEveryKindOfKeyAndNoKey) {
    QHash<NoKeyReason, int> reasons;
    QHash<QString, int> registrable, host;
    int several = 0, idn = 0;
    const QStringList websites = column(companies, QStringLiteral("Website"));
    for (const QString& w : websites) {
        const DomainKeyResult r = DomainKey::compute(w, DomainPolicy::Registrable);
        ++reasons[r.reason];
        several += r.severalValues;
        if (r.hasKey()) {
            ++registrable[r.key];
            idn += r.key.contains(QLatin1String("xn--"));
        }
        const QString h = DomainKey::key(w, DomainPolicy::Host);
        if (!h.isEmpty())
            ++host[h];
    }
    for (NoKeyReason reason : {NoKeyReason::Empty, NoKeyReason::EmailAddress, NoKeyReason::NoHostScheme,
                               NoKeyReason::IpAddress, NoKeyReason::Localhost, NoKeyReason::SingleLabel,
                               NoKeyReason::PublicSuffix, NoKeyReason::EmptyLabel})
        EXPECT_GE(reasons.value(reason), 1) << "no website without a key for reason " << int(reason);
    EXPECT_GE(several, 3);
    EXPECT_GE(idn, 1);

    auto duplicateGroups = [](const QHash<QString, int>& keys) {
        int groups = 0;
        for (int n : keys)
            groups += n > 1;
        return groups;
    };
    // Duplicates after normalisation, more of them when subdomains fold into their registrable domain.
    EXPECT_GE(duplicateGroups(host), 5);
    EXPECT_GT(duplicateGroups(registrable), duplicateGroups(host));
    // Private suffixes keep sites apart: two different github.io sites are not one company.
    EXPECT_EQ(DomainKey::key(u"pixelmoth.github.io", DomainPolicy::Registrable),
              QStringLiteral("pixelmoth.github.io"));
    EXPECT_TRUE(websites.contains(QStringLiteral("ferncastle.uk.com")));
    EXPECT_TRUE(websites.contains(QStringLiteral("https://ledgerly-demo.herokuapp.com/login")));
}

TEST_F(SampleData, ContactsLinkToCompaniesAndCarryBadAddresses) {
    EXPECT_EQ(contacts.header,
              QStringList({QStringLiteral("First name"), QStringLiteral("Last name"), QStringLiteral("Email"),
                           QStringLiteral("Job title"), QStringLiteral("Phone"),
                           QStringLiteral("Company Website"), QStringLiteral("Company ID")}));
    EXPECT_EQ(contacts.rows.size(), 400);
    for (qsizetype i = 0; i < contacts.rows.size(); ++i)
        EXPECT_EQ(contacts.rows[i].size(), contacts.header.size()) << "record " << i + 1;

    const QStringList companyIds = column(companies, QStringLiteral("id"));
    const QSet<QString> known(companyIds.begin(), companyIds.end());
    int unknownIds = 0, noLink = 0;
    const QStringList ids = column(contacts, QStringLiteral("Company ID"));
    const QStringList sites = column(contacts, QStringLiteral("Company Website"));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!ids[i].isEmpty() && !known.contains(ids[i]))
            ++unknownIds;
        noLink += ids[i].isEmpty() && sites[i].isEmpty();
    }
    EXPECT_EQ(unknownIds, 1); // C9999, on purpose
    EXPECT_GE(noLink, 1);     // a contact whose company row has no website and who has no Company ID
    EXPECT_LE(noLink, 5);

    int empty = 0, invalid = 0;
    QHash<QString, int> byKey;
    QSet<QString> exactDuplicates;
    QSet<QString> seenExact;
    for (const QString& e : column(contacts, QStringLiteral("Email"))) {
        const EmailResult r = EmailAddress::normalize(e);
        if (r.isEmpty()) {
            ++empty;
            continue;
        }
        if (!r.valid) {
            ++invalid;
            continue;
        }
        ++byKey[r.key];
        if (seenExact.contains(e))
            exactDuplicates.insert(e);
        seenExact.insert(e);
    }
    int caseDuplicates = 0;
    for (int n : std::as_const(byKey))
        caseDuplicates += n > 1;
    EXPECT_GE(empty, 10);
    EXPECT_GE(invalid, 4);
    EXPECT_GE(caseDuplicates, 3);
    EXPECT_TRUE(exactDuplicates.isEmpty()) << "duplicates should differ by case only";
    EXPECT_TRUE(EmailAddress::normalize(u"sean.o'connor@wrenhaven.ie").valid); // listed as unusual but valid
    EXPECT_TRUE(
        column(contacts, QStringLiteral("Email")).contains(QStringLiteral("sean.o'connor@wrenhaven.ie")));
}
