// ConnectorLanes over real loopback HTTP against the in-process Sandbox CRM: calls really are in
// flight together (the sandbox's request log shows every request arriving before the first answer),
// results come back in submission order, the HTTP exchanges reach the prototype's observers on the
// caller's thread, and a connector that cannot be cloned gets no lanes.
#include "core/connectors/FakeConnector.h"
#include "core/connectors/hubspot/HubSpotConnector.h"
#include "core/net/HubSpotHttpPolicy.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sync/ConnectorLanes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace syncdesk::test {
namespace {

class ConnectorLanesTest : public ::testing::Test {
protected:
    ConnectorLanesTest() {
        sandbox::SandboxSettings s;
        s.indexLagMinMs = s.indexLagMaxMs = 0;
        s.randomSeed = 7;
        m_server = std::make_unique<sandbox::SandboxServer>(s);
        EXPECT_TRUE(m_server->listen());
        HubSpotConnector::Options options;
        options.kind = CrmKind::Sandbox;
        options.baseUrl = m_server->baseUrl();
        options.accessToken = m_server->accessToken();
        HttpClient::Dependencies deps;
        deps.policy = std::make_shared<HubSpotHttpPolicy>();
        m_connector = std::make_unique<HubSpotConnector>(options, deps);
    }

    // Creates a company named `name` on `crm` (one request); its CRM id, or the error text.
    static QString create(CrmConnector& crm, const QString& name) {
        CrmWriteInput in;
        in.ref = name;
        in.properties.insert(u"name"_s, name);
        const auto result = crm.createRecords(RecordObject::Company, {in});
        if (!result.ok())
            return u"error: "_s + result.error().message;
        return result.value().value(0).id;
    }

    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<HubSpotConnector> m_connector;
};

TEST_F(ConnectorLanesTest, CallsAreInFlightTogetherAndComeBackInOrder) {
    m_server->addFault(*sandbox::FaultRule::parse(u"slow:600,path=/crm/v3/objects/companies/batch/create"_s));
    std::vector<QThread*> threads;
    int observed = 0;
    QThread* observerThread = nullptr;
    m_connector->http().addObserver([&](const HttpExchange&) {
        ++observed;
        observerThread = QThread::currentThread();
    });

    ConnectorLanes lanes(*m_connector, 3);
    ASSERT_TRUE(lanes.available());
    EXPECT_EQ(lanes.lanes(), 3);
    auto ids = std::make_shared<QStringList>(QStringList{{}, {}, {}});
    for (int i = 0; i < 3; ++i)
        lanes.submit([i, ids](CrmConnector& crm) { (*ids)[i] = create(crm, u"Lane %1"_s.arg(i)); });
    EXPECT_EQ(lanes.pending(), 3);
    for (int i = 0; i < 3; ++i) {
        lanes.take();
        EXPECT_FALSE(ids->at(i).isEmpty()) << "taken in submission order: call " << i << " has finished";
    }
    EXPECT_EQ(lanes.pending(), 0);
    for (const QString& id : *ids)
        EXPECT_FALSE(id.startsWith(u"error"_s)) << id.toStdString();

    const QList<sandbox::RequestLogEntry> log = m_server->requestLog().entries();
    ASSERT_EQ(log.size(), 3);
    qint64 lastArrival = 0;
    qint64 firstAnswer = std::numeric_limits<qint64>::max();
    for (const sandbox::RequestLogEntry& e : log) {
        lastArrival = std::max(lastArrival, e.timeMs);
        firstAnswer = std::min(firstAnswer, e.timeMs + e.durationMs);
    }
    EXPECT_LT(lastArrival, firstAnswer) << "every request arrived before the first answer left";

    EXPECT_EQ(observed, 3) << "each exchange handed to the prototype's observers";
    EXPECT_EQ(observerThread, QThread::currentThread());
    EXPECT_EQ(m_connector->requestCount(), 0) << "the lanes' own connectors sent the requests";
}

TEST_F(ConnectorLanesTest, MoreCallsThanLanesAllFinish) {
    ConnectorLanes lanes(*m_connector, 2);
    ASSERT_TRUE(lanes.available());
    auto ids = std::make_shared<QStringList>();
    for (int i = 0; i < 7; ++i)
        ids->append(QString());
    for (int i = 0; i < 7; ++i)
        lanes.submit([i, ids](CrmConnector& crm) { (*ids)[i] = create(crm, u"Company %1"_s.arg(i)); });
    for (int i = 0; i < 7; ++i)
        lanes.take();
    EXPECT_EQ(m_server->requestLog().total(), 7);
    for (const QString& id : *ids)
        EXPECT_FALSE(id.isEmpty() || id.startsWith(u"error"_s)) << id.toStdString();
    EXPECT_EQ(QSet<QString>(ids->cbegin(), ids->cend()).size(), 7);
}

TEST_F(ConnectorLanesTest, DestroyingDropsTheCallsNoLaneHasStarted) {
    m_server->addFault(*sandbox::FaultRule::parse(u"slow:300,path=/crm/v3/objects/companies/batch/create"_s));
    auto finished = std::make_shared<std::atomic<int>>(0);
    {
        ConnectorLanes lanes(*m_connector, 2);
        ASSERT_TRUE(lanes.available());
        for (int i = 0; i < 6; ++i)
            lanes.submit([finished](CrmConnector& crm) {
                if (!create(crm, u"Dropped"_s).startsWith(u"error"_s))
                    ++*finished;
            });
        // Both lanes' requests are at the sandbox, which holds the answers for 300 ms.
        QElapsedTimer waited;
        waited.start();
        while (m_server->requestLog().total() < 2 && waited.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        ASSERT_EQ(m_server->requestLog().total(), 2);
    } // waits for the two calls in flight, serving the sandbox meanwhile
    EXPECT_EQ(finished->load(), 2) << "the calls in flight finished";
    EXPECT_EQ(m_server->requestLog().total(), 2) << "the four queued calls were dropped";
}

TEST_F(ConnectorLanesTest, AConnectorThatCannotBeClonedGetsNoLanes) {
    FakeConnector fake;
    ConnectorLanes lanes(fake, 3);
    EXPECT_FALSE(lanes.available());
    EXPECT_EQ(lanes.lanes(), 0);
    ConnectorLanes none(*m_connector, 0);
    EXPECT_FALSE(none.available());
    ConnectorLanes one(*m_connector, 1);
    EXPECT_TRUE(one.available()) << "one lane beside the caller's own requests";
}

} // namespace
} // namespace syncdesk::test
