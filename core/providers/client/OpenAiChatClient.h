#pragma once

#include "core/providers/client/ProviderClient.h"

namespace Switchyard {

/// OpenAI Chat Completions and the OpenAI-compatible family (PROVIDERS.md §1, §2). The kinds differ only in where
/// the endpoint is, how the key is sent and which token-limit field they accept:
///
/// | kind              | default base                                 | path                          | key header |
/// limit field             |
/// |-------------------|----------------------------------------------|-------------------------------|-----------------|-------------------------|
/// | openai            | https://api.openai.com                       | /v1/chat/completions          | Bearer |
/// max_completion_tokens   | | azure_openai      | (required) https://{resource}.openai.azure.com |
/// /openai/deployments/{model}/chat/completions?api-version= | api-key | max_completion_tokens | | openrouter        |
/// https://openrouter.ai/api                    | /v1/chat/completions          | Bearer          | max_tokens | | groq
/// | https://api.groq.com/openai                  | /v1/chat/completions          | Bearer          |
/// max_completion_tokens   | | deepseek          | https://api.deepseek.com                     | /chat/completions |
/// Bearer          | max_tokens              | | byteplus          | https://ark.ap-southeast.bytepluses.com/api/v3 |
/// /chat/completions           | Bearer          | max_tokens              | | openai_compatible | (required) |
/// /v1/chat/completions          | Bearer if a key | max_tokens              |
///
/// A base URL already ending in a version segment ("/v1", "/api/v3") gets only "/chat/completions". Azure uses the
/// v1 path "/openai/v1/chat/completions" (model = deployment) when no api_version is configured. top_k is never sent
/// (these APIs reject or ignore it). Streaming always asks for stream_options.include_usage.
class OpenAiChatClient : public ProviderClient {
public:
    explicit OpenAiChatClient(QString kind = QStringLiteral("openai"));

    QString kind() const override { return m_kind; }
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

    /// The kinds this class serves.
    static QStringList kinds();
    /// The base URL used when the ProviderSpec has none; empty when the kind needs one.
    static QString defaultBaseUrl(const QString &kind);

private:
    Result<QUrl> endpoint(const ProviderSpec &provider, const QString &model, const QString &leaf) const;
    void authenticate(QNetworkRequest &request, const Secret &apiKey) const;
    QString limitField() const;

    QString m_kind;
};

}  // namespace Switchyard
