#include "core/providers/cohere/CohereParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace Switchyard {

namespace {

const QLatin1String kText("text");

/// A finish_reason of ERROR / TIMEOUT, or an error string next to any finish_reason, as an in-band failure. A failed
/// finish reason becomes the code so the call's errorCode says which it was.
ParseFailure failedFinish(const QString &finishReason, const QString &error)
{
    QJsonObject object;
    if (CohereParser::isFailedFinish(finishReason))
        object.insert(QStringLiteral("code"), finishReason);
    object.insert(QStringLiteral("message"),
                  error.isEmpty() ? QStringLiteral("the generation stopped with finish_reason %1").arg(finishReason)
                                  : error);
    return HttpErrorClassifier::inBandFailure(object);
}

/// Cohere's error document is {"id", "message"} with a string message, where an answer has a message object.
bool isErrorDocument(const QJsonObject &object)
{
    return object.value(QLatin1String("message")).isString() || object.contains(QLatin1String("error"));
}

QJsonValue errorOf(const QJsonObject &object)
{
    return object.contains(QLatin1String("error")) ? object.value(QLatin1String("error")) : QJsonValue(object);
}

}  // namespace

Usage CohereParser::normaliseUsage(const QJsonObject &usage)
{
    const QJsonObject tokens = usage.value(QLatin1String("tokens")).toObject();
    const QJsonObject billed = usage.value(QLatin1String("billed_units")).toObject();
    auto pick = [&tokens, &billed](const char *key) -> qint64 {
        const QLatin1String name(key);
        // Cohere's schema types these as numbers (billed units may in principle be fractional): round, never negative.
        const QJsonValue value = tokens.value(name).isDouble() ? tokens.value(name) : billed.value(name);
        return value.isDouble() ? std::max<qint64>(0, qRound64(value.toDouble())) : 0;
    };
    Usage out;
    out.input = pick("input_tokens");
    out.output = pick("output_tokens");
    return out;
}

bool CohereParser::isFailedFinish(const QString &finishReason)
{
    return finishReason == QLatin1String("ERROR") || finishReason == QLatin1String("TIMEOUT");
}

void CohereParser::appendText(const QString &text, ParseUpdate &update)
{
    if (text.isEmpty())
        return;
    m_text += text;
    update.deltas.append(text);
}

void CohereParser::handleMessageEnd(const QJsonObject &delta, ParseUpdate &update)
{
    m_ended = true;
    m_finishReason = delta.value(QLatin1String("finish_reason")).toString();
    const QJsonValue usage = delta.value(QLatin1String("usage"));
    if (usage.isObject()) {
        m_usage = normaliseUsage(usage.toObject());
        m_usageReported = true;
    }
    const QString error = delta.value(QLatin1String("error")).toString();
    if (!error.isEmpty() || isFailedFinish(m_finishReason)) {
        update.failure = failedFinish(m_finishReason, error);
        return;
    }
    update.complete = true;
}

void CohereParser::handleEvent(const Wire::SseEvent &event, ParseUpdate &update)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(event.data, &error);
    if (!document.isObject()) {
        update.failure =
            malformed(QStringLiteral("a stream event (%1) is not a JSON object (%2 at offset %3)")
                          .arg(event.event.isEmpty() ? QStringLiteral("unnamed") : event.event, error.errorString())
                          .arg(error.offset));
        return;
    }
    const QJsonObject object = document.object();
    // The data's "type" and the event name agree on the wire; either alone is enough.
    QString type = object.value(QLatin1String("type")).toString();
    if (type.isEmpty() && event.event != QLatin1String("message"))
        type = event.event;

    if ((type.isEmpty() || type == QLatin1String("error")) && isErrorDocument(object)) {
        update.failure = HttpErrorClassifier::inBandFailure(errorOf(object));
        return;
    }
    const QJsonObject delta = object.value(QLatin1String("delta")).toObject();
    if (type == QLatin1String("message-start")) {
        m_started = true;
        return;
    }
    if (type == QLatin1String("content-start")) {
        const QJsonObject content =
            delta.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toObject();
        const QString contentType = content.value(QLatin1String("type")).toString(kText);
        m_contentTypes.insert(object.value(QLatin1String("index")).toInt(), contentType);
        if (contentType == kText)
            appendText(content.value(kText).toString(), update);
        return;
    }
    if (type == QLatin1String("content-delta")) {
        if (m_contentTypes.value(object.value(QLatin1String("index")).toInt(), kText) != kText)
            return;  // thinking and other non-answer content
        const QJsonObject content =
            delta.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toObject();
        appendText(content.value(kText).toString(), update);
        return;
    }
    if (type == QLatin1String("message-end")) {
        handleMessageEnd(delta, update);
        return;
    }
    // content-end, tool-plan-delta, tool-call-*, citation-*, debug and later event types carry no answer text.
}

QString CohereParser::cutReason() const
{
    return m_started ? QStringLiteral("the stream ended before message-end (finish_reason, usage) arrived")
                     : QStringLiteral("the stream ended before message-start arrived");
}

ParseUpdate CohereParser::parseBody(const QByteArray &body)
{
    ParseUpdate update;
    const std::optional<QJsonObject> parsed = jsonObject(body, update);
    if (!parsed)
        return update;
    const QJsonObject &root = *parsed;
    if (isErrorDocument(root)) {
        update.failure = HttpErrorClassifier::inBandFailure(errorOf(root));
        return update;
    }
    const QJsonValue message = root.value(QLatin1String("message"));
    if (!message.isObject()) {
        update.failure = malformed(QStringLiteral("the response has no message object"));
        return update;
    }
    // content is absent when the model answered with tool calls only: an empty answer, not a malformed one.
    const QJsonArray content = message.toObject().value(QLatin1String("content")).toArray();
    QString text;
    for (const QJsonValue &item : content) {
        const QJsonObject object = item.toObject();
        if (object.value(QLatin1String("type")).toString(kText) == kText)
            text += object.value(kText).toString();
    }
    m_text = text;
    m_finishReason = root.value(QLatin1String("finish_reason")).toString();
    if (root.value(QLatin1String("usage")).isObject()) {
        m_usage = normaliseUsage(root.value(QLatin1String("usage")).toObject());
        m_usageReported = true;
    }
    if (isFailedFinish(m_finishReason)) {
        update.failure = failedFinish(m_finishReason, QString());
        return update;
    }
    update.complete = true;
    return update;
}

}  // namespace Switchyard
