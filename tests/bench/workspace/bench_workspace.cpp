// Workspace-level benchmarks: rendering the structured astrologer prompt as the engine will, and importing a folder
// of 1,000 prompt files into a real SQLite workspace.
#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/PromptRenderer.h"
#include "core/store/Database.h"
#include "core/templating/SystemVariables.h"
#include "core/workspace/PromptFolder.h"
#include "tests/bench/BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace Switchyard;

namespace {

QByteArray readSample(const char *name)
{
    QFile file(QStringLiteral(SWITCHYARD_SAMPLE_DIR "/prompts/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject astrologerVariables()
{
    return QJsonObject{
        {QStringLiteral("user_name"), QStringLiteral("Priya")},
        {QStringLiteral("sun_sign"), QStringLiteral("Leo")},
        {QStringLiteral("moon_sign"), QStringLiteral("Pisces")},
        {QStringLiteral("ascendant"), QStringLiteral("Virgo")},
        {QStringLiteral("question"), QStringLiteral("Is this a good week to ask for a raise?")},
        {QStringLiteral("past_memories"),
         QJsonArray{
             QJsonObject{{QStringLiteral("date"), QStringLiteral("2 November 2026")},
                         {QStringLiteral("summary"), QStringLiteral("Asked about changing teams")}},
             QJsonObject{{QStringLiteral("date"), QStringLiteral("9 November 2026")},
                         {QStringLiteral("summary"), QStringLiteral("Felt better after talking to the manager")}}}},
    };
}

void BM_AstrologerRenderCompiled(benchmark::State &state)
{
    auto parsed =
        PromptDocumentParser::parse(readSample("astrologer_daily.yaml"), QStringLiteral("astrologer_daily.yaml"));
    if (!parsed) {
        state.SkipWithError("sample prompt does not parse");
        return;
    }
    auto renderer = PromptRenderer::compile(parsed->doc);
    if (!renderer) {
        state.SkipWithError("sample prompt does not compile");
        return;
    }
    Templating::SystemVariables system;
    system.setClock([] { return QDateTime(QDate(2026, 1, 15), QTime(14, 45), Qt::UTC); });
    Templating::RenderOptions options;
    options.system = &system;
    const QJsonObject variables = astrologerVariables();
    for (auto _ : state) {
        auto rendered = renderer->render(variables, options);
        benchmark::DoNotOptimize(rendered);
    }
}
BENCHMARK(BM_AstrologerRenderCompiled)->Unit(benchmark::kMicrosecond);

void BM_AstrologerParseCompileRender(benchmark::State &state)
{
    const QByteArray yaml = readSample("astrologer_daily.yaml");
    Templating::SystemVariables system;
    Templating::RenderOptions options;
    options.system = &system;
    const QJsonObject variables = astrologerVariables();
    for (auto _ : state) {
        auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("astrologer_daily.yaml"));
        auto rendered = PromptRenderer::render(parsed->doc, variables, options);
        benchmark::DoNotOptimize(rendered);
    }
}
BENCHMARK(BM_AstrologerParseCompileRender)->Unit(benchmark::kMicrosecond);

/// Imports N generated prompt files into a fresh workspace (the folder is written once, outside the timing).
void BM_ImportPromptFolder(benchmark::State &state)
{
    const int files = int(state.range(0));
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("prompts"));
    QDir().mkpath(folder);
    for (int i = 0; i < files; ++i) {
        QFile file(QStringLiteral("%1/prompt_%2.yaml").arg(folder).arg(i, 4, 10, QLatin1Char('0')));
        if (!file.open(QIODevice::WriteOnly)) {
            state.SkipWithError("cannot write prompt files");
            return;
        }
        file.write(
            QStringLiteral("key: prompt_%1\ndescription: Generated prompt %1\ntemperature: 0.3\nmax_tokens: 500\n"
                           "system: |\n  You are assistant number %1 for {{product}}.\n  Answer {{customer}} "
                           "politely; today is {{current_date}}.\nuser: |\n  {{question}}\n")
                .arg(i)
                .toUtf8());
    }
    int round = 0;
    for (auto _ : state) {
        Database database;
        if (!database.open(dir.filePath(QStringLiteral("ws-%1.db").arg(round++)))) {
            state.SkipWithError("cannot open the workspace");
            return;
        }
        auto report = PromptFolder(database).importFrom(folder, QStringLiteral("bench"));
        if (!report || report->created.size() != files) {
            state.SkipWithError("import failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * files);
}
BENCHMARK(BM_ImportPromptFolder)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char **argv)
{
    return Bench::run(argc, argv);
}
