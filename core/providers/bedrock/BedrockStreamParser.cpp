#include "core/providers/bedrock/BedrockStreamParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonDocument>

namespace Switchyard {

void BedrockStreamParser::handle(const Wire::EventStreamMessage &message, ParseUpdate &update)
{
    const QString messageType = message.messageType();
    if (messageType == QLatin1String("exception")) {
        update.failure = HttpErrorClassifier::awsStreamFailure(message.exceptionType(), message.payload);
        return;
    }
    if (messageType == QLatin1String("error")) {
        // Error frames carry their name and message in headers, not in the payload.
        const QJsonObject body{{QStringLiteral("message"), message.stringHeader(u":error-message")}};
        update.failure = HttpErrorClassifier::awsStreamFailure(message.stringHeader(u":error-code"),
                                                               QJsonDocument(body).toJson(QJsonDocument::Compact));
        return;
    }
    if (messageType != QLatin1String("event")) {
        update.failure = malformed(
            QStringLiteral("an event-stream frame has the unknown :message-type \"%1\"").arg(messageType.left(64)));
        return;
    }
    const QString eventType = message.eventType();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(message.payload, &error);
    if (!document.isObject()) {
        update.failure = malformed(QStringLiteral("the payload of a %1 event is not a JSON object (%2 at offset %3)")
                                       .arg(eventType.left(64), error.errorString())
                                       .arg(error.offset));
        return;
    }
    const QJsonObject object = document.object();
    if (eventType == QLatin1String("messageStart")) {
        m_started = true;
    } else if (eventType == QLatin1String("contentBlockDelta")) {
        const QJsonValue text = object.value(QLatin1String("delta")).toObject().value(QLatin1String("text"));
        if (text.isString() && !text.toString().isEmpty()) {
            m_text += text.toString();
            update.deltas.append(text.toString());
        }
    } else if (eventType == QLatin1String("messageStop")) {
        m_stopped = true;
        takeStopReason(object.value(QLatin1String("stopReason")).toString(), update);
    } else if (eventType == QLatin1String("metadata")) {
        if (object.value(QLatin1String("usage")).isObject())
            takeUsage(object.value(QLatin1String("usage")).toObject());
        // metadata is the last event; before messageStop it would mean a broken stream.
        if (m_stopped)
            update.complete = true;
        else
            update.failure = ParseFailure{FailureClass::StreamCut, QString(),
                                          QStringLiteral("the stream sent metadata before messageStop")};
    }
    // contentBlockStart, contentBlockStop and event types added later carry nothing we need.
}

ParseUpdate BedrockStreamParser::feed(QByteArrayView bytes)
{
    ParseUpdate update;
    if (m_done)
        return update;
    const QList<Wire::EventStreamMessage> messages = m_decoder.feed(bytes);
    // Every message returned passed both CRCs; a corrupt one is never returned, so its text cannot leak.
    for (const Wire::EventStreamMessage &message : messages) {
        handle(message, update);
        if (update.failure || update.complete)
            break;
    }
    if (!update.failure && !update.complete && m_decoder.hasError())
        update.failure = malformed(QStringLiteral("the event stream is corrupt: %1").arg(m_decoder.errorString()));
    m_complete = update.complete && !update.failure;
    m_done = update.failure.has_value() || update.complete;
    return update;
}

ParseUpdate BedrockStreamParser::finishStream()
{
    ParseUpdate update;
    if (m_done) {
        // Already decided: repeat the verdict rather than invent a new one.
        if (m_complete)
            update.complete = true;
        else
            update.failure = ParseFailure{FailureClass::StreamCut, QString(), QStringLiteral("the stream failed")};
        return update;
    }
    m_done = true;
    const bool wholeFrames = m_decoder.finish();
    if (m_stopped) {
        update.complete = true;  // all text and the stop reason arrived; only the metadata (usage) is missing
        return update;
    }
    QString what;
    if (!wholeFrames)
        what = QStringLiteral("the stream ended inside an event-stream frame: %1").arg(m_decoder.errorString());
    else
        what = m_started ? QStringLiteral("the stream ended before messageStop arrived")
                         : QStringLiteral("the stream ended before messageStart arrived");
    update.failure = ParseFailure{FailureClass::StreamCut, QString(), what};
    return update;
}

}  // namespace Switchyard
