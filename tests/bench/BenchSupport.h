#pragma once

// Helpers shared by the Google Benchmark suites. Header-only: each bench is one executable and needs no extra library.
#include <QCoreApplication>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstddef>
#include <string>
#include <type_traits>
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

/// Reads Google Benchmark's flags from the command line; false when some are not its own (it has said which).
inline bool initialize(int &argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    return !benchmark::ReportUnrecognizedArguments(argc, argv);
}

/// Runs the benchmarks the flags select; main()'s exit code.
inline int runSpecified()
{
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

/**
 * The whole main() of a bench: the application object, the flags, the run. @p Application is QCoreApplication
 * (QtSql loads its drivers as plugins and queued signals need an event loop, so every bench has one) or, for the
 * widget benches, QApplication, which then runs on the offscreen platform unless QT_QPA_PLATFORM names another.
 * A bench that prepares shared data between reading the flags and running calls initialize() and runSpecified().
 */
template <typename Application = QCoreApplication> int run(int argc, char **argv)
{
    if constexpr (!std::is_same_v<Application, QCoreApplication>) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    Application app(argc, argv);
    if (!initialize(argc, argv))
        return 1;
    return runSpecified();
}

}  // namespace Switchyard::Bench
