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

// The raw values a CRM may hold for a company whose domain key is `key`, as an exact-value search
// looks for them: key, www.key, http(s)://key, https://key/ and the same with www., for the ASCII
// key and (for IDNs) its Unicode form. All lower-case (HubSpot's IN wants lower-case values).
QStringList domainSearchVariants(const QString& key);

} // namespace syncdesk
