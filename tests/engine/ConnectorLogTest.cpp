// The connector log (core/log): storage, live signal, queries, CSV and JSON export, redaction.
#include "core/log/ConnectorLog.h"
#include "core/log/ConnectorLogExport.h"
#include "core/net/Clock.h"
#include "core/net/HttpClient.h"
#include "core/net/Redactor.h"
#include "tests/mapping/QtPrinters.h"
#include "tests/store/TempWorkspace.h"

#include <QBuffer>
#include <QJsonArray>
#include <QThread>

#include <gtest/gtest.h>

namespace syncdesk::test {
namespace {

using namespace Qt::StringLiterals;

ConnectorLogEntry entry(qint64 run, LogLevel level, const QString& message, qint64 localId = 0,
                        const QString& crmId = {}) {
    ConnectorLogEntry e;
    e.runId = run;
    e.level = level;
    e.message = message;
    e.localId = localId;
    e.object = localId != 0 ? std::optional<RecordObject>(RecordObject::Company) : std::nullopt;
    e.crmId = crmId;
    e.action = u"update"_s;
    return e;
}

class ConnectorLogTest : public ::testing::Test {
protected:
    ConnectorLogTest()
        : m_redactor(std::make_shared<Redactor>())
        , m_log(*m_workspace, m_redactor, &m_clock) {}

