// The executor end to end over the offline simulator: retries, fallbacks, skips and restarts, with every attempt
// recorded — the same path a real provider takes.
#include "core/providers/simulator/SimulatorClient.h"
#include "core/routing/BreakerRegistry.h"
#include "core/routing/CallExecutor.h"
#include "core/routing/RateLimiterRegistry.h"
#include "core/secrets/SecretResolver.h"
#include "tests/support/FakeProviderServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace Switchyard;

namespace {

ModelSpec model(const QString &id, int contextWindow)
{
    ModelSpec spec;
    spec.id = id;
    spec.contextWindow = contextWindow;
    spec.maxOutputTokens = 4096;
    return spec;
}

/// Two simulator providers; "primary" gets the failures under test, "backup" always answers.
ProvidersConfig providers(const QString &primaryFailures, const QString &apiKeyRef = {})
{
    ProviderSpec primary;
    primary.id = QStringLiteral("primary");
    primary.kind = QStringLiteral("simulator");
    primary.baseUrl =
        QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=2000&retry_after_ms=50") + primaryFailures;
    primary.apiKeyRef = apiKeyRef;
    primary.models = {model(QStringLiteral("small"), 8000), model(QStringLiteral("large"), 200000)};
    ProviderSpec backup = primary;
    backup.id = QStringLiteral("backup");
    backup.apiKeyRef.clear();
    backup.baseUrl = QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=2000");
    backup.models = {model(QStringLiteral("steady"), 32000)};

    ProvidersConfig config;
    config.providers = {primary, backup};
    config.chains = {ChainSpec{QStringLiteral("test"),
                               {},
                               {ChainHop{QStringLiteral("primary"), QStringLiteral("large"), {}},
                                ChainHop{QStringLiteral("backup"), QStringLiteral("steady"), {}}}}};
    config.circuitBreaker = CircuitBreakerSpec{0.5, 2, 60, 30};
    return config;
}

CallRequest request(const QString &model = QStringLiteral("small"))
{
    CallRequest call;
    call.config.provider = QStringLiteral("primary");
    call.config.model = model;
    call.config.chain = QStringLiteral("test");
    call.system = QStringLiteral("You are the same assistant on every hop.");
    call.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello?")}};
    call.budgetMs = 20000;
    call.timeouts = Timeouts{1000, 1000, 300, 10000};
    return call;
}

struct Harness {
    ProvidersConfig config;
    BreakerRegistry breakers;
    RateLimiterRegistry limits;
    SecretResolver secrets;
    QNetworkAccessManager network;

    explicit Harness(ProvidersConfig c) : config(std::move(c)), breakers(config.circuitBreaker)
    {
        limits.configure(config);
    }

    CallExecutor::Services services()
    {
        CallExecutor::Services s;
        s.providers = &config;
        s.breakers = &breakers;
        s.rateLimits = &limits;
        s.secrets = &secrets;
        s.network = &network;
        s.retry = RetryPolicy(2, [] { return 0.0; });
        return s;
    }

    CallResult run(const CallRequest &call, QStringList *deltas = nullptr, int *restarts = nullptr)
    {
        CallExecutor executor(services());
        QObject::connect(&executor, &CallExecutor::delta, [&](const QString &text) {
            if (deltas)
                deltas->append(text);
        });
        QObject::connect(&executor, &CallExecutor::restarted, [&] {
            if (restarts)
                ++*restarts;
            if (deltas)
                deltas->clear();
        });
        QSignalSpy finished(&executor, &CallExecutor::finished);
        executor.start(call);
        if (!finished.wait(15000))
            qWarning("the call did not finish");
        return executor.result();
    }
};

QStringList path(const CallResult &result)
{
    QStringList steps;
    for (const AttemptRecord &attempt : result.attempts)
        steps << QStringLiteral("%1/%2:%3:%4")
                     .arg(attempt.provider, attempt.model, AttemptRecord::outcomeName(attempt.outcome),
                          failureClassName(attempt.errorClass));
    return steps;
}

}  // namespace

