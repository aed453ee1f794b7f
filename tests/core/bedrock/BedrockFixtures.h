#pragma once

#include "core/providers/wire/EventStreamMessage.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Builds Bedrock Runtime Converse / ConverseStream bodies as PROVIDERS.md §5 describes them (and as
/// bedrock-runtime sends them): `converse` JSON answers, `application/vnd.amazon.eventstream` frames written with
/// Wire::EventStreamEncoder, and `{"message"}` error bodies named by `x-amzn-ErrorType`.
class BedrockFixtures {
public:
    /// Bedrock's usage: inputTokens EXCLUDES cache reads and writes.
    struct Tokens {
        int input = 0;
        int output = 0;
        int cacheRead = 0;
        int cacheWrite = 0;
    };

    static constexpr QLatin1String ContentType{"application/vnd.amazon.eventstream"};

    /// A model id with ':' in it, the case that must go on the wire as %3A.
    static QString model() { return QStringLiteral("deepseek.r1-v1:0"); }
    /// The decoded request path for model() ("/model/deepseek.r1-v1:0/converse[-stream]").
    static QString path(bool stream, const QString &model = BedrockFixtures::model());

    /// A whole Converse answer with one text block.
    static QByteArray converse(const QString &text, const Tokens &tokens,
                               const QString &stopReason = QStringLiteral("end_turn"));

    /// One encoded frame (fails the test run loudly via qFatal when the encoder refuses it).
    static QByteArray frame(const Wire::EventStreamMessage &message);
    static QByteArray messageStart();
    static QByteArray contentBlockDelta(int index, const QString &text);
    static QByteArray reasoningDelta(int index, const QString &text);
    static QByteArray contentBlockStop(int index);
    static QByteArray messageStop(const QString &stopReason = QStringLiteral("end_turn"));
    static QByteArray metadata(const Tokens &tokens);
    /// A `:message-type` exception frame with payload {"message"}.
    static QByteArray exception(const QString &exceptionType, const QString &message);

    /// A whole ConverseStream body: messageStart, one contentBlockDelta per delta, contentBlockStop, then messageStop
    /// and metadata when asked.
    static QByteArray stream(const QStringList &deltas, const Tokens &tokens,
                             const QString &stopReason = QStringLiteral("end_turn"), bool stop = true,
                             bool withMetadata = true);

    /// {"message": ...}, the body of every Bedrock error.
    static QByteArray errorBody(const QString &message);
    /// The x-amzn-ErrorType header as AWS writes it: "ThrottlingException:http://internal.amazon.com/coral/...".
    static QPair<QByteArray, QByteArray> errorTypeHeader(const QString &errorType);
};

}  // namespace Switchyard::Testing
