#pragma once

#include "core/model/FailureClass.h"
#include "core/model/Usage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Switchyard {

/// A protocol-level failure found in a body: an in-band error, a malformed chunk, an unusable answer.
struct ParseFailure {
    FailureClass failure = FailureClass::MalformedResponse;
    QString code;
    QString message;  ///< not yet redacted; never contains generated text
};

/// What the parser learnt from one piece of the body.
struct ParseUpdate {
    QStringList deltas;     ///< text deltas in order
    bool complete = false;  ///< the answer is complete (terminator, or the final usage chunk): finalise now
    std::optional<ParseFailure> failure;
};

/// Turns one wire format's response body into text, usage and completion state. One instance per call.
/// Adapters implement it; HttpProviderCall drives it and owns timing, transport errors and HTTP error statuses.
class ResponseParser {
public:
    virtual ~ResponseParser() = default;

    /// Streamed body bytes, in arbitrary pieces.
    virtual ParseUpdate feed(QByteArrayView bytes) = 0;
    /// The streamed body ended. Returns complete=true if what arrived is a whole answer (e.g. finish_reason or the
    /// usage chunk seen without [DONE]); otherwise a StreamCut failure.
    virtual ParseUpdate finishStream() = 0;
    /// A whole, unstreamed 2xx body.
    virtual ParseUpdate parseBody(const QByteArray &body) = 0;

    /// True once the stream carried enough to count as an answer even without its terminator.
    virtual bool streamLooksComplete() const = 0;
    /// Events seen that carry no text but prove the server is alive (SSE comments); used for the idle timeout.
    virtual qint64 activityCount() const { return 0; }

    QString text() const { return m_text; }
    QString finishReason() const { return m_finishReason; }
    Usage usage() const { return m_usage; }
    bool usageReported() const { return m_usageReported; }

protected:
    /// A MalformedResponse failure saying @p what is wrong with the body.
    static ParseFailure malformed(const QString &what);
    /// @p object's @p key as an integer; 0 when absent or not a number.
    static qint64 integer(const QJsonObject &object, const char *key);
    /// @p body as a JSON object; std::nullopt with @p update's failure set ("the response is not a JSON object (...)")
    /// when it is not one. The start of every unstreamed parseBody().
    static std::optional<QJsonObject> jsonObject(const QByteArray &body, ParseUpdate &update);

    QString m_text;
    QString m_finishReason;
    Usage m_usage;
    bool m_usageReported = false;
};

}  // namespace Switchyard
