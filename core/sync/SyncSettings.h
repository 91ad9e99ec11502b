#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/domain/DomainKey.h"

#include <QString>

#include <optional>

namespace syncdesk {

// PRODUCT.md "Vocabulary": sync modes.
enum class CompanySyncMode { CreateAndUpdate, UpdateOnly };
enum class ContactSyncMode { CreateAndUpdate, UpdateOnly, Disabled };
// Several CRM records share a key (or an e-mail): leave the record alone (default), or update the
// oldest candidate.
enum class AmbiguousHandling { Skip, UpdateOldest };
// How the planner finds companies: Auto picks the fewer calls between searching by key and paging
// through all companies; the others force one (Search falls back to paging when the connector cannot
// search under the policy).
enum class LookupStrategy { Auto, Search, ListAll };

// A connection's sync settings (stored with the connection, overridable per run).
struct SyncSettings {
    DomainPolicy policy = DomainPolicy::Host;
    CompanySyncMode companyMode = CompanySyncMode::CreateAndUpdate;
    ContactSyncMode contactMode = ContactSyncMode::CreateAndUpdate;
    AmbiguousHandling ambiguous = AmbiguousHandling::Skip;
    LookupStrategy lookup = LookupStrategy::Auto;

    // Defaults of a new connection: the CRM's default policy (HubSpot/Sandbox host, Salesforce
    // registrable), Create & update for both objects, ambiguous records skipped, automatic lookup.
    static SyncSettings defaultsFor(CrmKind kind);
};

// Stable names for storage, the CLI and JSON: "create_update" / "update_only" / "disabled",
// "skip" / "update_oldest", "auto" / "search" / "list".
QString companySyncModeName(CompanySyncMode mode);
std::optional<CompanySyncMode> parseCompanySyncMode(const QString& name);
QString contactSyncModeName(ContactSyncMode mode);
std::optional<ContactSyncMode> parseContactSyncMode(const QString& name);
QString ambiguousHandlingName(AmbiguousHandling handling);
std::optional<AmbiguousHandling> parseAmbiguousHandling(const QString& name);
QString lookupStrategyName(LookupStrategy strategy);
std::optional<LookupStrategy> parseLookupStrategy(const QString& name);

} // namespace syncdesk
