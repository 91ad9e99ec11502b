#include "core/sandbox/hubspot/HubSpotSchema.h"

#include "core/sandbox/SandboxHttp.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace syncdesk::sandbox::hubspot {

namespace ObjectTypes {

QStringList all() {
    return {companies, contacts};
}

QString normalize(const QString& name) {
    const QString n = name.toLower();
    if (n == u"companies" || n == u"company" || n == u"0-2")
        return companies;
    if (n == u"contacts" || n == u"contact" || n == u"0-1")
        return contacts;
    return {};
}

QString typeId(const QString& objectType) {
    return objectType == companies ? QStringLiteral("0-2") : QStringLiteral("0-1");
}

QString singularUpper(const QString& objectType) {
    return objectType == companies ? QStringLiteral("COMPANY") : QStringLiteral("CONTACT");
}

QString singular(const QString& objectType) {
    return objectType == companies ? QStringLiteral("company") : QStringLiteral("contact");
}

} // namespace ObjectTypes

QJsonObject HubSpotOption::toJson() const {
    QJsonObject o{{QStringLiteral("label"), label},
                  {QStringLiteral("value"), value},
                  {QStringLiteral("displayOrder"), displayOrder},
                  {QStringLiteral("hidden"), hidden}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

HubSpotOption HubSpotOption::fromJson(const QJsonObject& o) {
    HubSpotOption option;
    option.label = o.value(QStringLiteral("label")).toString();
    option.value = o.value(QStringLiteral("value")).toString();
    option.description = o.value(QStringLiteral("description")).toString();
    option.displayOrder = o.value(QStringLiteral("displayOrder")).toInt(0);
    option.hidden = o.value(QStringLiteral("hidden")).toBool(false);
    return option;
}

QJsonObject HubSpotProperty::toJson() const {
    QJsonArray optionArray;
    for (const HubSpotOption& option : options)
        optionArray.append(option.toJson());
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("label"), label},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("fieldType"), fieldType},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("groupName"), groupName},
                  {QStringLiteral("options"), optionArray},
                  {QStringLiteral("displayOrder"), displayOrder},
                  {QStringLiteral("calculated"), calculated},
                  {QStringLiteral("externalOptions"), externalOptions},
                  {QStringLiteral("hasUniqueValue"), hasUniqueValue},
                  {QStringLiteral("hidden"), hidden},
                  {QStringLiteral("formField"), formField},
                  {QStringLiteral("dataSensitivity"), QStringLiteral("non_sensitive")},
                  {QStringLiteral("createdAt"), isoTimestamp(createdAtMs)},
                  {QStringLiteral("updatedAt"), isoTimestamp(updatedAtMs)},
                  {QStringLiteral("archived"), archived},
                  {QStringLiteral("modificationMetadata"),
                   QJsonObject{{QStringLiteral("archivable"), archivable},
                               {QStringLiteral("readOnlyDefinition"), readOnlyDefinition},
                               {QStringLiteral("readOnlyValue"), readOnlyValue}}}};
    if (hubspotDefined)
        o.insert(QStringLiteral("hubspotDefined"), true);
    if (archived)
        o.insert(QStringLiteral("archivedAt"), isoTimestamp(archivedAtMs));
    return o;
}

QJsonObject HubSpotProperty::toStateJson() const {
    QJsonObject o = toJson();
    o.insert(QStringLiteral("createdAtMs"), createdAtMs);
    o.insert(QStringLiteral("updatedAtMs"), updatedAtMs);
    o.insert(QStringLiteral("archivedAtMs"), archivedAtMs);
    return o;
}

