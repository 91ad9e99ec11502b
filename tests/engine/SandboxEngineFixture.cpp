#include "tests/engine/SandboxEngineFixture.h"

#include "core/net/HubSpotHttpPolicy.h"
#include "core/net/RateLimiter.h"
#include "core/sandbox/hubspot/HubSpotDialect.h"
#include "core/sandbox/hubspot/HubSpotStore.h"
#include "core/sync/RunJournal.h"

#include <QJsonArray>

namespace syncdesk::test {

using sandbox::hubspot::HubSpotRecord;

QJsonObject comparableState(const QJsonObject& state) {
    const QJsonObject data = state.value(u"hubspot"_s).toObject().value(u"data"_s).toObject();
    const QJsonObject objects = data.value(u"objects"_s).toObject();
    static const QStringList volatileProperties{u"hs_object_id"_s,        u"createdate"_s,
                                                u"hs_lastmodifieddate"_s, u"lastmodifieddate"_s,
                                                u"syncdesk_id"_s,         u"hs_createdate"_s};
    QHash<QString, QString> keyById; // "companies:12" -> "acme.com"
    QJsonObject out;
    for (const QString& type : {u"companies"_s, u"contacts"_s}) {
        const QString keyProperty = type == u"companies" ? u"domain"_s : u"email"_s;
        QJsonObject byKey;
        int archived = 0;
        for (const QJsonValue& v : objects.value(type).toArray()) {
            const QJsonObject r = v.toObject();
            if (r.value(u"archived"_s).toBool()) {
                ++archived;
                continue;
            }
            QJsonObject props = r.value(u"properties"_s).toObject();
            for (const QString& p : volatileProperties)
                props.remove(p);
            QString key = props.value(keyProperty).toString().toLower();
            keyById.insert(type + u':' + r.value(u"id"_s).toString(), key);
            if (byKey.contains(key)) // a duplicate: keep both so that the comparison shows it
                key += u"#dup"_s + r.value(u"id"_s).toString();
            byKey.insert(key, props);
        }
        out.insert(type, byKey);
        out.insert(type + u"_archived"_s, archived);
    }
    QStringList associations;
    for (const QJsonValue& v : data.value(u"associations"_s).toArray()) {
        const QJsonObject a = v.toObject();
        associations.append(
            keyById.value(u"contacts:"_s + a.value(u"fromId"_s).toString(), u"?"_s) + u'>' +
            keyById.value(a.value(u"toObjectType"_s).toString() + u':' + a.value(u"toId"_s).toString(),
                          u"?"_s));
    }
    associations.sort();
    out.insert(u"associations"_s, QJsonArray::fromStringList(associations));
    return out;
}

SandboxEngineFixture::SandboxEngineFixture()
    : m_sandboxClock(std::make_shared<SharedSandboxClock>(m_clock))
    , m_companyMapping(Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company))
    , m_contactMapping(Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Contact))
    , m_settings(SyncSettings::defaultsFor(CrmKind::Sandbox)) {
    m_http.defaultTimeoutMs = 20000;
    m_http.retry.maxAttempts = 8;
    m_engineOptions.clock = &m_clock;
    m_engineOptions.searchIndexLagMs = 0;
    startSandbox(defaultSandboxSettings());
    restartEngine();
}

SandboxEngineFixture::~SandboxEngineFixture() {
    m_engine.reset();
    m_server.reset();
}

sandbox::SandboxSettings SandboxEngineFixture::defaultSandboxSettings() {
    sandbox::SandboxSettings s;
    s.indexLagMinMs = 0;
    s.indexLagMaxMs = 0;
    s.randomSeed = 7;
    s.accessToken = u"pat-na1-0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b"_s;
    return s;
}

void SandboxEngineFixture::startSandbox(sandbox::SandboxSettings settings) {
    m_server.reset();
    m_server = std::make_unique<sandbox::SandboxServer>(settings, m_sandboxClock);
    ASSERT_TRUE(m_server->listen());
    m_limiter = std::make_shared<RateLimiter>();
    HubSpotHttpPolicy().configureLimiter(*m_limiter);
}

