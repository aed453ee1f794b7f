// "Test connection" through the real adapters: a model list over HTTP on loopback where the provider has one, a
// one-line chat where it has not (the simulator); failures carry their class and never the key.
#include "core/providers/client/ConnectionCheck.h"
#include "tests/support/FakeProviderServer.h"
#include "tests/support/OpenAiFixtures.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Switchyard;
using Testing::FakeProviderServer;
using Testing::FakeResponse;
using Testing::OpenAiFixtures;

namespace {

const QString kKey = QStringLiteral("sk-SECRET-connection-check-0123456789");

ConnectionReport runCheck(const ProviderSpec &provider, const Secret &key, const QString &model = {})
{
    QNetworkAccessManager network;
    ConnectionCheck check(provider, key, &network, model);
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    if (!finished.wait(10000))
        qWarning("the check did not finish");
    if (finished.count() != 1)
        qWarning("finished() came %d times", int(finished.count()));
    return check.report();
}

ProviderSpec httpProvider(const QString &baseUrl)
{
    ProviderSpec provider;
    provider.id = QStringLiteral("local");
    provider.kind = QStringLiteral("openai_compatible");
    provider.baseUrl = baseUrl;
    provider.apiKeyRef = QStringLiteral("env:LOCAL_KEY");
    provider.timeouts = Timeouts{2000, 2000, 2000, 4000};
    return provider;
}

}  // namespace

class TestConnectionCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelListProvesAddressAndKey()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        server.enqueue(QStringLiteral("/v1/models"),
                       FakeResponse::json(200, OpenAiFixtures::modelList(
                                                   {QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b")})));
        const ConnectionReport report =
            runCheck(httpProvider(server.baseUrl()), Secret(QStringLiteral("env:LOCAL_KEY"), kKey),
                     QStringLiteral("qwen2.5-7b"));
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.method, ConnectionReport::Method::ModelList);
        QCOMPARE(report.models, (QStringList{QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b")}));
        QCOMPARE(report.modelListed, std::optional<bool>(true));
        QCOMPARE(report.httpStatus, 200);
        // One GET, with the key as a bearer token; no chat was sent (a check must not cost tokens).
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.lastRequest().method, QByteArray("GET"));
        QCOMPARE(server.lastRequest().header("authorization"), "Bearer " + kKey.toUtf8());
    }

    void missingModelIsReported()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        server.enqueue(QStringLiteral("/v1/models"),
                       FakeResponse::json(200, OpenAiFixtures::modelList({QStringLiteral("llama-3.1-8b")})));
        const ConnectionReport report = runCheck(
            httpProvider(server.baseUrl()), Secret(QStringLiteral("env:LOCAL_KEY"), kKey), QStringLiteral("gpt-5"));
        QVERIFY(report.ok);
        QCOMPARE(report.modelListed, std::optional<bool>(false));
    }

    void rejectedKeyIsAuthenticationAndNeverShown()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        server.enqueue(
            QStringLiteral("/v1/models"),
            FakeResponse::json(401, OpenAiFixtures::errorBody(QStringLiteral("Incorrect API key provided: ") + kKey,
                                                              QStringLiteral("invalid_request_error"),
                                                              QStringLiteral("invalid_api_key"))));
        const ConnectionReport report =
            runCheck(httpProvider(server.baseUrl()), Secret(QStringLiteral("env:LOCAL_KEY"), kKey));
        QVERIFY(!report.ok);
        QCOMPARE(report.failure, FailureClass::Authentication);
        QCOMPARE(report.httpStatus, 401);
        QVERIFY2(report.message.contains(QLatin1String("env:LOCAL_KEY")), qPrintable(report.message));
        QVERIFY(!report.message.contains(kKey));
        QVERIFY(report.message.contains(QLatin1String("[REDACTED]")));
    }

    void unreachableServerIsANetworkFailure()
    {
        quint16 port = 0;
        {
            FakeProviderServer server;  // take a free port, then close it
            QVERIFY(server.start());
            port = server.port();
        }
        const ConnectionReport report =
            runCheck(httpProvider(QStringLiteral("http://127.0.0.1:%1").arg(port)), Secret());
        QVERIFY(!report.ok);
        QCOMPARE(report.failure, FailureClass::Network);
        QVERIFY(report.message.contains(QLatin1String("Could not reach")));
    }

    void simulatorIsCheckedWithAChat()
    {
        ProviderSpec simulator;
        simulator.id = QStringLiteral("simulator");
        simulator.kind = QStringLiteral("simulator");
        simulator.baseUrl = QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=100000");
        ModelSpec model;
        model.id = QStringLiteral("sim-fast");
        simulator.models = {model};
        const ConnectionReport report = runCheck(simulator, Secret());
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.method, ConnectionReport::Method::Chat);
        QCOMPARE(report.model, QStringLiteral("sim-fast"));
        QVERIFY(report.models.isEmpty());

        // A failure injected for the model shows through the same path.
        simulator.baseUrl += QStringLiteral("&fail.sim-fast=content_filter");
        const ConnectionReport refused = runCheck(simulator, Secret());
        QVERIFY(!refused.ok);
        QCOMPARE(refused.failure, FailureClass::ContentFilter);
    }

    void unknownKindIsAClearValidationError()
    {
        ProviderSpec odd;
        odd.id = QStringLiteral("odd");
        odd.kind = QStringLiteral("carrier-pigeon");
        const ConnectionReport report = runCheck(odd, Secret());
        QVERIFY(!report.ok);
        QCOMPARE(report.failure, FailureClass::Validation);
        QVERIFY(report.message.contains(QLatin1String("carrier-pigeon")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
