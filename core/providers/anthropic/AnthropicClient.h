#pragma once

#include "core/providers/client/ProviderClient.h"

namespace Switchyard {

/// Anthropic Messages API (PROVIDERS.md §3), kind "anthropic".
///
/// `POST {base}/v1/messages` (default base https://api.anthropic.com; a base already ending in "/v1" gets only
/// "/messages") with headers `x-api-key`, `anthropic-version: 2023-06-01` and `content-type: application/json`.
/// The body carries `model`, a top-level `system` string (never a system message: system messages of the
/// conversation are folded into it), `messages` (user / assistant), `max_tokens` (required by the API: the
/// request's maxOutputTokens, else the model's max_output_tokens from providers.yaml, else DefaultMaxTokens),
/// `temperature`, `top_p`, `top_k` and `stream`. Models are listed with `GET {base}/v1/models` (data[].id).
class AnthropicClient : public ProviderClient {
public:
    /// The anthropic-version header value this adapter speaks.
    static constexpr QLatin1String ApiVersion{"2023-06-01"};
    static constexpr QLatin1String DefaultBaseUrl{"https://api.anthropic.com"};
    /// max_tokens when neither the request nor the model's spec gives one.
    static constexpr int DefaultMaxTokens = 4096;

    QString kind() const override { return QStringLiteral("anthropic"); }
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

    /// max_tokens sent for @p request (see the class comment).
    static int maxTokensFor(const ProviderRequest &request);

private:
    static Result<QUrl> endpoint(const ProviderSpec &provider, const QString &leaf);
    static void setHeaders(QNetworkRequest &request, const Secret &apiKey);
};

}  // namespace Switchyard
