#include "core/providers/client/OpenAiChatParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard {

OpenAiChatParser::OpenAiChatParser(bool expectUsageChunk) : m_expectUsageChunk(expectUsageChunk) {}

Usage OpenAiChatParser::normaliseUsage(const QJsonObject &usage)
{
    Usage out;
    const qint64 prompt = integer(usage, "prompt_tokens");
    const qint64 completion = integer(usage, "completion_tokens");
    const qint64 reasoning = usage.value(QLatin1String("completion_tokens_details"))
                                 .toObject()
                                 .value(QLatin1String("reasoning_tokens"))
                                 .toInteger();
    qint64 cached = usage.value(QLatin1String("prompt_tokens_details"))
                        .toObject()
                        .value(QLatin1String("cached_tokens"))
                        .toInteger();
    if (usage.contains(QLatin1String("prompt_cache_hit_tokens")) ||
        usage.contains(QLatin1String("prompt_cache_miss_tokens"))) {
        cached = integer(usage, "prompt_cache_hit_tokens");
        out.input = usage.contains(QLatin1String("prompt_cache_miss_tokens"))
                        ? integer(usage, "prompt_cache_miss_tokens")
                        : std::max<qint64>(0, prompt - cached);
    } else {
        out.input = std::max<qint64>(0, prompt - cached);
    }
    out.cachedInput = cached;
    out.reasoning = std::min(reasoning, completion);
    out.output = std::max<qint64>(0, completion - out.reasoning);
    return out;
}

void OpenAiChatParser::handleEvent(const Wire::SseEvent &event, ParseUpdate &update)
{
    const QByteArray &data = event.data;
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        update.complete = true;
        return;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (!document.isObject()) {
        update.failure = malformed(QStringLiteral("a stream chunk is not a JSON object (%1 at offset %2)")
                                       .arg(error.errorString())
                                       .arg(error.offset));
        return;
    }
    const QJsonObject chunk = document.object();
    if (chunk.contains(QLatin1String("error"))) {
        update.failure = HttpErrorClassifier::inBandFailure(chunk.value(QLatin1String("error")));
        return;
    }
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject deltaObject = choice.value(QLatin1String("delta")).toObject();
        const QJsonValue content = deltaObject.value(QLatin1String("content"));
        if (content.isString() && !content.toString().isEmpty()) {
            m_text += content.toString();
            update.deltas.append(content.toString());
        }
        const QJsonValue finish = choice.value(QLatin1String("finish_reason"));
        if (finish.isString())
            m_finishReason = finish.toString();
    }
    const QJsonValue usage = chunk.value(QLatin1String("usage"));
    if (usage.isObject()) {
        m_usage = normaliseUsage(usage.toObject());
        m_usageReported = true;
        // The include_usage chunk is the last one with data: the answer is complete even if [DONE] never comes.
        if (m_expectUsageChunk && choices.isEmpty())
            update.complete = true;
    }
}

bool OpenAiChatParser::partialEventCounts(const Wire::SseEvent &event) const
{
    return event.data.trimmed() == "[DONE]" || SseResponseParser::partialEventCounts(event);
}

QString OpenAiChatParser::cutReason() const
{
    return QStringLiteral("the stream ended before a finish reason, usage or [DONE] arrived");
}

void OpenAiChatParser::finishUpdate(ParseUpdate &update)
{
    if (m_usageReported && m_expectUsageChunk && !m_finishReason.isEmpty())
        update.complete = true;
    if (update.complete && !update.failure && m_finishReason == QLatin1String("content_filter") && m_text.isEmpty()) {
        update.complete = false;
        update.failure = ParseFailure{FailureClass::ContentFilter, QStringLiteral("content_filter"),
                                      QStringLiteral("the provider's content filter blocked the answer")};
    }
}

ParseUpdate OpenAiChatParser::parseBody(const QByteArray &body)
{
    ParseUpdate update;
    const std::optional<QJsonObject> parsed = jsonObject(body, update);
    if (!parsed)
        return update;
    const QJsonObject &root = *parsed;
    if (root.contains(QLatin1String("error"))) {
        update.failure = HttpErrorClassifier::inBandFailure(root.value(QLatin1String("error")));
        return update;
    }
    const QJsonArray choices = root.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty()) {
        update.failure = malformed(QStringLiteral("the response has no choices"));
        return update;
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    m_finishReason = choice.value(QLatin1String("finish_reason")).toString();
    const QJsonValue content = message.value(QLatin1String("content"));
    const QString refusal = message.value(QLatin1String("refusal")).toString();
    if (root.value(QLatin1String("usage")).isObject()) {
        m_usage = normaliseUsage(root.value(QLatin1String("usage")).toObject());
        m_usageReported = true;
    }
    if (!refusal.isEmpty() && (!content.isString() || content.toString().isEmpty())) {
        update.failure = ParseFailure{FailureClass::ContentFilter, QStringLiteral("refusal"),
                                      QStringLiteral("the model refused: %1").arg(refusal)};
        return update;
    }
    if (m_finishReason == QLatin1String("content_filter") && (!content.isString() || content.toString().isEmpty())) {
        update.failure = ParseFailure{FailureClass::ContentFilter, QStringLiteral("content_filter"),
                                      QStringLiteral("the provider's content filter blocked the answer")};
        return update;
    }
    if (!content.isString() && !content.isNull()) {
        update.failure = malformed(QStringLiteral("choices[0].message.content is not text"));
        return update;
    }
    m_text = content.toString();
    update.complete = true;
    return update;
}

}  // namespace Switchyard
