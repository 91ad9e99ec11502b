#pragma once

#include "core/connectors/ConnectionTest.h"
#include "core/connectors/CrmConnector.h"
#include "core/net/HttpClient.h"
#include "core/net/HubSpotHttpPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace syncdesk {

// The CrmConnector for HubSpot (CRM v3 objects, v4 associations) and for the Sandbox CRM, which
// speaks the same dialect on another base URL. docs/connections.md describes its behaviour.
//
// - Every call is one request (HttpClient: rate limiting, retries of transient errors), except:
//   a write batch that the CRM refuses AS A WHOLE with one 400/404/409 is split in halves and
//   retried to isolate the bad input(s) (requestCount() tells), and upserting contacts with a
//   company adds one batch association call.
// - Writes send one objectWriteTraceId per input, so that HubSpot answers a partial failure with
//   a 207 multi-status (per-record errors) instead of refusing the batch.
// - Errors are parsed into CrmError with a plain-language hint (hintFor()).
// Belongs to the thread that created it (see HttpClient).
class HubSpotConnector final : public CrmConnector, public ConnectionTestable {
    Q_DECLARE_TR_FUNCTIONS(HubSpotConnector)

public:
    static inline const QString DefaultBaseUrl = QStringLiteral("https://api.hubapi.com");
    static constexpr int ContactToCompanyAssociationTypeId = 279; // HUBSPOT_DEFINED, unlabelled

    struct Options {
        CrmKind kind = CrmKind::HubSpot; // HubSpot or Sandbox
        QUrl baseUrl = QUrl(DefaultBaseUrl);
        QString accessToken;                 // private app or OAuth access token
        std::optional<ConnectorFacts> facts; // default ConnectorFacts::forKind(kind)
        // Send objectWriteTraceIds (multi-status answers). Off: HubSpot refuses a batch as a whole
        // for one bad input, which split-and-retry then isolates.
        bool multiStatus = true;
        // Split a batch refused as a whole with one 400/404/409 and retry the halves.
        bool splitFailedBatches = true;
    };

    HubSpotConnector(Options options, HttpClient::Dependencies dependencies,
                     HttpClientSettings settings = {});
    ~HubSpotConnector() override;

    HttpClient& http() { return m_http; }
    // HTTP requests sent through send() so far (an HttpClient retry counts once).
    int requestCount() const { return m_requests; }
    QUrl baseUrl() const { return m_options.baseUrl; }

    // ---- CrmConnector -----------------------------------------------------------------------
    const ConnectorFacts& facts() const override { return m_facts; }
    CrmResult<QList<CrmProperty>> fetchProperties(RecordObject object) override;
    CrmResult<CrmProperty> createProperty(RecordObject object, const CrmProperty& definition) override;
    CrmResult<qint64> countRecords(RecordObject object) override;
    // Sized exactly from the JSON it sends (filter groups of 100 IN values, 3,000-character body).
    std::optional<QList<QStringList>> domainLookupChunks(const QStringList& keys, DomainPolicy policy,
                                                         const QStringList& properties) const override;
    CrmResult<CrmPage> searchCompaniesByDomain(const QStringList& keys, DomainPolicy policy,
                                               const QStringList& properties, const QString& cursor) override;
    // The body of a domain search: `values` spread over IN filters of facts().domainLookup.maxValues
    // values (one filter group each), or with no values the census (one CONTAINS_TOKEN group per
    // facts().domainCensusPatterns entry).
    QJsonObject domainSearchBody(const QStringList& values, const QStringList& properties,
                                 const QString& cursor) const;
    CrmResult<CrmPage> listRecords(RecordObject object, const QStringList& properties,
                                   const QString& cursor) override;
    CrmResult<QList<CrmRecord>> readRecords(RecordObject object, const QStringList& ids,
                                            const QStringList& properties) override;
    CrmResult<CrmPage> findContactsByEmail(const QStringList& emails, const QStringList& properties,
                                           const QString& cursor) override;
    CrmResult<QHash<QString, QStringList>> readCompanyAssociations(const QStringList& contactIds) override;
    CrmResult<QList<CrmWriteResult>> createRecords(RecordObject object,
                                                   const QList<CrmWriteInput>& inputs) override;
    CrmResult<QList<CrmWriteResult>> updateRecords(RecordObject object,
                                                   const QList<CrmWriteInput>& inputs) override;
    CrmResult<QList<CrmWriteResult>> upsertRecords(RecordObject object, const QString& idProperty,
                                                   const QList<CrmWriteInput>& inputs) override;
    CrmResult<QList<CrmWriteResult>> archiveRecords(RecordObject object, const QStringList& ids) override;
    CrmResult<QList<CrmWriteResult>> associate(const QList<CrmAssociationInput>& inputs) override;
    std::unique_ptr<CrmConnector>
    cloneForThread(std::function<void(const HttpExchange&)> observer) const override;
    void replayExchange(const HttpExchange& exchange) override;

    // ---- ConnectionTestable -------------------------------------------------------------------
    // Checks the token (401?) and each scope SyncDesk uses, with requests that change nothing:
    // reads for the read scopes; for the write scopes an empty batch update and an empty property
    // definition, which HubSpot refuses with 403 MISSING_SCOPES before looking at the body.
    ConnectionTestResult testConnection() override;
    static QList<ConnectionTestResult::Check> scopeChecks(); // what testConnection() checks

    // ---- Error parsing (public for tests) -------------------------------------------------------
    // A whole-request failure: network outcome, or an HTTP error answer with HubSpot's error body.
    static CrmError errorFromResponse(const HttpResponse& response);
    // One error object of HubSpot's (a response body or an element of a batch's `errors`).
    static CrmError errorFromBody(int httpStatus, const QJsonObject& body);
    // The plain-language fix for known errors (empty when there is none). Translated.
    static QString hintFor(const CrmError& error);

    // HubSpot's property JSON (GET /crm/v3/properties/{object}) and back (POST body).
    static CrmProperty propertyFromJson(const QJsonObject& json);
    static QJsonObject propertyToJson(const CrmProperty& property, RecordObject object);

private:
    enum class WriteKind { Create, Update, Upsert };

    QUrl url(const QString& path) const;
    QString objectPath(RecordObject object) const;
    HttpResponse send(HttpRequest request);
    // The response's JSON object, or the error (HTTP error, network, or a 2xx that is not JSON).
    CrmResult<QJsonObject> sendForJson(HttpRequest request);
    static CrmRecord recordFromJson(const QJsonObject& json);
    static CrmPage pageFromJson(const QJsonObject& json);
    std::optional<CrmError> checkBatchSize(qsizetype size, int limit) const;

    CrmResult<QList<CrmWriteResult>> write(WriteKind kind, RecordObject object, const QString& idProperty,
                                           const QList<CrmWriteInput>& inputs);
    // One request for `inputs` (results in input order), splitting when refused as a whole.
    CrmResult<QList<CrmWriteResult>> writeBatch(WriteKind kind, RecordObject object,
                                                const QString& idProperty,
                                                const QList<CrmWriteInput>& inputs);
    QJsonObject writeInput(WriteKind kind, RecordObject object, const QString& idProperty,
                           const CrmWriteInput& input, int index) const;
    QList<CrmWriteResult> writeResults(WriteKind kind, const QString& idProperty,
                                       const QList<CrmWriteInput>& inputs, int httpStatus,
                                       const QJsonObject& body) const;
    static bool refusedAsWhole(WriteKind kind, const CrmError& error);

    Options m_options;
    ConnectorFacts m_facts;
    HttpClient m_http;
    int m_requests = 0;
};

} // namespace syncdesk
