// Engine overhead: the same streaming calls to the loopback fake OpenAI-compatible server, once straight through the
// adapter and once through the whole engine (resolve bot, render prompt, plan, breaker, rate limiter, adapter, cost,
// recording). The difference per call is what Switchyard adds; p50 and p99 are reported as counters.
#include "core/accounting/UsageRecorder.h"
#include "core/engine/ChatService.h"
#include "core/providers/client/OpenAiChatClient.h"
#include "core/providers/client/ProviderCall.h"
#include "core/secrets/SecretResolver.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/templating/SystemVariables.h"
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

void reportPercentiles(benchmark::State &state, std::vector<double> &micros)
{
    if (micros.empty())
        return;
    std::sort(micros.begin(), micros.end());
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
}

void BM_AdapterOnly(benchmark::State &state)
{
    FakeProviderServer server;
    if (!server.start()) {
        state.SkipWithError("cannot listen on loopback");
        return;
    }
    QNetworkAccessManager network;
    OpenAiChatClient client(QStringLiteral("openai_compatible"));
    ProviderRequest request = ProviderRequest::fromProvider(fakeProvider(server.baseUrl()), QStringLiteral("m"));
    request.system = QStringLiteral("You are a helpful assistant.");
    request.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hi")}};
    std::vector<double> micros;
    for (auto _ : state) {
        server.enqueueAny(streamResponse());
        QElapsedTimer clock;
        clock.start();
        ProviderCall *call = client.start(request, &network);
        QEventLoop loop;
        QObject::connect(call, &ProviderCall::finished, &loop, &QEventLoop::quit);
        loop.exec();
        micros.push_back(double(clock.nsecsElapsed()) / 1000.0);
        if (!call->result().ok)
            state.SkipWithError("the adapter call failed");
        delete call;
    }
    reportPercentiles(state, micros);
}
BENCHMARK(BM_AdapterOnly)->Unit(benchmark::kMicrosecond)->Iterations(300);

void BM_FullEngine(benchmark::State &state)
{
    FakeProviderServer server;
    QTemporaryDir dir;
    Database database;
    if (!server.start() || !database.open(dir.filePath(QStringLiteral("bench.db")))) {
        state.SkipWithError("cannot set up the workspace");
        return;
    }
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
                                               QStringLiteral("bench"), {})) {
        state.SkipWithError("cannot fill the workspace");
        return;
    }
    config.botId = created->id;
    if (!LlmConfigRepository(database).create(config)) {
        state.SkipWithError("cannot create the config");
        return;
    }

    QNetworkAccessManager network;
    SecretResolver secrets;
    UsageRecorder recorder(database);
    Templating::SystemVariables system;
    // One long-lived service, as the studio keeps one: breakers, limits and prices carry over between calls.
    ChatService service(database, &network, secrets, recorder);
    std::vector<double> micros;
    for (auto _ : state) {
        server.enqueueAny(streamResponse());
        QElapsedTimer clock;
        clock.start();
        auto chat = service.prepareForBot(QStringLiteral("bench-bot"), QStringLiteral("Hi"),
                                          QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system);
        if (!chat) {
            state.SkipWithError("cannot prepare the call");
            return;
        }
        chat->call.stream = true;
        QEventLoop loop;
        const auto connection = QObject::connect(&service, &ChatService::finished, &loop, &QEventLoop::quit);
        service.start(std::move(*chat));
        loop.exec();
        QObject::disconnect(connection);
        micros.push_back(double(clock.nsecsElapsed()) / 1000.0);
        if (!service.result().ok)
            state.SkipWithError("the engine call failed");
    }
    (void)recorder.flush();
    reportPercentiles(state, micros);
}
BENCHMARK(BM_FullEngine)->Unit(benchmark::kMicrosecond)->Iterations(300);

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
