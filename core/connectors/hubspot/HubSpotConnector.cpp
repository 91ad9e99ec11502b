#include "core/connectors/hubspot/HubSpotConnector.h"

#include "core/connectors/LookupChunks.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

namespace syncdesk {

Q_LOGGING_CATEGORY(lcHubSpot, "syncdesk.connectors.hubspot", QtInfoMsg)

namespace {

const QString kPropertyValuesNotValid = QStringLiteral("Property values were not valid: ");

QString str(const char* s) {
    return QString::fromLatin1(s);
}

CrmError makeError(CrmErrorKind kind, const QString& message, const QString& code = {}) {
    CrmError e;
    e.kind = kind;
    e.message = message;
    e.code = code;
    return e;
}

QJsonArray stringArray(const QStringList& values) {
    return QJsonArray::fromStringList(values);
}

// The HTTP status a batch error stands for (batch `errors[]` carry a category, not a status).
int statusForCategory(const QString& category, int fallback) {
    if (category == u"VALIDATION_ERROR")
        return 400;
    if (category == u"OBJECT_NOT_FOUND")
        return 404;
    if (category == u"CONFLICT" || category == u"OBJECT_ALREADY_EXISTS")
        return 409;
    if (category == u"MISSING_SCOPES")
        return 403;
    return fallback;
}

QString idText(const QJsonValue& v) {
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toVariant().toString();
}

QStringList withProperty(QStringList properties, const QString& property) {
    if (!properties.contains(property))
        properties.append(property);
    return properties;
}

// "Contact already exists. Existing ID: 123" -> "123".
QString existingId(const QString& message) {
    static const QRegularExpression re(QStringLiteral("Existing ID:\\s*(\\d+)"));
    const QRegularExpressionMatch m = re.match(message);
    return m.hasMatch() ? m.captured(1) : QString();
}

// "Biotech was not one of the allowed options: [...]" -> "Biotech".
QString rejectedOption(const QString& message) {
    const qsizetype at = message.indexOf(QLatin1String(" was not one of the allowed options"));
    return at > 0 ? message.left(at) : QString();
}

} // namespace

HubSpotConnector::HubSpotConnector(Options options, HttpClient::Dependencies dependencies,
                                   HttpClientSettings settings)
    : m_options(std::move(options))
    , m_facts(m_options.facts.value_or(ConnectorFacts::forKind(m_options.kind)))
    , m_http(std::move(dependencies), std::move(settings)) {}

HubSpotConnector::~HubSpotConnector() = default;

std::unique_ptr<CrmConnector>
HubSpotConnector::cloneForThread(std::function<void(const HttpExchange&)> observer) const {
    auto copy = std::make_unique<HubSpotConnector>(m_options, m_http.dependenciesForCopy(), m_http.settings());
    copy->m_http.setCancelFlag(m_http.cancelFlag());
    if (observer)
        copy->m_http.addObserver(std::move(observer));
    return copy;
}

void HubSpotConnector::replayExchange(const HttpExchange& exchange) {
    m_http.notifyObservers(exchange);
}

// ---- Plumbing ----------------------------------------------------------------------------------

QUrl HubSpotConnector::url(const QString& path) const {
    QUrl u = m_options.baseUrl;
    QString base = u.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path);
    return u;
}

QString HubSpotConnector::objectPath(RecordObject object) const {
    return m_facts.objectName(object);
}

HttpResponse HubSpotConnector::send(HttpRequest request) {
    request.setBearerToken(m_options.accessToken);
    request.setHeader("Accept", "application/json");
    ++m_requests;
    return m_http.send(request);
}

CrmResult<QJsonObject> HubSpotConnector::sendForJson(HttpRequest request) {
    const HttpResponse r = send(std::move(request));
    if (r.outcome != HttpOutcome::Completed || !r.isSuccess())
        return errorFromResponse(r);
    if (r.status == 204 || r.body.trimmed().isEmpty())
        return QJsonObject();
    QString parseError;
    const QJsonDocument doc = r.json(&parseError);
    if (!doc.isObject()) {
        CrmError e = makeError(
            CrmErrorKind::Network,
            tr("HubSpot's answer (HTTP %1) was cut short or is not JSON (%2).").arg(r.status).arg(parseError),
            QStringLiteral("BAD_RESPONSE"));
        e.httpStatus = r.status;
        e.hint = hintFor(e);
        return e;
    }
    return doc.object();
}

std::optional<CrmError> HubSpotConnector::checkBatchSize(qsizetype size, int limit) const {
    if (limit > 0 && size > limit) {
        CrmError e = makeError(CrmErrorKind::Validation,
                               tr("%1 inputs exceed HubSpot's limit of %2 per request.").arg(size).arg(limit),
                               QStringLiteral("BATCH_TOO_LARGE"));
        return e;
    }
    return std::nullopt;
}

// ---- Errors ------------------------------------------------------------------------------------

CrmError HubSpotConnector::errorFromResponse(const HttpResponse& r) {
    CrmError e;
    e.httpStatus = r.status;
    const QJsonObject body = r.hasResponse() ? r.json().object() : QJsonObject();
    switch (r.outcome) {
    case HttpOutcome::Cancelled:
        e = makeError(CrmErrorKind::Cancelled, tr("Cancelled before the request was sent."));
        break;
    case HttpOutcome::LimitReached:
        if (!body.isEmpty())
            e = errorFromBody(r.status, body);
        e.kind = CrmErrorKind::DailyLimit;
        if (e.code.isEmpty())
            e.code = r.classification.code.isEmpty() ? QStringLiteral("DAILY") : r.classification.code;
        if (e.message.isEmpty())
            e.message = r.errorText.isEmpty() ? tr("HubSpot's API limit is used up.") : r.errorText;
        break;
    case HttpOutcome::ResponseLost:
        e = makeError(CrmErrorKind::Network,
                      tr("No usable answer from HubSpot (%1): the request may have been carried out.")
                          .arg(r.errorText.isEmpty() ? tr("HTTP %1").arg(r.status) : r.errorText),
                      QStringLiteral("RESPONSE_LOST"));
        break;
    case HttpOutcome::Failed:
        if (r.hasResponse() && (r.status >= 500 || r.status == 423)) {
            e = body.isEmpty()
                    ? makeError(CrmErrorKind::Server, tr("HubSpot answered HTTP %1.").arg(r.status))
                    : errorFromBody(r.status, body);
            e.kind = CrmErrorKind::Server;
        } else {
            e = makeError(
                CrmErrorKind::Network,
                tr("HubSpot could not be reached: %1")
                    .arg(r.errorText.isEmpty() ? networkErrorKindName(r.networkError) : r.errorText),
                networkErrorKindName(r.networkError));
        }
        break;
    case HttpOutcome::Completed:
        if (!body.isEmpty()) {
            e = errorFromBody(r.status, body);
        } else {
            e = makeError(r.status >= 500 ? CrmErrorKind::Server : CrmErrorKind::Other,
                          tr("HubSpot answered HTTP %1: %2")
                              .arg(r.status)
                              .arg(QString::fromUtf8(r.body.left(300)).simplified()));
        }
        break;
    }
    e.httpStatus = r.status;
    if (e.retryAfterMs < 0 && r.headers.contains("Retry-After"))
        e.retryAfterMs = HttpPolicy::retryAfterMs(r.headers, 0).value_or(-1);
    e.hint = hintFor(e);
    return e;
}

