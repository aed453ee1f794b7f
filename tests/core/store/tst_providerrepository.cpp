#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

namespace {

ProvidersConfig richConfig()
{
    ProvidersConfig config;

    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    openai.displayName = QStringLiteral("OpenAI");
    openai.baseUrl = QStringLiteral("https://api.openai.com/v1");
    openai.apiKeyRef = QStringLiteral("${OPENAI_API_KEY}");
    openai.rateLimits = RateLimits{500, 200000};
    openai.timeouts = Timeouts{5000, 45000, 20000, 120000};
    ModelSpec mini;
    mini.id = QStringLiteral("gpt-4o-mini");
    mini.displayName = QStringLiteral("GPT-4o mini");
    mini.contextWindow = 128000;
    mini.maxOutputTokens = 16384;
    mini.price = Price{0.00015, 0.0006, 0.000075, std::nullopt, std::nullopt};
    mini.capabilities = {QStringLiteral("chat"), QStringLiteral("streaming"), QStringLiteral("vision")};
    ModelSpec o3;
    o3.id = QStringLiteral("o3");
    o3.contextWindow = 200000;
    o3.maxOutputTokens = 100000;
    o3.price = Price{0.002, 0.008, 0.0005, 0.0025, 0.008};
    o3.capabilities = {QStringLiteral("chat"), QStringLiteral("reasoning")};
    openai.models = {mini, o3};

    ProviderSpec bedrock;
    bedrock.id = QStringLiteral("bedrock");
    bedrock.kind = QStringLiteral("bedrock");
    bedrock.apiKeyRef = QStringLiteral("keychain:aws");
    bedrock.region = QStringLiteral("us-east-1");
    bedrock.regions = {QStringLiteral("us-east-1"), QStringLiteral("us-west-2"), QStringLiteral("eu-central-1")};
    ModelSpec r1;
    r1.id = QStringLiteral("deepseek.r1-v1:0");
    r1.displayName = QStringLiteral("DeepSeek R1 (Bedrock)");
    r1.contextWindow = 128000;
    r1.maxOutputTokens = 32768;
    r1.price = Price{0.00135, 0.0054, std::nullopt, std::nullopt, std::nullopt};
    bedrock.models = {r1};

    ProviderSpec azure;  // listed last although alphabetically first: order must survive
    azure.id = QStringLiteral("azure");
    azure.kind = QStringLiteral("azure_openai");
    azure.baseUrl = QStringLiteral("https://example.openai.azure.com");
    azure.apiKeyRef = QStringLiteral("env:AZURE_OPENAI_KEY");
    azure.apiVersion = QStringLiteral("2024-10-21");

    config.providers = {openai, bedrock, azure};
    config.chains = {
        ChainSpec{
            QStringLiteral("premium"),
            QStringLiteral("best first"),
            {ChainHop{QStringLiteral("openai"), QStringLiteral("o3"), QString()},
             ChainHop{QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0"), QStringLiteral("us-west-2")}}},
        ChainSpec{QStringLiteral("default"), QString(), {ChainHop{QStringLiteral("openai"), QString(), QString()}}},
        ChainSpec{QStringLiteral("empty"), QStringLiteral("no hops yet"), {}},
    };
    config.rules = {
        FallbackRule{ChainHop{QStringLiteral("openai"), QStringLiteral("o3"), QString()},
                     {ChainHop{QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), QString()}}},
        FallbackRule{ChainHop{QStringLiteral("bedrock"), QString(), QStringLiteral("us-east-1")},
                     {ChainHop{QStringLiteral("bedrock"), QString(), QStringLiteral("us-west-2")},
                      ChainHop{QStringLiteral("bedrock"), QString(), QStringLiteral("eu-central-1")}}},
    };
    config.universalFallback = ChainHop{QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), QString()};
    config.circuitBreaker = CircuitBreakerSpec{0.35, 8, 120, 45};
    return config;
}

ProvidersConfig smallConfig()
{
    ProvidersConfig config;
    ProviderSpec ollama;
    ollama.id = QStringLiteral("ollama");
    ollama.kind = QStringLiteral("ollama");
    ollama.baseUrl = QStringLiteral("http://localhost:11434");
    ModelSpec llama;
    llama.id = QStringLiteral("llama3.2");
    llama.contextWindow = 8192;
    ollama.models = {llama};
    config.providers = {ollama};
    config.chains = {
        ChainSpec{QStringLiteral("local"), QString(), {ChainHop{QStringLiteral("ollama"), QString(), QString()}}}};
    return config;
}

int rowCount(Database &database, const QString &table)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) || !query.next())
        return -1;
    return query.value(0).toInt();
}

}  // namespace

class TestProviderRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roundTripIsExact();
    void roundTripSurvivesReopen();
    void replaceAllTwiceReplaces();
    void emptyConfigRoundTrips();
    void invalidConfigChangesNothing_data();
    void invalidConfigChangesNothing();
    void providerAndModels();
    void importedPricesSurviveReplaceAndRank();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProviderRepository> m_providers;
};

void TestProviderRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_providers = std::make_unique<ProviderRepository>(*m_database);
}

void TestProviderRepository::cleanup()
{
    m_providers.reset();
    m_database.reset();
    m_dir.reset();
}

void TestProviderRepository::roundTripIsExact()
{
    const ProvidersConfig input = richConfig();
    const auto stored = m_providers->replaceAll(input);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
    const auto loaded = m_providers->load();
    QVERIFY(loaded.ok());

    // Field by field first, so a failure says where; then the whole thing.
    QCOMPARE(loaded->providers.size(), 3);
    QCOMPARE(loaded->providers.at(0).id, QStringLiteral("openai"));
    QCOMPARE(loaded->providers.at(2).id, QStringLiteral("azure"));
    QCOMPARE(loaded->providers.at(0).models.size(), 2);
    QCOMPARE(loaded->providers.at(0).models.at(0).id, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(loaded->providers.at(0).models.at(0).price, input.providers.at(0).models.at(0).price);
    QCOMPARE(loaded->providers.at(0).models.at(1).price, input.providers.at(0).models.at(1).price);
    QVERIFY(!loaded->providers.at(1).models.at(0).price.cachedInputPer1k.has_value());
    QCOMPARE(loaded->providers.at(1).regions, input.providers.at(1).regions);
    QCOMPARE(loaded->providers.at(0).rateLimits, input.providers.at(0).rateLimits);
    QCOMPARE(loaded->providers.at(0).timeouts, input.providers.at(0).timeouts);
    QCOMPARE(loaded->providers.at(0).apiKeyRef, QStringLiteral("${OPENAI_API_KEY}"));
    for (int i = 0; i < input.providers.size(); ++i)
        QVERIFY2(loaded->providers.at(i) == input.providers.at(i), qPrintable(input.providers.at(i).id));
    QCOMPARE(loaded->chains.size(), 3);
    QCOMPARE(loaded->chains.at(0).name, QStringLiteral("premium"));
    QCOMPARE(loaded->chains.at(0).hops, input.chains.at(0).hops);
    QVERIFY(loaded->chains.at(2).hops.isEmpty());
    QCOMPARE(loaded->chains, input.chains);
    QCOMPARE(loaded->rules, input.rules);
    QCOMPARE(loaded->universalFallback.has_value(), true);
    QCOMPARE(*loaded->universalFallback, *input.universalFallback);
    QCOMPARE(loaded->circuitBreaker, input.circuitBreaker);
    QVERIFY(*loaded == input);
}

void TestProviderRepository::roundTripSurvivesReopen()
{
    const QString path = m_database->path();
    QVERIFY(m_providers->replaceAll(richConfig()).ok());
    m_providers.reset();
    m_database->close();
    QVERIFY(m_database->open(path).ok());
    ProviderRepository providers(*m_database);
    const auto loaded = providers.load();
    QVERIFY(loaded.ok());
    QVERIFY(*loaded == richConfig());
}

void TestProviderRepository::replaceAllTwiceReplaces()
{
    QVERIFY(m_providers->replaceAll(richConfig()).ok());
    QVERIFY(m_providers->replaceAll(smallConfig()).ok());
    const auto loaded = m_providers->load();
    QVERIFY(loaded.ok());
    QVERIFY(*loaded == smallConfig());
    QVERIFY(!loaded->universalFallback.has_value());
    QCOMPARE(loaded->circuitBreaker, CircuitBreakerSpec());
    // Nothing of the first import is left behind.
    QCOMPARE(rowCount(*m_database, QStringLiteral("providers")), 1);
    QCOMPARE(rowCount(*m_database, QStringLiteral("models")), 1);
    QCOMPARE(rowCount(*m_database, QStringLiteral("prices")), 1);
    QCOMPARE(rowCount(*m_database, QStringLiteral("chains")), 1);
    QCOMPARE(rowCount(*m_database, QStringLiteral("chain_hops")), 1);
    QCOMPARE(rowCount(*m_database, QStringLiteral("fallback_rules")), 0);
    QCOMPARE(rowCount(*m_database, QStringLiteral("fallback_rule_hops")), 0);
    QCOMPARE(m_providers->provider(QStringLiteral("openai")).error().code, Error::Code::NotFound);

    // And back again.
    QVERIFY(m_providers->replaceAll(richConfig()).ok());
    QVERIFY(*m_providers->load() == richConfig());
}

void TestProviderRepository::emptyConfigRoundTrips()
{
    QVERIFY(m_providers->load().ok());
    QVERIFY(*m_providers->load() == ProvidersConfig());
    QVERIFY(m_providers->replaceAll(richConfig()).ok());
    QVERIFY(m_providers->replaceAll(ProvidersConfig()).ok());
    QVERIFY(*m_providers->load() == ProvidersConfig());
}

void TestProviderRepository::invalidConfigChangesNothing_data()
{
    QTest::addColumn<ProvidersConfig>("config");
    QTest::addColumn<QString>("mentions");

    ProvidersConfig duplicateProvider = richConfig();
    duplicateProvider.providers.append(duplicateProvider.providers.at(0));
    QTest::newRow("duplicate provider") << duplicateProvider << QStringLiteral("'openai' appears twice");

    ProvidersConfig duplicateModel = richConfig();
    duplicateModel.providers[0].models.append(duplicateModel.providers.at(0).models.at(0));
    QTest::newRow("duplicate model") << duplicateModel << QStringLiteral("'gpt-4o-mini' appears twice");

    ProvidersConfig duplicateChain = richConfig();
    duplicateChain.chains.append(duplicateChain.chains.at(0));
    QTest::newRow("duplicate chain") << duplicateChain << QStringLiteral("'premium' appears twice");

    ProvidersConfig noId = richConfig();
    noId.providers[1].id.clear();
    QTest::newRow("provider without id") << noId << QStringLiteral("no id");
}

void TestProviderRepository::invalidConfigChangesNothing()
{
    QFETCH(ProvidersConfig, config);
    QFETCH(QString, mentions);
    QVERIFY(m_providers->replaceAll(smallConfig()).ok());
    const auto refused = m_providers->replaceAll(config);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QVERIFY2(refused.error().message.contains(mentions), qPrintable(refused.error().message));
    QVERIFY(*m_providers->load() == smallConfig());
}

void TestProviderRepository::providerAndModels()
{
    QVERIFY(m_providers->replaceAll(richConfig()).ok());
    const auto bedrock = m_providers->provider(QStringLiteral("bedrock"));
    QVERIFY(bedrock.ok());
    QVERIFY(*bedrock == richConfig().providers.at(1));
    const auto models = m_providers->models(QStringLiteral("openai"));
    QVERIFY(models.ok());
    QCOMPARE(models->size(), 2);
    QCOMPARE(models->at(0).id, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(models->at(1).id, QStringLiteral("o3"));
    QVERIFY(m_providers->models(QStringLiteral("azure"))->isEmpty());
    const auto missing = m_providers->provider(QStringLiteral("mistral"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(missing.error().message.contains(QLatin1String("'mistral'")));
    QCOMPARE(m_providers->models(QStringLiteral("mistral")).error().code, Error::Code::NotFound);
}

void TestProviderRepository::importedPricesSurviveReplaceAndRank()
{
    using Source = ProviderRepository::PriceSource;
    QVERIFY(m_providers->replaceAll(richConfig()).ok());
    const QString openai = QStringLiteral("openai");
    const QString mini = QStringLiteral("gpt-4o-mini");

    const Price litellm{0.0002, 0.0007, std::nullopt, std::nullopt, std::nullopt};
    QVERIFY(m_providers->upsertPrice(openai, mini, litellm, Source::LiteLlm).ok());
    // A model providers.yaml does not list can be priced too.
    const Price other{0.001, 0.002, std::nullopt, std::nullopt, std::nullopt};
    QVERIFY(m_providers->upsertPrice(openai, QStringLiteral("gpt-3.5-turbo"), other, Source::LiteLlm).ok());

    // providers.yaml wins over LiteLLM; a manual price wins over both.
    auto effective = m_providers->effectivePrice(openai, mini);
    QVERIFY(effective.ok() && effective->has_value());
    QCOMPARE((*effective)->source, Source::ProvidersYaml);
    QCOMPARE((*effective)->price, richConfig().providers.at(0).models.at(0).price);
    QCOMPARE((*m_providers->effectivePrice(openai, QStringLiteral("gpt-3.5-turbo")))->price, other);
    QVERIFY(!m_providers->effectivePrice(openai, QStringLiteral("unknown"))->has_value());

    const Price manual{0.0001, 0.0004, std::nullopt, std::nullopt, 0.0009};
    QVERIFY(m_providers->upsertPrice(openai, mini, manual, Source::Manual).ok());
    effective = m_providers->effectivePrice(openai, mini);
    QCOMPARE((*effective)->source, Source::Manual);
    QCOMPARE((*effective)->price, manual);
    QVERIFY((*effective)->updated.isValid());

    // Upserting again replaces that source's row, not adds one.
    const Price manual2{0.0003, 0.0004, std::nullopt, std::nullopt, std::nullopt};
    QVERIFY(m_providers->upsertPrice(openai, mini, manual2, Source::Manual).ok());
    QCOMPARE((*m_providers->effectivePrice(openai, mini))->price, manual2);

    // Re-importing providers.yaml replaces only its own prices.
    QVERIFY(m_providers->replaceAll(smallConfig()).ok());
    const auto prices = m_providers->prices();
    QVERIFY(prices.ok());
    QStringList rows;
    for (const auto &record : *prices) {
        rows.append(QStringLiteral("%1/%2/%3")
                        .arg(record.providerId, record.modelId, ProviderRepository::priceSourceName(record.source)));
    }
    QCOMPARE(rows, (QStringList{
                       QStringLiteral("ollama/llama3.2/providers.yaml"), QStringLiteral("openai/gpt-3.5-turbo/litellm"),
                       QStringLiteral("openai/gpt-4o-mini/litellm"), QStringLiteral("openai/gpt-4o-mini/manual")}));
    // load() stays exactly what providers.yaml said.
    QVERIFY(*m_providers->load() == smallConfig());

    QCOMPARE(m_providers->upsertPrice(QString(), mini, manual, Source::Manual).error().code, Error::Code::InvalidInput);
}

QTEST_GUILESS_MAIN(TestProviderRepository)
#include "tst_providerrepository.moc"
