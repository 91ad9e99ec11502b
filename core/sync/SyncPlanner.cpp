#include "core/sync/SyncPlanner.h"

#include "core/domain/EmailAddress.h"
#include "core/mapping/MappingValidator.h"
#include "core/sync/ConnectorLanes.h"
#include "core/sync/RecordDiff.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcSyncPlan, "syncdesk.sync.plan", QtInfoMsg)

namespace syncdesk {

namespace {

// Oldest first; records without a creation time after those with one; then by id (numerically when
// both are numbers) so that the order never depends on the CRM's answer order.
bool olderThan(const CrmRecord& a, const CrmRecord& b) {
    if (a.createdAt.isValid() != b.createdAt.isValid())
        return a.createdAt.isValid();
    if (a.createdAt.isValid() && a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    bool okA = false;
    bool okB = false;
    const qulonglong na = a.id.toULongLong(&okA);
    const qulonglong nb = b.id.toULongLong(&okB);
    if (okA && okB)
        return na < nb;
    return a.id < b.id;
}

QList<MatchCandidate> candidatesOf(const QList<CrmRecord>& records, const QString& property) {
    QList<MatchCandidate> out;
    for (const CrmRecord& r : records)
        out.append({r.id, r.value(property), r.createdAt});
    return out;
}

QStringList withExtra(QStringList properties, const QStringList& extra) {
    for (const QString& p : extra) {
        if (!p.isEmpty() && !properties.contains(p))
            properties.append(p);
    }
    return properties;
}

} // namespace

// One planning pass: the state shared by its steps.
class SyncPlanner::Run {
public:
    Run(SyncPlanner& planner, const PlanInput& input, SyncPlan& plan)
        : m_planner(planner)
        , m_connector(planner.m_connector)
        , m_facts(planner.m_connector.facts())
        , m_in(input)
        , m_plan(plan) {
        for (const FieldDefinition& f : input.fields)
            m_labels.insert(labelKey(f.object, f.key), f.label);
    }

    void execute() {
        m_plan.settings = m_in.settings;
        const bool companies = !m_in.companies.isEmpty();
        const bool contacts =
            !m_in.contacts.isEmpty() && m_in.settings.contactMode != ContactSyncMode::Disabled;

        QList<CrmProperty> companyProperties;
        QList<CrmProperty> contactProperties;
        if (companies && !schema(RecordObject::Company, m_in.companyProperties, companyProperties))
            return;
        if (contacts && !schema(RecordObject::Contact, m_in.contactProperties, contactProperties))
            return;
        if (companies)
            m_plan.problems +=
                MappingValidator::validate(m_in.companyMapping, m_in.fields, companyProperties, m_facts);
        if (contacts)
            m_plan.problems +=
                MappingValidator::validate(m_in.contactMapping, m_in.fields, contactProperties, m_facts);
        if (MappingValidator::hasErrors(m_plan.problems)) {
            qCDebug(lcSyncPlan) << "plan refused: the mapping has errors";
            return;
        }

        if (companies && !planCompanies(companyProperties))
            return;
        if (!m_in.contacts.isEmpty())
            planContacts(contactProperties);
        finishPrefetch();
        qCDebug(lcSyncPlan) << "planned" << m_plan.companies.size() << "companies," << m_plan.contacts.size()
                            << "contacts with" << m_plan.lookup.total() << "CRM calls";
    }

private:
    static QString labelKey(RecordObject object, const QString& key) {
        return recordObjectName(object) + u':' + key;
    }
    QString label(RecordObject object, const QString& key) const {
        return m_labels.value(labelKey(object, key), key);
    }

    // The plan's error is "cancelled" when the person cancelled.
    bool cancelled() {
        if (!m_planner.m_cancelled || !m_planner.m_cancelled())
            return false;
        CrmError e;
        e.kind = CrmErrorKind::Cancelled;
        e.message = SyncPlanner::tr("The plan was cancelled.");
        m_plan.error = e;
        return true;
    }

    // One CRM call: cancellation check, counting, progress, error capture.
    template <typename T, typename Call>
    std::optional<T> request(int& counter, PlanProgress::Stage stage, Call call) {
        if (cancelled())
            return std::nullopt;
        pollPrefetch();
        CrmResult<T> result = call();
        ++counter;
        if (m_planner.m_progress)
            m_planner.m_progress({stage, m_plan.lookup.total()});
        if (!result.ok()) {
            m_plan.error = result.error();
            qCWarning(lcSyncPlan) << "lookup failed:" << crmErrorKindName(result.error().kind)
                                  << result.error().httpStatus << result.error().code;
            return std::nullopt;
        }
        return std::move(result.value());
    }

