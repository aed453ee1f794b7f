#include "core/routing/BreakerRegistry.h"
#include "core/routing/CircuitBreaker.h"
#include "core/routing/ManualClock.h"

#include <QTest>
#include <thread>
#include <vector>

using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::FailureClass)

namespace {

CircuitBreakerSpec spec(double threshold = 0.5, int minimumCalls = 4, int windowSeconds = 60, int openSeconds = 30)
{
    CircuitBreakerSpec value;
    value.failureRateThreshold = threshold;
    value.minimumCalls = minimumCalls;
    value.windowSeconds = windowSeconds;
    value.openSeconds = openSeconds;
    return value;
}

const BreakerKey kKey{QStringLiteral("bedrock"), QStringLiteral("deepseek.r1-v1:0"), QStringLiteral("ap-south-1")};

/// One admitted call that ends with @p outcome.
void call(CircuitBreaker &breaker, FailureClass outcome)
{
    const CircuitBreaker::Permit permit = breaker.tryAcquire();
    QVERIFY(permit.allowed());
    breaker.record(permit, outcome);
}

}  // namespace

class TestCircuitBreaker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsClosed();
    void minimumCallsGate();
    void thresholdGate_data();
    void thresholdGate();
    void whichFailuresCount_data();
    void whichFailuresCount();
    void windowExpiry();
    void openRejectsUntilOpenSecondsPass();
    void halfOpenAllowsExactlyOneProbe();
    void probeSuccessClosesWithEmptyWindow();
    void probeFailureReopens();
    void cancelledProbeLetsAnotherProbe();
    void lostProbeIsReplaced();
    void stalePermitsAreIgnored();
    void forceOpenAndReset();
    void eventLogWithTimes();
    void keyFormatting();
    void registryKeepsBreakersApart();
    void registrySinkAndEvents();
    void registrySnapshot();
    void registryConcurrentProbe();
};

void TestCircuitBreaker::startsClosed()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(), &clock);
    QCOMPARE(breaker.state(), BreakerState::Closed);
    const CircuitBreaker::Permit permit = breaker.tryAcquire();
    QCOMPARE(permit.kind, CircuitBreaker::Permit::Kind::Normal);
    QVERIFY(permit.allowed());
    QCOMPARE(breaker.callsInWindow(), 0);
}

void TestCircuitBreaker::minimumCallsGate()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 4), &clock);
    // three failures out of three: 100 % but below the minimum throughput
    for (int i = 0; i < 3; ++i) {
        call(breaker, FailureClass::Transient);
        clock.advance(10);
    }
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.callsInWindow(), 3);
    QCOMPARE(breaker.failuresInWindow(), 3);
    call(breaker, FailureClass::Transient);
    QCOMPARE(breaker.state(), BreakerState::Open);
}

void TestCircuitBreaker::thresholdGate_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("successes");
    QTest::addColumn<bool>("opens");
    QTest::newRow("2 of 4 at 50 % opens") << 0.5 << 2 << 2 << true;
    QTest::newRow("1 of 4 at 50 % stays") << 0.5 << 1 << 3 << false;
    QTest::newRow("3 of 10 at 50 % stays") << 0.5 << 3 << 7 << false;
    QTest::newRow("5 of 10 at 50 % opens") << 0.5 << 5 << 5 << true;
    QTest::newRow("3 of 4 at 80 % stays") << 0.8 << 3 << 1 << false;
    QTest::newRow("4 of 5 at 80 % opens") << 0.8 << 4 << 1 << true;
}

void TestCircuitBreaker::thresholdGate()
{
    QFETCH(double, threshold);
    QFETCH(int, failures);
    QFETCH(int, successes);
    QFETCH(bool, opens);
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(threshold, 4), &clock);
    // successes first so the rate is only judged once everything is in
    for (int i = 0; i < successes; ++i)
        call(breaker, FailureClass::None);
    for (int i = 0; i < failures; ++i) {
        if (breaker.state() == BreakerState::Closed)
            call(breaker, FailureClass::Transient);
    }
    QCOMPARE(breaker.state() == BreakerState::Open, opens);
}

