#include "core/routing/BreakerRegistry.h"

namespace Switchyard {

BreakerRegistry::BreakerRegistry(const CircuitBreakerSpec &spec, const Clock *clock)
    : m_spec(spec), m_clock(clock ? clock : Clock::system())
{
}

void BreakerRegistry::setSpec(const CircuitBreakerSpec &spec)
{
    std::lock_guard lock(m_mutex);
    m_spec = spec;
}

void BreakerRegistry::setEventSink(EventSink sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
}

CircuitBreaker &BreakerRegistry::breakerLocked(const BreakerKey &key)
{
    auto it = m_breakers.find(key);
    if (it == m_breakers.end()) {
        auto breaker = std::make_unique<CircuitBreaker>(key, m_spec, m_clock,
                                                        [this](const BreakerEvent &event) { m_pending.append(event); });
        it = m_breakers.emplace(key, std::move(breaker)).first;
    }
    return *it->second;
}

void BreakerRegistry::deliver(std::unique_lock<std::mutex> &lock)
{
    if (m_pending.isEmpty())
        return;
    const QList<BreakerEvent> pending = std::exchange(m_pending, {});
    m_events.append(pending);
    if (m_events.size() > maxEvents())
        m_events.remove(0, m_events.size() - maxEvents());
    const EventSink sink = m_sink;
    lock.unlock();
    if (sink) {
        for (const BreakerEvent &event : pending)
            sink(event);
    }
}

CircuitBreaker::Permit BreakerRegistry::tryAcquire(const BreakerKey &key)
{
    std::unique_lock lock(m_mutex);
    const CircuitBreaker::Permit permit = breakerLocked(key).tryAcquire();
    deliver(lock);
    return permit;
}

void BreakerRegistry::record(const BreakerKey &key, const CircuitBreaker::Permit &permit, FailureClass outcome)
{
    std::unique_lock lock(m_mutex);
    breakerLocked(key).record(permit, outcome);
    deliver(lock);
}

BreakerState BreakerRegistry::state(const BreakerKey &key)
{
    std::unique_lock lock(m_mutex);
    const BreakerState state = breakerLocked(key).state();
    deliver(lock);
    return state;
}

void BreakerRegistry::forceOpen(const BreakerKey &key, const QString &actor, const QString &reason)
{
    std::unique_lock lock(m_mutex);
    breakerLocked(key).forceOpen(actor, reason);
    deliver(lock);
}

void BreakerRegistry::reset(const BreakerKey &key, const QString &actor, const QString &reason)
{
    std::unique_lock lock(m_mutex);
    breakerLocked(key).reset(actor, reason);
    deliver(lock);
}

QList<BreakerRegistry::Status> BreakerRegistry::snapshot()
{
    std::unique_lock lock(m_mutex);
    QList<Status> result;
    result.reserve(qsizetype(m_breakers.size()));
    for (auto &[key, breaker] : m_breakers)
        result.append(Status{key, breaker->state(), breaker->callsInWindow(), breaker->failuresInWindow()});
    deliver(lock);
    return result;
}

QList<BreakerEvent> BreakerRegistry::events() const
{
    std::lock_guard lock(m_mutex);
    return m_events;
}

QList<BreakerEvent> BreakerRegistry::takeEvents()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_events, {});
}

void BreakerRegistry::clear()
{
    std::lock_guard lock(m_mutex);
    m_breakers.clear();
    m_events.clear();
    m_pending.clear();
}

}  // namespace Switchyard
