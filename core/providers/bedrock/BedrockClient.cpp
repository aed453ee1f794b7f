#include "core/providers/bedrock/BedrockClient.h"

#include "core/providers/bedrock/BedrockConverseParser.h"
#include "core/providers/bedrock/BedrockStreamParser.h"
#include "core/providers/client/HttpProviderCall.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/RequestChecks.h"
#include "core/providers/wire/SigV4Request.h"
#include "core/providers/wire/SigV4Signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace Switchyard {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kEventStream = QByteArrayLiteral("application/vnd.amazon.eventstream");

QJsonArray textBlocks(const QStringList &texts)
{
    QJsonArray blocks;
    for (const QString &text : texts)
        blocks.append(QJsonObject{{QStringLiteral("text"), text}});
    return blocks;
}

std::optional<int> maxTokensFor(const ProviderRequest &request)
{
    if (request.maxOutputTokens && *request.maxOutputTokens > 0)
        return *request.maxOutputTokens;
    for (const ModelSpec &model : request.provider.models)
        if (model.id == request.model && model.maxOutputTokens > 0)
            return model.maxOutputTokens;
    return std::nullopt;  // Bedrock then uses the model's own maximum
}

}  // namespace

BedrockClient::BedrockClient(Clock clock) : m_clock(std::move(clock)) {}

Result<Wire::SigV4Credentials> BedrockClient::parseCredentials(const Secret &apiKey, const QString &providerId)
{
    if (apiKey.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("Provider \"%1\" (bedrock) needs AWS credentials. Set api_key in "
                                          "providers.yaml to a reference holding ACCESS_KEY_ID:SECRET_ACCESS_KEY or "
                                          "ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN.")
                               .arg(providerId));
    // Neither access key ids, secret keys nor (base64) session tokens contain ':', so it separates them safely.
    const QStringList parts = apiKey.reveal().trimmed().split(QLatin1Char(':'));
    const bool shapeOk =
        (parts.size() == 2 || parts.size() == 3) && std::none_of(parts.begin(), parts.end(), [](const QString &part) {
            return part.trimmed().isEmpty() || part.trimmed() != part;
        });
    if (!shapeOk)
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("Provider \"%1\" (bedrock) has malformed AWS credentials in \"%2\": expected "
                                          "ACCESS_KEY_ID:SECRET_ACCESS_KEY or "
                                          "ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN with no empty part.")
                               .arg(providerId, apiKey.reference()));
    Wire::SigV4Credentials credentials;
    credentials.accessKeyId = parts.at(0);
    credentials.secretAccessKey = parts.at(1);
    credentials.sessionToken = parts.value(2);
    return credentials;
}

Result<QUrl> BedrockClient::endpoint(const ProviderSpec &provider, const QString &region, const QString &awsHost,
                                     const QByteArray &encodedPath)
{
    static const QRegularExpression regionPattern(QStringLiteral("^[a-z]{2}(?:-[a-z0-9]+)+-[0-9]+$"));
    if (region.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("Provider \"%1\" (bedrock) has no region. Set region in providers.yaml or "
                                          "in the LLM config, e.g. us-east-1.")
                               .arg(provider.id));
    if (!regionPattern.match(region).hasMatch())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("\"%1\" is not an AWS region (provider \"%2\"). Use a region such as "
                                          "us-east-1.")
                               .arg(region, provider.id));
    const Result<QUrl> baseUrl =
        RequestChecks::baseUrl(provider, QStringLiteral("https://%1.%2.amazonaws.com").arg(awsHost, region));
    if (!baseUrl)
        return baseUrl.error();
    // Joined as encoded bytes and parsed strictly, so the wire path is byte for byte the one that is signed
    // (QUrl::setPath() with the decoded model id would send a bare ':'). baseUrl() left no trailing '/'.
    const QByteArray encoded = baseUrl->toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    const QUrl url = QUrl::fromEncoded(encoded + encodedPath, QUrl::StrictMode);
    if (!url.isValid())
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("Provider \"%1\" (bedrock): could not build the request URL.").arg(provider.id));
    return url;
}

Result<QUrl> BedrockClient::converseUrl(const ProviderSpec &provider, const QString &region, const QString &model,
                                        bool stream)
{
    SWITCHYARD_TRY(RequestChecks::requireModel(model, provider.id));
    const QByteArray path = "/model/" + Wire::SigV4Signer::uriEncode(model.toUtf8(), true) +
                            (stream ? QByteArrayLiteral("/converse-stream") : QByteArrayLiteral("/converse"));
    return endpoint(provider, region, QStringLiteral("bedrock-runtime"), path);
}

