#include "tests/import/TestDevices.h"
#include "tests/store/TempWorkspace.h"

#include "core/import/CsvImporter.h"
#include "core/query/CompanyBulkLoad.h"
#include "core/query/CompanyQuery.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/store/FieldStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::ScriptedDevice;
using syncdesk::test::TempWorkspace;
using Lookup = ImportOptions::IdentityLookup;

namespace {

QString issues(const QList<ImportIssue>& list) {
    QStringList lines;
    for (const ImportIssue& i : list)
        lines.append(i.toString());
    return lines.join(u'\n');
}

QList<qint64> issueLines(const QList<ImportIssue>& list) {
    QList<qint64> lines;
    for (const ImportIssue& i : list)
        lines.append(i.line);
    return lines;
}

// Every company of the workspace as one comparable text (ids excluded, timestamps included).
QString snapshot(Workspace& ws) {
    QSqlQuery q(ws.database());
    EXPECT_TRUE(
        q.exec(QStringLiteral("SELECT external_id, name, website, domain, industry, employees, country, "
                              "city, description, linkedin_url,"
                              " domain_key, custom, created_at, updated_at FROM companies ORDER BY id")));
    QStringList rows;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < 14; ++i)
            values.append(q.value(i).toString());
        rows.append(values.join(u'|'));
    }
    QSqlQuery c(ws.database());
    EXPECT_TRUE(c.exec(QStringLiteral("SELECT count(*) FROM contacts")));
    c.next();
    QSqlQuery f(ws.database());
    EXPECT_TRUE(
        f.exec(QStringLiteral("SELECT group_concat(key || ':' || type, ',') FROM field_definitions")));
    f.next();
    return rows.join(u'\n') + u"\ncontacts=" + c.value(0).toString() + u"\nfields=" + f.value(0).toString();
}

class ImporterTest : public ::testing::TestWithParam<Lookup> {
protected:
    QString writeFile(const QByteArray& content, const char* name = "import.csv") {
        const QString path = ws.dir() + u'/' + QLatin1String(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        return path;
    }
    ImportResult import(RecordObject object, const QByteArray& content) {
        ImportOptions options;
        options.identityLookup = GetParam();
        CsvImporter importer(*ws, options);
        ImportResult r = importer.importFile(object, writeFile(content));
        EXPECT_TRUE(r.completed) << r.fatalError.toStdString();
        return r;
    }
    ImportResult companies(const QByteArray& content) { return import(RecordObject::Company, content); }
    ImportResult contacts(const QByteArray& content) { return import(RecordObject::Contact, content); }

    Company companyByKey(const char* key) {
        CompanyStore store(*ws);
        const auto c = store.findByDomainKey(QString::fromLatin1(key));
        EXPECT_TRUE(c) << "no company with domain key " << key;
        return c.value_or(Company());
    }

    TempWorkspace ws;
};

INSTANTIATE_TEST_SUITE_P(IdentityLookups, ImporterTest, ::testing::Values(Lookup::InMemory, Lookup::Database),
                         [](const auto& info) {
                             return std::string(info.param == Lookup::InMemory ? "InMemory" : "Database");
                         });

const QByteArray aliasFile =
    "Company name,Website URL,Company Domain Name,Number of "
    "Employees,Industry,Country/Region,City,Description,"
    "LinkedIn\n"
    "\"Acme, Inc.\",https://www.Acme.com/about,,\"1,200\",Manufacturing,Germany,Berlin,\"Makes "
    "\"\"everything\"\"\","
    "https://linkedin.com/company/acme\n"
    "Globex,,globex.com,50,,,,,\n";

} // namespace

TEST_P(ImporterTest, ImportsCompaniesThroughHeaderAliases) {
    const ImportResult r = companies(aliasFile);
    EXPECT_EQ(r.rows, 2);
    EXPECT_EQ(r.created, 2);
    EXPECT_EQ(r.skipped, 0);
    EXPECT_TRUE(r.errors.isEmpty()) << issues(r.errors).toStdString();
    EXPECT_TRUE(r.warnings.isEmpty()) << issues(r.warnings).toStdString();
    EXPECT_TRUE(r.newFields.isEmpty());
    EXPECT_EQ(r.identityLookup == ImportResult::IdentityLookup::InMemory, GetParam() == Lookup::InMemory);

    const Company acme = companyByKey("acme.com");
    EXPECT_EQ(acme.name, u"Acme, Inc.");
    EXPECT_EQ(acme.website, u"https://www.Acme.com/about");
    EXPECT_EQ(acme.employees, 1200);
    EXPECT_EQ(acme.industry, u"Manufacturing");
    EXPECT_EQ(acme.country, u"Germany");
    EXPECT_EQ(acme.city, u"Berlin");
    EXPECT_EQ(acme.description, u"Makes \"everything\"");
    EXPECT_EQ(acme.linkedinUrl, u"https://linkedin.com/company/acme");
    const Company globex = companyByKey("globex.com");
    EXPECT_EQ(globex.domain, u"globex.com");
    EXPECT_EQ(globex.employees, 50);
    EXPECT_TRUE(globex.custom.isEmpty());
}

TEST_P(ImporterTest, ReimportingTheSameFileCreatesNothing) {
    const ImportResult first = companies(aliasFile);
    ASSERT_EQ(first.created, 2);
    const QString before = snapshot(*ws);
    const ImportResult second = companies(aliasFile);
    EXPECT_EQ(second.created, 0);
    EXPECT_EQ(second.updated, 0);
    EXPECT_EQ(second.unchanged, 2);
    EXPECT_EQ(snapshot(*ws), before); // not even updated_at moved
}

