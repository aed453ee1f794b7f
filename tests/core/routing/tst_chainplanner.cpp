#include "core/providers/ProvidersFile.h"
#include "core/routing/ChainPlanner.h"

#include <QFile>
#include <QTest>

using namespace Switchyard;

namespace {

const QString kSystem = QStringLiteral("You are Switchyard's helpful assistant. Today is Sunday.");

LlmConfig makeConfig(const QString &provider, const QString &model, const QString &region = {},
                     const QString &chain = {})
{
    LlmConfig config;
    config.name = QStringLiteral("test");
    config.provider = provider;
    config.model = model;
    config.region = region;
    config.chain = chain;
    return config;
}

/// "provider/model@region" per hop, for compact comparisons.
QStringList path(const ChainPlan &plan)
{
    QStringList result;
    for (const PlannedHop &hop : plan.hops)
        result.append(hop.breakerKey().toString());
    return result;
}

ModelSpec model(const QString &id, int contextWindow)
{
    ModelSpec spec;
    spec.id = id;
    spec.contextWindow = contextWindow;
    spec.maxOutputTokens = 4096;
    spec.price.inputPer1k = 0.001;
    spec.price.outputPer1k = 0.002;
    return spec;
}

ProviderSpec provider(const QString &id, const QString &kind, const QList<ModelSpec> &models,
                      const QString &region = {}, const QStringList &regions = {})
{
    ProviderSpec spec;
    spec.id = id;
    spec.kind = kind;
    spec.models = models;
    spec.region = region;
    spec.regions = regions;
    return spec;
}

}  // namespace

class TestChainPlanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void classicDefaults_data();
    void classicDefaults();
    void hopsCarrySpecAndInstruction();
    void namedChainIsDeduplicated();
    void namedChainAfterRules();
    void regionChainKeepsHopRegion();
    void regionInheritance();
    void ruleMatchingByModelAndRegion();
    void unknownHopsAreSkippedWithWarnings();
    void unknownChainAndPrimary();
    void providerWithoutModelList();
    void smallerContextFlag();
    void largerContextLookup();

private:
    ProvidersConfig m_sample;
};

void TestChainPlanner::initTestCase()
{
    const QString fileName = QStringLiteral(SWITCHYARD_SAMPLE_DIR "/providers.yaml");
    QFile file(fileName);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(fileName));
    const Result<ParsedProviders> parsed = ProvidersFile::parse(file.readAll(), fileName);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
    m_sample = parsed->config;
}

void TestChainPlanner::classicDefaults_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("gemini pro → flash → 2.0 flash")
        << QStringLiteral("gemini") << QStringLiteral("gemini-2.5-pro") << QString()
        << QStringList{QStringLiteral("gemini/gemini-2.5-pro"), QStringLiteral("gemini/gemini-2.5-flash"),
                       QStringLiteral("gemini/gemini-2.0-flash")};
    QTest::newRow("bedrock deepseek (default region) → byteplus → gemini")
        << QStringLiteral("bedrock") << QStringLiteral("deepseek.r1-v1:0") << QString()
        << QStringList{QStringLiteral("bedrock/deepseek.r1-v1:0@ap-south-1"),
                       QStringLiteral("byteplus/deepseek-r1-250528"), QStringLiteral("gemini/gemini-2.0-flash")};
    QTest::newRow("bedrock deepseek ap-south-1 → byteplus → gemini")
        << QStringLiteral("bedrock") << QStringLiteral("deepseek.r1-v1:0") << QStringLiteral("ap-south-1")
        << QStringList{QStringLiteral("bedrock/deepseek.r1-v1:0@ap-south-1"),
                       QStringLiteral("byteplus/deepseek-r1-250528"), QStringLiteral("gemini/gemini-2.0-flash")};
    QTest::newRow("bedrock deepseek us-east-1: the ap-south-1 rule does not apply")
        << QStringLiteral("bedrock") << QStringLiteral("deepseek.r1-v1:0") << QStringLiteral("us-east-1")
        << QStringList{QStringLiteral("bedrock/deepseek.r1-v1:0@us-east-1"), QStringLiteral("gemini/gemini-2.0-flash")};
    QTest::newRow("byteplus → gemini") << QStringLiteral("byteplus") << QStringLiteral("deepseek-r1-250528")
                                       << QString()
                                       << QStringList{QStringLiteral("byteplus/deepseek-r1-250528"),
                                                      QStringLiteral("gemini/gemini-2.0-flash")};
    QTest::newRow("universal fallback alone is not doubled")
        << QStringLiteral("gemini") << QStringLiteral("gemini-2.0-flash") << QString()
        << QStringList{QStringLiteral("gemini/gemini-2.0-flash")};
    QTest::newRow("openai gpt-4o → mini → gemini")
        << QStringLiteral("openai") << QStringLiteral("gpt-4o") << QString()
        << QStringList{QStringLiteral("openai/gpt-4o"), QStringLiteral("openai/gpt-4o-mini"),
                       QStringLiteral("gemini/gemini-2.0-flash")};
}

