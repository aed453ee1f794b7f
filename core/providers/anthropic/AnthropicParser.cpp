#include "core/providers/anthropic/AnthropicParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard {

namespace {

const QLatin1String kRefusal("refusal");

ParseFailure refusal()
{
    return ParseFailure{FailureClass::ContentFilter, kRefusal,
                        QStringLiteral("the model refused to answer (stop_reason \"refusal\"); rephrase the prompt "
                                       "or use another model")};
}

}  // namespace

void AnthropicParser::mergeUsage(const QJsonObject &usage, Usage &into)
{
    auto take = [&usage](const char *key, qint64 &field) {
        const QJsonValue value = usage.value(QLatin1String(key));
        if (value.isDouble())
            field = std::max<qint64>(0, value.toInteger());
    };
    take("input_tokens", into.input);
    take("cache_read_input_tokens", into.cachedInput);
    take("cache_creation_input_tokens", into.cacheWrite);
    take("output_tokens", into.output);
}

Usage AnthropicParser::normaliseUsage(const QJsonObject &usage)
{
    Usage out;
    mergeUsage(usage, out);
    return out;
}

void AnthropicParser::handleEvent(const Wire::SseEvent &event, ParseUpdate &update)
{
    if (event.event == QLatin1String("ping")) {
        ++m_pings;
        return;
    }
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
    // The event name and the data's "type" agree on the wire; a proxy that drops "event:" lines still works.
    const QString type = event.event.isEmpty() || event.event == QLatin1String("message")
                             ? object.value(QLatin1String("type")).toString()
                             : event.event;

    if (type == QLatin1String("error")) {
        update.failure = HttpErrorClassifier::inBandFailure(object.value(QLatin1String("error")));
        return;
    }
    if (type == QLatin1String("ping")) {
        ++m_pings;
        return;
    }
    if (type == QLatin1String("message_start")) {
        m_started = true;
        const QJsonValue usage = object.value(QLatin1String("message")).toObject().value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_usage = normaliseUsage(usage.toObject());
            m_usageReported = true;
        }
        return;
    }
    if (type == QLatin1String("content_block_start")) {
        const int index = object.value(QLatin1String("index")).toInt();
        const QJsonObject block = object.value(QLatin1String("content_block")).toObject();
        const QString blockType = block.value(QLatin1String("type")).toString();
        m_blockTypes.insert(index, blockType);
        if (blockType == QLatin1String("text")) {
            const QString text = block.value(QLatin1String("text")).toString();
            if (!text.isEmpty()) {
                m_text += text;
                update.deltas.append(text);
            }
        }
        return;
    }
    if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = object.value(QLatin1String("delta")).toObject();
        if (delta.value(QLatin1String("type")).toString() != QLatin1String("text_delta"))
            return;  // thinking_delta, signature_delta, input_json_delta: not answer text
        const int index = object.value(QLatin1String("index")).toInt();
        const QString blockType = m_blockTypes.value(index, QStringLiteral("text"));
        if (blockType != QLatin1String("text"))
            return;
        const QString text = delta.value(QLatin1String("text")).toString();
        if (!text.isEmpty()) {
            m_text += text;
            update.deltas.append(text);
        }
        return;
    }
    if (type == QLatin1String("message_delta")) {
        const QJsonValue stop = object.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason"));
        if (stop.isString() && !stop.toString().isEmpty())
            m_finishReason = stop.toString();
        const QJsonValue usage = object.value(QLatin1String("usage"));
        if (usage.isObject()) {
            mergeUsage(usage.toObject(), m_usage);
            m_usageReported = true;
        }
        if (m_finishReason == kRefusal)
            update.failure = refusal();
        return;
    }
    if (type == QLatin1String("message_stop")) {
        m_stopped = true;
        update.complete = true;
        return;
    }
    // content_block_stop and event types added later carry nothing we need.
}

QString AnthropicParser::cutReason() const
{
    return m_started ? QStringLiteral("the stream ended before message_delta (stop_reason) or message_stop arrived")
                     : QStringLiteral("the stream ended before message_start arrived");
}

ParseUpdate AnthropicParser::parseBody(const QByteArray &body)
{
    ParseUpdate update;
    const std::optional<QJsonObject> parsed = jsonObject(body, update);
    if (!parsed)
        return update;
    const QJsonObject &root = *parsed;
    if (root.value(QLatin1String("type")).toString() == QLatin1String("error") ||
        root.contains(QLatin1String("error"))) {
        update.failure = HttpErrorClassifier::inBandFailure(root.value(QLatin1String("error")));
        return update;
    }
    const QJsonValue content = root.value(QLatin1String("content"));
    if (!content.isArray()) {
        update.failure = malformed(QStringLiteral("the response has no content[] array"));
        return update;
    }
    QString text;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &block : blocks) {
        const QJsonObject object = block.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("text"))
            text += object.value(QLatin1String("text")).toString();
    }
    m_finishReason = root.value(QLatin1String("stop_reason")).toString();
    if (root.value(QLatin1String("usage")).isObject()) {
        m_usage = normaliseUsage(root.value(QLatin1String("usage")).toObject());
        m_usageReported = true;
    }
    m_text = text;
    if (m_finishReason == kRefusal) {
        update.failure = refusal();
        return update;
    }
    update.complete = true;
    return update;
}

}  // namespace Switchyard
