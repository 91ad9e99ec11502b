#pragma once

#include "core/connectors/CrmError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace syncdesk {

// Which CRM a connection talks to. The Sandbox CRM speaks HubSpot's dialect (property names,
// batch and search limits), so everything that depends on the dialect asks usesHubSpotDialect().
enum class CrmKind { HubSpot, Salesforce, Sandbox };

QString crmKindName(CrmKind kind);                        // "hubspot" / "salesforce" / "sandbox"
std::optional<CrmKind> parseCrmKind(const QString& name); // case-insensitive
QString crmKindLabel(CrmKind kind); // "HubSpot", "Salesforce", "Sandbox CRM" (translated)
inline bool usesHubSpotDialect(CrmKind kind) {
    return kind != CrmKind::Salesforce;
}

// The value type of a CRM property, as the engine needs to know it. The vendor's own sub-type
// (HubSpot `fieldType`, Salesforce describe `type`) stays in CrmProperty::fieldType.
enum class CrmPropertyType {
    String, // HubSpot string (text, textarea, html, phonenumber, file); Salesforce string, textarea, url,
            // email, phone
    Number, // HubSpot number; Salesforce int, double, currency, percent, long
    Bool,   // HubSpot bool; Salesforce boolean
    Enumeration, // HubSpot enumeration; Salesforce picklist, multipicklist
    Date,        // date only
    DateTime,    // HubSpot datetime; Salesforce datetime
    Reference,   // Salesforce reference / id: not a mapping target
    Other,       // anything else (address, location, base64, ...): not a mapping target
};

QString crmPropertyTypeName(CrmPropertyType type); // "string", "number", ...
std::optional<CrmPropertyType> parseCrmPropertyType(const QString& name);

struct CrmPropertyOption {
    QString value; // what is written through the API (case-sensitive)
    QString label; // what people see
    bool operator==(const CrmPropertyOption&) const = default;
};

// One property (HubSpot) or field (Salesforce) of a CRM object, as the schema fetch returns it.
// Also used as the definition of a property to create ("Create missing fields").
struct CrmProperty {
    QString name;  // API name: "domain", "Website", "syncdesk_industry", "Industry_SyncDesk__c"
    QString label; // "Company domain name"
    CrmPropertyType type = CrmPropertyType::String;
    QString
        fieldType; // vendor sub-type: HubSpot fieldType ("text", "select", ...), Salesforce type ("url", ...)
    QList<CrmPropertyOption> options;
    bool multiValued = false; // HubSpot checkbox enumeration, Salesforce multipicklist: values joined by ';'
    bool readOnly = false;    // HubSpot modificationMetadata.readOnlyValue; Salesforce !updateable
    bool calculated = false;  // HubSpot calculated; Salesforce calculated (formula)
    bool unique = false;      // HubSpot hasUniqueValue; Salesforce unique external id
    bool requiredOnCreate = false; // Salesforce !nillable && createable && !defaultedOnCreate (Account.Name)
    int maxLength = 0;             // characters; 0 = not known / unlimited
    QString description;

    bool isWritable() const { return !readOnly && !calculated; }
    bool hasOption(const QString& value) const;
    bool operator==(const CrmProperty&) const = default;
};

// Canonical property values: every value is a string, as on HubSpot's wire. Empty = no value
// (a connector reads null/missing as empty and writes empty as its "clear" form). Numbers use
// '.' and no grouping, booleans "true"/"false", dates "yyyy-MM-dd", date-times ISO 8601 UTC,
// multi-valued enumerations their option values joined by ';'.
using CrmValues = QMap<QString, QString>;

// One CRM record as a lookup returns it.
struct CrmRecord {
    QString id;
    CrmValues properties; // only the properties asked for
    QDateTime createdAt;  // to choose "the oldest" among ambiguous candidates
    QDateTime updatedAt;

    QString value(const QString& property) const { return properties.value(property); }
};

// One page of a paged read. nextCursor is empty on the last page. total is the CRM's own count
// when the response carries one, else -1.
struct CrmPage {
    QList<CrmRecord> records;
    QString nextCursor;
    qint64 total = -1;
};

// One record of a batch write. `ref` is the caller's opaque key (e.g. "company:42") and comes back
// in the result; connectors may use it as HubSpot's objectWriteTraceId.
struct CrmWriteInput {
    QString ref;
    QString id;           // update: the CRM id; upsert: the unique-id property's value; create: empty
    CrmValues properties; // canonical values; empty string clears
    QString companyId;    // create of a contact only: associate with this company at create time
};

struct CrmWriteResult {
    QString ref;
    bool ok = false;
    QString id;           // the CRM id of the record written
    bool created = false; // upsert: the record was new; create: always true on success
    std::optional<CrmError> error;
};

// Associate a contact with a company (HubSpot v4 default association; Salesforce sets AccountId).
struct CrmAssociationInput {
    QString ref;
    QString contactId;
    QString companyId;
};

// The outcome of one request: a value or the CRM's error. Whole-request failures (authentication,
// rate or daily limit, network, a batch refused as a whole) come back here; per-record failures of a
// batch come back inside the value (CrmWriteResult::error).
template <typename T> class CrmResult {
public:
    CrmResult(T value)
        : m_v(std::move(value)) {}
    CrmResult(CrmError error)
        : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    const T& value() const { return std::get<T>(m_v); }
    T& value() { return std::get<T>(m_v); }
    const CrmError& error() const { return std::get<CrmError>(m_v); }

private:
    std::variant<T, CrmError> m_v;
};

} // namespace syncdesk
