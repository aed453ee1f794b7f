#include "tests/core/anthropic/AnthropicFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Testing {

namespace {

const QString kMessageId = QStringLiteral("msg_01XFDUDYJgAACzvnptvVoYEL");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject usageObject(const AnthropicFixtures::Tokens &tokens, int output)
{
    return QJsonObject{{QStringLiteral("input_tokens"), tokens.input},
                       {QStringLiteral("cache_creation_input_tokens"), tokens.cacheWrite},
                       {QStringLiteral("cache_read_input_tokens"), tokens.cacheRead},
                       {QStringLiteral("output_tokens"), output},
                       {QStringLiteral("service_tier"), QStringLiteral("standard")}};
}

QJsonObject errorObject(const QString &type, const QString &message)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}}},
        {QStringLiteral("request_id"), QStringLiteral("req_011CSHoEeqs5C35K2UUqR7Fy")}};
}

}  // namespace

QByteArray AnthropicFixtures::message(const QString &text, const Tokens &tokens, const QString &stopReason)
{
    const QJsonObject root{
        {QStringLiteral("id"), kMessageId},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), model()},
        {QStringLiteral("content"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}},
        {QStringLiteral("stop_reason"), stopReason},
        {QStringLiteral("stop_sequence"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("usage"), usageObject(tokens, tokens.output)}};
    return compact(root);
}

QByteArray AnthropicFixtures::event(const QByteArray &name, const QByteArray &json)
{
    return "event: " + name + "\ndata: " + json + "\n\n";
}

QByteArray AnthropicFixtures::messageStart(const Tokens &tokens)
{
    const QJsonObject message{{QStringLiteral("id"), kMessageId},
                              {QStringLiteral("type"), QStringLiteral("message")},
                              {QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("model"), model()},
                              {QStringLiteral("content"), QJsonArray()},
                              {QStringLiteral("stop_reason"), QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("stop_sequence"), QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("usage"), usageObject(tokens, 1)}};
    return event("message_start", compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("message_start")},
                                                      {QStringLiteral("message"), message}}));
}

QByteArray AnthropicFixtures::contentBlockStart(int index, const QByteArray &type)
{
    QJsonObject block{{QStringLiteral("type"), QString::fromLatin1(type)}};
    if (type == "text")
        block.insert(QStringLiteral("text"), QString());
    else if (type == "thinking")
        block.insert(QStringLiteral("thinking"), QString());
    return event("content_block_start",
                 compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content_block_start")},
                                     {QStringLiteral("index"), index},
                                     {QStringLiteral("content_block"), block}}));
}

QByteArray AnthropicFixtures::textDelta(int index, const QString &text)
{
    return event("content_block_delta",
                 compact(QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("content_block_delta")},
                     {QStringLiteral("index"), index},
                     {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text_delta")},
                                                           {QStringLiteral("text"), text}}}}));
}

QByteArray AnthropicFixtures::thinkingDelta(int index, const QString &thinking)
{
    return event("content_block_delta",
                 compact(QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("content_block_delta")},
                     {QStringLiteral("index"), index},
                     {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking_delta")},
                                                           {QStringLiteral("thinking"), thinking}}}}));
}

QByteArray AnthropicFixtures::contentBlockStop(int index)
{
    return event("content_block_stop",
                 compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content_block_stop")},
                                     {QStringLiteral("index"), index}}));
}

QByteArray AnthropicFixtures::messageDelta(const QString &stopReason, int outputTokens)
{
    return event(
        "message_delta",
        compact(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("message_delta")},
            {QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), stopReason},
                                                  {QStringLiteral("stop_sequence"), QJsonValue(QJsonValue::Null)}}},
            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("output_tokens"), outputTokens}}}}));
}

QByteArray AnthropicFixtures::messageStop()
{
    return event("message_stop", QByteArrayLiteral("{\"type\":\"message_stop\"}"));
}

QByteArray AnthropicFixtures::ping()
{
    // Anthropic writes this one with a space after the colon.
    return event("ping", QByteArrayLiteral("{\"type\": \"ping\"}"));
}

QByteArray AnthropicFixtures::stream(const QStringList &deltas, const Tokens &tokens, const QString &stopReason,
                                     bool stop)
{
    QByteArray out = messageStart(tokens) + contentBlockStart(0);
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        out += textDelta(0, deltas.at(i));
        if (i == 0)
            out += ping();
    }
    out += contentBlockStop(0) + messageDelta(stopReason, tokens.output);
    if (stop)
        out += messageStop();
    return out;
}

QByteArray AnthropicFixtures::errorBody(const QString &type, const QString &message)
{
    return compact(errorObject(type, message));
}

QByteArray AnthropicFixtures::errorEvent(const QString &type, const QString &message)
{
    QJsonObject object = errorObject(type, message);
    object.remove(QStringLiteral("request_id"));
    return event("error", compact(object));
}

}  // namespace Switchyard::Testing
