#include "tests/support/OpenAiFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Testing {

namespace {

const qint64 kCreated = 1735689600;

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonObject usageObject(const OpenAiFixtures::Tokens &tokens)
{
    return QJsonObject{
        {QStringLiteral("prompt_tokens"), tokens.prompt},
        {QStringLiteral("completion_tokens"), tokens.completion},
        {QStringLiteral("total_tokens"), tokens.prompt + tokens.completion},
        {QStringLiteral("prompt_tokens_details"),
         QJsonObject{{QStringLiteral("cached_tokens"), tokens.cached}, {QStringLiteral("audio_tokens"), 0}}},
        {QStringLiteral("completion_tokens_details"),
         QJsonObject{{QStringLiteral("reasoning_tokens"), tokens.reasoning},
                     {QStringLiteral("audio_tokens"), 0},
                     {QStringLiteral("accepted_prediction_tokens"), 0},
                     {QStringLiteral("rejected_prediction_tokens"), 0}}},
    };
}

QByteArray event(const QJsonObject &object)
{
    return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

QJsonObject chunkBase(const QString &model)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake0001")},
                       {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                       {QStringLiteral("created"), kCreated},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("service_tier"), QStringLiteral("default")},
                       {QStringLiteral("system_fingerprint"), QStringLiteral("fp_fake")}};
}

}  // namespace

QByteArray OpenAiFixtures::usageJson(const Tokens &tokens)
{
    return QJsonDocument(usageObject(tokens)).toJson(QJsonDocument::Compact);
}

QByteArray OpenAiFixtures::completion(const QString &text, const Tokens &tokens, const QString &model,
                                      const QString &finishReason)
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), text},
                              {QStringLiteral("refusal"), QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("annotations"), QJsonArray()}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("logprobs"), QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("finish_reason"), finishReason}};
    const QJsonObject root{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake0001")},
                           {QStringLiteral("object"), QStringLiteral("chat.completion")},
                           {QStringLiteral("created"), kCreated},
                           {QStringLiteral("model"), model},
                           {QStringLiteral("choices"), QJsonArray{choice}},
                           {QStringLiteral("usage"), usageObject(tokens)},
                           {QStringLiteral("service_tier"), QStringLiteral("default")},
                           {QStringLiteral("system_fingerprint"), QStringLiteral("fp_fake")}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray OpenAiFixtures::chunk(const QString &content, const QString &finishReason, bool includeUsageNull,
                                 const QString &model, bool roleChunk)
{
    QJsonObject delta;
    if (roleChunk) {
        delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
        delta.insert(QStringLiteral("content"), content);
        delta.insert(QStringLiteral("refusal"), QJsonValue(QJsonValue::Null));
    } else if (finishReason.isEmpty()) {
        delta.insert(QStringLiteral("content"), content);
    }
    QJsonObject object = chunkBase(model);
    object.insert(QStringLiteral("choices"),
                  QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                         {QStringLiteral("delta"), delta},
                                         {QStringLiteral("logprobs"), QJsonValue(QJsonValue::Null)},
                                         {QStringLiteral("finish_reason"), stringOrNull(finishReason)}}});
    if (includeUsageNull)
        object.insert(QStringLiteral("usage"), QJsonValue(QJsonValue::Null));
    return event(object);
}

QByteArray OpenAiFixtures::usageChunk(const Tokens &tokens, const QString &model)
{
    QJsonObject object = chunkBase(model);
    object.insert(QStringLiteral("choices"), QJsonArray());
    object.insert(QStringLiteral("usage"), usageObject(tokens));
    return event(object);
}

QByteArray OpenAiFixtures::stream(const QStringList &deltas, const Tokens &tokens, bool includeUsage, bool done,
                                  const QString &model, const QString &finishReason)
{
    QByteArray out = chunk(QString(), QString(), includeUsage, model, true);
    for (const QString &delta : deltas)
        out += chunk(delta, QString(), includeUsage, model);
    out += chunk(QString(), finishReason, includeUsage, model);
    if (includeUsage)
        out += usageChunk(tokens, model);
    if (done)
        out += OpenAiFixtures::done();
    return out;
}

QByteArray OpenAiFixtures::errorBody(const QString &message, const QString &type, const QString &code,
                                     const QString &param)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("param"), stringOrNull(param)},
                            {QStringLiteral("code"), stringOrNull(code)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QByteArray OpenAiFixtures::errorEvent(const QString &message, const QString &type, const QString &code)
{
    return "data: " + errorBody(message, type, code) + "\n\n";
}

QByteArray OpenAiFixtures::modelList(const QStringList &ids)
{
    QJsonArray data;
    qint64 created = 1700000000;
    for (const QString &id : ids)
        data.append(QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), created++},
                                {QStringLiteral("owned_by"), QStringLiteral("system")}});
    return QJsonDocument(
               QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

}  // namespace Switchyard::Testing
