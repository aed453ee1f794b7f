#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Builds Cohere v2 Chat bodies as PROVIDERS.md §6 describes them (and as api.cohere.com sends them): chat responses
/// with message.content[] and usage {billed_units, tokens}, SSE streams of events named like their "type"
/// (message-start, content-start, content-delta, content-end, message-end) and {"id","message"} error bodies.
class CohereFixtures {
public:
    /// Cohere's two counts: what the model processed (tokens) and what is billed (billed_units, smaller on input
    /// because Cohere's prompt template is not billed).
    struct Tokens {
        int input = 0;
        int output = 0;
        int billedInput = 0;
        int billedOutput = 0;
    };

    static QString model() { return QStringLiteral("command-a-03-2025"); }

    /// A whole chat response with one text content item.
    static QByteArray response(const QString &text, const Tokens &tokens,
                               const QString &finishReason = QStringLiteral("COMPLETE"));

    /// One SSE event: "event: TYPE\ndata: JSON\n\n".
    static QByteArray event(const QByteArray &type, const QByteArray &json);

    static QByteArray messageStart();
    static QByteArray contentStart(int index, const QByteArray &type = QByteArrayLiteral("text"));
    static QByteArray contentDelta(int index, const QString &text);
    static QByteArray thinkingDelta(int index, const QString &thinking);
    static QByteArray contentEnd(int index);
    /// message-end with the finish reason, the usage and (when not empty) an error string.
    static QByteArray messageEnd(const QString &finishReason, const Tokens &tokens, const QString &error = {});

    /// A whole stream: message-start, one text content with one content-delta per delta, content-end and (when
    /// @p end) message-end.
    static QByteArray stream(const QStringList &deltas, const Tokens &tokens,
                             const QString &finishReason = QStringLiteral("COMPLETE"), bool end = true);

    /// Cohere's error body {"id","message"}.
    static QByteArray errorBody(const QString &message);
};

}  // namespace Switchyard::Testing
