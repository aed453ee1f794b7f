#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/OpenAiChatClient.h"
#include "core/providers/client/OpenAiChatParser.h"
#include "core/providers/client/ProviderClientFactory.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/OpenAiFixtures.h"
#include "tests/support/ProviderCallRunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpServer>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kKey = QStringLiteral("sk-test-SECRET-0123456789");
const QString kChatPath = QStringLiteral("/v1/chat/completions");

using Outcome = Testing::CallOutcome;

}  // namespace

class TestOpenAiChatClient : public QObject {
    Q_OBJECT

private:
    std::optional<LoopbackProvider> m_loopback;

    ProviderRequest request(const QString &kind = QStringLiteral("openai"), bool stream = true,
                            const QString &basePath = {}) const
    {
        ProviderSpec spec;
        spec.id = QStringLiteral("test-") + kind;
        spec.kind = kind;
        spec.baseUrl = m_loopback->server.baseUrl() + basePath;
        spec.timeouts = Timeouts{2000, 3000, 2000, 8000};
        ProviderRequest r = ProviderRequest::fromProvider(spec, QStringLiteral("gpt-4o-mini"));
        r.system = QStringLiteral("Be brief.");
        r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello")},
                      ChatMessage{ChatMessage::Role::Assistant, QStringLiteral("Hi!")},
                      ChatMessage{ChatMessage::Role::User, QStringLiteral("Tell me a joke")}};
        r.temperature = 0.25;
        r.topP = 0.5;
        r.topK = 40;
        r.maxOutputTokens = 64;
        r.stream = stream;
        r.apiKey = Secret(QStringLiteral("env:OPENAI_API_KEY"), kKey);
        return r;
    }

    Outcome run(const ProviderRequest &r, int cancelAfterDeltas = -1)
    {
        return Testing::runProviderCall(OpenAiChatClient(r.provider.kind), r, &m_loopback->manager, cancelAfterDeltas);
    }

