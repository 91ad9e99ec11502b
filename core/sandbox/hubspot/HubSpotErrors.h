// HubSpot's error bodies: {status:"error", message, correlationId, category, subCategory?,
// context?, errors?, links?}, plus the 429 and OAuth variants.
#pragma once

#include "core/sandbox/SandboxHttp.h"
#include "core/sandbox/hubspot/HubSpotSchema.h"

#include <QJsonArray>
#include <QJsonObject>

namespace syncdesk::sandbox::hubspot::Errors {

struct Detail {
    int status = 400;
    QString category;
    QString message;
    QString subCategory;
    QJsonObject context; // values are arrays of strings, as HubSpot sends them
    QJsonArray errors;

    bool isError() const { return !category.isEmpty(); }
    SandboxResponse response(const SandboxRequest& request) const;
    // The element of a batch's "errors" array (StandardError).
    QJsonObject batchError() const;
};

SandboxResponse make(const SandboxRequest& request, int status, const QString& category,
                     const QString& message, const QJsonObject& extra = {});

Detail validation(const QString& message, const QJsonArray& errors = {}, const QJsonObject& context = {});
// 400 "Property values were not valid: [...]".
Detail invalidProperties(const QList<PropertyValueError>& errors);
Detail notFound(const QString& message, const QJsonObject& context = {});
Detail objectsNotFound(const QString& objectType, const QStringList& ids);
Detail conflict(const QString& message, const QJsonObject& context = {});
Detail unknownObjectType(const QString& name);

SandboxResponse invalidAuthentication(const SandboxRequest& request);
SandboxResponse expiredAuthentication(const SandboxRequest& request, qint64 expiredForMs);
SandboxResponse missingScopes(const SandboxRequest& request, const QStringList& required);
// policyName: TEN_SECONDLY_ROLLING, DAILY or SECONDLY.
SandboxResponse rateLimited(const SandboxRequest& request, const QString& policyName);
// OAuth token endpoint errors: {status:"BAD_AUTH_CODE", message, correlationId}.
SandboxResponse oauthError(const SandboxRequest& request, const QString& status, const QString& message);

QJsonArray stringArray(const QStringList& values);

// Parses a request body; on failure the Detail is HubSpot's "Invalid input JSON ..." 400.
Detail parseJsonObject(const QByteArray& body, QJsonObject* out);
Detail parseJsonArray(const QByteArray& body, QJsonArray* out);

} // namespace syncdesk::sandbox::hubspot::Errors
