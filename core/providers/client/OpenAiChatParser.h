#pragma once

#include "core/providers/client/SseResponseParser.h"

#include <QJsonObject>

namespace Switchyard {

/// Chat Completions responses (PROVIDERS.md §1, §2): chat.completion bodies and chat.completion.chunk SSE streams
/// ending in "data: [DONE]", with the include_usage chunk (choices: []) and in-band {"error": ...} events. Guards
/// every choices[0] (Azure sends prompt_filter_results chunks with empty choices) and ignores ':' comments.
class OpenAiChatParser : public SseResponseParser {
public:
    /// @p expectUsageChunk: stream_options.include_usage was sent, so the usage chunk marks completion.
    explicit OpenAiChatParser(bool expectUsageChunk = true);

    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return m_usageReported || !m_finishReason.isEmpty(); }

    /// OpenAI usage → normalised buckets: cached tokens are part of prompt_tokens, reasoning part of
    /// completion_tokens; DeepSeek's prompt_cache_hit_tokens / prompt_cache_miss_tokens win when present.
    static Usage normaliseUsage(const QJsonObject &usage);

protected:
    void handleEvent(const Wire::SseEvent &event, ParseUpdate &update) override;
    bool terminated() const override { return m_done; }
    /// Also "data: [DONE]" cut before its blank line.
    bool partialEventCounts(const Wire::SseEvent &event) const override;
    QString cutReason() const override;
    /// The usage chunk after a finish reason completes the answer; an empty answer stopped by the content filter
    /// is a ContentFilter failure.
    void finishUpdate(ParseUpdate &update) override;

private:
    bool m_expectUsageChunk = true;
    bool m_done = false;
};

}  // namespace Switchyard