CrmError HubSpotConnector::errorFromBody(int httpStatus, const QJsonObject& body) {
    CrmError e;
    e.httpStatus = httpStatus;
    e.message = body.value(QStringLiteral("message")).toString();
    e.correlationId = body.value(QStringLiteral("correlationId")).toString();
    e.category = body.value(QStringLiteral("category")).toString();
    const QString errorType = body.value(QStringLiteral("errorType")).toString();
    const QString policyName = body.value(QStringLiteral("policyName")).toString();
    if (e.category.isEmpty())
        e.category = errorType;
    e.code = body.value(QStringLiteral("subCategory")).toString();
    if (!policyName.isEmpty())
        e.code = policyName;

    const QJsonArray errors = body.value(QStringLiteral("errors")).toArray();
    const QJsonObject first = errors.isEmpty() ? QJsonObject() : errors.first().toObject();
    if (e.code.isEmpty())
        e.code = first.value(QStringLiteral("code")).toString();

    // "Property values were not valid: [{...,"error":"INVALID_OPTION","name":"industry"}]"
    if (e.message.startsWith(kPropertyValuesNotValid)) {
        const QJsonArray list =
            QJsonDocument::fromJson(e.message.mid(kPropertyValuesNotValid.size()).toUtf8()).array();
        if (!list.isEmpty()) {
            const QJsonObject p = list.first().toObject();
            e.code = p.value(QStringLiteral("error")).toString(e.code);
            e.field = p.value(QStringLiteral("name")).toString();
            const QString detail = p.value(QStringLiteral("message")).toString();
            if (!detail.isEmpty())
                e.message = tr("%1: %2").arg(e.field, detail);
        }
    }
    if (e.field.isEmpty()) {
        const QJsonValue names =
            body.value(QStringLiteral("context")).toObject().value(QStringLiteral("propertyName"));
        if (names.isArray() && !names.toArray().isEmpty())
            e.field = names.toArray().first().toString();
    }

    if (errorType == u"RATE_LIMIT" || httpStatus == 429)
        e.kind = policyName == u"DAILY" ? CrmErrorKind::DailyLimit : CrmErrorKind::RateLimited;
    else if (httpStatus == 401)
        e.kind = CrmErrorKind::Authentication;
    else if (httpStatus == 403)
        e.kind = CrmErrorKind::Permission;
    else if (httpStatus == 404)
        e.kind = CrmErrorKind::NotFound;
    else if (httpStatus == 409)
        e.kind = CrmErrorKind::Duplicate;
    else if (httpStatus == 400 || httpStatus == 422)
        e.kind = CrmErrorKind::Validation;
    else if (httpStatus == 423 || httpStatus >= 500)
        e.kind = CrmErrorKind::Server;
    else
        e.kind = CrmErrorKind::Other;

    if (e.category == u"MISSING_SCOPES") {
        // Name the scopes in the message itself, so that the hint and the log can show them.
        QStringList scopes;
        for (const QJsonValue& v : errors) {
            const QJsonArray required = v.toObject()
                                            .value(QStringLiteral("context"))
                                            .toObject()
                                            .value(QStringLiteral("requiredGranularScopes"))
                                            .toArray();
            for (const QJsonValue& s : required)
                if (!scopes.contains(s.toString()))
                    scopes.append(s.toString());
        }
        if (!scopes.isEmpty())
            e.field = scopes.join(QStringLiteral(", "));
    }
    e.hint = hintFor(e);
    return e;
}

