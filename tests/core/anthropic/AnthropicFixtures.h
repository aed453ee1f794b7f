#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Builds Anthropic Messages bodies exactly as PROVIDERS.md §3 describes them (and as api.anthropic.com sends them):
/// `message` objects, SSE streams of named events (message_start … message_stop, ping) and
/// {"type":"error","error":{type,message}} bodies and in-band error events.
class AnthropicFixtures {
public:
    /// Anthropic's usage: input EXCLUDES cache reads and writes.
    struct Tokens {
        int input = 0;
        int output = 0;
        int cacheRead = 0;
        int cacheWrite = 0;
    };

    static QString model() { return QStringLiteral("claude-sonnet-4-5"); }

    /// A whole `message` body with one text block.
    static QByteArray message(const QString &text, const Tokens &tokens,
                              const QString &stopReason = QStringLiteral("end_turn"));

    /// One named SSE event: "event: NAME\ndata: JSON\n\n".
    static QByteArray event(const QByteArray &name, const QByteArray &json);

    static QByteArray messageStart(const Tokens &tokens);
    static QByteArray contentBlockStart(int index, const QByteArray &type = QByteArrayLiteral("text"));
    static QByteArray textDelta(int index, const QString &text);
    static QByteArray thinkingDelta(int index, const QString &thinking);
    static QByteArray contentBlockStop(int index);
    /// message_delta with the stop reason and the cumulative output usage.
    static QByteArray messageDelta(const QString &stopReason, int outputTokens);
    static QByteArray messageStop();
    static QByteArray ping();

    /// A whole stream: message_start, one text block with one text_delta per delta (a ping after the first),
    /// content_block_stop, message_delta and (when @p stop) message_stop.
    static QByteArray stream(const QStringList &deltas, const Tokens &tokens,
                             const QString &stopReason = QStringLiteral("end_turn"), bool stop = true);

    /// {"type":"error","error":{"type","message"},"request_id"}.
    static QByteArray errorBody(const QString &type, const QString &message);
    /// The same as an in-band "event: error".
    static QByteArray errorEvent(const QString &type, const QString &message);
};

}  // namespace Switchyard::Testing
