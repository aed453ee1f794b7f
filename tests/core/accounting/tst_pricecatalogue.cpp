#include "core/accounting/PriceCatalogue.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

using namespace Switchyard;

namespace {

constexpr auto None = std::nullopt;
using Source = ProviderRepository::PriceSource;

ProvidersConfig oneProvider()
{
    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    ModelSpec mini;
    mini.id = QStringLiteral("gpt-4o-mini");
    mini.price = Price{0.00015, 0.0006, 0.000075, None, None};
    ModelSpec o3;
    o3.id = QStringLiteral("o3");
    o3.price = Price{0.002, 0.008, 0.0005, None, None};
    openai.models = {mini, o3};
    ProvidersConfig config;
    config.providers = {openai};
    return config;
}

}  // namespace

class TestPriceCatalogue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyBeforeReload();
    void manualBeatsYamlBeatsLiteLlm();
    void agreesWithTheRepository();
    void liteLlmPricesAModelListedWithoutPricing();
    void reloadPicksUpChanges();
    void missingPriceSaysWhatToDo();
    void lookupsFromOtherThreads();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestPriceCatalogue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("prices.db"))).ok());
    ProviderRepository repository(*m_database);
    QVERIFY(repository.replaceAll(oneProvider()).ok());
    // LiteLLM prices for both models and one the workspace does not list; a manual price for o3.
    QVERIFY(repository
                .upsertPrice(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                             Price{0.0002, 0.0007, None, None, None}, Source::LiteLlm)
                .ok());
    QVERIFY(repository
                .upsertPrice(QStringLiteral("openai"), QStringLiteral("o3"), Price{0.01, 0.04, None, None, None},
                             Source::LiteLlm)
                .ok());
    QVERIFY(repository
                .upsertPrice(QStringLiteral("openai"), QStringLiteral("o3"), Price{0.001, 0.004, None, None, 0.004},
                             Source::Manual)
                .ok());
    QVERIFY(repository
                .upsertPrice(QStringLiteral("openai"), QStringLiteral("gpt-3.5-turbo"),
                             Price{0.0005, 0.0015, None, None, None}, Source::LiteLlm)
                .ok());
}

void TestPriceCatalogue::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestPriceCatalogue::emptyBeforeReload()
{
    PriceCatalogue catalogue(*m_database);
    QVERIFY(!catalogue.isLoaded());
    QVERIFY(!catalogue.find(QStringLiteral("openai"), QStringLiteral("o3")));
    QCOMPARE(catalogue.size(), 0);
}

void TestPriceCatalogue::manualBeatsYamlBeatsLiteLlm()
{
    PriceCatalogue catalogue(*m_database);
    QVERIFY(catalogue.reload().ok());
    QVERIFY(catalogue.isLoaded());
    QCOMPARE(catalogue.size(), 3);
    auto o3 = catalogue.find(QStringLiteral("openai"), QStringLiteral("o3"));
    QVERIFY(o3);
    QCOMPARE(o3->source, Source::Manual);
    QCOMPARE(o3->price, (Price{0.001, 0.004, None, None, 0.004}));
    auto mini = catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->source, Source::ProvidersYaml);
    QCOMPARE(mini->price, (Price{0.00015, 0.0006, 0.000075, None, None}));
    auto turbo = catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-3.5-turbo"));
    QVERIFY(turbo);
    QCOMPARE(turbo->source, Source::LiteLlm);
}

void TestPriceCatalogue::agreesWithTheRepository()
{
    PriceCatalogue catalogue(*m_database);
    QVERIFY(catalogue.reload().ok());
    ProviderRepository repository(*m_database);
    for (const QString &model : {QStringLiteral("gpt-4o-mini"), QStringLiteral("o3"), QStringLiteral("gpt-3.5-turbo"),
                                 QStringLiteral("unknown")}) {
        auto fromRepository = repository.effectivePrice(QStringLiteral("openai"), model);
        QVERIFY(fromRepository.ok());
        auto fromCatalogue = catalogue.find(QStringLiteral("openai"), model);
        QCOMPARE(fromCatalogue.has_value(), fromRepository->has_value());
        if (fromCatalogue) {
            QCOMPARE(fromCatalogue->source, (*fromRepository)->source);
            QCOMPARE(fromCatalogue->price, (*fromRepository)->price);
        }
    }
}

