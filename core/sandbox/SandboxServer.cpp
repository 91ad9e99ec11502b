#include "core/sandbox/SandboxServer.h"

#include "core/sandbox/SandboxAdminApi.h"
#include "core/sandbox/hubspot/HubSpotDialect.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTcpSocket>
#include <QTimer>

namespace syncdesk::sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "syncdesk.sandbox", QtWarningMsg)

// The transport. QHttpServer (final in Qt 6.4) routes and answers by itself; deriving from
// QAbstractHttpServer instead hands every parsed request and its socket to the sandbox, which then
// writes its HTTP/1.1 replies straight to the socket. That is what makes "slow", "hang", "lost"
// (write applied, connection closed before any reply byte) and "truncated" replies possible.
class SandboxHttpServer final : public QAbstractHttpServer {
public:
    explicit SandboxHttpServer(SandboxServer& owner)
        : m_owner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override {
        m_owner.handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}

private:
    SandboxServer& m_owner;
};

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

constexpr int kStateVersion = 1;

} // namespace

SandboxServer::SandboxServer(SandboxSettings settings, std::shared_ptr<SandboxClock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : std::make_shared<SystemSandboxClock>())
    , m_random(QRandomGenerator::system()->generate())
    , m_faults(&m_random) {
    if (settings.accessToken.isEmpty())
        settings.accessToken = QStringLiteral("pat-na1-") + newUuid();
    if (settings.adminToken.isEmpty())
        settings.adminToken = QStringLiteral("sbx-admin-") + randomToken(18);
    applySettings(std::move(settings));
    m_dialect = std::make_unique<hubspot::HubSpotDialect>(static_cast<SandboxContext&>(*this));
    m_dialect->registerRoutes(m_router);
    m_admin = std::make_unique<SandboxAdminApi>(*this);
}

SandboxServer::~SandboxServer() {
    close();
}

bool SandboxServer::listen(quint16 port) {
    close();
    m_http = std::make_unique<SandboxHttpServer>(*this);
    const quint16 bound = m_http->listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        m_http.reset();
        return false;
    }
    m_port = bound;
    qCInfo(lcSandbox) << "listening on" << baseUrl().toString();
    return true;
}

void SandboxServer::close() {
    for (const QPointer<QTcpSocket>& socket : std::as_const(m_heldSockets))
        if (socket)
            socket->abort();
    m_heldSockets.clear();
    m_http.reset();
    m_port = 0;
}

bool SandboxServer::isListening() const {
    return m_http != nullptr;
}

QUrl SandboxServer::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

const SandboxSettings& SandboxServer::settings() const {
    m_settings.faults = m_faults.rules();
    return m_settings;
}

void SandboxServer::applySettings(SandboxSettings settings) {
    if (settings.accessToken.isEmpty())
        settings.accessToken = m_settings.accessToken;
    if (settings.adminToken.isEmpty())
        settings.adminToken = m_settings.adminToken;
    if (settings.randomSeed != 0 && settings.randomSeed != m_settings.randomSeed)
        m_random.seed(settings.randomSeed);
    m_faults.setRules(settings.faults);
    m_settings = std::move(settings);
}

void SandboxServer::setSettings(const SandboxSettings& settings) {
    applySettings(settings);
}

bool SandboxServer::patchSettings(const QJsonObject& patch, QString* error) {
    SandboxSettings next = this->settings();
    if (!next.applyJson(patch, error))
        return false;
    applySettings(std::move(next));
    return true;
}

int SandboxServer::addFault(const FaultRule& rule) {
    return m_faults.add(rule);
}

bool SandboxServer::removeFault(int id) {
    return m_faults.remove(id);
}

void SandboxServer::clearFaults() {
    m_faults.clear();
}

qint64 SandboxServer::nowMs() const {
    return m_clock->nowMs() + m_clockOffsetMs;
}

SandboxDialect& SandboxServer::dialect() {
    return *m_dialect;
}

hubspot::HubSpotDialect& SandboxServer::hubspot() {
    return *m_dialect;
}

// --- requests ----------------------------------------------------------------------------------

