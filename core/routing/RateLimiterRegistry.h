#pragma once

#include "core/model/ProviderSpec.h"
#include "core/routing/RateLimiter.h"

#include <QString>
#include <map>
#include <memory>
#include <mutex>

namespace Switchyard {

/**
 * One RateLimiter per provider, with the limits providers.yaml gives it (RateLimits; 0 = unlimited). Thread-safe;
 * the limiters it hands out live as long as the registry (configure() keeps a provider's buckets when its limits are
 * unchanged, so reloading providers.yaml does not forgive recent traffic).
 */
class RateLimiterRegistry {
public:
    /// @p clock null = Clock::system(); it must outlive the registry.
    explicit RateLimiterRegistry(const Clock *clock = nullptr);

    /// Creates or updates the limiter of every provider in @p config.
    void configure(const ProvidersConfig &config);

    /// The limiter of provider @p providerId; an unknown provider gets an unlimited one.
    RateLimiter &limiter(const QString &providerId);

private:
    mutable std::mutex m_mutex;
    const Clock *m_clock;
    std::map<QString, std::unique_ptr<RateLimiter>> m_limiters;
};

}  // namespace Switchyard