void TestChainPlanner::classicDefaults()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(QString, region);
    QFETCH(QStringList, expected);
    const ChainPlan plan = ChainPlanner(m_sample).plan(makeConfig(provider, model, region), kSystem);
    QCOMPARE(path(plan), expected);
    QVERIFY2(plan.warnings.isEmpty(), qPrintable(plan.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(plan.hops.constFirst().origin, PlannedHop::Origin::Primary);
    QCOMPARE(plan.hops.constLast().origin,
             expected.size() == 1 ? PlannedHop::Origin::Primary : PlannedHop::Origin::Universal);
}

void TestChainPlanner::hopsCarrySpecAndInstruction()
{
    const ChainPlan plan =
        ChainPlanner(m_sample).plan(makeConfig(QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0")), kSystem);
    QCOMPARE(plan.hops.size(), 3);
    for (const PlannedHop &hop : plan.hops)
        QCOMPARE(hop.systemInstruction, kSystem);

    const PlannedHop &bedrock = plan.hops.at(0);
    QCOMPARE(bedrock.providerKind, QStringLiteral("bedrock"));
    QCOMPARE(bedrock.contextWindow, 128000);
    QCOMPARE(bedrock.maxOutputTokens, 32768);
    QCOMPARE(bedrock.price.inputPer1k, 0.00135);
    QCOMPARE(bedrock.price.outputPer1k, 0.0054);

    const PlannedHop &byteplus = plan.hops.at(1);
    QCOMPARE(byteplus.origin, PlannedHop::Origin::Rule);
    QCOMPARE(byteplus.providerKind, QStringLiteral("byteplus"));
    QCOMPARE(byteplus.region, QString());
    QCOMPARE(byteplus.contextWindow, 128000);
    QCOMPARE(byteplus.price.inputPer1k, 0.00055);
    QCOMPARE(byteplus.price.outputPer1k, 0.00219);
    QVERIFY(!byteplus.smallerContextThanPrimary);

    const PlannedHop &gemini = plan.hops.at(2);
    QCOMPARE(gemini.origin, PlannedHop::Origin::Universal);
    QCOMPARE(gemini.contextWindow, 1048576);
    QCOMPARE(gemini.price.cachedInputPer1k, std::optional<double>(0.000025));
}

void TestChainPlanner::namedChainIsDeduplicated()
{
    // The "default" chain starts with the primary and repeats the rule's and the universal fallback's hops.
    const ChainPlan plan = ChainPlanner(m_sample).plan(
        makeConfig(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), {}, QStringLiteral("default")), kSystem);
    QCOMPARE(path(plan),
             (QStringList{QStringLiteral("gemini/gemini-2.5-pro"), QStringLiteral("gemini/gemini-2.5-flash"),
                          QStringLiteral("gemini/gemini-2.0-flash")}));
    QCOMPARE(plan.hops.at(1).origin, PlannedHop::Origin::Rule);  // first place wins
    QCOMPARE(plan.hops.at(2).origin, PlannedHop::Origin::Chain);
    QCOMPARE(plan.hops.at(2).originName, QStringLiteral("default"));
    QVERIFY(plan.warnings.isEmpty());
}

void TestChainPlanner::namedChainAfterRules()
{
    const ChainPlan plan = ChainPlanner(m_sample).plan(
        makeConfig(QStringLiteral("openai"), QStringLiteral("gpt-4o"), {}, QStringLiteral("premium")), kSystem);
    QCOMPARE(path(plan),
             (QStringList{QStringLiteral("openai/gpt-4o"), QStringLiteral("openai/gpt-4o-mini"),
                          QStringLiteral("anthropic/claude-sonnet-4-5"), QStringLiteral("gemini/gemini-2.5-pro"),
                          QStringLiteral("gemini/gemini-2.0-flash")}));
    QCOMPARE(plan.hops.at(1).origin, PlannedHop::Origin::Rule);
    QCOMPARE(plan.hops.at(2).origin, PlannedHop::Origin::Chain);
    QCOMPARE(plan.hops.at(4).origin, PlannedHop::Origin::Universal);
}

void TestChainPlanner::regionChainKeepsHopRegion()
{
    // Primary in us-east-1; the chain's Bedrock hop names ap-south-1 itself, so it is a different hop.
    const ChainPlan plan =
        ChainPlanner(m_sample).plan(makeConfig(QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0"),
                                               QStringLiteral("us-east-1"), QStringLiteral("reasoning_india")),
                                    kSystem);
    QCOMPARE(path(plan),
             (QStringList{QStringLiteral("bedrock/deepseek.r1-v1:0@us-east-1"),
                          QStringLiteral("bedrock/deepseek.r1-v1:0@ap-south-1"),
                          QStringLiteral("byteplus/deepseek-r1-250528"), QStringLiteral("gemini/gemini-2.0-flash")}));
}

void TestChainPlanner::regionInheritance()
{
    ProvidersConfig config;
    config.providers = {
        provider(QStringLiteral("bedrock"), QStringLiteral("bedrock"),
                 {model(QStringLiteral("claude"), 200000), model(QStringLiteral("llama"), 128000)},
                 QStringLiteral("ap-south-1"), {QStringLiteral("ap-south-1"), QStringLiteral("us-west-2")}),
        provider(QStringLiteral("bedrock-eu"), QStringLiteral("bedrock"), {model(QStringLiteral("claude"), 200000)},
                 QStringLiteral("eu-central-1"), {QStringLiteral("eu-central-1")}),
        provider(QStringLiteral("bedrock-any"), QStringLiteral("bedrock"), {model(QStringLiteral("claude"), 200000)}),
        provider(QStringLiteral("byteplus"), QStringLiteral("byteplus"), {model(QStringLiteral("r1"), 128000)},
                 QStringLiteral("ap-southeast-1")),
    };
    FallbackRule rule;
    rule.match = ChainHop{QStringLiteral("bedrock"), QStringLiteral("claude"), {}};
    rule.then = {
        ChainHop{QStringLiteral("bedrock"), QStringLiteral("llama"), {}},  // same provider: inherits
        ChainHop{QStringLiteral("bedrock"), QStringLiteral("llama"), QStringLiteral("ap-south-1")},  // own region
        ChainHop{QStringLiteral("bedrock-eu"), QStringLiteral("claude"), {}},   // same kind, region not served
        ChainHop{QStringLiteral("bedrock-any"), QStringLiteral("claude"), {}},  // same kind, no region list
        ChainHop{QStringLiteral("byteplus"), QStringLiteral("r1"), {}},         // other kind: its default
    };
    config.rules = {rule};

    const ChainPlan plan = ChainPlanner(config).plan(
        makeConfig(QStringLiteral("bedrock"), QStringLiteral("claude"), QStringLiteral("us-west-2")), kSystem);
    QCOMPARE(
        path(plan),
        (QStringList{QStringLiteral("bedrock/claude@us-west-2"), QStringLiteral("bedrock/llama@us-west-2"),
                     QStringLiteral("bedrock/llama@ap-south-1"), QStringLiteral("bedrock-eu/claude@eu-central-1"),
                     QStringLiteral("bedrock-any/claude@us-west-2"), QStringLiteral("byteplus/r1@ap-southeast-1")}));

    // Without a region in the config, the primary and its same-provider hops use the provider's default.
    const ChainPlan defaults =
        ChainPlanner(config).plan(makeConfig(QStringLiteral("bedrock"), QStringLiteral("claude")), kSystem);
    QCOMPARE(defaults.hops.at(0).region, QStringLiteral("ap-south-1"));
    QCOMPARE(defaults.hops.at(1).region, QStringLiteral("ap-south-1"));
    QCOMPARE(defaults.hops.at(1).breakerKey().toString(), QStringLiteral("bedrock/llama@ap-south-1"));
    QCOMPARE(defaults.hops.size(), 5);  // the explicit ap-south-1 llama hop is now a duplicate
}

void TestChainPlanner::ruleMatchingByModelAndRegion()
{
    ProvidersConfig config;
    config.providers = {provider(QStringLiteral("p"), QStringLiteral("bedrock"),
                                 {model(QStringLiteral("a"), 1000), model(QStringLiteral("b"), 1000),
                                  model(QStringLiteral("c"), 1000), model(QStringLiteral("d"), 1000)},
                                 QStringLiteral("r1"), {QStringLiteral("r1"), QStringLiteral("r2")})};
    FallbackRule anyModel;  // provider-wide rule
    anyModel.match = ChainHop{QStringLiteral("p"), {}, {}};
    anyModel.then = {ChainHop{QStringLiteral("p"), QStringLiteral("d"), {}}};
    FallbackRule modelA;
    modelA.match = ChainHop{QStringLiteral("p"), QStringLiteral("a"), {}};
    modelA.then = {ChainHop{QStringLiteral("p"), QStringLiteral("b"), {}}};
    FallbackRule regionR2;
    regionR2.match = ChainHop{QStringLiteral("p"), QStringLiteral("a"), QStringLiteral("r2")};
    regionR2.then = {ChainHop{QStringLiteral("p"), QStringLiteral("c"), {}}};
    config.rules = {anyModel, modelA, regionR2};
    const ChainPlanner planner(config);

    QCOMPARE(path(planner.plan(makeConfig(QStringLiteral("p"), QStringLiteral("a")), kSystem)),
             (QStringList{QStringLiteral("p/a@r1"), QStringLiteral("p/d@r1"), QStringLiteral("p/b@r1")}));
    QCOMPARE(path(planner.plan(makeConfig(QStringLiteral("p"), QStringLiteral("a"), QStringLiteral("r2")), kSystem)),
             (QStringList{QStringLiteral("p/a@r2"), QStringLiteral("p/d@r2"), QStringLiteral("p/b@r2"),
                          QStringLiteral("p/c@r2")}));
    QCOMPARE(path(planner.plan(makeConfig(QStringLiteral("p"), QStringLiteral("b")), kSystem)),
             (QStringList{QStringLiteral("p/b@r1"), QStringLiteral("p/d@r1")}));
}

void TestChainPlanner::unknownHopsAreSkippedWithWarnings()
{
    ProvidersConfig config = m_sample;
    ChainSpec chain;
    chain.name = QStringLiteral("broken");
    chain.hops = {ChainHop{QStringLiteral("mistral"), QStringLiteral("mistral-large"), {}},
                  ChainHop{QStringLiteral("gemini"), QStringLiteral("gemini-9-ultra"), {}},
                  ChainHop{QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"), {}}};
    config.chains.append(chain);
    const ChainPlan plan = ChainPlanner(config).plan(
        makeConfig(QStringLiteral("groq"), QStringLiteral("llama-3.3-70b-versatile"), {}, QStringLiteral("broken")),
        kSystem);
    QCOMPARE(path(plan),
             (QStringList{QStringLiteral("groq/llama-3.3-70b-versatile"), QStringLiteral("anthropic/claude-sonnet-4-5"),
                          QStringLiteral("gemini/gemini-2.0-flash")}));
    QCOMPARE(plan.warnings.size(), 2);
    QVERIFY2(plan.warnings.at(0).contains(QStringLiteral("\"mistral\"")), qPrintable(plan.warnings.at(0)));
    QVERIFY(plan.warnings.at(0).contains(QStringLiteral("Hop 1 of chain \"broken\"")));
    QVERIFY(plan.warnings.at(0).contains(QStringLiteral("skipped")));
    QVERIFY2(plan.warnings.at(1).contains(QStringLiteral("\"gemini-9-ultra\"")), qPrintable(plan.warnings.at(1)));
    QVERIFY(plan.warnings.at(1).contains(QStringLiteral("Hop 2 of chain \"broken\"")));
}

void TestChainPlanner::unknownChainAndPrimary()
{
    const ChainPlanner planner(m_sample);
    const ChainPlan noChain = planner.plan(
        makeConfig(QStringLiteral("byteplus"), QStringLiteral("deepseek-r1-250528"), {}, QStringLiteral("nightly")),
        kSystem);
    QCOMPARE(path(noChain),
             (QStringList{QStringLiteral("byteplus/deepseek-r1-250528"), QStringLiteral("gemini/gemini-2.0-flash")}));
    QCOMPARE(noChain.warnings.size(), 1);
    QVERIFY(noChain.warnings.at(0).contains(QStringLiteral("\"nightly\"")));
    QVERIFY(noChain.warnings.at(0).contains(QStringLiteral("failover_chains")));

    const ChainPlan noPrimary =
        planner.plan(makeConfig(QStringLiteral("vertex"), QStringLiteral("gemini-2.5-pro")), kSystem);
    QCOMPARE(path(noPrimary), QStringList{QStringLiteral("gemini/gemini-2.0-flash")});
    QCOMPARE(noPrimary.hops.at(0).origin, PlannedHop::Origin::Universal);
    QVERIFY(!noPrimary.hops.at(0).smallerContextThanPrimary);
    QCOMPARE(noPrimary.warnings.size(), 1);
    QVERIFY(noPrimary.warnings.at(0).contains(QStringLiteral("primary")));

    // An empty config plans nothing, and says why.
    const ChainPlan empty =
        ChainPlanner(ProvidersConfig{}).plan(makeConfig(QStringLiteral("x"), QStringLiteral("y")), kSystem);
    QVERIFY(empty.hops.isEmpty());
    QCOMPARE(empty.warnings.size(), 1);
}

void TestChainPlanner::providerWithoutModelList()
{
    ProvidersConfig config;
    config.providers = {provider(QStringLiteral("vllm"), QStringLiteral("openai_compatible"), {})};
    const ChainPlan plan =
        ChainPlanner(config).plan(makeConfig(QStringLiteral("vllm"), QStringLiteral("my-finetune")), kSystem);
    QCOMPARE(path(plan), QStringList{QStringLiteral("vllm/my-finetune")});
    QCOMPARE(plan.hops.at(0).contextWindow, 0);  // unknown
    QVERIFY(plan.warnings.isEmpty());
}

void TestChainPlanner::smallerContextFlag()
{
    const ChainPlan plan = ChainPlanner(m_sample).plan(
        makeConfig(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), {}, QStringLiteral("cost_optimized")),
        kSystem);
    QCOMPARE(path(plan),
             (QStringList{QStringLiteral("gemini/gemini-2.5-pro"), QStringLiteral("gemini/gemini-2.5-flash"),
                          QStringLiteral("groq/llama-3.1-8b-instant"), QStringLiteral("deepseek/deepseek-chat"),
                          QStringLiteral("gemini/gemini-2.0-flash")}));
    const QList<bool> smaller{false, false, true, true, false};
    for (int i = 0; i < plan.hops.size(); ++i)
        QCOMPARE(plan.hops.at(i).smallerContextThanPrimary, smaller.at(i));
}

void TestChainPlanner::largerContextLookup()
{
    // sim-fast 32768 → sim-smart 200000 → gemini-2.0-flash 1048576
    const ChainPlan plan = ChainPlanner(m_sample).plan(
        makeConfig(QStringLiteral("simulator"), QStringLiteral("sim-fast"), {}, QStringLiteral("offline")), kSystem);
    QCOMPARE(path(plan), (QStringList{QStringLiteral("simulator/sim-fast"), QStringLiteral("simulator/sim-smart"),
                                      QStringLiteral("gemini/gemini-2.0-flash")}));
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 0), std::optional<int>(1));
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 0, 150000), std::optional<int>(1));
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 0, 300000), std::optional<int>(2));
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 1), std::optional<int>(2));
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 0, 2000000), std::nullopt);
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 2), std::nullopt);
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, -1), std::nullopt);
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(plan, 3), std::nullopt);

    // Equal windows do not count as larger: bedrock deepseek (128k) → byteplus (128k) → gemini (1M).
    const ChainPlan equal =
        ChainPlanner(m_sample).plan(makeConfig(QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0")), kSystem);
    QCOMPARE(ChainPlanner::nextHopWithLargerContext(equal, 0), std::optional<int>(2));
}

QTEST_GUILESS_MAIN(TestChainPlanner)
#include "tst_chainplanner.moc"
