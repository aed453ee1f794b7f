#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace Switchyard {

/// A daily limit on tokens and/or cost (row of `budgets`) for the whole workspace, one bot or one user.
struct Budget {
    enum class Scope {
        Workspace,  ///< "workspace": every call; scopeRef is empty
        Bot,        ///< "bot": scopeRef is the bot's slug
        User,       ///< "user": scopeRef is the user ref
    };

    qint64 id = 0;
    Scope scope = Scope::Bot;
    QString scopeRef;
    std::optional<qint64> maxTokens;   ///< empty = no token limit
    std::optional<double> maxCostUsd;  ///< empty = no cost limit
    QDateTime created;
    QDateTime updated;

    /// "workspace", "bot" or "user" (the stored spelling).
    static QString scopeName(Scope scope)
    {
        switch (scope) {
        case Scope::Workspace:
            return QStringLiteral("workspace");
        case Scope::Bot:
            return QStringLiteral("bot");
        case Scope::User:
            return QStringLiteral("user");
        }
        return {};
    }

    static std::optional<Scope> scopeFromName(const QString &name)
    {
        for (Scope scope : {Scope::Workspace, Scope::Bot, Scope::User}) {
            if (scopeName(scope) == name)
                return scope;
        }
        return std::nullopt;
    }
};

}  // namespace Switchyard
