#pragma once

#include "core/model/ChatMessage.h"

#include <QList>
#include <QString>

namespace Switchyard {

/// What an engine call sent to the provider, as rendered: the system instruction and the conversation (earlier turns
/// and the user's message). Stored per call (`call_prompts`, texts deduplicated in `prompt_texts`), so a call's
/// details show the exact prompt rather than its version's template. Holds prompt text only, never request headers
/// or keys.
struct SentPrompt {
    QString system;
    QList<ChatMessage> messages;

    /// The last user message: the question this call answered. Empty when there is none.
    QString lastUserMessage() const
    {
        for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
            if (it->role == ChatMessage::Role::User)
                return it->content;
        }
        return {};
    }

    bool operator==(const SentPrompt &) const = default;
};

}  // namespace Switchyard
