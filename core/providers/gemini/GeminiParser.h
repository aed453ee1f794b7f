#pragma once

#include "core/providers/client/SseResponseParser.h"

#include <QJsonObject>

namespace Switchyard {

/// Google Gemini GenerateContentResponse bodies (PROVIDERS.md §4): one object for generateContent, and for
/// streamGenerateContent?alt=sse one whole object per SSE event (events end in "\r\n\r\n"), each carrying a text
/// delta. Gemini has no terminator: the chunk with candidates[0].finishReason completes the answer; a body that ends
/// before one is a StreamCut. Usage and the finish reason come from the last chunk that carries them.
///
/// Parts with "thought": true are never part of the answer. A blocked prompt (promptFeedback.blockReason, no
/// candidates) and a blocking finish reason (SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_SAFETY)
/// fail as ContentFilter with the reason and the blocked safety categories in the message. A chunk with an "error"
/// key fails like an in-band error.
class GeminiParser : public SseResponseParser {
public:
    GeminiParser() = default;

    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return !m_finishReason.isEmpty() && !m_blocked; }

    /// usageMetadata → normalised buckets: promptTokenCount INCLUDES cachedContentTokenCount (input = prompt -
    /// cached); thoughtsTokenCount is separate from candidatesTokenCount (reasoning = thoughts, output = candidates).
    static Usage normaliseUsage(const QJsonObject &usageMetadata);

    /// True for finish reasons that mean the provider withheld (part of) the answer.
    static bool isBlockingFinishReason(const QString &finishReason);

protected:
    void handleEvent(const Wire::SseEvent &event, ParseUpdate &update) override;
    bool terminated() const override { return m_done; }
    QString cutReason() const override;

private:
    /// Applies one GenerateContentResponse (a stream chunk or the whole body).
    void handleResponse(const QJsonObject &response, ParseUpdate &update);

    bool m_blocked = false;  // a content-filter failure was reported
    bool m_done = false;     // a chunk with finishReason arrived
};

}  // namespace Switchyard
