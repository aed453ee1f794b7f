#pragma once

#include "core/common/Result.h"
#include "core/model/ChatSession.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// One chat session as it is exported: the session, its bot and config, and every message with the engine call
/// that produced it (who served it, tokens, cost, latency and every attempt on the way).
struct SessionTranscript {
    struct Attempt {
        int hopIndex = 0;
        int retryIndex = 0;
        QString provider, model, region;
        QString outcome;  ///< ok, failed, skipped, cancelled (attempts.outcome)
        std::optional<int> httpStatus;
        QString errorClass, errorMessage;
        std::optional<qint64> latencyMs;
        QString restartNote;  ///< why the stream restarted after this attempt; empty when it did not
    };
    struct Call {
        QString uuid;
        QString status;                   ///< ok, failed, cancelled
        QString provider, model, region;  ///< who served it; empty when nobody did
        QString errorClass, errorMessage;
        std::optional<qint64> latencyMs, ttftMs;
        qint64 inputTokens = 0, cachedInputTokens = 0, cacheWriteTokens = 0, outputTokens = 0, reasoningTokens = 0;
        double costUsd = 0;
        QList<Attempt> attempts;
    };
    struct Message {
        SessionMessage message;
        std::optional<Call> call;
    };
    ChatSession session;
    QString botSlug, botName;  ///< empty when the session has no bot (or it was deleted)
    QString configName, configProvider, configModel;
    QList<Message> messages;
};

/**
 * Exports a chat session from the database to Markdown or JSON. Reads only what the database holds (sessions,
 * messages, calls, attempts): no API key is ever stored there, so none can leak into an export.
 *
 * JSON schema "switchyard.session/1" (keys are stable; absent values are null):
 * { "schema", "session": {id, uuid, title, user, created, updated, price_per_message_usd, price_locked_at},
 *   "bot": {slug, name} | null, "config": {id, name, provider, model} | null,
 *   "messages": [{position, role, content, created, price_usd, "call": null | {uuid, status, provider, model,
 *     region, latency_ms, ttft_ms, cost_usd, error_class, error_message,
 *     "tokens": {input, cached_input, cache_write, output, reasoning},
 *     "attempts": [{hop, retry, provider, model, region, outcome, http_status, error_class, error_message,
 *                   latency_ms, stream_restart}]}}] }
 * stream_restart says why the stream restarted after an attempt that failed while streaming the answer (null for
 * the others).
 * Timestamps are ISO 8601 UTC.
 */
class SessionExporter {
public:
    explicit SessionExporter(Database &database);

    /// Error::NotFound when there is no session @p sessionId.
    Result<SessionTranscript> load(qint64 sessionId);

    static QString schemaName() { return QStringLiteral("switchyard.session/1"); }
    static QJsonObject toJson(const SessionTranscript &transcript);
    static QString toMarkdown(const SessionTranscript &transcript);

    enum class Format { Markdown, Json };
    /// What an export file holds: toMarkdown() as UTF-8, or toJson() indented. The studio and the CLI write these.
    static QByteArray render(const SessionTranscript &transcript, Format format);

private:
    Database &m_database;
};

}  // namespace Switchyard
