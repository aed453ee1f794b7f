#pragma once

#include "core/providers/bedrock/BedrockConverseParser.h"
#include "core/providers/wire/EventStreamDecoder.h"

namespace Switchyard {

/// Bedrock Runtime `ConverseStream` answers (PROVIDERS.md §5): an `application/vnd.amazon.eventstream` body of binary
/// frames, decoded incrementally by Wire::EventStreamDecoder (which checks both CRCs), in any split.
///
/// Events (`:message-type` event, named by `:event-type`): messageStart, contentBlockStart, contentBlockDelta
/// (`delta.text` is answer text; reasoningContent and toolUse deltas are not), contentBlockStop, messageStop
/// (`stopReason`) and metadata (`usage`, last; completes the answer). `:message-type` exception (`:exception-type`)
/// or error (`:error-code`) frames fail the call, classified like the HTTP error of the same name
/// (HttpErrorClassifier::awsStreamFailure).
///
/// A bad CRC or malformed frame fails the call (MalformedResponse) and nothing of that frame is delivered; frames
/// after it are never read. A body that ends before messageStop, or inside a frame before messageStop, is a
/// StreamCut. One that ends after messageStop without metadata is a complete answer without usage.
class BedrockStreamParser : public BedrockConverseParser {
public:
    BedrockStreamParser() = default;

    ParseUpdate feed(QByteArrayView bytes) override;
    ParseUpdate finishStream() override;
    bool streamLooksComplete() const override { return m_stopped; }
    /// Frames decoded so far (every frame proves the server is alive).
    qint64 activityCount() const override { return m_decoder.messageCount(); }

private:
    void handle(const Wire::EventStreamMessage &message, ParseUpdate &update);

    Wire::EventStreamDecoder m_decoder;
    bool m_started = false;
    bool m_stopped = false;  // messageStop seen
    bool m_done = false;     // completed or failed: nothing more is read
    bool m_complete = false;
};

}  // namespace Switchyard
