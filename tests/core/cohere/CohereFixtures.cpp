#include "tests/core/cohere/CohereFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Testing {

namespace {

const QString kResponseId = QStringLiteral("c14c80c3-18eb-4519-9460-6c92edd8cfb4");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject usageObject(const CohereFixtures::Tokens &tokens)
{
    return QJsonObject{
        {QStringLiteral("billed_units"), QJsonObject{{QStringLiteral("input_tokens"), tokens.billedInput},
                                                     {QStringLiteral("output_tokens"), tokens.billedOutput}}},
        {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("input_tokens"), tokens.input},
                                               {QStringLiteral("output_tokens"), tokens.output}}}};
}

QJsonObject deltaMessage(const QJsonObject &message)
{
    return QJsonObject{{QStringLiteral("message"), message}};
}

}  // namespace

QByteArray CohereFixtures::response(const QString &text, const Tokens &tokens, const QString &finishReason)
{
    const QJsonObject message{
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}}};
    return compact(QJsonObject{{QStringLiteral("id"), kResponseId},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("finish_reason"), finishReason},
                               {QStringLiteral("usage"), usageObject(tokens)}});
}

QByteArray CohereFixtures::event(const QByteArray &type, const QByteArray &json)
{
    return "event: " + type + "\ndata: " + json + "\n\n";
}

QByteArray CohereFixtures::messageStart()
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), QJsonArray()},
                              {QStringLiteral("tool_plan"), QString()},
                              {QStringLiteral("tool_calls"), QJsonArray()},
                              {QStringLiteral("citations"), QJsonArray()}};
    return event("message-start", compact(QJsonObject{{QStringLiteral("id"), kResponseId},
                                                      {QStringLiteral("type"), QStringLiteral("message-start")},
                                                      {QStringLiteral("delta"), deltaMessage(message)}}));
}

QByteArray CohereFixtures::contentStart(int index, const QByteArray &type)
{
    const QString kind = QString::fromLatin1(type);
    const QJsonObject content{{QStringLiteral("type"), kind}, {kind, QString()}};
    return event("content-start",
                 compact(QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("content-start")},
                     {QStringLiteral("index"), index},
                     {QStringLiteral("delta"), deltaMessage(QJsonObject{{QStringLiteral("content"), content}})}}));
}

QByteArray CohereFixtures::contentDelta(int index, const QString &text)
{
    return event("content-delta",
                 compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content-delta")},
                                     {QStringLiteral("index"), index},
                                     {QStringLiteral("delta"),
                                      deltaMessage(QJsonObject{{QStringLiteral("content"),
                                                                QJsonObject{{QStringLiteral("text"), text}}}})}}));
}

QByteArray CohereFixtures::thinkingDelta(int index, const QString &thinking)
{
    return event(
        "content-delta",
        compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content-delta")},
                            {QStringLiteral("index"), index},
                            {QStringLiteral("delta"),
                             deltaMessage(QJsonObject{
                                 {QStringLiteral("content"), QJsonObject{{QStringLiteral("thinking"), thinking}}}})}}));
}

QByteArray CohereFixtures::contentEnd(int index)
{
    return event("content-end", compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content-end")},
                                                    {QStringLiteral("index"), index}}));
}

QByteArray CohereFixtures::messageEnd(const QString &finishReason, const Tokens &tokens, const QString &error)
{
    QJsonObject delta{{QStringLiteral("finish_reason"), finishReason}, {QStringLiteral("usage"), usageObject(tokens)}};
    if (!error.isEmpty())
        delta.insert(QStringLiteral("error"), error);
    return event("message-end", compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("message-end")},
                                                    {QStringLiteral("delta"), delta}}));
}

QByteArray CohereFixtures::stream(const QStringList &deltas, const Tokens &tokens, const QString &finishReason,
                                  bool end)
{
    QByteArray out = messageStart() + contentStart(0);
    for (const QString &delta : deltas)
        out += contentDelta(0, delta);
    out += contentEnd(0);
    if (end)
        out += messageEnd(finishReason, tokens);
    return out;
}

QByteArray CohereFixtures::errorBody(const QString &message)
{
    return compact(QJsonObject{{QStringLiteral("id"), QStringLiteral("9a1c3e2f-6d0b-4f7e-8a52-1b0c9d8e7f60")},
                               {QStringLiteral("message"), message}});
}

}  // namespace Switchyard::Testing
