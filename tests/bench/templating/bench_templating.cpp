// Rendering speed of the Mustache engine on prompt-shaped templates.
// Targets (Release build): simple compiled render < 2 us; 120-item section loop < 20 us.

#include "core/templating/Template.h"

#include <QJsonArray>
#include <QJsonObject>
#include <benchmark/benchmark.h>

using namespace Switchyard::Templating;

namespace {

// A ~4 KB system prompt using 30 distinct variables, some twice, a section and an inverted section.
QString largePromptText()
{
    QString text;
    text += QStringLiteral("You are {{assistant_name}}, the support assistant of {{company}} ({{company_url}}).\n"
                           "Answer in {{language}} with a {{tone}} tone. The customer is {{customer.name}} "
                           "from {{customer.city}}, {{customer.country}}, on the {{plan}} plan since "
                           "{{customer.since}}.\n\n");
    for (int paragraph = 0; paragraph < 6; ++paragraph) {
        text += QStringLiteral("## Guideline %1\n").arg(paragraph + 1);
        text += QStringLiteral(
            "Keep answers under {{max_words}} words unless the customer asks for detail. Mention {{product}} "
            "features only when they are relevant, and never promise delivery before {{delivery_date}}. If the "
            "customer is upset, apologise once, then focus on the fix. Refer billing questions to {{billing_email}} "
            "and security questions to {{security_email}}. Office hours are {{office_hours}} ({{timezone}}).\n");
        text += QStringLiteral("Escalate to {{escalation_team}} after {{escalation_after}} failed attempts; the "
                               "current queue time is {{queue_minutes}} minutes.\n\n");
    }
    text +=
        QStringLiteral("{{#vip}}This is a VIP customer: offer a call with {{account_manager}}.\n{{/vip}}"
                       "{{^vip}}Offer the self-service portal at {{portal_url}} first.\n{{/vip}}"
                       "Known issues today: {{known_issues}}. Release {{release}} ships on {{release_date}}.\n"
                       "Never reveal {{internal_codename}}. Sign as {{signature}} / {{team}}. Ref {{ticket_id}}.\n");
    return text;
}

QJsonObject largePromptData()
{
    QJsonObject data;
    const char *const names[] = {"assistant_name",
                                 "company",
                                 "company_url",
                                 "language",
                                 "tone",
                                 "plan",
                                 "max_words",
                                 "product",
                                 "delivery_date",
                                 "billing_email",
                                 "security_email",
                                 "office_hours",
                                 "timezone",
                                 "escalation_team",
                                 "escalation_after",
                                 "queue_minutes",
                                 "account_manager",
                                 "portal_url",
                                 "known_issues",
                                 "release",
                                 "release_date",
                                 "internal_codename",
                                 "signature",
                                 "team",
                                 "ticket_id"};
    for (const char *name : names)
        data.insert(QLatin1String(name), QStringLiteral("value of %1").arg(QLatin1String(name)));
    data.insert(QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
                                                        {QStringLiteral("city"), QStringLiteral("London")},
                                                        {QStringLiteral("country"), QStringLiteral("UK")},
                                                        {QStringLiteral("since"), 2019}});
    data.insert(QStringLiteral("vip"), true);
    return data;
}

QJsonObject loopData()
{
    QJsonArray items;
    for (int i = 0; i < 120; ++i) {
        items.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Item %1").arg(i)},
                                 {QStringLiteral("price"), 9.99 + i},
                                 {QStringLiteral("sku"), QStringLiteral("SKU-%1").arg(i, 5, 10, QLatin1Char('0'))}});
    }
    return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("currency"), QStringLiteral("EUR")}};
}

const QString kLoopText = QStringLiteral("Catalogue:\n{{#items}}\n- {{name}} ({{sku}}): {{price}} {{currency}}\n"
                                         "{{/items}}\nEnd of catalogue.\n");

const QString kSimpleText =
    QStringLiteral("Hello {{name}}! You are talking to {{assistant}}, a helpful assistant for {{company}}. "
                   "Please answer in {{language}} and keep it short. Today is a good day to ask questions.");

Template compileOrDie(const QString &text)
{
    Switchyard::Result<Template> compiled = Template::compile(text);
    if (!compiled)
        qFatal("benchmark template does not compile: %s", qPrintable(compiled.error().toString()));
    return *compiled;
}

