#pragma once

#include "core/providers/client/ResponseParser.h"

#include <QJsonObject>

namespace Switchyard {

/// Bedrock Runtime `Converse` answers (PROVIDERS.md §5): one JSON document with `output.message.content[].text`,
/// `stopReason` and `usage`. BedrockStreamParser extends it for ConverseStream; it also reads this document when a
/// streaming request is answered with plain JSON.
///
/// Usage: Bedrock's `inputTokens` EXCLUDES prompt-cache reads and writes, which it reports apart as
/// `cacheReadInputTokens` and `cacheWriteInputTokens` (AWS's prompt-caching guide: totalTokens = inputTokens +
/// outputTokens + cacheReadInputTokens + cacheWriteInputTokens, the same split as Anthropic's own API). So the
/// buckets map one to one: input = inputTokens, cachedInput = cacheReadInputTokens, cacheWrite =
/// cacheWriteInputTokens, output = outputTokens (reasoning is not reported apart). `totalTokens` is not used.
///
/// stopReason "guardrail_intervened" or "content_filtered" is a ContentFilter failure that names the reason.
class BedrockConverseParser : public ResponseParser {
public:
    BedrockConverseParser() = default;

    /// An unstreamed call never feeds bytes: any that arrive are a MalformedResponse failure.
    ParseUpdate feed(QByteArrayView bytes) override;
    ParseUpdate finishStream() override;
    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return false; }

    /// Bedrock `usage` (or ConverseStream `metadata.usage`) → normalised buckets (see the class comment).
    static Usage normaliseUsage(const QJsonObject &usage);

protected:
    /// Records @p stopReason; a content-filter stop becomes @p update's failure.
    void takeStopReason(const QString &stopReason, ParseUpdate &update);
    void takeUsage(const QJsonObject &usage);
};

}  // namespace Switchyard