void TestCircuitBreaker::whichFailuresCount_data()
{
    QTest::addColumn<FailureClass>("outcome");
    QTest::addColumn<bool>("counts");
    QTest::addColumn<bool>("isOutcome");
    QTest::newRow("transient") << FailureClass::Transient << true << true;
    QTest::newRow("timeout") << FailureClass::Timeout << true << true;
    QTest::newRow("network") << FailureClass::Network << true << true;
    QTest::newRow("stream cut") << FailureClass::StreamCut << true << true;
    QTest::newRow("stream stalled") << FailureClass::StreamStalled << true << true;
    QTest::newRow("malformed") << FailureClass::MalformedResponse << true << true;
    QTest::newRow("rate limited") << FailureClass::RateLimited << true << true;
    QTest::newRow("success") << FailureClass::None << false << true;
    QTest::newRow("validation") << FailureClass::Validation << false << true;
    QTest::newRow("content filter") << FailureClass::ContentFilter << false << true;
    QTest::newRow("context too long") << FailureClass::ContextTooLong << false << true;
    QTest::newRow("authentication") << FailureClass::Authentication << false << true;
    QTest::newRow("quota") << FailureClass::InsufficientQuota << false << true;
    QTest::newRow("cancelled") << FailureClass::Cancelled << false << false;
    QTest::newRow("circuit open") << FailureClass::CircuitOpen << false << false;
    QTest::newRow("rate limit skipped") << FailureClass::RateLimitSkipped << false << false;
}

void TestCircuitBreaker::whichFailuresCount()
{
    QFETCH(FailureClass, outcome);
    QFETCH(bool, counts);
    QFETCH(bool, isOutcome);
    QCOMPARE(CircuitBreaker::countsAsFailure(outcome), counts);
    QCOMPARE(CircuitBreaker::isOutcome(outcome), isOutcome);

    // Behaviour, not just the predicate: ten such outcomes open the breaker only if they count.
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 4), &clock);
    for (int i = 0; i < 10 && breaker.state() == BreakerState::Closed; ++i)
        call(breaker, outcome);
    QCOMPARE(breaker.state() == BreakerState::Open, counts);
    if (!counts)
        QCOMPARE(breaker.callsInWindow(), isOutcome ? 10 : 0);
}

void TestCircuitBreaker::windowExpiry()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 4, 60), &clock);
    call(breaker, FailureClass::Transient);  // t = 0
    clock.advance(20000);
    call(breaker, FailureClass::Transient);  // t = 20 s
    clock.advance(20000);
    call(breaker, FailureClass::Transient);  // t = 40 s
    QCOMPARE(breaker.callsInWindow(), 3);
    clock.advance(20000);  // t = 60 s: the first failure leaves the window
    QCOMPARE(breaker.callsInWindow(), 2);
    QCOMPARE(breaker.failuresInWindow(), 2);
    call(breaker, FailureClass::Transient);  // 3 in the window, still below the minimum of 4
    QCOMPARE(breaker.state(), BreakerState::Closed);
    clock.advance(1000);
    call(breaker, FailureClass::Transient);  // t = 61 s: 20 s, 40 s, 60 s, 61 s → 4 failures
    QCOMPARE(breaker.state(), BreakerState::Open);
}

void TestCircuitBreaker::openRejectsUntilOpenSecondsPass()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::Timeout);
    call(breaker, FailureClass::Timeout);
    QCOMPARE(breaker.state(), BreakerState::Open);
    CircuitBreaker::Permit permit = breaker.tryAcquire();
    QVERIFY(!permit.allowed());
    QCOMPARE(permit.retryAfterMs, qint64(30000));
    clock.advance(29999);
    permit = breaker.tryAcquire();
    QVERIFY(!permit.allowed());
    QCOMPARE(permit.retryAfterMs, qint64(1));
    QCOMPARE(breaker.state(), BreakerState::Open);
    clock.advance(1);
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
}

