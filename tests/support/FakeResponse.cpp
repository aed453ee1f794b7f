#include "tests/support/FakeResponse.h"

namespace Switchyard::Testing {

FakeResponse FakeResponse::json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers)
{
    FakeResponse response;
    response.status = status;
    response.headers = std::move(headers);
    response.headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    response.steps.append(FakeStep::write(body));
    return response;
}

FakeResponse FakeResponse::sse(const QByteArray &stream, const QList<qsizetype> &splitPoints, int delayMs,
                               Framing framing)
{
    FakeResponse response;
    response.framing = framing;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream; charset=utf-8")});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    qsizetype from = 0;
    for (qsizetype point : splitPoints) {
        if (point <= from || point >= stream.size())
            continue;
        response.steps.append(FakeStep::write(stream.mid(from, point - from)));
        if (delayMs > 0)
            response.steps.append(FakeStep::wait(delayMs));
        from = point;
    }
    if (from < stream.size())
        response.steps.append(FakeStep::write(stream.mid(from)));
    return response;
}

FakeResponse FakeResponse::streamed(const QByteArray &contentType, const QByteArray &body,
                                    const QList<qsizetype> &splitPoints, int delayMs, Framing framing)
{
    FakeResponse response = sse(body, splitPoints, delayMs, framing);
    response.headers = {{QByteArrayLiteral("Content-Type"), contentType}};
    return response;
}

FakeResponse FakeResponse::sseInPieces(const QByteArray &stream, qsizetype pieceSize, int delayMs, Framing framing)
{
    QList<qsizetype> points;
    for (qsizetype at = pieceSize; pieceSize > 0 && at < stream.size(); at += pieceSize)
        points.append(at);
    return sse(stream, points, delayMs, framing);
}

FakeResponse FakeResponse::resetBeforeHeaders()
{
    FakeResponse response;
    response.before = Before::ResetBeforeHeaders;
    return response;
}

FakeResponse FakeResponse::silence()
{
    FakeResponse response;
    response.before = Before::Silence;
    return response;
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeResponse &FakeResponse::then(const FakeStep &step)
{
    steps.append(step);
    return *this;
}

}  // namespace Switchyard::Testing