private Q_SLOTS:
    void init()
    {
        m_loopback.emplace();
        QVERIFY(m_loopback->start());
    }
    void cleanup() { m_loopback.reset(); }

    void openAiRequestMatchesWireFormat_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("unstreamed") << false;
        QTest::newRow("streamed") << true;
    }
    void openAiRequestMatchesWireFormat()
    {
        QFETCH(bool, stream);
        const OpenAiFixtures::Tokens tokens{10, 2, 0, 0};
        m_loopback->server.enqueue(
            kChatPath, stream ? FakeResponse::sse(OpenAiFixtures::stream({QStringLiteral("Hi")}, tokens))
                              : FakeResponse::json(200, OpenAiFixtures::completion(QStringLiteral("Hi"), tokens)));
        const Outcome outcome = run(request(QStringLiteral("openai"), stream));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));

        QCOMPARE(m_loopback->server.requestCount(), 1);
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, kChatPath);
        QCOMPARE(sent.header("Authorization"), "Bearer " + kKey.toUtf8());
        QVERIFY(sent.header("Content-Type").startsWith("application/json"));
        QVERIFY(!sent.hasHeader("api-key"));
        const QJsonObject body = sent.json();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(), QStringLiteral("Be brief."));
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(messages.at(3).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("Tell me a joke"));
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.25);
        QCOMPARE(body.value(QLatin1String("top_p")).toDouble(), 0.5);
        QVERIFY(!body.contains(QLatin1String("top_k")));
        QCOMPARE(body.value(QLatin1String("max_completion_tokens")).toInt(), 64);
        QVERIFY(!body.contains(QLatin1String("max_tokens")));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), stream);
        if (stream) {
            QCOMPARE(
                body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool(),
                true);
            QCOMPARE(sent.header("Accept"), QByteArray("text/event-stream"));
        } else {
            QVERIFY(!body.contains(QLatin1String("stream_options")));
        }
    }

    void azureDeploymentRequest()
    {
        ProviderRequest r = request(QStringLiteral("azure_openai"), false);
        r.provider.apiVersion = QStringLiteral("2024-10-21");
        r.model = QStringLiteral("my-gpt4o");
        m_loopback->server.enqueue(
            QStringLiteral("/openai/deployments/my-gpt4o/chat/completions"),
            FakeResponse::json(200, OpenAiFixtures::completion(QStringLiteral("ok"), {3, 1, 0, 0})));
        const Outcome outcome = run(r);
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.path, QStringLiteral("/openai/deployments/my-gpt4o/chat/completions"));
        QCOMPARE(sent.queryItem(QStringLiteral("api-version")), QStringLiteral("2024-10-21"));
        QCOMPARE(sent.header("api-key"), kKey.toUtf8());
        QVERIFY(!sent.hasHeader("Authorization"));
        QVERIFY(!sent.json().contains(QLatin1String("model")));
        QCOMPARE(sent.json().value(QLatin1String("max_completion_tokens")).toInt(), 64);
    }

    void azureV1Path()
    {
        ProviderRequest r = request(QStringLiteral("azure_openai"), false);
        r.model = QStringLiteral("my-gpt4o");
        m_loopback->server.enqueue(
            QStringLiteral("/openai/v1/chat/completions"),
            FakeResponse::json(200, OpenAiFixtures::completion(QStringLiteral("ok"), {3, 1, 0, 0})));
        const Outcome outcome = run(r);
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(m_loopback->server.lastRequest().json().value(QLatin1String("model")).toString(),
                 QStringLiteral("my-gpt4o"));
        QVERIFY(m_loopback->server.lastRequest().query.isEmpty());
    }

    void azureStreamWithEmptyChoicesChunk()
    {
        ProviderRequest r = request(QStringLiteral("azure_openai"), true);
        // Azure's first chunk carries prompt_filter_results and an empty choices array.
        const QByteArray filter = QByteArrayLiteral(
            "data: {\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":"
            "[{\"prompt_index\":0,\"content_filter_results\":{}}]}\n\n");
        m_loopback->server.enqueue(
            QStringLiteral("/openai/v1/chat/completions"),
            FakeResponse::sse(filter +
                              OpenAiFixtures::stream({QStringLiteral("A"), QStringLiteral("B")}, {5, 2, 0, 0})));
        const Outcome outcome = run(r);
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("AB"));
    }

    void familyEndpoints_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("basePath");
        QTest::addColumn<QString>("expectedPath");
        QTest::addColumn<QString>("limitField");
        QTest::newRow("openrouter") << QStringLiteral("openrouter") << QStringLiteral("/api")
                                    << QStringLiteral("/api/v1/chat/completions") << QStringLiteral("max_tokens");
        QTest::newRow("groq") << QStringLiteral("groq") << QStringLiteral("/openai")
                              << QStringLiteral("/openai/v1/chat/completions")
                              << QStringLiteral("max_completion_tokens");
        QTest::newRow("deepseek") << QStringLiteral("deepseek") << QString() << QStringLiteral("/chat/completions")
                                  << QStringLiteral("max_tokens");
        QTest::newRow("byteplus") << QStringLiteral("byteplus") << QStringLiteral("/api/v3")
                                  << QStringLiteral("/api/v3/chat/completions") << QStringLiteral("max_tokens");
        QTest::newRow("compatible with /v1") << QStringLiteral("openai_compatible") << QStringLiteral("/v1/")
                                             << QStringLiteral("/v1/chat/completions") << QStringLiteral("max_tokens");
        QTest::newRow("openai trailing slash")
            << QStringLiteral("openai") << QStringLiteral("/") << QStringLiteral("/v1/chat/completions")
            << QStringLiteral("max_completion_tokens");
    }
    void familyEndpoints()
    {
        QFETCH(QString, kind);
        QFETCH(QString, basePath);
        QFETCH(QString, expectedPath);
        QFETCH(QString, limitField);
        m_loopback->server.enqueue(expectedPath,
                                   FakeResponse::sse(OpenAiFixtures::stream({QStringLiteral("x")}, {1, 1, 0, 0})));
        const Outcome outcome = run(request(kind, true, basePath));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.path, expectedPath);
        QCOMPARE(sent.header("Authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(sent.json().value(limitField).toInt(), 64);
        QVERIFY(!sent.json().contains(QLatin1String("top_k")));
    }

    void defaultBaseUrls()
    {
        QCOMPARE(OpenAiChatClient::defaultBaseUrl(QStringLiteral("openai")), QStringLiteral("https://api.openai.com"));
        ProviderRequest r = request(QStringLiteral("groq"));
        r.provider.baseUrl.clear();
        const Result<PreparedRequest> prepared = OpenAiChatClient(QStringLiteral("groq")).prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().toString(), QStringLiteral("https://api.groq.com/openai/v1/chat/completions"));
        r.provider.kind = QStringLiteral("openai_compatible");
        QVERIFY(!OpenAiChatClient(QStringLiteral("openai_compatible")).prepare(r).ok());
    }

    void factoryServesFamily()
    {
        for (const QString &kind : OpenAiChatClient::kinds()) {
            const auto client = ProviderClientFactory::create(kind);
            QVERIFY(client);
            QCOMPARE(client->kind(), kind);
        }
        QVERIFY(!ProviderClientFactory::create(QStringLiteral("no-such-kind")));
    }

    void streamedAndUnstreamedAgree()
    {
        const OpenAiFixtures::Tokens tokens{20, 12, 5, 4};
        const QStringList parts{QStringLiteral("Why did "), QStringLiteral("the chicken "), QStringLiteral("cross?")};
        m_loopback->server.enqueue(kChatPath,
                                   FakeResponse::json(200, OpenAiFixtures::completion(parts.join(QString()), tokens)));
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(OpenAiFixtures::stream(parts, tokens)));
        const Outcome whole = run(request(QStringLiteral("openai"), false));
        const Outcome streamed = run(request(QStringLiteral("openai"), true));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QVERIFY2(streamed.result.ok, qPrintable(streamed.result.errorMessage));
        QCOMPARE(streamed.deltas, parts);
        QCOMPARE(streamed.result.text, whole.result.text);
        QCOMPARE(streamed.result.usage, whole.result.usage);
        QCOMPARE(streamed.result.finishReason, QStringLiteral("stop"));
        QCOMPARE(whole.result.finishReason, QStringLiteral("stop"));
        const Usage expected{15, 5, 0, 8, 4};
        QCOMPARE(whole.result.usage, expected);
        QCOMPARE(whole.result.usage.totalInput(), qint64(20));
        QCOMPARE(whole.result.usage.totalOutput(), qint64(12));
        QVERIFY(streamed.result.streamed);
        QVERIFY(!whole.result.streamed);
        QCOMPARE(streamed.firstTokenSignals, 1);
        QCOMPARE(whole.firstTokenSignals, 1);
        QVERIFY(streamed.result.ttftMs >= 0);
        QVERIFY(streamed.result.ttftMs <= streamed.result.latencyMs);
        QCOMPARE(streamed.result.httpStatus, 200);
    }

    void deepSeekCacheHitMiss()
    {
        QJsonObject usage{
            {QStringLiteral("prompt_tokens"), 100},
            {QStringLiteral("completion_tokens"), 30},
            {QStringLiteral("total_tokens"), 130},
            {QStringLiteral("prompt_cache_hit_tokens"), 64},
            {QStringLiteral("prompt_cache_miss_tokens"), 36},
            {QStringLiteral("completion_tokens_details"), QJsonObject{{QStringLiteral("reasoning_tokens"), 10}}}};
        const Usage normalised = OpenAiChatParser::normaliseUsage(usage);
        QCOMPARE(normalised, (Usage{36, 64, 0, 20, 10}));
    }

    void splitAtEveryByteGivesSameDeltas()
    {
        const OpenAiFixtures::Tokens tokens{7, 3, 2, 0};
        const QStringList parts{QStringLiteral("H\u00e9"), QStringLiteral(" \u4e16\u754c")};
        const QByteArray stream = QByteArrayLiteral(": keep-alive\r\n\r\n") + OpenAiFixtures::stream(parts, tokens);
        // The parser on its own, every split point.
        for (qsizetype at = 1; at < stream.size(); ++at) {
            OpenAiChatParser parser;
            ParseUpdate first = parser.feed(QByteArrayView(stream).first(at));
            ParseUpdate second = parser.feed(QByteArrayView(stream).sliced(at));
            QVERIFY2(!first.failure && !second.failure, qPrintable(QString::number(at)));
            QCOMPARE((first.deltas + second.deltas).join(QString()), parts.join(QString()));
            QVERIFY(first.complete || second.complete);
            QCOMPARE(parser.usage(), (Usage{5, 2, 0, 3, 0}));
        }
        // Over the network: split at every byte, the two pieces sent as separate HTTP chunks 1 ms apart.
        for (qsizetype at = 1; at < stream.size(); at += 1) {
            m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream, {at}, 1));
            const Outcome outcome = run(request());
            QVERIFY2(outcome.result.ok,
                     qPrintable(QStringLiteral("split at %1: %2").arg(at).arg(outcome.result.errorMessage)));
            QCOMPARE(outcome.deltas.join(QString()), parts.join(QString()));
            QCOMPARE(outcome.result.usage, (Usage{5, 2, 0, 3, 0}));
        }
    }

    void tinyPiecesOverTheNetwork()
    {
        const QStringList parts{QStringLiteral("a"), QStringLiteral("\u00df"), QStringLiteral("\U0001F600")};
        m_loopback->server.enqueue(kChatPath,
                                   FakeResponse::sseInPieces(OpenAiFixtures::stream(parts, {4, 3, 0, 0}), 3));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.deltas, parts);
    }

    void rateLimitedWithRetryAfter()
    {
        m_loopback->server.enqueue(
            kChatPath, FakeResponse::json(
                           429,
                           OpenAiFixtures::errorBody(QStringLiteral("Rate limit reached for gpt-4o-mini"),
                                                     QStringLiteral("requests"), QStringLiteral("rate_limit_exceeded")),
                           {{"Retry-After", "2"}, {"x-ratelimit-remaining-requests", "0"}}));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::RateLimited, kKey);
        QCOMPARE(outcome.result.httpStatus, 429);
        QCOMPARE(outcome.result.retryAfterMs.value_or(-1), qint64(2000));
        QVERIFY(outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("rate_limit_exceeded"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("Rate limit reached")));
        QVERIFY(outcome.deltas.isEmpty());
    }

    void retryAfterMsHeader()
    {
        m_loopback->server.enqueue(kChatPath, FakeResponse::json(503, QByteArray("{}"), {{"retry-after-ms", "350"}}));
        const Outcome outcome = run(request(QStringLiteral("openai"), false));
        expectFailure(outcome, FailureClass::Transient, kKey);
        QCOMPARE(outcome.result.retryAfterMs.value_or(-1), qint64(350));
    }

    void serverErrorIsTransient()
    {
        m_loopback->server.enqueue(
            kChatPath, FakeResponse::json(500, OpenAiFixtures::errorBody(QStringLiteral("The server had an error"),
                                                                         QStringLiteral("server_error"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Transient, kKey);
        QCOMPARE(outcome.result.httpStatus, 500);
        QVERIFY(outcome.result.retryable);
        QVERIFY(!outcome.result.retryAfterMs.has_value());
    }

    void contextTooLong()
    {
        m_loopback->server.enqueue(
            kChatPath,
            FakeResponse::json(
                400, OpenAiFixtures::errorBody(QStringLiteral("This model's maximum context length is 128000 tokens. "
                                                              "However, your messages resulted in 130000 tokens."),
                                               QStringLiteral("invalid_request_error"),
                                               QStringLiteral("context_length_exceeded"), QStringLiteral("messages"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::ContextTooLong, kKey);
        QVERIFY(!outcome.result.retryable);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("maximum context length")));
    }

    void azureContentFilterSurfacesReason()
    {
        ProviderRequest r = request(QStringLiteral("azure_openai"), false);
        m_loopback->server.enqueue(
            QStringLiteral("/openai/v1/chat/completions"),
            FakeResponse::json(
                400, OpenAiFixtures::errorBody(QStringLiteral("The response was filtered due to the prompt triggering "
                                                              "Azure OpenAI's content management policy."),
                                               QStringLiteral("invalid_request_error"),
                                               QStringLiteral("content_filter"), QStringLiteral("prompt"))));
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::ContentFilter, kKey);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("content management policy")));
    }

    void authenticationErrorNeverLeaksKey()
    {
        // OpenAI echoes a (masked) key; a careless proxy might echo it whole, and its headers too.
        const QString message =
            QStringLiteral("Incorrect API key provided: %1. You can find your API key at "
                           "https://platform.openai.com/account/api-keys. (Authorization: Bearer %1)")
                .arg(kKey);
        m_loopback->server.enqueue(
            kChatPath,
            FakeResponse::json(401, OpenAiFixtures::errorBody(message, QStringLiteral("invalid_request_error"),
                                                              QStringLiteral("invalid_api_key"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Authentication, kKey);
        QCOMPARE(outcome.result.httpStatus, 401);
        QVERIFY(!outcome.result.retryable);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("Incorrect API key provided")));
        // The message names the key to fix by its reference.
        QVERIFY2(outcome.result.errorMessage.contains(QLatin1String("Check the key behind env:OPENAI_API_KEY")),
                 qPrintable(outcome.result.errorMessage));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("[REDACTED]")));
        QVERIFY(outcome.result.rawErrorBody.contains("[REDACTED]"));
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("SECRET")));
        QVERIFY(!outcome.result.rawErrorBody.contains("SECRET"));
    }

    void insufficientQuotaIsNotRateLimit()
    {
        m_loopback->server.enqueue(
            kChatPath,
            FakeResponse::json(429, OpenAiFixtures::errorBody(QStringLiteral("You exceeded your current quota"),
                                                              QStringLiteral("insufficient_quota"),
                                                              QStringLiteral("insufficient_quota"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::InsufficientQuota, kKey);
        QVERIFY(!outcome.result.retryable);
    }

    void inBandErrorMidStreamIsNotSuccess()
    {
        const QByteArray stream =
            OpenAiFixtures::chunk(QString(), QString(), true, QStringLiteral("gpt-4o-mini"), true) +
            OpenAiFixtures::chunk(QStringLiteral("Once upon")) +
            OpenAiFixtures::errorEvent(QStringLiteral("The server is overloaded"), QStringLiteral("server_error")) +
            OpenAiFixtures::done();
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        QVERIFY(!outcome.result.ok);
        QVERIFY(outcome.result.failure == FailureClass::StreamCut);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("overloaded")));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Once upon")});
    }

    void cutStreamIsStreamCut_data()
    {
        QTest::addColumn<int>("framing");
        QTest::newRow("chunked without terminator") << int(FakeResponse::Framing::Chunked);
        QTest::newRow("connection close") << int(FakeResponse::Framing::CloseDelimited);
    }
    void cutStreamIsStreamCut()
    {
        QFETCH(int, framing);
        const QByteArray full = OpenAiFixtures::stream(
            {QStringLiteral("one "), QStringLiteral("two "), QStringLiteral("three")}, {5, 3, 0, 0});
        // Cut in the middle of the third chunk: no finish_reason, no usage, no [DONE].
        const qsizetype cut = full.indexOf("two") + 10;
        FakeResponse response = FakeResponse::sse(full.left(cut), {}, 0, FakeResponse::Framing(framing));
        response.then(FakeStep::wait(20)).then(FakeStep::close());
        m_loopback->server.enqueue(kChatPath, response);
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("one ")});
    }

    void stallMidStreamIsStreamStalled()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 200;
        const QByteArray head = OpenAiFixtures::chunk(QString(), QString(), true, QStringLiteral("gpt-4o-mini"), true) +
                                OpenAiFixtures::chunk(QStringLiteral("Hel"));
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(head).then(FakeStep::stall()));
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::StreamStalled, kKey);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Hel")});
        QVERIFY2(outcome.elapsedMs < 1500, qPrintable(QString::number(outcome.elapsedMs)));
        QVERIFY(outcome.elapsedMs >= 190);
    }

    void keepAliveCommentsCountAsActivity()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 250;
        FakeResponse response = FakeResponse::sse(OpenAiFixtures::chunk(QStringLiteral("a")));
        for (int i = 0; i < 5; ++i)
            response.then(FakeStep::wait(100)).then(FakeStep::write(QByteArrayLiteral(": OPENROUTER PROCESSING\n\n")));
        response.then(FakeStep::write(OpenAiFixtures::chunk(QStringLiteral("b")) +
                                      OpenAiFixtures::chunk(QString(), QStringLiteral("stop")) +
                                      OpenAiFixtures::usageChunk({2, 2, 0, 0}) + OpenAiFixtures::done()));
        m_loopback->server.enqueue(kChatPath, response);
        const Outcome outcome = run(r);
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("ab"));
    }

    void connectionResetBeforeHeaders()
    {
        // Qt Network resends a request once when the connection dies before any response byte: reset both tries.
        m_loopback->server.enqueue(kChatPath, FakeResponse::resetBeforeHeaders());
        m_loopback->server.enqueue(kChatPath, FakeResponse::resetBeforeHeaders());
        const Outcome outcome = run(request());
        QVERIFY(!outcome.result.ok);
        QVERIFY2(outcome.result.failure == FailureClass::Network || outcome.result.failure == FailureClass::Transient,
                 qPrintable(failureClassName(outcome.result.failure)));
        QVERIFY(isRetryableOnSameHop(outcome.result.failure));
        QCOMPARE(outcome.result.httpStatus, 0);
    }

    void connectionRefusedIsNetwork()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ProviderRequest r = request();
        r.provider.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Network, kKey);
    }

    void silentServerTimesOut()
    {
        ProviderRequest r = request(QStringLiteral("openai"), false);
        r.timeouts.firstTokenMs = 200;
        m_loopback->server.enqueue(kChatPath, FakeResponse::silence());
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Timeout, kKey);
        QVERIFY(outcome.elapsedMs < 1500);
    }

    void connectTimerStopsOnceConnected()
    {
        ProviderRequest r = request(QStringLiteral("openai"), false);
        r.timeouts.connectMs = 50;
        r.timeouts.firstTokenMs = 400;
        m_loopback->server.enqueue(kChatPath, FakeResponse::silence());
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Timeout, kKey);
        QVERIFY2(outcome.result.errorMessage.contains(QLatin1String("first token")),
                 qPrintable(outcome.result.errorMessage));
        QVERIFY(outcome.elapsedMs >= 390);
    }

    void slowThinkingBeforeFirstByteIsNotAStall()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 150;
        r.timeouts.firstTokenMs = 3000;
        FakeResponse response = FakeResponse::sse(OpenAiFixtures::stream({QStringLiteral("late")}, {2, 1, 0, 0}));
        response.steps.prepend(FakeStep::wait(400));
        m_loopback->server.enqueue(kChatPath, response);
        const Outcome outcome = run(r);
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("late"));
    }

    void jsonAnswerToStreamingRequest()
    {
        m_loopback->server.enqueue(
            kChatPath, FakeResponse::json(200, OpenAiFixtures::completion(QStringLiteral("whole"), {6, 2, 0, 0})));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("whole"));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("whole")});
        QCOMPARE(outcome.result.usage, (Usage{6, 0, 0, 2, 0}));

        m_loopback->server.enqueue(
            kChatPath, FakeResponse::json(200, OpenAiFixtures::errorBody(QStringLiteral("upstream overloaded"),
                                                                         QStringLiteral("server_error"))));
        const Outcome error = run(request());
        QVERIFY(!error.result.ok);
        QCOMPARE(error.result.failure, FailureClass::StreamCut);
    }

    void wholeCallTimeout()
    {
        ProviderRequest r = request();
        r.timeouts.totalMs = 300;
        r.timeouts.idleMs = 1000;
        FakeResponse response = FakeResponse::sse(OpenAiFixtures::chunk(QStringLiteral("x")));
        for (int i = 0; i < 20; ++i)
            response.then(FakeStep::wait(50)).then(FakeStep::write(OpenAiFixtures::chunk(QStringLiteral("x"))));
        m_loopback->server.enqueue(kChatPath, response);
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Timeout, kKey);
        QVERIFY(outcome.elapsedMs < 900);
    }

    void cancelMidStreamIsPrompt()
    {
        FakeResponse response = FakeResponse::sse(OpenAiFixtures::chunk(QStringLiteral("first")));
        for (int i = 0; i < 10; ++i)
            response.then(FakeStep::wait(100)).then(FakeStep::write(OpenAiFixtures::chunk(QStringLiteral(" more"))));
        m_loopback->server.enqueue(kChatPath, response);
        const Outcome outcome = run(request(), 1);
        expectFailure(outcome, FailureClass::Cancelled, kKey);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("first")});
        QVERIFY2(outcome.elapsedMs < 500, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void cancelBeforeAnyResponse()
    {
        m_loopback->server.enqueue(kChatPath, FakeResponse::silence());
        OpenAiChatClient client;
        ProviderCall *call = client.start(request(), &m_loopback->manager, this);
        QSignalSpy finished(call, &ProviderCall::finished);
        call->cancel();
        call->cancel();
        QVERIFY(finished.wait(1000));
        QCOMPARE(call->result().failure, FailureClass::Cancelled);
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
        delete call;
    }

    void streamWithoutDoneButUsageFinishes()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 5000;
        const QByteArray stream = OpenAiFixtures::stream({QStringLiteral("done-less")}, {9, 4, 0, 1}, true, false);
        // The server neither sends [DONE] nor closes: the usage chunk alone must finish the call promptly.
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream).then(FakeStep::stall()));
        const Outcome stalled = run(r);
        QVERIFY2(stalled.result.ok, qPrintable(stalled.result.errorMessage));
        QCOMPARE(stalled.result.usage, (Usage{9, 0, 0, 3, 1}));
        QVERIFY(stalled.elapsedMs < 1500);

        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream, {}, 0, FakeResponse::Framing::CloseDelimited));
        const Outcome closed = run(r);
        QVERIFY2(closed.result.ok, qPrintable(closed.result.errorMessage));
        QCOMPARE(closed.result.text, QStringLiteral("done-less"));
        QCOMPARE(closed.result.usage, (Usage{9, 0, 0, 3, 1}));
    }

    void finishReasonWithoutUsageAtBodyEndIsOk()
    {
        const QByteArray stream = OpenAiFixtures::stream({QStringLiteral("ok")}, {}, false, false);
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream, {}, 0, FakeResponse::Framing::CloseDelimited));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QVERIFY(!outcome.result.usageReported);
    }

    void malformedChunkFailsWithoutLeakingText()
    {
        const QByteArray stream =
            OpenAiFixtures::chunk(QStringLiteral("visible")) +
            QByteArrayLiteral("data: {\"choices\":[{\"delta\":{\"content\":\"PRIVATE-TEXT\"}\n\n") +
            OpenAiFixtures::done();
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::MalformedResponse, kKey);
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("PRIVATE-TEXT")));
    }

    void errorJsonInsteadOfStream()
    {
        m_loopback->server.enqueue(
            kChatPath,
            FakeResponse::json(400, OpenAiFixtures::errorBody(QStringLiteral("Unsupported parameter: 'top_k'"),
                                                              QStringLiteral("invalid_request_error"),
                                                              QStringLiteral("unsupported_parameter"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Validation, kKey);
        QVERIFY(outcome.result.rawErrorBody.contains("unsupported_parameter"));
    }

    void streamedContentFilterFinish()
    {
        const QByteArray stream = OpenAiFixtures::stream({}, {4, 0, 0, 0}, true, true, QStringLiteral("gpt-4o-mini"),
                                                         QStringLiteral("content_filter"));
        m_loopback->server.enqueue(kChatPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::ContentFilter, kKey);
    }

    void refusalIsContentFilter()
    {
        QByteArray body = OpenAiFixtures::completion(QString(), {4, 3, 0, 0});
        body.replace("\"content\":\"\"", "\"content\":null");
        body.replace("\"refusal\":null", "\"refusal\":\"I can't help with that.\"");
        m_loopback->server.enqueue(kChatPath, FakeResponse::json(200, body));
        const Outcome outcome = run(request(QStringLiteral("openai"), false));
        expectFailure(outcome, FailureClass::ContentFilter, kKey);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("I can't help with that.")));
    }

    void invalidRequestFailsWithoutNetwork()
    {
        ProviderRequest r = request(QStringLiteral("openai_compatible"));
        r.provider.baseUrl.clear();
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Validation, kKey);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("base_url")));
        QCOMPARE(m_loopback->server.requestCount(), 0);
    }

    void listsModels()
    {
        m_loopback->server.enqueue(
            QStringLiteral("/v1/models"),
            FakeResponse::json(
                200,
                R"({"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1,"owned_by":"system"},{"id":"o3","object":"model","created":2,"owned_by":"system"}]})"));
        OpenAiChatClient client;
        ProviderSpec spec = request().provider;
        ModelListCall call(client, spec, Secret(QStringLiteral("env:K"), kKey), &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(call.result().ok());
        QCOMPARE(*call.result(), (QStringList{QStringLiteral("gpt-4o-mini"), QStringLiteral("o3")}));
        QCOMPARE(m_loopback->server.lastRequest().method, QByteArray("GET"));
        QCOMPARE(m_loopback->server.lastRequest().header("Authorization"), "Bearer " + kKey.toUtf8());
    }

    void modelListAuthFailureIsRedacted()
    {
        m_loopback->server.enqueue(
            QStringLiteral("/v1/models"),
            FakeResponse::json(401, OpenAiFixtures::errorBody(QStringLiteral("Incorrect API key provided: ") + kKey,
                                                              QStringLiteral("invalid_request_error"))));
        OpenAiChatClient client;
        ModelListCall call(client, request().provider, Secret(QStringLiteral("env:K"), kKey), &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(!call.result().ok());
        QVERIFY(call.result().error().message.contains(QLatin1String("authentication")));
        QVERIFY(!call.result().error().message.contains(kKey));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatClient)
#include "tst_openaichatclient.moc"
