#include "core/routing/CallBudget.h"

#include <algorithm>
#include <limits>

namespace Switchyard {

CallBudget::CallBudget(qint64 totalMs, int maxAttemptsPerHop, const Clock *clock)
    : m_clock(clock ? clock : Clock::system()), m_startMs(m_clock->monotonicMs()),
      m_totalMs(std::max<qint64>(0, totalMs)), m_maxAttemptsPerHop(std::max(1, maxAttemptsPerHop))
{
}

qint64 CallBudget::elapsedMs() const
{
    return std::max<qint64>(0, m_clock->monotonicMs() - m_startMs);
}

qint64 CallBudget::remainingMs() const
{
    if (m_totalMs <= 0)
        return std::numeric_limits<qint64>::max() / 2;
    return std::max<qint64>(0, m_totalMs - elapsedMs());
}

qint64 CallBudget::capTimeout(qint64 timeoutMs) const
{
    const qint64 remaining = remainingMs();
    return timeoutMs <= 0 ? remaining : std::min(timeoutMs, remaining);
}

bool CallBudget::beginAttempt(int hopIndex)
{
    if (expired())
        return false;
    int &attempts = m_attempts[hopIndex];
    if (attempts >= m_maxAttemptsPerHop)
        return false;
    ++attempts;
    ++m_totalAttempts;
    return true;
}

}  // namespace Switchyard
