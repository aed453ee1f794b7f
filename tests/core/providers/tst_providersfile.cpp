#include "core/providers/ProvidersFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Switchyard;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/providers/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

const ProviderSpec *provider(const ProvidersConfig &config, const QString &id)
{
    for (const ProviderSpec &spec : config.providers) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

const ModelSpec *model(const ProviderSpec &provider, const QString &id)
{
    for (const ModelSpec &spec : provider.models) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

/// A minimal valid file the error rows extend.
const char kBase[] = "providers:\n"
                     "  openai:\n"
                     "    kind: openai\n"
                     "    api_key: ${OPENAI_API_KEY}\n"
                     "    models:\n"
                     "      gpt-4o-mini: {pricing: {input: 0.00015, output: 0.0006}}\n"
                     "  bedrock:\n"
                     "    kind: bedrock\n"
                     "    regions: [ap-south-1, us-east-1]\n"
                     "    models:\n"
                     "      deepseek.r1-v1:0: {}\n";

}  // namespace

class TestProvidersFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesFullFile();
    void roundTrip();
    void roundTripBuiltConfig();
    void pricesHaveNoFloatNoise();
    void keyReferencesAreKeptVerbatim_data();
    void keyReferencesAreKeptVerbatim();
    void literalSecretIsRejectedWithoutEchoingIt_data();
    void literalSecretIsRejectedWithoutEchoingIt();
    void secretFixture();
    void errors_data();
    void errors();
    void errorFixtures_data();
    void errorFixtures();
    void unknownKeysAreWarnings();
    void deepNestingIsRejected();
};

