#pragma once

#include "core/providers/client/ProviderClient.h"

namespace Switchyard {

/// Cohere v2 Chat API (PROVIDERS.md §6), kind "cohere".
///
/// `POST {base}/v2/chat` (default base https://api.cohere.com) with `Authorization: Bearer KEY`. The body carries
/// `model`, `messages` (system / user / assistant, each with a string `content`), `max_tokens`, `temperature`, `p`
/// (topP), `k` (topK) and `stream`; parameters the request leaves unset are left out so Cohere's defaults apply.
/// Cohere rejects a system turn anywhere but first ("system turn must be the first in the list"), so the request's
/// system instruction and any system messages of the conversation become ONE leading system message.
///
/// Models are listed with `GET {base}/v1/models?endpoint=chat&page_size=1000` (models[].name): the endpoint filter
/// keeps embed and rerank models out of a chat model picker, and 1000 is the API's largest page.
///
/// The API versions live in the path (v2 for chat, v1 for models), so a base_url ending in "/v1" or "/v2" (as some
/// SDKs spell it) is reduced to its root before the path is added.
class CohereClient : public ProviderClient {
public:
    static constexpr QLatin1String DefaultBaseUrl{"https://api.cohere.com"};

    QString kind() const override { return QStringLiteral("cohere"); }
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

    /// `{base}/{path}` for @p provider, e.g. path "v2/chat"; an error naming the provider when base_url is unusable.
    static Result<QUrl> endpoint(const ProviderSpec &provider, const QString &path);

private:
    static void setAuthorization(QNetworkRequest &request, const Secret &apiKey);
};

}  // namespace Switchyard
