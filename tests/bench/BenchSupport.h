#pragma once

// Helpers shared by the Google Benchmark suites. Header-only: each bench is one executable and needs no extra library.
#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstddef>
#include <string>
#include <vector>

namespace Switchyard::Bench {

/// The sample at @p percent (0..100) of @p sorted, which must be in ascending order: the nearest rank rounded down, so
/// p50 of an even count is the upper of the two middle samples and p100 the largest. 0 when there are no samples.
inline double percentile(const std::vector<double> &sorted, std::size_t percent)
{
    if (sorted.empty())
        return 0.0;
    return sorted[std::min(sorted.size() - 1, sorted.size() * percent / 100)];
}

/// Sorts @p micros (per-iteration times in microseconds) and reports its p50 and p99 as the counters
/// "<prefix>p50_us" and "<prefix>p99_us". Google Benchmark only reports means; the tail is what a user waits for.
/// Reports nothing without samples, so a run that failed early shows no figure rather than a made-up 0.
inline void reportPercentiles(benchmark::State &state, std::vector<double> &micros, const std::string &prefix = {})
{
    if (micros.empty())
        return;
    std::sort(micros.begin(), micros.end());
    state.counters[prefix + "p50_us"] = percentile(micros, 50);
    state.counters[prefix + "p99_us"] = percentile(micros, 99);
}

}  // namespace Switchyard::Bench