void SandboxServer::handle(const QHttpServerRequest& httpRequest, QTcpSocket* socket) {
    QElapsedTimer timer;
    timer.start();
    SandboxRequest request;
    request.method = methodName(httpRequest.method());
    const QUrl url = httpRequest.url();
    request.path = url.path(QUrl::FullyDecoded);
    const QString encodedPath = url.path(QUrl::FullyEncoded);
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    request.remoteAddress = httpRequest.remoteAddress();
    request.correlationId = newUuid();
    request.receivedAtMs = nowMs();

    if (SandboxAdminApi::isAdminPath(request.path)) {
        send(socket, m_admin->handle(request), request);
        return;
    }

    const SandboxRouter::Match match = m_router.match(request.method, encodedPath);
    if (match.found) {
        request.params = match.params;
        request.pattern = match.pattern;
        request.endpoint = m_dialect->endpointKey(request.method, match.pattern, match.params);
    } else {
        request.endpoint =
            QString::fromLatin1(request.method) +
            (match.pathKnown ? QStringLiteral(" (method not allowed)") : QStringLiteral(" (no endpoint)"));
    }

    const std::optional<FaultRule> fault = m_faults.pick(request.method, request.path);
    using Kind = FaultRule::Kind;
    if (fault && (fault->kind == Kind::Status || fault->kind == Kind::RateLimit)) {
        const SandboxResponse response = m_dialect->faultResponse(*fault, request);
        send(socket, response, request);
        logEntry(request, response.status, timer.elapsed(), fault->kindName());
        return;
    }
    if (fault && fault->kind == Kind::Hang) {
        // Not processed, never answered: the client's timeout decides what happens.
        m_heldSockets.removeAll(nullptr);
        m_heldSockets.append(socket);
        if (fault->delayMs > 0) {
            QPointer<QTcpSocket> held(socket);
            QTimer::singleShot(fault->delayMs, this, [held] {
                if (held)
                    held->abort();
            });
        }
        logEntry(request, 0, 0, fault->kindName());
        return;
    }

    SandboxResponse response;
    if (match.found)
        response = match.handler(request);
    else if (match.pathKnown)
        response = m_dialect->methodNotAllowed(request);
    else
        response = m_dialect->notFound(request);

    if (!fault) {
        send(socket, response, request);
        logEntry(request, response.status, timer.elapsed(), QString());
        return;
    }
    switch (fault->kind) {
    case Kind::Slow: {
        m_heldSockets.removeAll(nullptr);
        m_heldSockets.append(socket);
        QPointer<QTcpSocket> held(socket);
        QTimer::singleShot(fault->delayMs, this, [this, held, response, request] {
            if (held)
                send(held, response, request);
        });
        logEntry(request, response.status, timer.elapsed() + fault->delayMs, fault->kindName());
        break;
    }
    case Kind::Lost:
        // The write above has been applied; the client gets no reply byte.
        socket->disconnectFromHost();
        logEntry(request, 0, timer.elapsed(), fault->kindName());
        break;
    case Kind::Truncated: {
        const qint64 announced = std::max<qint64>(response.body.size(), 64);
        socket->write(response.serializeHead(announced) + response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        logEntry(request, response.status, timer.elapsed(), fault->kindName());
        break;
    }
    default:
        break;
    }
}

void SandboxServer::send(QTcpSocket* socket, const SandboxResponse& response, const SandboxRequest& request) {
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    socket->write(response.serialize());
    if (request.header(QByteArrayLiteral("Connection")).trimmed().compare("close", Qt::CaseInsensitive) == 0)
        socket->disconnectFromHost();
}

void SandboxServer::logEntry(const SandboxRequest& request, int status, qint64 durationMs,
                             const QString& fault) {
    RequestLogEntry entry;
    entry.timeMs = request.receivedAtMs;
    entry.method = QString::fromLatin1(request.method);
    // Secrets never reach the log: tokens in paths (/oauth/v1/access-tokens/{token}) and
    // credentials in query strings are masked.
    entry.path = request.path;
    const QString pathToken = request.params.value(QStringLiteral("token"));
    if (!pathToken.isEmpty())
        entry.path.replace(pathToken, QStringLiteral("***"));
    QUrlQuery query = request.query;
    for (const char* key :
         {"client_secret", "refresh_token", "code", "code_verifier", "access_token", "hapikey"}) {
        const QString name = QLatin1String(key);
        if (query.hasQueryItem(name)) {
            query.removeAllQueryItems(name);
            query.addQueryItem(name, QStringLiteral("***"));
        }
    }
    entry.query = query.toString(QUrl::FullyDecoded);
    entry.endpoint = request.endpoint;
    entry.status = status;
    entry.durationMs = durationMs;
    entry.fault = fault;
    entry.correlationId = request.correlationId;
    entry.client = m_dialect->clientLabel(request);
    entry.seq = m_log.append(entry);
    emit requestLogged(entry);
}

// --- state ---------------------------------------------------------------------------------------

QJsonObject SandboxServer::stateJson() const {
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("syncdesk-sandbox-state")},
                       {QStringLiteral("version"), kStateVersion},
                       {QStringLiteral("dialect"), m_dialect->name()},
                       {QStringLiteral("savedAt"), isoTimestamp(nowMs())},
                       {m_dialect->name(), m_dialect->saveState()}};
}

bool SandboxServer::loadStateJson(const QJsonObject& state, QString* error) {
    const QString format = state.value(QStringLiteral("format")).toString();
    if (format != u"syncdesk-sandbox-state") {
        if (error)
            *error = QStringLiteral("not a sandbox state document (format \"%1\")").arg(format);
        return false;
    }
    if (state.value(QStringLiteral("version")).toInt() > kStateVersion) {
        if (error)
            *error = QStringLiteral("state version %1 is newer than this sandbox understands")
                         .arg(state.value(QStringLiteral("version")).toInt());
        return false;
    }
    if (state.value(QStringLiteral("dialect")).toString() != m_dialect->name()) {
        if (error)
            *error = QStringLiteral("state is for dialect \"%1\", this sandbox serves \"%2\"")
                         .arg(state.value(QStringLiteral("dialect")).toString(), m_dialect->name());
        return false;
    }
    return m_dialect->loadState(state.value(m_dialect->name()).toObject(), error);
}

bool SandboxServer::saveStateFile(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(stateJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

namespace {

bool readJsonObject(const QString& path, QJsonObject* out, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not a JSON object: %2 (at offset %3)")
                         .arg(path, parseError.errorString())
                         .arg(parseError.offset);
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace

bool SandboxServer::loadStateFile(const QString& path, QString* error) {
    QJsonObject state;
    return readJsonObject(path, &state, error) && loadStateJson(state, error);
}

bool SandboxServer::loadSeedJson(const QJsonObject& seed, QString* error) {
    return m_dialect->loadSeed(seed, error);
}

bool SandboxServer::loadSeedFile(const QString& path, QString* error) {
    QJsonObject seed;
    if (!readJsonObject(path, &seed, error))
        return false;
    if (!loadSeedJson(seed, error)) {
        if (error)
            *error = path + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

void SandboxServer::reset() {
    m_dialect->reset();
    m_log.clear();
}

} // namespace syncdesk::sandbox
