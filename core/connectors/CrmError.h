#pragma once

#include <QJsonObject>
#include <QString>

namespace syncdesk {

// What the engine does with an error. Each connector classifies its CRM's answers (HTTP status,
// HubSpot category, Salesforce errorCode) into one of these; the engine never looks at vendor codes.
enum class CrmErrorKind {
    Network,     // no answer: connection refused/dropped, timeout. Retry with backoff.
    Server,      // 5xx, HubSpot 423, Salesforce UNABLE_TO_LOCK_ROW. Retry with backoff.
    RateLimited, // short-term limit (HubSpot TEN_SECONDLY_ROLLING 429). Wait, then go on.
    DailyLimit,  // daily/rolling-24h limit (HubSpot DAILY, Salesforce REQUEST_LIMIT_EXCEEDED). Pause the run.
    Authentication, // 401: token missing, expired or revoked. Refresh once, else stop (exit code 3).
    Permission,     // 403 MISSING_SCOPES, INSUFFICIENT_ACCESS_OR_READONLY, field-level security.
    Validation,     // the record is refused as sent (VALIDATION_ERROR, REQUIRED_FIELD_MISSING,
                    // INVALID_OPTION...).
    Duplicate,      // the CRM refuses a duplicate (HubSpot 409 CONFLICT, Salesforce
                    // DUPLICATE_VALUE/DUPLICATES_DETECTED).
    NotFound,       // 404 OBJECT_NOT_FOUND, ENTITY_IS_DELETED.
    Cancelled,      // the caller cancelled the request.
    Other,          // anything the connector cannot classify. Not retried.
};

QString crmErrorKindName(CrmErrorKind kind); // "network", "server", "rate_limited", ...

// One error as the CRM (or the network) reported it, plus the connector's classification and a
// plain-language hint for errors users meet (PRODUCT.md "Plan, preview and run": failed records).
struct CrmError {
    CrmErrorKind kind = CrmErrorKind::Other;
    int httpStatus = 0;       // 0 when there was no HTTP answer
    QString category;         // HubSpot category ("VALIDATION_ERROR"); empty for Salesforce
    QString code;             // HubSpot sub-category/error code, Salesforce errorCode/statusCode
    QString message;          // the CRM's message, as sent
    QString correlationId;    // HubSpot correlationId; Salesforce has none (empty)
    QString hint;             // translated, plain-language fix ("Add a value map for Industry"), may be empty
    qint64 retryAfterMs = -1; // how long the CRM asked to wait, -1 when it did not say
    QString field;            // the property the error is about, when the CRM names one

    // Transient errors the network layer/executor retries (bounded, with backoff).
    bool isTransient() const;
    // Errors that stop the whole run rather than failing one record.
    bool stopsRun() const;

    // The `error` object of the `--json` output: http_status, category, code, message, hint,
    // correlation_id (empty members are left out, http_status is 0 without an HTTP answer).
    QJsonObject toJson() const;
};

} // namespace syncdesk