void TestProvidersFile::parsesFullFile()
{
    const auto parsed = ProvidersFile::parse(fixture(QStringLiteral("full.yaml")), QStringLiteral("full.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const ProvidersConfig &config = parsed->config;
    QVERIFY(parsed->warnings.isEmpty());

    QStringList ids;
    QStringList kinds;
    for (const ProviderSpec &spec : config.providers) {
        ids << spec.id;
        kinds << spec.kind;
    }
    QCOMPARE(ids, QStringList({QStringLiteral("openai"), QStringLiteral("azure"), QStringLiteral("anthropic"),
                               QStringLiteral("gemini"), QStringLiteral("bedrock"), QStringLiteral("openrouter"),
                               QStringLiteral("groq"), QStringLiteral("deepseek"), QStringLiteral("byteplus"),
                               QStringLiteral("local")}));
    QCOMPARE(kinds, QStringList({QStringLiteral("openai"), QStringLiteral("azure_openai"), QStringLiteral("anthropic"),
                                 QStringLiteral("gemini"), QStringLiteral("bedrock"), QStringLiteral("openrouter"),
                                 QStringLiteral("groq"), QStringLiteral("deepseek"), QStringLiteral("byteplus"),
                                 QStringLiteral("ollama")}));

    const ProviderSpec *openai = provider(config, QStringLiteral("openai"));
    QVERIFY(openai);
    QCOMPARE(openai->displayName, QStringLiteral("OpenAI"));
    QCOMPARE(openai->baseUrl, QStringLiteral("https://api.openai.com"));
    QCOMPARE(openai->apiKeyRef, QStringLiteral("${OPENAI_API_KEY}"));
    QCOMPARE(openai->rateLimits.requestsPerMinute, 500);
    QCOMPARE(openai->rateLimits.tokensPerMinute, 200000);
    QCOMPARE(openai->models.size(), 3);
    const ModelSpec *mini = model(*openai, QStringLiteral("gpt-4o-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->displayName, QStringLiteral("GPT-4o mini"));
    QCOMPARE(mini->contextWindow, 128000);
    QCOMPARE(mini->maxOutputTokens, 16384);
    QCOMPARE(mini->price.inputPer1k, 0.00015);
    QCOMPARE(mini->price.outputPer1k, 0.0006);
    QCOMPARE(mini->price.cachedInputPer1k, std::optional<double>(0.000075));
    QVERIFY(!mini->price.cacheWritePer1k.has_value());
    QCOMPARE(mini->capabilities, QStringList({QStringLiteral("chat"), QStringLiteral("streaming"),
                                              QStringLiteral("tools"), QStringLiteral("vision")}));
    QCOMPARE(model(*openai, QStringLiteral("o3-mini"))->price.reasoningPer1k, std::optional<double>(0.0044));

    const ProviderSpec *azure = provider(config, QStringLiteral("azure"));
    QCOMPARE(azure->apiVersion, QStringLiteral("2024-10-21"));
    QCOMPARE(azure->apiKeyRef, QStringLiteral("keychain:azure-eu"));

    const ProviderSpec *anthropic = provider(config, QStringLiteral("anthropic"));
    QCOMPARE(anthropic->apiKeyRef, QStringLiteral("env:ANTHROPIC_API_KEY"));
    QCOMPARE(anthropic->timeouts, (Timeouts{5000, 90000, 45000, 300000}));
    QCOMPARE(model(*anthropic, QStringLiteral("claude-sonnet-4"))->price.cacheWritePer1k,
             std::optional<double>(0.00375));
    QCOMPARE(openai->timeouts, Timeouts{});

    const ProviderSpec *bedrock = provider(config, QStringLiteral("bedrock"));
    QCOMPARE(bedrock->region, QStringLiteral("ap-south-1"));
    QCOMPARE(bedrock->regions,
             QStringList({QStringLiteral("ap-south-1"), QStringLiteral("us-east-1"), QStringLiteral("us-west-2")}));
    QVERIFY(model(*bedrock, QStringLiteral("deepseek.r1-v1:0")));
    QVERIFY(model(*bedrock, QStringLiteral("anthropic.claude-3-5-sonnet-20240620-v1:0")));
    QCOMPARE(bedrock->rateLimits, (RateLimits{200, 0}));

    QVERIFY(
        model(*provider(config, QStringLiteral("openrouter")), QStringLiteral("meta-llama/llama-3.3-70b-instruct")));
    const ModelSpec *reasoner =
        model(*provider(config, QStringLiteral("deepseek")), QStringLiteral("deepseek-reasoner"));
    QVERIFY(reasoner);
    QCOMPARE(*reasoner, (ModelSpec{QStringLiteral("deepseek-reasoner"), {}, 0, 0, {}, {}}));
    QVERIFY(provider(config, QStringLiteral("local"))->apiKeyRef.isEmpty());

    QCOMPARE(config.chains.size(), 3);
    QCOMPARE(config.chains.at(0).name, QStringLiteral("default"));
    QCOMPARE(config.chains.at(0).description, QStringLiteral("Gemini pro first, then its flash sibling, then OpenAI"));
    QCOMPARE(config.chains.at(0).hops,
             (QList<ChainHop>{{QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), {}},
                              {QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"), {}},
                              {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), {}}}));
    QCOMPARE(config.chains.at(2).hops.at(1),
             (ChainHop{QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0"), QStringLiteral("us-east-1")}));
    QCOMPARE(config.chains.at(2).hops.at(2), (ChainHop{QStringLiteral("byteplus"), QStringLiteral("deepseek-r1"), {}}));

    QCOMPARE(config.rules.size(), 3);
    QCOMPARE(config.rules.at(0).match,
             (ChainHop{QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0"), QStringLiteral("ap-south-1")}));
    QCOMPARE(config.rules.at(0).then.size(), 2);
    QCOMPARE(config.rules.at(2).match, (ChainHop{QStringLiteral("groq"), {}, {}}));

    QCOMPARE(config.universalFallback,
             std::optional<ChainHop>(ChainHop{QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"), {}}));
    QCOMPARE(config.circuitBreaker, (CircuitBreakerSpec{0.4, 10, 120, 45}));
}

void TestProvidersFile::roundTrip()
{
    const auto parsed = ProvidersFile::parse(fixture(QStringLiteral("full.yaml")), QStringLiteral("full.yaml"));
    QVERIFY(parsed.ok());
    const QByteArray yaml = ProvidersFile::serialize(parsed->config);
    const auto reparsed = ProvidersFile::parse(yaml, QStringLiteral("serialized.yaml"));
    QVERIFY2(reparsed.ok(), qPrintable((reparsed.ok() ? QString() : reparsed.error().toString()) + QLatin1Char('\n') +
                                       QString::fromUtf8(yaml)));
    QVERIFY(reparsed->warnings.isEmpty());
    QCOMPARE(reparsed->config, parsed->config);
    QCOMPARE(ProvidersFile::serialize(reparsed->config), yaml);
}

void TestProvidersFile::roundTripBuiltConfig()
{
    ProvidersConfig config;
    ProviderSpec vllm;
    vllm.id = QStringLiteral("my-vllm");
    vllm.kind = QStringLiteral("openai_compatible");
    vllm.displayName = QStringLiteral("vLLM: on-prem # rack 3");
    vllm.baseUrl = QStringLiteral("http://10.0.0.7:8000/v1");
    vllm.apiKeyRef = QStringLiteral("keychain:my-vllm");
    vllm.rateLimits = RateLimits{0, 50000};
    vllm.timeouts = Timeouts{1, 2, 3, 4};
    vllm.models = {ModelSpec{QStringLiteral("true"),
                             QStringLiteral("123"),
                             1,
                             2,
                             Price{0.1 + 0.2, 1e-9, 0.0, std::nullopt, 2.5e-7},
                             {QStringLiteral("a, b"), QStringLiteral("[x]")}},
                   ModelSpec{QStringLiteral("bare"), {}, 0, 0, {}, {}}};
    ProviderSpec sim;
    sim.id = QStringLiteral("sim");
    sim.kind = QStringLiteral("simulator");
    sim.regions = {QStringLiteral("r1"), QStringLiteral("r:2")};
    sim.region = QStringLiteral("r:2");
    config.providers = {vllm, sim};
    config.chains = {ChainSpec{QStringLiteral("only"),
                               {},
                               {ChainHop{QStringLiteral("sim"), QStringLiteral("anything"), QStringLiteral("r:2")}}}};
    config.rules = {FallbackRule{ChainHop{QStringLiteral("my-vllm"), {}, {}},
                                 {ChainHop{QStringLiteral("my-vllm"), QStringLiteral("bare"), {}}}}};
    config.circuitBreaker = CircuitBreakerSpec{1.0, 1, 1, 1};

    const QByteArray yaml = ProvidersFile::serialize(config);
    const auto parsed = ProvidersFile::parse(yaml, QStringLiteral("built.yaml"));
    QVERIFY2(parsed.ok(), qPrintable((parsed.ok() ? QString() : parsed.error().toString()) + QLatin1Char('\n') +
                                     QString::fromUtf8(yaml)));
    QCOMPARE(parsed->config, config);
    QVERIFY(!parsed->config.universalFallback.has_value());
}

void TestProvidersFile::pricesHaveNoFloatNoise()
{
    const auto parsed = ProvidersFile::parse(fixture(QStringLiteral("full.yaml")), QStringLiteral("full.yaml"));
    QVERIFY(parsed.ok());
    const QString yaml = QString::fromUtf8(ProvidersFile::serialize(parsed->config));
    QVERIFY2(yaml.contains(QStringLiteral("pricing: {input: 0.00015, output: 0.0006, cached_input: 0.000075}")),
             qPrintable(yaml));
    QVERIFY(yaml.contains(QStringLiteral("pricing: {input: 0.00027, output: 0.0011, cached_input: 0.00007}")));
    QVERIFY(yaml.contains(QStringLiteral("failure_rate_threshold: 0.4,")));
    QVERIFY(!yaml.contains(QStringLiteral("0000000")));
    QVERIFY(!yaml.contains(QStringLiteral("9999999")));
    QVERIFY(!yaml.contains(QRegularExpression(QStringLiteral("[0-9]e[-+]?[0-9]"))));
    // Values a flow mapping cannot hold plainly are quoted; dates stay strings.
    QVERIFY(yaml.contains(QStringLiteral("model: \"deepseek.r1-v1:0\"")));
    QVERIFY(yaml.contains(QStringLiteral("api_version: \"2024-10-21\"")));
}

void TestProvidersFile::keyReferencesAreKeptVerbatim_data()
{
    QTest::addColumn<QString>("reference");
    QTest::newRow("${ENV}") << QStringLiteral("${OPENAI_API_KEY}");
    QTest::newRow("env:") << QStringLiteral("env:OPENAI_API_KEY");
    QTest::newRow("keychain:") << QStringLiteral("keychain:openai");
    QTest::newRow("keychain: with dots") << QStringLiteral("keychain:team.openai-prod");
    QTest::newRow("quoted ${ENV}") << QStringLiteral("\"${lower_case_ok}\"");
}

void TestProvidersFile::keyReferencesAreKeptVerbatim()
{
    QFETCH(QString, reference);
    const QByteArray yaml = "providers:\n  openai:\n    kind: openai\n    api_key: " + reference.toUtf8() + "\n";
    const auto parsed = ProvidersFile::parse(yaml, QStringLiteral("providers.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QString expected = reference;
    expected.remove(QLatin1Char('"'));
    QCOMPARE(parsed->config.providers.first().apiKeyRef, expected);
    QVERIFY(ProvidersFile::isKeyReference(expected));
}

void TestProvidersFile::literalSecretIsRejectedWithoutEchoingIt_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("secret");  // the part that must not appear anywhere in the error
    QTest::newRow("openai key") << QStringLiteral("sk-proj-4fG7hJ2kL9mN3pQ8rS1tU6vW") << QStringLiteral("4fG7hJ2kL9");
    QTest::newRow("quoted key") << QStringLiteral("\"sk-ant-api03-Xy7Zq2Wv9\"") << QStringLiteral("Xy7Zq2Wv9");
    QTest::newRow("bearer") << QStringLiteral("Bearer abcdef123456") << QStringLiteral("abcdef123456");
    QTest::newRow("number") << QStringLiteral("12345678901234") << QStringLiteral("12345678901234");
    QTest::newRow("env with bad name") << QStringLiteral("env:my key") << QStringLiteral("my key");
    QTest::newRow("unclosed ${") << QStringLiteral("${MY_SECRET_VAR") << QStringLiteral("MY_SECRET_VAR");
    QTest::newRow("AWS secret") << QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                                << QStringLiteral("wJalrXUtnFEMI");
}

void TestProvidersFile::literalSecretIsRejectedWithoutEchoingIt()
{
    QFETCH(QString, value);
    QFETCH(QString, secret);
    const QByteArray yaml = "providers:\n  openai:\n    kind: openai\n    api_key: " + value.toUtf8() + "\n";
    const auto parsed = ProvidersFile::parse(yaml, QStringLiteral("providers.yaml"));
    QVERIFY(!parsed.ok());
    const Error &error = parsed.error();
    QCOMPARE(error.code, Error::Code::InvalidInput);
    QCOMPARE(error.file, QStringLiteral("providers.yaml"));
    QCOMPARE(error.line, 4);
    QCOMPARE(error.column, 14);
    QVERIFY2(error.message.startsWith(QStringLiteral("api_key of provider 'openai' looks like a literal secret")),
             qPrintable(error.message));
    QVERIFY(error.message.contains(QStringLiteral("${OPENAI_API_KEY}, env:OPENAI_API_KEY or keychain:openai")));
    QVERIFY2(!error.toString().contains(secret), qPrintable(error.toString()));
    QVERIFY(!error.message.contains(value));
}

void TestProvidersFile::secretFixture()
{
    const QByteArray yaml = fixture(QStringLiteral("broken_secret.yaml"));
    const auto parsed = ProvidersFile::parse(yaml, QStringLiteral("broken_secret.yaml"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().toString().left(25), QStringLiteral("broken_secret.yaml:4:14: "));
    QVERIFY(!parsed.error().toString().contains(QStringLiteral("LiteralSecretValue")));
    QVERIFY(!parsed.error().toString().contains(QStringLiteral("sk-proj")));
}

void TestProvidersFile::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const QByteArray base(kBase);
    QTest::newRow("unknown kind")
        << QByteArray("providers:\n  openai:\n    kind: opneai\n") << 3 << 11
        << QStringLiteral("unknown kind 'opneai' for provider 'openai' (did you mean 'openai'?); use one of: openai, "
                          "azure_openai");
    QTest::newRow("missing kind") << QByteArray("providers:\n  openai:\n    display_name: OpenAI\n") << 2 << 3
                                  << QStringLiteral("provider 'openai' has no 'kind:'");
    QTest::newRow("negative input price")
        << QByteArray(
               "providers:\n  openai:\n    kind: openai\n    models:\n      m: {pricing: {input: -1, output: 1}}\n")
        << 5 << 28
        << QStringLiteral("input (pricing of model 'm' of provider 'openai') must be a price of 0 or more (US dollars "
                          "per 1K tokens), got '-1'");
    QTest::newRow("negative cached price")
        << QByteArray("providers:\n  openai:\n    kind: openai\n    models:\n      m:\n        pricing:\n"
                      "          cached_input: -0.5\n")
        << 7 << 25 << QStringLiteral("cached_input (pricing of model 'm' of provider 'openai') must be a price");
    QTest::newRow("price not a number")
        << QByteArray("providers:\n  openai:\n    kind: openai\n    models:\n      m: {pricing: {input: cheap}}\n") << 5
        << 28 << QStringLiteral("got 'cheap'");
    QTest::newRow("duplicate provider") << base + "  openai:\n    kind: openai\n"
                                        << 12 << 3
                                        << QStringLiteral("'openai' appears twice in providers (first at line 2)");
    QTest::newRow("duplicate model")
        << QByteArray("providers:\n  openai:\n    kind: openai\n    models:\n      a: {}\n      a: {}\n") << 6 << 7
        << QStringLiteral("'a' appears twice in models of provider 'openai' (first at line 5)");
    QTest::newRow("duplicate chain")
        << base + "failover_chains:\n  c:\n    hops: [{provider: openai, model: gpt-4o-mini}]\n  c:\n"
                  "    hops: [{provider: openai, model: gpt-4o-mini}]\n"
        << 15 << 3 << QStringLiteral("'c' appears twice in failover_chains (first at line 13)");
    QTest::newRow("hop with unknown provider")
        << base + "failover_chains:\n  default:\n    hops:\n      - {provider: opnai, model: gpt-4o-mini}\n"
        << 15 << 20
        << QStringLiteral("hop 1 of chain 'default' names provider 'opnai', which is not defined under 'providers:' "
                          "(did you mean 'openai'?)");
    QTest::newRow("hop with unknown model")
        << base + "failover_chains:\n  default:\n    hops:\n      - {provider: openai, model: gpt-4o-mini}\n"
                  "      - {provider: openai, model: gpt-5-ultra}\n"
        << 16 << 35
        << QStringLiteral("hop 2 of chain 'default' names model 'gpt-5-ultra', which provider 'openai' does not list "
                          "under 'models:'");
    QTest::newRow("hop with unknown region")
        << base + "failover_chains:\n  r:\n    hops:\n      - {provider: bedrock, model: \"deepseek.r1-v1:0\", "
                  "region: eu-west-1}\n"
        << 15 << 64 << QStringLiteral("names region 'eu-west-1', which is not among the regions of provider 'bedrock'");
    QTest::newRow("hop without model") << base + "failover_chains:\n  default:\n    hops:\n      - provider: openai\n"
                                       << 15 << 9 << QStringLiteral("hop 1 of chain 'default' has no model");
    QTest::newRow("hop without provider")
        << base + "failover_chains:\n  default:\n    hops:\n      - {model: gpt-4o-mini}\n"
        << 15 << 9 << QStringLiteral("has no provider; add 'provider:' naming one of: openai, bedrock");
    QTest::newRow("chain without hops") << base + "failover_chains:\n  default:\n    description: nothing\n"
                                        << 13 << 3 << QStringLiteral("chain 'default' has no hops");
    QTest::newRow("chain with empty hops")
        << base + "failover_chains:\n  default:\n    hops: []\n"
        << 14 << 11 << QStringLiteral("hops of chain 'default' must be a non-empty list");
    QTest::newRow("rule with unknown provider")
        << base + "fallback_rules:\n  - match: {provider: azure}\n    then: [{provider: openai, model: gpt-4o-mini}]\n"
        << 13 << 23 << QStringLiteral("fallback rule 1 match names provider 'azure'");
    QTest::newRow("rule with unknown then model")
        << base + "fallback_rules:\n  - match: {provider: openai}\n    then: [{provider: bedrock, model: r1}]\n"
        << 14 << 39 << QStringLiteral("'then' hop 1 of fallback rule 1 names model 'r1'");
    QTest::newRow("rule without then") << base + "fallback_rules:\n  - match: {provider: openai}\n"
                                       << 13 << 5 << QStringLiteral("fallback rule 1 needs both 'match:'");
    QTest::newRow("rules not a list") << base + "fallback_rules: {provider: openai}\n"
                                      << 12 << 17 << QStringLiteral("fallback_rules must be a list");
    QTest::newRow("universal fallback with unknown model")
        << base + "universal_fallback: {provider: openai, model: gpt-4}\n"
        << 12 << 47
        << QStringLiteral("universal_fallback names model 'gpt-4', which provider 'openai' does not list under "
                          "'models:'; add the model there or use one of: gpt-4o-mini");
    QTest::newRow("breaker threshold above 1")
        << base + "circuit_breaker: {failure_rate_threshold: 1.5}\n"
        << 12 << 43 << QStringLiteral("failure_rate_threshold of circuit_breaker must be a fraction between 0 and 1");
    QTest::newRow("breaker minimum calls zero")
        << base + "circuit_breaker:\n  minimum_calls: 0\n"
        << 13 << 18
        << QStringLiteral("minimum_calls of circuit_breaker must be a whole number greater than 0, got '0'");
    QTest::newRow("timeout zero") << QByteArray("providers:\n  p:\n    kind: groq\n    timeouts: {idle_ms: 0}\n") << 4
                                  << 25
                                  << QStringLiteral(
                                         "idle_ms (timeouts of provider 'p') must be a whole number of milliseconds");
    QTest::newRow("negative rate limit") << QByteArray("providers:\n  p:\n    kind: groq\n    rate_limits: {rpm: -5}\n")
                                         << 4 << 24
                                         << QStringLiteral(
                                                "rpm (rate_limits of provider 'p') must be a whole number, 0 or more");
    QTest::newRow("negative context window")
        << QByteArray("providers:\n  p:\n    kind: groq\n    models:\n      m: {context_window: -1}\n") << 5 << 27
        << QStringLiteral("context_window of model 'm' of provider 'p' must be a whole number of tokens");
    QTest::newRow("regions not a list") << QByteArray("providers:\n  p:\n    kind: bedrock\n    regions: us-east-1\n")
                                        << 4 << 14 << QStringLiteral("regions of provider 'p' must be a list");
    QTest::newRow("default region outside regions")
        << QByteArray("providers:\n  p:\n    kind: bedrock\n    region: eu-west-1\n    regions: [us-east-1]\n") << 4
        << 5 << QStringLiteral("region 'eu-west-1' of provider 'p' is not in its regions (us-east-1)");
    QTest::newRow("azure without base_url") << QByteArray("providers:\n  az:\n    kind: azure_openai\n") << 2 << 3
                                            << QStringLiteral("provider 'az' (kind azure_openai) needs 'base_url:'");
    QTest::newRow("base_url without scheme")
        << QByteArray("providers:\n  p:\n    kind: openai\n    base_url: api.openai.com\n") << 4 << 15
        << QStringLiteral("base_url of provider 'p' must start with http:// or https://, got 'api.openai.com'");
    QTest::newRow("bad provider id") << QByteArray("providers:\n  my provider:\n    kind: openai\n") << 2 << 3
                                     << QStringLiteral("provider id 'my provider' is not valid");
    QTest::newRow("provider is text") << QByteArray("providers:\n  openai: openai\n") << 2 << 11
                                      << QStringLiteral(
                                             "provider 'openai' must be a mapping with at least 'kind:', got 'openai'");
    QTest::newRow("no providers section")
        << QByteArray("failover_chains: {}\n") << 1 << 1 << QStringLiteral("the file has no 'providers:' section");
    QTest::newRow("empty providers") << QByteArray("providers: {}\n") << 1 << 12
                                     << QStringLiteral("providers is empty");
    QTest::newRow("top level is a list") << QByteArray("- openai\n") << 1 << 1
                                         << QStringLiteral("providers.yaml must be a mapping");
    QTest::newRow("empty file") << QByteArray("\n") << 0 << 0 << QStringLiteral("the file is empty");
}

void TestProvidersFile::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const auto parsed = ProvidersFile::parse(yaml, QStringLiteral("providers.yaml"));
    QVERIFY(!parsed.ok());
    const Error &error = parsed.error();
    QCOMPARE(error.code, Error::Code::InvalidInput);
    QCOMPARE(error.file, QStringLiteral("providers.yaml"));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TestProvidersFile::errorFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown provider in a chain")
        << QStringLiteral("broken_unknown_provider.yaml") << 11 << 20
        << QStringLiteral("hop 2 of chain 'default' names provider 'gemnii', which is not defined under 'providers:' "
                          "(did you mean 'gemini'?); define it or use one of: gemini");
    QTest::newRow("negative price") << QStringLiteral("broken_negative_price.yaml") << 7 << 26
                                    << QStringLiteral("input (pricing of model 'gpt-4o-mini' of provider 'openai') "
                                                      "must be a price of 0 or more");
    QTest::newRow("syntax") << QStringLiteral("broken_syntax.yaml") << 0 << 0
                            << QStringLiteral("YAML syntax error: a '[' list is not closed; add the missing ']'");
}

void TestProvidersFile::errorFixtures()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const auto parsed = ProvidersFile::parse(fixture(file), file);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, file);
    QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
    if (line > 0) {
        QCOMPARE(parsed.error().line, line);
        QCOMPARE(parsed.error().column, column);
    } else {
        QVERIFY(parsed.error().line > 0);
    }
}

void TestProvidersFile::unknownKeysAreWarnings()
{
    const auto parsed =
        ProvidersFile::parse(fixture(QStringLiteral("unknown_keys.yaml")), QStringLiteral("unknown_keys.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->warnings.size(), 3);
    QCOMPARE(parsed->warnings.at(0).line, 7);
    QCOMPARE(parsed->warnings.at(0).column, 1);
    QVERIFY2(parsed->warnings.at(0).message.startsWith(
                 QStringLiteral("unknown key 'circuit_breakr' (did you mean 'circuit_breaker'?)")),
             qPrintable(parsed->warnings.at(0).message));
    QCOMPARE(parsed->warnings.at(1).line, 4);
    QCOMPARE(parsed->warnings.at(1).column, 5);
    QVERIFY2(parsed->warnings.at(1).message.startsWith(
                 QStringLiteral("unknown key 'dispaly_name' (did you mean 'display_name'?) in provider 'openai'")),
             qPrintable(parsed->warnings.at(1).message));
    QCOMPARE(parsed->warnings.at(2).line, 6);
    QVERIFY(parsed->warnings.at(2).message.startsWith(QStringLiteral("unknown key 'colour' in provider 'openai' is "
                                                                     "ignored; known keys are: kind, display_name")));
    // Ignored keys change nothing.
    QVERIFY(parsed->config.providers.first().displayName.isEmpty());
    QCOMPARE(parsed->config.circuitBreaker, CircuitBreakerSpec{});
}

void TestProvidersFile::deepNestingIsRejected()
{
    const QByteArray yaml = "providers:\n  openai:\n    kind: openai\n    regions: " + QByteArray(100000, '[');
    const auto parsed = ProvidersFile::parse(yaml, QStringLiteral("providers.yaml"));
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error().message.startsWith(QStringLiteral("nesting is deeper than 64 levels")));
    QCOMPARE(parsed.error().line, 4);
    QCOMPARE(parsed.error().column, 14 + 61);  // three block levels are open, so the 62nd '[' crosses 64

    QByteArray big = "providers:\n  openai:\n    kind: openai\n# ";
    big += QByteArray(5 << 20, 'x');
    const auto oversized = ProvidersFile::parse(big, QStringLiteral("providers.yaml"));
    QVERIFY(!oversized.ok());
    QVERIFY(oversized.error().message.contains(QStringLiteral("larger than the 4 MiB limit")));
}

QTEST_GUILESS_MAIN(TestProvidersFile)
#include "tst_providersfile.moc"
