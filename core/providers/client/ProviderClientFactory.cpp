#include "core/providers/client/ProviderClientFactory.h"

#include "core/providers/client/OllamaChatClient.h"
#include "core/providers/client/OpenAiChatClient.h"
#include "core/providers/simulator/SimulatorClient.h"

namespace Switchyard {

std::unique_ptr<ProviderClient> ProviderClientFactory::create(const QString &kind)
{
    if (OpenAiChatClient::kinds().contains(kind))
        return std::make_unique<OpenAiChatClient>(kind);
    if (kind == QLatin1String("ollama"))
        return std::make_unique<OllamaChatClient>();
    if (kind == QLatin1String("simulator"))
        return std::make_unique<SimulatorClient>();
    return nullptr;
}

QStringList ProviderClientFactory::supportedKinds()
{
    return OpenAiChatClient::kinds() << QStringLiteral("ollama") << QStringLiteral("simulator");
}

}  // namespace Switchyard
