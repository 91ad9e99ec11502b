#include "core/sync/RunJournal.h"

#include "core/store/SqlUtil.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcJournal, "syncdesk.sync.journal", QtWarningMsg)

namespace syncdesk {

namespace {

const QString kRunColumns = QStringLiteral(
    "id, kind, state, phase, dry_run, connection_id, connection_name, crm_kind, undo_of, unique_id_property,"
    " settings, selection, counts, lookup, error, message, created_at, started_at, finished_at, updated_at");

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString timeText(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QString& text) {
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QString jsonText(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const QString& text) {
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

QString errorText(const std::optional<CrmError>& e) {
    return e ? jsonText(e->toJson()) : QStringLiteral("");
}

AssociationPlan::Kind parseAssociationKind(const QString& name) {
    for (AssociationPlan::Kind k :
         {AssociationPlan::Kind::None, AssociationPlan::Kind::AtCreate, AssociationPlan::Kind::Add,
          AssociationPlan::Kind::Present, AssociationPlan::Kind::KeptOther}) {
        if (associationKindName(k) == name)
            return k;
    }
    return AssociationPlan::Kind::None;
}

RunInfo readRun(const QSqlQuery& q) {
    RunInfo r;
    r.id = q.value(0).toLongLong();
    r.kind = parseRunKind(q.value(1).toString()).value_or(RunKind::Sync);
    r.state = parseRunState(q.value(2).toString()).value_or(RunState::Failed);
    r.phase = parseRunPhase(q.value(3).toString()).value_or(RunPhase::Planning);
    r.dryRun = q.value(4).toBool();
    r.connectionId = q.value(5).toString();
    r.connectionName = q.value(6).toString();
    r.crmKind = q.value(7).toString();
    r.undoOf = q.value(8).toLongLong();
    r.uniqueIdProperty = q.value(9).toString();
    r.settings = parseJson(q.value(10).toString());
    r.selection = parseJson(q.value(11).toString());
    r.counts = parseJson(q.value(12).toString());
    r.lookup = parseJson(q.value(13).toString());
    r.error = crmErrorFromJson(parseJson(q.value(14).toString()));
    r.message = q.value(15).toString();
    r.createdAt = parseTime(q.value(16).toString());
    r.startedAt = parseTime(q.value(17).toString());
    r.finishedAt = parseTime(q.value(18).toString());
    r.updatedAt = parseTime(q.value(19).toString());
    return r;
}

} // namespace

RunJournal::RunJournal(const Workspace& workspace)
    : m_workspace(workspace) {}

bool RunJournal::fail(const QString& error) {
    m_error = error;
    qCWarning(lcJournal).noquote() << error;
    return false;
}

QString RunJournal::workspaceUid() {
    if (!m_uid.isEmpty())
        return m_uid;
    QSqlDatabase db = m_workspace.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO engine_meta (key, value) VALUES ('workspace_uid', ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::Id128));
    if (!q.exec()) {
        fail(sqlErrorText(q.lastError()));
        return QString();
    }
    if (!q.exec(QStringLiteral("SELECT value FROM engine_meta WHERE key = 'workspace_uid'")) || !q.next()) {
        fail(sqlErrorText(q.lastError()));
        return QString();
    }
    m_uid = q.value(0).toString();
    return m_uid;
}

QString RunJournal::uniqueValueFor(RecordObject object, qint64 localId) {
    const QString uid = workspaceUid();
    if (uid.isEmpty())
        return QString();
    return uid + (object == RecordObject::Company ? QStringLiteral("-co") : QStringLiteral("-ct")) +
           QString::number(localId);
}

bool RunJournal::createRun(RunInfo& run) {
    const QString now = nowText();
    QSqlQuery q(m_workspace.database());
    q.prepare(
        QStringLiteral("INSERT INTO runs (kind, state, phase, dry_run, connection_id, connection_name,"
                       " crm_kind, undo_of, unique_id_property, settings, selection, counts, lookup, error,"
                       " message, created_at, started_at, finished_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(runKindName(run.kind));
    q.addBindValue(runStateName(run.state));
    q.addBindValue(runPhaseName(run.phase));
    q.addBindValue(run.dryRun ? 1 : 0);
    q.addBindValue(notNull(run.connectionId));
    q.addBindValue(notNull(run.connectionName));
    q.addBindValue(notNull(run.crmKind));
    q.addBindValue(run.undoOf != 0 ? QVariant(run.undoOf) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(notNull(run.uniqueIdProperty));
    q.addBindValue(jsonText(run.settings));
    q.addBindValue(jsonText(run.selection));
    q.addBindValue(jsonText(run.counts));
    q.addBindValue(jsonText(run.lookup));
    q.addBindValue(errorText(run.error));
    q.addBindValue(notNull(run.message));
    q.addBindValue(now);
    q.addBindValue(notNull(timeText(run.startedAt)));
    q.addBindValue(notNull(timeText(run.finishedAt)));
    q.addBindValue(now);
    if (!q.exec())
        return fail(tr("Cannot journal the run: %1").arg(sqlErrorText(q.lastError())));
    run.id = q.lastInsertId().toLongLong();
    run.createdAt = run.updatedAt = parseTime(now);
    return true;
}

bool RunJournal::updateRun(RunInfo& run) {
    const QString now = nowText();
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("UPDATE runs SET state = ?, phase = ?, unique_id_property = ?, settings = ?,"
                             " selection = ?, counts = ?, lookup = ?, error = ?, message = ?, started_at = ?,"
                             " finished_at = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(runStateName(run.state));
    q.addBindValue(runPhaseName(run.phase));
    q.addBindValue(notNull(run.uniqueIdProperty));
    q.addBindValue(jsonText(run.settings));
    q.addBindValue(jsonText(run.selection));
    q.addBindValue(jsonText(run.counts));
    q.addBindValue(jsonText(run.lookup));
    q.addBindValue(errorText(run.error));
    q.addBindValue(notNull(run.message));
    q.addBindValue(notNull(timeText(run.startedAt)));
    q.addBindValue(notNull(timeText(run.finishedAt)));
    q.addBindValue(now);
    q.addBindValue(run.id);
    if (!q.exec())
        return fail(tr("Cannot update run %1: %2").arg(run.id).arg(sqlErrorText(q.lastError())));
    run.updatedAt = parseTime(now);
    return true;
}

std::optional<RunInfo> RunJournal::run(qint64 id) {
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(sqlErrorText(q.lastError()));
        return std::nullopt;
    }
    m_error.clear();
    if (!q.next())
        return std::nullopt;
    return readRun(q);
}

std::optional<QList<RunInfo>> RunJournal::runs(int limit) {
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs ORDER BY id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    if (!q.exec(sql)) {
        fail(sqlErrorText(q.lastError()));
        return std::nullopt;
    }
    QList<RunInfo> out;
    while (q.next())
        out.append(readRun(q));
    return out;
}

std::optional<QList<RunInfo>> RunJournal::undoRunsOf(qint64 runId) {
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRunColumns +
              QStringLiteral(" FROM runs WHERE undo_of = ? ORDER BY id DESC"));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(sqlErrorText(q.lastError()));
        return std::nullopt;
    }
    QList<RunInfo> out;
    while (q.next())
        out.append(readRun(q));
    return out;
}

QList<qint64> RunJournal::recoverInterrupted() {
    QList<qint64> running;
    {
        QSqlQuery q(m_workspace.database());
        if (!q.exec(QStringLiteral("SELECT id FROM runs WHERE state = 'running'"))) {
            fail(sqlErrorText(q.lastError()));
            return {};
        }
        while (q.next())
            running.append(q.value(0).toLongLong());
    }
    QList<qint64> changed;
    for (qint64 id : std::as_const(running)) {
        RunLock lock(m_workspace, id);
        if (!lock.tryLock())
            continue; // a live process carries it out
        QSqlQuery q(m_workspace.database());
        q.prepare(QStringLiteral("UPDATE runs SET state = 'interrupted', message = ?, updated_at = ?"
                                 " WHERE id = ? AND state = 'running'"));
        q.addBindValue(tr("The process carrying out this run stopped (crash or kill) before it finished."));
        q.addBindValue(nowText());
        q.addBindValue(id);
        if (q.exec() && q.numRowsAffected() > 0) {
            changed.append(id);
            qCInfo(lcJournal) << "run" << id << "was interrupted";
        }
    }
    return changed;
}

bool RunJournal::addRecords(qint64 runId, QList<JournalRecord>& records) {
    QSqlDatabase db = m_workspace.database();
    Workspace::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    const QString now = nowText();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO run_records (run_id, seq, object, local_id, name, email, action, reason_code, reason,"
        " match_key, unique_value, crm_id, company_local_id, association, association_company_id,"
        " association_state, state, attempts, outcome, error, note, source_record_id, plan, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery c(db);
    c.prepare(QStringLiteral(
        "INSERT INTO run_changes (record_id, property, before, after, strategy, field, written)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (JournalRecord& r : records) {
        r.runId = runId;
        int i = 0;
        q.bindValue(i++, runId);
        q.bindValue(i++, r.seq);
        q.bindValue(i++, recordObjectName(r.object));
        q.bindValue(i++, r.localId);
        q.bindValue(i++, notNull(r.name));
        q.bindValue(i++, notNull(r.email));
        q.bindValue(i++, notNull(r.action));
        q.bindValue(i++, notNull(r.reasonCode));
        q.bindValue(i++, notNull(r.reason));
        q.bindValue(i++, notNull(r.matchKey));
        q.bindValue(i++, notNull(r.uniqueValue));
        q.bindValue(i++, notNull(r.crmId));
        q.bindValue(i++, r.companyLocalId);
        q.bindValue(i++, associationKindName(r.association));
        q.bindValue(i++, notNull(r.associationCompanyId));
        q.bindValue(i++, notNull(r.associationState));
        q.bindValue(i++, writeStateName(r.state));
        q.bindValue(i++, r.attempts);
        q.bindValue(i++, notNull(recordOutcomeName(r.outcome)));
        q.bindValue(i++, errorText(r.error));
        q.bindValue(i++, notNull(r.note));
        q.bindValue(i++, r.sourceRecordId != 0 ? QVariant(r.sourceRecordId)
                                               : QVariant(QMetaType(QMetaType::LongLong)));
        q.bindValue(i++, jsonText(r.plan));
        q.bindValue(i++, now);
        if (!q.exec())
            return fail(tr("Cannot journal %1 %2: %3")
                            .arg(recordObjectName(r.object))
                            .arg(r.localId)
                            .arg(sqlErrorText(q.lastError())));
        r.id = q.lastInsertId().toLongLong();
        for (const JournalChange& ch : std::as_const(r.changes)) {
            c.bindValue(0, r.id);
            c.bindValue(1, ch.property);
            c.bindValue(2, notNull(ch.before));
            c.bindValue(3, notNull(ch.after));
            c.bindValue(4, notNull(ch.strategy));
            c.bindValue(5, notNull(ch.field));
            c.bindValue(6, ch.written ? 1 : 0);
            if (!c.exec())
                return fail(sqlErrorText(c.lastError()));
        }
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

std::optional<QList<JournalRecord>> RunJournal::records(qint64 runId) {
    QSqlDatabase db = m_workspace.database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, seq, object, local_id, name, email, action, reason_code, reason, match_key, unique_value,"
        " crm_id, company_local_id, association, association_company_id, association_state, state, attempts,"
        " outcome, error, note, source_record_id, plan FROM run_records WHERE run_id = ? ORDER BY seq, id"));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(sqlErrorText(q.lastError()));
        return std::nullopt;
    }
    QList<JournalRecord> out;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        JournalRecord r;
        int i = 0;
        r.id = q.value(i++).toLongLong();
        r.runId = runId;
        r.seq = q.value(i++).toInt();
        r.object = parseRecordObject(q.value(i++).toString()).value_or(RecordObject::Company);
        r.localId = q.value(i++).toLongLong();
        r.name = q.value(i++).toString();
        r.email = q.value(i++).toString();
        r.action = q.value(i++).toString();
        r.reasonCode = q.value(i++).toString();
        r.reason = q.value(i++).toString();
        r.matchKey = q.value(i++).toString();
        r.uniqueValue = q.value(i++).toString();
        r.crmId = q.value(i++).toString();
        r.companyLocalId = q.value(i++).toLongLong();
        r.association = parseAssociationKind(q.value(i++).toString());
        r.associationCompanyId = q.value(i++).toString();
        r.associationState = q.value(i++).toString();
        r.state = parseWriteState(q.value(i++).toString()).value_or(WriteState::Pending);
        r.attempts = q.value(i++).toInt();
        r.outcome = parseRecordOutcome(q.value(i++).toString()).value_or(RecordOutcome::None);
        r.error = crmErrorFromJson(parseJson(q.value(i++).toString()));
        r.note = q.value(i++).toString();
        r.sourceRecordId = q.value(i++).toLongLong();
        r.plan = parseJson(q.value(i++).toString());
        index.insert(r.id, out.size());
        out.append(std::move(r));
    }
    QSqlQuery c(db);
    c.setForwardOnly(true);
    c.prepare(
        QStringLiteral("SELECT c.record_id, c.property, c.before, c.after, c.strategy, c.field, c.written"
                       " FROM run_changes c JOIN run_records r ON r.id = c.record_id"
                       " WHERE r.run_id = ? ORDER BY c.id"));
    c.addBindValue(runId);
    if (!c.exec()) {
        fail(sqlErrorText(c.lastError()));
        return std::nullopt;
    }
    while (c.next()) {
        const auto it = index.constFind(c.value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        out[*it].changes.append({c.value(1).toString(), c.value(2).toString(), c.value(3).toString(),
                                 c.value(4).toString(), c.value(5).toString(), c.value(6).toBool()});
    }
    return out;
}

bool RunJournal::markSending(const QList<JournalRecord*>& records) {
    QSqlDatabase db = m_workspace.database();
    Workspace::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE run_records SET state = 'sending', attempts = ?, updated_at = ? WHERE id = ?"));
    const QString now = nowText();
    for (JournalRecord* r : records) {
        q.bindValue(0, r->attempts + 1);
        q.bindValue(1, now);
        q.bindValue(2, r->id);
        if (!q.exec())
            return fail(sqlErrorText(q.lastError()));
    }
    if (!tx.commit())
        return fail(tx.error());
    for (JournalRecord* r : records) {
        r->state = WriteState::Sending;
        ++r->attempts;
    }
    return true;
}

bool RunJournal::saveRecords(const QList<const JournalRecord*>& records) {
    if (records.isEmpty())
        return true;
    QSqlDatabase db = m_workspace.database();
    Workspace::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("UPDATE run_records SET state = ?, attempts = ?, outcome = ?, crm_id = ?, error = ?,"
                       " note = ?, association_company_id = ?, association_state = ?, reason_code = ?,"
                       " reason = ?, updated_at = ? WHERE id = ?"));
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE run_changes SET written = ? WHERE record_id = ? AND property = ?"));
    const QString now = nowText();
    for (const JournalRecord* r : records) {
        q.bindValue(0, writeStateName(r->state));
        q.bindValue(1, r->attempts);
        q.bindValue(2, notNull(recordOutcomeName(r->outcome)));
        q.bindValue(3, notNull(r->crmId));
        q.bindValue(4, errorText(r->error));
        q.bindValue(5, notNull(r->note));
        q.bindValue(6, notNull(r->associationCompanyId));
        q.bindValue(7, notNull(r->associationState));
        q.bindValue(8, notNull(r->reasonCode));
        q.bindValue(9, notNull(r->reason));
        q.bindValue(10, now);
        q.bindValue(11, r->id);
        if (!q.exec())
            return fail(sqlErrorText(q.lastError()));
        for (const JournalChange& ch : r->changes) {
            if (!ch.written)
                continue;
            c.bindValue(0, 1);
            c.bindValue(1, r->id);
            c.bindValue(2, ch.property);
            if (!c.exec())
                return fail(sqlErrorText(c.lastError()));
        }
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

std::optional<OutcomeCounts> RunJournal::outcomeCounts(qint64 runId) {
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT object, state, outcome, count(*) FROM run_records WHERE run_id = ?"
                             " GROUP BY object, state, outcome"));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(sqlErrorText(q.lastError()));
        return std::nullopt;
    }
    OutcomeCounts counts;
    while (q.next()) {
        OutcomeCounts::Side& side = q.value(0).toString() == u"contact" ? counts.contacts : counts.companies;
        const int n = q.value(3).toInt();
        side.total += n;
        const RecordOutcome outcome = parseRecordOutcome(q.value(2).toString()).value_or(RecordOutcome::None);
        if (q.value(1).toString() != u"done" || outcome == RecordOutcome::None)
            side.pending += n;
        else
            side.outcomes[outcome] += n;
    }
    return counts;
}

std::optional<QHash<qint64, QString>> RunJournal::knownCrmIds(const QString& connectionId,
                                                              RecordObject object) {
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT rr.local_id, rr.crm_id, rr.outcome FROM run_records rr"
                             " JOIN runs r ON r.id = rr.run_id"
                             " WHERE r.connection_id = ? AND r.dry_run = 0 AND rr.object = ?"
                             " AND rr.state = 'done' AND rr.crm_id <> '' ORDER BY rr.id"));
    q.addBindValue(connectionId);
    q.addBindValue(object == RecordObject::Company ? QStringLiteral("company") : QStringLiteral("contact"));
    if (!q.exec()) {
        fail(sqlErrorText(q.lastError()));
        return std::nullopt;
    }
    QHash<qint64, QString> known;
    while (q.next()) {
        const qint64 localId = q.value(0).toLongLong();
        switch (parseRecordOutcome(q.value(2).toString()).value_or(RecordOutcome::None)) {
        case RecordOutcome::Created:
        case RecordOutcome::Updated:
        case RecordOutcome::Unchanged:
        case RecordOutcome::Restored:
            known.insert(localId, q.value(1).toString());
            break;
        case RecordOutcome::Archived:
            known.remove(localId);
            break;
        default:
            break;
        }
    }
    return known;
}

RunLock::RunLock(const Workspace& workspace, qint64 runId)
    : m_lock(std::make_unique<QLockFile>(path(workspace, runId))) {
    m_lock->setStaleLockTime(0); // only a dead owner makes the lock stale, never its age
}

RunLock::~RunLock() {
    unlock();
}

bool RunLock::tryLock() {
    return m_lock->isLocked() || m_lock->tryLock(0);
}

void RunLock::unlock() {
    if (m_lock->isLocked())
        m_lock->unlock();
}

bool RunLock::isLocked() const {
    return m_lock->isLocked();
}

QString RunLock::path(const Workspace& workspace, qint64 runId) {
    return workspace.path() + QStringLiteral(".run-%1.lock").arg(runId);
}

} // namespace syncdesk
