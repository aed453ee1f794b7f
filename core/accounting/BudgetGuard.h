#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace Switchyard {

class Clock;
class Database;

/// What BudgetGuard decided for one call, with the numbers behind it.
struct BudgetDecision {
    bool allowed = true;
    QString message;  ///< why the call is refused; empty when allowed
    qint64 usedTokens = 0;
    qint64 usedCostNanoUsd = 0;  ///< 1e-9 USD, the precision of calls.cost_usd (CostCalculator)
    std::optional<qint64> maxTokens;
    std::optional<qint64> maxCostNanoUsd;
    QDateTime dayStart;  ///< UTC: the budget day the usage was counted in, [dayStart, dayEnd)
    QDateTime dayEnd;
};

/**
 * Checks a bot's daily token and cost budget before a call is made.
 *
 * Today's usage is CallUsageRepository::botUsage() over the budget day: the bot's recorded calls of every status (a
 * failed call counts only the tokens a provider billed for it), demo rows left out. The budget day runs from midnight
 * to midnight in @p dayZone (UTC by default), read from an injectable Clock so tests cross midnight without waiting. A
 * bot without a budget is always allowed.
 *
 * The guard sees only calls the UsageRecorder has written; calls still in its queue (at most its maxDelayMs, 250 ms
 * by default) are not counted yet.
 */
class BudgetGuard {
public:
    explicit BudgetGuard(Database &database, const Clock *clock = nullptr, QTimeZone dayZone = QTimeZone::utc());

    /// Decides whether a call of @p botSlug that needs about @p estimatedTokens tokens (and @p estimatedCostUsd)
    /// fits today's budget: refused when the bot has already reached a limit, or when the estimate would take it
    /// past one. Error::NotFound for an unknown bot; the decision otherwise.
    Result<BudgetDecision> check(const QString &botSlug, qint64 estimatedTokens, double estimatedCostUsd = 0.0) const;

    /// check(), as an Error (Error::Conflict with the decision's message) when the call is refused.
    Result<void> enforce(const QString &botSlug, qint64 estimatedTokens, double estimatedCostUsd = 0.0) const;

    /// The budget day that contains @p utcNow, as a UTC [start, end) pair.
    std::pair<QDateTime, QDateTime> dayContaining(const QDateTime &utcNow) const;

private:
    Database &m_database;
    const Clock *m_clock;
    QTimeZone m_dayZone;
};

}  // namespace Switchyard
