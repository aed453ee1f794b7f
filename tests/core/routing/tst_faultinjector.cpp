// Chaos controls end to end over loopback HTTP: an armed fault fails one hop of the next call the way the provider
// would, and the executor's real classification, retry, fallback and attempt log take it from there.
#include "core/providers/client/HttpErrorClassifier.h"
#include "core/routing/BreakerRegistry.h"
#include "core/routing/CallExecutor.h"
#include "core/routing/FaultInjector.h"
#include "core/routing/InjectedFaultCall.h"
#include "core/routing/RateLimiterRegistry.h"
#include "core/secrets/SecretResolver.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/OpenAiFixtures.h"

#include <QSignalSpy>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

ModelSpec model(const QString &id, int contextWindow)
{
    ModelSpec spec;
    spec.id = id;
    spec.contextWindow = contextWindow;
    spec.maxOutputTokens = 1024;
    return spec;
}

/// Hop 0 "first/small" and hop 1 "second/large" (a larger window, so a context-length failure may move there), both
/// OpenAI-compatible on the loopback server.
ProvidersConfig providers(const QString &baseUrl)
{
    ProviderSpec first;
    first.id = QStringLiteral("first");
    first.kind = QStringLiteral("openai_compatible");
    first.baseUrl = baseUrl;
    first.models = {model(QStringLiteral("small"), 8000)};
    ProviderSpec second = first;
    second.id = QStringLiteral("second");
    second.models = {model(QStringLiteral("large"), 128000)};
    ProvidersConfig config;
    config.providers = {first, second};
    config.chains = {
        ChainSpec{QStringLiteral("test"), {}, {ChainHop{QStringLiteral("second"), QStringLiteral("large"), {}}}}};
    config.circuitBreaker = CircuitBreakerSpec{0.5, 10, 60, 30};
    return config;
}

CallRequest request()
{
    CallRequest call;
    call.config.provider = QStringLiteral("first");
    call.config.model = QStringLiteral("small");
    call.config.chain = QStringLiteral("test");
    call.system = QStringLiteral("Be brief.");
    call.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello?")}};
    call.budgetMs = 20000;
    call.timeouts = Timeouts{1000, 250, 1000, 5000};
    return call;
}

/// A streamed answer in pieces with pauses, so that a cut after two pieces happens mid-answer.
FakeResponse answer(const QStringList &words)
{
    const QByteArray body = OpenAiFixtures::stream(words, {5, int(words.size())});
    return FakeResponse::sseInPieces(body, 60, 10);
}

QStringList path(const CallResult &result)
{
    QStringList steps;
    for (const AttemptRecord &attempt : result.attempts)
        steps << QStringLiteral("%1:%2").arg(attempt.provider, failureClassName(attempt.errorClass));
    return steps;
}

}  // namespace

class TestFaultInjector : public QObject {
    Q_OBJECT

    std::optional<LoopbackProvider> m_loopback;
    std::optional<ProvidersConfig> m_config;
    std::optional<BreakerRegistry> m_breakers;
    std::optional<RateLimiterRegistry> m_limits;
    SecretResolver m_secrets;
    FaultInjector m_faults;

    CallResult run(const CallRequest &call, QStringList *deltas = nullptr, int *restarts = nullptr)
    {
        CallExecutor::Services services;
        services.providers = &*m_config;
        services.breakers = &*m_breakers;
        services.rateLimits = &*m_limits;
        services.secrets = &m_secrets;
        services.network = &m_loopback->manager;
        services.retry = RetryPolicy(2, [] { return 0.0; });
        services.faults = &m_faults;
        CallExecutor executor(services);
        connect(&executor, &CallExecutor::delta, this, [deltas](const QString &text) {
            if (deltas)
                deltas->append(text);
        });
        connect(&executor, &CallExecutor::restarted, this, [restarts] {
            if (restarts)
                ++*restarts;
        });
        QSignalSpy finished(&executor, &CallExecutor::finished);
        executor.start(call);
        if (!finished.wait(15000))
            qWarning("the call did not finish");
        return executor.result();
    }

private Q_SLOTS:
    void init()
    {
        m_loopback.emplace();
        QVERIFY(m_loopback->start());
        m_config = providers(m_loopback->server.baseUrl());
        m_breakers.emplace(m_config->circuitBreaker);
        m_limits.emplace();
        m_limits->configure(*m_config);
        m_faults.clear();
    }