    bool schema(RecordObject object, const std::optional<QList<CrmProperty>>& given,
                QList<CrmProperty>& out) {
        if (given) {
            out = *given;
            return true;
        }
        const auto fetched =
            request<QList<CrmProperty>>(m_plan.lookup.schemaCalls, PlanProgress::Stage::Schema,
                                        [&] { return m_connector.fetchProperties(object); });
        if (fetched)
            out = *fetched;
        return fetched.has_value();
    }

    // Pages through one paged call, handing every record to `take`.
    template <typename Call, typename Take>
    bool pages(int& counter, PlanProgress::Stage stage, Call call, Take take) {
        QString cursor;
        do {
            const auto page = request<CrmPage>(counter, stage, [&] { return call(cursor); });
            if (!page)
                return false;
            for (const CrmRecord& r : page->records)
                take(r);
            cursor = page->nextCursor;
        } while (!cursor.isEmpty());
        return true;
    }

    // ---- Companies --------------------------------------------------------------------------

    bool planCompanies(const QList<CrmProperty>& properties) {
        const Mapping& mapping = m_in.companyMapping;
        const DomainPolicy policy = m_in.settings.policy;
        const QList<int> keyChain = mapping.rowsTargeting(m_facts.domainProperty);

        QHash<QString, qint64> firstByKey;
        QStringList keys;   // unique keys to look up, in selection order
        QList<int> pending; // indices into m_plan.companies waiting for the lookup
        for (const LocalRecord& c : m_in.companies) {
            RecordPlan r;
            r.object = RecordObject::Company;
            r.localId = c.id;
            r.name = c.displayName;
            MatchInfo& m = r.match;
            m.policy = DomainKey::policyName(policy);

            // The match-key row's field, or the next row targeting the domain property when it is empty.
            int supplier = keyChain.constFirst();
            DomainKeyResult key = DomainKey::compute(c.value(mapping.rows.at(supplier).fieldKey), policy);
            for (int i = 1; i < keyChain.size() && key.reason == NoKeyReason::Empty; ++i) {
                const DomainKeyResult next =
                    DomainKey::compute(c.value(mapping.rows.at(keyChain.at(i)).fieldKey), policy);
                if (next.reason != NoKeyReason::Empty) {
                    supplier = keyChain.at(i);
                    key = next;
                }
            }
            m.field = mapping.rows.at(supplier).fieldKey;
            m.fieldLabel = label(RecordObject::Company, m.field);
            if (supplier != keyChain.constFirst()) {
                m.fallback = true;
                m.skippedField = mapping.rows.at(keyChain.constFirst()).fieldKey;
                m.skippedFieldLabel = label(RecordObject::Company, m.skippedField);
            }
            m.rawValue = c.value(m.field);
            m.usedValue = key.usedValue;
            m.severalValues = key.severalValues;
            m.key = key.key;
            m.displayKey = key.displayKey;

            if (!key.hasKey()) {
                r.action = PlanAction::NoKey;
                r.reason = PlanReason::NoKey;
                m.noKeyReason = key.reasonText();
                r.reasonText = SyncPlanner::tr("No domain key from %1: %2").arg(m.fieldLabel, m.noKeyReason);
            } else if (firstByKey.contains(key.key)) {
                r.action = PlanAction::Duplicate;
                r.reason = PlanReason::DuplicateInWorkspace;
                m.duplicateOf = firstByKey.value(key.key);
                r.reasonText =
                    SyncPlanner::tr("Company %1 earlier in the selection has the same key (%2); only it "
                                    "is synced.")
                        .arg(m.duplicateOf)
                        .arg(m.displayKey);
            } else {
                firstByKey.insert(key.key, c.id);
                keys.append(key.key);
                pending.append(int(m_plan.companies.size()));
            }
            m_plan.companies.append(r);
        }

        startEmailPrefetch();
        QStringList lookupProperties =
            withExtra(mapping.targetProperties(), {m_facts.domainProperty, m_facts.nameProperty});
        QHash<QString, QList<CrmRecord>> byKey;
        if (!lookupCompanies(keys, lookupProperties, byKey))
            return false;
        if (!readKnownCompanies(pending, lookupProperties, byKey))
            return false;

        const RecordDiff differ(mapping, m_in.fields, properties, m_facts);
        for (int index : std::as_const(pending)) {
            RecordPlan& r = m_plan.companies[index];
            const LocalRecord& local = m_in.companies.at(index);
            QList<CrmRecord> found = byKey.value(r.match.key);
            std::sort(found.begin(), found.end(), olderThan);
            r.match.candidates = candidatesOf(found, m_facts.domainProperty);
            decide(r, local, found, differ, m_in.settings.companyMode == CompanySyncMode::UpdateOnly);
        }
        return true;
    }

