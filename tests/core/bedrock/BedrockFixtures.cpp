#include "tests/core/bedrock/BedrockFixtures.h"

#include "core/providers/wire/EventStreamEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Testing {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject usageObject(const BedrockFixtures::Tokens &tokens)
{
    return QJsonObject{
        {QStringLiteral("inputTokens"), tokens.input},
        {QStringLiteral("outputTokens"), tokens.output},
        {QStringLiteral("totalTokens"), tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite},
        {QStringLiteral("cacheReadInputTokens"), tokens.cacheRead},
        {QStringLiteral("cacheWriteInputTokens"), tokens.cacheWrite}};
}

QByteArray eventFrame(const QString &type, const QJsonObject &payload)
{
    return BedrockFixtures::frame(Wire::EventStreamMessage::event(type, compact(payload)));
}

}  // namespace

QString BedrockFixtures::path(bool stream, const QString &model)
{
    return QStringLiteral("/model/%1/%2")
        .arg(model, stream ? QStringLiteral("converse-stream") : QStringLiteral("converse"));
}

QByteArray BedrockFixtures::converse(const QString &text, const Tokens &tokens, const QString &stopReason)
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}};
    return compact(QJsonObject{{QStringLiteral("output"), QJsonObject{{QStringLiteral("message"), message}}},
                               {QStringLiteral("stopReason"), stopReason},
                               {QStringLiteral("usage"), usageObject(tokens)},
                               {QStringLiteral("metrics"), QJsonObject{{QStringLiteral("latencyMs"), 412}}}});
}

QByteArray BedrockFixtures::frame(const Wire::EventStreamMessage &message)
{
    const Result<QByteArray> bytes = Wire::EventStreamEncoder::encode(message);
    if (!bytes)
        qFatal("EventStreamEncoder refused a fixture frame: %s", qPrintable(bytes.error().message));
    return *bytes;
}

QByteArray BedrockFixtures::messageStart()
{
    return eventFrame(QStringLiteral("messageStart"),
                      QJsonObject{{QStringLiteral("p"), QStringLiteral("abcdefgh")},
                                  {QStringLiteral("role"), QStringLiteral("assistant")}});
}

QByteArray BedrockFixtures::contentBlockDelta(int index, const QString &text)
{
    // Bedrock pads payloads with a random "p" field so frame sizes do not reveal the text length.
    return eventFrame(QStringLiteral("contentBlockDelta"),
                      QJsonObject{{QStringLiteral("contentBlockIndex"), index},
                                  {QStringLiteral("delta"), QJsonObject{{QStringLiteral("text"), text}}},
                                  {QStringLiteral("p"), QStringLiteral("abcdefghijklmnopq")}});
}

QByteArray BedrockFixtures::reasoningDelta(int index, const QString &text)
{
    return eventFrame(
        QStringLiteral("contentBlockDelta"),
        QJsonObject{{QStringLiteral("contentBlockIndex"), index},
                    {QStringLiteral("delta"),
                     QJsonObject{{QStringLiteral("reasoningContent"), QJsonObject{{QStringLiteral("text"), text}}}}}});
}

QByteArray BedrockFixtures::contentBlockStop(int index)
{
    return eventFrame(QStringLiteral("contentBlockStop"), QJsonObject{{QStringLiteral("contentBlockIndex"), index}});
}

QByteArray BedrockFixtures::messageStop(const QString &stopReason)
{
    return eventFrame(QStringLiteral("messageStop"), QJsonObject{{QStringLiteral("stopReason"), stopReason}});
}

QByteArray BedrockFixtures::metadata(const Tokens &tokens)
{
    return eventFrame(QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("usage"), usageObject(tokens)},
                                  {QStringLiteral("metrics"), QJsonObject{{QStringLiteral("latencyMs"), 388}}}});
}

QByteArray BedrockFixtures::exception(const QString &exceptionType, const QString &message)
{
    return frame(
        Wire::EventStreamMessage::exception(exceptionType, compact(QJsonObject{{QStringLiteral("message"), message}})));
}

QByteArray BedrockFixtures::stream(const QStringList &deltas, const Tokens &tokens, const QString &stopReason,
                                   bool stop, bool withMetadata)
{
    QByteArray out = messageStart();
    for (const QString &delta : deltas)
        out += contentBlockDelta(0, delta);
    out += contentBlockStop(0);
    if (stop)
        out += messageStop(stopReason);
    if (withMetadata)
        out += metadata(tokens);
    return out;
}

QByteArray BedrockFixtures::errorBody(const QString &message)
{
    return compact(QJsonObject{{QStringLiteral("message"), message}});
}

QPair<QByteArray, QByteArray> BedrockFixtures::errorTypeHeader(const QString &errorType)
{
    return {QByteArrayLiteral("x-amzn-ErrorType"),
            errorType.toUtf8() + ":http://internal.amazon.com/coral/com.amazon.bedrock/"};
}

}  // namespace Switchyard::Testing
