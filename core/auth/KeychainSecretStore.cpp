#include "core/auth/KeychainSecretStore.h"

#include "core/auth/RedactingSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>

Q_LOGGING_CATEGORY(lcKeychain, "syncdesk.auth.keychain", QtInfoMsg)

namespace syncdesk {

namespace {

const QString ProbeKey = QStringLiteral("syncdesk-probe/not-a-secret");

SecretStatus statusOf(QKeychain::Error error) {
    switch (error) {
    case QKeychain::NoError:
        return SecretStatus::Ok;
    case QKeychain::EntryNotFound:
        return SecretStatus::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStatus::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStatus::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        return SecretStatus::Error;
    }
    return SecretStatus::Error;
}

// QtKeychain runs its jobs through a process-wide executor (a QObject singleton) that lives in the
// thread where the first job started and finishes each job by a queued call into that thread: a
// job started from any other thread waits for that thread's event loop, and the executor is not
// thread-safe. So every job of the process is created, started and finished on ONE long-lived
// thread; callers (main thread in the CLI, the engine's worker thread, the GUI) wait for the answer
// in a local event loop of their own. The thread stops when QCoreApplication is destroyed.
QMutex keychainThreadMutex;
QThread* keychainThread = nullptr;

void stopKeychainThread() {
    QMutexLocker lock(&keychainThreadMutex);
    if (keychainThread == nullptr)
        return;
    keychainThread->quit();
    keychainThread->wait();
    delete keychainThread;
    keychainThread = nullptr;
}

QThread* ensureKeychainThread() {
    QMutexLocker lock(&keychainThreadMutex);
    if (keychainThread == nullptr) {
        keychainThread = new QThread;
        keychainThread->setObjectName(QStringLiteral("SyncDesk keychain"));
        keychainThread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return keychainThread;
}

struct JobState {
    QMutex mutex;
    bool done = false;
    SecretResult result;
};

using JobFactory = std::function<QKeychain::Job*()>;
using JobReader = std::function<void(QKeychain::Job*, SecretResult&)>;

} // namespace

// Lives in the keychain thread: starts one job there and reports when it has finished.
class KeychainRequest : public QObject {
    Q_OBJECT

public:
    KeychainRequest(JobFactory make, JobReader read, std::shared_ptr<JobState> state)
        : m_make(std::move(make))
        , m_read(std::move(read))
        , m_state(std::move(state)) {}

    void start() {
        QKeychain::Job* job = m_make();
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        QObject::connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finishedJob) {
            SecretResult result;
            result.status = statusOf(finishedJob->error());
            if (result.ok()) {
                if (m_read)
                    m_read(finishedJob, result);
            } else {
                result.errorText = finishedJob->errorString();
            }
            {
                QMutexLocker lock(&m_state->mutex);
                m_state->result = result;
                m_state->done = true;
            }
            emit finished();
            deleteLater();
        });
        job->start();
    }

Q_SIGNALS:
    void finished();

private:
    JobFactory m_make;
    JobReader m_read;
    std::shared_ptr<JobState> m_state;
};

namespace {

// Runs a job on the keychain thread and waits for it in a local event loop (so the caller's own
// events keep flowing), at most timeoutMs. A job that times out finishes later on its own.
SecretResult run(int timeoutMs, JobFactory make, JobReader read = {}) {
    auto state = std::make_shared<JobState>();
    auto* request = new KeychainRequest(std::move(make), std::move(read), state);
    request->moveToThread(ensureKeychainThread());

    QEventLoop loop;
    QObject::connect(request, &KeychainRequest::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    QMetaObject::invokeMethod(request, &KeychainRequest::start, Qt::QueuedConnection);
    for (;;) {
        {
            QMutexLocker lock(&state->mutex);
            if (state->done)
                return state->result;
        }
        if (!timer.isActive())
            break;
        loop.exec();
    }
    SecretResult result;
    result.status = SecretStatus::Unavailable;
    result.errorText = KeychainSecretStore::tr("the keychain did not answer within %1 s (is it locked?)")
                           .arg(timeoutMs / 1000);
    return result;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString& service, int timeoutMs)
    : m_service(service)
    , m_timeoutMs(timeoutMs > 0 ? timeoutMs : DefaultTimeoutMs) {}

SecretResult KeychainSecretStore::read(const QString& key) {
    const QString service = m_service;
    SecretResult r = run(
        m_timeoutMs,
        [service, key]() -> QKeychain::Job* {
            auto* job = new QKeychain::ReadPasswordJob(service);
            job->setKey(key);
            return job;
        },
        [](QKeychain::Job* job, SecretResult& ok) {
            ok.value = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
        });
    if (r.status == SecretStatus::NotFound)
        r.errorText = tr("no secret is stored for %1").arg(key);
    else if (!r.ok())
        r.errorText = tr("could not read %1 from the keychain: %2").arg(key, r.errorText);
    return r;
}

SecretResult KeychainSecretStore::write(const QString& key, const QString& value) {
    const QString service = m_service;
    SecretResult r = run(m_timeoutMs, [service, key, value]() -> QKeychain::Job* {
        auto* job = new QKeychain::WritePasswordJob(service);
        job->setKey(key);
        job->setTextData(value);
        return job;
    });
    if (!r.ok())
        r.errorText = tr("could not store %1 in the keychain: %2").arg(key, r.errorText);
    return r;
}

SecretResult KeychainSecretStore::remove(const QString& key) {
    const QString service = m_service;
    SecretResult r = run(m_timeoutMs, [service, key]() -> QKeychain::Job* {
        auto* job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return job;
    });
    if (r.status == SecretStatus::NotFound)
        r.errorText = tr("no secret is stored for %1").arg(key);
    else if (!r.ok())
        r.errorText = tr("could not remove %1 from the keychain: %2").arg(key, r.errorText);
    return r;
}

QString KeychainSecretStore::backendName() const {
    return tr("system keychain");
}

SecretResult KeychainSecretStore::probe() {
    const QString service = m_service;
    SecretResult r = run(m_timeoutMs, [service]() -> QKeychain::Job* {
        auto* job = new QKeychain::ReadPasswordJob(service);
        job->setKey(ProbeKey);
        return job;
    });
    qCDebug(lcKeychain) << "probe:" << static_cast<int>(r.status) << r.errorText;
    if (r.status == SecretStatus::NotFound || r.ok())
        return {};
    return r;
}

SecretStoreOpenResult openSystemSecretStore() {
    auto store = std::make_unique<KeychainSecretStore>();
    const SecretResult probe = store->probe();
    if (probe.ok())
        return {std::make_unique<RedactingSecretStore>(std::move(store)), {}};
    const QString detail = probe.errorText.isEmpty() ? SecretStore::tr("no answer") : probe.errorText;
    return {
        nullptr,
        SecretStore::tr("No keychain is reachable (%1). SyncDesk keeps connection tokens only in the system "
                        "keychain: on Linux a Secret Service such as GNOME Keyring or KWallet on the session "
                        "D-Bus. Start one and unlock it, or pass a token for a single run with --token-env.")
            .arg(detail)};
}

} // namespace syncdesk

#include "KeychainSecretStore.moc"
