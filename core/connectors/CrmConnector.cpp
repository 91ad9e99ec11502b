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
    const int base = limits.requestOverheadChars + propertiesChars(properties, limits);
    bool allFit = true;
    switch (f.domainSearch) {
    case DomainSearchMode::None:
        return std::nullopt;
    case DomainSearchMode::ExactValues: {
        if (policy != DomainPolicy::Host)
            return std::nullopt; // a value on a subdomain would be missed
        QList<QStringList> chunks = chunkExactValueLookup(
            keys, limits, f.maxFilterGroups, base,
            [&limits](const QString& key) {
                QList<int> chars;
                for (const QString& v : domainSearchValues(key))
                    chars.append(int(v.toUtf8().size()) + limits.perValueOverheadChars);
                return chars;
            },
            &allFit);
        if (!allFit)
            return std::nullopt;
        if (!keys.isEmpty())
            chunks.prepend(QStringList()); // the census of values that are not a bare host
        return chunks;
    }
    case DomainSearchMode::Substring:
        break;
    }
    QList<QStringList> chunks = chunkLookup(
        keys, limits, base,
        [&limits](const QString& key) {
            return LookupItemCost{1, int(key.toUtf8().size()) + limits.perValueOverheadChars};
        },
        &allFit);
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

std::unique_ptr<CrmConnector> CrmConnector::cloneForThread(std::function<void(const HttpExchange&)>) const {
    return nullptr;
}

void CrmConnector::replayExchange(const HttpExchange&) {}

} // namespace syncdesk
