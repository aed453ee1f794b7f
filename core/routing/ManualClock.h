#pragma once

#include "core/routing/Clock.h"

#include <atomic>

namespace Switchyard {

/**
 * A clock that only moves when told to: for tests and simulations. advance() moves the monotonic time and the wall
 * time together, so an HTTP date "30 s from now" and a 30 s wait agree.
 */
class ManualClock final : public Clock {
public:
    /// Starts at monotonic @p startMs and wall time @p startUtc (default 2026-01-01T00:00:00Z).
    explicit ManualClock(qint64 startMs = 0, QDateTime startUtc = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC))
        : m_nowMs(startMs), m_startMs(startMs), m_startUtc(std::move(startUtc))
    {
    }

    qint64 monotonicMs() const override { return m_nowMs.load(); }
    QDateTime utcNow() const override { return m_startUtc.addMSecs(m_nowMs.load() - m_startMs); }

    /// Moves both clocks forward by @p ms (negative values are ignored: monotonic time never goes back).
    void advance(qint64 ms)
    {
        if (ms > 0)
            m_nowMs.fetch_add(ms);
    }

private:
    std::atomic<qint64> m_nowMs;
    qint64 m_startMs;
    QDateTime m_startUtc;
};

}  // namespace Switchyard
