#pragma once

#include <QList>
#include <QString>

namespace Switchyard {

/// One message of a conversation as the engine passes it to providers.
struct ChatMessage {
    enum class Role { System, User, Assistant };

    Role role = Role::User;
    QString content;

    bool operator==(const ChatMessage &) const = default;

    /// "system", "user", "assistant" (the OpenAI spelling; adapters map to their own).
    static QString roleName(Role role)
    {
        switch (role) {
        case Role::System:
            return QStringLiteral("system");
        case Role::User:
            return QStringLiteral("user");
        case Role::Assistant:
            return QStringLiteral("assistant");
        }
        return {};
    }
};

}  // namespace Switchyard
