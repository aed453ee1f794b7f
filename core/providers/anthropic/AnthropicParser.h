#pragma once

#include "core/providers/client/SseResponseParser.h"

#include <QHash>
#include <QJsonObject>

namespace Switchyard {

/// Anthropic Messages responses (PROVIDERS.md §3): unstreamed `message` bodies (text from content[].text) and SSE
/// streams of named events — message_start (usage), content_block_start / content_block_delta (text_delta) /
/// content_block_stop, message_delta (stop_reason, cumulative output usage), message_stop, ping — with in-band
/// `event: error` failures.
///
/// Completion: message_stop completes the answer. A stream that ends (or goes quiet) after a message_delta carrying
/// a stop_reason is complete too; one cut before that is a StreamCut. Only text blocks become text: thinking,
/// tool_use and their deltas are skipped. stop_reason "refusal" is a ContentFilter failure.
class AnthropicParser : public SseResponseParser {
public:
    AnthropicParser() = default;

    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return !m_finishReason.isEmpty(); }
    /// Keep-alives seen: ping events and SSE comments.
    qint64 activityCount() const override { return m_pings + SseResponseParser::activityCount(); }

    /// Anthropic usage → normalised buckets. input_tokens EXCLUDES cache reads and writes, so it maps to input
    /// unchanged; cache_read_input_tokens → cachedInput, cache_creation_input_tokens → cacheWrite, output_tokens →
    /// output (thinking tokens are billed as output and not reported apart). Only the fields present in @p usage are
    /// written into @p into, since message_delta may repeat just output_tokens.
    static void mergeUsage(const QJsonObject &usage, Usage &into);
    static Usage normaliseUsage(const QJsonObject &usage);

protected:
    void handleEvent(const Wire::SseEvent &event, ParseUpdate &update) override;
    bool terminated() const override { return m_stopped; }
    QString cutReason() const override;

private:
    QHash<int, QString> m_blockTypes;  // content block index → "text", "thinking", "tool_use", ...
    qint64 m_pings = 0;
    bool m_started = false;
    bool m_stopped = false;
};

}  // namespace Switchyard