Result<PreparedRequest> BedrockClient::signedRequest(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                                     const Wire::SigV4Credentials &credentials,
                                                     const QString &region) const
{
    Wire::SigV4Request toSign = Wire::SigV4Request::fromUrl(method, url, body);
    const bool hasBody = method != "GET";
    if (hasBody)
        toSign.headers.append({QByteArrayLiteral("Content-Type"), kJson});
    const Wire::SigV4Signer signer(credentials, region, SigningService);
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    Result<Wire::SigV4Signer::Signature> signature = signer.sign(toSign, now);
    if (!signature)
        return signature.error();

    PreparedRequest prepared;
    prepared.request.setUrl(url);
    if (hasBody)
        prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, kJson);
    for (const auto &[name, value] : std::as_const(signature->headers))
        prepared.request.setRawHeader(name, value);
    prepared.body = body;
    return prepared;
}

Result<PreparedRequest> BedrockClient::prepare(const ProviderRequest &request) const
{
    const QString region = request.region.isEmpty() ? request.provider.region : request.region;
    Result<QUrl> url = converseUrl(request.provider, region, request.model, request.stream);
    if (!url)
        return url.error();
    Result<Wire::SigV4Credentials> credentials = parseCredentials(request.apiKey, request.provider.id);
    if (!credentials)
        return credentials.error();

    // Converse has no system role in messages: system text goes into the top-level system blocks.
    auto split = RequestChecks::splitSystem(request, QStringLiteral("the Bedrock Converse API"));
    if (!split)
        return split.error();
    const QStringList &system = split->system;
    QJsonArray messages;
    for (const ChatMessage &message : split->turns)
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(message.role)},
                                    {QStringLiteral("content"), textBlocks({message.content})}});

    QJsonObject body;
    body.insert(QStringLiteral("messages"), messages);
    if (!system.isEmpty())
        body.insert(QStringLiteral("system"), textBlocks(system));
    QJsonObject inference;
    if (const std::optional<int> maxTokens = maxTokensFor(request))
        inference.insert(QStringLiteral("maxTokens"), *maxTokens);
    if (request.temperature)
        inference.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        inference.insert(QStringLiteral("topP"), *request.topP);
    if (!inference.isEmpty())
        body.insert(QStringLiteral("inferenceConfig"), inference);
    if (request.topK)
        body.insert(QStringLiteral("additionalModelRequestFields"),
                    QJsonObject{{QStringLiteral("top_k"), *request.topK}});

    Result<PreparedRequest> prepared = signedRequest(
        QByteArrayLiteral("POST"), *url, QJsonDocument(body).toJson(QJsonDocument::Compact), *credentials, region);
    if (prepared)
        prepared->request.setRawHeader(QByteArrayLiteral("Accept"), request.stream ? kEventStream : kJson);
    return prepared;
}

ProviderCall *BedrockClient::start(const ProviderRequest &request, QNetworkAccessManager *manager,
                                   QObject *parent) const
{
    std::unique_ptr<ResponseParser> parser;
    if (request.stream)
        parser = std::make_unique<BedrockStreamParser>();
    else
        parser = std::make_unique<BedrockConverseParser>();
    return HttpProviderCall::start(*this, request, manager, std::move(parser), parent);
}

Result<PreparedRequest> BedrockClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Result<QUrl> url = endpoint(provider, provider.region, QStringLiteral("bedrock"), "/foundation-models");
    if (!url)
        return url.error();
    Result<Wire::SigV4Credentials> credentials = parseCredentials(apiKey, provider.id);
    if (!credentials)
        return credentials.error();
    Result<PreparedRequest> prepared =
        signedRequest(QByteArrayLiteral("GET"), *url, QByteArray(), *credentials, provider.region);
    if (prepared)
        prepared->request.setRawHeader(QByteArrayLiteral("Accept"), kJson);
    return prepared;
}

Result<QStringList> BedrockClient::parseModelList(const QByteArray &body) const
{
    return modelIdsFromList(body, QLatin1String("modelSummaries"), QLatin1String("modelId"),
                            QStringLiteral("Bedrock ListFoundationModels"));
}

}  // namespace Switchyard
