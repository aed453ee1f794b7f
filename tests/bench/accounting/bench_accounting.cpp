// Benchmarks for core/accounting: recording calls through the batched writer, and pricing calls.

#include "core/accounting/CostCalculator.h"
#include "core/accounting/PriceCatalogue.h"
#include "core/accounting/UsageRecorder.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"
#include "tests/bench/BenchSupport.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace Switchyard;

namespace {

/// A typical fallback call: the primary failed with a 503, its sibling answered.
CallRecord twoAttemptCall(int n)
{
    CallRecord call;
    call.userRef = QStringLiteral("user-%1").arg(n % 100);
    call.promptKey = QStringLiteral("support.answer");
    call.promptVersion = 3;
    call.requestedProvider = QStringLiteral("gemini");
    call.requestedModel = QStringLiteral("gemini-2.5-pro");
    call.servedProvider = QStringLiteral("gemini");
    call.servedModel = QStringLiteral("gemini-2.5-flash");
    call.streamed = true;
    call.latencyMs = 900;
    call.ttftMs = 250;
    call.usage = Usage{1200, 300, 0, 250, 400};
    call.costUsd = 0.0021;
    call.createdAt = QDateTime::currentDateTimeUtc();
    AttemptRecord failed;
    failed.provider = QStringLiteral("gemini");
    failed.model = QStringLiteral("gemini-2.5-pro");
    failed.outcome = AttemptRecord::Outcome::Failed;
    failed.httpStatus = 503;
    failed.errorClass = FailureClass::Transient;
    failed.errorMessage = QStringLiteral("The model is overloaded. Please try again later.");
    failed.latencyMs = 120;
    failed.startedAt = call.createdAt;
    AttemptRecord served;
    served.hopIndex = 1;
    served.provider = QStringLiteral("gemini");
    served.model = QStringLiteral("gemini-2.5-flash");
    served.outcome = AttemptRecord::Outcome::Succeeded;
    served.httpStatus = 200;
    served.latencyMs = 780;
    served.startedAt = call.createdAt;
    served.usage = call.usage;
    call.attempts = {failed, served};
    return call;
}

/// Records `batch` calls (2 attempts each) and waits until they are committed; items/s = calls written per second.
void BM_RecordCalls(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("bench.db"))).ok()) {
        state.SkipWithError("could not open a workspace");
        return;
    }
    const int batch = int(state.range(0));
    const bool native = state.range(1) != 0;
    QList<CallRecord> calls;
    for (int i = 0; i < 10000; ++i)
        calls.append(twoAttemptCall(i));
    {
        UsageRecorder recorder(database, UsageRecorder::Options{batch, 50, native});
        for (auto _ : state) {
            for (const CallRecord &call : std::as_const(calls))
                recorder.record(call);
            if (!recorder.flush().ok()) {
                state.SkipWithError("recording failed");
                break;
            }
        }
        state.SetItemsProcessed(state.iterations() * calls.size());
        state.counters["batch"] = batch;
        state.counters["sqlite_api"] = native ? 1 : 0;
    }
}
BENCHMARK(BM_RecordCalls)
    ->Args({64, 1})
    ->Args({512, 1})
    ->Args({1024, 1})
    ->Args({2048, 1})
    ->Args({512, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// Time the producer spends in record() alone (what the engine pays per call).
void BM_RecordEnqueueOnly(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("bench.db"))).ok()) {
        state.SkipWithError("could not open a workspace");
        return;
    }
    const CallRecord call = twoAttemptCall(1);
    UsageRecorder recorder(database);
    std::int64_t n = 0;
    for (auto _ : state) {
        recorder.record(call);
        if (++n % 100000 == 0) {
            state.PauseTiming();
            (void)recorder.flush();  // keep the queue from growing without bound
            state.ResumeTiming();
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordEnqueueOnly);

void BM_CostNanoUsd(benchmark::State &state)
{
    const Price price{0.0003, 0.0025, 0.000075, std::nullopt, std::nullopt};
    Usage usage{1200, 300, 0, 250, 400};
    for (auto _ : state) {
        benchmark::DoNotOptimize(CostCalculator::costNanoUsd(usage, price));
        ++usage.input;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CostNanoUsd);

/// Pricing a whole two-attempt call: catalogue lookups (shared lock, hash) + cost per attempt.
void BM_PriceCall(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("bench.db"))).ok()) {
        state.SkipWithError("could not open a workspace");
        return;
    }
    ProviderRepository repository(database);
    for (int i = 0; i < 200; ++i) {  // a realistic catalogue size
        (void)repository.upsertPrice(QStringLiteral("p%1").arg(i % 10), QStringLiteral("m%1").arg(i),
                                     Price{0.001, 0.002, std::nullopt, std::nullopt, std::nullopt},
                                     ProviderRepository::PriceSource::LiteLlm);
    }
    (void)repository.upsertPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"),
                                 Price{0.00125, 0.01, 0.00031, std::nullopt, std::nullopt},
                                 ProviderRepository::PriceSource::Manual);
    (void)repository.upsertPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"),
                                 Price{0.0003, 0.0025, 0.000075, std::nullopt, std::nullopt},
                                 ProviderRepository::PriceSource::Manual);
    PriceCatalogue catalogue(database);
    if (!catalogue.reload().ok()) {
        state.SkipWithError("could not load prices");
        return;
    }
    CostCalculator calculator(catalogue);
    CallRecord call = twoAttemptCall(1);
    call.attempts[0].usage = Usage{1200, 0, 0, 10, 0};  // billed before the cut
    for (auto _ : state) {
        benchmark::DoNotOptimize(calculator.priceCall(call));
        benchmark::DoNotOptimize(call.costUsd);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PriceCall);

}  // namespace

int main(int argc, char **argv)
{
    return Bench::run(argc, argv);
}
