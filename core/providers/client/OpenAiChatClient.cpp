#include "core/providers/client/OpenAiChatClient.h"

#include "core/providers/client/HttpProviderCall.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/OpenAiChatParser.h"
#include "core/providers/client/RequestChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <utility>

namespace Switchyard {

namespace {

const QLatin1String kOpenAi("openai");
const QLatin1String kAzure("azure_openai");
const QLatin1String kOpenRouter("openrouter");
const QLatin1String kGroq("groq");
const QLatin1String kDeepSeek("deepseek");
const QLatin1String kBytePlus("byteplus");
const QLatin1String kCompatible("openai_compatible");

}  // namespace

OpenAiChatClient::OpenAiChatClient(QString kind) : m_kind(std::move(kind)) {}

QStringList OpenAiChatClient::kinds()
{
    return {kOpenAi, kAzure, kOpenRouter, kGroq, kDeepSeek, kBytePlus, kCompatible};
}

QString OpenAiChatClient::defaultBaseUrl(const QString &kind)
{
    if (kind == kOpenAi)
        return QStringLiteral("https://api.openai.com");
    if (kind == kOpenRouter)
        return QStringLiteral("https://openrouter.ai/api");
    if (kind == kGroq)
        return QStringLiteral("https://api.groq.com/openai");
    if (kind == kDeepSeek)
        return QStringLiteral("https://api.deepseek.com");
    if (kind == kBytePlus)
        return QStringLiteral("https://ark.ap-southeast.bytepluses.com/api/v3");
    return {};
}

QString OpenAiChatClient::limitField() const
{
    if (m_kind == kOpenAi || m_kind == kAzure || m_kind == kGroq)
        return QStringLiteral("max_completion_tokens");
    return QStringLiteral("max_tokens");
}

Result<QUrl> OpenAiChatClient::endpoint(const ProviderSpec &provider, const QString &model, const QString &leaf) const
{
    Result<QUrl> base = RequestChecks::baseUrl(provider, defaultBaseUrl(m_kind));
    if (!base)
        return base.error();
    QUrl url = *base;
    QString path = url.path();
    if (m_kind == kAzure) {
        if (!provider.apiVersion.isEmpty() && leaf == QLatin1String("chat/completions")) {
            if (model.isEmpty())
                return Error::make(
                    Error::Code::InvalidInput,
                    QStringLiteral("Provider \"%1\" (Azure OpenAI) needs a deployment name as the model.")
                        .arg(provider.id));
            path += QStringLiteral("/openai/deployments/%1/%2")
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(model)), leaf);
        } else {
            path += QStringLiteral("/openai/v1/") + leaf;
        }
        url.setPath(path, QUrl::TolerantMode);
        if (!provider.apiVersion.isEmpty() && leaf == QLatin1String("chat/completions")) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("api-version"), provider.apiVersion);
            url.setQuery(query);
        }
        return url;
    }
    if (RequestChecks::endsInVersion(path) || m_kind == kDeepSeek)
        path += QLatin1Char('/') + leaf;
    else
        path += QStringLiteral("/v1/") + leaf;
    url.setPath(path);
    return url;
}

void OpenAiChatClient::authenticate(QNetworkRequest &request, const Secret &apiKey) const
{
    if (apiKey.isEmpty())
        return;
    if (m_kind == kAzure)
        request.setRawHeader(QByteArrayLiteral("api-key"), apiKey.reveal().toUtf8());
    else
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + apiKey.reveal().toUtf8());
}

Result<PreparedRequest> OpenAiChatClient::prepare(const ProviderRequest &request) const
{
    const bool azureDeploymentPath = m_kind == kAzure && !request.provider.apiVersion.isEmpty();
    Result<QUrl> url = endpoint(request.provider, request.model, QStringLiteral("chat/completions"));
    if (!url)
        return url.error();
    SWITCHYARD_TRY(RequestChecks::requireModel(request.model, request.provider.id));
    if (m_kind != kCompatible)  // a local OpenAI-compatible server often needs no key
        SWITCHYARD_TRY(RequestChecks::requireKey(request.apiKey, request.provider.id));

    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.system}});
    for (const ChatMessage &message : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(message.role)},
                                    {QStringLiteral("content"), message.content}});
    QJsonObject body;
    if (!azureDeploymentPath)
        body.insert(QStringLiteral("model"), request.model);
    body.insert(QStringLiteral("messages"), messages);
    if (request.temperature)
        body.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        body.insert(QStringLiteral("top_p"), *request.topP);
    if (request.maxOutputTokens)
        body.insert(limitField(), *request.maxOutputTokens);
    body.insert(QStringLiteral("stream"), request.stream);
    if (request.stream)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});

    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), request.stream ? QByteArrayLiteral("text/event-stream")
                                                                              : QByteArrayLiteral("application/json"));
    authenticate(prepared.request, request.apiKey);
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

ProviderCall *OpenAiChatClient::start(const ProviderRequest &request, QNetworkAccessManager *manager,
                                      QObject *parent) const
{
    return HttpProviderCall::start(*this, request, manager, std::make_unique<OpenAiChatParser>(request.stream), parent);
}

Result<PreparedRequest> OpenAiChatClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Result<QUrl> url = endpoint(provider, QString(), QStringLiteral("models"));
    if (!url)
        return url.error();
    PreparedRequest prepared;
    prepared.request.setUrl(*url);
    prepared.request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    authenticate(prepared.request, apiKey);
    return prepared;
}

Result<QStringList> OpenAiChatClient::parseModelList(const QByteArray &body) const
{
    return modelIdsFromList(body, QLatin1String("data"), QLatin1String("id"), QStringLiteral("OpenAI-style"));
}

}  // namespace Switchyard