    TempWorkspace m_workspace;
    FakeClock m_clock;
    std::shared_ptr<Redactor> m_redactor;
    ConnectorLog m_log;
};

TEST_F(ConnectorLogTest, StoresEveryMemberAndAnnouncesEntriesLive) {
    QList<ConnectorLogEntry> live;
    QObject::connect(&m_log, &ConnectorLog::entryAdded, [&](const ConnectorLogEntry& e) { live.append(e); });
    ConnectorLogEntry e = entry(7, LogLevel::Error, u"Property values were not valid"_s, 12, u"1001"_s);
    e.httpStatus = 400;
    e.category = u"VALIDATION_ERROR"_s;
    e.code = u"INVALID_OPTION"_s;
    e.correlationId = u"8c1f0b2e"_s;
    e.hint = u"Add a value map for Industry"_s;
    e.request = u"POST /crm/v3/objects/companies/batch/update"_s;
    ASSERT_TRUE(m_log.append(e));
    ASSERT_EQ(live.size(), 1);
    EXPECT_GT(live.first().id, 0);
    EXPECT_EQ(live.first().time, m_clock.now());

    const auto all = m_log.query({});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 1);
    const ConnectorLogEntry& s = all->first();
    EXPECT_EQ(s.id, live.first().id);
    EXPECT_EQ(s.runId, 7);
    EXPECT_EQ(s.level, LogLevel::Error);
    EXPECT_EQ(s.object, RecordObject::Company);
    EXPECT_EQ(s.localId, 12);
    EXPECT_EQ(s.crmId, u"1001"_s);
    EXPECT_EQ(s.httpStatus, 400);
    EXPECT_EQ(s.category, u"VALIDATION_ERROR"_s);
    EXPECT_EQ(s.code, u"INVALID_OPTION"_s);
    EXPECT_EQ(s.correlationId, u"8c1f0b2e"_s);
    EXPECT_EQ(s.hint, u"Add a value map for Industry"_s);
    EXPECT_EQ(s.request, u"POST /crm/v3/objects/companies/batch/update"_s);
    EXPECT_EQ(s.time, m_clock.now());
    const QJsonObject json = s.toJson();
    EXPECT_EQ(json.value(u"level"_s).toString(), u"error"_s);
    EXPECT_EQ(json.value(u"run_id"_s).toInteger(), 7);
    EXPECT_EQ(json.value(u"http_status"_s).toInt(), 400);
    EXPECT_EQ(json.value(u"object"_s).toString(), u"company"_s);
}

TEST_F(ConnectorLogTest, QueriesByRunLevelTextAndRecord) {
    QList<ConnectorLogEntry> batch{entry(1, LogLevel::Debug, u"request sent"_s),
                                   entry(1, LogLevel::Info, u"Updated Acme"_s, 5, u"900"_s),
                                   entry(2, LogLevel::Warning, u"No usable answer 100% lost_"_s),
                                   entry(2, LogLevel::Error, u"Beta failed"_s, 6, u"901"_s),
                                   entry(0, LogLevel::Info, u"connection test"_s)};
    ASSERT_TRUE(m_log.append(batch));
    const auto messages = [this](const ConnectorLogFilter& f) {
        QStringList out;
        const QList<ConnectorLogEntry> entries = m_log.query(f).value();
        for (const ConnectorLogEntry& e : entries)
            out.append(e.message);
        return out;
    };
    ConnectorLogFilter f;
    f.runId = 2;
    EXPECT_EQ(messages(f), (QStringList{u"No usable answer 100% lost_"_s, u"Beta failed"_s}));
    f = {};
    f.minLevel = LogLevel::Warning;
    EXPECT_EQ(messages(f), (QStringList{u"No usable answer 100% lost_"_s, u"Beta failed"_s}));
    f = {};
    f.text = u"ACME"_s;
    EXPECT_EQ(messages(f), QStringList{u"Updated Acme"_s});
    f.text = u"100%"_s; // LIKE wildcards are taken literally
    EXPECT_EQ(messages(f), QStringList{u"No usable answer 100% lost_"_s});
    f.text = u"t_"_s;
    EXPECT_EQ(messages(f), QStringList{u"No usable answer 100% lost_"_s});
    f = {};
    f.object = RecordObject::Company;
    f.localId = 6;
    EXPECT_EQ(messages(f), QStringList{u"Beta failed"_s});
    f = {};
    f.crmId = u"900"_s;
    EXPECT_EQ(messages(f), QStringList{u"Updated Acme"_s});
    f = {};
    f.newestFirst = true;
    f.limit = 2;
    EXPECT_EQ(messages(f), (QStringList{u"connection test"_s, u"Beta failed"_s}));
    f = {};
    f.runId = 1;
    EXPECT_EQ(m_log.count(f).value_or(-1), 2);
    f = {};
    f.afterId = m_log.query({}).value().at(2).id;
    EXPECT_EQ(m_log.count(f).value_or(-1), 2);
}

TEST_F(ConnectorLogTest, EntriesBelowTheMinimumLevelAreDropped) {
    m_log.setMinimumLevel(LogLevel::Info);
    ASSERT_TRUE(m_log.append(entry(1, LogLevel::Debug, u"noise"_s)));
    ASSERT_TRUE(m_log.append(entry(1, LogLevel::Info, u"kept"_s)));
    ASSERT_EQ(m_log.query({})->size(), 1);
    EXPECT_EQ(m_log.query({})->first().message, u"kept"_s);
}

TEST_F(ConnectorLogTest, RegisteredSecretsNeverReachTheLog) {
    const QString token = u"pat-na1-11111111-2222-3333-4444-555555555555"_s;
    m_redactor->addSecret(token);
    ConnectorLogEntry e = entry(1, LogLevel::Error, u"401 for Bearer "_s + token);
    e.request = u"GET /crm/v3/objects/companies?hapikey=abcdef123456&access_token="_s + token;
    e.hint = u"token "_s + token + u" expired"_s;
    QList<ConnectorLogEntry> live;
    QObject::connect(&m_log, &ConnectorLog::entryAdded, [&](const ConnectorLogEntry& x) { live.append(x); });
    ASSERT_TRUE(m_log.append(e));
    const ConnectorLogEntry stored = m_log.query({})->first();
    for (const ConnectorLogEntry& x : {stored, live.first()}) {
        EXPECT_FALSE(x.message.contains(token));
        EXPECT_FALSE(x.request.contains(token));
        EXPECT_FALSE(x.request.contains(u"abcdef123456"_s));
        EXPECT_FALSE(x.hint.contains(token));
        EXPECT_TRUE(x.message.contains(u"[REDACTED]"_s));
    }
    EXPECT_FALSE(ConnectorLogExport::toCsv(*m_log.query({})).contains(token.toUtf8()));
}

TEST(ConnectorLogExportTest, CsvEscapesFormulaCellsAndQuotes) {
    EXPECT_EQ(ConnectorLogExport::csvCell(u"=HYPERLINK(\"x\")"_s), u"\"'=HYPERLINK(\"\"x\"\")\""_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"+1 555"_s), u"'+1 555"_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"-2"_s), u"'-2"_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"@SUM(A1)"_s), u"'@SUM(A1)"_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"\tcmd"_s), u"'\tcmd"_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"\rcmd"_s), u"\"'\rcmd\""_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"a, b"_s), u"\"a, b\""_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"line\nbreak"_s), u"\"line\nbreak\""_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(u"plain = text"_s), u"plain = text"_s);
    EXPECT_EQ(ConnectorLogExport::csvCell(QString()), QString());

    ConnectorLogEntry e;
    e.time = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    e.level = LogLevel::Warning;
    e.runId = 3;
    e.object = RecordObject::Contact;
    e.localId = 9;
    e.action = u"create"_s;
    e.message = u"=cmd|' /C calc'!A0"_s;
    e.httpStatus = 409;
    const QString csv = QString::fromUtf8(ConnectorLogExport::toCsv({e}));
    const QStringList lines = csv.split(u"\r\n"_s);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines.at(0), ConnectorLogExport::csvHeader().join(u','));
    EXPECT_EQ(lines.at(1),
              u"2025-01-02T03:04:05.006Z,warning,3,contact,9,,create,409,,,'=cmd|' /C calc'!A0,,,"_s);
    EXPECT_EQ(lines.at(2), QString());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(ConnectorLogExport::writeCsv({e}, buffer));
    EXPECT_EQ(buffer.data(), csv.toUtf8());
    const QJsonArray json = ConnectorLogExport::toJson({e});
    ASSERT_EQ(json.size(), 1);
    EXPECT_EQ(json.at(0).toObject().value(u"message"_s).toString(), e.message); // JSON is not a spreadsheet
}

