#pragma once

#include "core/model/ProviderSpec.h"
#include "core/routing/Clock.h"

#include <mutex>

namespace Switchyard {

/**
 * A provider's local rate limits as two token buckets — requests per minute and tokens per minute (0 = unlimited) —
 * that start full and refill continuously (rpm/60000 requests and tpm/60000 tokens per ms). Thread-safe.
 *
 * tryAcquire() reserves one request and the call's estimated tokens; when the buckets are short it says how long
 * until they would not be, and reserves only if that wait is within the caller's maxWaitMs (the caller waits, then
 * calls without asking again). settle() corrects the tokens bucket once the real usage is known.
 */
class RateLimiter {
public:
    struct Acquisition {
        bool granted = false;  ///< true: the request and tokens are reserved; go after waitMs
        qint64 waitMs = 0;     ///< how long until the buckets allow the call (0 = now)
    };

    /// @p clock null = Clock::system(); it must outlive the limiter.
    explicit RateLimiter(const RateLimits &limits = {}, const Clock *clock = nullptr);

    const RateLimits &limits() const { return m_limits; }

    /// Replaces the limits and refills both buckets.
    void setLimits(const RateLimits &limits);

    /**
     * Reserves one request and @p estimatedTokens if the buckets allow it within @p maxWaitMs; otherwise reserves
     * nothing and returns granted = false with the wait that would be needed. A call larger than the whole tokens
     * bucket is admitted when the bucket is full (it then runs into debt) rather than never.
     */
    Acquisition tryAcquire(int estimatedTokens, qint64 maxWaitMs = 0);

    /// After the call: gives back (or takes) the difference between the estimate and the @p actualTokens used.
    void settle(int estimatedTokens, int actualTokens);

    /// What the buckets hold now (may be negative after a wait reservation or an underestimate; infinity when
    /// unlimited).
    double availableRequests();
    double availableTokens();

private:
    struct Bucket {
        double capacity = 0;  ///< 0 = unlimited
        double level = 0;
        double perMs = 0;
    };

    void refill(qint64 nowMs);
    static qint64 waitFor(const Bucket &bucket, double needed);

    mutable std::mutex m_mutex;
    RateLimits m_limits;
    const Clock *m_clock;
    Bucket m_requests;
    Bucket m_tokens;
    qint64 m_lastRefillMs = 0;
};

}  // namespace Switchyard
