#include "core/connectors/CrmConnector.h"

#include "core/connectors/LookupChunks.h"

namespace syncdesk {

CrmConnector::~CrmConnector() = default;

namespace {
// What listing `properties` adds to a request (JSON array or SOQL select list).
int propertiesChars(const QStringList& properties, const LookupLimits& limits) {
    int chars = 0;
    for (const QString& p : properties)
        chars += int(p.size()) + limits.perValueOverheadChars;
    return chars;
}
} // namespace

std::optional<QList<QStringList>> CrmConnector::domainLookupChunks(const QStringList& keys,
                                                                   DomainPolicy policy,
                                                                   const QStringList& properties) const {
    const ConnectorFacts& f = facts();
    const LookupLimits& limits = f.domainLookup;
    std::function<LookupItemCost(const QString&)> cost;
    switch (f.domainSearch) {
    case DomainSearchMode::None:
        return std::nullopt;
    case DomainSearchMode::ExactValues:
        if (policy != DomainPolicy::Host)
            return std::nullopt; // a value on a subdomain would be missed
        cost = [&limits](const QString& key) {
            const QStringList variants = domainSearchVariants(key);
            LookupItemCost c{int(variants.size()), 0};
            for (const QString& v : variants)
                c.chars += int(v.toUtf8().size()) + limits.perValueOverheadChars;
            return c;
        };
        break;
    case DomainSearchMode::Substring:
        cost = [&limits](const QString& key) {
            return LookupItemCost{1, int(key.toUtf8().size()) + limits.perValueOverheadChars};
        };
        break;
    }
    bool allFit = true;
    QList<QStringList> chunks = chunkLookup(
        keys, limits, limits.requestOverheadChars + propertiesChars(properties, limits), cost, &allFit);
    if (!allFit)
        return std::nullopt;
    return chunks;
}

QList<QStringList> CrmConnector::emailLookupChunks(const QStringList& emails,
                                                   const QStringList& properties) const {
    const LookupLimits& limits = facts().emailLookup;
    const int base =
        limits.maxRequestChars > 0 ? limits.requestOverheadChars + propertiesChars(properties, limits) : 0;
    return chunkLookup(emails, limits, base, [&limits](const QString& email) {
        return LookupItemCost{1, int(email.toUtf8().size()) + limits.perValueOverheadChars};
    });
}

} // namespace syncdesk