    bool lookupCompanies(const QStringList& keys, const QStringList& properties,
                         QHash<QString, QList<CrmRecord>>& byKey) {
        if (keys.isEmpty())
            return true;
        const DomainPolicy policy = m_in.settings.policy;
        const LookupStrategy strategy = m_in.settings.lookup;
        std::optional<QList<QStringList>> chunks;
        if (strategy != LookupStrategy::ListAll)
            chunks = m_connector.domainLookupChunks(keys, policy, properties);

        const QSet<QString> wanted(keys.begin(), keys.end());
        QSet<QString> seen; // a record can come back from several searches or pages
        const auto take = [&](const CrmRecord& record) {
            if (seen.contains(record.id))
                return;
            const QString key = DomainKey::key(record.value(m_facts.domainProperty), policy);
            if (!key.isEmpty() && wanted.contains(key)) {
                seen.insert(record.id);
                byKey[key].append(record);
            }
        };
        const auto listAll = [&] {
            byKey.clear();
            seen.clear();
            m_plan.lookup.companyMethod = LookupStats::CompanyMethod::ListAll;
            const auto call = [&](const QString& cursor) {
                return m_connector.listRecords(RecordObject::Company, properties, cursor);
            };
            return pages(m_plan.lookup.companyListCalls, PlanProgress::Stage::Companies, call, take);
        };
        if (!chunks)
            return listAll();

        // Expected calls: every chunk costs at least one request; the census (an empty first chunk)
        // costs ceil(total / page) once its first page tells its total.
        const bool census = !chunks->isEmpty() && chunks->constFirst().isEmpty();
        const qint64 pageSize = qMax(1, m_facts.searchPageSize);
        std::optional<qint64> listCalls;
        if (strategy == LookupStrategy::Auto && chunks->size() > 2) {
            // Paging through every company can cost fewer calls than many searches. (With two searches
            // or fewer, counting could at best tie: a count and one page are two calls too.)
            const auto count = request<qint64>(m_plan.lookup.countCalls, PlanProgress::Stage::Companies, [&] {
                return m_connector.countRecords(RecordObject::Company);
            });
            if (!count)
                return false;
            if (*count >= 0) {
                const qint64 listPage = qMax(1, m_facts.listPageSize);
                listCalls = qMax<qint64>(1, (*count + listPage - 1) / listPage);
                if (qint64(chunks->size()) >= *listCalls) {
                    qCDebug(lcSyncPlan) << "company lookup:" << keys.size() << "keys by list (" << *listCalls
                                        << "pages vs." << chunks->size() << "searches)";
                    return listAll(); // a tie goes to listing, which is exact
                }
            }
        }

        m_plan.lookup.companyMethod = LookupStats::CompanyMethod::Search;
        qsizetype first = 0;
        if (census) {
            first = 1;
            const auto call = [&](const QString& cursor) {
                return m_connector.searchCompaniesByDomain({}, policy, properties, cursor);
            };
            const auto page =
                request<CrmPage>(m_plan.lookup.companySearchCalls, PlanProgress::Stage::Companies,
                                 [&] { return call(QString()); });
            if (!page)
                return false;
            const qint64 total = page->total >= 0 ? page->total : qint64(page->records.size());
            const qint64 censusCalls = qMax<qint64>(1, (total + pageSize - 1) / pageSize);
            const bool reachable = m_facts.maxSearchResults <= 0 || total <= m_facts.maxSearchResults;
            const qint64 searchCalls = censusCalls + qint64(chunks->size()) - 1;
            if (!reachable || (listCalls && searchCalls >= *listCalls)) {
                // The census is beyond search's reach (it could not be complete) or dearer than paging.
                qCDebug(lcSyncPlan) << "company lookup: census of" << total << "values; listing instead";
                return listAll();
            }
            for (const CrmRecord& r : page->records)
                take(r);
            QString cursor = page->nextCursor;
            while (!cursor.isEmpty()) {
                const auto next =
                    request<CrmPage>(m_plan.lookup.companySearchCalls, PlanProgress::Stage::Companies,
                                     [&] { return call(cursor); });
                if (!next)
                    return false;
                for (const CrmRecord& r : next->records)
                    take(r);
                cursor = next->nextCursor;
            }
        }
        qCDebug(lcSyncPlan) << "company lookup:" << keys.size() << "keys by search ("
                            << chunks->size() - first << "chunks" << (census ? "and a census)" : ")");
        for (qsizetype i = first; i < chunks->size(); ++i) {
            const QStringList& chunk = chunks->at(i);
            const auto call = [&](const QString& cursor) {
                return m_connector.searchCompaniesByDomain(chunk, policy, properties, cursor);
            };
            if (!pages(m_plan.lookup.companySearchCalls, PlanProgress::Stage::Companies, call, take))
                return false;
        }
        return true;
    }