HubSpotProperty HubSpotProperty::fromStateJson(const QJsonObject& o) {
    HubSpotProperty p;
    p.name = o.value(QStringLiteral("name")).toString();
    p.label = o.value(QStringLiteral("label")).toString();
    p.type = o.value(QStringLiteral("type")).toString();
    p.fieldType = o.value(QStringLiteral("fieldType")).toString();
    p.groupName = o.value(QStringLiteral("groupName")).toString();
    p.description = o.value(QStringLiteral("description")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("options")).toArray())
        p.options.append(HubSpotOption::fromJson(v.toObject()));
    p.displayOrder = o.value(QStringLiteral("displayOrder")).toInt(-1);
    p.hasUniqueValue = o.value(QStringLiteral("hasUniqueValue")).toBool();
    p.hidden = o.value(QStringLiteral("hidden")).toBool();
    p.formField = o.value(QStringLiteral("formField")).toBool();
    p.calculated = o.value(QStringLiteral("calculated")).toBool();
    p.externalOptions = o.value(QStringLiteral("externalOptions")).toBool();
    const QJsonObject meta = o.value(QStringLiteral("modificationMetadata")).toObject();
    p.readOnlyValue = meta.value(QStringLiteral("readOnlyValue")).toBool();
    p.readOnlyDefinition = meta.value(QStringLiteral("readOnlyDefinition")).toBool();
    p.archivable = meta.value(QStringLiteral("archivable")).toBool(true);
    p.archived = o.value(QStringLiteral("archived")).toBool();
    p.createdAtMs = o.value(QStringLiteral("createdAtMs")).toInteger();
    p.updatedAtMs = o.value(QStringLiteral("updatedAtMs")).toInteger();
    p.archivedAtMs = o.value(QStringLiteral("archivedAtMs")).toInteger();
    return p;
}

QJsonObject HubSpotPropertyGroup::toJson() const {
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("label"), label},
                       {QStringLiteral("displayOrder"), displayOrder},
                       {QStringLiteral("archived"), false}};
}

