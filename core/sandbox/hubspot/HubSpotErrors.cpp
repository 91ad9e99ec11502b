#include "core/sandbox/hubspot/HubSpotErrors.h"

#include <QJsonDocument>

namespace syncdesk::sandbox::hubspot::Errors {

QJsonArray stringArray(const QStringList& values) {
    return QJsonArray::fromStringList(values);
}

namespace {

Detail invalidJson(const QByteArray& body, const QJsonParseError& error) {
    // HubSpot reports a line and column; compute them from the byte offset.
    int line = 1, column = 1;
    for (int i = 0; i < error.offset && i < body.size(); ++i) {
        if (body[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return validation(QStringLiteral("Invalid input JSON on line %1, column %2: %3")
                          .arg(line)
                          .arg(column)
                          .arg(error.errorString()));
}

} // namespace

Detail parseJsonObject(const QByteArray& body, QJsonObject* out) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalidJson(body, error);
    if (!doc.isObject())
        return validation(QStringLiteral("Invalid input JSON on line 1, column 1: expected a JSON object"));
    *out = doc.object();
    return {};
}

Detail parseJsonArray(const QByteArray& body, QJsonArray* out) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalidJson(body, error);
    if (!doc.isArray())
        return validation(QStringLiteral("Invalid input JSON on line 1, column 1: expected a JSON array"));
    *out = doc.array();
    return {};
}

SandboxResponse make(const SandboxRequest& request, int status, const QString& category,
                     const QString& message, const QJsonObject& extra) {
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("error")},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("correlationId"), request.correlationId},
                     {QStringLiteral("category"), category}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return SandboxResponse::json(status, body);
}

SandboxResponse Detail::response(const SandboxRequest& request) const {
    QJsonObject extra;
    if (!subCategory.isEmpty())
        extra.insert(QStringLiteral("subCategory"), subCategory);
    if (!context.isEmpty())
        extra.insert(QStringLiteral("context"), context);
    if (!errors.isEmpty())
        extra.insert(QStringLiteral("errors"), errors);
    return make(request, status, category, message, extra);
}

QJsonObject Detail::batchError() const {
    QJsonObject o{{QStringLiteral("status"), QStringLiteral("error")},
                  {QStringLiteral("category"), category},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("context"), context},
                  {QStringLiteral("errors"), errors},
                  {QStringLiteral("links"), QJsonObject()}};
    if (!subCategory.isEmpty())
        o.insert(QStringLiteral("subCategory"), subCategory);
    return o;
}

Detail validation(const QString& message, const QJsonArray& errors, const QJsonObject& context) {
    return Detail{400, QStringLiteral("VALIDATION_ERROR"), message, QString(), context, errors};
}

Detail invalidProperties(const QList<PropertyValueError>& errors) {
    QJsonArray list;
    QStringList names;
    for (const PropertyValueError& e : errors) {
        list.append(QJsonObject{{QStringLiteral("isValid"), false},
                                {QStringLiteral("message"), e.message},
                                {QStringLiteral("error"), e.error},
                                {QStringLiteral("name"), e.name},
                                {QStringLiteral("localizedErrorMessage"), e.message}});
        names << e.name;
    }
    Detail d = validation(QStringLiteral("Property values were not valid: ") +
                          QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    d.context.insert(QStringLiteral("propertyName"), stringArray(names));
    return d;
}

Detail notFound(const QString& message, const QJsonObject& context) {
    return Detail{404, QStringLiteral("OBJECT_NOT_FOUND"), message, QString(), context, {}};
}

Detail objectsNotFound(const QString& objectType, const QStringList& ids) {
    return notFound(
        QStringLiteral("Could not get some %1 objects, they may be deleted or not exist. Check that ids "
                       "are valid.")
            .arg(ObjectTypes::singularUpper(objectType)),
        QJsonObject{{QStringLiteral("ids"), stringArray(ids)}});
}

Detail conflict(const QString& message, const QJsonObject& context) {
    return Detail{409, QStringLiteral("CONFLICT"), message, QString(), context, {}};
}

Detail unknownObjectType(const QString& name) {
    Detail d = validation(QStringLiteral("Unable to infer object type from: %1").arg(name));
    d.status = 400;
    return d;
}

SandboxResponse invalidAuthentication(const SandboxRequest& request) {
    return make(
        request, 401, QStringLiteral("INVALID_AUTHENTICATION"),
        QStringLiteral("Authentication credentials not found. This API supports OAuth 2.0 authentication and "
                       "you can find more details at "
                       "https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
}

SandboxResponse expiredAuthentication(const SandboxRequest& request, qint64 expiredForMs) {
    const qint64 minutes = expiredForMs / 60000;
    const QString ago = minutes < 24 * 60 ? QStringLiteral("%1 minute(s)").arg(minutes)
                                          : QStringLiteral("%1 day(s)").arg(minutes / (24 * 60));
    return make(request, 401, QStringLiteral("EXPIRED_AUTHENTICATION"),
                QStringLiteral("The OAuth token used to make this call expired %1 ago.").arg(ago));
}

SandboxResponse missingScopes(const SandboxRequest& request, const QStringList& required) {
    QJsonObject error{
        {QStringLiteral("message"), QStringLiteral("One or more of the following scopes are required.")},
        {QStringLiteral("context"),
         QJsonObject{{QStringLiteral("requiredGranularScopes"), stringArray(required)}}}};
    return make(
        request, 403, QStringLiteral("MISSING_SCOPES"),
        QStringLiteral("This app hasn't been granted all required scopes to make this call. Read more about "
                       "required scopes here: https://developers.hubspot.com/scopes."),
        QJsonObject{{QStringLiteral("errors"), QJsonArray{error}},
                    {QStringLiteral("links"),
                     QJsonObject{{QStringLiteral("scopes"),
                                  QStringLiteral("https://developers.hubspot.com/scopes")}}}});
}

SandboxResponse rateLimited(const SandboxRequest& request, const QString& policyName) {
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("error")},
                     {QStringLiteral("message"),
                      QStringLiteral("You have reached your %1 limit.").arg(policyName.toLower())},
                     {QStringLiteral("errorType"), QStringLiteral("RATE_LIMIT")},
                     {QStringLiteral("correlationId"), request.correlationId},
                     {QStringLiteral("policyName"), policyName}};
    return SandboxResponse::json(429, body);
}

SandboxResponse oauthError(const SandboxRequest& request, const QString& status, const QString& message) {
    return SandboxResponse::json(400, QJsonObject{{QStringLiteral("status"), status},
                                                  {QStringLiteral("message"), message},
                                                  {QStringLiteral("correlationId"), request.correlationId}});
}

} // namespace syncdesk::sandbox::hubspot::Errors