    // A search index lags behind writes (HubSpot: "a few moments"), so a company that an earlier run
    // created or updated a moment ago can be missing from the search results. The journal knows its
    // CRM id: read those ids (no lag) for the keys search did not find, and match them by key as
    // usual. Costs nothing when search found every known company; listing is exact, so it is skipped.
    bool readKnownCompanies(const QList<int>& pending, const QStringList& properties,
                            QHash<QString, QList<CrmRecord>>& byKey) {
        if (m_plan.lookup.companyMethod != LookupStats::CompanyMethod::Search || !m_in.knownCompanyIds)
            return true;
        const bool anyMissed = std::any_of(pending.cbegin(), pending.cend(), [&](int index) {
            return !byKey.contains(m_plan.companies.at(index).match.key);
        });
        if (!anyMissed)
            return true;
        const QHash<qint64, QString> known = m_in.knownCompanyIds();
        QSet<QString> missed; // keys search did not find
        QStringList ids;
        QSet<QString> asked;
        for (int index : pending) {
            const RecordPlan& r = m_plan.companies.at(index);
            const QString id = known.value(r.localId);
            if (id.isEmpty() || byKey.contains(r.match.key) || asked.contains(id))
                continue;
            missed.insert(r.match.key);
            asked.insert(id);
            ids.append(id);
        }
        const qsizetype batch = qMax(1, m_facts.maxReadBatch);
        for (qsizetype i = 0; i < ids.size(); i += batch) {
            const QStringList chunk = ids.mid(i, batch);
            const auto records = request<QList<CrmRecord>>(
                m_plan.lookup.knownIdReadCalls, PlanProgress::Stage::Companies,
                [&] { return m_connector.readRecords(RecordObject::Company, chunk, properties); });
            if (!records)
                return false;
            for (const CrmRecord& record : *records) {
                const QString key =
                    DomainKey::key(record.value(m_facts.domainProperty), m_in.settings.policy);
                if (missed.contains(key))
                    byKey[key].append(record);
            }
        }
        return true;
    }

    // Match outcome + diff for a record whose key/e-mail was looked up. `found` is oldest first.
    // Returns the chosen CRM record (nullptr for create/skip/ambiguous).
    const CrmRecord* decide(RecordPlan& r, const LocalRecord& local, const QList<CrmRecord>& found,
                            const RecordDiff& differ, bool updateOnly) {
        const bool company = r.object == RecordObject::Company;
        if (found.isEmpty()) {
            if (updateOnly) {
                r.action = PlanAction::Skipped;
                r.reason = PlanReason::NewUnderUpdateOnly;
                r.reasonText =
                    company ? SyncPlanner::tr("No CRM company has this key, and companies are synced "
                                              "in \"Update only\" mode.")
                            : SyncPlanner::tr("No CRM contact has this e-mail, and contacts are synced "
                                              "in \"Update only\" mode.");
                return nullptr;
            }
            applyDiff(r, differ.diff(local, nullptr), PlanAction::Create);
            return nullptr;
        }
        if (found.size() > 1 && m_in.settings.ambiguous == AmbiguousHandling::Skip) {
            r.action = PlanAction::Ambiguous;
            r.reason = PlanReason::AmbiguousInCrm;
            QStringList ids;
            for (const CrmRecord& c : found)
                ids.append(c.id);
            r.reasonText = SyncPlanner::tr("%1 CRM records share %2 (%3); none is written.")
                               .arg(found.size())
                               .arg(r.match.displayKey.isEmpty() ? r.match.key : r.match.displayKey,
                                    ids.join(QStringLiteral(", ")));
            return nullptr;
        }
        const CrmRecord& chosen = found.constFirst();
        r.match.oldestChosen = found.size() > 1;
        r.crmId = chosen.id;
        applyDiff(r, differ.diff(local, &chosen), PlanAction::Update);
        return &chosen;
    }

