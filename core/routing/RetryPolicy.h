#pragma once

#include "core/model/FailureClass.h"
#include "core/routing/RetryDecision.h"

#include <functional>
#include <optional>

namespace Switchyard {

/**
 * Decides, after a failed attempt, whether to retry the same hop (and after how long), move on to the next hop, or
 * stop the call — DESIGN.md "Fallback behaviour" and PROVIDERS.md §0:
 * - Transient, RateLimited, Timeout and Network failures are retried on the same hop up to maxAttemptsPerHop()
 *   attempts in all, unless the provider said `x-should-retry: false`. The delay is the provider's (retry-after-ms,
 *   retry-after, Gemini retryDelay) or else exponential back-off min(0.5 · 2^n, 8) s minus up to 25 % jitter.
 *   A delay that does not fit in the call's remaining budget moves to the next hop instead of waiting.
 * - ContextTooLong, ContentFilter, Authentication, Validation, InsufficientQuota, StreamCut, StreamStalled,
 *   MalformedResponse, CircuitOpen and RateLimitSkipped never retry the same model: next hop.
 * - Cancelled, and any failure once the call's budget is spent, stop the call.
 *
 * Deterministic: the jitter source is injectable.
 */
class RetryPolicy {
public:
    /// Returns a uniformly distributed number in [0, 1].
    using Random = std::function<double()>;

    /// @p maxAttemptsPerHop counts the first attempt (3 = one try and two retries); values below 1 become 1.
    /// An empty @p random uses a thread-local Mersenne twister.
    explicit RetryPolicy(int maxAttemptsPerHop = 3, Random random = {});

    int maxAttemptsPerHop() const { return m_maxAttemptsPerHop; }

    /// The back-off ceiling before the @p retryIndex-th retry (0-based): min(0.5 · 2^n, 8) s, in ms.
    static qint64 backoffCeilingMs(int retryIndex);

    /// The ceiling minus up to 25 % jitter: in [0.75 · ceiling, ceiling].
    qint64 backoffMs(int retryIndex) const;

    /**
     * The decision after attempt number @p attemptsMade (1-based, on this hop) failed with @p failure.
     * @param suggestedDelayMs the provider's delay (ProviderResult::retryAfterMs), if any
     * @param remainingBudgetMs what is left of the call's wall-clock budget (CallBudget::remainingMs())
     * @param shouldRetry the provider's `x-should-retry` header, if any: false forbids a retry, true allows one
     *        only for a failure that is retryable at all
     */
    RetryDecision decide(FailureClass failure, int attemptsMade, std::optional<qint64> suggestedDelayMs,
                         qint64 remainingBudgetMs, std::optional<bool> shouldRetry = std::nullopt) const;

private:
    int m_maxAttemptsPerHop;
    Random m_random;
};

}  // namespace Switchyard