void TestCircuitBreaker::halfOpenAllowsExactlyOneProbe()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    clock.advance(30000);
    const CircuitBreaker::Permit probe = breaker.tryAcquire();
    QCOMPARE(probe.kind, CircuitBreaker::Permit::Kind::Probe);
    for (int i = 0; i < 5; ++i) {
        clock.advance(1000);
        QCOMPARE(breaker.tryAcquire().kind, CircuitBreaker::Permit::Kind::Rejected);
    }
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
}

void TestCircuitBreaker::probeSuccessClosesWithEmptyWindow()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    clock.advance(30000);
    const CircuitBreaker::Permit probe = breaker.tryAcquire();
    breaker.record(probe, FailureClass::None);
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.callsInWindow(), 0);
    // one failure after closing does not re-open it: the old failures are gone
    call(breaker, FailureClass::Transient);
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.callsInWindow(), 1);
}

void TestCircuitBreaker::probeFailureReopens()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    clock.advance(30000);
    const CircuitBreaker::Permit probe = breaker.tryAcquire();
    clock.advance(2000);
    breaker.record(probe, FailureClass::StreamStalled);
    QCOMPARE(breaker.state(), BreakerState::Open);
    // a full new open period, counted from the probe's failure
    clock.advance(29999);
    QCOMPARE(breaker.tryAcquire().retryAfterMs, qint64(1));
    clock.advance(1);
    QCOMPARE(breaker.tryAcquire().kind, CircuitBreaker::Permit::Kind::Probe);
}

void TestCircuitBreaker::cancelledProbeLetsAnotherProbe()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    clock.advance(30000);
    const CircuitBreaker::Permit probe = breaker.tryAcquire();
    breaker.record(probe, FailureClass::Cancelled);
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
    const CircuitBreaker::Permit second = breaker.tryAcquire();
    QCOMPARE(second.kind, CircuitBreaker::Permit::Kind::Probe);
    // a validation error means the provider answered: healthy enough to close
    breaker.record(second, FailureClass::Validation);
    QCOMPARE(breaker.state(), BreakerState::Closed);
}

void TestCircuitBreaker::lostProbeIsReplaced()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    clock.advance(30000);
    QCOMPARE(breaker.tryAcquire().kind, CircuitBreaker::Permit::Kind::Probe);  // never reports back
    clock.advance(29999);
    QCOMPARE(breaker.tryAcquire().kind, CircuitBreaker::Permit::Kind::Rejected);
    clock.advance(1);
    QCOMPARE(breaker.tryAcquire().kind, CircuitBreaker::Permit::Kind::Probe);
}

void TestCircuitBreaker::stalePermitsAreIgnored()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    const CircuitBreaker::Permit slow = breaker.tryAcquire();  // admitted while closed, reports late
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    QCOMPARE(breaker.state(), BreakerState::Open);
    clock.advance(30000);
    const CircuitBreaker::Permit probe = breaker.tryAcquire();
    QCOMPARE(probe.kind, CircuitBreaker::Permit::Kind::Probe);
    breaker.record(slow, FailureClass::None);  // must not close the half-open breaker
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
    breaker.record(probe, FailureClass::None);
    QCOMPARE(breaker.state(), BreakerState::Closed);
    breaker.record(slow, FailureClass::Transient);  // nor count in the new window
    QCOMPARE(breaker.callsInWindow(), 0);
    breaker.record(CircuitBreaker::Permit{}, FailureClass::Transient);  // a rejection is not a call
    QCOMPARE(breaker.callsInWindow(), 0);
}