TEST(ConnectorLogExchangeTest, AnHttpAttemptBecomesARedactedSummary) {
    HttpExchange x;
    x.requestId = 1;
    x.attempt = 2;
    x.startedAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    x.durationMs = 12;
    x.method = u"POST"_s;
    x.url = u"http://127.0.0.1:5000/crm/v3/objects/companies/batch/create"_s;
    x.status = 502;
    x.responseHeaders = {{u"X-HubSpot-Correlation-Id"_s, u"abc-123"_s}};
    x.outcome = HttpOutcome::ResponseLost;
    x.classification.kind = ResponseClass::Transient;
    x.classification.reason = u"HTTP 502"_s;
    const ConnectorLogEntry e = ConnectorLog::fromExchange(x, 4);
    EXPECT_EQ(e.runId, 4);
    EXPECT_EQ(e.action, u"request"_s);
    EXPECT_EQ(e.level, LogLevel::Warning);
    EXPECT_EQ(e.httpStatus, 502);
    EXPECT_EQ(e.correlationId, u"abc-123"_s);
    EXPECT_TRUE(e.request.startsWith(u"POST /crm/v3/objects/companies/batch/create"_s))
        << e.request.toStdString();
    EXPECT_TRUE(e.request.contains(u"attempt 2"_s));
    EXPECT_TRUE(e.message.contains(u"may have been applied"_s)) << e.message.toStdString();

    x.status = 200;
    x.attempt = 1;
    x.outcome = HttpOutcome::Completed;
    x.classification = {};
    EXPECT_EQ(ConnectorLog::fromExchange(x, 4).level, LogLevel::Debug);
    x.status = 429;
    x.outcome.reset();
    x.willRetry = true;
    x.retryInMs = 10050;
    const ConnectorLogEntry retry = ConnectorLog::fromExchange(x, 4);
    EXPECT_EQ(retry.level, LogLevel::Warning);
    EXPECT_TRUE(retry.message.contains(u"10050"_s));
}

TEST_F(ConnectorLogTest, CanBeWrittenFromAWorkerThread) {
    QList<ConnectorLogEntry> live;
    QObject::connect(&m_log, &ConnectorLog::entryAdded, &m_log,
                     [&](const ConnectorLogEntry& e) { live.append(e); });
    QThread* worker = QThread::create([this] {
        for (int i = 0; i < 20; ++i)
            m_log.append(entry(1, LogLevel::Info, u"from worker %1"_s.arg(i)));
    });
    worker->start();
    worker->wait();
    delete worker;
    QCoreApplication::processEvents(); // queued deliveries to this thread
    EXPECT_EQ(live.size(), 20);
    EXPECT_EQ(m_log.query({})->size(), 20);
}

} // namespace
} // namespace syncdesk::test