void SandboxEngineFixture::restartEngine() {
    m_engine.reset();
    ConnectionProvider provider = [this](const QString& name, QString* error,
                                         std::optional<CrmError>*) -> std::optional<EngineConnection> {
        if (name != u"sandbox") {
            *error = u"no connection named "_s + name;
            return std::nullopt;
        }
        HubSpotConnector::Options options;
        options.kind = CrmKind::Sandbox;
        options.baseUrl = m_server->baseUrl();
        options.accessToken = m_server->accessToken();
        options.multiStatus = m_multiStatus;
        options.splitFailedBatches = m_splitFailedBatches;
        HttpClient::Dependencies deps;
        deps.clock = &m_clock;
        deps.random = &m_random;
        deps.limiter = m_limiter;
        deps.policy = std::make_shared<HubSpotHttpPolicy>();
        auto connector = std::make_shared<HubSpotConnector>(options, deps, m_http);
        m_connector = connector.get();
        EngineConnection c;
        c.id = u"sandbox-uuid"_s;
        c.name = name;
        c.connector = connector;
        c.companyMapping = m_companyMapping;
        c.contactMapping = m_contactMapping;
        c.settings = m_settings;
        c.addHttpObserver = [connector](HttpObserver observer) {
            connector->http().addObserver(std::move(observer));
        };
        c.setCancelFlag = [connector](const CancelFlag* flag) { connector->http().setCancelFlag(flag); };
        return c;
    };
    m_engine = std::make_unique<SyncEngine>(*m_workspace, provider);
    m_engine->setOptions(m_engineOptions);
    QObject::connect(m_engine.get(), &SyncEngine::logEntry,
                     [this](const ConnectorLogEntry& e) { m_liveLog.append(e); });
}

void SandboxEngineFixture::seed(const QJsonObject& seed) {
    QString error;
    ASSERT_TRUE(m_server->loadSeedJson(seed, &error)) << error.toStdString();
}

RunOutcome SandboxEngineFixture::sync(const SelectionRequest& selection, bool dryRun, bool uniqueId) {
    SyncRequest r;
    r.connection = u"sandbox"_s;
    r.selection = selection;
    r.dryRun = dryRun;
    r.createUniqueIdProperty = uniqueId;
    return m_engine->sync(r);
}

QList<JournalRecord> SandboxEngineFixture::records(qint64 runId) {
    RunJournal journal(*m_workspace);
    const std::optional<QList<JournalRecord>> r = journal.records(runId);
    EXPECT_TRUE(r.has_value()) << journal.lastError().toStdString();
    return r.value_or(QList<JournalRecord>{});
}

const JournalRecord* SandboxEngineFixture::find(const QList<JournalRecord>& records, RecordObject object,
                                                qint64 localId) {
    for (const JournalRecord& r : records) {
        if (r.object == object && r.localId == localId)
            return &r;
    }
    ADD_FAILURE() << "no journal record for " << recordObjectName(object).toStdString() << ' ' << localId;
    return nullptr;
}

QList<HubSpotRecord> SandboxEngineFixture::crm(const QString& objectType) const {
    QList<HubSpotRecord> out;
    for (const HubSpotRecord& r : m_server->hubspot().store().records(objectType)) {
        if (!r.archived)
            out.append(r);
    }
    return out;
}

QString SandboxEngineFixture::crmValue(const QString& objectType, const QString& id,
                                       const QString& property) const {
    const HubSpotRecord* r = m_server->hubspot().store().liveRecord(objectType, id.toLongLong());
    return r ? r->properties.value(property) : u"<missing>"_s;
}

QStringList SandboxEngineFixture::associatedCompanies(const QString& contactId) const {
    QStringList out;
    const auto map =
        m_server->hubspot().store().associations(u"contacts"_s, contactId.toLongLong(), u"companies"_s);
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.append(QString::number(it.key()));
    return out;
}

qint64 SandboxEngineFixture::writeRequests() const {
    qint64 n = 0;
    const QMap<QString, qint64> counts = m_server->requestLog().counts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const QString& e = it.key();
        if (e.contains(u"/batch/create"_s) || e.contains(u"/batch/update"_s) ||
            e.contains(u"/batch/upsert"_s) || e.contains(u"/batch/archive"_s) ||
            e.contains(u"/batch/associate"_s))
            n += it.value();
    }
    return n;
}

} // namespace syncdesk::test
