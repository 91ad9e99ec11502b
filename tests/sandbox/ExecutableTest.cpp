// The syncdesk-sandbox executable: banner, flags, seed, state saved on SIGTERM.
#include "SandboxTestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

using namespace sandboxtest;

namespace {

struct Banner {
    QUrl baseUrl;
    QString token;
    QString adminToken;
};

Banner readBanner(QProcess& process) {
    Banner banner;
    QByteArray out;
    while ((banner.baseUrl.isEmpty() || banner.token.isEmpty() || banner.adminToken.isEmpty()) &&
           process.waitForReadyRead(5000)) {
        out += process.readAllStandardOutput();
        const QString text = QString::fromUtf8(out);
        const auto url =
            QRegularExpression(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)")).match(text);
        const auto token = QRegularExpression(QStringLiteral("Access token: (\\S+)")).match(text);
        const auto admin = QRegularExpression(QStringLiteral("Admin token: (\\S+)")).match(text);
        if (url.hasMatch())
            banner.baseUrl = QUrl(url.captured(1));
        if (token.hasMatch())
            banner.token = token.captured(1);
        if (admin.hasMatch())
            banner.adminToken = admin.captured(1);
    }
    return banner;
}

} // namespace

TEST(SandboxExecutable, StartsSeedsServesAndSavesStateOnSigterm) {
    QTemporaryDir dir;
    const QString seedPath = dir.filePath(QStringLiteral("seed.json"));
    const QString statePath = dir.filePath(QStringLiteral("state.json"));
    {
        QFile seed(seedPath);
        ASSERT_TRUE(seed.open(QIODevice::WriteOnly));
        seed.write(
            R"({"companies": [{"name": "Seeded", "domain": "seeded.com"}], "contacts": [{"email": "s@seeded.com"}]})");
    }
    QProcess process;
    process.start(QStringLiteral(SYNCDESK_SANDBOX_EXE),
                  {QStringLiteral("--seed"), seedPath, QStringLiteral("--state"), statePath,
                   QStringLiteral("--token"), QStringLiteral("exe-token"), QStringLiteral("--rate-limit"),
                   QStringLiteral("50"), QStringLiteral("--index-lag-ms"), QStringLiteral("0"),
                   QStringLiteral("--fault"), QStringLiteral("503,path=/crm/v3/objects/deals*")});
    ASSERT_TRUE(process.waitForStarted());
    const Banner banner = readBanner(process);
    ASSERT_TRUE(banner.baseUrl.isValid()) << process.readAllStandardError().constData();
    EXPECT_EQ(banner.token, QStringLiteral("exe-token"));
    EXPECT_FALSE(banner.adminToken.isEmpty());

    QNetworkAccessManager nam;
    HttpReply r =
        sendRequest(nam, "GET", QUrl(banner.baseUrl.toString() + QStringLiteral("/crm/v3/objects/companies")),
                    {}, "exe-token");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().value(QStringLiteral("results")).toArray().size(), 1);
    EXPECT_EQ(r.header("X-HubSpot-RateLimit-Max"), QByteArray("50"));
    r = sendRequest(nam, "GET", QUrl(banner.baseUrl.toString() + QStringLiteral("/crm/v3/objects/deals")), {},
                    "exe-token");
    EXPECT_EQ(r.status, 503) << "--fault applies";
    r = sendRequest(nam, "POST", QUrl(banner.baseUrl.toString() + QStringLiteral("/crm/v3/objects/contacts")),
                    R"({"properties":{"email":"new@x.com"}})", "exe-token");
    EXPECT_EQ(r.status, 201);

    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().constData();
    ASSERT_TRUE(QFile::exists(statePath));

    // A second run picks the state up; the seed only fills a new account.
    QProcess second;
    second.start(QStringLiteral(SYNCDESK_SANDBOX_EXE),
                 {QStringLiteral("--state"), statePath, QStringLiteral("--seed"), seedPath,
                  QStringLiteral("--token"), QStringLiteral("exe-token")});
    ASSERT_TRUE(second.waitForStarted());
    const Banner again = readBanner(second);
    ASSERT_TRUE(again.baseUrl.isValid());
    r = sendRequest(nam, "GET", QUrl(again.baseUrl.toString() + QStringLiteral("/crm/v3/objects/contacts")),
                    {}, "exe-token");
    EXPECT_EQ(r.json().value(QStringLiteral("results")).toArray().size(), 2);
    ::kill(static_cast<pid_t>(second.processId()), SIGINT);
    ASSERT_TRUE(second.waitForFinished(10000));
    EXPECT_EQ(second.exitCode(), 0);
}

TEST(SandboxExecutable, RejectsBadFlags) {
    for (const QStringList& args :
         {QStringList{QStringLiteral("--fault"), QStringLiteral("explode")},
          QStringList{QStringLiteral("--rate-limit"), QStringLiteral("-3")},
          QStringList{QStringLiteral("--seed"), QStringLiteral("/nonexistent/seed.json")}}) {
        QProcess process;
        process.start(QStringLiteral(SYNCDESK_SANDBOX_EXE), args);
        ASSERT_TRUE(process.waitForFinished(10000));
        EXPECT_EQ(process.exitCode(), 2) << args.join(u' ').toStdString();
    }
}
