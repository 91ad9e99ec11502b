// For CLI tests that talk to a CRM: an in-process Sandbox CRM on 127.0.0.1 and a runner for
// syncdesk-cli that keeps this thread's event loop turning (the sandbox answers from it) while the
// CLI runs. Every byte the CLI prints is kept, and TearDown checks that no token was among them.
#pragma once

#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

namespace clitest {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

inline const QString kToken = QStringLiteral("pat-na1-cli-test-token-5b7c2e91");

class CliSandboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(qgetenv("SYNCDESK_PRIVATE_KEYRING"), QByteArray("1"))
            << "run through tests/support/with-private-keyring.sh (ctest does)";
        syncdesk::sandbox::SandboxSettings s;
        s.accessToken = kToken;
        s.adminToken = QStringLiteral("cli-test-admin");
        s.indexLagMinMs = s.indexLagMaxMs = 0;
        s.searchPerSecond = 0;
        m_server = std::make_unique<syncdesk::sandbox::SandboxServer>(s);
        ASSERT_TRUE(m_server->listen());
    }

    void TearDown() override {
        for (const QString& secret : std::as_const(m_secrets)) {
            EXPECT_FALSE(m_allOutput.contains(secret)) << "a token appeared in the CLI's output";
            const QDir dir(m_dir.path());
            for (const QString& name : dir.entryList({QStringLiteral("ws.sqlite*")}, QDir::Files)) {
                QFile f(dir.filePath(name));
                ASSERT_TRUE(f.open(QIODevice::ReadOnly));
                EXPECT_FALSE(f.readAll().contains(secret.toUtf8())) << "a token is in " << name.toStdString();
            }
        }
    }

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
    QString workspace() const { return path("ws.sqlite"); }
    QString baseUrl() const { return m_server->baseUrl().toString(); }
    // Tokens the test hands to the CLI: none of them may appear in output or the workspace.
    QString secret(const QString& token) {
        m_secrets.append(token);
        return token;
    }

    CliRun run(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path("xdg-data")); // never the real default workspace
        env.insert(extra);
        for (const QString& key : extra.keys()) {
            if (extra.value(key) == QStringLiteral("<unset>"))
                env.remove(key);
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SYNCDESK_CLI), QStringList{QStringLiteral("--workspace"), workspace()} + args);
        EXPECT_TRUE(p.waitForStarted()) << p.errorString().toStdString();
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        EXPECT_EQ(p.state(), QProcess::NotRunning) << "syncdesk-cli did not finish";
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
        EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
        CliRun r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                 QString::fromUtf8(p.readAllStandardError())};
        m_allOutput += r.out + r.err;
        return r;
    }

    // `connection add NAME --type sandbox --base-url <sandbox> --token-stdin` with `token`.
    CliRun addSandbox(const QString& name, const QString& token = kToken) {
        return run({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--type"),
                    QStringLiteral("sandbox"), QStringLiteral("--base-url"), baseUrl(),
                    QStringLiteral("--token-stdin")},
                   secret(token).toUtf8() + '\n');
    }

    QJsonArray listJson() {
        const CliRun r =
            run({QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    qint64 calls(const QString& endpoint) const { return m_server->requestLog().count(endpoint); }

    QTemporaryDir m_dir;
    std::unique_ptr<syncdesk::sandbox::SandboxServer> m_server;
    QStringList m_secrets;
    QString m_allOutput;
};

} // namespace clitest
