#include "core/model/Contact.h"

namespace syncdesk {

QString Contact::*Contact::textField(QStringView key) {
    static const struct {
        QStringView key;
        QString Contact::*member;
    } fields[] = {
        {u"first_name", &Contact::firstName}, {u"last_name", &Contact::lastName}, {u"email", &Contact::email},
        {u"job_title", &Contact::jobTitle},   {u"phone", &Contact::phone},
    };
    for (const auto& f : fields) {
        if (f.key == key)
            return f.member;
    }
    return nullptr;
}

QString Contact::value(QStringView key) const {
    if (QString Contact::*member = textField(key))
        return this->*member;
    return custom.value(key.toString());
}

bool Contact::sameData(const Contact& o) const {
    return externalId == o.externalId && companyId == o.companyId && firstName == o.firstName &&
           lastName == o.lastName && email == o.email && jobTitle == o.jobTitle && phone == o.phone &&
           custom == o.custom;
}

} // namespace syncdesk