class TestCallExecutor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { SimulatorClient::resetFailureCounters(); }

    void primaryAnswers()
    {
        Harness harness(providers({}));
        QStringList deltas;
        const CallResult result = harness.run(request(), &deltas);
        QVERIFY(result.ok);
        QCOMPARE(result.servedBy->provider, QStringLiteral("primary"));
        QCOMPARE(result.servedBy->model, QStringLiteral("small"));
        QCOMPARE(deltas.join(QString()), result.text);
        QCOMPARE(path(result), QStringList{QStringLiteral("primary/small:ok:none")});
        QVERIFY(result.usage.output > 0);
        QVERIFY(result.ttftMs >= 0 && result.ttftMs <= result.latencyMs);
    }

    void transientFailuresRetryThenFallBackWithTheSameSystemInstruction()
    {
        Harness harness(providers(QStringLiteral("&fail.small=server_error&fail.large=unavailable")));
        const CallResult result = harness.run(request());
        QVERIFY(result.ok);
        QCOMPARE(path(result), (QStringList{QStringLiteral("primary/small:failed:transient"),
                                            QStringLiteral("primary/small:failed:transient"),
                                            QStringLiteral("primary/large:failed:transient"),
                                            QStringLiteral("primary/large:failed:transient"),
                                            QStringLiteral("backup/steady:ok:none")}));
        QCOMPARE(result.attempts.at(1).retryIndex, 1);
        QCOMPARE(result.servedBy->systemInstruction, request().system);
        QCOMPARE(result.attempts.at(0).httpStatus.value_or(0), 500);
    }

    void rateLimitHonoursRetryAfterOnTheSameHop()
    {
        Harness harness(providers(QStringLiteral("&fail.small=rate_limited*1")));
        QElapsedTimer clock;
        clock.start();
        const CallResult result = harness.run(request());
        QVERIFY(result.ok);
        QCOMPARE(path(result), (QStringList{QStringLiteral("primary/small:failed:rate_limited"),
                                            QStringLiteral("primary/small:ok:none")}));
        QVERIFY2(clock.elapsed() >= 50,
                 qPrintable(QStringLiteral("Retry-After (50 ms) must be waited for; took %1 ms, path %2")
                                .arg(clock.elapsed())
                                .arg(path(result).join(QLatin1Char(' ')))));
    }

    void contextTooLongMovesToALargerWindowAndNeverRetries()
    {
        Harness harness(providers(QStringLiteral("&fail.small=context_length")));
        const CallResult result = harness.run(request());
        QVERIFY(result.ok);
        QCOMPARE(path(result), (QStringList{QStringLiteral("primary/small:failed:context_too_long"),
                                            QStringLiteral("primary/large:ok:none")}));
    }

    void contentFilterIsNotRetriedAndItsReasonSurfaces()
    {
        Harness harness(providers(QStringLiteral("&fail.small=content_filter&fail.large=content_filter")));
        const CallResult result = harness.run(request());
        const QStringList steps = path(result);
        QCOMPARE(steps.count(QStringLiteral("primary/small:failed:content_filter")), 1);
        QVERIFY(result.attempts.first().errorMessage.contains(QStringLiteral("violence")));
    }

    void streamCutRestartsOnTheNextHop()
    {
        Harness harness(providers(QStringLiteral("&fail.small=stream_cut&fail.large=stream_cut")));
        QStringList deltas;
        int restarts = 0;
        const CallResult result = harness.run(request(), &deltas, &restarts);
        QVERIFY(result.ok);
        QVERIFY(restarts >= 1);
        QVERIFY(result.restarted);
        QCOMPARE(result.servedBy->provider, QStringLiteral("backup"));
        // Only the text of the hop that answered remains.
        QCOMPARE(deltas.join(QString()), result.text);
        QVERIFY(path(result).contains(QStringLiteral("primary/small:failed:stream_cut")));
        // Each restart is noted on the attempt it ended, so the record keeps it; the answer's attempt has none.
        int noted = 0;
        for (const AttemptRecord &attempt : result.attempts) {
            if (attempt.restartNote.isEmpty())
                continue;
            ++noted;
            QCOMPARE(attempt.errorClass, FailureClass::StreamCut);
            QVERIFY2(attempt.restartNote.contains(QStringLiteral("failed mid-answer")),
                     qPrintable(attempt.restartNote));
        }
        QCOMPARE(noted, restarts);
        QVERIFY(result.attempts.constLast().restartNote.isEmpty());
    }

    void openBreakerSkipsItsHop()
    {
        Harness harness(providers({}));
        harness.breakers.forceOpen(BreakerKey{QStringLiteral("primary"), QStringLiteral("small"), {}},
                                   QStringLiteral("test"), QStringLiteral("maintenance"));
        const CallResult result = harness.run(request());
        QVERIFY(result.ok);
        QCOMPARE(path(result), (QStringList{QStringLiteral("primary/small:skipped:circuit_open"),
                                            QStringLiteral("primary/large:ok:none")}));
    }

    void endingInsideStartIsAnnouncedFromTheEventLoop()
    {
        // Every hop's breaker is open: the call ends inside start() without any I/O, yet finished() must come after
        // start() returned (a caller connects, starts, then enters its event loop), and exactly once.
        Harness harness(providers({}));
        for (const auto &[provider, model] :
             {std::pair{"primary", "small"}, std::pair{"primary", "large"}, std::pair{"backup", "steady"}})
            harness.breakers.forceOpen(BreakerKey{QLatin1String(provider), QLatin1String(model), {}},
                                       QStringLiteral("test"), QStringLiteral("maintenance"));
        CallExecutor executor(harness.services());
        QSignalSpy finished(&executor, &CallExecutor::finished);
        executor.start(request());
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(2000));
        QTest::qWait(10);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!executor.result().ok);
        QCOMPARE(executor.result().failure, FailureClass::CircuitOpen);
    }

    void missingKeySkipsTheHopWithoutRevealingAnything()
    {
        Harness harness(providers({}, QStringLiteral("env:SWITCHYARD_TEST_KEY_THAT_IS_NOT_SET")));
        const CallResult result = harness.run(request());
        QVERIFY(result.ok);
        QCOMPARE(result.servedBy->provider, QStringLiteral("backup"));
        QCOMPARE(result.attempts.first().errorClass, FailureClass::Authentication);
        QVERIFY(result.attempts.first().errorMessage.contains(QStringLiteral("SWITCHYARD_TEST_KEY_THAT_IS_NOT_SET")));
    }

    void everyHopFailingFailsClearly()
    {
        ProvidersConfig config = providers(QStringLiteral("&fail.small=content_filter&fail.large=content_filter"));
        config.providers[1].baseUrl += QStringLiteral("&fail.steady=context_length");
        Harness harness(config);
        const CallResult result = harness.run(request());
        QVERIFY(!result.ok);
        QVERIFY(!result.servedBy);
        QVERIFY(!result.errorMessage.isEmpty());
        QVERIFY(result.attempts.size() >= 2);
    }

    void providerVerdictXShouldRetryIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("shouldRetry");
        QTest::addColumn<int>("attemptsPerHop");
        QTest::newRow("no header: a 500 is retried") << QByteArray() << 2;
        QTest::newRow("x-should-retry false: next hop at once") << QByteArray("false") << 1;
    }
    void providerVerdictXShouldRetryIsHonoured()
    {
        // A real HTTP provider on loopback answers 500; the header decides whether the same hop is tried again.
        QFETCH(QByteArray, shouldRetry);
        QFETCH(int, attemptsPerHop);
        Testing::FakeProviderServer server;
        QVERIFY(server.start());
        const QByteArray body = R"({"error":{"message":"The server had an error","type":"server_error"}})";
        for (int i = 0; i < 4; ++i) {  // primary/small, then primary/large (the chain's next hop), two tries each
            Testing::FakeResponse response = Testing::FakeResponse::json(500, body);
            if (!shouldRetry.isEmpty())
                response.withHeader("x-should-retry", shouldRetry);
            server.enqueueAny(response);
        }
        ProvidersConfig config = providers({});
        ProviderSpec &http = config.providers[0];
        http.kind = QStringLiteral("openai_compatible");
        http.baseUrl = server.baseUrl();
        Harness harness(config);
        CallRequest call = request();
        call.stream = false;
        const CallResult result = harness.run(call);
        QVERIFY(result.ok);
        QCOMPARE(result.servedBy->provider, QStringLiteral("backup"));
        const auto onHop = [&](const char *model) {
            return int(std::count_if(result.attempts.cbegin(), result.attempts.cend(), [&](const AttemptRecord &a) {
                return a.provider == QLatin1String("primary") && a.model == QLatin1String(model);
            }));
        };
        QCOMPARE(onHop("small"), attemptsPerHop);
        QCOMPARE(onHop("large"), attemptsPerHop);
        QCOMPARE(result.attempts.constFirst().httpStatus.value_or(0), 500);
    }

    void cancelEndsTheCall()
    {
        ProvidersConfig config = providers({});
        config.providers[0].baseUrl = QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=20");
        Harness harness(config);
        CallExecutor executor(harness.services());
        connect(&executor, &CallExecutor::delta, &executor, [&] { executor.cancel(); });
        QSignalSpy finished(&executor, &CallExecutor::finished);
        executor.start(request());
        QVERIFY(finished.wait(5000));
        QCOMPARE(executor.result().failure, FailureClass::Cancelled);
        QVERIFY(!executor.result().ok);
        QCOMPARE(executor.result().attempts.last().outcome, AttemptRecord::Outcome::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestCallExecutor)
#include "tst_callexecutor.moc"
