#include "tests/support/FakeProviderServer.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QtDebug>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Switchyard::Testing {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 402:
        return QByteArrayLiteral("Payment Required");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

// Parses one complete request from the front of @p buffer; returns false when more bytes are needed.
bool takeRequest(QByteArray &buffer, RecordedRequest &out)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    RecordedRequest request;
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const qsizetype question = target.indexOf('?');
    request.target = target;
    request.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    request.query = question < 0 ? QString() : QString::fromLatin1(target.mid(question + 1));
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    const qsizetype total = headerEnd + 4 + contentLength;
    if (buffer.size() < total)
        return false;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.remove(0, total);
    out = std::move(request);
    return true;
}

}  // namespace

FakeProviderServer::FakeProviderServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeProviderServer::onNewConnection);
}

FakeProviderServer::~FakeProviderServer()
{
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
}

bool FakeProviderServer::start()
{
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    qWarning("FakeProviderServer: cannot listen on 127.0.0.1: %s", qPrintable(m_server.errorString()));
    return false;
}

quint16 FakeProviderServer::port() const
{
    return m_server.serverPort();
}

QString FakeProviderServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FakeProviderServer::enqueue(const QString &path, const FakeResponse &response)
{
    m_queues[path].enqueue(response);
}

void FakeProviderServer::enqueueAny(const FakeResponse &response)
{
    m_any.enqueue(response);
}

int FakeProviderServer::pendingResponses() const
{
    qsizetype count = m_any.size();
    for (const auto &queue : m_queues)
        count += queue.size();
    return int(count);
}

void FakeProviderServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        // Without TCP_NODELAY, Nagle + delayed ACK hold a second small piece back ~40 ms.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_buffers.insert(socket, {});
        m_busy.insert(socket, false);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_busy.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeProviderServer::onReadyRead(QTcpSocket *socket)
{
    if (!m_buffers.contains(socket))
        return;
    m_buffers[socket] += socket->readAll();
    while (!m_busy.value(socket)) {
        RecordedRequest request;
        if (!takeRequest(m_buffers[socket], request))
            return;
        m_requests.append(request);
        Q_EMIT requestReceived(request);
        FakeResponse response;
        auto it = m_queues.find(request.path);
        if (it != m_queues.end() && !it->isEmpty())
            response = it->dequeue();
        else if (!m_any.isEmpty())
            response = m_any.dequeue();
        else
            response = FakeResponse::json(
                599, QByteArrayLiteral("{\"error\":{\"message\":\"FakeProviderServer: no scripted response for ") +
                         request.path.toUtf8() +
                         QByteArrayLiteral("\",\"type\":\"test_error\",\"param\":null,\"code\":null}}"));
        respond(socket, response);
        if (!m_buffers.contains(socket))
            return;
    }
}

void FakeProviderServer::resetSocket(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout turns close() into a TCP RST: the client sees "connection reset".
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        struct linger option {};
        option.l_onoff = 1;
        option.l_linger = 0;
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#endif
    socket->abort();
}

void FakeProviderServer::respond(QTcpSocket *socket, const FakeResponse &response)
{
    if (response.before == FakeResponse::Before::ResetBeforeHeaders) {
        resetSocket(socket);
        return;
    }
    m_busy[socket] = true;
    if (response.before == FakeResponse::Before::Silence)
        return;

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    switch (response.framing) {
    case FakeResponse::Framing::ContentLength: {
        qsizetype length = 0;
        for (const FakeStep &step : response.steps)
            if (step.kind == FakeStep::Kind::Write)
                length += step.bytes.size();
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
        break;
    }
    case FakeResponse::Framing::Chunked:
        head += "Transfer-Encoding: chunked\r\n";
        break;
    case FakeResponse::Framing::CloseDelimited:
        head += "Connection: close\r\n";
        break;
    }
    head += "\r\n";
    socket->write(head);
    socket->flush();
    runSteps(socket, response, 0);
}

void FakeProviderServer::runSteps(QPointer<QTcpSocket> socket, FakeResponse response, int index)
{
    while (socket && index < response.steps.size()) {
        const FakeStep &step = response.steps.at(index);
        switch (step.kind) {
        case FakeStep::Kind::Write:
            if (response.framing == FakeResponse::Framing::Chunked) {
                if (!step.bytes.isEmpty())
                    socket->write(QByteArray::number(step.bytes.size(), 16) + "\r\n" + step.bytes + "\r\n");
            } else {
                socket->write(step.bytes);
            }
            socket->flush();
            ++index;
            break;
        case FakeStep::Kind::Wait:
            QTimer::singleShot(step.ms, this,
                               [this, socket, response, index] { runSteps(socket, response, index + 1); });
            return;
        case FakeStep::Kind::Stall:
            return;
        case FakeStep::Kind::Close:
            socket->disconnectFromHost();
            return;
        case FakeStep::Kind::Reset:
            resetSocket(socket);
            return;
        }
    }
    if (socket)
        finishResponse(socket, response);
}

void FakeProviderServer::finishResponse(QTcpSocket *socket, const FakeResponse &response)
{
    if (response.framing == FakeResponse::Framing::Chunked)
        socket->write(QByteArrayLiteral("0\r\n\r\n"));
    socket->flush();
    if (response.framing == FakeResponse::Framing::CloseDelimited) {
        socket->disconnectFromHost();
        return;
    }
    m_busy[socket] = false;
    if (!m_buffers.value(socket).isEmpty())
        QTimer::singleShot(0, this, [this, socket = QPointer<QTcpSocket>(socket)] {
            if (socket)
                onReadyRead(socket);
        });
}

}  // namespace Switchyard::Testing
