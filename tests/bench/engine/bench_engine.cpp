// Engine overhead: the same streaming calls to the loopback fake OpenAI-compatible server, once straight through the
// adapter and once through the whole engine (resolve bot, render prompt, plan, breaker, rate limiter, adapter, cost,
// recording). The difference per call is what Switchyard adds; p50 and p99 are reported as counters.
// BM_Paired alternates the two kinds of call in one loop, so both see the same machine load; its added_p50_us is the
// median of the per-pair differences, the figure to quote on a busy machine.
#include "core/accounting/UsageRecorder.h"
#include "core/engine/ChatService.h"
#include "core/providers/client/OpenAiChatClient.h"
#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderClient.h"
#include "core/secrets/SecretResolver.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/templating/SystemVariables.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/FakeProviderServer.h"
#include "tests/support/OpenAiFixtures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <algorithm>
#include <benchmark/benchmark.h>

using namespace Switchyard;
using Testing::FakeProviderServer;
using Testing::FakeResponse;
using Testing::OpenAiFixtures;

namespace {

const QStringList kDeltas{QStringLiteral("Hello"), QStringLiteral(" there,"), QStringLiteral(" how"),
                          QStringLiteral(" can"),  QStringLiteral(" I"),      QStringLiteral(" help?")};

FakeResponse streamResponse()
{
    return FakeResponse::sse(OpenAiFixtures::stream(kDeltas, {40, 6, 0, 0}, true, true, QStringLiteral("m")));
}

ProviderSpec fakeProvider(const QString &baseUrl)
{
    ProviderSpec provider;
    provider.id = QStringLiteral("fake");
    provider.kind = QStringLiteral("openai_compatible");
    provider.baseUrl = baseUrl;
    ModelSpec model;
    model.id = QStringLiteral("m");
    model.contextWindow = 128000;
    model.maxOutputTokens = 4096;
    model.price = Price{0.001, 0.002, {}, {}, {}};
    provider.models = {model};
    return provider;
}

/// A workspace with one bot whose active config calls the fake server, and the long-lived engine the studio keeps.
struct EngineFixture {
    FakeProviderServer server;
    QTemporaryDir dir;
    Database database;
    QNetworkAccessManager network;
    SecretResolver secrets;
    std::unique_ptr<UsageRecorder> recorder;
    std::unique_ptr<ChatService> service;
    Templating::SystemVariables system;

    /// Empty on success, else what failed.
    QString setUp()
    {
        if (!server.start() || !database.open(dir.filePath(QStringLiteral("bench.db"))))
            return QStringLiteral("cannot set up the workspace");
        ProvidersConfig providers;
        providers.providers = {fakeProvider(server.baseUrl())};
        Bot bot;
        bot.name = QStringLiteral("Bench Bot");
        LlmConfig config;
        config.provider = QStringLiteral("fake");
        config.model = QStringLiteral("m");
        config.promptKey = QStringLiteral("bench");
        config.active = true;
        auto created = BotRepository(database).create(bot);
        if (!ProviderRepository(database).replaceAll(providers) || !created ||
            !PromptRepository(database).addVersion(QStringLiteral("bench"),
                                                   QStringLiteral("key: bench\nsystem: |\n  You help {{user_name}} on "
                                                                  "{{current_date}}.\nuser: '{{message}}'\n"),
                                                   QStringLiteral("bench"), {}))
            return QStringLiteral("cannot fill the workspace");
        config.botId = created->id;
        if (!LlmConfigRepository(database).create(config))
            return QStringLiteral("cannot create the config");
        recorder = std::make_unique<UsageRecorder>(database);
        service = std::make_unique<ChatService>(database, &network, secrets, *recorder);
        return {};
    }

    /// One whole engine call; its wall time in µs, or a negative number when it failed.
    double engineCall()
    {
        server.enqueueAny(streamResponse());
        QElapsedTimer clock;
        clock.start();
        auto chat = service->prepareForBot(QStringLiteral("bench-bot"), QStringLiteral("Hi"),
                                           QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system);
        if (!chat)
            return -1;
        chat->call.stream = true;
        QEventLoop loop;
        const auto connection = QObject::connect(service.get(), &ChatService::finished, &loop, &QEventLoop::quit);
        service->start(std::move(*chat));
        loop.exec();
        QObject::disconnect(connection);
        const double micros = double(clock.nsecsElapsed()) / 1000.0;
        return service->result().ok ? micros : -1;
    }

