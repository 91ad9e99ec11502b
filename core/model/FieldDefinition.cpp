#include "core/model/FieldDefinition.h"

#include <QCoreApplication>

namespace syncdesk {

QString recordObjectName(RecordObject object)
{
    return object == RecordObject::Company ? QStringLiteral("company") : QStringLiteral("contact");
}

std::optional<RecordObject> parseRecordObject(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"company" || n == u"companies")
        return RecordObject::Company;
    if (n == u"contact" || n == u"contacts")
        return RecordObject::Contact;
    return std::nullopt;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Text: return QStringLiteral("text");
    case FieldType::Number: return QStringLiteral("number");
    case FieldType::Date: return QStringLiteral("date");
    case FieldType::Boolean: return QStringLiteral("boolean");
    case FieldType::Choice: return QStringLiteral("choice");
    case FieldType::Url: return QStringLiteral("url");
    case FieldType::Email: return QStringLiteral("email");
    }
    return QStringLiteral("text");
}

std::optional<FieldType> parseFieldType(const QString& name)
{
    static const FieldType all[] = {FieldType::Text,    FieldType::Number, FieldType::Date, FieldType::Boolean,
                                    FieldType::Choice,  FieldType::Url,    FieldType::Email};
    const QString n = name.trimmed().toLower();
    for (FieldType t : all) {
        if (fieldTypeName(t) == n)
            return t;
    }
    return std::nullopt;
}

namespace {
FieldDefinition builtIn(RecordObject object, const char* key, const char* label, FieldType type, int position)
{
    FieldDefinition f;
    f.object = object;
    f.key = QString::fromLatin1(key);
    f.label = QCoreApplication::translate("FieldDefinition", label);
    f.type = type;
    f.builtIn = true;
    f.position = position;
    return f;
}
} // namespace

QList<FieldDefinition> builtInFields(RecordObject object)
{
    if (object == RecordObject::Company) {
        const auto c = RecordObject::Company;
        return {
            builtIn(c, "name", QT_TRANSLATE_NOOP("FieldDefinition", "Name"), FieldType::Text, 0),
            builtIn(c, "website", QT_TRANSLATE_NOOP("FieldDefinition", "Website"), FieldType::Url, 1),
            builtIn(c, "domain", QT_TRANSLATE_NOOP("FieldDefinition", "Domain"), FieldType::Text, 2),
            builtIn(c, "industry", QT_TRANSLATE_NOOP("FieldDefinition", "Industry"), FieldType::Choice, 3),
            builtIn(c, "employees", QT_TRANSLATE_NOOP("FieldDefinition", "Employees"), FieldType::Number, 4),
            builtIn(c, "country", QT_TRANSLATE_NOOP("FieldDefinition", "Country"), FieldType::Text, 5),
            builtIn(c, "city", QT_TRANSLATE_NOOP("FieldDefinition", "City"), FieldType::Text, 6),
            builtIn(c, "description", QT_TRANSLATE_NOOP("FieldDefinition", "Description"), FieldType::Text, 7),
            builtIn(c, "linkedin_url", QT_TRANSLATE_NOOP("FieldDefinition", "LinkedIn URL"), FieldType::Url, 8),
        };
    }
    const auto p = RecordObject::Contact;
    return {
        builtIn(p, "first_name", QT_TRANSLATE_NOOP("FieldDefinition", "First name"), FieldType::Text, 0),
        builtIn(p, "last_name", QT_TRANSLATE_NOOP("FieldDefinition", "Last name"), FieldType::Text, 1),
        builtIn(p, "email", QT_TRANSLATE_NOOP("FieldDefinition", "Email"), FieldType::Email, 2),
        builtIn(p, "job_title", QT_TRANSLATE_NOOP("FieldDefinition", "Job title"), FieldType::Text, 3),
        builtIn(p, "phone", QT_TRANSLATE_NOOP("FieldDefinition", "Phone"), FieldType::Text, 4),
    };
}

QString customFieldKey(const QString& label)
{
    QString decomposed = label.normalized(QString::NormalizationForm_KD);
    decomposed.replace(u'ß', QLatin1String("ss"));
    QString key;
    key.reserve(decomposed.size());
    bool pendingUnderscore = false;
    for (QChar c : std::as_const(decomposed)) {
        if (c.isMark())
            continue; // the accent of a decomposed letter
        const char16_t u = c.unicode();
        const bool alnum = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!alnum) {
            pendingUnderscore = !key.isEmpty();
            continue;
        }
        if (pendingUnderscore)
            key += u'_';
        pendingUnderscore = false;
        key += c.toLower();
    }
    return key.isEmpty() ? QStringLiteral("field") : key;
}

} // namespace syncdesk
