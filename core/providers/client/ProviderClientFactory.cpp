#include "core/providers/client/ProviderClientFactory.h"

#include "core/providers/anthropic/AnthropicClient.h"
#include "core/providers/bedrock/BedrockClient.h"
#include "core/providers/client/OllamaChatClient.h"
#include "core/providers/client/OpenAiChatClient.h"
#include "core/providers/cohere/CohereClient.h"
#include "core/providers/gemini/GeminiClient.h"
#include "core/providers/simulator/SimulatorClient.h"

namespace Switchyard {

std::unique_ptr<ProviderClient> ProviderClientFactory::create(const QString &kind)
{
    if (OpenAiChatClient::kinds().contains(kind))
        return std::make_unique<OpenAiChatClient>(kind);
    if (kind == QLatin1String("ollama"))
        return std::make_unique<OllamaChatClient>();
    if (kind == QLatin1String("anthropic"))
        return std::make_unique<AnthropicClient>();
    if (kind == QLatin1String("gemini"))
        return std::make_unique<GeminiClient>();
    if (kind == QLatin1String("bedrock"))
        return std::make_unique<BedrockClient>();
    if (kind == QLatin1String("cohere"))
        return std::make_unique<CohereClient>();
    if (kind == QLatin1String("simulator"))
        return std::make_unique<SimulatorClient>();
    return nullptr;
}

QStringList ProviderClientFactory::supportedKinds()
{
    return OpenAiChatClient::kinds() << QStringLiteral("ollama") << QStringLiteral("anthropic")
                                     << QStringLiteral("gemini") << QStringLiteral("bedrock")
                                     << QStringLiteral("cohere") << QStringLiteral("simulator");
}

}  // namespace Switchyard
