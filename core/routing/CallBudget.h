#pragma once

#include "core/routing/Clock.h"

#include <QHash>

namespace Switchyard {

/**
 * The limits of one engine call: a wall-clock budget for the whole call (Timeouts::totalMs) and one attempt budget
 * per hop. Retries never multiply: however often the executor comes back to a hop (a restart after a stream cut,
 * say), the attempts it made there count against the same per-hop budget, and every wait counts against the one
 * call budget. Not thread-safe: one call, one owner.
 */
class CallBudget {
public:
    /// Starts now; @p totalMs <= 0 means no time limit. @p clock null = Clock::system().
    explicit CallBudget(qint64 totalMs, int maxAttemptsPerHop = 3, const Clock *clock = nullptr);

    qint64 totalMs() const { return m_totalMs; }
    qint64 elapsedMs() const;

    /// Milliseconds left (never negative); a very large number when there is no time limit.
    qint64 remainingMs() const;
    bool expired() const { return m_totalMs > 0 && remainingMs() <= 0; }

    /// @p timeoutMs capped to what is left, so no per-stage timeout outlives the call (<= 0 = just the remainder).
    qint64 capTimeout(qint64 timeoutMs) const;

    int maxAttemptsPerHop() const { return m_maxAttemptsPerHop; }

    /// Counts an attempt on hop @p hopIndex; false (and nothing counted) when the hop's attempts are used up or the
    /// call's time is.
    bool beginAttempt(int hopIndex);

    /// Attempts made on hop @p hopIndex so far.
    int attemptsOn(int hopIndex) const { return m_attempts.value(hopIndex); }

    /// Attempts made on all hops.
    int totalAttempts() const { return m_totalAttempts; }

private:
    const Clock *m_clock;
    qint64 m_startMs;
    qint64 m_totalMs;
    int m_maxAttemptsPerHop;
    QHash<int, int> m_attempts;
    int m_totalAttempts = 0;
};

}  // namespace Switchyard