    static void applyDiff(RecordPlan& r, const RecordDiffResult& diff, PlanAction writeAction) {
        if (!diff.errors.isEmpty()) {
            r.action = PlanAction::Invalid;
            r.reason = PlanReason::InvalidValue;
            r.reasonText = diff.errors.join(QStringLiteral("; "));
            return;
        }
        r.changes = diff.changes;
        r.action =
            writeAction == PlanAction::Update && r.changes.isEmpty() ? PlanAction::Unchanged : writeAction;
    }

    // ---- Contacts ---------------------------------------------------------------------------

    void planContacts(const QList<CrmProperty>& properties) {
        const bool disabled = m_in.settings.contactMode == ContactSyncMode::Disabled;
        QHash<qint64, const RecordPlan*> companies;
        for (const RecordPlan& c : std::as_const(m_plan.companies))
            companies.insert(c.localId, &c);

        QHash<QString, qint64> firstByEmail;
        QStringList emails;
        QList<int> pending;
        for (const LocalRecord& c : m_in.contacts) {
            RecordPlan r;
            r.object = RecordObject::Contact;
            r.localId = c.id;
            r.name = c.displayName;
            r.companyLocalId = c.companyId;
            r.email = c.value(contactEmailFieldKey());
            r.association.companyLocalId = c.companyId;
            MatchInfo& m = r.match;
            m.policy = QStringLiteral("email");
            m.field = contactEmailFieldKey();
            m.fieldLabel = label(RecordObject::Contact, m.field);
            m.rawValue = r.email;

            const EmailResult email = EmailAddress::normalize(r.email);
            const RecordPlan* company = c.companyId != 0 ? companies.value(c.companyId) : nullptr;
            if (disabled) {
                r.action = PlanAction::Skipped;
                r.reason = PlanReason::ContactsDisabled;
                r.reasonText = SyncPlanner::tr("Contacts are not synced on this connection.");
            } else if (email.isEmpty()) {
                r.action = PlanAction::Skipped;
                r.reason = PlanReason::NoEmail;
                r.reasonText = SyncPlanner::tr("No e-mail address: a contact without one is never synced.");
            } else if (!email.valid) {
                r.action = PlanAction::Invalid;
                r.reason = PlanReason::InvalidEmail;
                m.noKeyReason = email.reason;
                r.reasonText = SyncPlanner::tr("Invalid e-mail address: %1").arg(email.reason);
            } else if (c.companyId != 0 && !company) {
                m.key = email.key;
                r.action = PlanAction::Skipped;
                r.reason = PlanReason::CompanyNotSelected;
                r.reasonText = SyncPlanner::tr("Its company (%1) is not part of this sync.").arg(c.companyId);
            } else if (company &&
                       !(company->action == PlanAction::Create || company->action == PlanAction::Update ||
                         company->action == PlanAction::Unchanged)) {
                m.key = email.key;
                r.action = PlanAction::Skipped;
                r.reason = PlanReason::CompanyNotSynced;
                r.reasonText = SyncPlanner::tr("Its company has no CRM record (%1: %2).")
                                   .arg(planActionLabel(company->action), company->reasonText);
            } else if (firstByEmail.contains(email.key)) {
                m.key = email.key;
                r.action = PlanAction::Duplicate;
                r.reason = PlanReason::DuplicateInWorkspace;
                m.duplicateOf = firstByEmail.value(email.key);
                r.reasonText =
                    SyncPlanner::tr("Contact %1 earlier in the selection has the same e-mail; only it is "
                                    "synced.")
                        .arg(m.duplicateOf);
            } else {
                m.key = email.key;
                m.displayKey = email.key;
                firstByEmail.insert(email.key, c.id);
                emails.append(email.key);
                pending.append(int(m_plan.contacts.size()));
            }
            m_plan.contacts.append(r);
        }
        if (pending.isEmpty())
            return;

        // Look the e-mails up.
        const QStringList lookupProperties = contactLookupProperties();
        QHash<QString, QList<CrmRecord>> byEmail;
        const QSet<QString> wanted(emails.begin(), emails.end());
        QSet<QString> seen;
        const auto take = [&](const CrmRecord& record) {
            const QString key = EmailAddress::normalize(record.value(m_facts.emailProperty)).key;
            if (!seen.contains(record.id) && wanted.contains(key)) {
                seen.insert(record.id);
                byEmail[key].append(record);
            }
        };
        QStringList notPrefetched = emails;
        if (m_prefetch) {
            if (!takePrefetch(take))
                return;
            notPrefetched.removeIf([&](const QString& e) { return m_prefetch->emails.contains(e); });
        }
        for (const QStringList& chunk : m_connector.emailLookupChunks(notPrefetched, lookupProperties)) {
            const auto call = [&](const QString& cursor) {
                return m_connector.findContactsByEmail(chunk, lookupProperties, cursor);
            };
            if (!pages(m_plan.lookup.contactLookupCalls, PlanProgress::Stage::Contacts, call, take))
                return;
        }

        // Match, diff, associations.
        const RecordDiff differ(m_in.contactMapping, m_in.fields, properties, m_facts);
        const bool updateOnly = m_in.settings.contactMode == ContactSyncMode::UpdateOnly;
        QList<int> needAssociations; // matched contacts whose associations must be read (Associations style)
        for (int index : std::as_const(pending)) {
            RecordPlan& r = m_plan.contacts[index];
            QList<CrmRecord> found = byEmail.value(r.match.key);
            std::sort(found.begin(), found.end(), olderThan);
            r.match.candidates = candidatesOf(found, m_facts.emailProperty);
            const CrmRecord* chosen = decide(r, m_in.contacts.at(index), found, differ, updateOnly);
            const RecordPlan* company = r.companyLocalId != 0 ? companies.value(r.companyLocalId) : nullptr;
            if (!company || !(r.action == PlanAction::Create || r.action == PlanAction::Update ||
                              r.action == PlanAction::Unchanged))
                continue;
            AssociationPlan& a = r.association;
            if (company->action != PlanAction::Create)
                a.companyCrmId = company->crmId;
            if (r.action == PlanAction::Create) {
                a.kind = AssociationPlan::Kind::AtCreate;
            } else if (company->action == PlanAction::Create) {
                a.kind =
                    AssociationPlan::Kind::Add; // the company is new: the contact cannot be tied to it yet
            } else if (m_facts.associationStyle == AssociationStyle::ParentField) {
                const QString current = chosen->value(m_facts.contactCompanyProperty);
                if (current.isEmpty()) {
                    a.kind = AssociationPlan::Kind::Add;
                } else if (current == a.companyCrmId) {
                    a.kind = AssociationPlan::Kind::Present;
                } else {
                    a.kind = AssociationPlan::Kind::KeptOther; // never moved away from its company
                    a.existingCompanyId = current;
                }
            } else {
                needAssociations.append(index);
            }
        }
        if (!readAssociations(needAssociations))
            return;

        for (int index : std::as_const(pending)) {
            RecordPlan& r = m_plan.contacts[index];
            if (r.action == PlanAction::Unchanged && r.association.kind == AssociationPlan::Kind::Add)
                r.action = PlanAction::Update;
        }
    }

