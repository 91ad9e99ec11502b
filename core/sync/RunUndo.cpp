#include "core/sync/RunUndo.h"

#include "core/mapping/ValueConversion.h"

#include <QHash>
#include <QJsonArray>

namespace syncdesk {

RunUndo::RunUndo(CrmConnector& connector)
    : m_connector(connector) {}

RunUndo::Plan RunUndo::plan(const QList<JournalRecord>& records) {
    Plan out;
    const ConnectorFacts& facts = m_connector.facts();

    // What the run wrote, per object.
    QList<const JournalRecord*> written[2];
    QStringList properties[2];
    for (const JournalRecord& r : records) {
        if (r.crmId.isEmpty())
            continue;
        if (r.outcome != RecordOutcome::Created && r.outcome != RecordOutcome::Updated &&
            r.outcome != RecordOutcome::Restored && r.outcome != RecordOutcome::Failed)
            continue;
        bool any = false;
        for (const JournalChange& c : r.changes) {
            if (!c.written)
                continue;
            any = true;
            QStringList& p = properties[r.object == RecordObject::Company ? 0 : 1];
            if (!p.contains(c.property))
                p.append(c.property);
        }
        if (any || r.outcome == RecordOutcome::Created)
            written[r.object == RecordObject::Company ? 0 : 1].append(&r);
    }

    const auto fail = [&out](const CrmError& e) {
        out.error = e;
        out.records.clear();
        return out;
    };

    // The CRM's property types (numbers, dates compare by value) and current values.
    QHash<QString, CrmRecord> current[2];
    QHash<QString, CrmProperty> schema[2];
    for (int o = 0; o < 2; ++o) {
        if (written[o].isEmpty())
            continue;
        const RecordObject object = o == 0 ? RecordObject::Company : RecordObject::Contact;
        if (m_cancelled && m_cancelled()) {
            CrmError e;
            e.kind = CrmErrorKind::Cancelled;
            e.message = tr("The undo was cancelled.");
            return fail(e);
        }
        ++out.calls;
        const CrmResult<QList<CrmProperty>> props = m_connector.fetchProperties(object);
        if (!props.ok())
            return fail(props.error());
        for (const CrmProperty& p : props.value())
            schema[o].insert(p.name, p);
        const int batch = qMax(1, facts.maxReadBatch);
        for (qsizetype from = 0; from < written[o].size(); from += batch) {
            QStringList ids;
            for (const JournalRecord* r : written[o].mid(from, batch))
                ids.append(r->crmId);
            if (m_cancelled && m_cancelled()) {
                CrmError e;
                e.kind = CrmErrorKind::Cancelled;
                e.message = tr("The undo was cancelled.");
                return fail(e);
            }
            ++out.calls;
            const CrmResult<QList<CrmRecord>> read = m_connector.readRecords(object, ids, properties[o]);
            if (!read.ok())
                return fail(read.error());
            for (const CrmRecord& c : read.value())
                current[o].insert(c.id, c);
        }
    }

    int seq = 0;
    for (int o = 0; o < 2; ++o) {
        for (const JournalRecord* r : std::as_const(written[o])) {
            JournalRecord u;
            u.seq = seq++;
            u.object = r->object;
            u.localId = r->localId;
            u.name = r->name;
            u.email = r->email;
            u.crmId = r->crmId;
            u.sourceRecordId = r->id;
            u.matchKey = r->matchKey;
            const auto found = current[o].constFind(r->crmId);
            QStringList changedSince;
            if (found != current[o].constEnd()) {
                for (const JournalChange& c : r->changes) {
                    if (!c.written)
                        continue;
                    const auto p = schema[o].constFind(c.property);
                    const FieldType type =
                        c.property == facts.emailProperty ? FieldType::Email : FieldType::Text;
                    const QString now = found->value(c.property);
                    if (!ValueConversion::sameValue(now, c.after,
                                                    p != schema[o].constEnd() ? &p.value() : nullptr, type)) {
                        changedSince.append(c.property);
                    } else if (r->outcome != RecordOutcome::Created) {
                        u.changes.append({c.property, now, c.before, QStringLiteral("undo"), c.field, false});
                    }
                }
            }
            if (found == current[o].constEnd()) {
                u.action = leftAloneActionName();
                u.note = tr("No longer in the CRM: nothing to undo.");
            } else if (r->outcome == RecordOutcome::Created) {
                if (changedSince.isEmpty()) {
                    u.action = archiveActionName();
                    u.note = tr("Created by the run and unchanged since: archived.");
                } else {
                    u.action = leftAloneActionName();
                    u.note = tr("Created by the run, but changed since (%1): left alone.")
                                 .arg(changedSince.join(QStringLiteral(", ")));
                }
            } else if (!u.changes.isEmpty()) {
                u.action = restoreActionName();
                u.note =
                    changedSince.isEmpty()
                        ? QString()
                        : tr("Changed since, left alone: %1.").arg(changedSince.join(QStringLiteral(", ")));
            } else {
                u.action = leftAloneActionName();
                u.note = tr("Every value the run wrote has changed since (%1): left alone.")
                             .arg(changedSince.join(QStringLiteral(", ")));
            }
            if (u.action == leftAloneActionName()) {
                u.state = WriteState::Done;
                u.outcome = RecordOutcome::LeftAlone;
                ++out.leftAlone;
            } else {
                u.state = WriteState::Pending;
                ++(u.action == archiveActionName() ? out.archive : out.restore);
            }
            QJsonArray left;
            for (const QString& p : std::as_const(changedSince))
                left.append(p);
            u.plan = QJsonObject{{QStringLiteral("object"), recordObjectName(u.object)},
                                 {QStringLiteral("local_id"), u.localId},
                                 {QStringLiteral("action"), u.action},
                                 {QStringLiteral("undone_record"), r->id},
                                 {QStringLiteral("undone_outcome"), recordOutcomeName(r->outcome)},
                                 {QStringLiteral("changed_since"), left}};
            out.records.append(u);
        }
    }
    return out;
}

} // namespace syncdesk