QString HubSpotConnector::hintFor(const CrmError& e) {
    const QString category = e.category;
    const QString code = e.code;
    if (e.kind == CrmErrorKind::Cancelled)
        return QString();
    if (category == u"EXPIRED_AUTHENTICATION" || code == u"EXPIRED_AUTHENTICATION")
        return tr("The access token has expired. OAuth tokens last 30 minutes; for a private app, copy "
                  "its current token from HubSpot and store it with syncdesk-cli connection token NAME "
                  "--token-stdin.");
    if (e.kind == CrmErrorKind::Authentication)
        return tr("HubSpot did not accept the access token. Check that the private app still exists and "
                  "store its current token with syncdesk-cli connection token NAME --token-stdin.");
    if (category == u"MISSING_SCOPES") {
        if (!e.field.isEmpty())
            return tr("The private app lacks the scope %1. Add it in HubSpot (Settings > Integrations > "
                      "Private Apps > Scopes) and store the app's new token.")
                .arg(e.field);
        return tr("The private app lacks a scope this call needs. Run syncdesk-cli connection test NAME "
                  "to see which, add it in HubSpot and store the app's new token.");
    }
    if (e.kind == CrmErrorKind::DailyLimit && !e.code.isEmpty() && e.code != u"DAILY")
        return tr("HubSpot kept refusing requests for exceeding its rate limit (%1), so the run is paused. "
                  "Resume it later; nothing is repeated.")
            .arg(e.code);
    if (e.kind == CrmErrorKind::DailyLimit)
        return tr("HubSpot's daily API limit for this account is used up. The run is paused; resume it "
                  "after the limit resets (midnight in the account's time zone). Nothing is repeated.");
    if (e.kind == CrmErrorKind::RateLimited)
        return tr("HubSpot's short-term rate limit was reached; SyncDesk waits and goes on.");
    if (code == u"INVALID_OPTION") {
        const QString value = rejectedOption(e.message.mid(e.message.indexOf(u':') + 1).trimmed());
        if (!value.isEmpty())
            return tr("\"%1\" is not an option of the HubSpot property %2. Add a value map for this field in "
                      "the mapping (local value -> HubSpot option), or add the option in HubSpot.")
                .arg(value, e.field);
        return tr("The value is not an option of the HubSpot property %1. Add a value map for this field in "
                  "the mapping (local value -> HubSpot option), or add the option in HubSpot.")
            .arg(e.field);
    }
    if (code == u"PROPERTY_DOESNT_EXIST")
        return tr("HubSpot has no property %1. Refresh the CRM fields and correct the mapping, or create "
                  "the missing field.")
            .arg(e.field);
    if (code == u"READ_ONLY_VALUE")
        return tr("The HubSpot property %1 is read-only (calculated or set by HubSpot). Remove it from the "
                  "mapping.")
            .arg(e.field);
    if (code == u"INVALID_EMAIL")
        return tr("HubSpot does not accept this e-mail address. Correct it in the workspace.");
    if (code.startsWith(QLatin1String("INVALID_")) && !e.field.isEmpty())
        return tr("HubSpot does not accept this value for %1 (%2). Check the field's type in the mapping.")
            .arg(e.field, code);
    if (e.message.contains(QLatin1String("non-unique")))
        return tr("HubSpot can only update or upsert by a property whose values are unique. Create the "
                  "unique id property (syncdesk_id) with the connection's consent, or match by record id.");
    if (category == u"CONFLICT" || e.kind == CrmErrorKind::Duplicate) {
        const QString id = existingId(e.message);
        if (category == u"OBJECT_ALREADY_EXISTS")
            return tr(
                "A property of that name already exists in HubSpot. Refresh the CRM fields and map it.");
        if (!id.isEmpty())
            return tr("HubSpot already has this record (ID %1), e.g. a contact with the same e-mail. Sync "
                      "again: SyncDesk will find and update it instead of creating it.")
                .arg(id);
        return tr("HubSpot already has a record with this unique value. Sync again to match it.");
    }
    if (e.kind == CrmErrorKind::NotFound)
        return tr("The record no longer exists in HubSpot (deleted or merged). Sync again to match or "
                  "create it.");
    if (e.kind == CrmErrorKind::Validation)
        return tr("HubSpot refused the record as sent; the message says which value. Correct the value "
                  "or the mapping.");
    if (code == u"RESPONSE_LOST")
        return tr("The answer was lost, so SyncDesk cannot tell whether HubSpot carried the request out. "
                  "SyncDesk checks before repeating a create; resuming the run is safe.");
    if (code == u"BAD_RESPONSE")
        return tr("The connection dropped while the answer was being read. Try again.");
    if (e.kind == CrmErrorKind::Server)
        return tr("HubSpot had a temporary problem and SyncDesk's retries did not get through. Try again "
                  "later.");
    if (e.kind == CrmErrorKind::Network)
        return tr("HubSpot could not be reached. Check the network connection (and, for a Sandbox CRM, "
                  "that syncdesk-sandbox runs at the connection's base URL).");
    return QString();
}

// ---- Properties --------------------------------------------------------------------------------

CrmProperty HubSpotConnector::propertyFromJson(const QJsonObject& json) {
    CrmProperty p;
    p.name = json.value(QStringLiteral("name")).toString();
    p.label = json.value(QStringLiteral("label")).toString();
    p.description = json.value(QStringLiteral("description")).toString();
    p.fieldType = json.value(QStringLiteral("fieldType")).toString();
    const QString type = json.value(QStringLiteral("type")).toString();
    if (type == u"string" || type == u"phone_number")
        p.type = CrmPropertyType::String;
    else if (type == u"number")
        p.type = CrmPropertyType::Number;
    else if (type == u"bool")
        p.type = CrmPropertyType::Bool;
    else if (type == u"enumeration")
        p.type = CrmPropertyType::Enumeration;
    else if (type == u"date")
        p.type = CrmPropertyType::Date;
    else if (type == u"datetime")
        p.type = CrmPropertyType::DateTime;
    else
        p.type = CrmPropertyType::Other;
    p.multiValued = p.type == CrmPropertyType::Enumeration && p.fieldType == u"checkbox";
    const QJsonArray options = json.value(QStringLiteral("options")).toArray();
    for (const QJsonValue& v : options) {
        const QJsonObject o = v.toObject();
        p.options.append(
            {o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("label")).toString()});
    }
    p.readOnly = json.value(QStringLiteral("modificationMetadata"))
                     .toObject()
                     .value(QStringLiteral("readOnlyValue"))
                     .toBool();
    p.calculated = json.value(QStringLiteral("calculated")).toBool();
    p.unique = json.value(QStringLiteral("hasUniqueValue")).toBool();
    return p;
}

QJsonObject HubSpotConnector::propertyToJson(const CrmProperty& p, RecordObject object) {
    QString type;
    QString fieldType = p.fieldType;
    switch (p.type) {
    case CrmPropertyType::Number:
        type = str("number");
        fieldType = str("number");
        break;
    case CrmPropertyType::Bool:
        type = str("bool");
        fieldType = str("booleancheckbox");
        break;
    case CrmPropertyType::Enumeration:
        type = str("enumeration");
        if (fieldType.isEmpty() || fieldType == u"text")
            fieldType = p.multiValued ? str("checkbox") : str("select");
        break;
    case CrmPropertyType::Date:
        type = str("date");
        fieldType = str("date");
        break;
    case CrmPropertyType::DateTime:
        type = str("datetime");
        fieldType = str("date");
        break;
    default:
        type = str("string");
        if (fieldType.isEmpty() || fieldType == u"string")
            fieldType = str("text");
        break;
    }
    QJsonObject o{{QStringLiteral("name"), p.name},
                  {QStringLiteral("label"), p.label.isEmpty() ? p.name : p.label},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("fieldType"), fieldType},
                  {QStringLiteral("groupName"),
                   object == RecordObject::Company ? str("companyinformation") : str("contactinformation")}};
    if (!p.description.isEmpty())
        o.insert(QStringLiteral("description"), p.description);
    if (p.unique)
        o.insert(QStringLiteral("hasUniqueValue"), true);
    QList<CrmPropertyOption> options = p.options;
    if (p.type == CrmPropertyType::Bool && options.isEmpty())
        options = {{str("true"), tr("Yes")}, {str("false"), tr("No")}};
    if (!options.isEmpty()) {
        QJsonArray array;
        int order = 0;
        for (const CrmPropertyOption& opt : options)
            array.append(QJsonObject{{QStringLiteral("value"), opt.value},
                                     {QStringLiteral("label"), opt.label.isEmpty() ? opt.value : opt.label},
                                     {QStringLiteral("displayOrder"), order++},
                                     {QStringLiteral("hidden"), false}});
        o.insert(QStringLiteral("options"), array);
    }
    return o;
}

