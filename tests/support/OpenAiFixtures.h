#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Builds OpenAI Chat Completions bodies exactly as PROVIDERS.md §1 describes them (and as api.openai.com sends
/// them): chat.completion objects, chat.completion.chunk SSE streams with "usage": null until the include_usage
/// chunk (choices: []), "data: [DONE]", and {"error": {message, type, param, code}} bodies.
class OpenAiFixtures {
public:
    struct Tokens {
        int prompt = 0;
        int completion = 0;
        int cached = 0;     ///< part of prompt
        int reasoning = 0;  ///< part of completion
    };

    /// A whole chat.completion body.
    static QByteArray completion(const QString &text, const Tokens &tokens,
                                 const QString &model = QStringLiteral("gpt-4o-mini"),
                                 const QString &finishReason = QStringLiteral("stop"));

    /// The usage object as OpenAI writes it.
    static QByteArray usageJson(const Tokens &tokens);

    /// One chat.completion.chunk as a complete SSE event ("data: {...}\n\n").
    static QByteArray chunk(const QString &content, const QString &finishReason = {}, bool includeUsageNull = true,
                            const QString &model = QStringLiteral("gpt-4o-mini"), bool roleChunk = false);

    /// The include_usage chunk: choices [] and usage filled.
    static QByteArray usageChunk(const Tokens &tokens, const QString &model = QStringLiteral("gpt-4o-mini"));

    /// A whole stream: role chunk, one chunk per delta, the finish chunk, the usage chunk (when @p includeUsage) and
    /// "data: [DONE]" (when @p done).
    static QByteArray stream(const QStringList &deltas, const Tokens &tokens, bool includeUsage = true,
                             bool done = true, const QString &model = QStringLiteral("gpt-4o-mini"),
                             const QString &finishReason = QStringLiteral("stop"));

    static QByteArray done() { return QByteArrayLiteral("data: [DONE]\n\n"); }

    /// GET /v1/models answer: {"object":"list","data":[{"id","object":"model","created","owned_by"}]}.
    static QByteArray modelList(const QStringList &ids);

    /// {"error": {"message", "type", "param", "code"}}; @p code may be empty (JSON null).
    static QByteArray errorBody(const QString &message, const QString &type, const QString &code = {},
                                const QString &param = {});

    /// An in-band stream error event: "data: {"error": {...}}\n\n".
    static QByteArray errorEvent(const QString &message, const QString &type, const QString &code = {});
};

}  // namespace Switchyard::Testing
