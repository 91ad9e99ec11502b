// End-to-end: `syncdesk-cli import` as a real process (PRODUCT.md "Headless", docs/import.md).
#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>

namespace {

struct ImportRun {
    int exitCode = -1;
    QString out;
    QString err;
};

class ImportCommand : public ::testing::Test {
protected:
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
    QString workspace() const { return path("ws.sqlite"); }

    QString write(const char* name, const QByteArray& content) {
        QFile f(path(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        return f.fileName();
    }

    ImportRun run(const QStringList& args, const QProcessEnvironment& extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path("xdg-data")); // never the real default workspace
        env.insert(extra);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SYNCDESK_CLI), args);
        EXPECT_TRUE(p.waitForStarted()) << p.errorString().toStdString();
        p.closeWriteChannel();
        EXPECT_TRUE(p.waitForFinished(120000));
        EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    ImportRun import(const char* object, const QString& file) {
        return run({QStringLiteral("--workspace"), workspace(), QStringLiteral("import"),
                    QLatin1String(object), file});
    }

    qint64 count(const QString& workspaceFile, const char* sql) {
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(workspaceFile);
            EXPECT_TRUE(db.open());
            QSqlQuery q(db);
            EXPECT_TRUE(q.exec(QLatin1String(sql)));
            if (q.next())
                n = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return n;
    }

    QTemporaryDir m_dir;
};

const QByteArray companiesCsv = "Company name,Website URL,Number of Employees,Founded\n"
                                "\"Acme, Inc.\",https://www.acme.com,\"1,200\",2001-05-01\n"
                                "Globex,globex.com,50,1999-03-15\n";

} // namespace

TEST_F(ImportCommand, ImportsAndReimportsWithoutDuplicates) {
    const QString file = write("companies.csv", companiesCsv);
    ImportRun r = import("companies", file);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Imported companies from")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"rows read: 2 (delimiter ,)"));
    EXPECT_TRUE(r.out.contains(u"created:   2"));
    EXPECT_TRUE(r.out.contains(u"errors: 0, warnings: 0"));
    EXPECT_TRUE(r.out.contains(u"new custom fields: Founded (date)")) << r.out.toStdString();
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM companies"), 2);
    EXPECT_EQ(count(workspace(), "SELECT employees FROM companies WHERE domain_key = 'acme.com'"), 1200);

    r = import("companies", file);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(u"created:   0")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"unchanged: 2"));
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM companies"), 2);
}

TEST_F(ImportCommand, RejectedRowsAreListedByLineAndExitOne) {
    const QString file = write("bad.csv", "Name,Website,Employees\n"
                                          "Acme,acme.com,10\n"
                                          "Short,short.com\n"
                                          "\"Two\nlines\",two.com,lots\n"
                                          "Router,192.168.1.10,5\n"
                                          "Fine,fine.com,3\n");
    const ImportRun r = import("companies", file);
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString() << r.err.toStdString();
    const QStringList lines = r.out.split(u'\n');
    auto has = [&lines](const QString& prefix) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const QString& l) { return l.startsWith(prefix); });
    };
    EXPECT_TRUE(has(QStringLiteral("line 3: error: expected 3 fields, found 2"))) << r.out.toStdString();
    // Employees that are not a number keep the company, without the value (docs/import.md).
    EXPECT_TRUE(has(QStringLiteral("line 4: warning: Employees \"lots\" is not a whole number: imported "
                                   "without it")))
        << r.out.toStdString();
    EXPECT_TRUE(has(QStringLiteral("line 6: warning: no domain key from \"192.168.1.10\"")));
    EXPECT_TRUE(r.out.contains(u"skipped:   1")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"errors: 1, warnings: 2")) << r.out.toStdString();
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM companies"), 4); // Acme, Two lines, Router, Fine
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM companies WHERE employees IS NULL"), 1);
}

TEST_F(ImportCommand, ContactsWithAnUnknownCompanyAreImportedWithAWarning) {
    ASSERT_EQ(import("companies", write("companies.csv", companiesCsv)).exitCode, 0);
    const QString file = write("contacts.csv", "E-mail,First Name,Last Name,Company Website\n"
                                               "jane@acme.com,Jane,Doe,acme.com\n"
                                               "bob@x.com,Bob,Roe,unknown.example\n");
    const ImportRun r = import("contacts", file);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Imported contacts from"));
    EXPECT_TRUE(r.out.contains(u"line 3: warning: no company in the workspace matches \"unknown.example\""))
        << r.out.toStdString();
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM contacts WHERE company_id IS NOT NULL"), 1);
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM contacts"), 2);
}

TEST_F(ImportCommand, UsageAndFileProblemsExitTwo) {
    const QString file = write("companies.csv", companiesCsv);
    ImportRun r = run({QStringLiteral("--workspace"), workspace(), QStringLiteral("import")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"usage:")) << r.err.toStdString();

    r = import("widgets", file);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"cannot import \"widgets\"")) << r.err.toStdString();

    r = import("companies", path("missing.csv"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"does not exist")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(workspace())) << "no workspace is created for a command that cannot run";

    r = import("companies", m_dir.path());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"is a folder")) << r.err.toStdString();

    r = import("contacts", write("odd.csv", "Colour,Size\nred,big\n"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"no column for the contact")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"Nothing was imported"));

    r = run({QStringLiteral("--workspace"), workspace(), QStringLiteral("import"), QStringLiteral("--bogus"),
             QStringLiteral("companies"), file});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"unknown option --bogus")) << r.err.toStdString();
}

TEST_F(ImportCommand, RefusesAWorkspaceFromANewerVersion) {
    const QString file = write("companies.csv", companiesCsv);
    ASSERT_EQ(import("companies", file).exitCode, 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(workspace());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 9999")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    const ImportRun r = import("companies", file);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"newer version of SyncDesk")) << r.err.toStdString();
}

TEST_F(ImportCommand, DefaultWorkspaceLivesInTheApplicationDataFolder) {
    const QString file = write("companies.csv", companiesCsv);
    const ImportRun r = run({QStringLiteral("import"), QStringLiteral("companies"), file});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString expected = path("xdg-data") + u"/SyncDesk/SyncDesk/workspace.sqlite";
    EXPECT_TRUE(QFile::exists(expected)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(expected)) << r.out.toStdString();
    EXPECT_EQ(count(expected, "SELECT count(*) FROM companies"), 2);
}

TEST_F(ImportCommand, SemicolonFileWithBomAndExplicitDelimiter) {
    const QString file = write("semi.csv", "\xEF\xBB\xBFName;Website\r\n\"Acme; Inc\";acme.com\r\n");
    ImportRun r = import("companies", file);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"(delimiter ;)"));
    r = run({QStringLiteral("--workspace"), workspace(), QStringLiteral("import"),
             QStringLiteral("companies"), file, QStringLiteral("--delimiter"), QStringLiteral("tab")});
    // With TAB forced the header is one column "Name;Website": not a company column.
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"no column for the company")) << r.err.toStdString();
}
