#include "core/accounting/BudgetGuard.h"

#include "core/model/Money.h"
#include "core/routing/Clock.h"
#include "core/store/BotRepository.h"
#include "core/store/BudgetRepository.h"
#include "core/store/CallUsageRepository.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <tuple>

namespace Switchyard {

namespace {

/// "98,500": token counts in messages are read by people.
QString grouped(qint64 value)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({});  // the C locale omits the group separator by default
    return locale.toString(value);
}

QString dollarsFromNano(qint64 nanoUsd)
{
    return MicroUsd::format(qint64(std::llround(double(nanoUsd) / 1000.0)));
}

qint64 nanoFromUsd(double usd)
{
    return qint64(std::llround(usd * 1e9));
}

}  // namespace

BudgetGuard::BudgetGuard(Database &database, const Clock *clock, QTimeZone dayZone)
    : m_database(database), m_clock(clock ? clock : Clock::system()), m_dayZone(std::move(dayZone))
{
}

std::pair<QDateTime, QDateTime> BudgetGuard::dayContaining(const QDateTime &utcNow) const
{
    const QDate day = utcNow.toTimeZone(m_dayZone).date();
    // QDateTime resolves a midnight that a DST change skips to the first valid time after it.
    return {QDateTime(day, QTime(0, 0), m_dayZone).toUTC(), QDateTime(day.addDays(1), QTime(0, 0), m_dayZone).toUTC()};
}

Result<BudgetDecision> BudgetGuard::check(const QString &botSlug, qint64 estimatedTokens, double estimatedCostUsd) const
{
    BotRepository bots(m_database);
    const Result<Bot> bot = bots.bySlug(botSlug);
    if (!bot)
        return bot.error();
    BudgetRepository budgets(m_database);
    const auto budget = budgets.get(Budget::Scope::Bot, botSlug);
    if (!budget)
        return budget.error();

    BudgetDecision decision;
    std::tie(decision.dayStart, decision.dayEnd) = dayContaining(m_clock->utcNow());
    if (!budget->has_value())
        return decision;
    decision.maxTokens = (*budget)->maxTokens;
    if ((*budget)->maxCostUsd)
        decision.maxCostNanoUsd = nanoFromUsd(*(*budget)->maxCostUsd);

    const auto usage = CallUsageRepository(m_database).botUsage(bot->id, decision.dayStart, decision.dayEnd);
    if (!usage)
        return usage.error();
    decision.usedTokens = usage->tokens;
    decision.usedCostNanoUsd = usage->costNanoUsd;

    const QString resets = m_dayZone == QTimeZone::utc()
                               ? QStringLiteral("midnight UTC")
                               : QStringLiteral("midnight %1").arg(QString::fromUtf8(m_dayZone.id()));
    const qint64 tokensNeeded = std::max<qint64>(estimatedTokens, 0);
    if (decision.maxTokens &&
        (decision.usedTokens >= *decision.maxTokens || decision.usedTokens + tokensNeeded > *decision.maxTokens)) {
        decision.allowed = false;
        decision.message = QStringLiteral("bot '%1' has used %2 of its %3 daily tokens")
                               .arg(botSlug, grouped(decision.usedTokens), grouped(*decision.maxTokens));
        if (tokensNeeded > 0)
            decision.message += QStringLiteral("; this call needs about %1 more").arg(grouped(tokensNeeded));
        decision.message += QStringLiteral(". The budget resets at %1.").arg(resets);
        return decision;
    }
    const qint64 costNeeded = std::max<qint64>(nanoFromUsd(estimatedCostUsd), 0);
    if (decision.maxCostNanoUsd && (decision.usedCostNanoUsd >= *decision.maxCostNanoUsd ||
                                    decision.usedCostNanoUsd + costNeeded > *decision.maxCostNanoUsd)) {
        decision.allowed = false;
        decision.message =
            QStringLiteral("bot '%1' has spent %2 of its %3 daily budget")
                .arg(botSlug, dollarsFromNano(decision.usedCostNanoUsd), dollarsFromNano(*decision.maxCostNanoUsd));
        if (costNeeded > 0)
            decision.message += QStringLiteral("; this call costs about %1 more").arg(dollarsFromNano(costNeeded));
        decision.message += QStringLiteral(". The budget resets at %1.").arg(resets);
    }
    return decision;
}

Result<void> BudgetGuard::enforce(const QString &botSlug, qint64 estimatedTokens, double estimatedCostUsd) const
{
    const auto decision = check(botSlug, estimatedTokens, estimatedCostUsd);
    if (!decision)
        return decision.error();
    if (!decision->allowed)
        return Error::make(Error::Code::Conflict, decision->message);
    return {};
}

}  // namespace Switchyard
