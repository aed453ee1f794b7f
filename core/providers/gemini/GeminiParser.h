#pragma once

#include "core/providers/client/ResponseParser.h"
#include "core/providers/wire/SseDecoder.h"

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
class GeminiParser : public ResponseParser {
public:
    GeminiParser() = default;

    ParseUpdate feed(QByteArrayView bytes) override;
    ParseUpdate finishStream() override;
    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return !m_finishReason.isEmpty() && !m_blocked; }
    qint64 activityCount() const override { return m_decoder.commentCount(); }

    /// usageMetadata → normalised buckets: promptTokenCount INCLUDES cachedContentTokenCount (input = prompt -
    /// cached); thoughtsTokenCount is separate from candidatesTokenCount (reasoning = thoughts, output = candidates).
    static Usage normaliseUsage(const QJsonObject &usageMetadata);

    /// True for finish reasons that mean the provider withheld (part of) the answer.
    static bool isBlockingFinishReason(const QString &finishReason);

private:
    /// Applies one GenerateContentResponse (a stream chunk or the whole body).
    void handleResponse(const QJsonObject &response, ParseUpdate &update);
    void handleEventData(const QByteArray &data, ParseUpdate &update);

    Wire::SseDecoder m_decoder;
    bool m_blocked = false;  // a content-filter failure was reported
    bool m_done = false;     // a chunk with finishReason arrived
};

}  // namespace Switchyard
