#include "core/store/SessionExporter.h"

#include "core/model/Money.h"
#include "core/store/Database.h"
#include "core/store/SessionRepository.h"
#include "core/store/SqlSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard {

using namespace SqlSupport;

namespace {

QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue timestamp(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(when.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonValue usd(const std::optional<qint64> &micros)
{
    return micros ? QJsonValue(MicroUsd::toUsd(*micros)) : QJsonValue(QJsonValue::Null);
}

QString target(const QString &provider, const QString &model, const QString &region)
{
    const QString base = provider + QLatin1Char('/') + model;
    return region.isEmpty() ? base : base + QLatin1Char('@') + region;
}

/// A Markdown code fence longer than any backtick run in @p text, so message content cannot close it early.
QString fenceFor(const QString &text)
{
    int longest = 0, run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    return QString(qMax(3, longest + 1), QLatin1Char('`'));
}

}  // namespace

SessionExporter::SessionExporter(Database &database) : m_database(database) {}

Result<SessionTranscript> SessionExporter::load(qint64 sessionId)
{
    SessionRepository sessions(m_database);
    SessionTranscript transcript;
    auto session = sessions.byId(sessionId);
    if (!session)
        return session.error();
    transcript.session = *session;
    auto messages = sessions.messages(sessionId);
    if (!messages)
        return messages.error();

    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    if (transcript.session.botId) {
        auto bot = run(*db, QStringLiteral("SELECT slug, name FROM bots WHERE id = ?"), {*transcript.session.botId},
                       QStringLiteral("read the bot of session %1").arg(sessionId));
        if (!bot)
            return bot.error();
        if (bot->next()) {
            transcript.botSlug = bot->value(0).toString();
            transcript.botName = bot->value(1).toString();
        }
    }
    if (transcript.session.configId) {
        auto config =
            run(*db, QStringLiteral("SELECT name, provider, model FROM llm_configs WHERE id = ?"),
                {*transcript.session.configId}, QStringLiteral("read the config of session %1").arg(sessionId));
        if (!config)
            return config.error();
        if (config->next()) {
            transcript.configName = config->value(0).toString();
            transcript.configProvider = config->value(1).toString();
            transcript.configModel = config->value(2).toString();
        }
    }

    auto calls = prepare(*db,
                         QStringLiteral("SELECT uuid, status, served_provider, served_model, served_region, "
                                        "error_class, error_message, latency_ms, ttft_ms, input_tokens, "
                                        "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, "
                                        "cost_usd FROM calls WHERE id = ?"),
                         QStringLiteral("read the calls of session %1").arg(sessionId));
    if (!calls)
        return calls.error();
    auto attempts = prepare(*db,
                            QStringLiteral("SELECT hop_index, retry_index, provider, model, region, outcome, "
                                           "http_status, error_class, error_message, latency_ms, r.note FROM "
                                           "attempts LEFT JOIN attempt_restarts r ON r.attempt_id = attempts.id "
                                           "WHERE call_id = ? ORDER BY id"),
                            QStringLiteral("read the attempts of session %1").arg(sessionId));
    if (!attempts)
        return attempts.error();

    for (const SessionMessage &message : std::as_const(*messages)) {
        SessionTranscript::Message entry{message, std::nullopt};
        if (message.callId) {
            SWITCHYARD_TRY(
                execPrepared(*calls, {*message.callId}, QStringLiteral("read call %1").arg(*message.callId)));
            if (calls->next()) {
                SessionTranscript::Call call;
                call.uuid = calls->value(0).toString();
                call.status = calls->value(1).toString();
                call.provider = calls->value(2).toString();
                call.model = calls->value(3).toString();
                call.region = calls->value(4).toString();
                call.errorClass = calls->value(5).toString();
                call.errorMessage = calls->value(6).toString();
                call.latencyMs = optionalInt64(calls->value(7));
                call.ttftMs = optionalInt64(calls->value(8));
                call.inputTokens = calls->value(9).toLongLong();
                call.cachedInputTokens = calls->value(10).toLongLong();
                call.cacheWriteTokens = calls->value(11).toLongLong();
                call.outputTokens = calls->value(12).toLongLong();
                call.reasoningTokens = calls->value(13).toLongLong();
                call.costUsd = calls->value(14).toDouble();
                calls->finish();
                SWITCHYARD_TRY(execPrepared(*attempts, {*message.callId},
                                            QStringLiteral("read the attempts of call %1").arg(*message.callId)));
                while (attempts->next()) {
                    SessionTranscript::Attempt attempt;
                    attempt.hopIndex = attempts->value(0).toInt();
                    attempt.retryIndex = attempts->value(1).toInt();
                    attempt.provider = attempts->value(2).toString();
                    attempt.model = attempts->value(3).toString();
                    attempt.region = attempts->value(4).toString();
                    attempt.outcome = attempts->value(5).toString();
                    attempt.httpStatus = optionalInt(attempts->value(6));
                    attempt.errorClass = attempts->value(7).toString();
                    attempt.errorMessage = attempts->value(8).toString();
                    attempt.latencyMs = optionalInt64(attempts->value(9));
                    attempt.restartNote = attempts->value(10).toString();
                    call.attempts.append(attempt);
                }
                attempts->finish();
                entry.call = call;
            } else {
                calls->finish();
            }
        }
        transcript.messages.append(entry);
    }
    return transcript;
}

QJsonObject SessionExporter::toJson(const SessionTranscript &transcript)
{
    const ChatSession &session = transcript.session;
    QJsonObject root;
    root.insert(QStringLiteral("schema"), schemaName());
    root.insert(QStringLiteral("session"),
                QJsonObject{{QStringLiteral("id"), session.id},
                            {QStringLiteral("uuid"), session.uuid},
                            {QStringLiteral("title"), session.title},
                            {QStringLiteral("user"), session.userRef},
                            {QStringLiteral("created"), timestamp(session.created)},
                            {QStringLiteral("updated"), timestamp(session.updated)},
                            {QStringLiteral("price_per_message_usd"), usd(session.pricePerMessageMicroUsd)},
                            {QStringLiteral("price_locked_at"), timestamp(session.priceLockedAt)}});
    root.insert(QStringLiteral("bot"), transcript.botSlug.isEmpty()
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonObject{{QStringLiteral("slug"), transcript.botSlug},
                                                         {QStringLiteral("name"), transcript.botName}});
    root.insert(QStringLiteral("config"), !session.configId || transcript.configProvider.isEmpty()
                                              ? QJsonValue(QJsonValue::Null)
                                              : QJsonObject{{QStringLiteral("id"), *session.configId},
                                                            {QStringLiteral("name"), transcript.configName},
                                                            {QStringLiteral("provider"), transcript.configProvider},
                                                            {QStringLiteral("model"), transcript.configModel}});
    QJsonArray messages;
    for (const SessionTranscript::Message &entry : transcript.messages) {
        const SessionMessage &message = entry.message;
        QJsonObject object{{QStringLiteral("position"), message.position},
                           {QStringLiteral("role"), message.role},
                           {QStringLiteral("content"), message.content},
                           {QStringLiteral("created"), timestamp(message.created)},
                           {QStringLiteral("price_usd"), usd(message.priceMicroUsd)},
                           {QStringLiteral("call"), QJsonValue::Null}};
        if (entry.call) {
            const SessionTranscript::Call &call = *entry.call;
            QJsonArray attempts;
            for (const SessionTranscript::Attempt &attempt : call.attempts) {
                attempts.append(
                    QJsonObject{{QStringLiteral("hop"), attempt.hopIndex},
                                {QStringLiteral("retry"), attempt.retryIndex},
                                {QStringLiteral("provider"), attempt.provider},
                                {QStringLiteral("model"), attempt.model},
                                {QStringLiteral("region"), orNull(attempt.region)},
                                {QStringLiteral("outcome"), attempt.outcome},
                                {QStringLiteral("http_status"),
                                 attempt.httpStatus ? QJsonValue(*attempt.httpStatus) : QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("error_class"), orNull(attempt.errorClass)},
                                {QStringLiteral("error_message"), orNull(attempt.errorMessage)},
                                {QStringLiteral("latency_ms"), orNull(attempt.latencyMs)},
                                {QStringLiteral("stream_restart"), orNull(attempt.restartNote)}});
            }
            object.insert(QStringLiteral("call"),
                          QJsonObject{{QStringLiteral("uuid"), call.uuid},
                                      {QStringLiteral("status"), call.status},
                                      {QStringLiteral("provider"), orNull(call.provider)},
                                      {QStringLiteral("model"), orNull(call.model)},
                                      {QStringLiteral("region"), orNull(call.region)},
                                      {QStringLiteral("latency_ms"), orNull(call.latencyMs)},
                                      {QStringLiteral("ttft_ms"), orNull(call.ttftMs)},
                                      {QStringLiteral("cost_usd"), call.costUsd},
                                      {QStringLiteral("error_class"), orNull(call.errorClass)},
                                      {QStringLiteral("error_message"), orNull(call.errorMessage)},
                                      {QStringLiteral("tokens"),
                                       QJsonObject{{QStringLiteral("input"), call.inputTokens},
                                                   {QStringLiteral("cached_input"), call.cachedInputTokens},
                                                   {QStringLiteral("cache_write"), call.cacheWriteTokens},
                                                   {QStringLiteral("output"), call.outputTokens},
                                                   {QStringLiteral("reasoning"), call.reasoningTokens}}},
                                      {QStringLiteral("attempts"), attempts}});
        }
        messages.append(object);
    }
    root.insert(QStringLiteral("messages"), messages);
    return root;
}

QString SessionExporter::toMarkdown(const SessionTranscript &transcript)
{
    // The export is a document the user shares: its words are English like the CLI's, not the studio's language.
    const ChatSession &session = transcript.session;
    QString out;
    const QString title = session.title.isEmpty() ? QStringLiteral("Chat session %1").arg(session.id) : session.title;
    out += QStringLiteral("# %1\n\n").arg(title);
    if (!transcript.botSlug.isEmpty())
        out += QStringLiteral("- Bot: %1 (`%2`)\n").arg(transcript.botName, transcript.botSlug);
    if (!transcript.configProvider.isEmpty()) {
        out += QStringLiteral("- Config: %1 — %2\n")
                   .arg(transcript.configName.isEmpty() ? QStringLiteral("#%1").arg(*session.configId)
                                                        : transcript.configName,
                        target(transcript.configProvider, transcript.configModel, {}));
    }
    if (!session.userRef.isEmpty())
        out += QStringLiteral("- User: %1\n").arg(session.userRef);
    out += QStringLiteral("- Session: %1 (id %2), started %3\n")
               .arg(session.uuid)
               .arg(session.id)
               .arg(session.created.toUTC().toString(Qt::ISODate));
    if (session.pricePerMessageMicroUsd)
        out += QStringLiteral("- Billed: %1 per message\n").arg(MicroUsd::format(*session.pricePerMessageMicroUsd));

    for (const SessionTranscript::Message &entry : transcript.messages) {
        const SessionMessage &message = entry.message;
        QString role = message.role;
        if (!role.isEmpty())
            role[0] = role[0].toUpper();
        out += QStringLiteral("\n## %1. %2\n\n").arg(message.position).arg(role);
        if (message.role == QLatin1String("system")) {
            const QString fence = fenceFor(message.content);
            out += fence + QLatin1Char('\n') + message.content + QLatin1Char('\n') + fence + QLatin1Char('\n');
        } else {
            out += message.content + QLatin1Char('\n');
        }
        if (!entry.call)
            continue;
        const SessionTranscript::Call &call = *entry.call;
        out += QLatin1Char('\n');
        if (!call.provider.isEmpty())
            out += QStringLiteral("- Served by: %1\n").arg(target(call.provider, call.model, call.region));
        out += QStringLiteral("- Status: %1").arg(call.status);
        if (!call.errorClass.isEmpty() && call.errorClass != QLatin1String("none"))
            out += QStringLiteral(" (%1)").arg(call.errorClass);
        out += QLatin1Char('\n');
        out += QStringLiteral("- Tokens: %1 in (%2 cached, %3 cache writes), %4 out (%5 reasoning)\n")
                   .arg(call.inputTokens)
                   .arg(call.cachedInputTokens)
                   .arg(call.cacheWriteTokens)
                   .arg(call.outputTokens)
                   .arg(call.reasoningTokens);
        out += QStringLiteral("- Cost: $%1\n").arg(call.costUsd, 0, 'f', 6);
        if (call.latencyMs) {
            out += QStringLiteral("- Latency: %1 ms").arg(*call.latencyMs);
            if (call.ttftMs)
                out += QStringLiteral(" (first token after %1 ms)").arg(*call.ttftMs);
            out += QLatin1Char('\n');
        }
        if (message.priceMicroUsd)
            out += QStringLiteral("- Charged: %1\n").arg(MicroUsd::format(*message.priceMicroUsd));
        if (!call.attempts.isEmpty()) {
            out += QStringLiteral("- Attempts:\n");
            for (const SessionTranscript::Attempt &attempt : call.attempts) {
                out += QStringLiteral("  %1. hop %2, try %3: %4 — %5")
                           .arg(&attempt - call.attempts.constData() + 1)
                           .arg(attempt.hopIndex)
                           .arg(attempt.retryIndex + 1)
                           .arg(target(attempt.provider, attempt.model, attempt.region), attempt.outcome);
                if (attempt.httpStatus)
                    out += QStringLiteral(", HTTP %1").arg(*attempt.httpStatus);
                if (!attempt.errorClass.isEmpty() && attempt.errorClass != QLatin1String("none"))
                    out += QStringLiteral(", %1").arg(attempt.errorClass);
                if (attempt.latencyMs)
                    out += QStringLiteral(", %1 ms").arg(*attempt.latencyMs);
                if (!attempt.errorMessage.isEmpty())
                    out += QStringLiteral(" — %1").arg(attempt.errorMessage);
                out += QLatin1Char('\n');
                // The studio shows such an attempt with a "stream restarted" row; so does the export.
                if (!attempt.restartNote.isEmpty())
                    out += QStringLiteral("     - Stream restarted: %1\n").arg(attempt.restartNote);
            }
        }
    }
    return out;
}

QByteArray SessionExporter::render(const SessionTranscript &transcript, Format format)
{
    return format == Format::Json ? QJsonDocument(toJson(transcript)).toJson(QJsonDocument::Indented)
                                  : toMarkdown(transcript).toUtf8();
}

}  // namespace Switchyard
