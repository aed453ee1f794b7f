#include "core/providers/gemini/GeminiClient.h"

#include "core/providers/client/HttpProviderCall.h"
#include "core/providers/client/RequestChecks.h"
#include "core/providers/gemini/GeminiParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>
#include <utility>

namespace Switchyard {

namespace {

/// "gemini-2.5-flash" → "models/gemini-2.5-flash"; "models/x" and "tunedModels/x" stay as they are. Empty when the
/// id holds characters that would change the path.
QString resourceName(const QString &model)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(?:(models|tunedModels)/)?([A-Za-z0-9._-]+)$)"));
    const QRegularExpressionMatch match = pattern.match(model);
    if (!match.hasMatch())
        return {};
    return match.captured(1).isEmpty() ? QStringLiteral("models/") + match.captured(2) : model;
}

QJsonObject textContent(const QString &role, const QString &text)
{
    QJsonObject content{{QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}};
    if (!role.isEmpty())
        content.insert(QStringLiteral("role"), role);
    return content;
}

}  // namespace

Result<QUrl> GeminiClient::endpoint(const ProviderSpec &provider, const QString &leaf)
{
    Result<QUrl> base = RequestChecks::baseUrl(provider, defaultBaseUrl());
    if (!base)
        return base.error();
    QUrl url = *base;
    QString path = url.path();
    if (!RequestChecks::endsInVersion(path))
        path += QStringLiteral("/v1beta");
    url.setPath(path + QLatin1Char('/') + leaf);
    return url;
}

Result<PreparedRequest> GeminiClient::prepare(const ProviderRequest &request) const
{
    SWITCHYARD_TRY(RequestChecks::requireModel(request.model, request.provider.id));
    const QString resource = resourceName(request.model);
    if (resource.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("\"%1\" is not a Gemini model id (provider \"%2\"). Use an id such as "
                                          "gemini-2.5-flash.")
                               .arg(request.model, request.provider.id));
    const QString method =
        request.stream ? QStringLiteral(":streamGenerateContent") : QStringLiteral(":generateContent");
    Result<QUrl> url = endpoint(request.provider, resource + method);
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireKey(request.apiKey, request.provider.id));

    QJsonArray contents;
    QJsonArray systemParts;
    if (!request.system.isEmpty())
        systemParts.append(QJsonObject{{QStringLiteral("text"), request.system}});
    for (const ChatMessage &message : request.messages) {
        switch (message.role) {
        case ChatMessage::Role::System:
            systemParts.append(QJsonObject{{QStringLiteral("text"), message.content}});
            break;
        case ChatMessage::Role::User:
            contents.append(textContent(QStringLiteral("user"), message.content));
            break;
        case ChatMessage::Role::Assistant:
            contents.append(textContent(QStringLiteral("model"), message.content));
            break;
        }
    }
    if (contents.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The request to \"%1\" has no user message; Gemini needs at least one. Add "
                                          "a message to the conversation.")
                               .arg(request.provider.id));

    QJsonObject body{{QStringLiteral("contents"), contents}};
    if (!systemParts.isEmpty())
        body.insert(QStringLiteral("systemInstruction"), QJsonObject{{QStringLiteral("parts"), systemParts}});
    QJsonObject config;
    if (request.temperature)
        config.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        config.insert(QStringLiteral("topP"), *request.topP);
    if (request.topK)
        config.insert(QStringLiteral("topK"), *request.topK);
    if (request.maxOutputTokens)
        config.insert(QStringLiteral("maxOutputTokens"), *request.maxOutputTokens);
    if (!config.isEmpty())
        body.insert(QStringLiteral("generationConfig"), config);

    QUrl target = *url;
    if (request.stream) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("alt"), QStringLiteral("sse"));
        target.setQuery(query);
    }
    PreparedRequest prepared;
    prepared.request.setUrl(target);
    prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), request.stream ? QByteArrayLiteral("text/event-stream")
                                                                              : QByteArrayLiteral("application/json"));
    prepared.request.setRawHeader(QByteArrayLiteral("x-goog-api-key"), request.apiKey.reveal().toUtf8());
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

ProviderCall *GeminiClient::start(const ProviderRequest &request, QNetworkAccessManager *manager, QObject *parent) const
{
    return HttpProviderCall::start(*this, request, manager, std::make_unique<GeminiParser>(), parent);
}

Result<PreparedRequest> GeminiClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Result<QUrl> url = endpoint(provider, QStringLiteral("models"));
    if (!url)
        return url.error();
    QUrl target = *url;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("1000"));
    target.setQuery(query);
    PreparedRequest prepared;
    prepared.request.setUrl(target);
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!apiKey.isEmpty())
        prepared.request.setRawHeader(QByteArrayLiteral("x-goog-api-key"), apiKey.reveal().toUtf8());
    return prepared;
}

Result<QStringList> GeminiClient::parseModelList(const QByteArray &body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QLatin1String("models")).isArray())
        return Error::make(Error::Code::Unsupported,
                           QStringLiteral("The model list is not a Gemini {\"models\": [...]} object. Check the "
                                          "provider's base_url."));
    QStringList ids;
    const QJsonArray models = document.object().value(QLatin1String("models")).toArray();
    for (const QJsonValue &entry : models) {
        const QJsonObject model = entry.toObject();
        const QJsonValue methods = model.value(QLatin1String("supportedGenerationMethods"));
        // Embedding and other non-chat models cannot answer a generateContent call.
        if (methods.isArray() && !methods.toArray().contains(QStringLiteral("generateContent")))
            continue;
        QString id = model.value(QLatin1String("name")).toString();
        if (id.startsWith(QLatin1String("models/")))
            id = id.mid(7);
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

}  // namespace Switchyard
