#pragma once

#include "core/common/Result.h"
#include "core/model/Budget.h"

#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// Daily token and cost budgets for the workspace, a bot (by slug) or a user (by user ref). One budget per scope.
class BudgetRepository {
public:
    explicit BudgetRepository(Database &database);

    /// Creates or replaces the budget of @p budget's scope and returns it as stored.
    /// Error::InvalidInput when it limits nothing, a limit is negative, or the scope ref is missing (bot, user) or
    /// given (workspace).
    Result<Budget> set(const Budget &budget);

    /// The budget of a scope; empty when there is none.
    Result<std::optional<Budget>> get(Budget::Scope scope, const QString &scopeRef = {});

    /// Removes the budget of a scope. Returns false when there was none.
    Result<bool> remove(Budget::Scope scope, const QString &scopeRef = {});

    /// Every budget: workspace first, then bots, then users, each by ref.
    Result<QList<Budget>> list();

private:
    Result<QList<Budget>> select(const QString &where, const QVariantList &values);

    Database &m_database;
};

}  // namespace Switchyard
