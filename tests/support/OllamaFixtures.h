#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Builds Ollama native /api/chat bodies as PROVIDERS.md §2 describes them: NDJSON lines
/// {"model","created_at","message":{"role":"assistant","content"},"done":false}, the last one "done": true with
/// done_reason, durations in ns, prompt_eval_count and eval_count; errors {"error": "..."}.
class OllamaFixtures {
public:
    /// One streamed line, '\n'-terminated.
    static QByteArray line(const QString &content, const QString &model = QStringLiteral("llama3.2"));
    /// The final line ("done": true) with counts; @p content is usually empty.
    static QByteArray doneLine(int promptEvalCount, int evalCount, const QString &content = {},
                               const QString &model = QStringLiteral("llama3.2"));
    /// A whole stream: one line per delta and the done line.
    static QByteArray stream(const QStringList &deltas, int promptEvalCount, int evalCount);
    /// A whole unstreamed response (the done object with the full text, no trailing newline).
    static QByteArray response(const QString &text, int promptEvalCount, int evalCount);
    /// {"error": "..."}
    static QByteArray errorBody(const QString &message);
    /// GET /api/tags body listing @p names.
    static QByteArray tags(const QStringList &names);
};

}  // namespace Switchyard::Testing
