#include "core/sync/SyncSettings.h"

#include "core/connectors/ConnectorFacts.h"

#include <initializer_list>
#include <utility>

namespace syncdesk {

SyncSettings SyncSettings::defaultsFor(CrmKind kind) {
    SyncSettings s;
    s.policy = ConnectorFacts::forKind(kind).defaultPolicy;
    return s;
}

namespace {
template <typename E>
std::optional<E> parseName(const QString& name, std::initializer_list<E> all, QString (*nameOf)(E)) {
    const QString n = name.trimmed().toLower();
    for (E e : all) {
        if (nameOf(e) == n)
            return e;
    }
    return std::nullopt;
}
} // namespace

QString companySyncModeName(CompanySyncMode mode) {
    return mode == CompanySyncMode::CreateAndUpdate ? QStringLiteral("create_update")
                                                    : QStringLiteral("update_only");
}

std::optional<CompanySyncMode> parseCompanySyncMode(const QString& name) {
    return parseName(name, {CompanySyncMode::CreateAndUpdate, CompanySyncMode::UpdateOnly},
                     companySyncModeName);
}

QString contactSyncModeName(ContactSyncMode mode) {
    switch (mode) {
    case ContactSyncMode::CreateAndUpdate:
        return QStringLiteral("create_update");
    case ContactSyncMode::UpdateOnly:
        return QStringLiteral("update_only");
    case ContactSyncMode::Disabled:
        return QStringLiteral("disabled");
    }
    return QString();
}

std::optional<ContactSyncMode> parseContactSyncMode(const QString& name) {
    return parseName(
        name, {ContactSyncMode::CreateAndUpdate, ContactSyncMode::UpdateOnly, ContactSyncMode::Disabled},
        contactSyncModeName);
}

QString ambiguousHandlingName(AmbiguousHandling handling) {
    return handling == AmbiguousHandling::Skip ? QStringLiteral("skip") : QStringLiteral("update_oldest");
}

std::optional<AmbiguousHandling> parseAmbiguousHandling(const QString& name) {
    return parseName(name, {AmbiguousHandling::Skip, AmbiguousHandling::UpdateOldest}, ambiguousHandlingName);
}

QString lookupStrategyName(LookupStrategy strategy) {
    switch (strategy) {
    case LookupStrategy::Auto:
        return QStringLiteral("auto");
    case LookupStrategy::Search:
        return QStringLiteral("search");
    case LookupStrategy::ListAll:
        return QStringLiteral("list");
    }
    return QString();
}

std::optional<LookupStrategy> parseLookupStrategy(const QString& name) {
    return parseName(name, {LookupStrategy::Auto, LookupStrategy::Search, LookupStrategy::ListAll},
                     lookupStrategyName);
}

} // namespace syncdesk
