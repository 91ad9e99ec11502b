#include "tests/engine/EngineTestSupport.h"

#include "core/domain/DomainKey.h"

namespace syncdesk::test {

EngineFixture::EngineFixture(CrmKind kind)
    : m_crm(kind)
    , m_companyMapping(Mapping::defaultMapping(kind, RecordObject::Company))
    , m_contactMapping(Mapping::defaultMapping(kind, RecordObject::Contact))
    , m_settings(SyncSettings::defaultsFor(kind)) {
    restartEngine();
}

EngineFixture::~EngineFixture() {
    m_engine.reset();
}

void EngineFixture::restartEngine() {
    m_engine.reset();
    ConnectionProvider provider = [this](const QString& name, QString* error,
                                         std::optional<CrmError>*) -> std::optional<EngineConnection> {
        if (name != u"crm") {
            *error = u"no connection named "_s + name;
            return std::nullopt;
        }
        EngineConnection c;
        c.id = u"conn-1"_s;
        c.name = name;
        c.connector = std::shared_ptr<CrmConnector>(&m_wrapper, [](CrmConnector*) {});
        c.companyMapping = m_companyMapping;
        c.contactMapping = m_contactMapping;
        c.settings = m_settings;
        return c;
    };
    m_engine = std::make_unique<SyncEngine>(*m_workspace, provider);
    EngineOptions options;
    options.clock = &m_clock;
    options.searchIndexLagMs = 0;
    m_engine->setOptions(options);
    QObject::connect(m_engine.get(), &SyncEngine::logEntry,
                     [this](const ConnectorLogEntry& e) { m_liveLog.append(e); });
    QObject::connect(m_engine.get(), &SyncEngine::progress,
                     [this](const RunProgress& p) { m_progress.append(p); });
    QObject::connect(m_engine.get(), &SyncEngine::finished, [this](qint64 id) { m_finished.append(id); });
}

qint64 addCompany(const Workspace& workspace, const QString& name, const QString& website,
                  const CustomValues& extra) {
    CompanyStore store(workspace);
    Company c;
    c.name = name;
    c.website = website;
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (QString Company::*member = Company::textField(it.key()))
            c.*member = it.value();
        else if (it.key() == u"employees")
            c.employees = it.value().toLongLong();
        else
            c.custom.insert(it.key(), it.value());
    }
    EXPECT_TRUE(store.insert(c)) << store.lastError().toStdString();
    return c.id;
}

qint64 addContact(const Workspace& workspace, qint64 companyId, const QString& email, const QString& first,
                  const QString& last, const CustomValues& extra) {
    ContactStore store(workspace);
    Contact c;
    if (companyId != 0)
        c.companyId = companyId;
    c.email = email;
    c.firstName = first;
    c.lastName = last;
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (QString Contact::*member = Contact::textField(it.key()))
            c.*member = it.value();
        else
            c.custom.insert(it.key(), it.value());
    }
    EXPECT_TRUE(store.insert(c)) << store.lastError().toStdString();
    return c.id;
}

qint64 EngineFixture::company(const QString& name, const QString& website, const CustomValues& extra) {
    return addCompany(*m_workspace, name, website, extra);
}

qint64 EngineFixture::contact(qint64 companyId, const QString& email, const QString& first,
                              const QString& last) {
    return addContact(*m_workspace, companyId, email, first, last);
}

SyncRequest EngineFixture::request(const SelectionRequest& selection, bool dryRun, bool uniqueId) const {
    SyncRequest r;
    r.connection = u"crm"_s;
    r.selection = selection;
    r.dryRun = dryRun;
    r.createUniqueIdProperty = uniqueId;
    return r;
}

RunOutcome EngineFixture::sync(const SelectionRequest& selection, bool dryRun, bool uniqueId) {
    return m_engine->sync(request(selection, dryRun, uniqueId));
}

QList<JournalRecord> EngineFixture::records(qint64 runId) {
    RunJournal journal(*m_workspace);
    const std::optional<QList<JournalRecord>> r = journal.records(runId);
    EXPECT_TRUE(r.has_value()) << journal.lastError().toStdString();
    return r.value_or(QList<JournalRecord>{});
}

const JournalRecord* EngineFixture::find(const QList<JournalRecord>& records, RecordObject object,
                                         qint64 localId) {
    for (const JournalRecord& r : records) {
        if (r.object == object && r.localId == localId)
            return &r;
    }
    ADD_FAILURE() << "no journal record for " << recordObjectName(object).toStdString() << ' ' << localId;
    return nullptr;
}

QList<CrmRecord> EngineFixture::crmCompaniesWithKey(const QString& key) {
    QList<CrmRecord> out;
    for (const CrmRecord& r : m_crm.records(RecordObject::Company)) {
        if (DomainKey::key(r.value(m_crm.facts().domainProperty), m_settings.policy) == key)
            out.append(r);
    }
    return out;
}

QString crmValue(const FakeConnector& crm, RecordObject object, const QString& id, const QString& property) {
    const std::optional<CrmRecord> r = crm.record(object, id);
    return r ? r->value(property) : u"<missing>"_s;
}

} // namespace syncdesk::test
