// Benchmarks for core/reporting: each report over a large demo history (the whole range and filters), recording
// throughput with the report rollups, and the demo-data generator's rate.
//
// The history (SWITCHYARD_BENCH_REPORT_CALLS calls, default 1,000,000, over 90 days) is generated once into
// reports-<N>.db in this build folder and reused by later runs; delete the file to rebuild it (and after a schema
// change). The machine may be busy: compare reports by their CPU time and recording by calls_per_cpu_s.

#include "core/accounting/UsageRecorder.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "tests/bench/BenchSupport.h"
#include "tests/bench/DemoHistory.h"

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
    return Bench::openDemoHistory(database, QStringLiteral(SWITCHYARD_BENCH_CACHE_DIR "/reports-%1.db").arg(calls),
                                  calls, Days, LastDay);
}

enum Kind { Costs, Latency, Quality, Fallbacks };

enum Filter {
    Everything,     ///< the whole history, no filter
    OneBotOneWeek,  ///< bot 1 over the last 7 days
    OneModel,       ///< the whole history of the most used provider and model
    OnePromptKey,   ///< the whole history of the most used prompt key
};

/// The most used value of @p column among answered calls ("provider", "model", "prompt_key").
QString mostUsed(const char *column)
{
    QSqlQuery q(g_database->connection());
    q.exec(QStringLiteral("SELECT %1 FROM report_daily WHERE status = 'ok' AND %1 <> '' GROUP BY %1 ORDER BY "
                          "SUM(calls) DESC LIMIT 1")
               .arg(QLatin1String(column)));
    return q.next() ? q.value(0).toString() : QString();
}

/// Args: report kind, grouping, Filter.
void BM_Report(benchmark::State &state)
{
    ReportService service(*g_database);
    ReportQuery query;
    query.groupBy = ReportGrouping(state.range(1));
    const Filter filter = Filter(state.range(2));
    switch (filter) {
    case Everything:
        break;
    case OneBotOneWeek:
        query.botId = 1;
        query.from = LastDay.addDays(-6);
        query.to = LastDay;
        break;
    case OneModel: {
        QSqlQuery q(g_database->connection());
        q.exec(QStringLiteral("SELECT provider, model FROM report_daily WHERE status = 'ok' GROUP BY provider, model "
                              "ORDER BY SUM(calls) DESC LIMIT 1"));
        if (q.next()) {
            query.provider = q.value(0).toString();
            query.model = q.value(1).toString();
        }
        break;
    }
    case OnePromptKey:
        query.promptKey = mostUsed("prompt_key");
        break;
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
    static const char *const filters[] = {" (all 90 days)", " (one bot, one week)", " (one model, all 90 days)",
                                          " (one prompt key, all 90 days)"};
    state.SetLabel(std::string(kinds[state.range(0)]) + " by " +
                   ReportQuery::groupingName(ReportGrouping(state.range(1))).toStdString() + filters[filter]);
}

void reportArgs(benchmark::internal::Benchmark *b)
{
    for (int kind = Costs; kind <= Fallbacks; ++kind) {
        for (const ReportGrouping grouping : {ReportGrouping::Provider, ReportGrouping::Model, ReportGrouping::Bot,
                                              ReportGrouping::Version, ReportGrouping::Day, ReportGrouping::Month})
            b->Args({kind, int(grouping), Everything});
        b->Args({kind, int(ReportGrouping::Model), OneBotOneWeek});
        b->Args({kind, int(ReportGrouping::Day), OneModel});
        b->Args({kind, int(ReportGrouping::Model), OnePromptKey});
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

enum RollupUpkeep {
    NoRollups,       ///< the rollup triggers dropped and no batch rollups: the cost of the raw rows alone
    BatchRollups,    ///< as shipped: the recorder applies each batch's rollups with grouped UPSERTs
    PerRowTriggers,  ///< every row through the rollup triggers (what any other writer gets)
};

/// The engine's recorder (batches of 1024, multi-row INSERTs) writing demo-shaped calls with their attempts into a
/// fresh workspace, with the report rollups kept as RollupUpkeep says (arg 0). Arg 1 is the days the calls are spread
/// over: 1 is live traffic (a batch holds the calls of the last moments, so they share few rollup rows), 90 the
/// worst case for batch rollups (a batch's calls spread over days, hardly any two on the same rollup row).
void BM_RecordWithRollups(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("record.db"))).ok() ||
        !WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder()).ok()) {
        state.SkipWithError("could not open a workspace");
        return;
    }
    const RollupUpkeep upkeep = RollupUpkeep(state.range(0));
    if (upkeep == NoRollups) {
        QSqlQuery drop(database.connection());
        drop.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%_report_%' "
                                 "OR name LIKE '%_latency_%')"));
        QStringList triggers;
        while (drop.next())
            triggers << drop.value(0).toString();
        for (const QString &name : triggers)
            drop.exec(QStringLiteral("DROP TRIGGER %1").arg(name));
    }
    auto catalogue = DemoCatalogue::load(database);
    if (!catalogue) {
        state.SkipWithError("no catalogue");
        return;
    }
    // 10,000 calls per iteration; fewer in the smoke run, whose history is small too.
    const qint64 perIteration = qMin<qint64>(10000, historySize() / 10);
    // Made once: each iteration records copies (the recorder gives each a new uuid), so the process's CPU time is the
    // recording's and the variants can be compared by it too.
    std::vector<DemoCall> calls =
        DemoDataGenerator(*catalogue, DemoDataOptions{perIteration, int(state.range(1)), 3, LastDay})
            .next(perIteration);
    qint64 attempts = 0;
    for (DemoCall &demo : calls) {
        demo.call.isDemo = false;
        attempts += demo.call.attempts.size();
    }
    UsageRecorder::Options options;
    options.batchRollups = upkeep == BatchRollups;
    // The machine may be busy: the process's CPU time (both threads) says what recording costs, whatever the load.
    const std::clock_t cpuStart = std::clock();
    {
        UsageRecorder recorder(database, options);
        for (auto _ : state) {
            for (const DemoCall &demo : calls)
                recorder.record(demo.call);
            if (!recorder.flush().ok()) {
                state.SkipWithError("recording failed");
                return;
            }
        }
    }
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    state.SetItemsProcessed(state.iterations() * perIteration);
    state.counters["calls_per_cpu_s"] = double(state.iterations() * perIteration) / qMax(cpuSeconds, 1e-9);
    state.counters["attempts_per_call"] = double(attempts) / double(perIteration);
    static const char *const labels[] = {"no rollups", "batch rollups", "per-row rollup triggers"};
    state.SetLabel(labels[upkeep]);
}
// A fixed number of iterations, so that `time` on a run filtered to one variant compares their CPU cost on a busy
// machine, where the wall-clock rate says more about the other processes.
BENCHMARK(BM_RecordWithRollups)
    ->ArgsProduct({{NoRollups, BatchRollups, PerRowTriggers}, {1, Days}})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

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
