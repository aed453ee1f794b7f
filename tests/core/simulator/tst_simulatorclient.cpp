// The offline simulator behaves like a real provider: deterministic streamed answers, usage, timeouts, and every
// injected failure class — all through the ProviderClient interface the engine uses.
#include "core/providers/simulator/SimulatedCall.h"
#include "core/providers/simulator/SimulatorClient.h"
#include "core/providers/simulator/SimulatorSettings.h"
#include "tests/support/ProviderCallRunner.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Switchyard;

namespace {

ProviderRequest request(const QString &baseUrl, const QString &model = QStringLiteral("sim-fast"), bool stream = true)
{
    ProviderSpec spec;
    spec.id = QStringLiteral("simulator");
    spec.kind = QStringLiteral("simulator");
    spec.baseUrl = baseUrl;
    ProviderRequest r = ProviderRequest::fromProvider(spec, model);
    r.system = QStringLiteral("You are a test bot.");
    r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Will it rain tomorrow?")}};
    r.stream = stream;
    r.timeouts = Timeouts{1000, 2000, 500, 10000};
    return r;
}

using Outcome = Testing::CallOutcome;

Outcome run(const ProviderRequest &r, int waitMs = 5000)
{
    return Testing::runProviderCall(SimulatorClient(), r, nullptr, -1, waitMs);
}

}  // namespace

class TestSimulatorClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { SimulatorClient::resetFailureCounters(); }

    void streamsADeterministicAnswerWithUsage()
    {
        const QString fast = QStringLiteral("simulator://local?latency_ms=5&tokens_per_second=1000");
        const Outcome first = run(request(fast));
        QVERIFY(first.result.ok);
        QCOMPARE(first.result.failure, FailureClass::None);
        QCOMPARE(first.firstTokenSignals, 1);
        QVERIFY(first.deltas.size() > 10);
        QCOMPARE(first.deltas.join(QString()), first.result.text);
        QVERIFY(first.result.text.contains(QStringLiteral("Will it rain tomorrow?")));
        QVERIFY(first.result.usageReported);
        QCOMPARE(first.result.usage.output, qint64(first.deltas.size()));
        QVERIFY(first.result.usage.input > 0);
        QVERIFY(first.result.ttftMs >= 0 && first.result.ttftMs <= first.result.latencyMs);

        // Same request, same answer; another question, another answer.
        QCOMPARE(run(request(fast)).result.text, first.result.text);
        ProviderRequest other = request(fast);
        other.messages.first().content = QStringLiteral("Should I learn the cello?");
        QVERIFY(run(other).result.text != first.result.text);

        // Unstreamed: one delta with everything, the same text and usage.
        const Outcome whole = run(request(fast, QStringLiteral("sim-fast"), false));
        QVERIFY(whole.result.ok);
        QCOMPARE(whole.deltas.size(), 1);
        QCOMPARE(whole.result.text, first.result.text);
        QCOMPARE(whole.result.usage, first.result.usage);
    }

    void maxOutputTokensStopsWithLength()
    {
        ProviderRequest r = request(QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=1000"));
        r.maxOutputTokens = 4;
        const Outcome outcome = run(r);
        QVERIFY(outcome.result.ok);
        QCOMPARE(outcome.deltas.size(), 4);
        QCOMPARE(outcome.result.finishReason, QStringLiteral("length"));
    }

    void injectedFailures_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<bool>("someText");
        QTest::newRow("rate limited") << "rate_limited" << int(FailureClass::RateLimited) << 429 << false;
        QTest::newRow("500") << "server_error" << int(FailureClass::Transient) << 500 << false;
        QTest::newRow("503") << "unavailable" << int(FailureClass::Transient) << 503 << false;
        QTest::newRow("529") << "overloaded" << int(FailureClass::Transient) << 529 << false;
        QTest::newRow("reset") << "connection_reset" << int(FailureClass::Network) << 0 << false;
        QTest::newRow("no response") << "no_response" << int(FailureClass::Timeout) << 0 << false;
        QTest::newRow("slow first token") << "slow_first_token" << int(FailureClass::Timeout) << 0 << false;
        QTest::newRow("stream cut") << "stream_cut" << int(FailureClass::StreamCut) << 200 << true;
        QTest::newRow("stream stall") << "stream_stall" << int(FailureClass::StreamStalled) << 200 << true;
        QTest::newRow("malformed chunk") << "malformed_chunk" << int(FailureClass::MalformedResponse) << 200 << true;
        QTest::newRow("context length") << "context_length" << int(FailureClass::ContextTooLong) << 400 << false;
        QTest::newRow("content filter") << "content_filter" << int(FailureClass::ContentFilter) << 400 << false;
    }
    void injectedFailures()
    {
        QFETCH(QString, kind);
        QFETCH(int, failure);
        QFETCH(int, httpStatus);
        QFETCH(bool, someText);
        const QString url = QStringLiteral("simulator://local?latency_ms=5&tokens_per_second=500&retry_after_ms=1500"
                                           "&slow_first_token_ms=5000&fail.sim-fast=%1")
                                .arg(kind);
        QElapsedTimer clock;
        clock.start();
        const Outcome outcome = run(request(url));
        QVERIFY(!outcome.result.ok);
        QCOMPARE(int(outcome.result.failure), failure);
        QCOMPARE(outcome.result.httpStatus, httpStatus);
        QVERIFY(!outcome.result.errorMessage.isEmpty());
        QCOMPARE(!outcome.deltas.isEmpty(), someText);
        // Timeouts end the call when the request's timeouts say, not later.
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        if (failure == int(FailureClass::RateLimited))
            QCOMPARE(outcome.result.retryAfterMs.value_or(-1), 1500);
        if (failure == int(FailureClass::ContentFilter))
            QVERIFY(outcome.result.errorMessage.contains(QStringLiteral("violence")));

        // Other models of the same provider are unaffected.
        QVERIFY(run(request(url, QStringLiteral("sim-smart"))).result.ok);
    }

    void missingTerminatorStillCompletes()
    {
        const Outcome outcome = run(request(
            QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=1000&fail.sim-fast=missing_terminator")));
        QVERIFY(outcome.result.ok);
        QVERIFY(outcome.result.usageReported);
    }

    void countedFailuresRecover()
    {
        const QString url =
            QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=1000&fail.sim-fast=server_error*2");
        QCOMPARE(run(request(url)).result.failure, FailureClass::Transient);
        QCOMPARE(run(request(url)).result.failure, FailureClass::Transient);
        QVERIFY(run(request(url)).result.ok);
    }

    void cancelStopsTheStream()
    {
        SimulatorClient client;
        std::unique_ptr<ProviderCall> call(
            client.start(request(QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=50")), nullptr));
        int deltas = 0;
        connect(call.get(), &ProviderCall::delta, call.get(), [&] {
            if (++deltas == 2)
                call->cancel();
        });
        QSignalSpy finished(call.get(), &ProviderCall::finished);
        QVERIFY(finished.wait(3000));
        QCOMPARE(call->result().failure, FailureClass::Cancelled);
        QCOMPARE(deltas, 2);
        QTest::qWait(100);
        QCOMPARE(deltas, 2);
        QCOMPARE(finished.size(), 1);
    }

    void badSettingsAreClearErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("scheme") << "http://localhost"
                                << "simulator://local";
        QTest::newRow("number") << "simulator://local?latency_ms=fast"
                                << "latency_ms";
        QTest::newRow("speed") << "simulator://local?tokens_per_second=0"
                               << "tokens_per_second";
        QTest::newRow("unknown") << "simulator://local?jitter=1"
                                 << "jitter";
        QTest::newRow("kind") << "simulator://local?fail.sim-fast=explode"
                              << "explode";
        QTest::newRow("times") << "simulator://local?fail.sim-fast=stream_cut*0"
                               << "TIMES";
    }
    void badSettingsAreClearErrors()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const auto settings = SimulatorSettings::fromBaseUrl(url);
        QVERIFY(!settings.ok());
        QVERIFY2(settings.error().message.contains(expected), qPrintable(settings.error().message));
        // Through the client, the same problem is a Validation failure, not a crash.
        const Outcome outcome = run(request(url));
        QCOMPARE(outcome.result.failure, FailureClass::Validation);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorClient)
#include "tst_simulatorclient.moc"
