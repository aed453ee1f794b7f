// Benchmarks for the workspace store, on a real SQLite file in WAL mode (as users run it).

#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "tests/bench/BenchSupport.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <memory>

using namespace Switchyard;

namespace {

constexpr int BotCount = 50;
constexpr int ConfigsPerBot = 5;

/// A temporary workspace with 50 bots × 5 configs, the first config of each bot active.
struct ConfigWorkspace {
    QTemporaryDir dir;
    Database database;
    QList<qint64> botIds;
    QList<qint64> configIds;  ///< bot-major: configIds[bot * ConfigsPerBot + n]

    bool setUp()
    {
        if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("bench.db"))).ok())
            return false;
        BotRepository bots(database);
        LlmConfigRepository configs(database);
        for (int b = 0; b < BotCount; ++b) {
            Bot bot;
            bot.name = QStringLiteral("Bench bot %1").arg(b);
            const auto created = bots.create(bot);
            if (!created)
                return false;
            botIds.append(created->id);
            for (int c = 0; c < ConfigsPerBot; ++c) {
                LlmConfig config;
                config.botId = created->id;
                config.name = QStringLiteral("config %1").arg(c);
                config.provider = QStringLiteral("openai");
                config.model = QStringLiteral("gpt-4o-mini");
                config.temperature = 0.1 * c;
                config.active = c == 0;
                const auto stored = configs.create(config);
                if (!stored)
                    return false;
                configIds.append(stored->id);
            }
        }
        return true;
    }
};

void BM_ActivateConfig(benchmark::State &state)
{
    ConfigWorkspace workspace;
    if (!workspace.setUp()) {
        state.SkipWithError("could not set up the workspace");
        return;
    }
    LlmConfigRepository configs(workspace.database);
    qint64 step = 0;
    for (auto _ : state) {
        // Walk over bots and configs so every switch really moves the active flag.
        const qint64 index = (step * 7 + step / BotCount) % workspace.configIds.size();
        ++step;
        const auto previous = configs.activate(workspace.configIds.at(index));
        if (!previous) {
            state.SkipWithError("activate failed");
            break;
        }
        benchmark::DoNotOptimize(previous->has_value());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ActivateConfig)->Unit(benchmark::kMicrosecond);

void BM_ActiveForBot(benchmark::State &state)
{
    ConfigWorkspace workspace;
    if (!workspace.setUp()) {
        state.SkipWithError("could not set up the workspace");
        return;
    }
    LlmConfigRepository configs(workspace.database);
    qint64 step = 0;
    for (auto _ : state) {
        const auto active = configs.activeForBot(workspace.botIds.at(step++ % BotCount));
        if (!active || !active->has_value()) {
            state.SkipWithError("no active config");
            break;
        }
        benchmark::DoNotOptimize(active->value().id);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ActiveForBot)->Unit(benchmark::kMicrosecond);

/// Adds a new version (a changed body) each iteration; the prompt's history grows as it runs.
void BM_AddPromptVersion(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("bench.db"))).ok()) {
        state.SkipWithError("could not set up the workspace");
        return;
    }
    PromptRepository prompts(database);
    const QString base = QStringLiteral("key: bench\nsystem: |\n  You are a helpful assistant for {{product}}.\n"
                                        "  Today is {{current_date}}. Answer in {{language}}.\n");
    int n = 0;
    for (auto _ : state) {
        const auto added =
            prompts.addVersion(QStringLiteral("bench.prompt"), base + QStringLiteral("# revision %1\n").arg(n++),
                               QStringLiteral("bench"), QString());
        if (!added || !added->created) {
            state.SkipWithError("addVersion failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddPromptVersion)->Unit(benchmark::kMicrosecond);

/// Re-importing an unchanged prompt: hash, compare with the latest version, add nothing.
void BM_AddPromptVersionUnchanged(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    if (!dir.isValid() || !database.open(dir.filePath(QStringLiteral("bench.db"))).ok()) {
        state.SkipWithError("could not set up the workspace");
        return;
    }
    PromptRepository prompts(database);
    const QString body = QStringLiteral("key: bench\nsystem: You are a helpful assistant.\n");
    if (!prompts.addVersion(QStringLiteral("bench.prompt"), body, QString(), QString())) {
        state.SkipWithError("could not add the first version");
        return;
    }
    for (auto _ : state) {
        const auto added = prompts.addVersion(QStringLiteral("bench.prompt"), body, QString(), QString());
        if (!added || added->created) {
            state.SkipWithError("an unchanged body created a version");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddPromptVersionUnchanged)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char **argv)
{
    return Bench::run(argc, argv);
}
