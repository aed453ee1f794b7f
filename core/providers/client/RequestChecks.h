#pragma once

#include "core/common/Result.h"
#include "core/model/ChatMessage.h"

#include <QList>
#include <QStringList>
#include <QUrl>

namespace Switchyard {

class Secret;
struct ProviderRequest;
struct ProviderSpec;

/// The checks and reshaping every adapter's prepare() starts with, so each wire format says the same thing the same
/// way and only its own differences live in its client.
namespace RequestChecks {

/// Error::InvalidInput naming @p providerId when @p model is empty.
Result<void> requireModel(const QString &model, const QString &providerId);

/// Error::InvalidInput naming @p providerId when @p key is empty; @p forModelList says the key is needed to list
/// models.
Result<void> requireKey(const Secret &key, const QString &providerId, bool forModelList = false);

/// @p provider's base_url (trimmed; @p defaultUrl when empty) as an http(s) URL with a host and no query (a query can
/// carry a key into logs), its path without trailing '/' so a leaf can be appended. Error::InvalidInput naming the
/// provider and its kind otherwise, or when both base_url and @p defaultUrl are empty.
Result<QUrl> baseUrl(const ProviderSpec &provider, const QString &defaultUrl);

/// True when @p path ends in an API version segment ("/v1", "/v1beta", "/v2alpha1"), optionally followed by '/'.
bool endsInVersion(const QString &path);

/// A conversation for APIs whose system instruction is a top-level field (Anthropic, Bedrock, Cohere's leading
/// message): the rendered instruction and every system-role message in order, and the user/assistant turns.
struct SplitConversation {
    QStringList system;
    QList<ChatMessage> turns;
};

/// Splits @p request; Error::InvalidInput naming @p apiName ("the Anthropic Messages API") when no user or assistant
/// turn is left, which every chat API refuses.
Result<SplitConversation> splitSystem(const ProviderRequest &request, const QString &apiName);

}  // namespace RequestChecks
}  // namespace Switchyard