CrmResult<QList<CrmProperty>> HubSpotConnector::fetchProperties(RecordObject object) {
    CrmResult<QJsonObject> r =
        sendForJson(HttpRequest::get(url(QStringLiteral("/crm/v3/properties/") + objectPath(object)))
                        .setIdempotent()
                        .setDescription(QStringLiteral("properties ") + objectPath(object)));
    if (!r.ok())
        return r.error();
    QList<CrmProperty> out;
    const QJsonArray results = r.value().value(QStringLiteral("results")).toArray();
    for (const QJsonValue& v : results)
        out.append(propertyFromJson(v.toObject()));
    return out;
}

CrmResult<CrmProperty> HubSpotConnector::createProperty(RecordObject object, const CrmProperty& definition) {
    CrmResult<QJsonObject> r =
        sendForJson(HttpRequest::post(url(QStringLiteral("/crm/v3/properties/") + objectPath(object)))
                        .setJson(propertyToJson(definition, object))
                        .setDescription(QStringLiteral("create property ") + definition.name));
    if (!r.ok())
        return r.error();
    return propertyFromJson(r.value());
}

// ---- Reads -------------------------------------------------------------------------------------

CrmRecord HubSpotConnector::recordFromJson(const QJsonObject& json) {
    CrmRecord rec;
    rec.id = idText(json.value(QStringLiteral("id")));
    const QJsonObject props = json.value(QStringLiteral("properties")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        if (!it.value().isNull() && !it.value().isUndefined())
            rec.properties.insert(it.key(), it.value().toVariant().toString());
    }
    rec.createdAt =
        QDateTime::fromString(json.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    rec.updatedAt =
        QDateTime::fromString(json.value(QStringLiteral("updatedAt")).toString(), Qt::ISODateWithMs);
    return rec;
}

CrmPage HubSpotConnector::pageFromJson(const QJsonObject& json) {
    CrmPage page;
    const QJsonArray results = json.value(QStringLiteral("results")).toArray();
    for (const QJsonValue& v : results)
        page.records.append(recordFromJson(v.toObject()));
    page.nextCursor = json.value(QStringLiteral("paging"))
                          .toObject()
                          .value(QStringLiteral("next"))
                          .toObject()
                          .value(QStringLiteral("after"))
                          .toVariant()
                          .toString();
    if (json.contains(QStringLiteral("total")))
        page.total = json.value(QStringLiteral("total")).toVariant().toLongLong();
    return page;
}

CrmResult<qint64> HubSpotConnector::countRecords(RecordObject object) {
    const QJsonObject body{{QStringLiteral("filterGroups"), QJsonArray()},
                           {QStringLiteral("properties"), stringArray({QStringLiteral("hs_object_id")})},
                           {QStringLiteral("limit"), 1}};
    CrmResult<QJsonObject> r =
        sendForJson(HttpRequest::post(url(QStringLiteral("/crm/v3/objects/") + objectPath(object) +
                                          QStringLiteral("/search")))
                        .setJson(body)
                        .setIdempotent()
                        .setEndpointClass(HubSpotHttpPolicy::SearchEndpointClass)
                        .setDescription(QStringLiteral("count ") + objectPath(object)));
    if (!r.ok())
        return r.error();
    return r.value().value(QStringLiteral("total")).toVariant().toLongLong();
}

QJsonObject HubSpotConnector::domainSearchBody(const QStringList& values, const QStringList& properties,
                                               const QString& cursor) const {
    QJsonArray groups;
    const auto group = [](const QJsonObject& filter) {
        return QJsonObject{{QStringLiteral("filters"), QJsonArray{filter}}};
    };
    if (values.isEmpty()) { // the census: one group per pattern
        for (const QString& pattern : m_facts.domainCensusPatterns)
            groups.append(group(QJsonObject{{QStringLiteral("propertyName"), m_facts.domainProperty},
                                            {QStringLiteral("operator"), QStringLiteral("CONTAINS_TOKEN")},
                                            {QStringLiteral("value"), pattern}}));
    } else {
        const int perGroup =
            m_facts.domainLookup.maxValues > 0 ? m_facts.domainLookup.maxValues : int(values.size());
        for (qsizetype from = 0; from < values.size(); from += perGroup)
            groups.append(
                group(QJsonObject{{QStringLiteral("propertyName"), m_facts.domainProperty},
                                  {QStringLiteral("operator"), QStringLiteral("IN")},
                                  {QStringLiteral("values"), stringArray(values.mid(from, perGroup))}}));
    }
    QJsonObject body{
        {QStringLiteral("filterGroups"), groups},
        {QStringLiteral("properties"), stringArray(withProperty(properties, m_facts.domainProperty))},
        {QStringLiteral("limit"), m_facts.searchPageSize}};
    if (!cursor.isEmpty())
        body.insert(QStringLiteral("after"), cursor);
    return body;
}

std::optional<QList<QStringList>> HubSpotConnector::domainLookupChunks(const QStringList& keys,
                                                                       DomainPolicy policy,
                                                                       const QStringList& properties) const {
    if (m_facts.domainSearch != DomainSearchMode::ExactValues || m_facts.domainLookup.maxRequestChars <= 0)
        return CrmConnector::domainLookupChunks(keys, policy, properties);
    if (policy != DomainPolicy::Host)
        return std::nullopt; // exact values cannot find a company on a subdomain of the key
    // Sized from the JSON actually sent: a body with g groups of v values (UTF-8 lengths l_i) is
    // B(1) + (g - 1) * (B(2) - B(1)) + sum(l_i + 2) + (v - g) bytes, where B(g) is the body with g
    // empty IN filters. The paging cursor is reserved: later pages of a chunk must fit too.
    const QString cursor = QString::number(qMax(99999, m_facts.maxSearchResults));
    const auto size = [&](int groups) {
        return int(QJsonDocument(domainSearchBody(
                                     QStringList(groups * qMax(1, m_facts.domainLookup.maxValues), QString()),
                                     properties, cursor))
                       .toJson(QJsonDocument::Compact)
                       .size());
    };
    // With placeholder values "" (2 bytes and a comma each but the last of a group), B(g) follows.
    const int perGroupValues = qMax(1, m_facts.domainLookup.maxValues);
    const int full1 = size(1);
    const int b1 = full1 - (perGroupValues * 3 - 1);
    const int b2 = size(2) - 2 * (perGroupValues * 3 - 1);
    LookupLimits limits = m_facts.domainLookup;
    limits.perGroupOverheadChars = (b2 - b1) - 1;
    bool allFit = true;
    QList<QStringList> chunks = chunkExactValueLookup(
        keys, limits, m_facts.maxFilterGroups, b1 - 1,
        [](const QString& key) {
            QList<int> chars;
            for (const QString& v : domainSearchValues(key))
                chars.append(int(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).size()) - 2 + 1);
            return chars;
        },
        &allFit);
    if (!allFit)
        return std::nullopt;
    if (!keys.isEmpty())
        chunks.prepend(QStringList()); // the census
    return chunks;
}

