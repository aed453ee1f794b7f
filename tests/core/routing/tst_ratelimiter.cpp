#include "core/routing/ManualClock.h"
#include "core/routing/RateLimiter.h"
#include "core/routing/RateLimiterRegistry.h"

#include <QTest>
#include <cmath>
#include <thread>
#include <vector>

using namespace Switchyard;

namespace {

RateLimits limits(int rpm, int tpm)
{
    RateLimits value;
    value.requestsPerMinute = rpm;
    value.tokensPerMinute = tpm;
    return value;
}

}  // namespace

class TestRateLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unlimited();
    void requestBucketStartsFullAndDrains();
    void refillIsContinuous();
    void refillIsCappedAtCapacity();
    void waitComputation_data();
    void waitComputation();
    void grantedWaitReservesAndQueues();
    void deniedWaitReservesNothing();
    void callLargerThanTokenBucket();
    void settleGivesBackAndTakes();
    void settleIgnoredWhenUnlimited();
    void setLimitsRefills();
    void threadSafe();
    void registryPerProvider();
};

void TestRateLimiter::unlimited()
{
    ManualClock clock;
    RateLimiter limiter(limits(0, 0), &clock);
    for (int i = 0; i < 10000; ++i) {
        const RateLimiter::Acquisition acquisition = limiter.tryAcquire(1000000);
        QVERIFY(acquisition.granted);
        QCOMPARE(acquisition.waitMs, qint64(0));
    }
    QVERIFY(std::isinf(limiter.availableRequests()));
    QVERIFY(std::isinf(limiter.availableTokens()));
}

void TestRateLimiter::requestBucketStartsFullAndDrains()
{
    ManualClock clock;
    RateLimiter limiter(limits(3, 0), &clock);
    QCOMPARE(limiter.availableRequests(), 3.0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire(0).granted);
    const RateLimiter::Acquisition fourth = limiter.tryAcquire(0);
    QVERIFY(!fourth.granted);
    QCOMPARE(fourth.waitMs, qint64(20000));  // 3 per minute: one every 20 s
    QCOMPARE(limiter.availableRequests(), 0.0);
}

void TestRateLimiter::refillIsContinuous()
{
    ManualClock clock;
    RateLimiter limiter(limits(60, 6000), &clock);  // 1 request and 100 tokens per second
    for (int i = 0; i < 60; ++i)
        QVERIFY(limiter.tryAcquire(100).granted);
    QCOMPARE(limiter.availableRequests(), 0.0);
    QCOMPARE(limiter.availableTokens(), 0.0);
    clock.advance(250);
    QCOMPARE(limiter.availableRequests(), 0.25);
    QCOMPARE(limiter.availableTokens(), 25.0);
    clock.advance(750);
    QCOMPARE(limiter.availableRequests(), 1.0);
    QCOMPARE(limiter.availableTokens(), 100.0);
    QVERIFY(limiter.tryAcquire(100).granted);
    QVERIFY(!limiter.tryAcquire(1).granted);
}

void TestRateLimiter::refillIsCappedAtCapacity()
{
    ManualClock clock;
    RateLimiter limiter(limits(10, 1000), &clock);
    QVERIFY(limiter.tryAcquire(500).granted);
    clock.advance(10 * 60 * 1000);
    QCOMPARE(limiter.availableRequests(), 10.0);
    QCOMPARE(limiter.availableTokens(), 1000.0);
}

void TestRateLimiter::waitComputation_data()
{
    QTest::addColumn<int>("rpm");
    QTest::addColumn<int>("tpm");
    QTest::addColumn<int>("firstTokens");  // drained first (granted)
    QTest::addColumn<int>("requests");     // how many requests in the first drain
    QTest::addColumn<int>("askTokens");
    QTest::addColumn<qint64>("expectedWait");

    // 6000 tpm = 0.1 token/ms
    QTest::newRow("tokens short by 50 → 500 ms") << 0 << 6000 << 6000 << 1 << 50 << qint64(500);
    QTest::newRow("tokens exactly available") << 0 << 6000 << 5950 << 1 << 50 << qint64(0);
    QTest::newRow("requests dominate") << 1 << 6000 << 10 << 1 << 10 << qint64(60000);
    QTest::newRow("tokens dominate") << 600 << 600 << 600 << 1 << 300 << qint64(30000);
    QTest::newRow("fraction rounds up") << 0 << 7 << 7 << 1 << 1 << qint64(8572);  // 60000 / 7 = 8571.43
}

void TestRateLimiter::waitComputation()
{
    QFETCH(int, rpm);
    QFETCH(int, tpm);
    QFETCH(int, firstTokens);
    QFETCH(int, requests);
    QFETCH(int, askTokens);
    QFETCH(qint64, expectedWait);
    ManualClock clock;
    RateLimiter limiter(limits(rpm, tpm), &clock);
    for (int i = 0; i < requests; ++i)
        QVERIFY(limiter.tryAcquire(i == 0 ? firstTokens : 0).granted);
    const RateLimiter::Acquisition acquisition = limiter.tryAcquire(askTokens, 0);
    QCOMPARE(acquisition.granted, expectedWait == 0);
    QCOMPARE(acquisition.waitMs, expectedWait);
    if (expectedWait > 0) {
        // after exactly that wait the same request is granted at once
        clock.advance(expectedWait);
        const RateLimiter::Acquisition later = limiter.tryAcquire(askTokens, 0);
        QVERIFY(later.granted);
        QCOMPARE(later.waitMs, qint64(0));
    }
}

