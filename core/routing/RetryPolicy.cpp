#include "core/routing/RetryPolicy.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace Switchyard {

namespace {

constexpr qint64 kBaseBackoffMs = 500;
constexpr qint64 kMaxBackoffMs = 8000;

double defaultRandom()
{
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

RetryDecision make(RetryDecision::Action action, QString reason, qint64 delayMs = 0)
{
    return RetryDecision{action, delayMs, std::move(reason)};
}

}  // namespace

RetryPolicy::RetryPolicy(int maxAttemptsPerHop, Random random)
    : m_maxAttemptsPerHop(std::max(1, maxAttemptsPerHop)), m_random(random ? std::move(random) : Random(&defaultRandom))
{
}

qint64 RetryPolicy::backoffCeilingMs(int retryIndex)
{
    if (retryIndex <= 0)
        return kBaseBackoffMs;
    if (retryIndex >= 5)  // 0.5 · 2^5 = 16 s > 8 s; also keeps the shift small
        return kMaxBackoffMs;
    return std::min(kMaxBackoffMs, kBaseBackoffMs << retryIndex);
}

qint64 RetryPolicy::backoffMs(int retryIndex) const
{
    const double jitter = std::clamp(m_random(), 0.0, 1.0);
    const double ceiling = double(backoffCeilingMs(retryIndex));
    return qint64(std::llround(ceiling * (1.0 - 0.25 * jitter)));
}

RetryDecision RetryPolicy::decide(FailureClass failure, int attemptsMade, std::optional<qint64> suggestedDelayMs,
                                  qint64 remainingBudgetMs, std::optional<bool> shouldRetry) const
{
    using Action = RetryDecision::Action;
    const QString name = failureClassName(failure);
    if (failure == FailureClass::None)
        return make(Action::Fail, QStringLiteral("the attempt succeeded; there is nothing to retry"));
    if (failure == FailureClass::Cancelled)
        return make(Action::Fail, QStringLiteral("the call was cancelled"));
    if (remainingBudgetMs <= 0)
        return make(Action::Fail, QStringLiteral("%1, and the call's time budget is spent").arg(name));

    if (!isRetryableOnSameHop(failure))
        return make(Action::NextHop, QStringLiteral("%1 is never retried on the same model").arg(name));
    if (shouldRetry == std::optional<bool>(false))
        return make(Action::NextHop, QStringLiteral("%1, and the provider sent x-should-retry: false").arg(name));
    if (attemptsMade >= m_maxAttemptsPerHop) {
        return make(Action::NextHop, QStringLiteral("%1 after %2 of %3 attempts on this hop")
                                         .arg(name)
                                         .arg(attemptsMade)
                                         .arg(m_maxAttemptsPerHop));
    }

    const bool fromProvider = suggestedDelayMs.has_value() && *suggestedDelayMs >= 0;
    const qint64 delay = fromProvider ? *suggestedDelayMs : backoffMs(std::max(0, attemptsMade - 1));
    if (delay >= remainingBudgetMs) {
        return make(Action::NextHop,
                    QStringLiteral("%1; the %2 delay of %3 ms does not fit in the %4 ms left")
                        .arg(name, fromProvider ? QStringLiteral("requested") : QStringLiteral("back-off"))
                        .arg(delay)
                        .arg(remainingBudgetMs));
    }
    return make(Action::RetrySameHop,
                QStringLiteral("%1; retrying the same hop after %2 ms (%3)")
                    .arg(name)
                    .arg(delay)
                    .arg(fromProvider ? QStringLiteral("requested by the provider") : QStringLiteral("back-off")),
                delay);
}

}  // namespace Switchyard
