#include "core/accounting/CostCalculator.h"
#include "core/accounting/PriceCatalogue.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

namespace {

constexpr auto None = std::nullopt;

Usage usage(qint64 input, qint64 cachedInput, qint64 cacheWrite, qint64 output, qint64 reasoning)
{
    return Usage{input, cachedInput, cacheWrite, output, reasoning};
}

AttemptRecord attempt(const QString &provider, const QString &model, AttemptRecord::Outcome outcome, Usage billed)
{
    AttemptRecord a;
    a.provider = provider;
    a.model = model;
    a.outcome = outcome;
    a.usage = billed;
    return a;
}

}  // namespace

Q_DECLARE_METATYPE(Switchyard::Price)
Q_DECLARE_METATYPE(Switchyard::Usage)

class TestCostCalculator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void costPerProvider_data();
    void costPerProvider();
    void roundsHalfAwayFromZeroToNanoDollars_data();
    void roundsHalfAwayFromZeroToNanoDollars();
    void sumsExactly();
    void hugeUsageDoesNotOverflow();
    void failedAttemptsCostNothing();
    void billedFailedAttemptIsCharged();
    void fallbackIsBilledToTheModelThatAnswered();
    void unpricedModelsAreReported();
    void callUsageWithoutAttemptUsageGoesToServedModel();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PriceCatalogue> m_catalogue;
};

void TestCostCalculator::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("cost.db"))).ok());
    ProviderRepository repository(*m_database);
    const auto manual = ProviderRepository::PriceSource::Manual;
    QVERIFY(repository
                .upsertPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"),
                             Price{0.00125, 0.01, 0.00031, None, None}, manual)
                .ok());
    QVERIFY(repository
                .upsertPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"),
                             Price{0.0003, 0.0025, 0.000075, None, None}, manual)
                .ok());
    QVERIFY(repository
                .upsertPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"),
                             Price{0.0001, 0.0004, 0.000025, None, None}, manual)
                .ok());
    m_catalogue = std::make_unique<PriceCatalogue>(*m_database);
    QVERIFY(m_catalogue->reload().ok());
}

void TestCostCalculator::cleanupTestCase()
{
    m_catalogue.reset();
    m_database.reset();
    m_dir.reset();
}

void TestCostCalculator::costPerProvider_data()
{
    QTest::addColumn<Price>("price");
    QTest::addColumn<Usage>("usage");
    QTest::addColumn<qint64>("expectedNano");

    // OpenAI gpt-4o-mini: prompt_tokens 1200 of which 200 cached → input 1000, cached 200; completion 300.
    // 1000 × 0.00015 + 200 × 0.000075 + 300 × 0.0006 = 0.15 + 0.015 + 0.18 = 0.345 (/1000) → $0.000345
    QTest::newRow("openai cached") << Price{0.00015, 0.0006, 0.000075, None, None} << usage(1000, 200, 0, 300, 0)
                                   << qint64(345000);
    // OpenAI o3-mini: reasoning has no own price → output price. completion 2000 = 500 visible + 1500 reasoning.
    // (2000 × 0.0011 + 1000 × 0.00055 + 500 × 0.0044 + 1500 × 0.0044) / 1000 = (2.2 + 0.55 + 2.2 + 6.6) / 1000
    QTest::newRow("openai reasoning at output price")
        << Price{0.0011, 0.0044, 0.00055, None, None} << usage(2000, 1000, 0, 500, 1500) << qint64(11550000);
    // Anthropic: input excludes cache reads and writes, each billed at its own price.
    // (100 × 0.003 + 5000 × 0.0003 + 2000 × 0.00375 + 800 × 0.015) / 1000 = (0.3 + 1.5 + 7.5 + 12) / 1000
    QTest::newRow("anthropic cache read and write")
        << Price{0.003, 0.015, 0.0003, 0.00375, None} << usage(100, 5000, 2000, 800, 0) << qint64(21300000);
    // Claude on Bedrock priced without cache prices: cache reads and writes fall back to the input price.
    // (100 × 0.003 + 1000 × 0.003 + 1000 × 0.003 + 10 × 0.015) / 1000 = (0.3 + 3 + 3 + 0.15) / 1000
    QTest::newRow("cache kinds fall back to input")
        << Price{0.003, 0.015, None, None, None} << usage(100, 1000, 1000, 10, 0) << qint64(6450000);
    // DeepSeek: cache miss = input, cache hit = cached. (3000 × 0.00027 + 7000 × 0.00007 + 1000 × 0.0011) / 1000
    QTest::newRow("deepseek hit and miss")
        << Price{0.00027, 0.0011, 0.00007, None, None} << usage(3000, 7000, 0, 1000, 0) << qint64(2400000);
    // Gemini 2.5 Flash: thoughtsTokenCount separate from candidates, billed at the output price when no reasoning
    // price is set: (10000 × 0.0003 + 500 × 0.0025 + 2000 × 0.0025) / 1000 = (3 + 1.25 + 5) / 1000
    QTest::newRow("gemini thoughts at output price")
        << Price{0.0003, 0.0025, 0.000075, None, None} << usage(10000, 0, 0, 500, 2000) << qint64(9250000);
    // ... and at their own price when one is set: (3 + 1.25 + 2000 × 0.0035) / 1000
    QTest::newRow("gemini thoughts at reasoning price")
        << Price{0.0003, 0.0025, 0.000075, None, 0.0035} << usage(10000, 0, 0, 500, 2000) << qint64(11250000);
    // Bedrock DeepSeek R1, reasoning inside output. (1200 × 0.00135 + 3000 × 0.0054) / 1000 = (1.62 + 16.2) / 1000
    QTest::newRow("bedrock deepseek") << Price{0.00135, 0.0054, None, None, None} << usage(1200, 0, 0, 3000, 0)
                                      << qint64(17820000);
    // Ollama runs locally: free.
    QTest::newRow("ollama free") << Price{0.0, 0.0, None, None, None} << usage(5000, 0, 0, 5000, 0) << qint64(0);
    // An explicit zero cache price is not a missing one: cached tokens are free.
    QTest::newRow("explicit zero cached price")
        << Price{0.001, 0.002, 0.0, None, None} << usage(0, 1000, 0, 0, 0) << qint64(0);
    QTest::newRow("nothing used") << Price{0.003, 0.015, 0.0003, 0.00375, 0.02} << Usage{} << qint64(0);
}