void TestRateLimiter::grantedWaitReservesAndQueues()
{
    ManualClock clock;
    RateLimiter limiter(limits(60, 0), &clock);  // one request per second
    for (int i = 0; i < 60; ++i)
        QVERIFY(limiter.tryAcquire(0).granted);
    const RateLimiter::Acquisition first = limiter.tryAcquire(0, 5000);
    QVERIFY(first.granted);
    QCOMPARE(first.waitMs, qint64(1000));
    const RateLimiter::Acquisition second = limiter.tryAcquire(0, 5000);  // queued behind the first
    QVERIFY(second.granted);
    QCOMPARE(second.waitMs, qint64(2000));
    QCOMPARE(limiter.availableRequests(), -2.0);
}

void TestRateLimiter::deniedWaitReservesNothing()
{
    ManualClock clock;
    RateLimiter limiter(limits(0, 600), &clock);  // 10 tokens per second
    QVERIFY(limiter.tryAcquire(600).granted);
    const RateLimiter::Acquisition denied = limiter.tryAcquire(100, 5000);  // needs 10 s
    QVERIFY(!denied.granted);
    QCOMPARE(denied.waitMs, qint64(10000));
    QCOMPARE(limiter.availableTokens(), 0.0);
    const RateLimiter::Acquisition granted = limiter.tryAcquire(100, 10000);
    QVERIFY(granted.granted);
    QCOMPARE(granted.waitMs, qint64(10000));
    QCOMPARE(limiter.availableTokens(), -100.0);
}

void TestRateLimiter::callLargerThanTokenBucket()
{
    ManualClock clock;
    RateLimiter limiter(limits(0, 1000), &clock);
    // bigger than the bucket: admitted when the bucket is full, then the bucket is in debt
    const RateLimiter::Acquisition big = limiter.tryAcquire(5000);
    QVERIFY(big.granted);
    QCOMPARE(limiter.availableTokens(), -4000.0);
    const RateLimiter::Acquisition next = limiter.tryAcquire(1000);
    QVERIFY(!next.granted);
    QCOMPARE(next.waitMs, qint64(5 * 60000));  // 5000 tokens to refill at 1000 per minute
}

void TestRateLimiter::settleGivesBackAndTakes()
{
    ManualClock clock;
    RateLimiter limiter(limits(0, 10000), &clock);
    QVERIFY(limiter.tryAcquire(4000).granted);
    QCOMPARE(limiter.availableTokens(), 6000.0);
    limiter.settle(4000, 1500);  // used less than estimated
    QCOMPARE(limiter.availableTokens(), 8500.0);
    QVERIFY(limiter.tryAcquire(1000).granted);
    limiter.settle(1000, 3000);  // used more
    QCOMPARE(limiter.availableTokens(), 5500.0);
    limiter.settle(9000, 0);  // never above capacity
    QCOMPARE(limiter.availableTokens(), 10000.0);
}

void TestRateLimiter::settleIgnoredWhenUnlimited()
{
    ManualClock clock;
    RateLimiter limiter(limits(10, 0), &clock);
    QVERIFY(limiter.tryAcquire(100).granted);
    limiter.settle(100, 100000);
    QVERIFY(limiter.tryAcquire(100000).granted);
    QCOMPARE(limiter.availableRequests(), 8.0);
}

void TestRateLimiter::setLimitsRefills()
{
    ManualClock clock;
    RateLimiter limiter(limits(1, 0), &clock);
    QVERIFY(limiter.tryAcquire(0).granted);
    QVERIFY(!limiter.tryAcquire(0).granted);
    limiter.setLimits(limits(100, 0));
    QCOMPARE(limiter.limits().requestsPerMinute, 100);
    QCOMPARE(limiter.availableRequests(), 100.0);
    QVERIFY(limiter.tryAcquire(0).granted);
}

void TestRateLimiter::threadSafe()
{
    ManualClock clock;
    RateLimiter limiter(limits(1000, 0), &clock);
    std::atomic<int> granted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 250; ++i) {
                if (limiter.tryAcquire(0).granted)
                    ++granted;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(granted.load(), 1000);  // exactly the bucket, none lost, none extra
}

void TestRateLimiter::registryPerProvider()
{
    ManualClock clock;
    ProvidersConfig config;
    ProviderSpec groq;
    groq.id = QStringLiteral("groq");
    groq.rateLimits = limits(2, 6000);
    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.rateLimits = limits(500, 200000);
    config.providers = {groq, openai};

    RateLimiterRegistry registry(&clock);
    registry.configure(config);
    RateLimiter &groqLimiter = registry.limiter(QStringLiteral("groq"));
    QCOMPARE(&registry.limiter(QStringLiteral("groq")), &groqLimiter);  // the same buckets every time
    QVERIFY(groqLimiter.tryAcquire(100).granted);
    QVERIFY(groqLimiter.tryAcquire(100).granted);
    QVERIFY(!groqLimiter.tryAcquire(100).granted);
    QVERIFY(registry.limiter(QStringLiteral("openai")).tryAcquire(100).granted);  // separate buckets

    // Reloading unchanged limits keeps the drained bucket; changed limits refill it.
    registry.configure(config);
    QVERIFY(!registry.limiter(QStringLiteral("groq")).tryAcquire(100).granted);
    config.providers[0].rateLimits = limits(30, 6000);
    registry.configure(config);
    QVERIFY(registry.limiter(QStringLiteral("groq")).tryAcquire(100).granted);
    QCOMPARE(registry.limiter(QStringLiteral("groq")).limits().requestsPerMinute, 30);

    // An unknown provider is not limited.
    RateLimiter &unknown = registry.limiter(QStringLiteral("nobody"));
    for (int i = 0; i < 1000; ++i)
        QVERIFY(unknown.tryAcquire(1000000).granted);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
