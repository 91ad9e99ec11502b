#pragma once

#include "core/connectors/CrmTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace syncdesk {

// A CRM property list as SyncDesk caches it (workspace table crm_properties): a JSON array of
// {"name", "label", "type" (crmPropertyTypeName), "field_type", "options": [{"value","label"}],
// "multi_valued", "read_only", "calculated", "unique", "required_on_create", "max_length",
// "description"}. Not a vendor format.
QJsonObject crmPropertyToJson(const CrmProperty& property);
std::optional<CrmProperty> crmPropertyFromJson(const QJsonObject& json);
QByteArray crmPropertiesToJson(const QList<CrmProperty>& properties);
// nullopt when the bytes are not such an array.
std::optional<QList<CrmProperty>> crmPropertiesFromJson(const QByteArray& json);

} // namespace syncdesk
