#include "core/providers/client/HttpErrorClassifier.h"
#include "core/routing/CallBudget.h"
#include "core/routing/ManualClock.h"
#include "core/routing/RetryPolicy.h"

#include <QTest>

using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::FailureClass)
Q_DECLARE_METATYPE(Switchyard::RetryDecision::Action)

namespace {

const QDateTime kNow(QDate(2026, 11, 22), QTime(21, 0, 0), Qt::UTC);

}  // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backoffCeiling_data();
    void backoffCeiling();
    void backoffJitterBounds();
    void decide_data();
    void decide();
    void decideUsesBackoffWhenNoDelay();
    void decideFromAnalysis();
    void callBudget();
    void callBudgetRetriesNeverMultiply();
};

void TestRetryPolicy::backoffCeiling_data()
{
    QTest::addColumn<int>("retryIndex");
    QTest::addColumn<qint64>("ceiling");
    QTest::newRow("0") << 0 << qint64(500);
    QTest::newRow("1") << 1 << qint64(1000);
    QTest::newRow("2") << 2 << qint64(2000);
    QTest::newRow("3") << 3 << qint64(4000);
    QTest::newRow("4") << 4 << qint64(8000);
    QTest::newRow("5 capped") << 5 << qint64(8000);
    QTest::newRow("40 capped, no overflow") << 40 << qint64(8000);
    QTest::newRow("negative") << -1 << qint64(500);
}

void TestRetryPolicy::backoffCeiling()
{
    QFETCH(int, retryIndex);
    QFETCH(qint64, ceiling);
    QCOMPARE(RetryPolicy::backoffCeilingMs(retryIndex), ceiling);
    const RetryPolicy noJitter(3, [] { return 0.0; });
    const RetryPolicy fullJitter(3, [] { return 1.0; });
    const RetryPolicy halfJitter(3, [] { return 0.5; });
    QCOMPARE(noJitter.backoffMs(retryIndex), ceiling);
    QCOMPARE(fullJitter.backoffMs(retryIndex), ceiling * 3 / 4);
    QCOMPARE(halfJitter.backoffMs(retryIndex), qint64(std::llround(double(ceiling) * 0.875)));
}

void TestRetryPolicy::backoffJitterBounds()
{
    // The real random source: every delay stays within [75 %, 100 %] of the ceiling and the delays vary.
    const RetryPolicy policy;
    for (int retry = 0; retry < 6; ++retry) {
        const qint64 ceiling = RetryPolicy::backoffCeilingMs(retry);
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = policy.backoffMs(retry);
            QVERIFY2(delay >= ceiling * 3 / 4 && delay <= ceiling, qPrintable(QString::number(delay)));
            seen.insert(delay);
        }
        QVERIFY(seen.size() > 1);
    }
    // An out-of-range random source is clamped rather than producing negative or longer delays.
    QCOMPARE(RetryPolicy(3, [] { return 7.0; }).backoffMs(0), qint64(375));
    QCOMPARE(RetryPolicy(3, [] { return -2.0; }).backoffMs(0), qint64(500));
}