    QStringList contactLookupProperties() const {
        return withExtra(m_in.contactMapping.targetProperties(),
                         {m_facts.emailProperty, m_facts.contactCompanyProperty});
    }

    // ---- E-mail lookups while the companies are looked up -------------------------------------
    // The contacts' e-mail reads do not depend on the company lookup, and a search limit (HubSpot:
    // 5 searches a second) leaves most of the connection's rate unused while the companies are
    // searched. So, with ConnectorLanes, the e-mails are read on other threads meanwhile, within
    // the same rate limiter. Which contacts will be synced is only known after the company lookup:
    // this reads the e-mails of every contact that can still be synced (valid e-mail, its company
    // in the selection with a key and not a duplicate), a superset only by the contacts of
    // companies that turn out ambiguous. Not done with "update only" companies, where new companies
    // (and so their contacts) are skipped.
    // As soon as every e-mail has been read, the associations of the contacts found are read
    // too (Associations style), also a superset: by the contacts whose company turns out new.
    struct Prefetch {
        struct Chunk {
            QList<CrmRecord> records;
            QHash<QString, QStringList> associations;
            std::optional<CrmError> error;
            int calls = 0;
        };
        std::unique_ptr<ConnectorLanes> lanes;
        QSet<QString> emails; // read (or being read)
        QList<std::shared_ptr<Chunk>> chunks;
        qsizetype taken = 0;              // e-mail chunks taken from the lanes
        QSet<QString> associationIds;     // contacts whose associations are read (or being read)
        QList<std::shared_ptr<Chunk>> associationChunks;
        bool associationsStarted = false;
        bool emailsAccounted = false;
    };

