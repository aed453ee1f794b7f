#include "core/providers/client/RequestChecks.h"

#include "core/model/ProviderSpec.h"
#include "core/providers/client/ProviderRequest.h"
#include "core/secrets/Secret.h"

#include <QRegularExpression>

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

Result<QUrl> baseUrl(const ProviderSpec &provider, const QString &defaultUrl)
{
    const QString who = provider.kind.isEmpty()
                            ? QStringLiteral("Provider \"%1\"").arg(provider.id)
                            : QStringLiteral("Provider \"%1\" (%2)").arg(provider.id, provider.kind);
    QString base = provider.baseUrl.trimmed();
    if (base.isEmpty())
        base = defaultUrl;
    if (base.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("%1 has no base_url. Set base_url in providers.yaml.").arg(who));
    QUrl url(base);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty() || url.hasQuery())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("%1 has an invalid base_url. Use an http:// or https:// URL without a "
                                          "query%2.")
                               .arg(who, defaultUrl.isEmpty() ? QString() : QStringLiteral(", e.g. ") + defaultUrl));
    // Stripped in encoded form so the rest of the path keeps its exact bytes (Bedrock signs them).
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

bool endsInVersion(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral(R"(/v[0-9]+(?:beta|alpha)?[0-9]*/?$)"));
    return pattern.match(path).hasMatch();
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
