#include "core/model/Company.h"

namespace syncdesk {

QString Company::*Company::textField(QStringView key) {
    static const struct {
        QStringView key;
        QString Company::*member;
    } fields[] = {
        {u"name", &Company::name},
        {u"website", &Company::website},
        {u"domain", &Company::domain},
        {u"industry", &Company::industry},
        {u"country", &Company::country},
        {u"city", &Company::city},
        {u"description", &Company::description},
        {u"linkedin_url", &Company::linkedinUrl},
    };
    for (const auto& f : fields) {
        if (f.key == key)
            return f.member;
    }
    return nullptr;
}

QString Company::value(QStringView key) const {
    if (QString Company::*member = textField(key))
        return this->*member;
    if (key == u"employees")
        return employees ? QString::number(*employees) : QString();
    return custom.value(key.toString());
}

bool Company::sameData(const Company& o) const {
    return externalId == o.externalId && name == o.name && website == o.website && domain == o.domain &&
           industry == o.industry && employees == o.employees && country == o.country && city == o.city &&
           description == o.description && linkedinUrl == o.linkedinUrl && custom == o.custom;
}

} // namespace syncdesk
