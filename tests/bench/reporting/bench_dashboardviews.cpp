// Benchmarks for the dashboards' newer reports: the prompt version comparison, breaker opens, cost per conversation
// and message, and budget use, over a large demo history (full range and one bot over one week), with thread CPU
// time beside the wall time (the machine is shared).
//
// The history (SWITCHYARD_BENCH_REPORT_CALLS calls, default 1,000,000, over 90 days, with demo conversations, breaker
// events and budgets) is generated once into dashboardviews-<N>.db in this build folder and reused by later runs;
// delete the file to rebuild it.

#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "tests/bench/BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
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

bool openHistory(Database &database)
{
    const qint64 calls = historySize();
    const QString path = QStringLiteral(SWITCHYARD_BENCH_CACHE_DIR "/dashboardviews-%1.db").arg(calls);
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
    std::fprintf(stderr, "generated %lld demo calls in %.1f s into %s\n", static_cast<long long>(*written),
                 double(timer.elapsed()) / 1000.0, qPrintable(path));
    QSqlQuery analyze(database.connection());
    analyze.exec(QStringLiteral("ANALYZE"));
    return true;
}

double threadCpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

enum Kind { Versions, Breakers, Conversations, Budgets };

/// Args: report kind, grouping, narrow (one bot over one week) or the whole history.
void BM_DashboardView(benchmark::State &state)
{
    ReportService service(*g_database);
    ReportQuery query;
    query.groupBy = ReportGrouping(state.range(1));
    query.promptKey = state.range(0) == Versions ? QStringLiteral("support_answer") : QString();
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
        switch (Kind(state.range(0))) {
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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!Bench::initialize(argc, argv))
        return 1;
    Database database;
    if (!openHistory(database)) {
        std::fprintf(stderr, "could not build the dashboard history\n");
        return 1;
    }
    g_database = &database;
    return Bench::runSpecified();
}