TEST_P(ImporterTest, InfersTypesOfCustomColumns) {
    const ImportResult r =
        companies("Name,Website,Founded,Revenue,Public,Blog,Contact email,Notes,Nothing\n"
                  "Acme,acme.com,2001-05-01,\"1,200.50\",yes,https://acme.com,info@acme.com,hello,\n"
                  "Globex,globex.com,15/03/1999,300,No,www.globex.com,sales@globex.com,12,\n"
                  "Initech,initech.com,,,,,,,\n");
    ASSERT_EQ(r.created, 3);
    QHash<QString, FieldType> types;
    for (const FieldDefinition& f : r.newFields)
        types.insert(f.key, f.type);
    EXPECT_EQ(types.size(), 7);
    EXPECT_EQ(types.value(QStringLiteral("founded")), FieldType::Date);
    EXPECT_EQ(types.value(QStringLiteral("revenue")), FieldType::Number);
    EXPECT_EQ(types.value(QStringLiteral("public")), FieldType::Boolean);
    EXPECT_EQ(types.value(QStringLiteral("blog")), FieldType::Url);
    EXPECT_EQ(types.value(QStringLiteral("contact_email")), FieldType::Email);
    EXPECT_EQ(types.value(QStringLiteral("notes")), FieldType::Text);
    EXPECT_EQ(types.value(QStringLiteral("nothing")), FieldType::Text);

    FieldStore fields(*ws);
    const auto stored = fields.find(RecordObject::Company, QStringLiteral("founded"));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->type, FieldType::Date);
    EXPECT_EQ(stored->label, u"Founded");
    EXPECT_FALSE(stored->builtIn);

    const Company acme = companyByKey("acme.com");
    EXPECT_EQ(acme.custom.value(QStringLiteral("revenue")), u"1,200.50"); // stored as written
    EXPECT_EQ(acme.custom.value(QStringLiteral("founded")), u"2001-05-01");
    EXPECT_FALSE(acme.custom.contains(QStringLiteral("nothing")));
    EXPECT_TRUE(companyByKey("initech.com").custom.isEmpty());

    // A second file reuses the fields (matched by label, any case) and reports values that do not fit.
    const ImportResult again = companies("name,website,FOUNDED\nUmbrella,umbrella.com,not a date\n");
    EXPECT_TRUE(again.newFields.isEmpty());
    ASSERT_EQ(again.warnings.size(), 1) << issues(again.warnings).toStdString();
    EXPECT_EQ(again.warnings[0].line, 2);
    EXPECT_TRUE(again.warnings[0].message.contains(u"date")) << again.warnings[0].message.toStdString();
    EXPECT_EQ(companyByKey("umbrella.com").custom.value(QStringLiteral("founded")), u"not a date");
}

TEST_P(ImporterTest, BadRowsAreReportedWithTheirLineWhileTheRestImports) {
    const QByteArray file = "Name,Website,Employees\n"       // 1
                            "Acme,acme.com,10\n"             // 2
                            "Short row,only-two.com\n"       // 3: too few fields
                            "Bad employees,bad.com,51-200\n" // 4: a range: imported without it
                            "\"Multi\n"                      // 5: a name over two lines
                            "line name\",multi.com,5\n"      // 6
                            "Too,many,fields,here\n"         // 7
                            "\n"                             // 8: blank
                            "\"Acme\" Corp,acmecorp.com,3\n" // 9: text after a closing quote
                            ",,\n"                           // 10: empty row
                            ",,12\n"                         // 11: no name, website or id
                            "Fine,fine.com,7\n"              // 12
                            "\"Unterminated,quote.com,5\n"   // 13: quote never closed
                            "Last,last.com,1\n";             // 14
    const ImportResult r = companies(file);
    EXPECT_EQ(issueLines(r.errors), (QList<qint64>{3, 7, 9, 11, 13})) << issues(r.errors).toStdString();
    EXPECT_TRUE(r.errors[0].message.contains(u"expected 3 fields, found 2"))
        << r.errors[0].message.toStdString();
    EXPECT_TRUE(r.errors[1].message.contains(u"expected 3 fields, found 4"));
    EXPECT_TRUE(r.errors[2].message.contains(u"closing quote"));
    EXPECT_TRUE(r.errors[3].message.contains(u"no company name, website, domain or id"));
    EXPECT_TRUE(r.errors[4].message.contains(u"never closed"));
    EXPECT_EQ(issueLines(r.warnings), (QList<qint64>{4, 10})) << issues(r.warnings).toStdString();
    EXPECT_EQ(r.warnings[0].toString(),
              u"line 4: Employees \"51-200\" is a range, not one number: imported without it");
    EXPECT_EQ(r.errors[0].toString(), u"line 3: expected 3 fields, found 2");

    EXPECT_EQ(r.rows, 11);   // the blank line 8 is not a row
    EXPECT_EQ(r.created, 5); // Acme, Bad employees, Multi line name, Fine, Last
    EXPECT_EQ(r.skipped, 6);
    EXPECT_EQ(r.created + r.updated + r.unchanged + r.skipped, r.rows);
    CompanyStore store(*ws);
    EXPECT_EQ(store.count(), 5);
    EXPECT_EQ(companyByKey("multi.com").name, u"Multi\nline name");
    EXPECT_EQ(companyByKey("last.com").employees, 1);
    EXPECT_FALSE(companyByKey("bad.com").employees.has_value());

    const ImportResult again = companies(file);
    EXPECT_EQ(again.created, 0);
    EXPECT_EQ(issueLines(again.errors), issueLines(r.errors));
    EXPECT_EQ(store.count(), 5);
}

TEST_P(ImporterTest, MultiLineFieldsShiftTheLineNumbersOfLaterRows) {
    const ImportResult r = companies("Name,Website,Description\n"
                                     "A,a.com,\"one\r\ntwo\r\nthree\"\r\n"
                                     "B,b.com,x\r\n"
                                     "C,c.com\r\n"
                                     "D,d.com,\"x\ny\"\r\n"
                                     "E,e.com,1,2\r\n");
    EXPECT_EQ(issueLines(r.errors), (QList<qint64>{6, 9})) << issues(r.errors).toStdString();
    EXPECT_EQ(r.created, 3);
}

