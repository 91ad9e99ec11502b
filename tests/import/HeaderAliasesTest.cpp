#include "core/import/HeaderAliases.h"

#include <QHash>

#include <gtest/gtest.h>

using namespace syncdesk;

namespace {
HeaderRole company(const char* header) {
    return roleForHeader(RecordObject::Company, QString::fromUtf8(header));
}
HeaderRole contact(const char* header) {
    return roleForHeader(RecordObject::Contact, QString::fromUtf8(header));
}
} // namespace

TEST(HeaderAliases, NormalisedHeaders) {
    EXPECT_EQ(normalizedHeader(QStringLiteral("E-mail Address")), u"emailaddress");
    EXPECT_EQ(normalizedHeader(QStringLiteral("  Number_of-Employees ")), u"numberofemployees");
    EXPECT_EQ(normalizedHeader(QStringLiteral("Country/Region")), u"countryregion");
}

TEST(HeaderAliases, CompanyColumns) {
    const struct {
        const char* header;
        const char* key;
    } cases[] = {
        {"Name", "name"},
        {"company name", "name"},
        {"COMPANY_NAME", "name"},
        {"Website URL", "website"},
        {"Company Domain Name", "domain"},
        {"Number of Employees", "employees"},
        {"# Employees", "employees"},
        {"numberofemployees", "employees"},
        {"Country/Region", "country"},
        {"Industry", "industry"},
        {"City", "city"},
        {"Description", "description"},
        {"LinkedIn", "linkedin_url"},
        {"LinkedIn URL", "linkedin_url"},
        {"linkedin_company_page", "linkedin_url"},
    };
    for (const auto& c : cases) {
        const HeaderRole r = company(c.header);
        EXPECT_EQ(r.role, ColumnRole::BuiltIn) << c.header;
        EXPECT_EQ(r.fieldKey, QLatin1String(c.key)) << c.header;
    }
    EXPECT_EQ(company("Record ID").role, ColumnRole::ExternalId);
    EXPECT_EQ(company("id").role, ColumnRole::ExternalId);
    EXPECT_EQ(company("Annual Revenue").role, ColumnRole::Custom);
    EXPECT_EQ(company("E-mail").role, ColumnRole::Custom);
}

TEST(HeaderAliases, ContactColumns) {
    const struct {
        const char* header;
        const char* key;
    } cases[] = {
        {"First Name", "first_name"}, {"firstname", "first_name"}, {"Last name", "last_name"},
        {"Surname", "last_name"},     {"E-mail", "email"},         {"Email Address", "email"},
        {"Title", "job_title"},       {"Job Title", "job_title"},  {"Phone Number", "phone"},
        {"Mobile", "phone"},
    };
    for (const auto& c : cases) {
        const HeaderRole r = contact(c.header);
        EXPECT_EQ(r.role, ColumnRole::BuiltIn) << c.header;
        EXPECT_EQ(r.fieldKey, QLatin1String(c.key)) << c.header;
    }
    EXPECT_EQ(contact("Contact ID").role, ColumnRole::ExternalId);
    EXPECT_EQ(contact("Company ID").role, ColumnRole::CompanyExternalId);
    EXPECT_EQ(contact("Website").role, ColumnRole::CompanyWebsite);
    EXPECT_EQ(contact("Company Website").role, ColumnRole::CompanyWebsite);
    EXPECT_EQ(contact("Company Domain Name").role, ColumnRole::CompanyDomain);
    EXPECT_EQ(contact("Company").role, ColumnRole::CompanyName);
    EXPECT_EQ(contact("Full Name").role, ColumnRole::FullName);
    EXPECT_EQ(contact("Newsletter").role, ColumnRole::Custom);
}

TEST(HeaderAliases, NoAliasMeansTwoThings) {
    for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
        QHash<QString, QString> seen;
        for (const HeaderAlias& a : headerAliases(object)) {
            for (const QString& h : a.headers) {
                const QString n = normalizedHeader(h);
                const QString meaning = QString::number(int(a.role)) + a.fieldKey;
                EXPECT_TRUE(!seen.contains(n) || seen.value(n) == meaning) << h.toStdString();
                seen.insert(n, meaning);
            }
        }
    }
}
