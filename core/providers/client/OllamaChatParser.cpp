#include "core/providers/client/OllamaChatParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

namespace Switchyard {

OllamaChatParser::OllamaChatParser() = default;

Usage OllamaChatParser::usageOf(const QJsonObject &object)
{
    Usage usage;
    usage.input = integer(object, "prompt_eval_count");
    usage.output = integer(object, "eval_count");
    return usage;
}

void OllamaChatParser::handle(const QJsonObject &object, ParseUpdate &update)
{
    if (m_done || update.failure)
        return;
    if (object.contains(QLatin1String("error"))) {
        const HttpFailure classified = HttpErrorClassifier::classifyInBand(
            QJsonObject{{QStringLiteral("message"), object.value(QLatin1String("error")).toString()}});
        update.failure =
            ParseFailure{classified.failure, classified.code,
                         QStringLiteral("the provider sent an error inside the response: %1").arg(classified.message)};
        return;
    }
    const QJsonValue content = object.value(QLatin1String("message")).toObject().value(QLatin1String("content"));
    if (!content.isString() && !content.isUndefined()) {
        update.failure = malformed(QStringLiteral("message.content is not text"));
        return;
    }
    if (!content.toString().isEmpty()) {
        m_text += content.toString();
        update.deltas.append(content.toString());
    }
    if (object.value(QLatin1String("done")).toBool()) {
        m_done = true;
        m_finishReason = object.value(QLatin1String("done_reason")).toString(QStringLiteral("stop"));
        m_usage = usageOf(object);
        m_usageReported =
            object.contains(QLatin1String("prompt_eval_count")) || object.contains(QLatin1String("eval_count"));
        update.complete = true;
    }
}

ParseUpdate OllamaChatParser::feed(QByteArrayView bytes)
{
    ParseUpdate update;
    const QList<Wire::NdjsonItem> items = m_decoder.feed(bytes);
    for (const Wire::NdjsonItem &item : items) {
        if (!item.ok()) {
            update.failure = malformed(QStringLiteral("stream line %1 is not a JSON object").arg(item.line));
            return update;
        }
        handle(item.object, update);
        if (update.failure || m_done)
            break;
    }
    return update;
}

ParseUpdate OllamaChatParser::finishStream()
{
    ParseUpdate update;
    if (!m_done) {
        const QList<Wire::NdjsonItem> items = m_decoder.finish();
        for (const Wire::NdjsonItem &item : items)
            if (item.ok())
                handle(item.object, update);
    }
    if (update.failure)
        return update;
    if (m_done)
        update.complete = true;
    else
        update.failure = ParseFailure{FailureClass::StreamCut, QString(),
                                      QStringLiteral("the stream ended before its \"done\": true line")};
    return update;
}

ParseUpdate OllamaChatParser::parseBody(const QByteArray &body)
{
    ParseUpdate update;
    const std::optional<QJsonObject> parsed = jsonObject(body, update);
    if (!parsed)
        return update;
    handle(*parsed, update);
    if (!update.failure && !m_done) {
        update.deltas.clear();
        update.failure = malformed(QStringLiteral("the response has no \"done\": true"));
    }
    return update;
}

}  // namespace Switchyard