void TestCostCalculator::costPerProvider()
{
    QFETCH(Price, price);
    QFETCH(Usage, usage);
    QFETCH(qint64, expectedNano);
    QCOMPARE(CostCalculator::costNanoUsd(usage, price), expectedNano);
    QCOMPARE(CostCalculator::costUsd(usage, price), double(expectedNano) / 1e9);
}

void TestCostCalculator::roundsHalfAwayFromZeroToNanoDollars_data()
{
    QTest::addColumn<double>("inputPer1k");
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<qint64>("expectedNano");
    // 0.0000015 per 1K = 1.5 nano-dollars per token.
    QTest::newRow("1.5 → 2") << 0.0000015 << qint64(1) << qint64(2);
    QTest::newRow("3.0 → 3") << 0.0000015 << qint64(2) << qint64(3);
    QTest::newRow("4.5 → 5") << 0.0000015 << qint64(3) << qint64(5);
    // 0.0000001 per 1K = 0.1 nano-dollars per token.
    QTest::newRow("0.4 → 0") << 0.0000001 << qint64(4) << qint64(0);
    QTest::newRow("0.5 → 1") << 0.0000001 << qint64(5) << qint64(1);
    QTest::newRow("-0.5 → -1 (a refund)") << 0.0000001 << qint64(-5) << qint64(-1);
}

void TestCostCalculator::roundsHalfAwayFromZeroToNanoDollars()
{
    QFETCH(double, inputPer1k);
    QFETCH(qint64, tokens);
    QFETCH(qint64, expectedNano);
    QCOMPARE(CostCalculator::costNanoUsd(Usage{tokens, 0, 0, 0, 0}, Price{inputPer1k, 0.0, None, None, None}),
             expectedNano);
}

void TestCostCalculator::sumsExactly()
{
    // Naive doubles drift: 0.1 + 0.2 style errors in 0.00027 × 3 / 1000. The integer path gives exactly 810 n$.
    const Price deepseek{0.00027, 0.0011, 0.00007, None, None};
    qint64 total = 0;
    for (int i = 0; i < 1000000; ++i)
        total += CostCalculator::costNanoUsd(Usage{3, 0, 0, 0, 0}, deepseek);
    QCOMPARE(total, qint64(810000000));
    QCOMPARE(CostCalculator::costUsd(Usage{1000000, 0, 0, 0, 0}, Price{0.00015, 0, None, None, None}), 0.15);
}

void TestCostCalculator::hugeUsageDoesNotOverflow()
{
    // 4e12 tokens × $1 per 1K = $4e9: the pico-dollar product (4e21) overflows 64 bits; the long double path
    // still gives the exact nano-dollar total (4e18 fits).
    const qint64 tokens = 4000000000000LL;
    QCOMPARE(CostCalculator::costNanoUsd(Usage{tokens, 0, 0, 0, 0}, Price{1.0, 0.0, None, None, None}),
             qint64(4000000000000000000LL));
}

