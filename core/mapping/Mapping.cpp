#include "core/mapping/Mapping.h"

#include <QCoreApplication>

#include <utility>

namespace syncdesk {

QString updateStrategyName(UpdateStrategy strategy) {
    return strategy == UpdateStrategy::Override ? QStringLiteral("override")
                                                : QStringLiteral("update_if_empty");
}

std::optional<UpdateStrategy> parseUpdateStrategy(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == updateStrategyName(UpdateStrategy::Override))
        return UpdateStrategy::Override;
    if (n == updateStrategyName(UpdateStrategy::UpdateIfEmpty))
        return UpdateStrategy::UpdateIfEmpty;
    return std::nullopt;
}

QString updateStrategyLabel(UpdateStrategy strategy) {
    return strategy == UpdateStrategy::Override ? QCoreApplication::translate("Mapping", "Override")
                                                : QCoreApplication::translate("Mapping", "Update if empty");
}

bool MappingRow::writes(const QString& property) const {
    for (const MappingTarget& t : targets) {
        if (t.property == property)
            return true;
    }
    return false;
}

QList<int> Mapping::rowsTargeting(const QString& property) const {
    QList<int> out;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).writes(property))
            out.append(i);
    }
    return out;
}

int Mapping::matchKeyRow(const ConnectorFacts& facts) const {
    const QList<int> chain = rowsTargeting(facts.matchProperty(object));
    return chain.isEmpty() ? -1 : chain.constFirst();
}

QStringList Mapping::targetProperties() const {
    QStringList out;
    for (const MappingRow& row : rows) {
        for (const MappingTarget& t : row.targets) {
            if (!out.contains(t.property))
                out.append(t.property);
        }
    }
    return out;
}

const MappingTarget* Mapping::target(int row, const QString& property) const {
    if (row < 0 || row >= rows.size())
        return nullptr;
    for (const MappingTarget& t : rows.at(row).targets) {
        if (t.property == property)
            return &t;
    }
    return nullptr;
}

UpdateStrategy defaultStrategy(const ConnectorFacts& facts, RecordObject object, const QString& property) {
    if (object == RecordObject::Company &&
        (property == facts.nameProperty || property == facts.domainProperty))
        return UpdateStrategy::UpdateIfEmpty;
    return UpdateStrategy::Override;
}

MappingTarget defaultTarget(const ConnectorFacts& facts, RecordObject object, const QString& property) {
    MappingTarget t;
    t.property = property;
    t.strategy = defaultStrategy(facts, object, property);
    return t;
}

Mapping Mapping::defaultMapping(CrmKind kind, RecordObject object) {
    using Pair = std::pair<const char*, const char*>; // local field key -> CRM property
    static const QList<Pair> hubSpotCompanies = {
        {"name", "name"},
        {"website", "domain"},
        {"employees", "numberofemployees"},
        {"country", "country"},
        {"city", "city"},
        {"description", "description"},
        {"linkedin_url", "linkedin_company_page"},
    };
    static const QList<Pair> hubSpotContacts = {
        {"first_name", "firstname"}, {"last_name", "lastname"}, {"email", "email"},
        {"job_title", "jobtitle"},   {"phone", "phone"},
    };
    static const QList<Pair> salesforceAccounts = {
        {"name", "Name"},
        {"website", "Website"},
        {"employees", "NumberOfEmployees"},
        {"country", "BillingCountry"},
        {"city", "BillingCity"},
        {"description", "Description"},
    };
    static const QList<Pair> salesforceContacts = {
        {"first_name", "FirstName"}, {"last_name", "LastName"}, {"email", "Email"},
        {"job_title", "Title"},      {"phone", "Phone"},
    };
    const bool hubSpot = usesHubSpotDialect(kind);
    const QList<Pair>& pairs = object == RecordObject::Company
                                   ? (hubSpot ? hubSpotCompanies : salesforceAccounts)
                                   : (hubSpot ? hubSpotContacts : salesforceContacts);
    const ConnectorFacts facts = ConnectorFacts::forKind(kind);
    Mapping m;
    m.object = object;
    for (const auto& [field, property] : pairs) {
        MappingRow row;
        row.fieldKey = QString::fromLatin1(field);
        row.targets.append(defaultTarget(facts, object, QString::fromLatin1(property)));
        m.rows.append(row);
    }
    return m;
}

} // namespace syncdesk