CrmResult<CrmPage> HubSpotConnector::searchCompaniesByDomain(const QStringList& keys, DomainPolicy policy,
                                                             const QStringList& properties,
                                                             const QString& cursor) {
    if (policy != DomainPolicy::Host)
        return makeError(
            CrmErrorKind::Validation,
            tr("HubSpot's search finds exact domain values only, which cannot serve the registrable "
               "domain policy: page through all companies instead."),
            QStringLiteral("UNSUPPORTED_LOOKUP"));
    QStringList values;
    QSet<QString> seen;
    for (const QString& key : keys) {
        for (const QString& v : domainSearchValues(key)) {
            if (!seen.contains(v)) {
                seen.insert(v);
                values.append(v);
            }
        }
    }
    if (values.isEmpty() && m_facts.domainCensusPatterns.isEmpty())
        return CrmPage{};
    const int groups = values.isEmpty() ? int(m_facts.domainCensusPatterns.size())
                                        : int((values.size() + qMax(1, m_facts.domainLookup.maxValues) - 1) /
                                              qMax(1, m_facts.domainLookup.maxValues));
    if (m_facts.maxFilterGroups > 0 && groups > m_facts.maxFilterGroups)
        return makeError(CrmErrorKind::Validation,
                         tr("The search for %1 domain keys needs %2 filter groups; HubSpot takes at most %3.")
                             .arg(keys.size())
                             .arg(groups)
                             .arg(m_facts.maxFilterGroups),
                         QStringLiteral("BATCH_TOO_LARGE"));
    HttpRequest request =
        HttpRequest::post(url(QStringLiteral("/crm/v3/objects/companies/search")))
            .setJson(domainSearchBody(values, properties, cursor))
            .setIdempotent()
            .setEndpointClass(HubSpotHttpPolicy::SearchEndpointClass)
            .setDescription(values.isEmpty() ? QStringLiteral("search companies by domain (census)")
                                             : QStringLiteral("search companies by domain"));
    if (m_facts.domainLookup.maxRequestChars > 0 &&
        request.body.size() > m_facts.domainLookup.maxRequestChars)
        return makeError(CrmErrorKind::Validation,
                         tr("The search for %1 domain keys is %2 characters long; HubSpot takes at most %3.")
                             .arg(keys.size())
                             .arg(request.body.size())
                             .arg(m_facts.domainLookup.maxRequestChars),
                         QStringLiteral("BATCH_TOO_LARGE"));
    CrmResult<QJsonObject> r = sendForJson(request);
    if (!r.ok())
        return r.error();
    return pageFromJson(r.value());
}

CrmResult<CrmPage> HubSpotConnector::listRecords(RecordObject object, const QStringList& properties,
                                                 const QString& cursor) {
    QUrl u = url(QStringLiteral("/crm/v3/objects/") + objectPath(object));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_facts.listPageSize));
    if (!properties.isEmpty())
        q.addQueryItem(QStringLiteral("properties"), properties.join(u','));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("after"), cursor);
    q.addQueryItem(QStringLiteral("archived"), QStringLiteral("false"));
    u.setQuery(q);
    CrmResult<QJsonObject> r = sendForJson(
        HttpRequest::get(u).setIdempotent().setDescription(QStringLiteral("list ") + objectPath(object)));
    if (!r.ok())
        return r.error();
    return pageFromJson(r.value());
}

CrmResult<QList<CrmRecord>> HubSpotConnector::readRecords(RecordObject object, const QStringList& ids,
                                                          const QStringList& properties) {
    if (std::optional<CrmError> e = checkBatchSize(ids.size(), m_facts.maxReadBatch))
        return *e;
    if (ids.isEmpty())
        return QList<CrmRecord>();
    QJsonArray inputs;
    for (const QString& id : ids)
        inputs.append(QJsonObject{{QStringLiteral("id"), id}});
    const QJsonObject body{{QStringLiteral("inputs"), inputs},
                           {QStringLiteral("properties"), stringArray(properties)}};
    CrmResult<QJsonObject> r =
        sendForJson(HttpRequest::post(url(QStringLiteral("/crm/v3/objects/") + objectPath(object) +
                                          QStringLiteral("/batch/read")))
                        .setJson(body)
                        .setIdempotent()
                        .setDescription(QStringLiteral("read ") + objectPath(object)));
    if (!r.ok())
        return r.error();
    return pageFromJson(r.value()).records; // missing ids come back as a 207 error: simply absent
}

CrmResult<CrmPage> HubSpotConnector::findContactsByEmail(const QStringList& emails,
                                                         const QStringList& properties,
                                                         const QString& cursor) {
    if (!cursor.isEmpty())
        return CrmPage{}; // one batch read answers everything: there is no second page
    if (std::optional<CrmError> e = checkBatchSize(emails.size(), m_facts.emailLookup.maxValues))
        return *e;
    if (emails.isEmpty())
        return CrmPage{};
    QJsonArray inputs;
    for (const QString& email : emails)
        inputs.append(QJsonObject{{QStringLiteral("id"), email.trimmed().toLower()}});
    const QJsonObject body{
        {QStringLiteral("idProperty"), m_facts.emailProperty},
        {QStringLiteral("inputs"), inputs},
        {QStringLiteral("properties"), stringArray(withProperty(properties, m_facts.emailProperty))}};
    CrmResult<QJsonObject> r =
        sendForJson(HttpRequest::post(url(QStringLiteral("/crm/v3/objects/contacts/batch/read")))
                        .setJson(body)
                        .setIdempotent()
                        .setDescription(QStringLiteral("read contacts by email")));
    if (!r.ok())
        return r.error();
    CrmPage page = pageFromJson(r.value());
    page.nextCursor.clear();
    return page;
}