void checkRender(benchmark::State &state, const Switchyard::Result<QString> &out)
{
    if (!out)
        state.SkipWithError("render failed");
}

QJsonObject simpleData()
{
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")},
                       {QStringLiteral("assistant"), QStringLiteral("Switchyard")},
                       {QStringLiteral("company"), QStringLiteral("Example Corp")},
                       {QStringLiteral("language"), QStringLiteral("English")}};
}

// Renders from plain JSON: what Template::render(QJsonValue) costs, data preparation included.
template <typename Data> void renderLoop(benchmark::State &state, const Template &tpl, const Data &data)
{
    const RenderOptions options;
    for (auto _ : state) {
        Switchyard::Result<QString> out = tpl.render(data, options);
        checkRender(state, out);
        benchmark::DoNotOptimize(out);
    }
}

void BM_RenderSimple(benchmark::State &state)
{
    renderLoop(state, compileOrDie(kSimpleText), simpleData());
}
BENCHMARK(BM_RenderSimple);

// The same render with data prepared once (RenderData): the render-many fast path.
void BM_RenderSimplePrepared(benchmark::State &state)
{
    renderLoop(state, compileOrDie(kSimpleText), RenderData::fromJson(simpleData()));
}
BENCHMARK(BM_RenderSimplePrepared);

void BM_RenderLargePrompt(benchmark::State &state)
{
    const QString text = largePromptText();
    const Template tpl = compileOrDie(text);
    state.counters["template_chars"] = double(text.size());
    state.counters["tags"] = double(tpl.variables().size());
    renderLoop(state, tpl, largePromptData());
}
BENCHMARK(BM_RenderLargePrompt);

void BM_RenderLargePromptPrepared(benchmark::State &state)
{
    renderLoop(state, compileOrDie(largePromptText()), RenderData::fromJson(largePromptData()));
}
BENCHMARK(BM_RenderLargePromptPrepared);

void BM_RenderLoop120(benchmark::State &state)
{
    renderLoop(state, compileOrDie(kLoopText), loopData());
    state.SetItemsProcessed(state.iterations() * 120);
}
BENCHMARK(BM_RenderLoop120);

void BM_RenderLoop120Prepared(benchmark::State &state)
{
    renderLoop(state, compileOrDie(kLoopText), RenderData::fromJson(loopData()));
    state.SetItemsProcessed(state.iterations() * 120);
}
BENCHMARK(BM_RenderLoop120Prepared);

void BM_PrepareLoop120Data(benchmark::State &state)
{
    const QJsonObject data = loopData();
    for (auto _ : state) {
        RenderData prepared = RenderData::fromJson(data);
        benchmark::DoNotOptimize(prepared);
    }
}
BENCHMARK(BM_PrepareLoop120Data);

void BM_CompileAndRenderLargePrompt(benchmark::State &state)
{
    const QString text = largePromptText();
    const QJsonObject data = largePromptData();
    const RenderOptions options;
    for (auto _ : state) {
        Switchyard::Result<QString> out = Template::renderText(text, data, options);
        checkRender(state, out);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_CompileAndRenderLargePrompt);

void BM_CompileLargePrompt(benchmark::State &state)
{
    const QString text = largePromptText();
    for (auto _ : state) {
        Switchyard::Result<Template> compiled = Template::compile(text);
        if (!compiled)
            state.SkipWithError("compile failed");
        benchmark::DoNotOptimize(compiled);
    }
}
BENCHMARK(BM_CompileLargePrompt);

void BM_RenderLargePromptAllMissingKept(benchmark::State &state)
{
    // The editor's live preview before any variable is filled in: every tag is re-emitted and reported.
    const Template tpl = compileOrDie(largePromptText());
    const QJsonObject data;
    const RenderOptions options;
    RenderReport report;
    for (auto _ : state) {
        Switchyard::Result<QString> out = tpl.render(data, options, &report);
        checkRender(state, out);
        benchmark::DoNotOptimize(out);
    }
    state.counters["missing"] = double(report.missing.size());
}
BENCHMARK(BM_RenderLargePromptAllMissingKept);

}  // namespace

BENCHMARK_MAIN();
