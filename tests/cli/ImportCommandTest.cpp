// End-to-end: `syncdesk-cli import` as a real process (PRODUCT.md "Headless", docs/import.md).
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>

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

    QVariant value(const QString& workspaceFile, const char* sql) {
        QVariant v;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(workspaceFile);
            EXPECT_TRUE(db.open());
            QSqlQuery q(db);
            EXPECT_TRUE(q.exec(QLatin1String(sql)));
            if (q.next())
                v = q.value(0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return v;
    }
    qint64 count(const QString& workspaceFile, const char* sql) {
        const QVariant v = value(workspaceFile, sql);
        return v.isValid() ? v.toLongLong() : -1;
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

// An import into an empty workspace writes with a rollback journal instead of the WAL
// (docs/import.md "Performance"). Killed after SQLite has begun writing its pages into the file, it
// must leave the workspace as it was: the hot journal is rolled back when the file is opened next.
TEST_F(ImportCommand, AnImportKilledMidWriteIntoAnEmptyWorkspaceLeavesItAsItWas) {
    // An empty, migrated workspace.
    ASSERT_EQ(run({QStringLiteral("--workspace"), workspace(), QStringLiteral("runs")}).exitCode, 0);
    const qint64 emptySize = QFileInfo(workspace()).size();

    QByteArray csv = "Name,Website,Country,Employees,Description\n";
    for (int i = 0; i < 300000; ++i)
        csv +=
            QStringLiteral("Company %1,https://www.c%1.example.com/about,UK,%2,Some words about company %1\n")
                .arg(i)
                .arg(i % 9000)
                .toUtf8();
    const QString file = write("big.csv", csv);
    csv.clear();

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), path("xdg-data"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SYNCDESK_CLI), {QStringLiteral("--workspace"), workspace(),
                                           QStringLiteral("import"), QStringLiteral("companies"), file});
    ASSERT_TRUE(p.waitForStarted());
    // Killed once the file has grown by 8 MB before any commit: uncommitted pages are in it.
    bool killed = false;
    QElapsedTimer waited;
    waited.start();
    while (p.state() == QProcess::Running && waited.elapsed() < 300000) {
        if (QFileInfo(workspace()).size() > emptySize + 8 * 1024 * 1024 &&
            QFileInfo::exists(workspace() + QStringLiteral("-journal"))) {
            ::kill(pid_t(p.processId()), SIGKILL);
            killed = true;
            break;
        }
        p.waitForFinished(5);
    }
    ASSERT_TRUE(p.waitForFinished(30000));
    ASSERT_TRUE(killed) << "the import ended before it could be killed: "
                        << p.readAllStandardOutput().toStdString();
    EXPECT_TRUE(QFileInfo::exists(workspace() + QStringLiteral("-journal"))) << "a hot journal is left";

    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM companies"), 0);
    EXPECT_EQ(value(workspace(), "PRAGMA integrity_check").toString().toStdString(), "ok");
    EXPECT_FALSE(QFileInfo::exists(workspace() + QStringLiteral("-journal")));
    EXPECT_LE(QFileInfo(workspace()).size(), emptySize) << "the rolled-back pages are cut off again";

    // The workspace works as before: an import, in WAL mode afterwards.
    const ImportRun r = import("companies", write("companies.csv", companiesCsv));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(count(workspace(), "SELECT count(*) FROM companies"), 2);
    EXPECT_EQ(value(workspace(), "PRAGMA journal_mode").toString().toStdString(), "wal");
}