CrmResult<QHash<QString, QStringList>>
HubSpotConnector::readCompanyAssociations(const QStringList& contactIds) {
    if (std::optional<CrmError> e = checkBatchSize(contactIds.size(), m_facts.maxAssociationReadBatch))
        return *e;
    QHash<QString, QStringList> out;
    if (contactIds.isEmpty())
        return out;
    QJsonArray inputs;
    for (const QString& id : contactIds)
        inputs.append(QJsonObject{{QStringLiteral("id"), id}});
    CrmResult<QJsonObject> r = sendForJson(
        HttpRequest::post(url(QStringLiteral("/crm/v4/associations/contacts/companies/batch/read")))
            .setJson(QJsonObject{{QStringLiteral("inputs"), inputs}})
            .setIdempotent()
            .setDescription(QStringLiteral("read contact-company associations")));
    if (!r.ok())
        return r.error();
    const QJsonArray results = r.value().value(QStringLiteral("results")).toArray();
    for (const QJsonValue& v : results) {
        const QJsonObject o = v.toObject();
        const QString from = idText(o.value(QStringLiteral("from")).toObject().value(QStringLiteral("id")));
        QStringList& companies = out[from];
        const QJsonArray to = o.value(QStringLiteral("to")).toArray();
        for (const QJsonValue& t : to) {
            const QString id = idText(t.toObject().value(QStringLiteral("toObjectId")));
            if (!id.isEmpty() && !companies.contains(id))
                companies.append(id);
        }
    }
    // Contacts without associations come back as 207 NO_ASSOCIATIONS_FOUND errors: simply absent.
    return out;
}

// ---- Writes ------------------------------------------------------------------------------------

QJsonObject HubSpotConnector::writeInput(WriteKind kind, RecordObject object, const QString& idProperty,
                                         const CrmWriteInput& input, int index) const {
    QJsonObject properties;
    for (auto it = input.properties.constBegin(); it != input.properties.constEnd(); ++it)
        properties.insert(it.key(), it.value()); // an empty string clears the value
    QJsonObject o{{QStringLiteral("properties"), properties}};
    if (kind == WriteKind::Update || kind == WriteKind::Upsert)
        o.insert(QStringLiteral("id"), input.id);
    if (kind == WriteKind::Upsert)
        o.insert(QStringLiteral("idProperty"), idProperty);
    if (kind == WriteKind::Create && object == RecordObject::Contact && !input.companyId.isEmpty())
        o.insert(QStringLiteral("associations"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), input.companyId}}},
                     {QStringLiteral("types"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("associationCategory"), QStringLiteral("HUBSPOT_DEFINED")},
                          {QStringLiteral("associationTypeId"), ContactToCompanyAssociationTypeId}}}}}});
    if (m_options.multiStatus)
        o.insert(QStringLiteral("objectWriteTraceId"), QString::number(index));
    return o;
}

QList<CrmWriteResult> HubSpotConnector::writeResults(WriteKind kind, const QString& idProperty,
                                                     const QList<CrmWriteInput>& inputs, int httpStatus,
                                                     const QJsonObject& body) const {
    QList<CrmWriteResult> out;
    for (const CrmWriteInput& in : inputs) {
        CrmWriteResult r;
        r.ref = in.ref;
        if (kind == WriteKind::Update)
            r.id = in.id;
        out.append(r);
    }
    QList<bool> done(inputs.size(), false);
    const auto indexOfTrace = [&inputs](const QJsonValue& trace) {
        bool ok = false;
        const int i = trace.toVariant().toString().toInt(&ok);
        return ok && i >= 0 && i < inputs.size() ? i : -1;
    };
    const auto sameId = [&](int i, const QString& value) {
        return idProperty == u"email" ? inputs.at(i).id.trimmed().compare(value, Qt::CaseInsensitive) == 0
                                      : inputs.at(i).id == value;
    };

    const QJsonArray errors = body.value(QStringLiteral("errors")).toArray();
    const QJsonArray results = body.value(QStringLiteral("results")).toArray();
    int nextByOrder = 0;
    for (const QJsonValue& v : results) {
        const QJsonObject o = v.toObject();
        int i = indexOfTrace(o.value(QStringLiteral("objectWriteTraceId")));
        if (i < 0) {
            const QString id = idText(o.value(QStringLiteral("id")));
            for (int k = 0; k < inputs.size() && i < 0; ++k) {
                if (done.at(k))
                    continue;
                if (kind == WriteKind::Update && inputs.at(k).id == id)
                    i = k;
                else if (kind == WriteKind::Upsert &&
                         sameId(
                             k,
                             o.value(QStringLiteral("properties")).toObject().value(idProperty).toString()))
                    i = k;
            }
            // Creates without trace ids: HubSpot answers in input order when all succeeded.
            if (i < 0 && kind == WriteKind::Create && errors.isEmpty() && results.size() == inputs.size()) {
                while (nextByOrder < inputs.size() && done.at(nextByOrder))
                    ++nextByOrder;
                i = nextByOrder < inputs.size() ? nextByOrder : -1;
            }
        }
        if (i < 0 || done.at(i))
            continue;
        done[i] = true;
        CrmWriteResult& r = out[i];
        r.ok = true;
        r.id = idText(o.value(QStringLiteral("id")));
        r.created = kind == WriteKind::Create ||
                    (kind == WriteKind::Upsert && o.value(QStringLiteral("new")).toBool());
    }

    std::optional<CrmError> unassigned;
    for (const QJsonValue& v : errors) {
        const QJsonObject o = v.toObject();
        const QString category = o.value(QStringLiteral("category")).toString();
        const CrmError e = errorFromBody(statusForCategory(category, httpStatus), o);
        const QJsonObject context = o.value(QStringLiteral("context")).toObject();
        bool assigned = false;
        for (const QJsonValue& t : context.value(QStringLiteral("objectWriteTraceId")).toArray()) {
            const int i = indexOfTrace(t);
            if (i >= 0 && !done.at(i)) {
                out[i].error = e;
                done[i] = true;
                assigned = true;
            }
        }
        for (const QJsonValue& idValue : context.value(QStringLiteral("ids")).toArray()) {
            for (int i = 0; i < inputs.size(); ++i) {
                if (!done.at(i) && kind != WriteKind::Create && sameId(i, idValue.toString())) {
                    out[i].error = e;
                    done[i] = true;
                    assigned = true;
                }
            }
        }
        if (!assigned && !unassigned)
            unassigned = e;
    }
    for (int i = 0; i < inputs.size(); ++i) {
        if (done.at(i))
            continue;
        if (unassigned) {
            out[i].error = unassigned;
        } else {
            CrmError e =
                makeError(CrmErrorKind::Other,
                          tr("HubSpot's answer (HTTP %1) has no result for this record.").arg(httpStatus),
                          QStringLiteral("NO_RESULT"));
            e.httpStatus = httpStatus;
            out[i].error = e;
        }
    }
    return out;
}

