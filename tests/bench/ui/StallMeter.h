#pragma once

// The UI benches' stall measurement: a 1 ms heartbeat timer on the measured thread and the gaps between its runs.
#include "tests/bench/BenchSupport.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

namespace Switchyard::Bench {

/// CPU time of this thread in nanoseconds: tells a stall the thread worked through from one the scheduler caused (the
/// machine is shared; a preempted thread shows a long gap with little CPU time in it).
inline qint64 threadCpuNanos()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

/**
 * The longest the thread went without running a 1 ms timer between start() and stop(), with the thread CPU inside
 * that gap and the most CPU inside any gap; report() writes them as counters (max_stall_ms, max_stall_cpu_ms,
 * max_gap_cpu_ms, gaps_over_16ms, gap_p50_us, gap_p99_us).
 */
class StallMeter {
public:
    /// @p onGap (optional) hears each gap's thread CPU in nanoseconds, e.g. for a trace of what filled it.
    explicit StallMeter(std::function<void(qint64 gapCpuNanos)> onGap = {}) : m_onGap(std::move(onGap))
    {
        m_heartbeat.setTimerType(Qt::PreciseTimer);
        m_heartbeat.setInterval(1);
        QObject::connect(&m_heartbeat, &QTimer::timeout, [this] { beat(); });
    }

    void start()
    {
        m_clock.start();
        m_heartbeat.start();
    }

    void stop() { m_heartbeat.stop(); }

    void report(benchmark::State &state)
    {
        state.counters["max_stall_ms"] = double(m_worst) / 1e6;
        state.counters["max_stall_cpu_ms"] = double(m_worstCpu) / 1e6;  // thread CPU inside the worst gap
        state.counters["max_gap_cpu_ms"] = double(m_mostCpu) / 1e6;     // most thread CPU inside any gap
        state.counters["gaps_over_16ms"] = m_over16;
        reportPercentiles(state, m_gaps, "gap_");
    }

private:
    void beat()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNanos();
        if (m_last >= 0) {
            const qint64 gap = now - m_last;
            const qint64 gapCpu = cpu - m_lastCpu;
            if (gap > m_worst) {
                m_worst = gap;
                m_worstCpu = gapCpu;
            }
            m_mostCpu = std::max(m_mostCpu, gapCpu);
            m_over16 += gap > 16000000 ? 1 : 0;
            m_gaps.push_back(double(gap) / 1000.0);
            if (m_onGap)
                m_onGap(gapCpu);
        }
        m_last = now;
        m_lastCpu = cpu;
    }

    std::function<void(qint64)> m_onGap;
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_lastCpu = 0;
    qint64 m_worst = 0;
    qint64 m_worstCpu = 0;
    qint64 m_mostCpu = 0;
    int m_over16 = 0;
    std::vector<double> m_gaps;
};

}  // namespace Switchyard::Bench