TEST_P(ImporterTest, MatchesCompaniesByDomainKeyNameAndId) {
    companies("Name,Website,City\n"
              "Acme,https://www.acme.com/,Berlin\n"
              "Acme Local,n/a,Paris\n"
              "Nameless Web,,Rome\n");
    // Messy spellings of the same website, the same name in another case, empty cells.
    const ImportResult r = companies("Name,Website,City,Country\n"
                                     "Acme GmbH,ACME.COM,,Germany\n"
                                     "ACME LOCAL,,,France\n");
    EXPECT_EQ(r.created, 0);
    EXPECT_EQ(r.updated, 2);
    const Company acme = companyByKey("acme.com");
    EXPECT_EQ(acme.name, u"Acme GmbH");
    EXPECT_EQ(acme.website, u"ACME.COM");
    EXPECT_EQ(acme.city, u"Berlin"); // an empty cell does not clear
    EXPECT_EQ(acme.country, u"Germany");
    CompanyStore store(*ws);
    const auto local = store.findByName(QStringLiteral("acme local"));
    ASSERT_TRUE(local);
    EXPECT_EQ(local->name, u"ACME LOCAL");
    EXPECT_EQ(local->city, u"Paris");
    EXPECT_EQ(local->country, u"France");
    EXPECT_EQ(store.count(), 3);

    // An id column: the first time, a company without id is adopted; then the id decides.
    const ImportResult withIds = companies("Record ID,Name,Website\n77,Acme,acme.com\n78,Acme Local,\n");
    EXPECT_EQ(withIds.created, 0);
    EXPECT_EQ(withIds.updated, 2);
    EXPECT_EQ(store.findByExternalId(QStringLiteral("77"))->id, acme.id);
    EXPECT_EQ(store.findByExternalId(QStringLiteral("78"))->id, local->id);
    const ImportResult renamed = companies("Record ID,Name,Website\n77,Acme Renamed,acme-new.com\n");
    EXPECT_EQ(renamed.updated, 1);
    EXPECT_EQ(renamed.created, 0);
    const auto moved = store.get(acme.id);
    EXPECT_EQ(moved->domainKey, u"acme-new.com");
    EXPECT_EQ(moved->name, u"Acme Renamed");
    // Another id with a known domain: that company already has an id, so this is a new company.
    const ImportResult other = companies("Record ID,Name,Website\n99,Acme Subsidiary,acme-new.com\n");
    EXPECT_EQ(other.created, 1);
    EXPECT_EQ(store.count(), 4);
}

TEST_P(ImporterTest, DuplicatesWithinAFileUpdateTheFirstAndWarn) {
    const ImportResult r = companies("Name,Website,City\n"
                                     "Acme,acme.com,Berlin\n"
                                     "Other,other.com,Rome\n"
                                     "Acme Again,https://www.acme.com,\n");
    EXPECT_EQ(r.created, 2);
    EXPECT_EQ(r.updated, 1);
    ASSERT_EQ(r.warnings.size(), 1) << issues(r.warnings).toStdString();
    EXPECT_EQ(r.warnings[0].line, 4);
    EXPECT_TRUE(r.warnings[0].message.contains(u"line 2")) << r.warnings[0].message.toStdString();
    EXPECT_TRUE(r.warnings[0].message.contains(u"acme.com"));
    EXPECT_EQ(companyByKey("acme.com").name, u"Acme Again");
    EXPECT_EQ(companyByKey("acme.com").city, u"Berlin");
}

TEST_P(ImporterTest, WarnsAboutWebsitesWithoutKey) {
    const ImportResult r =
        companies("Name,Website\nRouter,192.168.1.10\nNothing,n/a\nTwo,\"a.com, b.com\"\n");
    EXPECT_EQ(r.created, 3);
    EXPECT_EQ(issueLines(r.warnings), (QList<qint64>{2, 4})) << issues(r.warnings).toStdString();
    EXPECT_TRUE(r.warnings[0].message.contains(u"192.168.1.10"));
    EXPECT_TRUE(r.warnings[1].message.contains(u"a.com"));
    EXPECT_EQ(companyByKey("a.com").name, u"Two");
}

TEST_P(ImporterTest, DelimitersBomAndLineEndings) {
    const ImportResult semi = companies("\xEF\xBB\xBFName;Website;Description\r\n"
                                        "\"Acme; Inc\";acme.com;\"a, b\"\r\n"
                                        "Globex;globex.com;x\r\n");
    EXPECT_EQ(semi.delimiter, ';');
    EXPECT_EQ(semi.created, 2);
    EXPECT_EQ(companyByKey("acme.com").name, u"Acme; Inc");
    EXPECT_EQ(companyByKey("acme.com").description, u"a, b");

    const ImportResult tab = companies("Name\tWebsite\n\"Initech, LLC\"\tinitech.com\n");
    EXPECT_EQ(tab.delimiter, '\t');
    EXPECT_EQ(companyByKey("initech.com").name, u"Initech, LLC");
}

TEST_P(ImporterTest, ColumnsWithoutNameOrTwiceTheSameFieldAreIgnoredWithAWarning) {
    const ImportResult r =
        companies("Name,Website,,Website URL,Notes,notes\nAcme,acme.com,zzz,other.com,a,b\n");
    EXPECT_EQ(r.created, 1);
    EXPECT_EQ(issueLines(r.warnings), (QList<qint64>{1, 1, 1})) << issues(r.warnings).toStdString();
    const Company acme = companyByKey("acme.com");
    EXPECT_EQ(acme.website, u"acme.com");
    EXPECT_EQ(acme.custom.value(QStringLiteral("notes")), u"a");
    EXPECT_EQ(r.newFields.size(), 1);
}

