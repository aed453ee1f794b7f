#include "core/providers/cohere/CohereClient.h"

#include "core/providers/client/HttpProviderCall.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/RequestChecks.h"
#include "core/providers/cohere/CohereParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Switchyard {

Result<QUrl> CohereClient::endpoint(const ProviderSpec &provider, const QString &path)
{
    Result<QUrl> base = RequestChecks::baseUrl(provider, DefaultBaseUrl);
    if (!base)
        return base.error();
    QUrl url = *base;
    QString root = url.path();
    if (root.endsWith(QLatin1String("/v1")) || root.endsWith(QLatin1String("/v2")))
        root.chop(3);
    url.setPath(root + QLatin1Char('/') + path);
    return url;
}

void CohereClient::setAuthorization(QNetworkRequest &request, const Secret &apiKey)
{
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + apiKey.reveal().toUtf8());
}

Result<PreparedRequest> CohereClient::prepare(const ProviderRequest &request) const
{
    Result<QUrl> url = endpoint(request.provider, QStringLiteral("v2/chat"));
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireModel(request.model, request.provider.id));
    SWITCHYARD_TRY(RequestChecks::requireKey(request.apiKey, request.provider.id));

    // Cohere accepts a system turn only first: the instruction and any system messages become that one turn.
    auto split = RequestChecks::splitSystem(request, QStringLiteral("the Cohere Chat API"));
    if (!split)
        return split.error();
    QJsonArray messages;
    if (!split->system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), split->system.join(QStringLiteral("\n\n"))}});
    for (const ChatMessage &turn : split->turns)
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(turn.role)},
                                    {QStringLiteral("content"), turn.content}});

    QJsonObject body;
    body.insert(QStringLiteral("model"), request.model);
    body.insert(QStringLiteral("messages"), messages);
    if (request.maxOutputTokens && *request.maxOutputTokens > 0)
        body.insert(QStringLiteral("max_tokens"), *request.maxOutputTokens);
    if (request.temperature)
        body.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        body.insert(QStringLiteral("p"), *request.topP);
    if (request.topK)
        body.insert(QStringLiteral("k"), *request.topK);
    body.insert(QStringLiteral("stream"), request.stream);

    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), request.stream ? QByteArrayLiteral("text/event-stream")
                                                                              : QByteArrayLiteral("application/json"));
    setAuthorization(prepared.request, request.apiKey);
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

ProviderCall *CohereClient::start(const ProviderRequest &request, QNetworkAccessManager *manager, QObject *parent) const
{
    return HttpProviderCall::start(*this, request, manager, std::make_unique<CohereParser>(), parent);
}

Result<PreparedRequest> CohereClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Result<QUrl> url = endpoint(provider, QStringLiteral("v1/models"));
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireKey(apiKey, provider.id, true));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("endpoint"), QStringLiteral("chat"));
    query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("1000"));
    url->setQuery(query);
    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    setAuthorization(prepared.request, apiKey);
    return prepared;
}

Result<QStringList> CohereClient::parseModelList(const QByteArray &body) const
{
    return modelIdsFromList(body, QLatin1String("models"), QLatin1String("name"), QStringLiteral("Cohere"));
}

}  // namespace Switchyard