    void namesRoundTrip()
    {
        for (InjectedFault::Kind kind : InjectedFault::kinds())
            QCOMPARE(InjectedFault::fromName(InjectedFault::name(kind)), kind);
        QVERIFY(!InjectedFault::fromName(QStringLiteral("meteor_strike")));
    }

    void faultOnHopZeroFallsBackToHopOne_data()
    {
        QTest::addColumn<InjectedFault::Kind>("kind");
        QTest::addColumn<QStringList>("expectedPath");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<int>("hopZeroRequests");  // what really reached the provider for hop 0

        const QString second = QStringLiteral("second:none");
        QTest::newRow("429") << InjectedFault::Kind::RateLimited
                             << QStringList{QStringLiteral("first:rate_limited"), QStringLiteral("first:rate_limited"),
                                            second}
                             << 429 << 0;
        QTest::newRow("500") << InjectedFault::Kind::ServerError
                             << QStringList{QStringLiteral("first:transient"), QStringLiteral("first:transient"),
                                            second}
                             << 500 << 0;
        QTest::newRow("503") << InjectedFault::Kind::Unavailable
                             << QStringList{QStringLiteral("first:transient"), QStringLiteral("first:transient"),
                                            second}
                             << 503 << 0;
        QTest::newRow("timeout") << InjectedFault::Kind::Timeout
                                 << QStringList{QStringLiteral("first:timeout"), QStringLiteral("first:timeout"),
                                                second}
                                 << 0 << 0;
        QTest::newRow("stream cut") << InjectedFault::Kind::StreamCut
                                    << QStringList{QStringLiteral("first:stream_cut"), second} << 200 << 1;
        QTest::newRow("context length") << InjectedFault::Kind::ContextLength
                                        << QStringList{QStringLiteral("first:context_too_long"), second} << 400 << 0;
    }

    void faultOnHopZeroFallsBackToHopOne()
    {
        QFETCH(InjectedFault::Kind, kind);
        QFETCH(QStringList, expectedPath);
        QFETCH(int, httpStatus);
        QFETCH(int, hopZeroRequests);

        for (int i = 0; i < hopZeroRequests; ++i)
            m_loopback->server.enqueueAny(
                answer({QStringLiteral("Doomed "), QStringLiteral("words "), QStringLiteral("that "),
                        QStringLiteral("never "), QStringLiteral("finish "), QStringLiteral("here.")}));
        m_loopback->server.enqueueAny(answer({QStringLiteral("Fallback "), QStringLiteral("answer.")}));

        InjectedFault fault;
        fault.kind = kind;
        fault.retryAfterMs = 30;
        m_faults.arm(0, fault);
        QSignalSpy fired(&m_faults, &FaultInjector::fired);

        QElapsedTimer clock;
        clock.start();
        const CallResult result = run(request());
        QVERIFY2(result.ok, qPrintable(result.errorMessage));
        QCOMPARE(path(result), expectedPath);
        QCOMPARE(result.servedBy->provider, QStringLiteral("second"));
        QCOMPARE(result.text, QStringLiteral("Fallback answer."));
        QCOMPARE(m_loopback->server.requestCount(), hopZeroRequests + 1);
        QCOMPARE(fired.count(), 1);  // taken once, for every attempt on the hop
        QVERIFY(!m_faults.armed(0));
        for (int i = 0; i + 1 < result.attempts.size(); ++i) {
            const AttemptRecord &attempt = result.attempts.at(i);
            QVERIFY2(FaultInjector::isInjected(attempt.errorMessage), qPrintable(attempt.errorMessage));
            QCOMPARE(attempt.httpStatus.value_or(0), httpStatus);
        }
        QVERIFY(!FaultInjector::isInjected(result.attempts.last().errorMessage));
        if (kind == InjectedFault::Kind::Timeout)
            QVERIFY2(clock.elapsed() >= 2 * 250, "the injected timeout fires with the hop's first-token timeout");

        // One-shot: the next call is clean and hop 0 answers.
        m_loopback->server.enqueueAny(answer({QStringLiteral("Clean.")}));
        const CallResult clean = run(request());
        QVERIFY(clean.ok);
        QCOMPARE(path(clean), QStringList{QStringLiteral("first:none")});
    }