void TestCircuitBreaker::forceOpenAndReset()
{
    ManualClock clock;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock);
    call(breaker, FailureClass::None);
    breaker.forceOpen(QStringLiteral("alice"), QStringLiteral("provider incident"));
    QCOMPARE(breaker.state(), BreakerState::ForcedOpen);
    clock.advance(3600 * 1000);  // stays open far beyond openSeconds
    QCOMPARE(breaker.state(), BreakerState::ForcedOpen);
    const CircuitBreaker::Permit permit = breaker.tryAcquire();
    QVERIFY(!permit.allowed());
    breaker.forceOpen(QStringLiteral("alice"), QStringLiteral("again"));  // no duplicate event
    breaker.reset(QStringLiteral("bob"), QStringLiteral("incident over"));
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.callsInWindow(), 0);
    QVERIFY(breaker.tryAcquire().allowed());

    // reset of an automatically opened breaker closes it at once
    call(breaker, FailureClass::Transient);
    call(breaker, FailureClass::Transient);
    QCOMPARE(breaker.state(), BreakerState::Open);
    breaker.reset(QStringLiteral("bob"), QStringLiteral("manual"));
    QCOMPARE(breaker.state(), BreakerState::Closed);
}

void TestCircuitBreaker::eventLogWithTimes()
{
    ManualClock clock(5000, QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC));
    QList<BreakerEvent> events;
    CircuitBreaker breaker(kKey, spec(0.5, 2, 60, 30), &clock,
                           [&events](const BreakerEvent &event) { events.append(event); });
    call(breaker, FailureClass::Transient);
    clock.advance(1000);
    call(breaker, FailureClass::RateLimited);  // opens at 6000
    clock.advance(30000);
    const CircuitBreaker::Permit probe = breaker.tryAcquire();  // half-open at 36000
    clock.advance(500);
    breaker.record(probe, FailureClass::None);  // closed at 36500
    clock.advance(100);
    breaker.forceOpen(QStringLiteral("alice"), QStringLiteral("maintenance"));  // 36600
    clock.advance(100);
    breaker.reset(QStringLiteral("bob"), QStringLiteral("done"));        // 36700
    breaker.reset(QStringLiteral("bob"), QStringLiteral("done twice"));  // already closed: no event

    QCOMPARE(events.size(), 5);
    const struct {
        BreakerState from;
        BreakerState to;
        qint64 atMs;
        const char *actor;
    } expected[] = {
        {BreakerState::Closed, BreakerState::Open, 6000, "auto"},
        {BreakerState::Open, BreakerState::HalfOpen, 36000, "auto"},
        {BreakerState::HalfOpen, BreakerState::Closed, 36500, "auto"},
        {BreakerState::Closed, BreakerState::ForcedOpen, 36600, "alice"},
        {BreakerState::ForcedOpen, BreakerState::Closed, 36700, "bob"},
    };
    for (int i = 0; i < 5; ++i) {
        const BreakerEvent &event = events.at(i);
        QCOMPARE(event.key, kKey);
        QCOMPARE(event.from, expected[i].from);
        QCOMPARE(event.to, expected[i].to);
        QCOMPARE(event.atMs, expected[i].atMs);
        QCOMPARE(event.at, QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC).addMSecs(expected[i].atMs - 5000));
        QCOMPARE(event.actor, QLatin1String(expected[i].actor));
        QVERIFY(!event.reason.isEmpty());
    }
    QCOMPARE(events.at(0).reason, QStringLiteral("2 of 2 calls failed within 60 s (100 % >= 50 %)"));
    QCOMPARE(events.at(2).reason, QStringLiteral("the half-open probe succeeded"));
    QCOMPARE(events.at(3).reason, QStringLiteral("maintenance"));
    QCOMPARE(breakerStateName(events.at(1).to), QStringLiteral("half_open"));
    QCOMPARE(breakerStateName(events.at(3).to), QStringLiteral("forced_open"));
}

