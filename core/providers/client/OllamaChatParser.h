#pragma once

#include "core/providers/client/ResponseParser.h"
#include "core/providers/wire/NdjsonDecoder.h"

#include <QJsonObject>

namespace Switchyard {

/// Ollama's native /api/chat responses (PROVIDERS.md §2): NDJSON lines with text in message.content, the last one
/// "done": true with prompt_eval_count / eval_count; an {"error": "..."} line (status 200) is a mid-stream failure.
class OllamaChatParser : public ResponseParser {
public:
    OllamaChatParser();

    ParseUpdate feed(QByteArrayView bytes) override;
    ParseUpdate finishStream() override;
    ParseUpdate parseBody(const QByteArray &body) override;
    bool streamLooksComplete() const override { return m_done; }

    /// prompt_eval_count → input, eval_count → output (Ollama has no cache or reasoning counts).
    static Usage usageOf(const QJsonObject &object);

private:
    void handle(const QJsonObject &object, ParseUpdate &update);

    Wire::NdjsonDecoder m_decoder;
    bool m_done = false;
};

}  // namespace Switchyard
