#pragma once

#include "tests/support/FakeResponse.h"
#include "tests/support/RecordedRequest.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace Switchyard::Testing {

/// An HTTP/1.1 server on 127.0.0.1 (ephemeral port) that imitates a provider: it records every request and answers
/// each from a queue of scripted FakeResponses per path (exact path first, then the catch-all queue). Responses can
/// be split at any byte with delays, stall, be cut, or fail at the TCP level. Unscripted requests get a 599 JSON
/// error naming the path, so a test that forgot a response fails loudly.
class FakeProviderServer : public QObject {
    Q_OBJECT
public:
    explicit FakeProviderServer(QObject *parent = nullptr);
    ~FakeProviderServer() override;

    /// Listens on 127.0.0.1 with an ephemeral port; false (and a warning) when that fails.
    bool start();
    quint16 port() const;
    /// "http://127.0.0.1:PORT" (no trailing slash).
    QString baseUrl() const;

    /// Queues @p response for requests whose path is @p path ("/v1/chat/completions").
    void enqueue(const QString &path, const FakeResponse &response);
    /// Queues @p response for any path without a queue of its own.
    void enqueueAny(const FakeResponse &response);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    /// Requests answered so far, including ones that were reset or left silent.
    RecordedRequest lastRequest() const { return m_requests.isEmpty() ? RecordedRequest() : m_requests.last(); }
    void clearRequests() { m_requests.clear(); }
    /// Scripted responses not yet used.
    int pendingResponses() const;
    /// Connections accepted so far.
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    void requestReceived(const Switchyard::Testing::RecordedRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeResponse &response);
    void runSteps(QPointer<QTcpSocket> socket, FakeResponse response, int index);
    void finishResponse(QTcpSocket *socket, const FakeResponse &response);
    static void resetSocket(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QString, QQueue<FakeResponse>> m_queues;
    QQueue<FakeResponse> m_any;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_busy;  // a response is being written; further requests wait in the buffer
    int m_connections = 0;
};

}  // namespace Switchyard::Testing