namespace {

constexpr qint64 kBuiltinCreatedMs = 1565059312000; // 2019-08-06T02:41:52Z

HubSpotProperty builtin(const char* name, const char* label, const char* type, const char* fieldType,
                        const QString& group, const char* description = "") {
    HubSpotProperty p;
    p.name = QLatin1String(name);
    p.label = QLatin1String(label);
    p.type = QLatin1String(type);
    p.fieldType = QLatin1String(fieldType);
    p.groupName = group;
    p.description = QLatin1String(description);
    p.hubspotDefined = true;
    p.readOnlyDefinition = true;
    p.formField = p.type != u"datetime";
    p.createdAtMs = kBuiltinCreatedMs;
    p.updatedAtMs = kBuiltinCreatedMs;
    return p;
}

HubSpotProperty readOnly(HubSpotProperty p, bool calculated = false) {
    p.readOnlyValue = true;
    p.archivable = false;
    p.formField = false;
    p.calculated = calculated;
    return p;
}

HubSpotProperty withOptions(HubSpotProperty p, const QList<QPair<QString, QString>>& valueLabels) {
    int order = 0;
    for (const auto& [value, label] : valueLabels)
        p.options.append(HubSpotOption{label, value, QString(), order++, false});
    return p;
}

QString titleCase(const QString& upperSnake) {
    QStringList words = upperSnake.toLower().split(u'_', Qt::SkipEmptyParts);
    for (QString& w : words)
        w[0] = w[0].toUpper();
    return words.join(u' ');
}

QList<QPair<QString, QString>> industryOptions() {
    static const char* const kIndustries[] = {"ACCOUNTING",
                                              "AIRLINES_AVIATION",
                                              "ALTERNATIVE_DISPUTE_RESOLUTION",
                                              "ALTERNATIVE_MEDICINE",
                                              "ANIMATION",
                                              "APPAREL_FASHION",
                                              "ARCHITECTURE_PLANNING",
                                              "ARTS_AND_CRAFTS",
                                              "AUTOMOTIVE",
                                              "AVIATION_AEROSPACE",
                                              "BANKING",
                                              "BIOTECHNOLOGY",
                                              "BROADCAST_MEDIA",
                                              "BUILDING_MATERIALS",
                                              "BUSINESS_SUPPLIES_AND_EQUIPMENT",
                                              "CAPITAL_MARKETS",
                                              "CHEMICALS",
                                              "CIVIC_SOCIAL_ORGANIZATION",
                                              "CIVIL_ENGINEERING",
                                              "COMMERCIAL_REAL_ESTATE",
                                              "COMPUTER_NETWORK_SECURITY",
                                              "COMPUTER_GAMES",
                                              "COMPUTER_HARDWARE",
                                              "COMPUTER_NETWORKING",
                                              "COMPUTER_SOFTWARE",
                                              "INTERNET",
                                              "CONSTRUCTION",
                                              "CONSUMER_ELECTRONICS",
                                              "CONSUMER_GOODS",
                                              "CONSUMER_SERVICES",
                                              "COSMETICS",
                                              "DAIRY",
                                              "DEFENSE_SPACE",
                                              "DESIGN",
                                              "EDUCATION_MANAGEMENT",
                                              "E_LEARNING",
                                              "ELECTRICAL_ELECTRONIC_MANUFACTURING",
                                              "ENTERTAINMENT",
                                              "ENVIRONMENTAL_SERVICES",
                                              "EVENTS_SERVICES",
                                              "EXECUTIVE_OFFICE",
                                              "FACILITIES_SERVICES",
                                              "FARMING",
                                              "FINANCIAL_SERVICES",
                                              "FINE_ART",
                                              "FISHERY",
                                              "FOOD_BEVERAGES",
                                              "FOOD_PRODUCTION",
                                              "FUND_RAISING",
                                              "FURNITURE",
                                              "GAMBLING_CASINOS",
                                              "GLASS_CERAMICS_CONCRETE",
                                              "GOVERNMENT_ADMINISTRATION",
                                              "GOVERNMENT_RELATIONS",
                                              "GRAPHIC_DESIGN",
                                              "HEALTH_WELLNESS_AND_FITNESS",
                                              "HIGHER_EDUCATION",
                                              "HOSPITAL_HEALTH_CARE",
                                              "HOSPITALITY",
                                              "HUMAN_RESOURCES",
                                              "IMPORT_AND_EXPORT",
                                              "INDIVIDUAL_FAMILY_SERVICES",
                                              "INDUSTRIAL_AUTOMATION",
                                              "INFORMATION_SERVICES",
                                              "INFORMATION_TECHNOLOGY_AND_SERVICES",
                                              "INSURANCE",
                                              "INTERNATIONAL_AFFAIRS",
                                              "INTERNATIONAL_TRADE_AND_DEVELOPMENT",
                                              "INVESTMENT_BANKING",
                                              "INVESTMENT_MANAGEMENT",
                                              "JUDICIARY",
                                              "LAW_ENFORCEMENT",
                                              "LAW_PRACTICE",
                                              "LEGAL_SERVICES",
                                              "LEGISLATIVE_OFFICE",
                                              "LEISURE_TRAVEL_TOURISM",
                                              "LIBRARIES",
                                              "LOGISTICS_AND_SUPPLY_CHAIN",
                                              "LUXURY_GOODS_JEWELRY",
                                              "MACHINERY",
                                              "MANAGEMENT_CONSULTING",
                                              "MARITIME",
                                              "MARKET_RESEARCH",
                                              "MARKETING_AND_ADVERTISING",
                                              "MECHANICAL_OR_INDUSTRIAL_ENGINEERING",
                                              "MEDIA_PRODUCTION",
                                              "MEDICAL_DEVICES",
                                              "MEDICAL_PRACTICE",
                                              "MENTAL_HEALTH_CARE",
                                              "MILITARY",
                                              "MINING_METALS",
                                              "MOBILE_GAMES",
                                              "MOTION_PICTURES_AND_FILM",
                                              "MUSEUMS_AND_INSTITUTIONS",
                                              "MUSIC",
                                              "NANOTECHNOLOGY",
                                              "NEWSPAPERS",
                                              "NON_PROFIT_ORGANIZATION_MANAGEMENT",
                                              "OIL_ENERGY",
                                              "ONLINE_MEDIA",
                                              "OUTSOURCING_OFFSHORING",
                                              "PACKAGE_FREIGHT_DELIVERY",
                                              "PACKAGING_AND_CONTAINERS",
                                              "PAPER_FOREST_PRODUCTS",
                                              "PERFORMING_ARTS",
                                              "PHARMACEUTICALS",
                                              "PHILANTHROPY",
                                              "PHOTOGRAPHY",
                                              "PLASTICS",
                                              "POLITICAL_ORGANIZATION",
                                              "PRIMARY_SECONDARY_EDUCATION",
                                              "PRINTING",
                                              "PROFESSIONAL_TRAINING_COACHING",
                                              "PROGRAM_DEVELOPMENT",
                                              "PUBLIC_POLICY",
                                              "PUBLIC_RELATIONS_AND_COMMUNICATIONS",
                                              "PUBLIC_SAFETY",
                                              "PUBLISHING",
                                              "RAILROAD_MANUFACTURE",
                                              "RANCHING",
                                              "REAL_ESTATE",
                                              "RECREATIONAL_FACILITIES_AND_SERVICES",
                                              "RELIGIOUS_INSTITUTIONS",
                                              "RENEWABLES_ENVIRONMENT",
                                              "RESEARCH",
                                              "RESTAURANTS",
                                              "RETAIL",
                                              "SECURITY_AND_INVESTIGATIONS",
                                              "SEMICONDUCTORS",
                                              "SHIPBUILDING",
                                              "SPORTING_GOODS",
                                              "SPORTS",
                                              "STAFFING_AND_RECRUITING",
                                              "SUPERMARKETS",
                                              "TELECOMMUNICATIONS",
                                              "TEXTILES",
                                              "THINK_TANKS",
                                              "TOBACCO",
                                              "TRANSLATION_AND_LOCALIZATION",
                                              "TRANSPORTATION_TRUCKING_RAILROAD",
                                              "UTILITIES",
                                              "VENTURE_CAPITAL_PRIVATE_EQUITY",
                                              "VETERINARY",
                                              "WAREHOUSING",
                                              "WHOLESALE",
                                              "WINE_AND_SPIRITS",
                                              "WIRELESS",
                                              "WRITING_AND_EDITING"};
    QList<QPair<QString, QString>> out;
    for (const char* industry : kIndustries)
        out.append({QLatin1String(industry), titleCase(QLatin1String(industry))});
    return out;
}

QList<QPair<QString, QString>> lifecycleOptions() {
    return {{QStringLiteral("subscriber"), QStringLiteral("Subscriber")},
            {QStringLiteral("lead"), QStringLiteral("Lead")},
            {QStringLiteral("marketingqualifiedlead"), QStringLiteral("Marketing Qualified Lead")},
            {QStringLiteral("salesqualifiedlead"), QStringLiteral("Sales Qualified Lead")},
            {QStringLiteral("opportunity"), QStringLiteral("Opportunity")},
            {QStringLiteral("customer"), QStringLiteral("Customer")},
            {QStringLiteral("evangelist"), QStringLiteral("Evangelist")},
            {QStringLiteral("other"), QStringLiteral("Other")}};
}

QList<HubSpotProperty> makeCompanyProperties() {
    const QString info = QStringLiteral("companyinformation");
    const QString social = QStringLiteral("socialmediainformation");
    const QString activity = QStringLiteral("company_activity");
    QList<HubSpotProperty> list{
        builtin("name", "Company name", "string", "text", info, "The name of the company or organization."),
        builtin("domain", "Company Domain Name", "string", "text", info,
                "The domain name of the company or organization"),
        builtin("website", "Website URL", "string", "text", info,
                "The main website of the company or organization."),
        withOptions(builtin("industry", "Industry", "enumeration", "select", info,
                            "The type of business the company performs."),
                    industryOptions()),
        builtin("numberofemployees", "Number of Employees", "number", "number", info,
                "The total number of employees who work for the company or organization."),
        builtin("annualrevenue", "Annual Revenue", "number", "number", info,
                "The actual or estimated annual revenue of the company."),
        builtin("phone", "Phone Number", "string", "phonenumber", info, "A company's primary phone number."),
        builtin("address", "Street Address", "string", "text", info),
        builtin("address2", "Street Address 2", "string", "text", info),
        builtin("city", "City", "string", "text", info),
        builtin("state", "State/Region", "string", "text", info),
        builtin("zip", "Postal Code", "string", "text", info),
        builtin("country", "Country/Region", "string", "text", info),
        builtin("description", "Description", "string", "textarea", info,
                "A short statement about the company's mission and goals."),
        builtin("founded_year", "Year Founded", "string", "text", info),
        builtin("linkedin_company_page", "LinkedIn Company Page", "string", "text", social),
        builtin("twitterhandle", "Twitter Handle", "string", "text", social),
        withOptions(builtin("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", info),
                    lifecycleOptions()),
        withOptions(builtin("type", "Type", "enumeration", "select", info,
                            "The optional classification of this company record."),
                    {{QStringLiteral("PROSPECT"), QStringLiteral("Prospect")},
                     {QStringLiteral("PARTNER"), QStringLiteral("Partner")},
                     {QStringLiteral("RESELLER"), QStringLiteral("Reseller")},
                     {QStringLiteral("VENDOR"), QStringLiteral("Vendor")},
                     {QStringLiteral("OTHER"), QStringLiteral("Other")}}),
        readOnly(builtin("hs_object_id", "Record ID", "number", "number", info,
                         "The unique ID for this record. This value is set automatically by HubSpot.")),
        readOnly(builtin("createdate", "Create Date", "datetime", "date", info,
                         "The date the company was added to your account")),
        readOnly(builtin("hs_lastmodifieddate", "Last Modified Date", "datetime", "date", info,
                         "Most recent timestamp of any property update for this company."),
                 true),
        readOnly(builtin("num_associated_contacts", "Number of Associated Contacts", "number", "number",
                         activity, "The number of contacts associated with this company"),
                 true),
    };
    return list;
}

QList<HubSpotProperty> makeContactProperties() {
    const QString info = QStringLiteral("contactinformation");
    HubSpotProperty email = builtin("email", "Email", "string", "text", info, "A contact's email address");
    // HubSpot reports hasUniqueValue=false for email even though it enforces uniqueness on it.
    QList<HubSpotProperty> list{
        email,
        builtin("firstname", "First Name", "string", "text", info, "A contact's first name"),
        builtin("lastname", "Last Name", "string", "text", info, "A contact's last name"),
        builtin("jobtitle", "Job Title", "string", "text", info, "A contact's job title"),
        builtin("phone", "Phone Number", "string", "phonenumber", info, "A contact's primary phone number"),
        builtin("mobilephone", "Mobile Phone Number", "string", "phonenumber", info),
        builtin("company", "Company Name", "string", "text", info,
                "Name of the contact's company. This can be set independently from the name property on the "
                "contact's associated company."),
        builtin("website", "Website URL", "string", "text", info),
        builtin("address", "Street Address", "string", "text", info),
        builtin("city", "City", "string", "text", info),
        builtin("state", "State/Region", "string", "text", info),
        builtin("zip", "Postal Code", "string", "text", info),
        builtin("country", "Country/Region", "string", "text", info),
        withOptions(builtin("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", info),
                    lifecycleOptions()),
        readOnly(builtin("hs_object_id", "Record ID", "number", "number", info,
                         "The unique ID for this record. This value is set automatically by HubSpot.")),
        readOnly(builtin("createdate", "Create Date", "datetime", "date", info,
                         "The date that a contact entered the system")),
        readOnly(builtin("lastmodifieddate", "Last Modified Date", "datetime", "date", info,
                         "Most recent timestamp of any property update for this contact."),
                 true),
        readOnly(builtin("hs_lastmodifieddate", "Object last modified date/time", "datetime", "date", info,
                         "Most recent timestamp of any property update for this object."),
                 true),
    };
    return list;
}

bool isMidnightUtc(qint64 ms) {
    return ((ms % 86400000) + 86400000) % 86400000 == 0;
}

} // namespace