    void startEmailPrefetch() {
        if (m_in.contacts.isEmpty() || m_in.settings.contactMode == ContactSyncMode::Disabled ||
            m_in.settings.companyMode != CompanySyncMode::CreateAndUpdate || m_facts.requestsInFlight < 2)
            return;
        QSet<qint64> mayBeSynced;
        for (const RecordPlan& c : std::as_const(m_plan.companies)) {
            if (c.action != PlanAction::NoKey && c.action != PlanAction::Duplicate)
                mayBeSynced.insert(c.localId);
        }
        QStringList emails;
        QSet<QString> seen;
        for (const LocalRecord& c : m_in.contacts) {
            if (c.companyId != 0 && !mayBeSynced.contains(c.companyId))
                continue;
            const EmailResult email = EmailAddress::normalize(c.value(contactEmailFieldKey()));
            if (!email.isEmpty() && email.valid && !seen.contains(email.key)) {
                seen.insert(email.key);
                emails.append(email.key);
            }
        }
        if (emails.isEmpty())
            return;
        auto lanes = std::make_unique<ConnectorLanes>(m_connector, m_facts.requestsInFlight);
        if (!lanes->available())
            return;
        m_prefetch = std::make_unique<Prefetch>();
        m_prefetch->lanes = std::move(lanes);
        m_prefetch->emails = seen;
        const QStringList properties = contactLookupProperties();
        for (const QStringList& chunk : m_connector.emailLookupChunks(emails, properties)) {
            auto out = std::make_shared<Prefetch::Chunk>();
            m_prefetch->chunks.append(out);
            m_prefetch->lanes->submit([chunk, properties, out](CrmConnector& crm) {
                QString cursor;
                do {
                    CrmResult<CrmPage> page = crm.findContactsByEmail(chunk, properties, cursor);
                    ++out->calls;
                    if (!page.ok()) {
                        out->error = page.error();
                        return;
                    }
                    out->records += page.value().records;
                    cursor = page.value().nextCursor;
                } while (!cursor.isEmpty());
            });
        }
        qCDebug(lcSyncPlan) << "reading" << emails.size() << "e-mails in" << m_prefetch->chunks.size()
                            << "requests beside the company lookup";
    }

    // Between two company lookups: takes the e-mail reads that have finished, and once all have,
    // starts the association reads.
    void pollPrefetch() {
        if (!m_prefetch || m_prefetch->associationsStarted)
            return;
        while (m_prefetch->taken < m_prefetch->chunks.size() && m_prefetch->lanes->oldestFinished()) {
            m_prefetch->lanes->take();
            ++m_prefetch->taken;
        }
        if (m_prefetch->taken == m_prefetch->chunks.size())
            startAssociationPrefetch();
    }

    void startAssociationPrefetch() {
        m_prefetch->associationsStarted = true;
        if (m_facts.associationStyle != AssociationStyle::Associations)
            return;
        QStringList ids;
        for (const std::shared_ptr<Prefetch::Chunk>& chunk : std::as_const(m_prefetch->chunks)) {
            if (chunk->error)
                return;
            for (const CrmRecord& r : std::as_const(chunk->records)) {
                if (!m_prefetch->associationIds.contains(r.id)) {
                    m_prefetch->associationIds.insert(r.id);
                    ids.append(r.id);
                }
            }
        }
        const int batch = m_facts.maxAssociationReadBatch > 0 ? m_facts.maxAssociationReadBatch : int(ids.size());
        for (qsizetype from = 0; from < ids.size(); from += batch) {
            auto out = std::make_shared<Prefetch::Chunk>();
            m_prefetch->associationChunks.append(out);
            m_prefetch->lanes->submit([chunk = ids.mid(from, batch), out](CrmConnector& crm) {
                CrmResult<QHash<QString, QStringList>> read = crm.readCompanyAssociations(chunk);
                ++out->calls;
                if (read.ok())
                    out->associations = read.value();
                else
                    out->error = read.error();
            });
        }
    }

    // Counts a prefetched chunk's calls; false (and the plan's error) when its read failed or the
    // person cancelled (honoured here as before a call: the reads may all have been made by then).
    bool account(const Prefetch::Chunk& chunk, int& counter) {
        counter += chunk.calls;
        if (m_planner.m_progress)
            m_planner.m_progress({PlanProgress::Stage::Contacts, m_plan.lookup.total()});
        if (cancelled())
            return false;
        if (!chunk.error)
            return true;
        m_plan.error = *chunk.error;
        qCWarning(lcSyncPlan) << "lookup failed:" << crmErrorKindName(chunk.error->kind)
                              << chunk.error->httpStatus << chunk.error->code;
        return false;
    }

