#include "core/routing/CircuitBreaker.h"

#include <algorithm>
#include <cmath>

namespace Switchyard {

namespace {

qint64 secondsToMs(int seconds)
{
    return qint64(std::max(0, seconds)) * 1000;
}

}  // namespace

CircuitBreaker::CircuitBreaker(BreakerKey key, const CircuitBreakerSpec &spec, const Clock *clock, EventSink sink)
    : m_key(std::move(key)), m_spec(spec), m_clock(clock ? clock : Clock::system()), m_sink(std::move(sink))
{
}

bool CircuitBreaker::countsAsFailure(FailureClass outcome)
{
    switch (outcome) {
    case FailureClass::Transient:
    case FailureClass::Timeout:
    case FailureClass::Network:
    case FailureClass::StreamCut:
    case FailureClass::StreamStalled:
    case FailureClass::MalformedResponse:
    case FailureClass::RateLimited:
        return true;
    default:
        return false;
    }
}

bool CircuitBreaker::isOutcome(FailureClass outcome)
{
    return outcome != FailureClass::Cancelled && outcome != FailureClass::CircuitOpen &&
           outcome != FailureClass::RateLimitSkipped;
}

CircuitBreaker::Permit CircuitBreaker::tryAcquire()
{
    const qint64 now = m_clock->monotonicMs();
    advance(now);
    Permit permit;
    permit.generation = m_generation;
    switch (m_state) {
    case BreakerState::Closed:
        permit.kind = Permit::Kind::Normal;
        break;
    case BreakerState::Open:
        permit.kind = Permit::Kind::Rejected;
        permit.retryAfterMs = std::max<qint64>(0, m_openedAtMs + secondsToMs(m_spec.openSeconds) - now);
        break;
    case BreakerState::ForcedOpen:
        permit.kind = Permit::Kind::Rejected;
        break;
    case BreakerState::HalfOpen:
        if (!m_probeInFlight || now - m_probeStartedMs >= secondsToMs(m_spec.openSeconds)) {
            m_probeInFlight = true;
            m_probeStartedMs = now;
            permit.kind = Permit::Kind::Probe;
        } else {
            permit.kind = Permit::Kind::Rejected;
        }
        break;
    }
    return permit;
}

void CircuitBreaker::record(const Permit &permit, FailureClass outcome)
{
    if (!permit.allowed() || permit.generation != m_generation)
        return;
    const qint64 now = m_clock->monotonicMs();
    const bool failed = countsAsFailure(outcome);

    if (m_state == BreakerState::HalfOpen && permit.kind == Permit::Kind::Probe) {
        m_probeInFlight = false;
        if (!isOutcome(outcome))
            return;  // the probe never reached the provider: let the next call probe
        if (failed) {
            m_openedAtMs = now;
            transition(BreakerState::Open, now,
                       QStringLiteral("the half-open probe failed (%1)").arg(failureClassName(outcome)));
        } else {
            clearWindow();
            transition(BreakerState::Closed, now, QStringLiteral("the half-open probe succeeded"));
        }
        return;
    }

    if (m_state != BreakerState::Closed || permit.kind != Permit::Kind::Normal || !isOutcome(outcome))
        return;

    evict(now);
    m_samples.push_back(Sample{now, failed});
    if (failed)
        ++m_failures;

    const int calls = int(m_samples.size());
    const double rate = double(m_failures) / double(calls);
    if (calls >= std::max(1, m_spec.minimumCalls) && rate >= m_spec.failureRateThreshold) {
        const QString reason = QStringLiteral("%1 of %2 calls failed within %3 s (%4 % >= %5 %)")
                                   .arg(m_failures)
                                   .arg(calls)
                                   .arg(m_spec.windowSeconds)
                                   .arg(std::lround(rate * 100.0))
                                   .arg(std::lround(m_spec.failureRateThreshold * 100.0));
        clearWindow();
        m_openedAtMs = now;
        transition(BreakerState::Open, now, reason);
    }
}

BreakerState CircuitBreaker::state()
{
    advance(m_clock->monotonicMs());
    return m_state;
}

int CircuitBreaker::callsInWindow()
{
    evict(m_clock->monotonicMs());
    return int(m_samples.size());
}

int CircuitBreaker::failuresInWindow()
{
    evict(m_clock->monotonicMs());
    return m_failures;
}

void CircuitBreaker::forceOpen(const QString &actor, const QString &reason)
{
    if (m_state == BreakerState::ForcedOpen)
        return;
    const qint64 now = m_clock->monotonicMs();
    clearWindow();
    m_probeInFlight = false;
    transition(BreakerState::ForcedOpen, now, reason, actor);
}

void CircuitBreaker::reset(const QString &actor, const QString &reason)
{
    const qint64 now = m_clock->monotonicMs();
    advance(now);
    clearWindow();
    m_probeInFlight = false;
    if (m_state != BreakerState::Closed)
        transition(BreakerState::Closed, now, reason, actor);
}

void CircuitBreaker::advance(qint64 nowMs)
{
    if (m_state == BreakerState::Open && nowMs - m_openedAtMs >= secondsToMs(m_spec.openSeconds)) {
        m_probeInFlight = false;
        transition(BreakerState::HalfOpen, nowMs,
                   QStringLiteral("open for %1 s; letting one probe through").arg(m_spec.openSeconds));
    }
}

void CircuitBreaker::evict(qint64 nowMs)
{
    const qint64 oldest = nowMs - secondsToMs(m_spec.windowSeconds);
    while (!m_samples.empty() && m_samples.front().atMs <= oldest) {
        if (m_samples.front().failed)
            --m_failures;
        m_samples.pop_front();
    }
}

void CircuitBreaker::clearWindow()
{
    m_samples.clear();
    m_failures = 0;
}

void CircuitBreaker::transition(BreakerState to, qint64 nowMs, const QString &reason, const QString &actor)
{
    BreakerEvent event;
    event.key = m_key;
    event.from = m_state;
    event.to = to;
    event.atMs = nowMs;
    event.at = m_clock->utcNow();
    event.reason = reason;
    event.actor = actor.isEmpty() ? QStringLiteral("auto") : actor;
    m_state = to;
    ++m_generation;
    if (m_sink)
        m_sink(event);
}

}  // namespace Switchyard
