#include "core/sandbox/FaultInjector.h"

namespace syncdesk::sandbox {

FaultInjector::FaultInjector(QRandomGenerator* random)
    : m_random(random) {}

void FaultInjector::setRules(const QList<FaultRule>& rules) {
    m_rules.clear();
    for (FaultRule rule : rules) {
        if (rule.id <= 0 || std::any_of(m_rules.cbegin(), m_rules.cend(),
                                        [&](const FaultRule& r) { return r.id == rule.id; }))
            rule.id = m_nextId;
        m_nextId = std::max(m_nextId, rule.id + 1);
        m_rules.append(rule);
    }
}

int FaultInjector::add(FaultRule rule) {
    rule.id = m_nextId++;
    rule.matched = 0;
    rule.hits = 0;
    m_rules.append(rule);
    return rule.id;
}

bool FaultInjector::remove(int id) {
    return m_rules.removeIf([id](const FaultRule& r) { return r.id == id; }) > 0;
}

std::optional<FaultRule> FaultInjector::pick(const QByteArray& method, const QString& path) {
    for (FaultRule& rule : m_rules) {
        if (rule.exhausted() || !rule.matches(method, path))
            continue;
        ++rule.matched;
        if (rule.matched <= rule.skip)
            continue;
        if (rule.rate < 1.0 && m_random->generateDouble() >= rule.rate)
            continue;
        ++rule.hits;
        return rule;
    }
    return std::nullopt;
}

} // namespace syncdesk::sandbox
