#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/OllamaChatClient.h"
#include "core/providers/client/OllamaChatParser.h"
#include "core/providers/client/ProviderClientFactory.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/OllamaFixtures.h"
#include "tests/support/ProviderCallRunner.h"

#include <QJsonArray>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kChatPath = QStringLiteral("/api/chat");
const QByteArray kNdjson = QByteArrayLiteral("application/x-ndjson");

using Outcome = Testing::CallOutcome;

}  // namespace

class TestOllamaChatClient : public QObject {
    Q_OBJECT

private:
    std::optional<LoopbackProvider> m_loopback;

    ProviderRequest request(bool stream = true) const
    {
        ProviderSpec spec;
        spec.id = QStringLiteral("local");
        spec.kind = QStringLiteral("ollama");
        spec.baseUrl = m_loopback->server.baseUrl();
        spec.timeouts = Timeouts{2000, 3000, 2000, 8000};
        ProviderRequest r = ProviderRequest::fromProvider(spec, QStringLiteral("llama3.2"));
        r.system = QStringLiteral("Answer in French.");
        r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello")}};
        r.temperature = 0.7;
        r.topP = 0.9;
        r.topK = 40;
        r.maxOutputTokens = 128;
        r.stream = stream;
        return r;
    }

    Outcome run(const ProviderRequest &r)
    {
        return Testing::runProviderCall(*ProviderClientFactory::create(QStringLiteral("ollama")), r,
                                        &m_loopback->manager);
    }

private Q_SLOTS:
    void init()
    {
        m_loopback.emplace();
        QVERIFY(m_loopback->start());
    }
    void cleanup() { m_loopback.reset(); }

    void requestMatchesNativeApi()
    {
        m_loopback->server.enqueue(
            kChatPath, FakeResponse::streamed(kNdjson, OllamaFixtures::stream({QStringLiteral("Bon")}, 5, 1)));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, kChatPath);
        QVERIFY(!sent.hasHeader("Authorization"));
        const QJsonObject body = sent.json();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("llama3.2"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
        const QJsonObject options = body.value(QLatin1String("options")).toObject();
        QCOMPARE(options.value(QLatin1String("temperature")).toDouble(), 0.7);
        QCOMPARE(options.value(QLatin1String("top_p")).toDouble(), 0.9);
        QCOMPARE(options.value(QLatin1String("top_k")).toInt(), 40);
        QCOMPARE(options.value(QLatin1String("num_predict")).toInt(), 128);
        QVERIFY(!body.contains(QLatin1String("max_tokens")));
    }

    void streamedAndUnstreamedAgree()
    {
        const QStringList parts{QStringLiteral("Bon"), QStringLiteral("jour "), QStringLiteral("\u00e0 tous")};
        m_loopback->server.enqueue(kChatPath,
                                   FakeResponse::json(200, OllamaFixtures::response(parts.join(QString()), 26, 12)));
        m_loopback->server.enqueue(kChatPath, FakeResponse::streamed(kNdjson, OllamaFixtures::stream(parts, 26, 12)));
        const Outcome whole = run(request(false));
        const Outcome streamed = run(request(true));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QVERIFY2(streamed.result.ok, qPrintable(streamed.result.errorMessage));
        QCOMPARE(streamed.deltas, parts);
        QCOMPARE(whole.result.text, streamed.result.text);
        QCOMPARE(whole.result.usage, streamed.result.usage);
        QCOMPARE(streamed.result.usage, (Usage{26, 0, 0, 12, 0}));
        QCOMPARE(streamed.result.finishReason, QStringLiteral("stop"));
    }

    void splitAtEveryByte()
    {
        const QStringList parts{QStringLiteral("\u00e9t\u00e9"), QStringLiteral(" \u4e16")};
        const QByteArray stream = OllamaFixtures::stream(parts, 3, 2);
        for (qsizetype at = 1; at < stream.size(); ++at) {
            OllamaChatParser parser;
            const ParseUpdate first = parser.feed(QByteArrayView(stream).first(at));
            const ParseUpdate second = parser.feed(QByteArrayView(stream).sliced(at));
            QVERIFY(!first.failure && !second.failure);
            QCOMPARE((first.deltas + second.deltas).join(QString()), parts.join(QString()));
            QVERIFY(second.complete);
            QCOMPARE(parser.usage(), (Usage{3, 0, 0, 2, 0}));
        }
        for (qsizetype at = 1; at < stream.size(); at += 7) {
            m_loopback->server.enqueue(kChatPath, FakeResponse::streamed(kNdjson, stream, {at}, 1));
            const Outcome outcome = run(request());
            QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
            QCOMPARE(outcome.deltas.join(QString()), parts.join(QString()));
        }
    }

    void midStreamErrorLineIsFailure()
    {
        const QByteArray stream =
            OllamaFixtures::line(QStringLiteral("Bon")) +
            OllamaFixtures::errorBody(QStringLiteral("an error was encountered while running the model")) + '\n';
        m_loopback->server.enqueue(kChatPath, FakeResponse::streamed(kNdjson, stream));
        const Outcome outcome = run(request());
        QVERIFY(!outcome.result.ok);
        QCOMPARE(outcome.result.failure, FailureClass::StreamCut);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("while running the model")));
    }

    void cutStreamIsStreamCut()
    {
        m_loopback->server.enqueue(
            kChatPath, FakeResponse::streamed(kNdjson, OllamaFixtures::line(QStringLiteral("a")) + "{\"model\":", {}, 0,
                                              FakeResponse::Framing::CloseDelimited));
        const Outcome outcome = run(request());
        QVERIFY(!outcome.result.ok);
        QCOMPARE(outcome.result.failure, FailureClass::StreamCut);
    }

    void modelNotFound()
    {
        m_loopback->server.enqueue(kChatPath,
                                   FakeResponse::json(404, OllamaFixtures::errorBody(QStringLiteral(
                                                               "model \"llama9\" not found, try pulling it first"))));
        const Outcome outcome = run(request());
        QVERIFY(!outcome.result.ok);
        QCOMPARE(outcome.result.failure, FailureClass::Validation);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("try pulling it first")));
    }

    void listsTags()
    {
        m_loopback->server.enqueue(QStringLiteral("/api/tags"),
                                   FakeResponse::json(200, OllamaFixtures::tags({QStringLiteral("llama3.2:latest"),
                                                                                 QStringLiteral("qwen3:8b")})));
        OllamaChatClient client;
        ModelListCall call(client, request().provider, Secret(), &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(call.result().ok());
        QCOMPARE(*call.result(), (QStringList{QStringLiteral("llama3.2:latest"), QStringLiteral("qwen3:8b")}));
        QCOMPARE(m_loopback->server.lastRequest().method, QByteArray("GET"));
    }
};

QTEST_GUILESS_MAIN(TestOllamaChatClient)
#include "tst_ollamachatclient.moc"
