#include "core/connectors/LookupChunks.h"

#include <QUrl>

#include <limits>

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

QList<QStringList> chunkExactValueLookup(const QStringList& items, const LookupLimits& limits, int maxGroups,
                                         int baseChars,
                                         const std::function<QList<int>(const QString&)>& valueChars,
                                         bool* allFit) {
    if (allFit)
        *allFit = true;
    const int perGroup = limits.maxValues > 0 ? limits.maxValues : std::numeric_limits<int>::max();
    const int groupsAllowed = qMax(1, maxGroups);
    QList<QStringList> chunks;
    QStringList current;
    int values = 0;
    int chars = 0; // of the values alone
    const auto groupsFor = [perGroup](int v) {
        return v <= 0 ? 1 : int((qint64(v) + perGroup - 1) / perGroup);
    };
    const auto fits = [&](int v, int c) {
        const int groups = groupsFor(v);
        return groups <= groupsAllowed &&
               (limits.maxRequestChars <= 0 ||
                baseChars + (groups - 1) * limits.perGroupOverheadChars + c <= limits.maxRequestChars);
    };
    for (const QString& item : items) {
        const QList<int> cost = valueChars(item);
        int itemChars = 0;
        for (int c : cost)
            itemChars += c;
        const int itemValues = int(cost.size());
        if (!current.isEmpty() && !fits(values + itemValues, chars + itemChars)) {
            chunks.append(current);
            current.clear();
            values = 0;
            chars = 0;
        }
        if (current.isEmpty() && !fits(itemValues, itemChars) && allFit)
            *allFit = false;
        current.append(item);
        values += itemValues;
        chars += itemChars;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

QStringList domainSearchValues(const QString& key) {
    QStringList out{key.toLower()};
    const QString unicode = QUrl::fromAce(key.toLatin1()).toLower();
    if (!unicode.isEmpty() && unicode != out.constFirst())
        out.append(unicode);
    return out;
}

namespace {

// `pattern` with `*` matching any run of characters (no other special characters) against all of `text`.
bool wildcardMatch(QStringView pattern, QStringView text) {
    qsizetype p = 0, t = 0, star = -1, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

} // namespace

bool matchesDomainCensus(const QString& raw, const QStringList& patterns) {
    const QString value = raw.toLower();
    QList<QStringView> tokens; // runs of letters and digits
    qsizetype from = -1;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        const bool word = i < value.size() && value.at(i).isLetterOrNumber();
        if (word && from < 0)
            from = i;
        if (!word && from >= 0) {
            tokens.append(QStringView(value).mid(from, i - from));
            from = -1;
        }
    }
    for (const QString& p : patterns) {
        const QString pattern = p.toLower();
        if (wildcardMatch(pattern, value))
            return true;
        for (QStringView t : std::as_const(tokens)) {
            if (wildcardMatch(pattern, t))
                return true;
        }
    }
    return false;
}

} // namespace syncdesk
