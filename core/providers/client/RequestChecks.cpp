#include "core/providers/client/RequestChecks.h"

#include "core/providers/client/ProviderRequest.h"
#include "core/secrets/Secret.h"

namespace Switchyard::RequestChecks {

Result<void> requireModel(const QString &model, const QString &providerId)
{
    if (!model.isEmpty())
        return {};
    return Error::make(
        Error::Code::InvalidInput,
        QStringLiteral("No model is set for provider \"%1\". Choose a model in the LLM config.").arg(providerId));
}

Result<void> requireKey(const Secret &key, const QString &providerId, bool forModelList)
{
    if (!key.isEmpty())
        return {};
    return Error::make(Error::Code::InvalidInput,
                       QStringLiteral("Provider \"%1\" needs an API key%2. Set api_key in providers.yaml.")
                           .arg(providerId, forModelList ? QStringLiteral(" to list its models") : QString()));
}

Result<SplitConversation> splitSystem(const ProviderRequest &request, const QString &apiName)
{
    SplitConversation split;
    if (!request.system.isEmpty())
        split.system.append(request.system);
    for (const ChatMessage &message : request.messages) {
        if (message.role != ChatMessage::Role::System)
            split.turns.append(message);
        else if (!message.content.isEmpty())
            split.system.append(message.content);
    }
    if (split.turns.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The request to provider \"%1\" has no user or assistant message; %2 needs "
                                          "at least one. Add a user message.")
                               .arg(request.provider.id, apiName));
    return split;
}

}  // namespace Switchyard::RequestChecks
