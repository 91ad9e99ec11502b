#include "ui/companies/CompanySelection.h"

#include <algorithm>
#include <iterator>

namespace syncdesk {

namespace {

std::vector<qint64> sortedUnique(QList<qint64> ids) {
    std::vector<qint64> v(ids.begin(), ids.end());
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

} // namespace

bool CompanySelection::contains(qint64 id) const {
    return std::binary_search(m_ids.begin(), m_ids.end(), id);
}

bool CompanySelection::set(qint64 id, bool selected) {
    auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    const bool present = it != m_ids.end() && *it == id;
    if (selected == present)
        return false;
    if (selected)
        m_ids.insert(it, id);
    else
        m_ids.erase(it);
    return true;
}

bool CompanySelection::add(QList<qint64> ids) {
    const std::vector<qint64> more = sortedUnique(std::move(ids));
    std::vector<qint64> merged;
    merged.reserve(m_ids.size() + more.size());
    std::set_union(m_ids.begin(), m_ids.end(), more.begin(), more.end(), std::back_inserter(merged));
    const bool changed = merged.size() != m_ids.size();
    m_ids = std::move(merged);
    return changed;
}

bool CompanySelection::remove(QList<qint64> ids) {
    const std::vector<qint64> less = sortedUnique(std::move(ids));
    std::vector<qint64> rest;
    rest.reserve(m_ids.size());
    std::set_difference(m_ids.begin(), m_ids.end(), less.begin(), less.end(), std::back_inserter(rest));
    const bool changed = rest.size() != m_ids.size();
    m_ids = std::move(rest);
    return changed;
}

bool CompanySelection::clear() {
    const bool changed = !m_ids.empty();
    m_ids.clear();
    return changed;
}

QList<qint64> CompanySelection::ids() const {
    return QList<qint64>(m_ids.begin(), m_ids.end());
}

} // namespace syncdesk
