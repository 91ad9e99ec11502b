#include "core/mapping/ValueConversion.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace syncdesk {

std::optional<double> ValueConversion::parseNumber(QStringView text) {
    bool ok = false;
    const double v = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString ValueConversion::canonicalNumber(QStringView text) {
    const QStringView t = text.trimmed();
    static const QRegularExpression integer(QStringLiteral("^([+-]?)0*(\\d+)$"));
    const QRegularExpressionMatch m = integer.match(t);
    if (m.hasMatch()) { // keep every digit of long integers (a double would round them)
        const QString digits = m.captured(2);
        return (m.captured(1) == u"-" && digits != u"0" ? QStringLiteral("-") : QString()) + digits;
    }
    const std::optional<double> v = parseNumber(t);
    if (!v)
        return QString();
    if (*v == std::floor(*v) && std::fabs(*v) < 1e15)
        return QString::number(qint64(*v));
    return QString::number(*v, 'g', 15);
}

std::optional<bool> ValueConversion::parseBool(QStringView text) {
    const QString t = text.trimmed().toString().toLower();
    if (t == u"true" || t == u"yes" || t == u"1" || t == u"y" || t == u"on")
        return true;
    if (t == u"false" || t == u"no" || t == u"0" || t == u"n" || t == u"off")
        return false;
    return std::nullopt;
}

std::optional<QDate> ValueConversion::parseDate(QStringView text) {
    const QString t = text.trimmed().toString();
    QDate d = QDate::fromString(t, Qt::ISODate);
    if (d.isValid())
        return d;
    const std::optional<QDateTime> dt = parseDateTime(t);
    if (dt)
        return dt->date();
    return std::nullopt;
}

std::optional<QDateTime> ValueConversion::parseDateTime(QStringView text) {
    const QString t = text.trimmed().toString();
    if (t.size() == 10) { // a date alone: midnight UTC
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid())
            return QDateTime(d, QTime(0, 0), Qt::UTC);
        return std::nullopt;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime) // no offset given: read it as UTC, never as this machine's zone
        dt.setTimeSpec(Qt::UTC);
    return dt.toUTC();
}