    // Hands the prefetched contacts to `take`, in request order; false (and the plan's error) when a
    // read failed.
    template <typename Take> bool takePrefetch(Take take) {
        for (; m_prefetch->taken < m_prefetch->chunks.size(); ++m_prefetch->taken)
            m_prefetch->lanes->take();
        m_prefetch->emailsAccounted = true;
        for (const std::shared_ptr<Prefetch::Chunk>& chunk : std::as_const(m_prefetch->chunks)) {
            if (!account(*chunk, m_plan.lookup.contactLookupCalls))
                return false;
            for (const CrmRecord& r : std::as_const(chunk->records))
                take(r);
        }
        if (!m_prefetch->associationsStarted)
            startAssociationPrefetch();
        return true;
    }

    // Counts the prefetched reads the plan did not need (every call is counted).
    void finishPrefetch() {
        if (!m_prefetch)
            return;
        if (!m_prefetch->emailsAccounted) {
            for (; m_prefetch->taken < m_prefetch->chunks.size(); ++m_prefetch->taken)
                m_prefetch->lanes->take();
            for (const std::shared_ptr<Prefetch::Chunk>& chunk : std::as_const(m_prefetch->chunks))
                m_plan.lookup.contactLookupCalls += chunk->calls;
        }
        for (const std::shared_ptr<Prefetch::Chunk>& chunk : std::as_const(m_prefetch->associationChunks)) {
            m_prefetch->lanes->take();
            m_plan.lookup.associationReadCalls += chunk->calls;
        }
        m_prefetch.reset();
    }

    // The prefetched associations (all of them: they are read in any case); false on an error.
    bool takeAssociationPrefetch(QHash<QString, QStringList>& associated) {
        while (!m_prefetch->associationChunks.isEmpty()) {
            const std::shared_ptr<Prefetch::Chunk> chunk = m_prefetch->associationChunks.takeFirst();
            m_prefetch->lanes->take();
            if (!account(*chunk, m_plan.lookup.associationReadCalls))
                return false;
            associated.insert(chunk->associations);
        }
        return true;
    }

    bool readAssociations(const QList<int>& indices) {
        QHash<QString, QStringList> associated;
        if (m_prefetch && !takeAssociationPrefetch(associated))
            return false;
        if (indices.isEmpty())
            return true;
        QStringList ids;
        for (int index : indices) {
            const QString& id = m_plan.contacts.at(index).crmId;
            if (!ids.contains(id))
                ids.append(id);
        }
        if (m_prefetch)
            ids.removeIf([&](const QString& id) { return m_prefetch->associationIds.contains(id); });
        const int batch =
            m_facts.maxAssociationReadBatch > 0 ? m_facts.maxAssociationReadBatch : int(ids.size());
        for (int from = 0; from < ids.size(); from += batch) {
            const QStringList chunk = ids.mid(from, batch);
            const auto read = request<QHash<QString, QStringList>>(
                m_plan.lookup.associationReadCalls, PlanProgress::Stage::Contacts,
                [&] { return m_connector.readCompanyAssociations(chunk); });
            if (!read)
                return false;
            associated.insert(*read);
        }
        for (int index : indices) {
            AssociationPlan& a = m_plan.contacts[index].association;
            a.kind = associated.value(m_plan.contacts.at(index).crmId).contains(a.companyCrmId)
                         ? AssociationPlan::Kind::Present
                         : AssociationPlan::Kind::Add;
        }
        return true;
    }

    SyncPlanner& m_planner;
    CrmConnector& m_connector;
    const ConnectorFacts& m_facts;
    const PlanInput& m_in;
    SyncPlan& m_plan;
    QHash<QString, QString> m_labels; // "company:website" -> "Website"
    std::unique_ptr<Prefetch> m_prefetch;
};

SyncPlanner::SyncPlanner(CrmConnector& connector)
    : m_connector(connector) {}

SyncPlan SyncPlanner::plan(const PlanInput& input) {
    SyncPlan plan;
    Run(*this, input, plan).execute();
    if (plan.error) { // an incomplete plan must not be carried out nor shown as if it were whole
        plan.companies.clear();
        plan.contacts.clear();
    }
    return plan;
}

} // namespace syncdesk
