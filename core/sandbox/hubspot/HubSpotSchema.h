// HubSpot's object types and property definitions as the sandbox knows them: the built-in
// properties of companies and contacts (names, types, groups, options, read-only flags as HubSpot
// reports them) and the validation every write goes through.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdesk::sandbox::hubspot {

namespace ObjectTypes {
inline const QString companies = QStringLiteral("companies");
inline const QString contacts = QStringLiteral("contacts");
QStringList all();
// "companies", "company", "COMPANY", "0-2" -> "companies"; unknown -> empty.
QString normalize(const QString& name);
QString typeId(const QString& objectType);        // "0-2" / "0-1"
QString singularUpper(const QString& objectType); // "COMPANY" / "CONTACT"
QString singular(const QString& objectType);      // "company" / "contact"
} // namespace ObjectTypes

struct HubSpotOption {
    QString label;
    QString value;
    QString description;
    int displayOrder = 0;
    bool hidden = false;

    QJsonObject toJson() const;
    static HubSpotOption fromJson(const QJsonObject& o);
};

struct HubSpotProperty {
    QString name;
    QString label;
    QString type; // string number date datetime enumeration bool phone_number
    QString
        fieldType; // text textarea html phonenumber file number booleancheckbox select radio checkbox date
    QString groupName;
    QString description;
    QList<HubSpotOption> options;
    int displayOrder = -1;
    bool hasUniqueValue = false;
    bool hidden = false;
    bool formField = false;
    bool calculated = false;
    bool externalOptions = false;
    bool hubspotDefined = false;
    bool readOnlyValue = false;
    bool readOnlyDefinition = false;
    bool archivable = true;
    bool archived = false;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 archivedAtMs = 0;

    QJsonObject toJson() const;      // HubSpot's Property shape
    QJsonObject toStateJson() const; // for the state file
    static HubSpotProperty fromStateJson(const QJsonObject& o);
    bool isEnumeration() const { return type == u"enumeration" || type == u"bool"; }
};

struct HubSpotPropertyGroup {
    QString name;
    QString label;
    int displayOrder = -1;
    QJsonObject toJson() const;
};

// One invalid property value, reported the way HubSpot does inside "Property values were not valid".
struct PropertyValueError {
    QString name;
    QString error; // PROPERTY_DOESNT_EXIST, READ_ONLY_VALUE, INVALID_OPTION, INVALID_EMAIL, ...
    QString message;
};

namespace Schema {
QList<HubSpotProperty> builtinProperties(const QString& objectType);
QList<HubSpotPropertyGroup> builtinGroups(const QString& objectType);
// Properties returned when a request names none.
QStringList defaultReturnedProperties(const QString& objectType);
// Properties returned even when a request names others.
QStringList alwaysReturnedProperties(const QString& objectType);
// Allowed fieldTypes for a property type.
QStringList fieldTypesFor(const QString& type);
QString lastModifiedProperty(const QString& objectType); // hs_lastmodifieddate / lastmodifieddate
// Checks and normalises `value` for `property` (empty always clears). Dates become YYYY-MM-DD,
// datetimes ISO 8601 UTC, booleans lower case, e-mail addresses lower case.
std::optional<PropertyValueError> normalizeValue(const HubSpotProperty& property, QString& value);
bool isValidEmail(const QString& email);
} // namespace Schema

} // namespace syncdesk::sandbox::hubspot
