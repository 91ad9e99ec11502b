// A Sandbox CRM on 127.0.0.1 and a HubSpotConnector talking to it over real HTTP.
#pragma once

#include "core/connectors/hubspot/HubSpotConnector.h"
#include "core/net/Clock.h"
#include "core/net/RandomSource.h"
#include "core/net/RateLimiter.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <gtest/gtest.h>

#include <memory>

namespace hubspottest {

using namespace syncdesk;
using syncdesk::sandbox::SandboxServer;
using syncdesk::sandbox::SandboxSettings;

inline const QString kToken = QStringLiteral("pat-na1-hubspot-test-token-0123456789");

class HubSpotTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    virtual SandboxSettings settings() const;
    // A connector on the sandbox (a fresh rate limiter configured like ConnectorFactory's).
    std::unique_ptr<HubSpotConnector> connect(const QString& token = kToken,
                                              HubSpotConnector::Options options = {});

    // Adds records through the sandbox's seed (validated like API writes, searchable at once).
    void seed(const QJsonObject& seed);
    QString addCompany(const QJsonObject& properties); // returns the id
    QString addContact(const QJsonObject& properties);
    qint64 calls(const QString& endpoint) const { return m_server->requestLog().count(endpoint); }
    qint64 totalCalls() const { return m_server->requestLog().total(); }
    qint64 callsWithStatus(int status) const;
    sandbox::hubspot::HubSpotStore& store() { return m_server->hubspot().store(); }
    int liveCount(const char* type) { return store().liveCount(QLatin1String(type)); }
    const sandbox::hubspot::HubSpotRecord* record(const char* type, const QString& id) {
        return store().liveRecord(QLatin1String(type), id.toLongLong());
    }

    static CrmWriteInput input(const QString& ref, const CrmValues& values, const QString& id = {},
                               const QString& companyId = {});

    std::shared_ptr<sandbox::ManualSandboxClock> m_sandboxClock;
    std::unique_ptr<SandboxServer> m_server;
    FakeClock m_clock;
    FunctionRandomSource m_random{[] { return 0.5; }};
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HubSpotConnector> m_crm;
};

} // namespace hubspottest
