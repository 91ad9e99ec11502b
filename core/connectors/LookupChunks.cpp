#include "core/connectors/LookupChunks.h"

#include <QUrl>

namespace syncdesk {

QList<QStringList> chunkLookup(const QStringList& items, const LookupLimits& limits, int baseChars,
                               const std::function<LookupItemCost(const QString&)>& cost, bool* allFit) {
    if (allFit)
        *allFit = true;
    QList<QStringList> chunks;
    QStringList current;
    int values = 0;
    int chars = baseChars;
    const auto fits = [&limits](int v, int c) {
        return (limits.maxValues <= 0 || v <= limits.maxValues) &&
               (limits.maxRequestChars <= 0 || c <= limits.maxRequestChars);
    };
    for (const QString& item : items) {
        const LookupItemCost c = cost(item);
        if (!current.isEmpty() && !fits(values + c.values, chars + c.chars)) {
            chunks.append(current);
            current.clear();
            values = 0;
            chars = baseChars;
        }
        if (current.isEmpty() && !fits(c.values, baseChars + c.chars) && allFit)
            *allFit = false;
        current.append(item);
        values += c.values;
        chars += c.chars;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

QStringList domainSearchVariants(const QString& key) {
    QStringList hosts{key.toLower()};
    const QString unicode = QUrl::fromAce(key.toLatin1()).toLower();
    if (!unicode.isEmpty() && unicode != hosts.constFirst())
        hosts.append(unicode);

    QStringList out;
    for (const QString& host : std::as_const(hosts)) {
        for (const QString& h : {host, QString(QStringLiteral("www.") + host)}) {
            out.append(h);
            out.append(QStringLiteral("http://") + h);
            out.append(QStringLiteral("https://") + h);
            out.append(QStringLiteral("https://") + h + u'/');
        }
    }
    return out;
}

} // namespace syncdesk
