#include "core/routing/RateLimiterRegistry.h"

namespace Switchyard {

RateLimiterRegistry::RateLimiterRegistry(const Clock *clock) : m_clock(clock ? clock : Clock::system()) {}

void RateLimiterRegistry::configure(const ProvidersConfig &config)
{
    std::lock_guard lock(m_mutex);
    for (const ProviderSpec &provider : config.providers) {
        auto it = m_limiters.find(provider.id);
        if (it == m_limiters.end())
            m_limiters.emplace(provider.id, std::make_unique<RateLimiter>(provider.rateLimits, m_clock));
        else if (it->second->limits() != provider.rateLimits)
            it->second->setLimits(provider.rateLimits);
    }
}

RateLimiter &RateLimiterRegistry::limiter(const QString &providerId)
{
    std::lock_guard lock(m_mutex);
    auto it = m_limiters.find(providerId);
    if (it == m_limiters.end())
        it = m_limiters.emplace(providerId, std::make_unique<RateLimiter>(RateLimits{}, m_clock)).first;
    return *it->second;
}

}  // namespace Switchyard
