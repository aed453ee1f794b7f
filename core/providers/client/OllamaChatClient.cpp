#include "core/providers/client/OllamaChatClient.h"

#include "core/providers/client/HttpProviderCall.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/OllamaChatParser.h"
#include "core/providers/client/RequestChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard {

Result<QUrl> OllamaChatClient::endpoint(const ProviderSpec &provider, const QString &leaf)
{
    Result<QUrl> base = RequestChecks::baseUrl(provider, QStringLiteral("http://localhost:11434"));
    if (!base)
        return base.error();
    QUrl url = *base;
    url.setPath(url.path() + QStringLiteral("/api/") + leaf);
    return url;
}

Result<PreparedRequest> OllamaChatClient::prepare(const ProviderRequest &request) const
{
    Result<QUrl> url = endpoint(request.provider, QStringLiteral("chat"));
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireModel(request.model, request.provider.id));
    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.system}});
    for (const ChatMessage &message : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(message.role)},
                                    {QStringLiteral("content"), message.content}});
    QJsonObject options;
    if (request.temperature)
        options.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        options.insert(QStringLiteral("top_p"), *request.topP);
    if (request.topK)
        options.insert(QStringLiteral("top_k"), *request.topK);
    if (request.maxOutputTokens)
        options.insert(QStringLiteral("num_predict"), *request.maxOutputTokens);
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("stream"), request.stream}};
    if (!options.isEmpty())
        body.insert(QStringLiteral("options"), options);

    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!request.apiKey.isEmpty())
        prepared.request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + request.apiKey.reveal().toUtf8());
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

ProviderCall *OllamaChatClient::start(const ProviderRequest &request, QNetworkAccessManager *manager,
                                      QObject *parent) const
{
    return HttpProviderCall::start(*this, request, manager, std::make_unique<OllamaChatParser>(), parent);
}

Result<PreparedRequest> OllamaChatClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Result<QUrl> url = endpoint(provider, QStringLiteral("tags"));
    if (!url)
        return url.error();
    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    if (!apiKey.isEmpty())
        prepared.request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + apiKey.reveal().toUtf8());
    return prepared;
}

Result<QStringList> OllamaChatClient::parseModelList(const QByteArray &body) const
{
    return modelIdsFromList(body, QLatin1String("models"), QLatin1String("name"), QStringLiteral("Ollama"));
}

}  // namespace Switchyard