    void streamCutAfterPartialTextRestartsTheStream()
    {
        m_loopback->server.enqueueAny(answer({QStringLiteral("One "), QStringLiteral("two "), QStringLiteral("three "),
                                              QStringLiteral("four "), QStringLiteral("five.")}));
        m_loopback->server.enqueueAny(answer({QStringLiteral("Elsewhere.")}));
        InjectedFault fault;
        fault.kind = InjectedFault::Kind::StreamCut;
        fault.cutAfterDeltas = 2;
        m_faults.arm(0, fault);

        QStringList deltas;
        int restarts = 0;
        const CallResult result = run(request(), &deltas, &restarts);
        QVERIFY(result.ok);
        QCOMPARE(restarts, 1);
        QVERIFY(result.restarted);
        // Exactly the pieces before the cut went out, then the fallback's answer.
        QCOMPARE(deltas.size(), 3);
        QCOMPARE(deltas.first() + deltas.at(1), QStringLiteral("One two "));
        QCOMPARE(deltas.last(), QStringLiteral("Elsewhere."));
        QCOMPARE(result.attempts.first().errorClass, FailureClass::StreamCut);
    }

    void rateLimitWaitsForTheInjectedRetryAfter()
    {
        m_loopback->server.enqueueAny(answer({QStringLiteral("Late.")}));
        m_loopback->server.enqueueAny(answer({QStringLiteral("Backup.")}));
        InjectedFault fault;
        fault.kind = InjectedFault::Kind::RateLimited;
        fault.retryAfterMs = 400;
        m_faults.arm(0, fault);

        const CallResult result = run(request());
        QVERIFY(result.ok);
        QCOMPARE(result.attempts.size(), 3);
        const qint64 waited = result.attempts.at(0).startedAt.msecsTo(result.attempts.at(1).startedAt);
        QVERIFY2(waited >= 400, qPrintable(QString::number(waited)));
    }

    void rateLimitLongerThanTheBudgetMovesOnAtOnce()
    {
        m_loopback->server.enqueueAny(answer({QStringLiteral("Backup.")}));
        InjectedFault fault;
        fault.kind = InjectedFault::Kind::RateLimited;
        fault.retryAfterMs = 60000;
        m_faults.arm(0, fault);

        CallRequest call = request();
        call.budgetMs = 5000;
        const CallResult result = run(call);
        QVERIFY(result.ok);
        QCOMPARE(path(result), (QStringList{QStringLiteral("first:rate_limited"), QStringLiteral("second:none")}));
        QVERIFY(result.latencyMs < 5000);
    }

    void faultOnAHopNeverReachedStaysArmed()
    {
        m_loopback->server.enqueueAny(answer({QStringLiteral("First.")}));
        m_faults.arm(1, InjectedFault{InjectedFault::Kind::ServerError, 1000, 2});
        const CallResult result = run(request());
        QVERIFY(result.ok);
        QCOMPARE(path(result), QStringList{QStringLiteral("first:none")});
        QCOMPARE(m_faults.armed(1)->kind, InjectedFault::Kind::ServerError);
    }

    void errorShapesClassifyPerWireFormat_data()
    {
        QTest::addColumn<QString>("providerKind");
        for (const char *kind : {"openai", "anthropic", "gemini", "bedrock", "cohere", "ollama", "simulator"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void errorShapesClassifyPerWireFormat()
    {
        QFETCH(QString, providerKind);
        const QList<QPair<InjectedFault::Kind, FailureClass>> expected = {
            {InjectedFault::Kind::RateLimited, FailureClass::RateLimited},
            {InjectedFault::Kind::ServerError, FailureClass::Transient},
            {InjectedFault::Kind::Unavailable, FailureClass::Transient},
            {InjectedFault::Kind::ContextLength, FailureClass::ContextTooLong}};
        for (const auto &[kind, failure] : expected) {
            const InjectedFault fault{kind, 2500, 2};
            const auto response = InjectedFaultCall::errorResponse(fault, providerKind);
            const auto lookup = [&response](const QByteArray &name) {
                for (const auto &[header, value] : response.headers)
                    if (header.compare(name, Qt::CaseInsensitive) == 0)
                        return value;
                return QByteArray();
            };
            const HttpFailure classified = HttpErrorClassifier::classify(response.status, lookup, response.body);
            QCOMPARE(classified.failure, failure);
            if (kind == InjectedFault::Kind::RateLimited)
                QCOMPARE(classified.retryAfterMs.value_or(-1), 2500);
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