void TestRetryPolicy::decide_data()
{
    QTest::addColumn<FailureClass>("failure");
    QTest::addColumn<int>("attemptsMade");
    QTest::addColumn<qint64>("suggested");  // -1 = none
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<int>("shouldRetry");  // -1 absent
    QTest::addColumn<RetryDecision::Action>("action");
    QTest::addColumn<qint64>("delay");

    using A = RetryDecision::Action;
    QTest::newRow("transient first attempt, back-off 500")
        << FailureClass::Transient << 1 << qint64(-1) << qint64(60000) << -1 << A::RetrySameHop << qint64(500);
    QTest::newRow("transient second attempt, back-off 1000")
        << FailureClass::Transient << 2 << qint64(-1) << qint64(60000) << -1 << A::RetrySameHop << qint64(1000);
    QTest::newRow("transient out of attempts")
        << FailureClass::Transient << 3 << qint64(-1) << qint64(60000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("timeout retried") << FailureClass::Timeout << 1 << qint64(-1) << qint64(60000) << -1
                                     << A::RetrySameHop << qint64(500);
    QTest::newRow("network retried") << FailureClass::Network << 1 << qint64(-1) << qint64(60000) << -1
                                     << A::RetrySameHop << qint64(500);
    QTest::newRow("429 honours retry-after")
        << FailureClass::RateLimited << 1 << qint64(20000) << qint64(60000) << -1 << A::RetrySameHop << qint64(20000);
    QTest::newRow("429 retry-after longer than budget")
        << FailureClass::RateLimited << 1 << qint64(20000) << qint64(15000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("429 retry-after equal to budget")
        << FailureClass::RateLimited << 1 << qint64(15000) << qint64(15000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("429 retry-after 0") << FailureClass::RateLimited << 1 << qint64(0) << qint64(15000) << -1
                                       << A::RetrySameHop << qint64(0);
    QTest::newRow("back-off longer than budget")
        << FailureClass::Transient << 2 << qint64(-1) << qint64(900) << -1 << A::NextHop << qint64(0);
    QTest::newRow("x-should-retry false on 503")
        << FailureClass::Transient << 1 << qint64(-1) << qint64(60000) << 0 << A::NextHop << qint64(0);
    QTest::newRow("x-should-retry true cannot retry validation")
        << FailureClass::Validation << 1 << qint64(-1) << qint64(60000) << 1 << A::NextHop << qint64(0);
    QTest::newRow("context too long") << FailureClass::ContextTooLong << 1 << qint64(-1) << qint64(60000) << -1
                                      << A::NextHop << qint64(0);
    QTest::newRow("content filter") << FailureClass::ContentFilter << 1 << qint64(-1) << qint64(60000) << -1
                                    << A::NextHop << qint64(0);
    QTest::newRow("authentication") << FailureClass::Authentication << 1 << qint64(-1) << qint64(60000) << -1
                                    << A::NextHop << qint64(0);
    QTest::newRow("insufficient quota with retry-after")
        << FailureClass::InsufficientQuota << 1 << qint64(1000) << qint64(60000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("stream cut") << FailureClass::StreamCut << 1 << qint64(-1) << qint64(60000) << -1 << A::NextHop
                                << qint64(0);
    QTest::newRow("stream stalled") << FailureClass::StreamStalled << 1 << qint64(-1) << qint64(60000) << -1
                                    << A::NextHop << qint64(0);
    QTest::newRow("malformed") << FailureClass::MalformedResponse << 1 << qint64(-1) << qint64(60000) << -1
                               << A::NextHop << qint64(0);
    QTest::newRow("circuit open") << FailureClass::CircuitOpen << 1 << qint64(-1) << qint64(60000) << -1 << A::NextHop
                                  << qint64(0);
    QTest::newRow("cancelled") << FailureClass::Cancelled << 1 << qint64(-1) << qint64(60000) << -1 << A::Fail
                               << qint64(0);
    QTest::newRow("budget spent") << FailureClass::Transient << 1 << qint64(-1) << qint64(0) << -1 << A::Fail
                                  << qint64(0);
    QTest::newRow("budget spent, validation")
        << FailureClass::Validation << 1 << qint64(-1) << qint64(0) << -1 << A::Fail << qint64(0);
}

void TestRetryPolicy::decide()
{
    QFETCH(FailureClass, failure);
    QFETCH(int, attemptsMade);
    QFETCH(qint64, suggested);
    QFETCH(qint64, remaining);
    QFETCH(int, shouldRetry);
    QFETCH(RetryDecision::Action, action);
    QFETCH(qint64, delay);

    const RetryPolicy policy(3, [] { return 0.0; });
    const RetryDecision decision =
        policy.decide(failure, attemptsMade, suggested >= 0 ? std::optional<qint64>(suggested) : std::nullopt,
                      remaining, shouldRetry >= 0 ? std::optional<bool>(shouldRetry == 1) : std::nullopt);
    QCOMPARE(int(decision.action), int(action));
    QCOMPARE(decision.delayMs, delay);
    QVERIFY(!decision.reason.isEmpty());
}

void TestRetryPolicy::decideUsesBackoffWhenNoDelay()
{
    const RetryPolicy policy(6, [] { return 1.0; });  // maximum jitter: 75 % of the ceiling
    const qint64 expected[] = {375, 750, 1500, 3000, 6000};
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const RetryDecision decision = policy.decide(FailureClass::Transient, attempt, std::nullopt, 600000);
        QCOMPARE(int(decision.action), int(RetryDecision::Action::RetrySameHop));
        QCOMPARE(decision.delayMs, expected[attempt - 1]);
    }
    QCOMPARE(int(policy.decide(FailureClass::Transient, 6, std::nullopt, 600000).action),
             int(RetryDecision::Action::NextHop));
    QCOMPARE(RetryPolicy(0).maxAttemptsPerHop(), 1);
}

void TestRetryPolicy::decideFromAnalysis()
{
    // What CallExecutor does with a failed attempt: the classifier's class, delay and retry verdict decide.
    const RetryPolicy policy(3, [] { return 0.0; });
    const auto none = [](const QByteArray &) {
        return QByteArray();
    };
    const HttpFailure gemini = HttpErrorClassifier::classify(
        429, none,
        R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31s"}]}})",
        kNow);
    RetryDecision decision = policy.decide(gemini.failure, 1, gemini.retryAfterMs, 60000, gemini.retryable);
    QCOMPARE(int(decision.action), int(RetryDecision::Action::RetrySameHop));
    QCOMPARE(decision.delayMs, qint64(31000));
    decision = policy.decide(gemini.failure, 1, gemini.retryAfterMs, 30000, gemini.retryable);
    QCOMPARE(int(decision.action), int(RetryDecision::Action::NextHop));
    QVERIFY2(decision.reason.contains(QStringLiteral("31000")), qPrintable(decision.reason));

    const HttpFailure noRetry = HttpErrorClassifier::classify(
        500, [](const QByteArray &name) { return name == "x-should-retry" ? QByteArray("false") : QByteArray(); }, {},
        kNow);
    QCOMPARE(int(policy.decide(noRetry.failure, 1, noRetry.retryAfterMs, 60000, noRetry.retryable).action),
             int(RetryDecision::Action::NextHop));

    const HttpFailure dated = HttpErrorClassifier::classify(
        503,
        [](const QByteArray &name) {
            return name == "retry-after" ? QByteArray("Sun, 22 Nov 2026 21:00:02 GMT") : QByteArray();
        },
        {}, kNow);
    decision = policy.decide(dated.failure, 1, dated.retryAfterMs, 60000, dated.retryable);
    QCOMPARE(int(decision.action), int(RetryDecision::Action::RetrySameHop));
    QCOMPARE(decision.delayMs, qint64(2000));
}

void TestRetryPolicy::callBudget()
{
    ManualClock clock(1000);
    CallBudget budget(10000, 3, &clock);
    QCOMPARE(budget.remainingMs(), qint64(10000));
    QCOMPARE(budget.elapsedMs(), qint64(0));
    clock.advance(2500);
    QCOMPARE(budget.elapsedMs(), qint64(2500));
    QCOMPARE(budget.remainingMs(), qint64(7500));
    QCOMPARE(budget.capTimeout(60000), qint64(7500));
    QCOMPARE(budget.capTimeout(3000), qint64(3000));
    QCOMPARE(budget.capTimeout(0), qint64(7500));
    QVERIFY(!budget.expired());
    clock.advance(7500);
    QCOMPARE(budget.remainingMs(), qint64(0));
    QVERIFY(budget.expired());
    QVERIFY(!budget.beginAttempt(0));
    clock.advance(100);
    QCOMPARE(budget.remainingMs(), qint64(0));

    CallBudget unlimited(0, 3, &clock);
    clock.advance(1000000);
    QVERIFY(!unlimited.expired());
    QVERIFY(unlimited.remainingMs() > qint64(1) << 40);
}

void TestRetryPolicy::callBudgetRetriesNeverMultiply()
{
    ManualClock clock;
    CallBudget budget(60000, 2, &clock);
    QVERIFY(budget.beginAttempt(0));
    QVERIFY(budget.beginAttempt(0));
    QVERIFY(!budget.beginAttempt(0));  // hop 0 used up
    QVERIFY(budget.beginAttempt(1));
    // coming back to hop 0 (a restart) does not reset its budget
    QVERIFY(!budget.beginAttempt(0));
    QCOMPARE(budget.attemptsOn(0), 2);
    QCOMPARE(budget.attemptsOn(1), 1);
    QCOMPARE(budget.attemptsOn(7), 0);
    QCOMPARE(budget.totalAttempts(), 3);

    // Waits all come out of the one call budget: two 20 s retry-afters fit, the third does not.
    const RetryPolicy policy(10, [] { return 0.0; });
    int retries = 0;
    for (int attempt = 1; attempt < 10; ++attempt) {
        const RetryDecision decision = policy.decide(FailureClass::RateLimited, attempt, 20000, budget.remainingMs());
        if (decision.action != RetryDecision::Action::RetrySameHop)
            break;
        clock.advance(decision.delayMs + 100);  // the wait plus a fast failing attempt
        ++retries;
    }
    QCOMPARE(retries, 2);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