namespace Schema {

QList<HubSpotProperty> builtinProperties(const QString& objectType) {
    static const QList<HubSpotProperty> companies = makeCompanyProperties();
    static const QList<HubSpotProperty> contacts = makeContactProperties();
    return objectType == ObjectTypes::companies ? companies : contacts;
}

QList<HubSpotPropertyGroup> builtinGroups(const QString& objectType) {
    if (objectType == ObjectTypes::companies)
        return {{QStringLiteral("companyinformation"), QStringLiteral("Company information"), 0},
                {QStringLiteral("company_activity"), QStringLiteral("Company activity"), 1},
                {QStringLiteral("socialmediainformation"), QStringLiteral("Social media information"), 2},
                {QStringLiteral("analyticsinformation"), QStringLiteral("Web analytics history"), 3}};
    return {{QStringLiteral("contactinformation"), QStringLiteral("Contact information"), 0},
            {QStringLiteral("emailinformation"), QStringLiteral("Email information"), 1},
            {QStringLiteral("socialmediainformation"), QStringLiteral("Social media information"), 2},
            {QStringLiteral("analyticsinformation"), QStringLiteral("Web analytics history"), 3}};
}

QStringList defaultReturnedProperties(const QString& objectType) {
    if (objectType == ObjectTypes::companies)
        return {QStringLiteral("createdate"), QStringLiteral("domain"), QStringLiteral("hs_lastmodifieddate"),
                QStringLiteral("hs_object_id"), QStringLiteral("name")};
    return {QStringLiteral("createdate"),       QStringLiteral("email"),
            QStringLiteral("firstname"),        QStringLiteral("hs_object_id"),
            QStringLiteral("lastmodifieddate"), QStringLiteral("lastname")};
}

QStringList alwaysReturnedProperties(const QString& objectType) {
    return {QStringLiteral("createdate"), lastModifiedProperty(objectType), QStringLiteral("hs_object_id")};
}

QString lastModifiedProperty(const QString& objectType) {
    return objectType == ObjectTypes::companies ? QStringLiteral("hs_lastmodifieddate")
                                                : QStringLiteral("lastmodifieddate");
}

QStringList fieldTypesFor(const QString& type) {
    if (type == u"string")
        return {QStringLiteral("text"), QStringLiteral("textarea"), QStringLiteral("html"),
                QStringLiteral("phonenumber"), QStringLiteral("file")};
    if (type == u"number")
        return {QStringLiteral("number"), QStringLiteral("calculation_equation")};
    if (type == u"bool")
        return {QStringLiteral("booleancheckbox")};
    if (type == u"enumeration")
        return {QStringLiteral("select"), QStringLiteral("radio"), QStringLiteral("checkbox"),
                QStringLiteral("booleancheckbox")};
    if (type == u"date" || type == u"datetime")
        return {QStringLiteral("date")};
    if (type == u"phone_number")
        return {QStringLiteral("phonenumber")};
    return {};
}

bool isValidEmail(const QString& email) {
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    return re.match(email).hasMatch();
}

std::optional<PropertyValueError> normalizeValue(const HubSpotProperty& p, QString& value) {
    auto fail = [&](const char* error, const QString& message) {
        return PropertyValueError{p.name, QLatin1String(error), message};
    };
    if (value.isEmpty())
        return std::nullopt;
    if (p.readOnlyValue)
        return fail("READ_ONLY_VALUE",
                    QStringLiteral("%1 is a read only property; its value cannot be set.").arg(p.name));
    if (p.type == u"number") {
        bool ok = false;
        value.trimmed().toDouble(&ok);
        if (!ok)
            return fail("INVALID_DECIMAL", QStringLiteral("%1 was not a valid number.").arg(value));
        value = value.trimmed();
        return std::nullopt;
    }
    if (p.type == u"date" || p.type == u"datetime") {
        qint64 ms = 0;
        const QDate date = QDate::fromString(value.trimmed(), Qt::ISODate);
        if (p.type == u"date" && date.isValid() && value.trimmed().size() == 10) {
            value = date.toString(Qt::ISODate);
            return std::nullopt;
        }
        const std::optional<qint64> parsed = parseTimestamp(value);
        if (!parsed)
            return fail("INVALID_DATE", QStringLiteral("%1 is not a valid date.").arg(value));
        ms = *parsed;
        if (p.type == u"date") {
            if (!isMidnightUtc(ms))
                return fail("INVALID_DATE",
                            QStringLiteral("%1 is at %2 UTC, not midnight!")
                                .arg(value, QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                                                .toString(QStringLiteral("HH:mm:ss.zzz"))));
            value = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().toString(Qt::ISODate);
        } else {
            value = isoTimestamp(ms);
        }
        return std::nullopt;
    }
    if (p.type == u"bool")
        value = value.trimmed().toLower();
    if (p.isEnumeration() && !p.externalOptions) {
        QStringList allowed;
        for (const HubSpotOption& option : p.options)
            allowed << option.value;
        const QStringList given =
            p.fieldType == u"checkbox" ? value.split(u';', Qt::SkipEmptyParts) : QStringList{value};
        for (const QString& v : given) {
            if (!allowed.contains(v))
                return fail("INVALID_OPTION", QStringLiteral("%1 was not one of the allowed options: [%2]")
                                                  .arg(v, allowed.join(QStringLiteral(", "))));
        }
        return std::nullopt;
    }
    if (p.name == u"email" && p.hubspotDefined) {
        const QString email = value.trimmed().toLower();
        if (!isValidEmail(email))
            return fail("INVALID_EMAIL", QStringLiteral("Email address %1 is invalid").arg(value));
        value = email;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace Schema

} // namespace syncdesk::sandbox::hubspot
