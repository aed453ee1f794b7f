#pragma once

#include "core/providers/client/ProviderClient.h"

namespace Switchyard {

/// Ollama's native chat API (PROVIDERS.md §2): POST {base}/api/chat with {model, messages, options: {temperature,
/// top_p, top_k, num_predict}, stream}, answered with NDJSON when streaming; models from GET {base}/api/tags.
/// The default base is http://localhost:11434. No key is needed; one is sent as a Bearer token when configured
/// (for authenticating proxies in front of Ollama).
class OllamaChatClient : public ProviderClient {
public:
    QString kind() const override { return QStringLiteral("ollama"); }
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

private:
    static Result<QUrl> endpoint(const ProviderSpec &provider, const QString &leaf);
};

}  // namespace Switchyard
