#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 for HttpClient tests: each request gets the next scripted
// reply (or the handler's answer): a response, a delayed response, a dropped connection (the
// request was read, then the connection closed: "the response was lost"), or no answer at all.
// Raw QTcpServer rather than QHttpServer: the tests need to drop and stall connections, which
// QHttpServer's API does not offer portably. Runs in the test's thread: HttpClient's local event
// loop serves it.

#include "core/net/HttpTypes.h"

#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <deque>
#include <functional>

class QTcpSocket;

namespace syncdesk::test {

struct ScriptedReply {
    enum class Action { Respond, Drop, Hang };
    Action action = Action::Respond;
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    int delayMs = 0; // Respond: answer after this much real time

    static ScriptedReply json(int status, const QByteArray& body, HttpHeaders headers = {});
    static ScriptedReply drop();
    static ScriptedReply hang();
    ScriptedReply& withHeader(const QByteArray& name, const QByteArray& value);
    ScriptedReply& delayed(int ms);
};

struct ReceivedRequest {
    QByteArray method;
    QByteArray target; // path and query as sent
    HttpHeaders headers;
    QByteArray body;
};

class ScriptedServer : public QObject {
public:
    ScriptedServer();
    ~ScriptedServer() override;

    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& pathAndQuery = QStringLiteral("/")) const;

    // Replies in order; when the script runs out, the handler answers (default: 200 {}).
    void enqueue(const ScriptedReply& reply);
    void setHandler(std::function<ScriptedReply(const ReceivedRequest&)> handler);

    const QList<ReceivedRequest>& received() const { return m_received; }
    int requestCount() const { return static_cast<int>(m_received.size()); }

private:
    struct Connection;
    void onNewConnection();
    void process(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const ScriptedReply& reply);

    QTcpServer m_server;
    std::deque<ScriptedReply> m_script;
    std::function<ScriptedReply(const ReceivedRequest&)> m_handler;
    QList<ReceivedRequest> m_received;
};

} // namespace syncdesk::test
