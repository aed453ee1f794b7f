#include "core/store/BudgetRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"

namespace Switchyard {

using namespace SqlSupport;

namespace {

/// The only period the budgets have today; the column exists so weekly or monthly ones need no migration.
const QString Daily = QStringLiteral("daily");

Budget budgetFromRow(const QSqlQuery &query)
{
    Budget budget;
    budget.id = query.value(0).toLongLong();
    budget.scope = Budget::scopeFromName(query.value(1).toString()).value_or(Budget::Scope::Workspace);
    budget.scopeRef = query.value(2).toString();
    budget.maxTokens = optionalInt64(query.value(3));
    budget.maxCostUsd = optionalDouble(query.value(4));
    budget.created = fromDbTimestamp(query.value(5));
    budget.updated = fromDbTimestamp(query.value(6));
    return budget;
}

QString describe(Budget::Scope scope, const QString &scopeRef)
{
    return scope == Budget::Scope::Workspace ? QStringLiteral("the workspace")
                                             : QStringLiteral("%1 '%2'").arg(Budget::scopeName(scope), scopeRef);
}

Result<void> validate(const Budget &budget)
{
    const bool needsRef = budget.scope != Budget::Scope::Workspace;
    if (needsRef && budget.scopeRef.trimmed().isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("A %1 budget needs the %2 it applies to.")
                               .arg(Budget::scopeName(budget.scope), budget.scope == Budget::Scope::Bot
                                                                         ? QStringLiteral("bot slug")
                                                                         : QStringLiteral("user ref")));
    }
    if (!needsRef && !budget.scopeRef.isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The workspace budget applies to every call; leave its ref empty."));
    }
    if (!budget.maxTokens && !budget.maxCostUsd) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The budget of %1 limits nothing; give a daily token limit, a daily cost "
                                          "limit or both (or remove the budget).")
                               .arg(describe(budget.scope, budget.scopeRef)));
    }
    if ((budget.maxTokens && *budget.maxTokens < 0) || (budget.maxCostUsd && *budget.maxCostUsd < 0)) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The budget of %1 has a negative limit; give 0 or more.")
                               .arg(describe(budget.scope, budget.scopeRef)));
    }
    return {};
}

}  // namespace

BudgetRepository::BudgetRepository(Database &database) : m_database(database) {}

Result<Budget> BudgetRepository::set(const Budget &budget)
{
    SWITCHYARD_TRY(validate(budget));
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QVariant now = toDbTimestamp(nowUtc());
    const QString scope = Budget::scopeName(budget.scope);
    auto saved = run(*db,
                     QStringLiteral("INSERT INTO budgets (scope, scope_ref, period, max_tokens, max_cost_usd, "
                                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (scope, scope_ref, period) DO UPDATE SET "
                                    "max_tokens = excluded.max_tokens, max_cost_usd = excluded.max_cost_usd, "
                                    "updated_at = excluded.updated_at"),
                     {scope, budget.scopeRef, Daily, nullable(budget.maxTokens), nullable(budget.maxCostUsd), now, now},
                     QStringLiteral("save the budget of %1").arg(describe(budget.scope, budget.scopeRef)));
    if (!saved)
        return saved.error();
    auto stored = get(budget.scope, budget.scopeRef);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error::make(Error::Code::Internal, QStringLiteral("A saved budget could not be read back."));
    return **stored;
}

Result<std::optional<Budget>> BudgetRepository::get(Budget::Scope scope, const QString &scopeRef)
{
    auto budgets = select(QStringLiteral("scope = ? AND scope_ref = ? AND period = ?"),
                          {Budget::scopeName(scope), scopeRef, Daily});
    if (!budgets)
        return budgets.error();
    if (budgets->isEmpty())
        return std::optional<Budget>();
    return std::optional<Budget>(budgets->constFirst());
}

Result<bool> BudgetRepository::remove(Budget::Scope scope, const QString &scopeRef)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto removed = run(*db, QStringLiteral("DELETE FROM budgets WHERE scope = ? AND scope_ref = ? AND period = ?"),
                       {Budget::scopeName(scope), scopeRef, Daily},
                       QStringLiteral("remove the budget of %1").arg(describe(scope, scopeRef)));
    if (!removed)
        return removed.error();
    return removed->numRowsAffected() > 0;
}

Result<QList<Budget>> BudgetRepository::list()
{
    return select(QStringLiteral("period = ?"), {Daily});
}

Result<QList<Budget>> BudgetRepository::select(const QString &where, const QVariantList &values)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT id, scope, scope_ref, max_tokens, max_cost_usd, created_at, updated_at "
                                    "FROM budgets WHERE %1 ORDER BY CASE scope WHEN 'workspace' THEN 0 "
                                    "WHEN 'bot' THEN 1 ELSE 2 END, scope_ref")
                         .arg(where),
                     values, QStringLiteral("read the budgets"));
    if (!query)
        return query.error();
    QList<Budget> budgets;
    while (query->next())
        budgets.append(budgetFromRow(*query));
    return budgets;
}

}  // namespace Switchyard
