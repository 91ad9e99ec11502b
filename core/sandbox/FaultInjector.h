// Chooses which requests get an injected fault. Rules are tried in order; the first whose method
// and path match, whose `skip` is used up, whose `times` is not, and whose `rate` dice roll hits,
// wins. One fault at most per request.
#pragma once

#include "core/sandbox/SandboxSettings.h"

#include <QRandomGenerator>

#include <optional>

namespace syncdesk::sandbox {

class FaultInjector {
public:
    explicit FaultInjector(QRandomGenerator* random);

    const QList<FaultRule>& rules() const { return m_rules; }
    void setRules(const QList<FaultRule>& rules); // ids are reassigned when missing
    int add(FaultRule rule);                      // returns the new rule's id
    bool remove(int id);
    void clear() { m_rules.clear(); }

    std::optional<FaultRule> pick(const QByteArray& method, const QString& path);

private:
    QRandomGenerator* m_random;
    QList<FaultRule> m_rules;
    int m_nextId = 1;
};

} // namespace syncdesk::sandbox