TEST_P(ImporterTest, ContactsLinkedByCompanyIdAndWebsite) {
    companies(
        "Record ID,Name,Website\nC1,Acme,acme.com\nC2,Globex,https://globex.com\nC3,Initech,initech.com\n");
    const QByteArray file = "Email,First Name,Last Name,Company ID,Company Website,Title,Newsletter\n"
                            "jane@acme.com,Jane,Doe,C1,,CFO,yes\n"
                            "bob@globex.com,Bob,Roe,,www.globex.com/contact,,no\n"
                            "x@nowhere.com,X,Y,C9,nowhere.example,,\n"
                            "carl@initech.com,Carl,Cox,C3,acme.com,,\n";
    const ImportResult r = contacts(file);
    EXPECT_EQ(r.created, 4);
    EXPECT_TRUE(r.errors.isEmpty()) << issues(r.errors).toStdString();
    ASSERT_EQ(issueLines(r.warnings), QList<qint64>{4}) << issues(r.warnings).toStdString();
    EXPECT_TRUE(r.warnings[0].message.contains(u"C9")) << r.warnings[0].message.toStdString();
    EXPECT_TRUE(r.warnings[0].message.contains(u"without a company"));
    ASSERT_EQ(r.newFields.size(), 1);
    EXPECT_EQ(r.newFields[0].type, FieldType::Boolean);

    CompanyStore companyStore(*ws);
    ContactStore store(*ws);
    const qint64 acme = companyStore.findByExternalId(QStringLiteral("C1"))->id;
    const qint64 globex = companyStore.findByExternalId(QStringLiteral("C2"))->id;
    const qint64 initech = companyStore.findByExternalId(QStringLiteral("C3"))->id;
    EXPECT_EQ(store.findByEmailKey(QStringLiteral("jane@acme.com"))->companyId, acme);
    EXPECT_EQ(store.findByEmailKey(QStringLiteral("bob@globex.com"))->companyId, globex);
    EXPECT_FALSE(store.findByEmailKey(QStringLiteral("x@nowhere.com"))->companyId);
    EXPECT_EQ(store.findByEmailKey(QStringLiteral("carl@initech.com"))->companyId, initech); // the id wins
    EXPECT_EQ(store.listByCompany(acme).size(), 1);
    EXPECT_EQ(store.findByEmailKey(QStringLiteral("jane@acme.com"))->jobTitle, u"CFO");
    EXPECT_EQ(
        store.findByEmailKey(QStringLiteral("jane@acme.com"))->custom.value(QStringLiteral("newsletter")),
        u"yes");

    const ImportResult again = contacts(file);
    EXPECT_EQ(again.created, 0);
    EXPECT_EQ(again.updated, 0);
    EXPECT_EQ(again.unchanged, 4);
    EXPECT_EQ(store.count(), 4);
}

TEST_P(ImporterTest, ContactIdentityByEmailThenNameWithinCompany) {
    companies("Name,Website\nAcme,acme.com\nGlobex,globex.com\n");
    contacts("E-mail Address,First Name,Last Name,Company Domain\n"
             "Jane.Doe@ACME.com,Jane,Doe,acme.com\n"
             ",John,Smith,acme.com\n"
             ",John,Smith,globex.com\n"
             ",Lone,Wolf,\n");
    ContactStore store(*ws);
    EXPECT_EQ(store.count(), 4);
    const ImportResult r = contacts("Email,First name,Last name,Company Domain,Phone\n"
                                    " jane.doe@acme.com ,Janet,Doe,acme.com,1\n"
                                    ",JOHN,smith,acme.com,2\n"
                                    ",John,Smith,globex.com,3\n"
                                    ",Lone,Wolf,,4\n"
                                    ",John,Smith,,5\n");
    EXPECT_EQ(r.updated, 4) << issues(r.warnings).toStdString();
    EXPECT_EQ(r.created, 1); // John Smith without a company is someone else
    const auto jane = store.findByEmailKey(QStringLiteral("jane.doe@acme.com"));
    EXPECT_EQ(jane->firstName, u"Janet");
    EXPECT_EQ(jane->email, u"jane.doe@acme.com");
    CompanyStore companyStore(*ws);
    const qint64 acme = companyStore.findByDomainKey(QStringLiteral("acme.com"))->id;
    const auto john = store.findByName(acme, QStringLiteral("John"), QStringLiteral("Smith"));
    EXPECT_EQ(john->phone, u"2");
    EXPECT_EQ(john->firstName, u"JOHN");
    EXPECT_EQ(store.count(), 5);
}

TEST_P(ImporterTest, ContactRowsNeedAnEmailNameOrId) {
    const ImportResult r = contacts("Full Name,Email,Company Name,Phone\n"
                                    "Mary Ann Jones,mary@x.com,,\n"
                                    ",,Acme,555\n"
                                    ",not-an-email,,\n"
                                    ",,,\n");
    EXPECT_EQ(issueLines(r.errors), QList<qint64>{3}) << issues(r.errors).toStdString();
    EXPECT_EQ(issueLines(r.warnings), (QList<qint64>{4, 5})) << issues(r.warnings).toStdString();
    EXPECT_TRUE(r.warnings[0].message.contains(u"not-an-email"));
    EXPECT_EQ(r.created, 2);
    EXPECT_EQ(r.skipped, 2);
    ContactStore store(*ws);
    const auto mary = store.findByEmailKey(QStringLiteral("mary@x.com"));
    ASSERT_TRUE(mary);
    EXPECT_EQ(mary->firstName, u"Mary Ann");
    EXPECT_EQ(mary->lastName, u"Jones");
    EXPECT_TRUE(store.findByEmailKey(QStringLiteral("not-an-email")));
}

TEST_P(ImporterTest, ReadErrorMidwayLeavesTheWorkspaceAsItWas) {
    companies("Name,Website,City\nAcme,acme.com,Berlin\n");
    const QString before = snapshot(*ws);

    QByteArray big = "Name,Website,City,Brand new column\nAcme,acme.com,Paris,x\n";
    for (int i = 0; i < 20000; ++i)
        big += "Company " + QByteArray::number(i) + ",c" + QByteArray::number(i) + ".com,Town,y\n";
    ScriptedDevice device(big, 4096, big.size() / 2);
    ImportOptions options;
    options.identityLookup = GetParam();
    CsvImporter importer(*ws, options);
    const ImportResult r = importer.importDevice(RecordObject::Company, &device);
    EXPECT_FALSE(r.completed);
    EXPECT_TRUE(r.fatalError.contains(u"simulated")) << r.fatalError.toStdString();
    EXPECT_TRUE(r.fatalError.contains(u"Nothing was imported"));
    EXPECT_EQ(r.created, 0);
    EXPECT_TRUE(r.errors.isEmpty());
    EXPECT_GT(device.bytesDelivered(), 0);
    EXPECT_EQ(snapshot(*ws), before);

    // The workspace is usable afterwards.
    companies("Name,Website\nGlobex,globex.com\n");
    CompanyStore store(*ws);
    EXPECT_EQ(store.count(), 2);
}

