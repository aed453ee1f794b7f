#pragma once

#include "core/providers/client/ResponseParser.h"
#include "core/providers/wire/SseDecoder.h"

#include <QJsonObject>

namespace Switchyard {

/// Chat Completions responses (PROVIDERS.md §1, §2): chat.completion bodies and chat.completion.chunk SSE streams
/// ending in "data: [DONE]", with the include_usage chunk (choices: []) and in-band {"error": ...} events. Guards
/// every choices[0] (Azure sends prompt_filter_results chunks with empty choices) and ignores ':' comments.
class OpenAiChatParser : public ResponseParser {
public:
    /// @p expectUsageChunk: stream_options.include_usage was sent, so the usage chunk marks completion.
    explicit OpenAiChatParser(bool expectUsageChunk = true);

    ParseUpdate feed(QByteArrayView bytes) override;
    ParseUpdate finishStream() override;
    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return m_usageReported || !m_finishReason.isEmpty(); }
    qint64 activityCount() const override { return m_decoder.commentCount(); }

    /// OpenAI usage → normalised buckets: cached tokens are part of prompt_tokens, reasoning part of
    /// completion_tokens; DeepSeek's prompt_cache_hit_tokens / prompt_cache_miss_tokens win when present.
    static Usage normaliseUsage(const QJsonObject &usage);

private:
    void handleEvent(const QByteArray &data, ParseUpdate &update);
    void checkContentFilter(ParseUpdate &update) const;

    Wire::SseDecoder m_decoder;
    bool m_expectUsageChunk = true;
    bool m_done = false;
};

}  // namespace Switchyard
