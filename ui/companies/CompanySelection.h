#pragma once

#include <QList>

#include <vector>

namespace syncdesk {

// The companies ticked in the list: a set of company ids that outlives filter changes (select a
// few, widen the filter, tick more). Kept as a sorted vector: 1,000,000 ids cost 8 MB, membership
// is a binary search, and adding a whole filtered result is one merge.
class CompanySelection {
public:
    bool contains(qint64 id) const;
    qsizetype size() const { return qsizetype(m_ids.size()); }
    bool isEmpty() const { return m_ids.empty(); }

    // True when the set changed.
    bool set(qint64 id, bool selected);
    bool add(QList<qint64> ids);    // any order, duplicates allowed
    bool remove(QList<qint64> ids); // any order
    bool clear();

    QList<qint64> ids() const; // ascending

private:
    std::vector<qint64> m_ids; // sorted, unique
};

} // namespace syncdesk
