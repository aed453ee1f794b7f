#include "core/providers/bedrock/BedrockConverseParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonArray>

namespace Switchyard {

Usage BedrockConverseParser::normaliseUsage(const QJsonObject &usage)
{
    auto take = [&usage](const char *key) {
        const QJsonValue value = usage.value(QLatin1String(key));
        return value.isDouble() ? std::max<qint64>(0, value.toInteger()) : qint64(0);
    };
    Usage out;
    out.input = take("inputTokens");
    out.cachedInput = take("cacheReadInputTokens");
    out.cacheWrite = take("cacheWriteInputTokens");
    out.output = take("outputTokens");
    return out;
}

void BedrockConverseParser::takeUsage(const QJsonObject &usage)
{
    m_usage = normaliseUsage(usage);
    m_usageReported = true;
}

void BedrockConverseParser::takeStopReason(const QString &stopReason, ParseUpdate &update)
{
    m_finishReason = stopReason;
    if (stopReason == QLatin1String("guardrail_intervened") || stopReason == QLatin1String("content_filtered"))
        update.failure = ParseFailure{FailureClass::ContentFilter, stopReason,
                                      QStringLiteral("the answer was blocked (stopReason \"%1\"); rephrase the "
                                                     "prompt, check the guardrail or use another model")
                                          .arg(stopReason)};
}

ParseUpdate BedrockConverseParser::feed(QByteArrayView bytes)
{
    Q_UNUSED(bytes);
    ParseUpdate update;
    update.failure = malformed(QStringLiteral("a streamed body arrived for an unstreamed Converse call"));
    return update;
}

ParseUpdate BedrockConverseParser::finishStream()
{
    ParseUpdate update;
    update.failure = malformed(QStringLiteral("a streamed body arrived for an unstreamed Converse call"));
    return update;
}

ParseUpdate BedrockConverseParser::parseBody(const QByteArray &body)
{
    ParseUpdate update;
    const std::optional<QJsonObject> parsed = jsonObject(body, update);
    if (!parsed)
        return update;
    const QJsonObject &root = *parsed;
    const QJsonValue output = root.value(QLatin1String("output"));
    if (!output.isObject()) {
        // A success status carrying an AWS error body ({"message": "..."}).
        const QJsonValue message = root.value(QLatin1String("message"));
        update.failure = message.isString() ? HttpErrorClassifier::inBandFailure(message)
                                            : malformed(QStringLiteral("the response has no output.message object"));
        return update;
    }
    const QJsonValue content =
        output.toObject().value(QLatin1String("message")).toObject().value(QLatin1String("content"));
    if (!content.isArray()) {
        update.failure = malformed(QStringLiteral("the response has no output.message.content[] array"));
        return update;
    }
    // Only text blocks are answer text: reasoningContent and toolUse blocks carry no "text" key of their own.
    QString text;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &block : blocks)
        text += block.toObject().value(QLatin1String("text")).toString();
    m_text = text;
    if (root.value(QLatin1String("usage")).isObject())
        takeUsage(root.value(QLatin1String("usage")).toObject());
    takeStopReason(root.value(QLatin1String("stopReason")).toString(), update);
    if (!update.failure)
        update.complete = true;
    return update;
}

}  // namespace Switchyard
