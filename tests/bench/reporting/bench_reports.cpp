// Benchmarks for core/reporting: each report over a large demo history, full range and narrow filters, and the
// demo-data generator's rate.
//
// The history (SWITCHYARD_BENCH_REPORT_CALLS calls, default 1,000,000, over 90 days) is generated once into
// reports-<N>.db in this build folder and reused by later runs; delete the file to rebuild it.

#include "core/accounting/UsageRecorder.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "tests/bench/BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <ctime>

using namespace Switchyard;

namespace {

const QDate LastDay(2026, 3, 31);
constexpr int Days = 90;

Database *g_database = nullptr;

qint64 historySize()
{
    const qint64 calls = qEnvironmentVariable("SWITCHYARD_BENCH_REPORT_CALLS").toLongLong();
    return calls > 0 ? calls : 1000000;
}

/// Opens the cached history, generating it first when missing or incomplete.
bool openHistory(Database &database)
{
    const qint64 calls = historySize();
    const QString path = QStringLiteral(SWITCHYARD_BENCH_CACHE_DIR "/reports-%1.db").arg(calls);
    if (QFile::exists(path)) {
        if (!database.open(path).ok())
            return false;
        QSqlQuery count(database.connection());
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) && count.next() &&
            count.value(0).toLongLong() == calls)
            return true;
        database.close();
        QFile::remove(path);
    }
    if (!database.open(path).ok() || !WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder()).ok())
        return false;
    QElapsedTimer timer;
    timer.start();
    const auto written = DemoDataGenerator::generate(database, DemoDataOptions{calls, Days, 2026, LastDay});
    if (!written)
        return false;
    std::fprintf(stderr, "generated %lld demo calls in %.1f s (%.0f calls/s) into %s\n",
                 static_cast<long long>(*written), double(timer.elapsed()) / 1000.0,
                 double(*written) * 1000.0 / double(qMax<qint64>(1, timer.elapsed())), qPrintable(path));
    QSqlQuery analyze(database.connection());
    analyze.exec(QStringLiteral("ANALYZE"));
    return true;
}

enum Kind { Costs, Latency, Quality, Fallbacks };

/// Args: report kind, grouping, narrow (one bot over one week) or the whole history.
void BM_Report(benchmark::State &state)
{
    ReportService service(*g_database);
    ReportQuery query;
    query.groupBy = ReportGrouping(state.range(1));
    const bool narrow = state.range(2) != 0;
    if (narrow) {
        query.botId = 1;
        query.from = LastDay.addDays(-6);
        query.to = LastDay;
    }
    std::vector<double> micros;
    qint64 rows = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        bool ok = false;
        switch (Kind(state.range(0))) {
        case Costs:
            if (auto r = service.costs(query); (ok = r.ok()))
                rows = r->size();
            break;
        case Latency:
            if (auto r = service.latency(query); (ok = r.ok()))
                rows = r->size();
            break;
        case Quality:
            if (auto r = service.quality(query); (ok = r.ok()))
                rows = r->size();
            break;
        case Fallbacks:
            if (auto r = service.fallbacks(query); (ok = r.ok()))
                rows = r->size();
            break;
        }
        if (!ok) {
            state.SkipWithError("the report failed");
            return;
        }
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    state.counters["rows"] = double(rows);
    state.counters["history_calls"] = double(historySize());
    Bench::reportPercentiles(state, micros);
    static const char *const kinds[] = {"costs", "latency", "quality", "fallbacks"};
    state.SetLabel(std::string(kinds[state.range(0)]) + " by " +
                   ReportQuery::groupingName(ReportGrouping(state.range(1))).toStdString() +
                   (narrow ? " (one bot, one week)" : " (all 90 days)"));
}

