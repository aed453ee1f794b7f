// Start to first painted window on the sample workspace, and memory at idle (issue 4: targets under 1 s and 150 MB).
//
// Each iteration starts the real `switchyard` binary with --report-startup on a temporary workspace, settings and
// data directory, waits for it to write its JSON report and quit, and records what it measured: milliseconds from the
// kernel's process start to the main window's first paint event, and VmRSS/VmHWM after 2 s of idle. The reported
// iteration time is the first-paint time (manual time), the counters its p50/max and the memory.
//
// SWITCHYARD_STARTUP_RUNS sets the starts per case (default 5). SWITCHYARD_STARTUP_PLATFORM overrides the Qt platform
// (default offscreen), e.g. `SWITCHYARD_STARTUP_PLATFORM=xcb xvfb-run -a bench_startup`.
#include "tests/bench/BenchSupport.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

int runsPerCase()
{
    const int runs = qEnvironmentVariableIntValue("SWITCHYARD_STARTUP_RUNS");
    return runs > 0 ? runs : 5;
}

/// Where one start keeps its workspace, settings and report; removed after the case.
struct StartupSandbox {
    QTemporaryDir dir;

    QString workspace() const { return dir.filePath(QStringLiteral("workspace.db")); }
    QString report() const { return dir.filePath(QStringLiteral("startup.json")); }
};

/// Runs the studio once; the report's values, or an error text.
bool startOnce(const StartupSandbox &sandbox, QJsonObject &values, std::string &error)
{
    QFile::remove(sandbox.report());
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               qEnvironmentVariable("SWITCHYARD_STARTUP_PLATFORM", QStringLiteral("offscreen")));
    // Never the user's settings, recent workspaces or keychain: everything lives in the sandbox.
    env.insert(QStringLiteral("HOME"), sandbox.dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox.dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox.dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), sandbox.dir.filePath(QStringLiteral("cache")));
    env.remove(QStringLiteral("SWITCHYARD_DB"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(SWITCHYARD_STUDIO_BINARY),
                  {QStringLiteral("--db"), sandbox.workspace(), QStringLiteral("--report-startup"), sandbox.report()});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error = "switchyard did not finish cleanly: " + process.readAll().toStdString();
        process.kill();
        return false;
    }
    QFile file(sandbox.report());
    if (!file.open(QIODevice::ReadOnly)) {
        error = "no startup report was written";
        return false;
    }
    values = QJsonDocument::fromJson(file.readAll()).object();
    if (!values.contains(QStringLiteral("first_paint_ms")) || !values.contains(QStringLiteral("idle_rss_mb"))) {
        error = "the startup report lacks first_paint_ms or idle_rss_mb";
        return false;
    }
    return true;
}

/// state.range(0): 0 = a fresh workspace every start (the sample is installed first, as on a first run);
/// 1 = the same sample workspace opened again (the everyday start).
void BM_StartupToFirstPaint(benchmark::State &state)
{
    const bool reopen = state.range(0) == 1;
    std::vector<double> paintMs;
    std::vector<double> sinceMainMs;
    double rssMb = 0;
    double hwmMb = 0;
    StartupSandbox shared;
    if (reopen) {
        QJsonObject values;
        std::string error;
        if (!startOnce(shared, values, error)) {  // creates and fills the workspace once, not measured
            state.SkipWithError(error.c_str());
            return;
        }
    }
    for (auto _ : state) {
        StartupSandbox fresh;
        QJsonObject values;
        std::string error;
        if (!startOnce(reopen ? shared : fresh, values, error)) {
            state.SkipWithError(error.c_str());
            return;
        }
        const double ms = values.value(QStringLiteral("first_paint_ms")).toDouble();
        state.SetIterationTime(ms / 1000.0);
        paintMs.push_back(ms);
        sinceMainMs.push_back(values.value(QStringLiteral("first_paint_since_main_ms")).toDouble());
        rssMb = std::max(rssMb, values.value(QStringLiteral("idle_rss_mb")).toDouble());
        hwmMb = std::max(hwmMb, values.value(QStringLiteral("idle_hwm_mb")).toDouble());
    }
    std::sort(paintMs.begin(), paintMs.end());
    std::sort(sinceMainMs.begin(), sinceMainMs.end());
    state.counters["first_paint_p50_ms"] = Switchyard::Bench::percentile(paintMs, 50);
    state.counters["first_paint_max_ms"] = paintMs.back();
    state.counters["since_main_p50_ms"] = Switchyard::Bench::percentile(sinceMainMs, 50);
    state.counters["idle_rss_max_mb"] = rssMb;
    state.counters["idle_hwm_max_mb"] = hwmMb;
}
BENCHMARK(BM_StartupToFirstPaint)
    ->ArgName("reopen")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(runsPerCase())
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
