#pragma once

#include "core/routing/CircuitBreaker.h"

#include <QList>
#include <map>
#include <memory>
#include <mutex>

namespace Switchyard {

/**
 * All circuit breakers of an engine, one per BreakerKey, created on first use with the workspace's
 * CircuitBreakerSpec. Thread-safe. Every state change is kept in events() (newest last, at most maxEvents()) until
 * takeEvents() drains it, and handed to the event sink — called outside the registry's lock, so the sink may call
 * back into the registry — for the engine to write to the breaker_events table.
 */
class BreakerRegistry {
public:
    /// A breaker as the studio's Providers page and `switchyard-cli breakers` show it.
    struct Status {
        BreakerKey key;
        BreakerState state = BreakerState::Closed;
        int callsInWindow = 0;
        int failuresInWindow = 0;
    };

    using EventSink = std::function<void(const BreakerEvent &)>;

    /// @p clock null = Clock::system(); it must outlive the registry.
    explicit BreakerRegistry(const CircuitBreakerSpec &spec = {}, const Clock *clock = nullptr);

    /// Settings for breakers created from now on (existing breakers keep theirs until reset via clear()).
    void setSpec(const CircuitBreakerSpec &spec);
    void setEventSink(EventSink sink);

    CircuitBreaker::Permit tryAcquire(const BreakerKey &key);
    void record(const BreakerKey &key, const CircuitBreaker::Permit &permit, FailureClass outcome);
    BreakerState state(const BreakerKey &key);

    /// Admin actions (`switchyard-cli breakers --open ID | --reset ID`).
    void forceOpen(const BreakerKey &key, const QString &actor, const QString &reason);
    void reset(const BreakerKey &key, const QString &actor, const QString &reason);

    /// Every breaker created so far, sorted by key.
    QList<Status> snapshot();

    /// Recorded state changes, oldest first.
    QList<BreakerEvent> events() const;
    QList<BreakerEvent> takeEvents();
    static constexpr int maxEvents() { return 10000; }

    /// Forgets every breaker (and the kept events).
    void clear();

private:
    CircuitBreaker &breakerLocked(const BreakerKey &key);
    void deliver(std::unique_lock<std::mutex> &lock);

    mutable std::mutex m_mutex;
    CircuitBreakerSpec m_spec;
    const Clock *m_clock;
    EventSink m_sink;
    std::map<BreakerKey, std::unique_ptr<CircuitBreaker>> m_breakers;
    QList<BreakerEvent> m_events;
    QList<BreakerEvent> m_pending;
};

}  // namespace Switchyard
