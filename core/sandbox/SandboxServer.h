// The Sandbox CRM: a local HTTP server on 127.0.0.1 that answers like a CRM's REST API (HubSpot
// today). Embeddable: the desktop app and tests create one, listen on port 0 and read back the
// base URL and tokens. Everything runs on the thread that owns the object.
//
//   SandboxServer server;            // default settings, system clock
//   server.listen();                 // 127.0.0.1, a free port
//   server.baseUrl();                // http://127.0.0.1:PORT
//   server.accessToken();            // Bearer token for the CRM API
//   server.adminToken();             // for /_sandbox/*
#pragma once

#include "core/sandbox/FaultInjector.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxClock.h"
#include "core/sandbox/SandboxDialect.h"
#include "core/sandbox/SandboxRouter.h"
#include "core/sandbox/SandboxSettings.h"

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
class QTcpSocket;
QT_END_NAMESPACE

namespace syncdesk::sandbox {

namespace hubspot {
class HubSpotDialect;
}
class SandboxAdminApi;
class SandboxHttpServer;

class SandboxServer final : public QObject, private SandboxContext {
    Q_OBJECT

public:
    explicit SandboxServer(SandboxSettings settings = {}, std::shared_ptr<SandboxClock> clock = {},
                           QObject* parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 only. port 0 picks a free port. False when the port is taken.
    bool listen(quint16 port = 0);
    // Stops listening and drops open connections (including hanging ones).
    void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QUrl baseUrl() const override;
    QString accessToken() const { return m_settings.accessToken; }
    QString adminToken() const { return m_settings.adminToken; }

    // Settings, faults included. Changes apply to the next request.
    const SandboxSettings& settings() const override;
    void setSettings(const SandboxSettings& settings);
    bool patchSettings(const QJsonObject& patch, QString* error = nullptr);

    // Faults (also in settings().faults).
    int addFault(const FaultRule& rule);
    bool removeFault(int id);
    void clearFaults();

    // Time: the injected clock plus an offset that the admin API can move forward.
    qint64 nowMs() const override;
    void advanceClock(qint64 ms) { m_clockOffsetMs += ms; }
    SandboxClock& clock() { return *m_clock; }

    RequestLog& requestLog() { return m_log; }
    SandboxDialect& dialect();
    hubspot::HubSpotDialect& hubspot();

    // State: a JSON document with the dialect's data (records, properties, associations, lists,
    // issued OAuth tokens). Seeds: companies and contacts (and custom properties) to add.
    QJsonObject stateJson() const;
    bool loadStateJson(const QJsonObject& state, QString* error = nullptr);
    bool saveStateFile(const QString& path, QString* error = nullptr) const;
    bool loadStateFile(const QString& path, QString* error = nullptr);
    bool loadSeedJson(const QJsonObject& seed, QString* error = nullptr);
    bool loadSeedFile(const QString& path, QString* error = nullptr);
    // Empties the account, the request log and the rate-limit counters; keeps settings and faults.
    void reset();

signals:
    // After each CRM request (not admin requests), once its outcome is known.
    void requestLogged(const syncdesk::sandbox::RequestLogEntry& entry);

private:
    friend class SandboxHttpServer;
    friend class SandboxAdminApi;

    QRandomGenerator& random() override { return m_random; }
    void handle(const QHttpServerRequest& request, QTcpSocket* socket);
    void send(QTcpSocket* socket, const SandboxResponse& response, const SandboxRequest& request);
    void logEntry(const SandboxRequest& request, int status, qint64 durationMs, const QString& fault);
    void applySettings(SandboxSettings settings);

    mutable SandboxSettings m_settings; // faults mirrored from m_faults on read
    std::shared_ptr<SandboxClock> m_clock;
    qint64 m_clockOffsetMs = 0;
    QRandomGenerator m_random;
    FaultInjector m_faults;
    RequestLog m_log;
    SandboxRouter m_router;
    std::unique_ptr<hubspot::HubSpotDialect> m_dialect;
    std::unique_ptr<SandboxAdminApi> m_admin;
    std::unique_ptr<SandboxHttpServer> m_http;
    QList<QPointer<QTcpSocket>> m_heldSockets; // hanging or delayed replies
    quint16 m_port = 0;
};

} // namespace syncdesk::sandbox
