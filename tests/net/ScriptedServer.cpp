#include "ScriptedServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace syncdesk::test {

ScriptedReply ScriptedReply::json(int status, const QByteArray& body, HttpHeaders headers) {
    ScriptedReply r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    if (!r.headers.contains("Content-Type"))
        r.headers.add("Content-Type", "application/json");
    return r;
}

ScriptedReply ScriptedReply::drop() {
    ScriptedReply r;
    r.action = Action::Drop;
    return r;
}

ScriptedReply ScriptedReply::hang() {
    ScriptedReply r;
    r.action = Action::Hang;
    return r;
}

ScriptedReply& ScriptedReply::withHeader(const QByteArray& name, const QByteArray& value) {
    headers.add(name, value);
    return *this;
}

ScriptedReply& ScriptedReply::delayed(int ms) {
    delayMs = ms;
    return *this;
}

ScriptedServer::ScriptedServer() {
    QObject::connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

ScriptedServer::~ScriptedServer() = default;

QUrl ScriptedServer::url(const QString& pathAndQuery) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

void ScriptedServer::enqueue(const ScriptedReply& reply) {
    m_script.push_back(reply);
}

void ScriptedServer::setHandler(std::function<ScriptedReply(const ReceivedRequest&)> handler) {
    m_handler = std::move(handler);
}

void ScriptedServer::onNewConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { process(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void ScriptedServer::process(QTcpSocket* socket) {
    // One buffer per socket, kept as a dynamic property: requests may arrive in pieces.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        ReceivedRequest request;
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        request.method = start.value(0);
        request.target = start.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.add(name, value);
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            break;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        m_received.append(request);

        ScriptedReply reply;
        if (!m_script.empty()) {
            reply = m_script.front();
            m_script.pop_front();
        } else if (m_handler) {
            reply = m_handler(request);
        } else {
            reply = ScriptedReply::json(200, "{}");
        }
        answer(socket, reply);
        if (reply.action != ScriptedReply::Action::Respond)
            break;
    }
    socket->setProperty("buffer", buffer);
}

namespace {
QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}
} // namespace

void ScriptedServer::answer(QTcpSocket* socket, const ScriptedReply& reply) {
    switch (reply.action) {
    case ScriptedReply::Action::Hang:
        return;
    case ScriptedReply::Action::Drop:
        socket->disconnectFromHost();
        return;
    case ScriptedReply::Action::Respond:
        break;
    }
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto& [name, value] : reply.headers.fields())
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
    out += reply.body;
    if (reply.delayMs <= 0) {
        socket->write(out);
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(reply.delayMs, this, [guard, out] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            guard->write(out);
    });
}

} // namespace syncdesk::test