bool HubSpotConnector::refusedAsWhole(WriteKind kind, const CrmError& error) {
    const bool status = error.httpStatus == 400 || error.httpStatus == 409 ||
                        (error.httpStatus == 404 && kind == WriteKind::Update);
    if (!status || error.kind == CrmErrorKind::DailyLimit || error.kind == CrmErrorKind::RateLimited)
        return false;
    // Errors about the request itself: splitting cannot help.
    static const char* const requestLevel[] = {"non-unique", "Too many inputs", "Invalid input JSON",
                                               "idProperty"};
    for (const char* text : requestLevel) {
        if (error.message.contains(QLatin1String(text)))
            return false;
    }
    return true;
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::writeBatch(WriteKind kind, RecordObject object,
                                                              const QString& idProperty,
                                                              const QList<CrmWriteInput>& inputs) {
    QJsonArray array;
    for (int i = 0; i < inputs.size(); ++i)
        array.append(writeInput(kind, object, idProperty, inputs.at(i), i));
    const char* op = kind == WriteKind::Create ? "create" : kind == WriteKind::Update ? "update" : "upsert";
    HttpRequest request = HttpRequest::post(url(QStringLiteral("/crm/v3/objects/") + objectPath(object) +
                                                QStringLiteral("/batch/") + QLatin1String(op)))
                              .setJson(QJsonObject{{QStringLiteral("inputs"), array}})
                              .setIdempotent(kind != WriteKind::Create)
                              .setDescription(QLatin1String(op) + u' ' + objectPath(object));
    const HttpResponse r = send(request);
    if (r.outcome == HttpOutcome::Completed && r.isSuccess()) {
        const QJsonDocument doc = r.json();
        if (!doc.isObject()) {
            // A write was (probably) carried out but its answer is unreadable: like a lost response.
            CrmError e =
                makeError(CrmErrorKind::Network,
                          tr("HubSpot's answer (HTTP %1) was cut short: the records may have been written.")
                              .arg(r.status),
                          QStringLiteral("RESPONSE_LOST"));
            e.httpStatus = r.status;
            e.hint = hintFor(e);
            return e;
        }
        return writeResults(kind, idProperty, inputs, r.status, doc.object());
    }
    const CrmError error = errorFromResponse(r);
    if (!m_options.splitFailedBatches || !refusedAsWhole(kind, error))
        return error;
    if (inputs.size() == 1) {
        CrmWriteResult one;
        one.ref = inputs.first().ref;
        if (kind == WriteKind::Update)
            one.id = inputs.first().id;
        one.error = error;
        return QList<CrmWriteResult>{one};
    }
    // Refused as a whole because of (at least) one input: nothing was written. Retry the halves.
    qCDebug(lcHubSpot) << "batch" << op << "of" << inputs.size() << "refused as a whole (" << error.category
                       << "): splitting";
    const qsizetype half = inputs.size() / 2;
    QList<CrmWriteResult> out;
    std::optional<CrmError> stop;
    for (const QList<CrmWriteInput>& part : {inputs.mid(0, half), inputs.mid(half)}) {
        if (!stop) {
            CrmResult<QList<CrmWriteResult>> sub = writeBatch(kind, object, idProperty, part);
            if (sub.ok()) {
                out.append(sub.value());
                continue;
            }
            stop = sub.error();
        }
        // A half failed as a whole for another reason (auth, limit, network): its records fail with
        // that error and the rest is not sent; the other half's results are kept (they were written).
        for (const CrmWriteInput& in : part) {
            CrmWriteResult failed;
            failed.ref = in.ref;
            if (kind == WriteKind::Update)
                failed.id = in.id;
            failed.error = stop;
            out.append(failed);
        }
    }
    if (stop && out.size() == inputs.size()) {
        bool anyWritten = false;
        for (const CrmWriteResult& w : out)
            anyWritten = anyWritten || w.ok;
        if (!anyWritten)
            return *stop;
    }
    return out;
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::write(WriteKind kind, RecordObject object,
                                                         const QString& idProperty,
                                                         const QList<CrmWriteInput>& inputs) {
    if (std::optional<CrmError> e = checkBatchSize(inputs.size(), m_facts.maxWriteBatch))
        return *e;
    if (inputs.isEmpty())
        return QList<CrmWriteResult>();
    CrmResult<QList<CrmWriteResult>> result = writeBatch(kind, object, idProperty, inputs);
    if (!result.ok() || kind != WriteKind::Upsert || object != RecordObject::Contact)
        return result;

    // Upserts carry no associations: associate the contacts that name a company (adding an
    // association that exists changes nothing, so a repeated upsert is safe).
    QList<CrmAssociationInput> links;
    QList<int> positions;
    for (int i = 0; i < inputs.size(); ++i) {
        const CrmWriteResult& w = result.value().at(i);
        if (w.ok && !inputs.at(i).companyId.isEmpty()) {
            links.append({w.ref, w.id, inputs.at(i).companyId});
            positions.append(i);
        }
    }
    if (links.isEmpty())
        return result;
    CrmResult<QList<CrmWriteResult>> associated = associate(links);
    for (int k = 0; k < positions.size(); ++k) {
        CrmWriteResult& w = result.value()[positions.at(k)];
        const std::optional<CrmError> e =
            associated.ok() ? associated.value().at(k).error : std::optional<CrmError>(associated.error());
        if (e) {
            CrmError failed = *e;
            failed.message = tr("The contact was written (ID %1) but not associated with company %2: %3")
                                 .arg(w.id, links.at(k).companyId, e->message);
            w.ok = false;
            w.error = failed;
        }
    }
    return result;
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::createRecords(RecordObject object,
                                                                 const QList<CrmWriteInput>& inputs) {
    return write(WriteKind::Create, object, QString(), inputs);
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::updateRecords(RecordObject object,
                                                                 const QList<CrmWriteInput>& inputs) {
    return write(WriteKind::Update, object, QString(), inputs);
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::upsertRecords(RecordObject object,
                                                                 const QString& idProperty,
                                                                 const QList<CrmWriteInput>& inputs) {
    if (idProperty.isEmpty())
        return makeError(CrmErrorKind::Validation, tr("An upsert needs a unique property to match on."));
    return write(WriteKind::Upsert, object, idProperty, inputs);
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::archiveRecords(RecordObject object,
                                                                  const QStringList& ids) {
    if (std::optional<CrmError> e = checkBatchSize(ids.size(), m_facts.maxWriteBatch))
        return *e;
    QList<CrmWriteResult> out;
    if (ids.isEmpty())
        return out;
    QJsonArray inputs;
    for (const QString& id : ids)
        inputs.append(QJsonObject{{QStringLiteral("id"), id}});
    CrmResult<QJsonObject> r =
        sendForJson(HttpRequest::post(url(QStringLiteral("/crm/v3/objects/") + objectPath(object) +
                                          QStringLiteral("/batch/archive")))
                        .setJson(QJsonObject{{QStringLiteral("inputs"), inputs}})
                        .setIdempotent() // archiving twice changes nothing
                        .setDescription(QStringLiteral("archive ") + objectPath(object)));
    if (!r.ok())
        return r.error();
    for (const QString& id : ids) {
        CrmWriteResult w;
        w.ref = id;
        w.id = id;
        w.ok = true;
        out.append(w);
    }
    return out;
}

CrmResult<QList<CrmWriteResult>> HubSpotConnector::associate(const QList<CrmAssociationInput>& inputs) {
    if (std::optional<CrmError> e = checkBatchSize(inputs.size(), m_facts.maxWriteBatch))
        return *e;
    QList<CrmWriteResult> out;
    if (inputs.isEmpty())
        return out;
    QJsonArray array;
    for (const CrmAssociationInput& in : inputs)
        array.append(QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), in.contactId}}},
                                 {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), in.companyId}}}});
    CrmResult<QJsonObject> r = sendForJson(
        HttpRequest::post(
            url(QStringLiteral("/crm/v4/associations/contacts/companies/batch/associate/default")))
            .setJson(QJsonObject{{QStringLiteral("inputs"), array}})
            .setIdempotent() // adding an association that exists changes nothing
            .setDescription(QStringLiteral("associate contacts with companies")));
    if (!r.ok())
        return r.error();
    QSet<QString> linked; // "contact>company" pairs HubSpot confirmed
    const QJsonArray results = r.value().value(QStringLiteral("results")).toArray();
    for (const QJsonValue& v : results) {
        const QJsonObject o = v.toObject();
        linked.insert(idText(o.value(QStringLiteral("from")).toObject().value(QStringLiteral("id"))) + u'>' +
                      idText(o.value(QStringLiteral("to")).toObject().value(QStringLiteral("id"))));
    }
    QList<std::pair<QStringList, CrmError>> errors;
    const QJsonArray errorArray = r.value().value(QStringLiteral("errors")).toArray();
    for (const QJsonValue& v : errorArray) {
        const QJsonObject o = v.toObject();
        QStringList ids;
        for (const QJsonValue& id :
             o.value(QStringLiteral("context")).toObject().value(QStringLiteral("ids")).toArray())
            ids.append(idText(id));
        errors.append(
            {ids, errorFromBody(statusForCategory(o.value(QStringLiteral("category")).toString(), 400), o)});
    }
    for (const CrmAssociationInput& in : inputs) {
        CrmWriteResult w;
        w.ref = in.ref;
        w.id = in.contactId;
        w.ok = linked.contains(in.contactId + u'>' + in.companyId);
        if (!w.ok) {
            for (const auto& [ids, e] : errors) {
                if (ids.contains(in.contactId) || ids.contains(in.companyId)) {
                    w.error = e;
                    break;
                }
            }
            if (!w.error) {
                CrmError e = errors.isEmpty() ? makeError(CrmErrorKind::Other,
                                                          tr("HubSpot did not confirm this association."),
                                                          QStringLiteral("NO_RESULT"))
                                              : errors.first().second;
                w.error = e;
            }
        }
        out.append(w);
    }
    return out;
}