namespace {

// Lets the workspace file grow by `pages` pages only, then SQLITE_FULL, as on a full disk.
void allowGrowthBy(Workspace& ws, int pages) {
    QSqlQuery q(ws.database());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
    const int now = q.value(0).toInt();
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(now + pages)));
}

} // namespace

TEST_P(ImporterTest, DiskFullLeavesTheWorkspaceAsItWas) {
    companies("Name,Website,City\nAcme,acme.com,Berlin\n");
    const QString before = snapshot(*ws);
    allowGrowthBy(*ws, 3); // a few pages only
    QByteArray big = "Name,Website,City,Extra\nAcme,acme.com,Paris,1\n";
    for (int i = 0; i < 5000; ++i)
        big += "Company " + QByteArray::number(i) + ",c" + QByteArray::number(i) + ".com,Town,2\n";
    ImportOptions options;
    options.identityLookup = GetParam();
    CsvImporter importer(*ws, options);
    const ImportResult r = importer.importFile(RecordObject::Company, writeFile(big, "big.csv"));
    EXPECT_FALSE(r.completed);
    EXPECT_TRUE(r.fatalError.contains(u"full")) << r.fatalError.toStdString();
    ws.reopen(); // a fresh connection: no page limit
    EXPECT_EQ(snapshot(*ws), before);
}

TEST_P(ImporterTest, FileProblemsAreFatalAndWriteNothing) {
    companies("Name\nAcme\n");
    const QString before = snapshot(*ws);
    CsvImporter importer(*ws);
    ImportResult r = importer.importFile(RecordObject::Company, ws.dir());
    EXPECT_FALSE(r.completed);
    EXPECT_TRUE(r.fatalError.contains(u"folder")) << r.fatalError.toStdString();
    r = importer.importFile(RecordObject::Company, ws.dir() + u"/missing.csv");
    EXPECT_TRUE(r.fatalError.contains(u"does not exist")) << r.fatalError.toStdString();
    r = importer.importFile(RecordObject::Company, writeFile("", "empty.csv"));
    EXPECT_TRUE(r.fatalError.contains(u"empty")) << r.fatalError.toStdString();
    r = importer.importFile(RecordObject::Company, writeFile("Colour,Size\nred,big\n", "odd.csv"));
    EXPECT_FALSE(r.completed);
    EXPECT_TRUE(r.fatalError.contains(u"\"Colour\"")) << r.fatalError.toStdString();
    r = importer.importFile(RecordObject::Contact, writeFile("Company,City\nAcme,Rome\n", "odd.csv"));
    EXPECT_FALSE(r.completed);
    EXPECT_TRUE(r.fatalError.contains(u"e-mail")) << r.fatalError.toStdString();
    EXPECT_EQ(snapshot(*ws), before);
}

namespace {

// Names and SQL of the indexes and triggers on companies: what a bulk load drops and must restore.
QStringList companySchemaObjects(Workspace& ws) {
    QSqlQuery q(ws.database());
    EXPECT_TRUE(
        q.exec(QStringLiteral("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
                              " WHERE tbl_name IN ('companies', 'companies_search') ORDER BY type, name")));
    QStringList objects;
    while (q.next())
        objects.append(q.value(0).toString());
    return objects;
}

QString pragma(Workspace& ws, const char* name); // below

// The same without the query indexes (CompanyBulkLoad.h): a bulk load leaves them to the first query
// that needs each.
QStringList withoutQueryIndexes(QStringList objects) {
    objects.removeIf([](const QString& object) {
        return object.startsWith(u"index ") &&
               !companyQueryIndexStatement(object.mid(6).section(u':', 0, 0)).isEmpty();
    });
    return objects;
}

// What the company list's first queries do after a bulk load: each sort and filter builds its index.
void queryEverySortAndFilter(Workspace& ws) {
    const QString connection = ws.database().connectionName();
    for (const char* field : {"website", "domain", "city", "employees", "updated_at", "country", "industry",
                              "linkedin_url", "description", "created_at"}) {
        CompanyQuery q(connection);
        q.setSort(QString::fromLatin1(field));
        EXPECT_TRUE(q.page(0, 10)) << field;
    }
    CompanyQuery q(connection);
    EXPECT_FALSE(q.setFilterExpression(QStringLiteral("country = uk or industry = retail")));
    EXPECT_TRUE(q.page(0, 10));
}

QByteArray manyCompanies(int n, bool changed) {
    QByteArray csv = "Name,Website,City\n";
    for (int i = n - 1; i >= 0; --i) { // reverse order on purpose
        const QByteArray k = QByteArray::number(i);
        csv += "Company " + k + ",https://www.c" + k + ".example.com/," +
               (changed && i % 2 ? "Changed" : "Town") + "\n";
    }
    return csv;
}

} // namespace

TEST_P(ImporterTest, LargeImportsRestoreTriggersAndSearchAndLeaveQueryIndexesToQueries) {
    const QStringList before = companySchemaObjects(*ws);
    ASSERT_FALSE(before.isEmpty());
    ASSERT_EQ(before.size() - withoutQueryIndexes(before).size(), 12);
    const ImportResult first = companies(manyCompanies(7000, false)); // enough writes for a bulk load
    EXPECT_EQ(first.created, 7000);
    EXPECT_EQ(companySchemaObjects(*ws), withoutQueryIndexes(before));
    QSqlQuery q(ws->database());
    EXPECT_TRUE(
        q.exec(QStringLiteral("INSERT INTO companies_search(companies_search) VALUES ('integrity-check')")))
        << q.lastError().text().toStdString();
    queryEverySortAndFilter(*ws);
    EXPECT_EQ(companySchemaObjects(*ws), before); // the same indexes as the migrations made
    EXPECT_EQ(pragma(*ws, "integrity_check"), u"ok");

    const ImportResult second = companies(manyCompanies(7000, true));
    EXPECT_EQ(second.created, 0);
    EXPECT_EQ(second.updated, 3500);
    EXPECT_EQ(second.unchanged, 3500);
    EXPECT_EQ(companyByKey("c6999.example.com").city, u"Changed");
    EXPECT_EQ(companyByKey("c6998.example.com").city, u"Town");
    EXPECT_EQ(companyByKey("c1.example.com").name, u"Company 1");
    EXPECT_EQ(companySchemaObjects(*ws), before);
    EXPECT_TRUE(
        q.exec(QStringLiteral("INSERT INTO companies_search(companies_search) VALUES ('integrity-check')")))
        << q.lastError().text().toStdString();
}

