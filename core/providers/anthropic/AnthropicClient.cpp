#include "core/providers/anthropic/AnthropicClient.h"

#include "core/providers/anthropic/AnthropicParser.h"
#include "core/providers/client/HttpProviderCall.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/RequestChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Switchyard {

Result<QUrl> AnthropicClient::endpoint(const ProviderSpec &provider, const QString &leaf)
{
    Result<QUrl> base = RequestChecks::baseUrl(provider, DefaultBaseUrl);
    if (!base)
        return base.error();
    QUrl url = *base;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/v1")))
        path += QLatin1Char('/') + leaf;
    else
        path += QStringLiteral("/v1/") + leaf;
    url.setPath(path);
    return url;
}

void AnthropicClient::setHeaders(QNetworkRequest &request, const Secret &apiKey)
{
    request.setRawHeader(QByteArrayLiteral("x-api-key"), apiKey.reveal().toUtf8());
    request.setRawHeader(QByteArrayLiteral("anthropic-version"), QByteArray(ApiVersion.data(), ApiVersion.size()));
}

int AnthropicClient::maxTokensFor(const ProviderRequest &request)
{
    if (request.maxOutputTokens && *request.maxOutputTokens > 0)
        return *request.maxOutputTokens;
    for (const ModelSpec &model : request.provider.models)
        if (model.id == request.model && model.maxOutputTokens > 0)
            return model.maxOutputTokens;
    return DefaultMaxTokens;
}

Result<PreparedRequest> AnthropicClient::prepare(const ProviderRequest &request) const
{
    Result<QUrl> url = endpoint(request.provider, QStringLiteral("messages"));
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireModel(request.model, request.provider.id));
    SWITCHYARD_TRY(RequestChecks::requireKey(request.apiKey, request.provider.id));

    // Anthropic has no system role in messages: the system instruction is a top-level field.
    auto split = RequestChecks::splitSystem(request, QStringLiteral("the Anthropic Messages API"));
    if (!split)
        return split.error();
    const QStringList &system = split->system;
    QJsonArray messages;
    for (const ChatMessage &message : split->turns)
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(message.role)},
                                    {QStringLiteral("content"), message.content}});

    QJsonObject body;
    body.insert(QStringLiteral("model"), request.model);
    body.insert(QStringLiteral("max_tokens"), maxTokensFor(request));
    if (!system.isEmpty())
        body.insert(QStringLiteral("system"), system.join(QStringLiteral("\n\n")));
    body.insert(QStringLiteral("messages"), messages);
    if (request.temperature)
        body.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        body.insert(QStringLiteral("top_p"), *request.topP);
    if (request.topK)
        body.insert(QStringLiteral("top_k"), *request.topK);
    body.insert(QStringLiteral("stream"), request.stream);

    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), request.stream ? QByteArrayLiteral("text/event-stream")
                                                                              : QByteArrayLiteral("application/json"));
    setHeaders(prepared.request, request.apiKey);
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

ProviderCall *AnthropicClient::start(const ProviderRequest &request, QNetworkAccessManager *manager,
                                     QObject *parent) const
{
    return HttpProviderCall::start(*this, request, manager, std::make_unique<AnthropicParser>(), parent);
}

Result<PreparedRequest> AnthropicClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Result<QUrl> url = endpoint(provider, QStringLiteral("models"));
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireKey(apiKey, provider.id, true));
    // The list is paged (20 by default); 1000 is the API's maximum page and covers every Anthropic model.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    url->setQuery(query);
    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    setHeaders(prepared.request, apiKey);
    return prepared;
}

Result<QStringList> AnthropicClient::parseModelList(const QByteArray &body) const
{
    return modelIdsFromList(body, QLatin1String("data"), QLatin1String("id"), QStringLiteral("Anthropic"));
}

}  // namespace Switchyard
