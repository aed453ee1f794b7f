#include "core/routing/RateLimiter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Switchyard {

namespace {

constexpr double kMinuteMs = 60000.0;

}  // namespace

RateLimiter::RateLimiter(const RateLimits &limits, const Clock *clock) : m_clock(clock ? clock : Clock::system())
{
    setLimits(limits);
}

void RateLimiter::setLimits(const RateLimits &limits)
{
    std::lock_guard lock(m_mutex);
    m_limits = limits;
    const auto make = [](int perMinute) {
        Bucket bucket;
        bucket.capacity = std::max(0, perMinute);
        bucket.level = bucket.capacity;
        bucket.perMs = bucket.capacity / kMinuteMs;
        return bucket;
    };
    m_requests = make(limits.requestsPerMinute);
    m_tokens = make(limits.tokensPerMinute);
    m_lastRefillMs = m_clock->monotonicMs();
}

void RateLimiter::refill(qint64 nowMs)
{
    const qint64 elapsed = nowMs - m_lastRefillMs;
    if (elapsed <= 0)
        return;
    m_lastRefillMs = nowMs;
    for (Bucket *bucket : {&m_requests, &m_tokens}) {
        if (bucket->capacity > 0)
            bucket->level = std::min(bucket->capacity, bucket->level + double(elapsed) * bucket->perMs);
    }
}

qint64 RateLimiter::waitFor(const Bucket &bucket, double needed)
{
    if (bucket.capacity <= 0)
        return 0;
    const double target = std::min(needed, bucket.capacity);
    const double deficit = target - bucket.level;
    if (deficit <= 1e-9)
        return 0;
    return qint64(std::ceil(deficit / bucket.perMs - 1e-9));
}

RateLimiter::Acquisition RateLimiter::tryAcquire(int estimatedTokens, qint64 maxWaitMs)
{
    std::lock_guard lock(m_mutex);
    refill(m_clock->monotonicMs());
    const double tokens = std::max(0, estimatedTokens);
    const qint64 wait = std::max(waitFor(m_requests, 1.0), waitFor(m_tokens, tokens));
    if (wait > std::max<qint64>(0, maxWaitMs))
        return Acquisition{false, wait};
    if (m_requests.capacity > 0)
        m_requests.level -= 1.0;
    if (m_tokens.capacity > 0)
        m_tokens.level -= tokens;
    return Acquisition{true, wait};
}

void RateLimiter::settle(int estimatedTokens, int actualTokens)
{
    std::lock_guard lock(m_mutex);
    refill(m_clock->monotonicMs());
    if (m_tokens.capacity <= 0)
        return;
    const double correction = double(std::max(0, estimatedTokens)) - double(std::max(0, actualTokens));
    m_tokens.level = std::min(m_tokens.capacity, m_tokens.level + correction);
}

double RateLimiter::availableRequests()
{
    std::lock_guard lock(m_mutex);
    refill(m_clock->monotonicMs());
    return m_requests.capacity > 0 ? m_requests.level : std::numeric_limits<double>::infinity();
}

double RateLimiter::availableTokens()
{
    std::lock_guard lock(m_mutex);
    refill(m_clock->monotonicMs());
    return m_tokens.capacity > 0 ? m_tokens.level : std::numeric_limits<double>::infinity();
}

}  // namespace Switchyard