TEST_P(ImporterTest, AFailedLargeImportRestoresIndexesAndTriggers) {
    const QStringList before = companySchemaObjects(*ws);
    const QByteArray csv = manyCompanies(20000, false);
    ScriptedDevice device(csv, 65536, csv.size() - 100); // fails near the end, after the bulk load began
    ImportOptions options;
    options.identityLookup = GetParam();
    const ImportResult r = CsvImporter(*ws, options).importDevice(RecordObject::Company, &device);
    EXPECT_FALSE(r.completed);
    EXPECT_EQ(companySchemaObjects(*ws), before);
    CompanyStore store(*ws);
    EXPECT_EQ(store.count(), 0);
    EXPECT_FALSE(QFileInfo::exists(ws.path() + QStringLiteral("-journal")));
    QSqlQuery q(ws->database());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), u"wal");
}

namespace {

QString pragma(Workspace& ws, const char* name) {
    QSqlQuery q(ws.database());
    EXPECT_TRUE(q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) && q.next()) << name;
    return q.value(0).toString();
}

qint64 walBytes(const TempWorkspace& ws) {
    return QFileInfo(ws.path() + QStringLiteral("-wal")).size(); // 0 when there is none
}

} // namespace

// Into an empty table, with no other connection open, the rows are written once, into the database
// file (a rollback journal), not into the WAL and copied again by a checkpoint; the workspace is back
// in WAL mode afterwards with its usual settings and no journal left behind.
TEST_P(ImporterTest, AnImportIntoAnEmptyTableBypassesTheWalAndLeavesItOn) {
    const ImportResult r = companies(manyCompanies(7000, false));
    EXPECT_EQ(r.created, 7000);
    EXPECT_LT(walBytes(ws), 64 * 1024) << "the rows went through the WAL";
    EXPECT_FALSE(QFileInfo::exists(ws.path() + QStringLiteral("-journal")));
    EXPECT_EQ(pragma(*ws, "journal_mode"), u"wal");
    EXPECT_EQ(pragma(*ws, "synchronous"), u"1"); // NORMAL
    EXPECT_EQ(pragma(*ws, "busy_timeout"), u"10000");
    EXPECT_EQ(CompanyStore(*ws).count(), 7000);
    ws.reopen();
    EXPECT_EQ(CompanyStore(*ws).count(), 7000);

    // A later import into the now full table writes through the WAL as any other write does.
    const ImportResult again = companies(manyCompanies(7000, true));
    EXPECT_EQ(again.updated, 3500);
    EXPECT_GT(walBytes(ws), 64 * 1024);
    EXPECT_EQ(pragma(*ws, "journal_mode"), u"wal");
}

// A bulk load builds the identity indexes with SQLite's sorter in small sorted runs on worker threads
// (docs/import.md "Performance"), and the first queries build the others on the query's connection.
// The descriptions here make ~4 MB of keys for one index, several runs of 2 MB to merge. Every index
// must then agree with its table and give the rows in the order that a sort without it gives, and
// the connection's settings are back afterwards.
TEST_P(ImporterTest, IndexesBuiltFromSortedRunsOnWorkerThreadsAgreeWithTheirTable) {
    const QString cacheBefore = pragma(*ws, "cache_size");
    const QString threadsBefore = pragma(*ws, "threads");
    const QString tempStoreBefore = pragma(*ws, "temp_store");
    QByteArray csv = "Name,Website,City,Description,Country\n";
    for (int i = 0; i < 40000; ++i) {
        const QByteArray k = QByteArray::number((i * 7919) % 40000); // not in key order
        csv += "Company " + k + ",c" + QByteArray::number(i) + ".example.com,Town " +
               QByteArray::number(i % 97) + ",\"" + QByteArray(i % 5 == 0 ? "an " : "A ") +
               "account described at some length, number " + k +
               ", so that the keys fill several sorted runs\"," + (i % 3 ? "UK" : "uk") + "\n";
    }
    const ImportResult r = companies(csv);
    ASSERT_EQ(r.created, 40000);
    EXPECT_EQ(pragma(*ws, "integrity_check"), u"ok");
    EXPECT_EQ(pragma(*ws, "cache_size"), cacheBefore);
    EXPECT_EQ(pragma(*ws, "threads"), threadsBefore);
    EXPECT_EQ(pragma(*ws, "temp_store"), tempStoreBefore);
    queryEverySortAndFilter(*ws);
    EXPECT_EQ(pragma(*ws, "integrity_check"), u"ok");

    auto ids = [this](const QString& sql) {
        QSqlQuery q(ws->database());
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
        QList<qint64> out;
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    };
    const std::pair<const char*, const char*> indexes[] = {{"description", "companies_sort_description"},
                                                           {"name", "companies_name"},
                                                           {"city", "companies_city"},
                                                           {"country", "companies_sort_country"}};
    for (const auto& [column, index] : indexes) {
        const QString order = QStringLiteral(" ORDER BY %1 COLLATE NOCASE, id").arg(QLatin1String(column));
        const QList<qint64> sorted = ids(QStringLiteral("SELECT id FROM companies NOT INDEXED") + order);
        ASSERT_EQ(sorted.size(), 40000) << column;
        const QList<qint64> walked =
            ids(QStringLiteral("SELECT id FROM companies INDEXED BY %1").arg(QLatin1String(index)) + order);
        EXPECT_EQ(walked, sorted) << index;
    }
}

