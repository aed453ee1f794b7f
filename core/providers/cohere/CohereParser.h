#pragma once

#include "core/providers/client/SseResponseParser.h"

#include <QHash>
#include <QJsonObject>

namespace Switchyard {

/// Cohere v2 Chat responses (PROVIDERS.md §6): unstreamed bodies (text from message.content[].text) and SSE streams
/// whose events carry their kind in `type` (and in the `event:` name): message-start, content-start, content-delta
/// (delta.message.content.text), content-end, message-end (delta.finish_reason, delta.usage, delta.error); tool-plan,
/// tool-call, citation and debug events carry no answer text and are skipped.
///
/// Completion: message-end completes the answer; a stream that ends before it is a StreamCut. finish_reason ERROR or
/// TIMEOUT, or an `error` in message-end, is an in-band failure (HttpErrorClassifier::inBandFailure), never success,
/// and so is a `{"message": ...}` error document sent inside the stream. Only text content becomes text: thinking
/// content (reasoning models) is skipped.
class CohereParser : public SseResponseParser {
public:
    CohereParser() = default;

    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return m_ended; }

    /// Cohere usage → normalised buckets. Cohere reports two counts: `tokens` (what the model processed, including
    /// the prompt template Cohere wraps around the messages) and `billed_units` (what is charged, without that
    /// template). Each of input and output is read from `tokens` when present, else from `billed_units`: `tokens`
    /// measures the context actually used, as every other provider's count does. The price of it: Cohere bills
    /// billed_units, so a cost computed from these counts can exceed Cohere's invoice by the template's input tokens
    /// (api.cohere.com reported 186 tokens against 21 billed for a short chat). Cohere reports no cache or reasoning
    /// split, so only input and output are filled (reasoning is billed as output).
    static Usage normaliseUsage(const QJsonObject &usage);

    /// True for the finish reasons that mean the answer is unusable: "ERROR" and "TIMEOUT".
    static bool isFailedFinish(const QString &finishReason);

protected:
    void handleEvent(const Wire::SseEvent &event, ParseUpdate &update) override;
    bool terminated() const override { return m_ended; }
    QString cutReason() const override;

private:
    void handleMessageEnd(const QJsonObject &delta, ParseUpdate &update);
    void appendText(const QString &text, ParseUpdate &update);

    QHash<int, QString> m_contentTypes;  // content index → "text", "thinking", ...
    bool m_started = false;
    bool m_ended = false;
};

}  // namespace Switchyard
