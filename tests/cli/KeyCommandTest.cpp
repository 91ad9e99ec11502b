// End-to-end: `syncdesk-cli key` as a real process (PRODUCT.md "Headless", docs/domain-keys.md).
#include <gtest/gtest.h>

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    QStringList lines() const {
        QStringList l = out.split(u'\n');
        if (!l.isEmpty() && l.last().isEmpty())
            l.removeLast();
        return l;
    }
};

void startCli(QProcess& p, const QStringList& args) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")); // untranslated, UTF-8
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SYNCDESK_CLI), args);
    ASSERT_TRUE(p.waitForStarted()) << p.errorString().toStdString();
}

CliRun runCli(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    startCli(p, args);
    p.write(input);
    p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList keyArgs(const QStringList& rest) {
    return QStringList{QStringLiteral("key")} + rest;
}

const QStringList productTable = {QStringLiteral("https://www.test.com/app"),
                                  QStringLiteral("us.test.com"),
                                  QStringLiteral("WWW.Test.COM."),
                                  QStringLiteral("http://shop.example.co.uk:8080/x?y#z"),
                                  QString::fromUtf8("münchen.de"),
                                  QStringLiteral("n/a"),
                                  QStringLiteral("192.168.1.10"),
                                  QStringLiteral("co.uk"),
                                  QStringLiteral("jane@acme.io")};

TEST(KeyCommand, ProductTableWithTheDefaultHostPolicy) {
    const CliRun run = runCli(keyArgs(productTable));
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    const QStringList expected = {
        QStringLiteral("https://www.test.com/app\ttest.com\t"),
        QStringLiteral("us.test.com\tus.test.com\t"),
        QStringLiteral("WWW.Test.COM.\ttest.com\t"),
        QStringLiteral("http://shop.example.co.uk:8080/x?y#z\tshop.example.co.uk\t"),
        QString::fromUtf8("münchen.de\txn--mnchen-3ya.de\t"),
        QStringLiteral("n/a\t-\tno website"),
        QStringLiteral("192.168.1.10\t-\tan IP address, not a company website"),
        QStringLiteral("co.uk\t-\tonly a public domain ending (such as co.uk), no company domain"),
        QStringLiteral("jane@acme.io\t-\tan e-mail address, not a website"),
    };
    EXPECT_EQ(run.lines(), expected);
}

TEST(KeyCommand, RegistrablePolicy) {
    for (const QStringList& policy : {QStringList{QStringLiteral("--policy"), QStringLiteral("registrable")},
                                      QStringList{QStringLiteral("--policy=registrable")}}) {
        const CliRun run = runCli(keyArgs(policy + productTable.mid(0, 5)));
        EXPECT_EQ(run.exitCode, 0);
        const QStringList expected = {
            QStringLiteral("https://www.test.com/app\ttest.com\t"),
            QStringLiteral("us.test.com\ttest.com\t"),
            QStringLiteral("WWW.Test.COM.\ttest.com\t"),
            QStringLiteral("http://shop.example.co.uk:8080/x?y#z\texample.co.uk\t"),
            QString::fromUtf8("münchen.de\txn--mnchen-3ya.de\t"),
        };
        EXPECT_EQ(run.lines(), expected);
    }
}

TEST(KeyCommand, EveryLineHasThreeFields) {
    const CliRun run = runCli(keyArgs(productTable + QStringList{QStringLiteral("acme.com, beta.io"),
                                                                 QStringLiteral("mailto:x@acme.com")}));
    ASSERT_EQ(run.lines().size(), productTable.size() + 2);
    for (const QString& line : run.lines()) {
        const QStringList fields = line.split(u'\t');
        ASSERT_EQ(fields.size(), 3) << line.toStdString();
        EXPECT_EQ(fields[1] == u"-", !fields[2].isEmpty()) << line.toStdString();
    }
}

TEST(KeyCommand, ControlCharactersInAValueDoNotBreakTheFormat) {
    const CliRun run =
        runCli(keyArgs({QStringLiteral("acme.com\tbeta.io"), QStringLiteral("line\nbreak.com")}));
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.lines(), (QStringList{QStringLiteral("acme.com beta.io\tacme.com\t"),
                                        QStringLiteral("line break.com\t-\ta single name without a domain "
                                                       "ending such as .com")}));
}