// ---- Connection test -----------------------------------------------------------------------------

QList<ConnectionTestResult::Check> HubSpotConnector::scopeChecks() {
    using Check = ConnectionTestResult::Check;
    return {
        Check{str("crm.objects.companies.read"), true, false, tr("find and read companies")},
        Check{str("crm.objects.companies.write"), true, false, tr("create and update companies")},
        Check{str("crm.objects.contacts.read"), true, false, tr("find and read contacts")},
        Check{str("crm.objects.contacts.write"), true, false,
              tr("create and update contacts and their company associations")},
        Check{str("crm.schemas.companies.read"), true, false,
              tr("read the company properties for the mapping")},
        Check{str("crm.schemas.contacts.read"), true, false,
              tr("read the contact properties for the mapping")},
        Check{str("crm.schemas.companies.write"), false, false,
              tr("create company properties (the syncdesk_id property, \"Create missing fields\")")},
        Check{str("crm.schemas.contacts.write"), false, false,
              tr("create contact properties (the syncdesk_id property, \"Create missing fields\")")},
    };
}

ConnectionTestResult HubSpotConnector::testConnection() {
    ConnectionTestResult result;
    result.checks = scopeChecks();
    const int before = m_requests;
    for (ConnectionTestResult::Check& check : result.checks) {
        // crm.<objects|schemas>.<companies|contacts>.<read|write>
        const QStringList parts = check.scope.split(u'.');
        const QString& kind = parts.at(1);
        const QString& object = parts.at(2);
        const bool write = parts.at(3) == u"write";
        HttpRequest request;
        if (kind == u"objects" && !write) {
            QUrl u = url(QStringLiteral("/crm/v3/objects/") + object);
            u.setQuery(QStringLiteral("limit=1"));
            request = HttpRequest::get(u);
        } else if (kind == u"objects") {
            // An empty batch update: answered 200 (nothing to do) or 403 MISSING_SCOPES.
            request = HttpRequest::post(
                          url(QStringLiteral("/crm/v3/objects/") + object + QStringLiteral("/batch/update")))
                          .setJson(QJsonObject{{QStringLiteral("inputs"), QJsonArray()}});
        } else if (!write) {
            request = HttpRequest::get(url(QStringLiteral("/crm/v3/properties/") + object));
        } else {
            // An empty definition: refused with 400 (nothing created) or 403 MISSING_SCOPES.
            request =
                HttpRequest::post(url(QStringLiteral("/crm/v3/properties/") + object)).setJson(QJsonObject());
        }
        request.setIdempotent().setDescription(QStringLiteral("connection test: ") + check.scope);
        const HttpResponse r = send(request);
        if (r.outcome == HttpOutcome::Completed && r.status == 403) {
            const CrmError e = errorFromResponse(r);
            if (e.category == u"MISSING_SCOPES") {
                check.granted = false;
                continue;
            }
            result.error = e; // another 403 (e.g. a locked account)
            break;
        }
        if (r.outcome != HttpOutcome::Completed || r.status == 401 || r.status == 429 || r.status >= 500) {
            result.error = errorFromResponse(r);
            break;
        }
        check.granted = true; // 2xx, or a 400 about the (deliberately empty) body
    }
    result.requests = m_requests - before;
    return result;
}

} // namespace syncdesk