void TestCostCalculator::failedAttemptsCostNothing()
{
    CallRecord call;
    call.status = CallRecord::Status::Failed;
    call.requestedProvider = QStringLiteral("gemini");
    call.requestedModel = QStringLiteral("gemini-2.5-pro");
    call.attempts = {
        attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), AttemptRecord::Outcome::Failed, Usage{}),
        attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"), AttemptRecord::Outcome::Failed, Usage{})};
    call.costUsd = 99.0;  // stale value must be replaced
    const QStringList unpriced = CostCalculator(*m_catalogue).priceCall(call);
    QVERIFY(unpriced.isEmpty());
    QCOMPARE(call.costUsd, 0.0);
    QCOMPARE(call.usage, Usage{});
    QCOMPARE(call.attempts.at(0).costUsd, 0.0);
    QCOMPARE(call.attempts.at(1).costUsd, 0.0);
}

void TestCostCalculator::billedFailedAttemptIsCharged()
{
    // The primary streamed, sent its usage and was then cut: the provider bills it, so do we; the fallback answers.
    CallRecord call;
    call.servedProvider = QStringLiteral("gemini");
    call.servedModel = QStringLiteral("gemini-2.5-flash");
    call.attempts = {attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), AttemptRecord::Outcome::Failed,
                             usage(500, 0, 0, 100, 0)),
                     attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"),
                             AttemptRecord::Outcome::Succeeded, usage(1000, 0, 0, 200, 0))};
    QVERIFY(CostCalculator(*m_catalogue).priceCall(call).isEmpty());
    // pro: (500 × 0.00125 + 100 × 0.01) / 1000 = 0.001625; flash: (1000 × 0.0003 + 200 × 0.0025) / 1000 = 0.0008
    QCOMPARE(call.attempts.at(0).costUsd, 0.001625);
    QCOMPARE(call.attempts.at(1).costUsd, 0.0008);
    QCOMPARE(call.costUsd, 0.002425);
    QCOMPARE(call.usage, usage(1500, 0, 0, 300, 0));
}

void TestCostCalculator::fallbackIsBilledToTheModelThatAnswered()
{
    CallRecord call;
    call.requestedProvider = QStringLiteral("gemini");
    call.requestedModel = QStringLiteral("gemini-2.5-pro");
    call.servedProvider = QStringLiteral("gemini");
    call.servedModel = QStringLiteral("gemini-2.0-flash");
    AttemptRecord failed =
        attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), AttemptRecord::Outcome::Failed, Usage{});
    failed.errorClass = FailureClass::Transient;
    failed.httpStatus = 503;
    call.attempts = {failed, failed,
                     attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"),
                             AttemptRecord::Outcome::Succeeded, usage(800, 200, 0, 400, 0))};
    call.attempts[1].retryIndex = 1;
    QVERIFY(CostCalculator(*m_catalogue).priceCall(call).isEmpty());
    // At 2.0-flash prices, not 2.5-pro's: (800 × 0.0001 + 200 × 0.000025 + 400 × 0.0004) / 1000 = 0.000245
    QCOMPARE(call.costUsd, 0.000245);
    QCOMPARE(call.attempts.at(2).costUsd, 0.000245);
    QCOMPARE(call.usage, usage(800, 200, 0, 400, 0));
}

void TestCostCalculator::unpricedModelsAreReported()
{
    CallRecord call;
    call.attempts = {attempt(QStringLiteral("custom"), QStringLiteral("mystery-1"), AttemptRecord::Outcome::Failed,
                             usage(10, 0, 0, 5, 0)),
                     attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"),
                             AttemptRecord::Outcome::Succeeded, usage(1000, 0, 0, 1000, 0))};
    const QStringList unpriced = CostCalculator(*m_catalogue).priceCall(call);
    QCOMPARE(unpriced, QStringList{QStringLiteral("custom/mystery-1")});
    QCOMPARE(call.attempts.at(0).costUsd, 0.0);
    QCOMPARE(call.costUsd, 0.0005);                    // (1000 × 0.0001 + 1000 × 0.0004) / 1000
    QCOMPARE(call.usage, usage(1010, 0, 0, 1005, 0));  // the tokens are still recorded
}

void TestCostCalculator::callUsageWithoutAttemptUsageGoesToServedModel()
{
    CallRecord call;
    call.servedProvider = QStringLiteral("gemini");
    call.servedModel = QStringLiteral("gemini-2.5-flash");
    call.usage = usage(2000, 0, 0, 1000, 0);
    call.attempts = {attempt(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash"),
                             AttemptRecord::Outcome::Succeeded, Usage{})};
    QVERIFY(CostCalculator(*m_catalogue).priceCall(call).isEmpty());
    QCOMPARE(call.costUsd, 0.0031);  // (2000 × 0.0003 + 1000 × 0.0025) / 1000
    QCOMPARE(call.usage, usage(2000, 0, 0, 1000, 0));
}

QTEST_GUILESS_MAIN(TestCostCalculator)
#include "tst_costcalculator.moc"
