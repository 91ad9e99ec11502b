#pragma once

#include "core/connectors/ConnectorFacts.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace syncdesk {

// What one item (a domain key, an e-mail) adds to a lookup request.
struct LookupItemCost {
    int values = 1; // values it puts into the request (a domain key with its variants: several)
    int chars = 0;  // characters it adds to the body / URL
};

// Splits `items` (kept in order) into as few requests as `limits` allow, filling each request
// greedily. `baseChars` is what every request costs before any item. An item that does not fit
// into an empty request is put into a request of its own and `*allFit` (when given) becomes false.
QList<QStringList> chunkLookup(const QStringList& items, const LookupLimits& limits, int baseChars,
                               const std::function<LookupItemCost(const QString&)>& cost,
                               bool* allFit = nullptr);

// Splits `items` into requests of an exact-value search that spreads its values over filter groups
// of one IN filter each: at most `maxGroups` groups of at most limits.maxValues values, and at most
// limits.maxRequestChars characters, where a request costs `baseChars` (with its first group), each
// further group limits.perGroupOverheadChars and each value its cost. An item's values stay in one
// request (they may span groups). An item that does not fit into an empty request is put into a
// request of its own and `*allFit` becomes false.
QList<QStringList> chunkExactValueLookup(const QStringList& items, const LookupLimits& limits, int maxGroups,
                                         int baseChars,
                                         const std::function<QList<int>(const QString&)>& valueChars,
                                         bool* allFit = nullptr);

// The values an exact-value search (HubSpot IN on `domain`) sends for the domain key `key`: the key
// and, for an IDN, its Unicode form; lower-case (HubSpot's IN wants lower-case values and compares
// them with the lower-cased stored value). Every other raw form of the key (www., a scheme, a path,
// a port, ...) is found by the census search (ConnectorFacts::domainCensusPatterns), not by value.
QStringList domainSearchValues(const QString& key);

// Whether `raw` (a CRM domain value) matches one of the census `patterns` the way the sandbox and
// HubSpot's CONTAINS_TOKEN do: case-insensitively, `*` matching any run of characters, against the
// whole value or any of its tokens (runs of letters and digits).
bool matchesDomainCensus(const QString& raw, const QStringList& patterns);

} // namespace syncdesk
