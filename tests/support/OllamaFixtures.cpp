#include "tests/support/OllamaFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Testing {

namespace {

QJsonObject base(const QString &content, const QString &model, bool done)
{
    return QJsonObject{{QStringLiteral("model"), model},
                       {QStringLiteral("created_at"), QStringLiteral("2025-01-01T00:00:00.123456789Z")},
                       {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                               {QStringLiteral("content"), content}}},
                       {QStringLiteral("done"), done}};
}

QJsonObject doneObject(int promptEvalCount, int evalCount, const QString &content, const QString &model)
{
    QJsonObject object = base(content, model, true);
    object.insert(QStringLiteral("done_reason"), QStringLiteral("stop"));
    object.insert(QStringLiteral("total_duration"), qint64(4883583458));
    object.insert(QStringLiteral("load_duration"), qint64(1334875));
    object.insert(QStringLiteral("prompt_eval_count"), promptEvalCount);
    object.insert(QStringLiteral("prompt_eval_duration"), qint64(342546000));
    object.insert(QStringLiteral("eval_count"), evalCount);
    object.insert(QStringLiteral("eval_duration"), qint64(4535599000));
    return object;
}

}  // namespace

QByteArray OllamaFixtures::line(const QString &content, const QString &model)
{
    return QJsonDocument(base(content, model, false)).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray OllamaFixtures::doneLine(int promptEvalCount, int evalCount, const QString &content, const QString &model)
{
    return QJsonDocument(doneObject(promptEvalCount, evalCount, content, model)).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray OllamaFixtures::stream(const QStringList &deltas, int promptEvalCount, int evalCount)
{
    QByteArray out;
    for (const QString &delta : deltas)
        out += line(delta);
    return out + doneLine(promptEvalCount, evalCount);
}

QByteArray OllamaFixtures::response(const QString &text, int promptEvalCount, int evalCount)
{
    return QJsonDocument(doneObject(promptEvalCount, evalCount, text, QStringLiteral("llama3.2")))
        .toJson(QJsonDocument::Compact);
}

QByteArray OllamaFixtures::errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact);
}

QByteArray OllamaFixtures::tags(const QStringList &names)
{
    QJsonArray models;
    for (const QString &name : names)
        models.append(QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("model"), name},
                                  {QStringLiteral("size"), 2019393189},
                                  {QStringLiteral("digest"), QStringLiteral("a80c4f17acd5")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("models"), models}}).toJson(QJsonDocument::Compact);
}

}  // namespace Switchyard::Testing
