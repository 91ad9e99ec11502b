#include "core/import/HeaderAliases.h"

#include <QHash>

namespace syncdesk {

QString normalizedHeader(const QString& header) {
    QString key = customFieldKey(header);
    key.remove(u'_');
    return key;
}

namespace {

HeaderAlias alias(ColumnRole role, const char* fieldKey, const char* headers) {
    return {role, QString::fromLatin1(fieldKey), QString::fromLatin1(headers).split(u'|')};
}

HeaderAlias field(const char* key, const char* headers) {
    return alias(ColumnRole::BuiltIn, key, headers);
}

} // namespace

const QList<HeaderAlias>& headerAliases(RecordObject object) {
    static const QList<HeaderAlias> companies = {
        alias(
            ColumnRole::ExternalId, "",
            "ID|Record ID|Company ID|Company Record ID|External ID|HubSpot ID|HubSpot Company ID|Account ID|"
            "Salesforce ID|SFDC ID|CRM ID|Object ID"),
        field("name", "Name|Company|Company Name|Account|Account Name|Organization|Organisation|"
                      "Organization Name|Organisation Name|Business Name"),
        field("website",
              "Website|Website URL|Web Site|Company Website|Company URL|URL|Homepage|Home Page|Web|"
              "Web Address|Site"),
        field("domain", "Domain|Domain Name|Company Domain|Company Domain Name|Primary Domain|Email Domain"),
        field("industry", "Industry|Sector|Vertical|Industry Type"),
        field("employees", "Employees|Number of Employees|No. of Employees|# Employees|Num Employees|"
                           "Employee Count|Employees Count|Headcount|Company Size|Staff Count"),
        field("country", "Country|Country/Region|Billing Country|HQ Country|Country Name"),
        field("city", "City|Town|Billing City|HQ City"),
        field("description", "Description|Company Description|About|About Us|Summary"),
        field("linkedin_url", "LinkedIn URL|LinkedIn|LinkedIn Company Page|LinkedIn Page|LinkedIn Profile|"
                              "LinkedIn Company URL|Company LinkedIn URL|LinkedIn Link"),
    };
    static const QList<HeaderAlias> contacts = {
        alias(ColumnRole::ExternalId, "",
              "ID|Record ID|Contact ID|Contact Record ID|External ID|HubSpot ID|HubSpot Contact ID|"
              "Salesforce ID|SFDC ID|CRM ID|Lead ID"),
        field("first_name", "First Name|Firstname|Given Name|Forename|First"),
        field("last_name", "Last Name|Lastname|Surname|Family Name|Last"),
        alias(ColumnRole::FullName, "", "Name|Full Name|Contact Name|Contact"),
        field("email",
              "Email|E-mail|Email Address|E-mail Address|Mail|Work Email|Business Email|Primary Email"),
        field("job_title", "Job Title|Title|Position|Role|Job|Job Position|Designation"),
        field("phone", "Phone|Phone Number|Telephone|Tel|Work Phone|Business Phone|Direct Phone|Mobile|"
                       "Mobile Phone|Mobile Phone Number|Cell Phone"),
        alias(ColumnRole::CompanyExternalId, "",
              "Company ID|Company Record ID|Company External ID|Associated Company ID|Primary Company "
              "ID|Account ID"),
        alias(ColumnRole::CompanyWebsite, "",
              "Company Website|Company Website URL|Company URL|Website|Website URL|URL"),
        alias(ColumnRole::CompanyDomain, "", "Company Domain|Company Domain Name|Domain"),
        alias(ColumnRole::CompanyName, "",
              "Company|Company Name|Account|Account Name|Organization|Organisation|Associated Company|"
              "Primary Company|Employer"),
    };
    return object == RecordObject::Company ? companies : contacts;
}

HeaderRole roleForHeader(RecordObject object, const QString& header) {
    static const auto build = [](RecordObject o) {
        QHash<QString, HeaderRole> map;
        for (const HeaderAlias& a : headerAliases(o)) {
            for (const QString& h : a.headers)
                map.insert(normalizedHeader(h), {a.role, a.fieldKey});
        }
        return map;
    };
    static const QHash<QString, HeaderRole> companies = build(RecordObject::Company);
    static const QHash<QString, HeaderRole> contacts = build(RecordObject::Contact);
    const QString key = normalizedHeader(header);
    return (object == RecordObject::Company ? companies : contacts).value(key, HeaderRole{});
}

} // namespace syncdesk