TEST(KeyCommand, BadPolicyIsAUsageError) {
    const CliRun bad =
        runCli(keyArgs({QStringLiteral("--policy"), QStringLiteral("root"), QStringLiteral("a.com")}));
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.out.isEmpty()) << bad.out.toStdString();
    EXPECT_TRUE(bad.err.contains(u"unknown policy \"root\"")) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(u"usage:"));

    const CliRun missing = runCli(keyArgs({QStringLiteral("--policy")}));
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(u"--policy needs a value")) << missing.err.toStdString();

    const CliRun unknown = runCli(keyArgs({QStringLiteral("--polcy=host"), QStringLiteral("a.com")}));
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.out.isEmpty());
}

TEST(KeyCommand, DoubleDashEndsOptions) {
    const CliRun run =
        runCli(keyArgs({QStringLiteral("--"), QStringLiteral("--policy"), QStringLiteral("-")}));
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.lines(), (QStringList{QStringLiteral("--policy\t-\tnot a valid website or domain"),
                                        QStringLiteral("-\t-\tno website")}));
}

TEST(KeyCommand, HelpGoesToStandardOutput) {
    const CliRun run = runCli(keyArgs({QStringLiteral("--help")}));
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.startsWith(u"usage: syncdesk-cli")) << run.out.toStdString();
}

TEST(KeyCommand, WorksWithAWorkspaceOption) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const CliRun run = runCli({QStringLiteral("--workspace"), dir.filePath(QStringLiteral("w.syncdesk")),
                               QStringLiteral("key"), QStringLiteral("www.acme.com")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.lines(), QStringList{QStringLiteral("www.acme.com\tacme.com\t")});
}

TEST(KeyCommand, StandardInputOneValuePerLineWithCrlf) {
    const CliRun run = runCli(keyArgs({QStringLiteral("--policy"), QStringLiteral("registrable")}),
                              QByteArray("https://shop.acme.co.uk/\r\n\r\nwww.m\xc3\xbc"
                                         "nchen.de\r\nfoo.uk.com"));
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.lines(), (QStringList{QStringLiteral("https://shop.acme.co.uk/\tacme.co.uk\t"),
                                        QStringLiteral("\t-\tno website"),
                                        QString::fromUtf8("www.münchen.de\txn--mnchen-3ya.de\t"),
                                        QStringLiteral("foo.uk.com\tfoo.uk.com\t")}));
}

TEST(KeyCommand, EmptyStandardInputPrintsNothing) {
    const CliRun run = runCli(keyArgs({}));
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.isEmpty());
}

// Output starts before the input ends: the command streams instead of loading everything first.
TEST(KeyCommand, StandardInputIsStreamed) {
    const int count = 100000;
    QByteArray input;
    for (int i = 0; i < count; ++i)
        input += "http://www.company" + QByteArray::number(i) + ".example.com/about\n";

    QProcess p;
    startCli(p, keyArgs({QStringLiteral("--policy=host")}));
    p.write(input); // standard input stays open
    ASSERT_TRUE(p.waitForReadyRead(30000)) << "no output before the end of the input";
    const QByteArray firstOutput = p.readAllStandardOutput();
    EXPECT_TRUE(firstOutput.startsWith("http://www.company0.example.com/about\tcompany0.example.com\t\n"))
        << firstOutput.left(200).toStdString();
    p.closeWriteChannel();
    ASSERT_TRUE(p.waitForFinished(120000));
    EXPECT_EQ(p.exitCode(), 0);

    const QByteArray all = firstOutput + p.readAllStandardOutput();
    const QList<QByteArray> lines = all.split('\n');
    ASSERT_EQ(lines.size(), count + 1); // the last newline leaves an empty tail
    for (int i : {0, 1, 4242, count - 1}) {
        const QByteArray n = QByteArray::number(i);
        EXPECT_EQ(lines[i], "http://www.company" + n + ".example.com/about\tcompany" + n + ".example.com\t");
    }
}

} // namespace
