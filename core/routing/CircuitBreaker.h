#pragma once

#include "core/model/FailureClass.h"
#include "core/model/ProviderSpec.h"
#include "core/routing/BreakerEvent.h"
#include "core/routing/BreakerKey.h"
#include "core/routing/Clock.h"

#include <deque>
#include <functional>

namespace Switchyard {

/**
 * A circuit breaker for one provider + model (+ region), DESIGN.md "Fallback behaviour":
 * - Closed: calls pass. Outcomes are counted in a sliding window of CircuitBreakerSpec::windowSeconds; when the window
 *   holds at least minimumCalls outcomes and the failure rate reaches failureRateThreshold, the breaker opens.
 * - Open: tryAcquire() rejects at once until openSeconds have passed, then the breaker is half-open.
 * - HalfOpen: exactly one probe passes (others are rejected while it runs); its success closes the breaker with an
 *   empty window, its failure opens it again for another openSeconds. A probe that never reports back is considered
 *   lost after openSeconds and another probe is allowed.
 * - ForcedOpen: an admin opened it; only reset() closes it.
 *
 * Only failures that say something about the provider's health count (countsAsFailure()); Cancelled, CircuitOpen
 * and RateLimitSkipped are not outcomes at all; everything else (success, validation, content filter, context too
 * long, authentication, quota) counts as a call that did not fail.
 *
 * Outcomes are reported with the Permit that admitted the call; a permit from before the last state change is
 * ignored, so a slow call admitted while closed cannot close or re-open a breaker that has moved on.
 *
 * Not thread-safe on its own: BreakerRegistry serialises access.
 */
class CircuitBreaker {
public:
    /// The answer of tryAcquire().
    struct Permit {
        enum class Kind { Rejected, Normal, Probe };
        Kind kind = Kind::Rejected;
        quint64 generation = 0;
        qint64 retryAfterMs = 0;  ///< when rejected while Open: ms until a probe may pass; 0 otherwise
        bool allowed() const { return kind != Kind::Rejected; }
    };

    using EventSink = std::function<void(const BreakerEvent &)>;

    /// @p clock null = Clock::system(); the clock must outlive the breaker. @p sink receives every state change.
    CircuitBreaker(BreakerKey key, const CircuitBreakerSpec &spec, const Clock *clock = nullptr, EventSink sink = {});

    const BreakerKey &key() const { return m_key; }
    const CircuitBreakerSpec &spec() const { return m_spec; }

    /// May a call go to this hop now? Moves Open → HalfOpen when the open period is over.
    Permit tryAcquire();

    /// Reports how the call admitted by @p permit ended (FailureClass::None = success).
    void record(const Permit &permit, FailureClass outcome);

    /// The current state (moves Open → HalfOpen when the open period is over).
    BreakerState state();

    /// Outcomes and failures currently in the sliding window (Closed state only; 0 otherwise).
    int callsInWindow();
    int failuresInWindow();

    /// Opens the breaker until reset(); recorded with @p actor and @p reason.
    void forceOpen(const QString &actor, const QString &reason);

    /// Closes the breaker and empties its window; recorded with @p actor and @p reason when the state changes.
    void reset(const QString &actor, const QString &reason);

    /// True for the failures that count against a provider's health: Transient, Timeout, Network, StreamCut,
    /// StreamStalled, MalformedResponse, RateLimited.
    static bool countsAsFailure(FailureClass outcome);

    /// False for "outcomes" that are not calls at all: Cancelled, CircuitOpen, RateLimitSkipped.
    static bool isOutcome(FailureClass outcome);

private:
    struct Sample {
        qint64 atMs;
        bool failed;
    };

    void advance(qint64 nowMs);
    void evict(qint64 nowMs);
    void clearWindow();
    void transition(BreakerState to, qint64 nowMs, const QString &reason,
                    const QString &actor = QStringLiteral("auto"));

    BreakerKey m_key;
    CircuitBreakerSpec m_spec;
    const Clock *m_clock;
    EventSink m_sink;

    BreakerState m_state = BreakerState::Closed;
    quint64 m_generation = 1;
    qint64 m_openedAtMs = 0;
    bool m_probeInFlight = false;
    qint64 m_probeStartedMs = 0;
    std::deque<Sample> m_samples;
    int m_failures = 0;
};

}  // namespace Switchyard