void TestPriceCatalogue::liteLlmPricesAModelListedWithoutPricing()
{
    // providers.yaml lists gpt-4.1 without `pricing`: stored as a zero providers.yaml price, which must not hide an
    // imported LiteLLM price; alone it still prices the model at zero.
    ProvidersConfig config = oneProvider();
    ModelSpec unpriced;
    unpriced.id = QStringLiteral("gpt-4.1");
    ModelSpec local;
    local.id = QStringLiteral("gpt-oss");
    config.providers[0].models += {unpriced, local};
    ProviderRepository repository(*m_database);
    QVERIFY(repository.replaceAll(config).ok());
    const Price litellm{0.002, 0.008, None, None, None};
    QVERIFY(repository.upsertPrice(QStringLiteral("openai"), QStringLiteral("gpt-4.1"), litellm, Source::LiteLlm).ok());

    PriceCatalogue catalogue(*m_database);
    QVERIFY(catalogue.reload().ok());
    const auto priced = catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-4.1"));
    QVERIFY(priced);
    QCOMPARE(priced->source, Source::LiteLlm);
    QCOMPARE(priced->price, litellm);
    QCOMPARE((*repository.effectivePrice(QStringLiteral("openai"), QStringLiteral("gpt-4.1")))->price, litellm);
    const auto free = catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-oss"));
    QVERIFY(free);
    QCOMPARE(free->source, Source::ProvidersYaml);
    QCOMPARE(free->price, Price{});
    // A written providers.yaml price still wins over LiteLLM.
    QCOMPARE(catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"))->source, Source::ProvidersYaml);
}

void TestPriceCatalogue::reloadPicksUpChanges()
{
    PriceCatalogue catalogue(*m_database);
    QVERIFY(catalogue.reload().ok());
    ProviderRepository repository(*m_database);
    QVERIFY(repository
                .upsertPrice(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                             Price{0.0001, 0.0004, None, None, None}, Source::Manual)
                .ok());
    // Cached: the database change is not seen until reload().
    QCOMPARE(catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"))->source, Source::ProvidersYaml);
    QVERIFY(catalogue.reload().ok());
    QCOMPARE(catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"))->price,
             (Price{0.0001, 0.0004, None, None, None}));
}

void TestPriceCatalogue::missingPriceSaysWhatToDo()
{
    PriceCatalogue catalogue(*m_database);
    QVERIFY(catalogue.reload().ok());
    auto missing = catalogue.price(QStringLiteral("groq"), QStringLiteral("llama-9"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(missing.error().message.contains(QStringLiteral("'llama-9'")));
    QVERIFY(missing.error().message.contains(QStringLiteral("prices import")));
    QVERIFY(catalogue.price(QStringLiteral("openai"), QStringLiteral("o3")).ok());
}

void TestPriceCatalogue::lookupsFromOtherThreads()
{
    PriceCatalogue catalogue(*m_database);
    QVERIFY(catalogue.reload().ok());
    std::atomic<int> found{0};
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&] {
            for (int i = 0; i < 10000; ++i) {
                if (catalogue.find(QStringLiteral("openai"), QStringLiteral("o3")))
                    ++found;
            }
        }));
        threads.last()->start();
    }
    for (int i = 0; i < 20; ++i)
        QVERIFY(catalogue.reload().ok());  // reloading while others read
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    QCOMPARE(found.load(), 40000);
}

QTEST_GUILESS_MAIN(TestPriceCatalogue)
#include "tst_pricecatalogue.moc"