void TestCircuitBreaker::keyFormatting()
{
    QCOMPARE(kKey.toString(), QStringLiteral("bedrock/deepseek.r1-v1:0@ap-south-1"));
    QCOMPARE(BreakerKey::fromString(kKey.toString()), kKey);
    const BreakerKey openRouter{QStringLiteral("openrouter"), QStringLiteral("meta-llama/llama-3.3-70b-instruct"), {}};
    QCOMPARE(openRouter.toString(), QStringLiteral("openrouter/meta-llama/llama-3.3-70b-instruct"));
    QCOMPARE(BreakerKey::fromString(openRouter.toString()), openRouter);
}

void TestCircuitBreaker::registryKeepsBreakersApart()
{
    ManualClock clock;
    BreakerRegistry registry(spec(0.5, 2, 60, 30), &clock);
    const BreakerKey mumbai = kKey;
    BreakerKey virginia = kKey;
    virginia.region = QStringLiteral("us-east-1");
    for (int i = 0; i < 2; ++i) {
        const auto permit = registry.tryAcquire(mumbai);
        registry.record(mumbai, permit, FailureClass::Transient);
    }
    QCOMPARE(registry.state(mumbai), BreakerState::Open);
    QCOMPARE(registry.state(virginia), BreakerState::Closed);
    QVERIFY(!registry.tryAcquire(mumbai).allowed());
    QVERIFY(registry.tryAcquire(virginia).allowed());
}

void TestCircuitBreaker::registrySinkAndEvents()
{
    ManualClock clock;
    BreakerRegistry registry(spec(0.5, 2, 60, 30), &clock);
    QList<BreakerEvent> sunk;
    // the sink may call back into the registry: it runs outside the lock
    registry.setEventSink([&](const BreakerEvent &event) {
        sunk.append(event);
        QCOMPARE(registry.state(event.key), event.to);
    });
    registry.forceOpen(kKey, QStringLiteral("alice"), QStringLiteral("test"));
    clock.advance(10);
    registry.reset(kKey, QStringLiteral("alice"), QStringLiteral("test over"));
    QCOMPARE(sunk.size(), 2);
    QCOMPARE(registry.events(), sunk);
    QCOMPARE(registry.takeEvents(), sunk);
    QVERIFY(registry.events().isEmpty());
}

void TestCircuitBreaker::registrySnapshot()
{
    ManualClock clock;
    BreakerRegistry registry(spec(0.5, 3, 60, 30), &clock);
    const BreakerKey a{QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro"), {}};
    const BreakerKey b{QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"), {}};
    registry.record(a, registry.tryAcquire(a), FailureClass::Transient);
    registry.record(a, registry.tryAcquire(a), FailureClass::None);
    registry.forceOpen(b, QStringLiteral("admin"), QStringLiteral("cost"));
    const QList<BreakerRegistry::Status> statuses = registry.snapshot();
    QCOMPARE(statuses.size(), 2);
    QCOMPARE(statuses.at(0).key, b);  // sorted by key
    QCOMPARE(statuses.at(0).state, BreakerState::ForcedOpen);
    QCOMPARE(statuses.at(1).key, a);
    QCOMPARE(statuses.at(1).state, BreakerState::Closed);
    QCOMPARE(statuses.at(1).callsInWindow, 2);
    QCOMPARE(statuses.at(1).failuresInWindow, 1);
    registry.clear();
    QVERIFY(registry.snapshot().isEmpty());
}

void TestCircuitBreaker::registryConcurrentProbe()
{
    ManualClock clock;
    BreakerRegistry registry(spec(0.5, 2, 60, 30), &clock);
    for (int i = 0; i < 2; ++i)
        registry.record(kKey, registry.tryAcquire(kKey), FailureClass::Transient);
    clock.advance(30000);
    std::atomic<int> probes{0};
    std::atomic<int> rejected{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (registry.tryAcquire(kKey).allowed())
                    ++probes;
                else
                    ++rejected;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(probes.load(), 1);
    QCOMPARE(rejected.load(), 399);
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
