// Per-call cost of the routing decisions the engine makes on every call: plan the chain, ask the breaker, ask the
// rate limiter, classify an error response and decide on a retry.
#include "core/providers/ProvidersFile.h"
#include "core/providers/client/HttpErrorClassifier.h"
#include "core/routing/BreakerRegistry.h"
#include "core/routing/ChainPlanner.h"
#include "core/routing/ManualClock.h"
#include "core/routing/RateLimiter.h"
#include "core/routing/RetryPolicy.h"

#include <QFile>
#include <QJsonDocument>
#include <benchmark/benchmark.h>

using namespace Switchyard;

namespace {

ProvidersConfig sampleConfig()
{
    QFile file(QStringLiteral(SWITCHYARD_SAMPLE_DIR "/providers.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Result<ParsedProviders> parsed = ProvidersFile::parse(file.readAll(), file.fileName());
    return parsed.ok() ? parsed->config : ProvidersConfig{};
}

void BM_PlanChain(benchmark::State &state)
{
    const ChainPlanner planner(sampleConfig());
    LlmConfig config;
    config.provider = QStringLiteral("gemini");
    config.model = QStringLiteral("gemini-2.5-pro");
    config.chain = QStringLiteral("premium");
    const QString system = QStringLiteral("You are a helpful assistant.");
    for (auto _ : state) {
        ChainPlan plan = planner.plan(config, system);
        benchmark::DoNotOptimize(plan);
    }
}
BENCHMARK(BM_PlanChain);

void BM_BreakerAcquireRecord(benchmark::State &state)
{
    ManualClock clock;
    BreakerRegistry registry(CircuitBreakerSpec{}, &clock);
    const BreakerKey key{QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), {}};
    for (auto _ : state) {
        const CircuitBreaker::Permit permit = registry.tryAcquire(key);
        registry.record(key, permit, FailureClass::None);
        clock.advance(1);
    }
}
BENCHMARK(BM_BreakerAcquireRecord);

void BM_RateLimiterAcquireSettle(benchmark::State &state)
{
    ManualClock clock;
    RateLimiter limiter(RateLimits{1000000, 1000000000}, &clock);
    for (auto _ : state) {
        const RateLimiter::Acquisition acquisition = limiter.tryAcquire(1200, 0);
        benchmark::DoNotOptimize(acquisition);
        limiter.settle(1200, 900);
        clock.advance(1);
    }
}
BENCHMARK(BM_RateLimiterAcquireSettle);

void BM_ClassifyAndDecide(benchmark::State &state)
{
    const QByteArray body =
        R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}})";
    const auto headers = [](const QByteArray &name) {
        return name.compare("content-type", Qt::CaseInsensitive) == 0 ? QByteArray("application/json") : QByteArray();
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const RetryPolicy policy;
    for (auto _ : state) {
        const HttpFailure failure = HttpErrorClassifier::classify(429, headers, body, now);
        const RetryDecision decision =
            policy.decide(failure.failure, 1, failure.retryAfterMs, 60000, failure.retryable);
        benchmark::DoNotOptimize(decision);
    }
}
BENCHMARK(BM_ClassifyAndDecide);

}  // namespace

BENCHMARK_MAIN();