    /// The same call straight through the adapter.
    double adapterCall(const ProviderClient &client, const ProviderRequest &request)
    {
        server.enqueueAny(streamResponse());
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<ProviderCall> call(client.start(request, &network));
        QEventLoop loop;
        QObject::connect(call.get(), &ProviderCall::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const double micros = double(clock.nsecsElapsed()) / 1000.0;
        return call->result().ok ? micros : -1;
    }
};

/// The adapter's request for the same conversation the bench bot sends (its prompt rendered the same way).
ProviderRequest adapterRequest(const QString &baseUrl)
{
    ProviderRequest request = ProviderRequest::fromProvider(fakeProvider(baseUrl), QStringLiteral("m"));
    request.system = QStringLiteral("You help Ana on 15 January 2026.");
    request.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hi")}};
    return request;
}

void BM_AdapterOnly(benchmark::State &state)
{
    EngineFixture fixture;
    if (const QString failure = fixture.setUp(); !failure.isEmpty()) {
        state.SkipWithError(failure.toUtf8().constData());
        return;
    }
    OpenAiChatClient client(QStringLiteral("openai_compatible"));
    const ProviderRequest request = adapterRequest(fixture.server.baseUrl());
    std::vector<double> micros;
    for (auto _ : state) {
        const double elapsed = fixture.adapterCall(client, request);
        if (elapsed < 0) {
            state.SkipWithError("the adapter call failed");
            return;
        }
        micros.push_back(elapsed);
    }
    Bench::reportPercentiles(state, micros);
}
BENCHMARK(BM_AdapterOnly)->Unit(benchmark::kMicrosecond)->Iterations(300);

void BM_FullEngine(benchmark::State &state)
{
    EngineFixture fixture;
    if (const QString failure = fixture.setUp(); !failure.isEmpty()) {
        state.SkipWithError(failure.toUtf8().constData());
        return;
    }
    std::vector<double> micros;
    for (auto _ : state) {
        const double elapsed = fixture.engineCall();
        if (elapsed < 0) {
            state.SkipWithError("the engine call failed");
            return;
        }
        micros.push_back(elapsed);
    }
    (void)fixture.recorder->flush();
    Bench::reportPercentiles(state, micros);
}
BENCHMARK(BM_FullEngine)->Unit(benchmark::kMicrosecond)->Iterations(300);

void BM_Paired(benchmark::State &state)
{
    EngineFixture fixture;
    if (const QString failure = fixture.setUp(); !failure.isEmpty()) {
        state.SkipWithError(failure.toUtf8().constData());
        return;
    }
    OpenAiChatClient client(QStringLiteral("openai_compatible"));
    const ProviderRequest request = adapterRequest(fixture.server.baseUrl());
    std::vector<double> adapter;
    std::vector<double> engine;
    std::vector<double> added;
    bool engineFirst = false;
    for (auto _ : state) {
        // Alternate the order so neither kind always runs on a warmer cache.
        engineFirst = !engineFirst;
        const double a = engineFirst ? -1 : fixture.adapterCall(client, request);
        const double e = fixture.engineCall();
        const double b = engineFirst ? fixture.adapterCall(client, request) : a;
        if (b < 0 || e < 0) {
            state.SkipWithError("a call failed");
            return;
        }
        adapter.push_back(b);
        engine.push_back(e);
        added.push_back(e - b);
    }
    (void)fixture.recorder->flush();
    std::sort(adapter.begin(), adapter.end());
    std::sort(engine.begin(), engine.end());
    state.counters["adapter_p50_us"] = Bench::percentile(adapter, 50);
    state.counters["engine_p50_us"] = Bench::percentile(engine, 50);
    Bench::reportPercentiles(state, added, "added_");
}
BENCHMARK(BM_Paired)->Unit(benchmark::kMicrosecond)->Iterations(1000);

}  // namespace

int main(int argc, char **argv)
{
    return Bench::run(argc, argv);
}