void reportArgs(benchmark::internal::Benchmark *b)
{
    for (int kind = Costs; kind <= Fallbacks; ++kind) {
        for (const ReportGrouping grouping : {ReportGrouping::Provider, ReportGrouping::Model, ReportGrouping::Bot,
                                              ReportGrouping::Version, ReportGrouping::Day, ReportGrouping::Month})
            b->Args({kind, int(grouping), 0});
        b->Args({kind, int(ReportGrouping::Model), 1});
    }
}
BENCHMARK(BM_Report)->Apply(reportArgs)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Demo history written per second (generation, the recorder's batched INSERTs with the rollup triggers, votes).
void BM_GenerateDemoCalls(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("demo.db"))).ok() ||
        !WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder()).ok()) {
        state.SkipWithError("could not open a workspace");
        return;
    }
    const qint64 calls = state.range(0);
    quint64 seed = 1;
    for (auto _ : state) {
        if (!DemoDataGenerator::generate(database, DemoDataOptions{calls, Days, seed++, LastDay}).ok()) {
            state.SkipWithError("generation failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * calls);
}
BENCHMARK(BM_GenerateDemoCalls)->Arg(20000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The engine's recorder (batches of 1024, multi-row INSERTs) writing demo-shaped calls with their attempts, with
/// migration 5's rollup triggers and latency index (arg 1), without them (arg 0, dropped for the comparison), and with
/// the triggers but without the latency index (arg 2).
void BM_RecordWithRollups(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("record.db"))).ok() ||
        !WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder()).ok()) {
        state.SkipWithError("could not open a workspace");
        return;
    }
    if (state.range(0) == 2) {
        QSqlQuery drop(database.connection());
        drop.exec(QStringLiteral("DROP INDEX calls_report_latency"));
    }
    if (state.range(0) == 0) {
        QSqlQuery drop(database.connection());
        for (const char *name :
             {"calls_report_insert", "calls_report_delete", "calls_report_update", "attempts_report_insert",
              "attempts_report_delete", "attempts_report_update_old", "attempts_report_update_new"})
            drop.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(name)));
        drop.exec(QStringLiteral("DROP INDEX calls_report_latency"));
    }
    auto catalogue = DemoCatalogue::load(database);
    if (!catalogue) {
        state.SkipWithError("no catalogue");
        return;
    }
    constexpr qint64 PerIteration = 10000;
    // Made once: each iteration records copies (the recorder gives each a new uuid), so the process's CPU time is the
    // recording's and the two variants can be compared by it too.
    std::vector<DemoCall> calls =
        DemoDataGenerator(*catalogue, DemoDataOptions{PerIteration, Days, 3, LastDay}).next(PerIteration);
    qint64 attempts = 0;
    for (DemoCall &demo : calls) {
        demo.call.isDemo = false;
        attempts += demo.call.attempts.size();
    }
    {
        UsageRecorder recorder(database);
        for (auto _ : state) {
            for (const DemoCall &demo : calls)
                recorder.record(demo.call);
            if (!recorder.flush().ok()) {
                state.SkipWithError("recording failed");
                return;
            }
        }
    }
    state.SetItemsProcessed(state.iterations() * PerIteration);
    state.counters["attempts_per_call"] = double(attempts) / double(PerIteration);
    state.counters["rollups"] = double(state.range(0));
}
// A fixed number of iterations, so that `time` on a run filtered to one variant compares their CPU cost on a busy
// machine, where the wall-clock rate says more about the other processes.
BENCHMARK(BM_RecordWithRollups)->Arg(0)->Arg(1)->Arg(2)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!Bench::initialize(argc, argv))
        return 1;
    Database database;
    if (!openHistory(database)) {
        std::fprintf(stderr, "could not build the report history\n");
        return 1;
    }
    g_database = &database;
    return Bench::runSpecified();
}

// The dashboards' newer reports (helper-dashx): the prompt version comparison, breaker opens, cost per conversation
// and message, and budget use, on the same history, with thread CPU time beside the wall time (the machine is
// shared), full range and one bot over one week.
namespace {

double threadCpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

enum ViewKind { Versions, Breakers, Conversations, Budgets };

/// Args: report kind, grouping, narrow (one bot over one week) or the whole history.
void BM_DashboardView(benchmark::State &state)
{
    ReportService service(*g_database);
    // A history cached before demo data had conversations would measure an empty report.
    QSqlQuery sessions(g_database->connection());
    if (!sessions.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")) || !sessions.next() ||
        sessions.value(0).toLongLong() == 0) {
        state.SkipWithError("the cached history has no demo conversations: delete reports-N.db to rebuild it");
        return;
    }
    ReportQuery query;
    query.groupBy = ReportGrouping(state.range(1));
    // Bot 1's prompt, so that the narrow version comparison (one bot, one week) has calls to compare.
    query.promptKey = state.range(0) == Versions ? QStringLiteral("astrologer_daily") : QString();
    const bool narrow = state.range(2) != 0;
    if (narrow) {
        query.botId = 1;
        query.from = LastDay.addDays(-6);
        query.to = LastDay;
    }
    std::vector<double> micros, cpu;
    qint64 rows = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMicros();
        bool ok = false;
        switch (ViewKind(state.range(0))) {
        case Versions:
            if (auto r = service.versions(query); (ok = r.ok()))
                rows = r->size();
            break;
        case Breakers:
            if (auto r = service.breakerOpens(query); (ok = r.ok()))
                rows = r->size();
            break;
        case Conversations:
            if (auto r = service.conversationCosts(query); (ok = r.ok()))
                rows = r->size();
            break;
        case Budgets:
            if (auto r = service.budgetUse(query); (ok = r.ok()))
                rows = r->size();
            break;
        }
        if (!ok) {
            state.SkipWithError("the report failed");
            return;
        }
        cpu.push_back(threadCpuMicros() - cpuStart);
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    state.counters["rows"] = double(rows);
    state.counters["history_calls"] = double(historySize());
    Bench::reportPercentiles(state, micros);
    Bench::reportPercentiles(state, cpu, "cpu_");
    static const char *const kinds[] = {"versions", "breakers", "conversations", "budgets"};
    state.SetLabel(std::string(kinds[state.range(0)]) + " by " +
                   ReportQuery::groupingName(ReportGrouping(state.range(1))).toStdString() +
                   (narrow ? " (one bot, one week)" : " (all 90 days)"));
}

void viewArgs(benchmark::internal::Benchmark *b)
{
    b->Args({Versions, int(ReportGrouping::Version), 0});
    b->Args({Versions, int(ReportGrouping::Version), 1});
    b->Args({Breakers, int(ReportGrouping::Day), 0});
    b->Args({Breakers, int(ReportGrouping::Week), 0});
    for (const ReportGrouping grouping : {ReportGrouping::Day, ReportGrouping::Bot, ReportGrouping::Model})
        b->Args({Conversations, int(grouping), 0});
    b->Args({Conversations, int(ReportGrouping::Day), 1});
    b->Args({Budgets, int(ReportGrouping::Day), 0});
    b->Args({Budgets, int(ReportGrouping::Day), 1});
}
BENCHMARK(BM_DashboardView)->Apply(viewArgs)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
