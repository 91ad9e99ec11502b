// A Sandbox CRM on 127.0.0.1 (manual clock, no index lag unless a test asks) and a small
// QNetworkAccessManager client to talk to it over real HTTP.
#pragma once

#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <gtest/gtest.h>

#include <memory>

namespace sandboxtest {

using namespace syncdesk::sandbox;

struct HttpReply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
};

// Sends one request and waits for it. `token`: empty sends no Authorization header.
HttpReply sendRequest(QNetworkAccessManager& nam, const QByteArray& method, const QUrl& url,
                      const QByteArray& body, const QByteArray& token,
                      const QByteArray& contentType = QByteArrayLiteral("application/json"),
                      int timeoutMs = 10000);

class SandboxTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Settings for the server SetUp creates; tests that need others call restart().
    virtual SandboxSettings initialSettings() const;
    void restart(const SandboxSettings& settings);

    QUrl url(const QString& pathAndQuery) const;
    HttpReply call(const QByteArray& method, const QString& path, const QByteArray& body = {},
                   const QString& token = QStringLiteral("default"), int timeoutMs = 10000);
    HttpReply get(const QString& path, const QString& token = QStringLiteral("default"));
    HttpReply post(const QString& path, const QJsonObject& body,
                   const QString& token = QStringLiteral("default"));
    HttpReply postArray(const QString& path, const QJsonArray& body,
                        const QString& token = QStringLiteral("default"));
    HttpReply patch(const QString& path, const QJsonObject& body,
                    const QString& token = QStringLiteral("default"));
    HttpReply put(const QString& path, const QByteArray& body = {},
                  const QString& token = QStringLiteral("default"));
    HttpReply del(const QString& path, const QString& token = QStringLiteral("default"));
    HttpReply admin(const QByteArray& method, const QString& path, const QByteArray& body = {});

    // Helpers over the API.
    QString createCompany(const QJsonObject& properties);
    QString createContact(const QJsonObject& properties);
    static QJsonObject props(std::initializer_list<std::pair<const char*, const char*>> values);
    static QJsonObject filter(const QString& property, const QString& op,
                              const QJsonValue& value = QJsonValue::Undefined);
    static QJsonObject search(const QJsonArray& filterGroups, int limit = 10);

    std::shared_ptr<ManualSandboxClock> m_clock;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

// Expects a HubSpot error body: status "error", a UUID correlationId, this category.
void expectHubSpotError(const HttpReply& reply, int status, const QString& category);

} // namespace sandboxtest