// While another connection writes (a sync, another process), a query that wants an index the bulk
// load left out does not wait for it: it gives the same rows without it, and a later query builds it.
TEST_P(ImporterTest, AQueryWhileAnotherConnectionWritesGoesWithoutTheMissingIndex) {
    ASSERT_EQ(companies(manyCompanies(7000, false)).created, 7000);
    auto cityIndexes = [this] {
        QSqlQuery q(ws->database());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'companies_city'")) &&
                    q.next());
        return q.value(0).toInt();
    };
    ASSERT_EQ(cityIndexes(), 0);
    const QString threadsBefore = pragma(*ws, "threads");
    ASSERT_TRUE(CompanyQuery::configureQueryConnection(ws->database().connectionName(), 32));
    auto firstCities = [this] {
        CompanyQuery q(ws->database().connectionName());
        q.setSort(QStringLiteral("city"), Qt::DescendingOrder);
        EXPECT_FALSE(q.setFilterExpression(QStringLiteral("name != \"Company 1\"")));
        QStringList names;
        const std::optional<QList<CompanyRow>> rows = q.page(0, 3);
        EXPECT_TRUE(rows);
        for (const CompanyRow& row : rows.value_or(QList<CompanyRow>()))
            names << row.name;
        return std::make_pair(names, q.lastPlan());
    };
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-writer"));
        other.setDatabaseName(ws.path());
        ASSERT_TRUE(other.open());
        QSqlQuery write(other);
        ASSERT_TRUE(write.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const auto [names, plan] = firstCities();
        // All in "Town": ties by id, descending, so the file's last rows come first.
        EXPECT_EQ(names, QStringList({QStringLiteral("Company 0"), QStringLiteral("Company 2"),
                                      QStringLiteral("Company 3")}));
        EXPECT_EQ(plan, CompanyQuery::Plan::Plain);
        EXPECT_EQ(cityIndexes(), 0);
        ASSERT_TRUE(write.exec(QStringLiteral("COMMIT")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other-writer"));
    const auto [names, plan] = firstCities();
    EXPECT_EQ(names, QStringList({QStringLiteral("Company 0"), QStringLiteral("Company 2"),
                                  QStringLiteral("Company 3")}));
    EXPECT_EQ(plan, CompanyQuery::Plan::IndexWalk);
    EXPECT_EQ(cityIndexes(), 1);
    EXPECT_EQ(pragma(*ws, "busy_timeout"), u"10000"); // the connection's settings are back
    EXPECT_EQ(pragma(*ws, "threads"), threadsBefore);
    EXPECT_EQ(pragma(*ws, "cache_size"), u"-32768");
}

// Another connection to the workspace (the desktop's list, another process) keeps the WAL on: the
// import neither waits for it nor fails, and that connection still reads.
TEST_P(ImporterTest, WithAnotherConnectionOpenAnImportIntoAnEmptyTableKeepsTheWal) {
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-reader"));
        other.setDatabaseName(ws.path());
        ASSERT_TRUE(other.open());
        QSqlQuery read(other);
        ASSERT_TRUE(read.exec(QStringLiteral("SELECT count(*) FROM companies")) && read.next());
        EXPECT_EQ(read.value(0).toInt(), 0);
        read.finish();

        const ImportResult r = companies(manyCompanies(7000, false));
        EXPECT_EQ(r.created, 7000);
        EXPECT_GT(walBytes(ws), 64 * 1024);
        EXPECT_EQ(pragma(*ws, "journal_mode"), u"wal");
        EXPECT_EQ(pragma(*ws, "busy_timeout"), u"10000");
        ASSERT_TRUE(read.exec(QStringLiteral("SELECT count(*) FROM companies")) && read.next());
        EXPECT_EQ(read.value(0).toInt(), 7000);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other-reader"));
}

// In a bulk load the indexes by domain key and name are dropped too (the in-memory identity index
// finds companies); the rare lookups that still need the database (here: a domain key that an earlier
// row moved to another website) work without them, bring them back after a few, and the schema is
// whole at the end.
TEST_P(ImporterTest, LookupsDuringABulkLoadStillFindCompaniesWhoseKeyChanged) {
    const QStringList before = companySchemaObjects(*ws);
    QByteArray csv = "ID,Name,Website\n";
    for (int i = 0; i < 7000; ++i) // enough writes for a bulk load
        csv += "ext" + QByteArray::number(i) + ",Company " + QByteArray::number(i) + ",old" +
               QByteArray::number(i) + ".example.com\n";
    for (int i = 0; i < 20; ++i) // the same companies (by id) move to another website...
        csv += "ext" + QByteArray::number(i) + ",Company " + QByteArray::number(i) + ",new" +
               QByteArray::number(i) + ".example.com\n";
    for (int i = 0; i < 20; ++i) // ...so their old websites now name no company: new ones
        csv += ",Successor " + QByteArray::number(i) + ",old" + QByteArray::number(i) + ".example.com\n";
    csv += ",COMPANY 100,\n"; // matched by name (case-insensitive): renamed
    const ImportResult r = companies(csv);
    EXPECT_EQ(r.created, 7020) << issues(r.warnings).toStdString();
    EXPECT_EQ(r.updated, 21);
    EXPECT_EQ(companyByKey("old100.example.com").name, u"COMPANY 100");
    EXPECT_EQ(companyByKey("new3.example.com").externalId, u"ext3");
    EXPECT_EQ(companyByKey("old3.example.com").name, u"Successor 3");
    EXPECT_EQ(companyByKey("old30.example.com").name, u"Company 30");
    EXPECT_EQ(companySchemaObjects(*ws), withoutQueryIndexes(before));
    QSqlQuery q(ws->database());
    EXPECT_TRUE(
        q.exec(QStringLiteral("INSERT INTO companies_search(companies_search) VALUES ('integrity-check')")))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM companies WHERE domain_key = 'x'")));
    ASSERT_TRUE(q.next());
    EXPECT_TRUE(q.value(3).toString().contains(u"companies_domain_key"))
        << q.value(3).toString().toStdString();
}

// Employees that are not one whole number keep the company: imported without the number, with a
// warning naming the line and the value; an earlier number is not cleared by such a value.
TEST_P(ImporterTest, EmployeesThatAreNotOneNumberAreLeftEmptyWithAWarning) {
    const ImportResult r = companies("Name,Website,Employees\n"     // 1
                                     "Range,range.com,11-50\n"      // 2
                                     "Word,word.com,unknown\n"      // 3
                                     "Comma,comma.com,\"1,200\"\n"  // 4
                                     "Space,space.com,1 200\n"      // 5
                                     "Negative,negative.com,-3\n"   // 6
                                     "Fraction,fraction.com,12.5\n" // 7
                                     "Plain,plain.com,40\n");       // 8
    EXPECT_TRUE(r.errors.isEmpty()) << issues(r.errors).toStdString();
    EXPECT_EQ(r.created, 7);
    EXPECT_EQ(issueLines(r.warnings), (QList<qint64>{2, 3, 6, 7})) << issues(r.warnings).toStdString();
    EXPECT_EQ(r.warnings[0].toString(),
              u"line 2: Employees \"11-50\" is a range, not one number: imported without it");
    EXPECT_EQ(r.warnings[1].toString(),
              u"line 3: Employees \"unknown\" is not a whole number: imported without it");
    EXPECT_TRUE(r.warnings[2].message.contains(u"\"-3\" is a negative number"))
        << r.warnings[2].message.toStdString();
    EXPECT_FALSE(companyByKey("range.com").employees.has_value());
    EXPECT_FALSE(companyByKey("word.com").employees.has_value());
    EXPECT_EQ(companyByKey("comma.com").employees, 1200);
    EXPECT_EQ(companyByKey("space.com").employees, 1200);
    EXPECT_FALSE(companyByKey("fraction.com").employees.has_value());
    EXPECT_EQ(companyByKey("plain.com").employees, 40);

    // An invalid value is an empty cell: it never clears the number a company already has.
    const ImportResult again = companies("Name,Website,Employees\nPlain,plain.com,about 40\n");
    EXPECT_EQ(again.unchanged, 1);
    EXPECT_EQ(issueLines(again.warnings), QList<qint64>{2});
    EXPECT_EQ(companyByKey("plain.com").employees, 40);
}

// Rows are read and prepared on a thread of their own and written in batches of 256 on the importer's
// (docs/import.md "Performance"). Over many batches, the issues of both threads must still come in
// the order of the rows, the reading thread's of a row before the writer's, and every value must land.
TEST_P(ImporterTest, IssuesOfManyBatchesStayInRowOrder) {
    QByteArray csv = "Name,Website,Employees,Note\n";
    QList<qint64> expectedWarnings;
    QList<qint64> expectedErrors;
    for (int i = 0; i < 3000; ++i) {
        const qint64 line = i + 2;
        const QByteArray k = QByteArray::number(i);
        if (i % 97 == 0) { // a row without name, website or id: an error (reading thread)
            csv += ",,12,note " + k + "\n";
            expectedErrors.append(line);
        } else if (i % 89 == 0 && (i - 1) % 97 != 0) { // a bad number (reading thread), a duplicate (writer)
            csv += "Again " + k + ",https://c" + QByteArray::number(i - 1) + ".example/,many,n\n";
            expectedWarnings << line << line;
        } else {
            csv += "Company " + k + ",https://c" + k + ".example/," + k + ",\"n, " + k + "\"\n";
        }
    }
    const ImportResult r = companies(csv);
    EXPECT_EQ(r.rows, 3000);
    EXPECT_EQ(issueLines(r.errors), expectedErrors);
    EXPECT_EQ(issueLines(r.warnings), expectedWarnings) << issues(r.warnings).toStdString();
    for (qsizetype i = 0; i + 1 < r.warnings.size(); i += 2) {
        EXPECT_TRUE(r.warnings[i].message.contains(u"many")) << r.warnings[i].message.toStdString();
        EXPECT_TRUE(r.warnings[i + 1].message.contains(u"same company"))
            << r.warnings[i + 1].message.toStdString();
    }
    EXPECT_EQ(r.skipped, expectedErrors.size());
    EXPECT_EQ(r.created + r.updated, 3000 - expectedErrors.size());
    const Company c = companyByKey("c2999.example");
    EXPECT_EQ(c.name, u"Company 2999");
    EXPECT_EQ(c.employees, 2999);
    EXPECT_EQ(c.value(u"note"), u"n, 2999");
}

// A failure while writing (here the disk fills up) must stop the reading thread at once, also when
// it is waiting for room to hand over more rows, and leave the workspace as it was.
TEST_P(ImporterTest, AWriteFailureStopsTheReadingThreadOfALargeFile) {
    companies("Name,Website\nAcme,acme.com\n");
    const QString before = snapshot(*ws);
    allowGrowthBy(*ws, 20);
    ImportOptions options;
    options.identityLookup = GetParam();
    const ImportResult r =
        CsvImporter(*ws, options).importFile(RecordObject::Company, writeFile(manyCompanies(200000, false)));
    EXPECT_FALSE(r.completed);
    EXPECT_TRUE(r.fatalError.contains(u"full")) << r.fatalError.toStdString();
    ws.reopen();
    EXPECT_EQ(snapshot(*ws), before);
}

// Long rows (here 300 KB descriptions) are handed over in smaller batches, by their bytes in the file
// (memory stays bounded by a few rows): every row still lands whole, with its issues in row order.
TEST_P(ImporterTest, LongRowsLandWholeInRowOrder) {
    QByteArray csv = "Name,Website,Employees,Description\n";
    const QByteArray longText(300 * 1024, 'x');
    for (int i = 0; i < 40; ++i) {
        const QByteArray k = QByteArray::number(i);
        csv += "Long " + k + ",long" + k + ".example," + (i % 7 == 3 ? "some" : k) + ",\"" + k + ' ' +
               longText + "\"\n";
    }
    const ImportResult r = companies(csv);
    EXPECT_EQ(r.created, 40);
    EXPECT_EQ(issueLines(r.warnings), (QList<qint64>{5, 12, 19, 26, 33, 40}))
        << issues(r.warnings).toStdString();
    for (int i : {0, 17, 39}) {
        const Company c = companyByKey(QStringLiteral("long%1.example").arg(i).toLatin1().constData());
        EXPECT_EQ(c.description, QString::number(i) + u' ' + QString::fromLatin1(longText));
        EXPECT_EQ(c.name, QStringLiteral("Long %1").arg(i));
    }
}
