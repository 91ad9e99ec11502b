#include "ui/sync/SyncController.h"

#include "core/store/Workspace.h"
#include "ui/common/AppContext.h"
#include "ui/common/UiLogging.h"
#include "ui/sync/EngineConnections.h"
#include "ui/sync/ThreadWait.h"

namespace syncdesk {

SyncController::SyncController(AppContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context) {
    qRegisterMetaType<syncdesk::RunProgress>();
    qRegisterMetaType<syncdesk::ConnectorLogEntry>();
    qRegisterMetaType<syncdesk::RunOutcome>();
    qRegisterMetaType<syncdesk::SyncController::Job>();
    m_thread.setObjectName(QStringLiteral("SyncEngine"));
    connect(&m_context, &AppContext::workspaceAboutToClose, this, &SyncController::destroyEngine);
    connect(&m_context, &AppContext::workspaceChanged, this, &SyncController::createEngine);
    createEngine();
}

SyncController::~SyncController() {
    destroyEngine();
}

void SyncController::createEngine() {
    destroyEngine();
    Workspace* ws = m_context.workspace();
    if (!ws)
        return;
    // The provider needs the engine (its cancel flag and HTTP observer): it is set right below,
    // before any job can call the provider.
    auto engineRef = std::make_shared<SyncEngine*>(nullptr);
    auto* engine = new SyncEngine(
        *ws, desktopConnectionProvider(*ws, m_context.secrets(), [engineRef] { return *engineRef; }));
    *engineRef = engine;
    engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, engine, &QObject::deleteLater);
    connect(engine, &SyncEngine::progress, this, [this](const RunProgress& p) {
        if (m_runId == 0 && p.runId != 0)
            m_runId = p.runId;
        emit progress(p);
    });
    connect(engine, &SyncEngine::logEntry, this, &SyncController::logEntry);
    m_engine = engine;
    m_thread.start();
}

void SyncController::destroyEngine() {
    if (!m_engine)
        return;
    if (m_job != Job::None)
        m_engine->cancel();
    m_thread.quit();
    waitServingEvents(&m_thread); // the engine is deleted in its thread as it finishes
    m_engine = nullptr;
    if (m_job != Job::None) {
        m_job = Job::None;
        m_ticket = 0;
        m_runId = 0;
        emit busyChanged(false);
        emit runsChanged();
    }
}

int SyncController::start(Job job, qint64 runId, std::function<RunOutcome(SyncEngine&)> work) {
    if (!m_engine || m_job != Job::None)
        return 0;
    m_job = job;
    m_ticket = ++m_lastTicket;
    m_runId = runId;
    const int ticket = m_ticket;
    QPointer<SyncController> self(this);
    SyncEngine* engine = m_engine;
    engine->resetCancel(); // here, not in the engine's thread: a cancel from now on counts
    QMetaObject::invokeMethod(engine, [engine, work, self, ticket, job] {
        RunOutcome outcome = work(*engine);
        QMetaObject::invokeMethod(
            self,
            [self, ticket, job, outcome] {
                if (!self || self->m_ticket != ticket)
                    return;
                self->m_job = Job::None;
                self->m_ticket = 0;
                self->m_runId = 0;
                emit self->busyChanged(false);
                emit self->runsChanged();
                emit self->jobFinished(ticket, job, outcome);
            },
            Qt::QueuedConnection);
    });
    emit busyChanged(true);
    return ticket;
}

int SyncController::plan(const QList<qint64>& companyIds, const Connection& connection) {
    SyncRequest request;
    request.connection = connection.name;
    request.selection.ids = companyIds;
    request.createUniqueIdProperty = connection.uniqueIdPropertyConsented();
    return start(Job::Plan, 0, [request](SyncEngine& engine) { return engine.plan(request); });
}

int SyncController::execute(qint64 runId) {
    return start(Job::Execute, runId, [runId](SyncEngine& engine) { return engine.execute(runId); });
}

int SyncController::undo(qint64 runId, bool dryRun) {
    return start(Job::Undo, 0, [runId, dryRun](SyncEngine& engine) { return engine.undo(runId, dryRun); });
}

void SyncController::cancel() {
    if (m_engine)
        m_engine->cancel();
}

} // namespace syncdesk
