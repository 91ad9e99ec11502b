#include "core/connectors/UniqueIdProperty.h"

#include "core/mapping/MissingFields.h"

namespace syncdesk {

CrmResult<UniqueIdProperty::State> UniqueIdProperty::ensure(CrmConnector& connector, RecordObject object,
                                                            const QList<CrmProperty>& properties,
                                                            bool consented) {
    const ConnectorFacts& facts = connector.facts();
    for (const CrmProperty& p : properties) {
        if (p.name != facts.uniqueIdProperty)
            continue;
        if (p.unique)
            return State::Exists;
        CrmError e;
        e.kind = CrmErrorKind::Validation;
        e.code = QStringLiteral("NOT_UNIQUE");
        e.field = p.name;
        e.message =
            tr("The CRM property %1 exists but does not require unique values, so SyncDesk cannot use "
               "it to make creates safe to repeat.")
                .arg(p.name);
        e.hint =
            tr("Rename or delete the property %1 on the CRM, then let SyncDesk create it again.").arg(p.name);
        return e;
    }
    if (!consented)
        return State::Missing;
    CrmResult<CrmProperty> created =
        connector.createProperty(object, MissingFields::uniqueIdPropertyDefinition(facts));
    if (!created.ok()) {
        // Created meanwhile (another SyncDesk, a lost answer): fine if it is unique.
        if (created.error().kind == CrmErrorKind::Duplicate) {
            CrmResult<QList<CrmProperty>> again = connector.fetchProperties(object);
            if (again.ok()) {
                for (const CrmProperty& p : again.value()) {
                    if (p.name == facts.uniqueIdProperty && p.unique)
                        return State::Exists;
                }
            }
        }
        return created.error();
    }
    return State::Created;
}

QString uniqueIdStateName(UniqueIdProperty::State state) {
    switch (state) {
    case UniqueIdProperty::State::Exists:
        return QStringLiteral("exists");
    case UniqueIdProperty::State::Created:
        return QStringLiteral("created");
    case UniqueIdProperty::State::Missing:
        return QStringLiteral("missing");
    }
    return QString();
}

} // namespace syncdesk
