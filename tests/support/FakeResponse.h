#pragma once

#include "tests/support/FakeStep.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Switchyard::Testing {

/// A scripted HTTP/1.1 response for FakeProviderServer: status line, headers, and a body as steps (writes, waits,
/// stalls, cuts). Wire-format fixtures (OpenAiFixtures, later Anthropic/Gemini/...) build bodies; this class only
/// frames them, so any wire format can be imitated.
struct FakeResponse {
    enum class Framing {
        ContentLength,   ///< Content-Length = sum of written bytes; keep-alive
        Chunked,         ///< Transfer-Encoding: chunked, one chunk per write; "0\r\n\r\n" after the last step
        CloseDelimited,  ///< Connection: close, body ends when the server closes
    };
    enum class Before {
        Answer,              ///< send the status line and headers
        ResetBeforeHeaders,  ///< reset the connection as soon as the request arrived
        Silence,             ///< accept the request and never answer
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<FakeStep> steps;
    Framing framing = Framing::ContentLength;
    Before before = Before::Answer;

    /// A JSON body (Content-Type: application/json).
    static FakeResponse json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers = {});
    /// A text/event-stream body written in pieces that end at @p splitPoints (byte offsets, ascending), with
    /// @p delayMs between pieces.
    static FakeResponse sse(const QByteArray &stream, const QList<qsizetype> &splitPoints = {}, int delayMs = 0,
                            Framing framing = Framing::Chunked);
    /// The same, cut into pieces of @p pieceSize bytes.
    /// Any streamed body with its own content type (e.g. "application/x-ndjson"), split as sse() does.
    static FakeResponse streamed(const QByteArray &contentType, const QByteArray &body,
                                 const QList<qsizetype> &splitPoints = {}, int delayMs = 0,
                                 Framing framing = Framing::Chunked);
    static FakeResponse sseInPieces(const QByteArray &stream, qsizetype pieceSize, int delayMs = 0,
                                    Framing framing = Framing::Chunked);
    static FakeResponse resetBeforeHeaders();
    static FakeResponse silence();

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
    FakeResponse &then(const FakeStep &step);
};

}  // namespace Switchyard::Testing
