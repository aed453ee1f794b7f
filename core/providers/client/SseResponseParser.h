#pragma once

#include "core/providers/client/ResponseParser.h"
#include "core/providers/wire/SseDecoder.h"

namespace Switchyard {

/// The streaming half every SSE wire format shares (OpenAI Chat Completions, Anthropic, Gemini, Cohere): decodes the
/// body with Wire::SseDecoder and hands each event to the format, and decides how an ended stream counts, so the
/// rules for a cut, a decoder failure and an unterminated last event are the same for all of them. Subclasses keep
/// only their wire format: handleEvent() plus the hooks below.
///
/// feed(): a decoder failure is MalformedResponse; events are handled in order until one fails or the format's
/// terminator arrives; later events are ignored. finishStream(): a last event without its blank line is still
/// handled when partialEventCounts() accepts it; the stream is complete when terminated() or streamLooksComplete(),
/// otherwise a StreamCut with cutReason().
class SseResponseParser : public ResponseParser {
public:
    ParseUpdate feed(QByteArrayView bytes) final;
    ParseUpdate finishStream() final;
    /// SSE comments seen (keep-alives such as OpenRouter's ": OPENROUTER PROCESSING").
    qint64 activityCount() const override { return m_decoder.commentCount(); }

protected:
    /// Applies one whole event. Only called while @p update holds no failure and terminated() is false.
    virtual void handleEvent(const Wire::SseEvent &event, ParseUpdate &update) = 0;
    /// True once the format's terminator arrived ([DONE], message_stop, a finishReason, message-end).
    virtual bool terminated() const = 0;
    /// Whether an unterminated last event counts as whole: by default when its data is a whole JSON object.
    virtual bool partialEventCounts(const Wire::SseEvent &event) const;
    /// What the StreamCut failure says when the stream ends neither terminated nor looking complete.
    virtual QString cutReason() const = 0;
    /// Runs on every feed() result once its events are handled (not after a decoder failure) and on the completion
    /// finishStream() reports; a format adjusts the verdict here (OpenAI: usage-chunk completion, content filter).
    virtual void finishUpdate(ParseUpdate &) {}

private:
    Wire::SseDecoder m_decoder;
};

}  // namespace Switchyard
