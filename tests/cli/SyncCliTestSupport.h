#pragma once
// Shared by SyncCommandTest, RunsCommandTest and LogsCommandTest: syncdesk-cli and the
// syncdesk-sandbox executable as real processes. The sandbox prints one line per request
// (--log-requests), which is how the tests count calls per endpoint, and saves its account to a
// state file when it stops, which is how they look at the CRM's records.
#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace syncdesk::cli::test {

using namespace Qt::StringLiterals;

inline QString sandboxExecutable() {
    return QStringLiteral(SYNCDESK_BINARY_DIR "/app/syncdesk-sandbox");
}

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// syncdesk-sandbox as a process on a free port, with a known token.
class SandboxProcess {
public:
    static inline const QString Token = u"pat-na1-clitest-5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"_s;

    ~SandboxProcess() { stop(); }

    // Starts it (again: same port when one was used before) with the state file and extra flags.
    bool start(const QString& statePath, const QStringList& extra = {}) {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args{u"--port"_s,
                         QString::number(m_port),
                         u"--token"_s,
                         Token,
                         u"--index-lag-ms"_s,
                         u"0"_s,
                         u"--random-seed"_s,
                         u"11"_s,
                         u"--log-requests"_s,
                         u"--state"_s,
                         statePath};
        m_process->start(sandboxExecutable(), args + extra);
        if (!m_process->waitForStarted(10000))
            return false;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            m_process->waitForReadyRead(100);
            m_buffer += QString::fromUtf8(m_process->readAllStandardOutput());
            static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:(\\d+))"_s);
            const QRegularExpressionMatch m = listening.match(m_buffer);
            if (m.hasMatch()) {
                m_baseUrl = m.captured(1);
                m_port = quint16(m.captured(2).toUInt());
                m_buffer.clear();
                return true;
            }
        }
        return false;
    }

    QString baseUrl() const { return m_baseUrl; }

    // Reads what the sandbox printed so far; returns the request lines ("POST /crm/... -> 201").
    QStringList poll(int waitMs = 0) {
        if (!m_process)
            return m_lines;
        // Without an event loop, QProcess pulls the pipe only inside waitFor*().
        m_process->waitForReadyRead(waitMs > 0 ? waitMs : 1);
        while (m_process->waitForReadyRead(0)) {
        }
        m_buffer += QString::fromUtf8(m_process->readAllStandardOutput());
        qsizetype nl;
        while ((nl = m_buffer.indexOf(u'\n')) >= 0) {
            const QString line = m_buffer.left(nl).trimmed();
            m_buffer.remove(0, nl + 1);
            if (line.contains(u" -> "_s))
                m_lines.append(line);
        }
        return m_lines;
    }

    // Requests seen whose line starts with `prefix` (e.g. "POST /crm/v3/objects/companies/batch/create").
    int count(const QString& prefix) {
        poll();
        int n = 0;
        for (const QString& l : std::as_const(m_lines))
            n += l.startsWith(prefix + u' ') || l.startsWith(prefix + u'?') ? 1 : 0;
        return n;
    }

    // SIGTERM: the sandbox saves its state and exits.
    void stop() {
        if (!m_process)
            return;
        poll();
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        poll();
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_buffer;
    QStringList m_lines;
    QString m_baseUrl;
    quint16 m_port = 0;
};

// A temporary folder with a workspace, CSV files and a sandbox connection "sb".
class SyncCliFixture : public ::testing::Test {
protected:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString workspace() const { return path(u"ws.sqlite"_s); }
    QString statePath() const { return path(u"sandbox-state.json"_s); }

    QString write(const QString& name, const QByteArray& content) {
        QFile f(path(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        return f.fileName();
    }

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"XDG_DATA_HOME"_s, path(u"xdg-data"_s)); // never the real default workspace
        env.insert(u"SD_TOKEN"_s, SandboxProcess::Token);
        env.insert(u"SD_BAD_TOKEN"_s, u"pat-na1-not-a-valid-token-000000000"_s);
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no keychain: tokens come from --token-env only
        return env;
    }

    QStringList withWorkspace(const QStringList& args) const {
        return QStringList{u"--workspace"_s, workspace()} + args;
    }

    // Runs the CLI to the end; `whileRunning` is called every 20 ms (e.g. to read the sandbox).
    CliResult run(const QStringList& args, const std::function<void(QProcess&)>& whileRunning = {}) {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(SYNCDESK_CLI), withWorkspace(args));
        EXPECT_TRUE(p.waitForStarted()) << p.errorString().toStdString();
        p.closeWriteChannel();
        const QDeadlineTimer deadline(180000);
        while (!p.waitForFinished(20) && !deadline.hasExpired()) {
            if (whileRunning)
                whileRunning(p);
        }
        CliResult r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -9,
                    QString::fromUtf8(p.readAllStandardOutput()),
                    QString::fromUtf8(p.readAllStandardError())};
        return r;
    }

    // Companies "Company NNN" (coNNN.example, city) with two contacts each, imported from CSV.
    void importCompanies(int n, const QString& extraHeader = {},
                         const std::function<QString(int)>& extra = {}) {
        QByteArray companies =
            "name,website,city" + (extraHeader.isEmpty() ? QByteArray() : ',' + extraHeader.toUtf8()) + '\n';
        QByteArray contacts = "first name,last name,email,company\n";
        for (int i = 0; i < n; ++i) {
            const QString name = u"Company %1"_s.arg(i, 3, 10, QChar(u'0'));
            companies += QStringLiteral("%1,co%2.example,City %3").arg(name).arg(i).arg(i % 7).toUtf8();
            if (extra)
                companies += ',' + extra(i).toUtf8();
            companies += '\n';
            contacts += QStringLiteral("Ann,Person %1,ann%1@co%1.example,%2\n").arg(i).arg(name).toUtf8();
            contacts += QStringLiteral("Bob,Person %1,bob%1@co%1.example,%2\n").arg(i).arg(name).toUtf8();
        }
        ASSERT_EQ(run({u"import"_s, u"companies"_s, write(u"companies.csv"_s, companies)}).exitCode, 0);
        ASSERT_EQ(run({u"import"_s, u"contacts"_s, write(u"contacts.csv"_s, contacts)}).exitCode, 0);
    }

    void addConnection(const QString& baseUrl) {
        const CliResult r =
            run({u"connection"_s, u"add"_s, u"sb"_s, u"--type"_s, u"sandbox"_s, u"--base-url"_s, baseUrl});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    QJsonObject sandboxState() const {
        QFile f(statePath());
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << statePath().toStdString();
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    // Live records of "companies" / "contacts" in a saved sandbox state.
    static QList<QJsonObject> liveRecords(const QJsonObject& state, const QString& type) {
        QList<QJsonObject> out;
        const QJsonArray all = state.value(u"hubspot"_s)
                                   .toObject()
                                   .value(u"data"_s)
                                   .toObject()
                                   .value(u"objects"_s)
                                   .toObject()
                                   .value(type)
                                   .toArray();
        for (const QJsonValue& v : all) {
            if (!v.toObject().value(u"archived"_s).toBool())
                out.append(v.toObject());
        }
        return out;
    }

    // How many live records share a value of `property` with another one.
    static int duplicates(const QList<QJsonObject>& records, const QString& property) {
        QSet<QString> seen;
        int n = 0;
        for (const QJsonObject& r : records) {
            const QString v = r.value(u"properties"_s).toObject().value(property).toString().toLower();
            n += seen.contains(v) ? 1 : 0;
            seen.insert(v);
        }
        return n;
    }

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
};

} // namespace syncdesk::cli::test
