#pragma once

#include "core/model/ChatMessage.h"
#include "core/model/ProviderSpec.h"
#include "core/secrets/Secret.h"

#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

/// One attempt's input to a ProviderClient: which endpoint, which model, the rendered conversation and parameters.
/// The API key arrives already resolved (SecretResolver); adapters only reveal() it into the auth header.
struct ProviderRequest {
    ProviderSpec provider;
    QString model;   ///< provider model id (for Azure: the deployment name)
    QString region;  ///< empty = provider.region
    QString system;  ///< rendered system instruction; empty = none
    QList<ChatMessage> messages;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK;  ///< dropped by providers that have no top_k (OpenAI)
    std::optional<int> maxOutputTokens;
    bool stream = true;
    Timeouts timeouts;  ///< enforced by the call; defaults to provider.timeouts when built with fromProvider()
    Secret apiKey;

    /// A request with the provider's own timeouts.
    static ProviderRequest fromProvider(const ProviderSpec &spec, const QString &model)
    {
        ProviderRequest request;
        request.provider = spec;
        request.model = model;
        request.region = spec.region;
        request.timeouts = spec.timeouts;
        return request;
    }
};

}  // namespace Switchyard