namespace {

// Step 1: the local value normalised by its own type.
ConvertedValue normaliseLocal(const QString& value, FieldType type) {
    const QString t = value.trimmed();
    switch (type) {
    case FieldType::Number: {
        const QString n = ValueConversion::canonicalNumber(t);
        if (n.isEmpty())
            return {QString(), ValueConversion::tr("\"%1\" is not a number").arg(t)};
        return {n, QString()};
    }
    case FieldType::Boolean: {
        const std::optional<bool> b = ValueConversion::parseBool(t);
        if (!b)
            return {QString(), ValueConversion::tr("\"%1\" is not yes or no").arg(t)};
        return {*b ? QStringLiteral("true") : QStringLiteral("false"), QString()};
    }
    case FieldType::Date: {
        const std::optional<QDate> d = ValueConversion::parseDate(t);
        if (!d)
            return {QString(), ValueConversion::tr("\"%1\" is not a date (YYYY-MM-DD)").arg(t)};
        return {d->toString(Qt::ISODate), QString()};
    }
    case FieldType::Text:
    case FieldType::Choice:
    case FieldType::Url:
    case FieldType::Email:
        break;
    }
    return {t, QString()};
}

// The value map entry for `value`: exact key, else ignoring case. For booleans (value "true"/"false")
// any key meaning the same (yes/no, 1/0, ...) matches, as the validator accepts them.
const QString* lookupValueMap(const QMap<QString, QString>& map, const QString& value, bool boolean) {
    const auto exact = map.constFind(value);
    if (exact != map.constEnd())
        return &exact.value();
    const std::optional<bool> wanted = boolean ? ValueConversion::parseBool(value) : std::nullopt;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (wanted ? ValueConversion::parseBool(it.key()) == wanted
                   : it.key().compare(value, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

QStringList splitMulti(const QString& value) {
    QStringList parts;
    for (const QString& p : value.split(u';')) {
        const QString t = p.trimmed();
        if (!t.isEmpty())
            parts.append(t);
    }
    return parts;
}

} // namespace

ConvertedValue ValueConversion::toCrm(const QString& localValue, const FieldDefinition& field,
                                      const MappingTarget& target, const CrmProperty* property) {
    ConvertedValue v = normaliseLocal(localValue, field.type);
    if (!v.ok())
        return v;

    const bool enumeration = property && property->type == CrmPropertyType::Enumeration;
    if (!target.valueMap.isEmpty()) {
        if (const QString* mapped =
                lookupValueMap(target.valueMap, v.value, field.type == FieldType::Boolean))
            v.value = *mapped;
        else if (enumeration)
            return {QString(), tr("\"%1\" has no entry in the value map").arg(v.value)};
    } else if (enumeration && field.type == FieldType::Boolean) {
        // A boolean onto a two-option enumeration whose options are true/false (HubSpot booleancheckbox).
        for (const CrmPropertyOption& o : property->options) {
            if (o.value.compare(v.value, Qt::CaseInsensitive) == 0)
                v.value = o.value;
        }
    }
    if (!property)
        return v;

    switch (property->type) {
    case CrmPropertyType::String:
        break;
    case CrmPropertyType::Number: {
        const QString n = canonicalNumber(v.value);
        if (n.isEmpty())
            return {QString(), tr("\"%1\" is not a number").arg(v.value)};
        v.value = n;
        break;
    }
    case CrmPropertyType::Bool: {
        const std::optional<bool> b = parseBool(v.value);
        if (!b)
            return {QString(), tr("\"%1\" is not yes or no").arg(v.value)};
        v.value = *b ? QStringLiteral("true") : QStringLiteral("false");
        break;
    }
    case CrmPropertyType::Date: {
        const std::optional<QDate> d = parseDate(v.value);
        if (!d)
            return {QString(), tr("\"%1\" is not a date (YYYY-MM-DD)").arg(v.value)};
        v.value = d->toString(Qt::ISODate);
        break;
    }
    case CrmPropertyType::DateTime: {
        const std::optional<QDateTime> dt = parseDateTime(v.value);
        if (!dt)
            return {QString(), tr("\"%1\" is not a date").arg(v.value)};
        v.value = dt->toString(Qt::ISODate);
        break;
    }
    case CrmPropertyType::Enumeration: {
        const QStringList values = property->multiValued ? splitMulti(v.value) : QStringList{v.value};
        for (const QString& value : values) {
            if (!property->hasOption(value))
                return {QString(), tr("\"%1\" is not an option of %2").arg(value, property->name)};
        }
        v.value = values.join(u';');
        break;
    }
    case CrmPropertyType::Reference:
    case CrmPropertyType::Other:
        break;
    }
    if (property->maxLength > 0 && v.value.size() > property->maxLength)
        return {QString(), tr("the value has %1 characters; %2 takes at most %3")
                               .arg(v.value.size())
                               .arg(property->name)
                               .arg(property->maxLength)};
    return v;
}

bool ValueConversion::sameValue(const QString& crmValue, const QString& newValue, const CrmProperty* property,
                                FieldType localType) {
    const QString a = crmValue.trimmed();
    const QString b = newValue.trimmed();
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() && b.isEmpty();
    const CrmPropertyType type = property ? property->type : CrmPropertyType::String;
    switch (type) {
    case CrmPropertyType::Number: {
        const auto x = parseNumber(a);
        const auto y = parseNumber(b);
        if (x && y)
            return canonicalNumber(a) == canonicalNumber(b) ||
                   std::fabs(*x - *y) <= 1e-9 * std::max(1.0, std::max(std::fabs(*x), std::fabs(*y)));
        break;
    }
    case CrmPropertyType::Bool: {
        const auto x = parseBool(a);
        const auto y = parseBool(b);
        if (x && y)
            return *x == *y;
        break;
    }
    case CrmPropertyType::Date: {
        const auto x = parseDate(a);
        const auto y = parseDate(b);
        if (x && y)
            return *x == *y;
        break;
    }
    case CrmPropertyType::DateTime: {
        const auto x = parseDateTime(a);
        const auto y = parseDateTime(b);
        if (x && y)
            return *x == *y;
        break;
    }
    case CrmPropertyType::Enumeration:
        if (property->multiValued) {
            const QStringList x = splitMulti(a);
            const QStringList y = splitMulti(b);
            return QSet<QString>(x.begin(), x.end()) == QSet<QString>(y.begin(), y.end());
        }
        break;
    case CrmPropertyType::String:
    case CrmPropertyType::Reference:
    case CrmPropertyType::Other:
        break;
    }
    return a.compare(b, localType == FieldType::Email ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
}

} // namespace syncdesk
