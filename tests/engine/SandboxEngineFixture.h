#pragma once
// End-to-end set-up: the Sandbox CRM in-process on 127.0.0.1, the real HubSpotConnector over real
// HTTP (HttpClient with HubSpot's policy and a rate limiter), and the SyncEngine on a temporary
// workspace. Client and sandbox share one FakeClock: rate-limit waits and backoffs take no time,
// and the sandbox's rate windows move with them.
#include "core/connectors/hubspot/HubSpotConnector.h"
#include "core/net/Clock.h"
#include "core/net/RandomSource.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/hubspot/HubSpotStore.h"
#include "core/sync/SyncEngine.h"
#include "tests/engine/EngineTestSupport.h"
#include "tests/store/TempWorkspace.h"

#include <QJsonObject>

#include <gtest/gtest.h>

#include <memory>

namespace syncdesk::test {

// The sandbox reads the test's FakeClock.
class SharedSandboxClock final : public sandbox::SandboxClock {
public:
    explicit SharedSandboxClock(const Clock& clock)
        : m_clock(clock) {}
    qint64 nowMs() const override { return m_clock.nowMs(); }

private:
    const Clock& m_clock;
};

// A CRM state with what differs between two equivalent runs taken out: record ids, timestamps,
// SyncDesk ids. Companies keyed by domain, contacts by e-mail, associations as "email>domain".
QJsonObject comparableState(const QJsonObject& sandboxState);

class SandboxEngineFixture : public ::testing::Test {
protected:
    SandboxEngineFixture();
    ~SandboxEngineFixture() override;

    // (Re)starts the sandbox with `settings` (index lag 0, fixed random seed by default).
    void startSandbox(sandbox::SandboxSettings settings);
    static sandbox::SandboxSettings defaultSandboxSettings();
    // A new engine on the same workspace (e.g. "after a restart"); keeps the sandbox.
    void restartEngine();

    qint64 company(const QString& name, const QString& website, const CustomValues& extra = {}) {
        return addCompany(*m_workspace, name, website, extra);
    }
    qint64 contact(qint64 companyId, const QString& email, const QString& first = u"Jane"_s,
                   const QString& last = u"Doe"_s, const CustomValues& extra = {}) {
        return addContact(*m_workspace, companyId, email, first, last, extra);
    }
    // Adds records to the CRM (a sandbox seed document: properties, companies, contacts).
    void seed(const QJsonObject& seed);

    RunOutcome sync(const SelectionRequest& selection = {}, bool dryRun = false, bool uniqueId = false);
    QList<JournalRecord> records(qint64 runId);
    const JournalRecord* find(const QList<JournalRecord>& records, RecordObject object, qint64 localId);

    // The CRM's live records of "companies" / "contacts".
    QList<sandbox::hubspot::HubSpotRecord> crm(const QString& objectType) const;
    QString crmValue(const QString& objectType, const QString& id, const QString& property) const;
    QStringList associatedCompanies(const QString& contactId) const;
    qint64 requests(const QString& endpoint) const { return m_server->requestLog().count(endpoint); }
    qint64 writeRequests() const;

    TempWorkspace m_workspace;
    FakeClock m_clock;
    SeededRandomSource m_random{42};
    std::shared_ptr<SharedSandboxClock> m_sandboxClock;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    Mapping m_companyMapping;
    Mapping m_contactMapping;
    SyncSettings m_settings;
    HttpClientSettings m_http;
    bool m_multiStatus = true;
    bool m_splitFailedBatches = true;
    std::shared_ptr<RateLimiter> m_limiter;
    std::unique_ptr<SyncEngine> m_engine;
    EngineOptions m_engineOptions;
    QList<ConnectorLogEntry> m_liveLog;
    HubSpotConnector* m_connector = nullptr; // of the job in progress
};

} // namespace syncdesk::test
