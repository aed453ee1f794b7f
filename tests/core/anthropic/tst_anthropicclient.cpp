#include "core/providers/anthropic/AnthropicClient.h"
#include "core/providers/anthropic/AnthropicParser.h"
#include "core/providers/client/ModelListCall.h"
#include "tests/core/anthropic/AnthropicFixtures.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/ProviderCallRunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kKey = QStringLiteral("sk-ant-api03-SECRET-0123456789");
/// A fragment of kKey that must not survive in error text even when the key was only partly redacted.
const QString kKeyMarker = QStringLiteral("SECRET");
const QString kPath = QStringLiteral("/v1/messages");
using Tokens = AnthropicFixtures::Tokens;

using Outcome = Testing::CallOutcome;

}  // namespace

class TestAnthropicClient : public QObject {
    Q_OBJECT

private:
    std::optional<LoopbackProvider> m_loopback;

    ProviderRequest request(bool stream = true) const
    {
        ProviderSpec spec;
        spec.id = QStringLiteral("test-anthropic");
        spec.kind = QStringLiteral("anthropic");
        spec.baseUrl = m_loopback->server.baseUrl();
        spec.timeouts = Timeouts{2000, 3000, 2000, 8000};
        ProviderRequest r = ProviderRequest::fromProvider(spec, AnthropicFixtures::model());
        r.system = QStringLiteral("Be brief.");
        r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello")},
                      ChatMessage{ChatMessage::Role::Assistant, QStringLiteral("Hi!")},
                      ChatMessage{ChatMessage::Role::User, QStringLiteral("Tell me a joke")}};
        r.temperature = 0.25;
        r.topP = 0.5;
        r.topK = 40;
        r.maxOutputTokens = 64;
        r.stream = stream;
        r.apiKey = Secret(QStringLiteral("env:ANTHROPIC_API_KEY"), kKey);
        return r;
    }

    Outcome run(const ProviderRequest &r, int cancelAfterDeltas = -1)
    {
        return Testing::runProviderCall(AnthropicClient(), r, &m_loopback->manager, cancelAfterDeltas);
    }

private Q_SLOTS:
    void init()
    {
        m_loopback.emplace();
        QVERIFY(m_loopback->start());
    }
    void cleanup() { m_loopback.reset(); }

    void requestMatchesWireFormat_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("unstreamed") << false;
        QTest::newRow("streamed") << true;
    }
    void requestMatchesWireFormat()
    {
        QFETCH(bool, stream);
        const Tokens tokens{10, 2, 0, 0};
        m_loopback->server.enqueue(
            kPath, stream ? FakeResponse::sse(AnthropicFixtures::stream({QStringLiteral("Hi")}, tokens))
                          : FakeResponse::json(200, AnthropicFixtures::message(QStringLiteral("Hi"), tokens)));
        const Outcome outcome = run(request(stream));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("Hi"));

        QCOMPARE(m_loopback->server.requestCount(), 1);
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, kPath);
        QCOMPARE(sent.header("x-api-key"), kKey.toUtf8());
        QCOMPARE(sent.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(sent.header("Content-Type").startsWith("application/json"));
        // The key travels in x-api-key only.
        QVERIFY(!sent.hasHeader("Authorization"));
        QVERIFY(!sent.body.contains(kKey.toUtf8()));
        QVERIFY(!sent.query.contains(kKey));
        int headersWithKey = 0;
        for (const auto &header : sent.headers)
            headersWithKey += header.second.contains(kKey.toUtf8()) ? 1 : 0;
        QCOMPARE(headersWithKey, 1);

        const QJsonObject body = sent.json();
        QCOMPARE(body.value(QLatin1String("model")).toString(), AnthropicFixtures::model());
        QCOMPARE(body.value(QLatin1String("system")).toString(), QStringLiteral("Be brief."));
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        for (const QJsonValue &message : messages)
            QVERIFY(message.toObject().value(QLatin1String("role")).toString() != QLatin1String("system"));
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(), QStringLiteral("Hello"));
        QCOMPARE(messages.at(1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("Tell me a joke"));
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 64);
        QVERIFY(!body.contains(QLatin1String("max_completion_tokens")));
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.25);
        QCOMPARE(body.value(QLatin1String("top_p")).toDouble(), 0.5);
        QCOMPARE(body.value(QLatin1String("top_k")).toInt(), 40);
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), stream);
        QVERIFY(!body.contains(QLatin1String("stream_options")));
        QCOMPARE(sent.header("Accept"), stream ? QByteArray("text/event-stream") : QByteArray("application/json"));
    }

    void maxTokensAlwaysSent()
    {
        ProviderRequest r = request(false);
        r.maxOutputTokens.reset();
        r.temperature.reset();
        r.topP.reset();
        r.topK.reset();
        Result<PreparedRequest> prepared = AnthropicClient().prepare(r);
        QVERIFY(prepared.ok());
        QJsonObject body = QJsonDocument::fromJson(prepared->body).object();
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), AnthropicClient::DefaultMaxTokens);
        QVERIFY(!body.contains(QLatin1String("temperature")));
        QVERIFY(!body.contains(QLatin1String("top_p")));
        QVERIFY(!body.contains(QLatin1String("top_k")));

        // The model's max_output_tokens from providers.yaml wins over the built-in default.
        ModelSpec other;
        other.id = QStringLiteral("claude-haiku-4-5");
        other.maxOutputTokens = 1234;
        ModelSpec mine;
        mine.id = r.model;
        mine.maxOutputTokens = 8192;
        r.provider.models = {other, mine};
        prepared = AnthropicClient().prepare(r);
        QVERIFY(prepared.ok());
        body = QJsonDocument::fromJson(prepared->body).object();
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 8192);

        r.maxOutputTokens = 77;
        QCOMPARE(AnthropicClient::maxTokensFor(r), 77);
    }

    void systemMessagesFoldIntoTopLevelSystem()
    {
        ProviderRequest r = request(false);
        r.messages.prepend(ChatMessage{ChatMessage::Role::System, QStringLiteral("Answer in French.")});
        Result<PreparedRequest> prepared = AnthropicClient().prepare(r);
        QVERIFY(prepared.ok());
        QJsonObject body = QJsonDocument::fromJson(prepared->body).object();
        QCOMPARE(body.value(QLatin1String("system")).toString(), QStringLiteral("Be brief.\n\nAnswer in French."));
        QCOMPARE(body.value(QLatin1String("messages")).toArray().size(), 3);

        r.system.clear();
        r.messages.removeFirst();
        prepared = AnthropicClient().prepare(r);
        QVERIFY(prepared.ok());
        QVERIFY(!QJsonDocument::fromJson(prepared->body).object().contains(QLatin1String("system")));
    }

    void endpointsAndDefaults()
    {
        ProviderRequest r = request();
        r.provider.baseUrl.clear();
        Result<PreparedRequest> prepared = AnthropicClient().prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().toString(), QStringLiteral("https://api.anthropic.com/v1/messages"));
        r.provider.baseUrl = QStringLiteral("https://gateway.example.com/anthropic/v1/");
        prepared = AnthropicClient().prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().toString(),
                 QStringLiteral("https://gateway.example.com/anthropic/v1/messages"));
        QCOMPARE(AnthropicClient().kind(), QStringLiteral("anthropic"));
    }

    void invalidRequestsFailWithoutNetwork_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no key") << 0 << QStringLiteral("API key");
        QTest::newRow("no model") << 1 << QStringLiteral("model");
        QTest::newRow("no messages") << 2 << QStringLiteral("user message");
        QTest::newRow("bad base_url") << 3 << QStringLiteral("base_url");
    }
    void invalidRequestsFailWithoutNetwork()
    {
        QFETCH(int, what);
        QFETCH(QString, mentions);
        ProviderRequest r = request();
        if (what == 0)
            r.apiKey = Secret();
        else if (what == 1)
            r.model.clear();
        else if (what == 2)
            r.messages = {ChatMessage{ChatMessage::Role::System, QStringLiteral("only system")}};
        else
            r.provider.baseUrl = QStringLiteral("ftp://example.com");
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Validation, kKey, kKeyMarker);
        QVERIFY2(outcome.result.errorMessage.contains(mentions), qPrintable(outcome.result.errorMessage));
        QCOMPARE(m_loopback->server.requestCount(), 0);
    }

    void streamedAndUnstreamedAgree()
    {
        // input_tokens excludes the cache: 20 fresh + 300 read + 50 written = 370 prompt tokens in all.
        const Tokens tokens{20, 12, 300, 50};
        const QStringList parts{QStringLiteral("Why did "), QStringLiteral("the chicken "), QStringLiteral("cross?")};
        m_loopback->server.enqueue(kPath,
                                   FakeResponse::json(200, AnthropicFixtures::message(parts.join(QString()), tokens)));
        m_loopback->server.enqueue(kPath, FakeResponse::sse(AnthropicFixtures::stream(parts, tokens)));
        const Outcome whole = run(request(false));
        const Outcome streamed = run(request(true));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QVERIFY2(streamed.result.ok, qPrintable(streamed.result.errorMessage));
        QCOMPARE(streamed.deltas, parts);
        QCOMPARE(whole.deltas, QStringList{parts.join(QString())});
        QCOMPARE(streamed.result.text, whole.result.text);
        QCOMPARE(streamed.result.usage, whole.result.usage);
        const Usage expected{20, 300, 50, 12, 0};
        QCOMPARE(whole.result.usage, expected);
        QCOMPARE(whole.result.usage.totalInput(), qint64(370));
        QVERIFY(whole.result.usageReported);
        QVERIFY(streamed.result.usageReported);
        QCOMPARE(streamed.result.finishReason, QStringLiteral("end_turn"));
        QCOMPARE(whole.result.finishReason, QStringLiteral("end_turn"));
        QVERIFY(streamed.result.streamed);
        QVERIFY(!whole.result.streamed);
        QCOMPARE(streamed.firstTokenSignals, 1);
        QCOMPARE(whole.firstTokenSignals, 1);
        QVERIFY(streamed.result.ttftMs >= 0);
        QVERIFY(streamed.result.ttftMs <= streamed.result.latencyMs);
        QCOMPARE(streamed.result.httpStatus, 200);
    }

    void outputUsageIsCumulativeFromMessageDelta()
    {
        // message_start reports output_tokens 1; message_delta's cumulative count replaces it, input stays.
        AnthropicParser parser;
        const ParseUpdate update = parser.feed(AnthropicFixtures::stream({QStringLiteral("x")}, Tokens{7, 42, 3, 2}));
        QVERIFY(update.complete);
        QCOMPARE(parser.usage(), (Usage{7, 3, 2, 42, 0}));
        QCOMPARE(AnthropicParser::normaliseUsage(
                     QJsonObject{{QStringLiteral("input_tokens"), 5}, {QStringLiteral("output_tokens"), 9}}),
                 (Usage{5, 0, 0, 9, 0}));
    }

    void splitStreamsGiveSameAnswer()
    {
        const Tokens tokens{7, 3, 11, 5};
        const QStringList parts{QStringLiteral("H\u00e9"), QStringLiteral(" \u4e16\u754c"),
                                QStringLiteral("\U0001F600!")};
        const QByteArray stream = AnthropicFixtures::stream(parts, tokens);
        const Usage expected{7, 11, 5, 3, 0};
        // The parser on its own, every split point (cheap: no network).
        for (qsizetype at = 1; at < stream.size(); ++at) {
            AnthropicParser parser;
            const ParseUpdate first = parser.feed(QByteArrayView(stream).first(at));
            const ParseUpdate second = parser.feed(QByteArrayView(stream).sliced(at));
            QVERIFY2(!first.failure && !second.failure, qPrintable(QString::number(at)));
            QCOMPARE((first.deltas + second.deltas).join(QString()), parts.join(QString()));
            QVERIFY(second.complete);
            QCOMPARE(parser.usage(), expected);
        }
        // Over the network: two HTTP chunks 1 ms apart, split every 7 bytes.
        for (qsizetype at = 1; at < stream.size(); at += 7) {
            m_loopback->server.enqueue(kPath, FakeResponse::sse(stream, {at}, 1));
            const Outcome outcome = run(request());
            QVERIFY2(outcome.result.ok,
                     qPrintable(QStringLiteral("split at %1: %2").arg(at).arg(outcome.result.errorMessage)));
            QCOMPARE(outcome.deltas.join(QString()), parts.join(QString()));
            QCOMPARE(outcome.result.usage, expected);
        }
        // And in 5-byte pieces with CRLF line ends.
        QByteArray crlf = stream;
        crlf.replace("\n", "\r\n");
        m_loopback->server.enqueue(kPath, FakeResponse::sseInPieces(crlf, 5));
        const Outcome pieces = run(request());
        QVERIFY2(pieces.result.ok, qPrintable(pieces.result.errorMessage));
        QCOMPARE(pieces.result.text, parts.join(QString()));
    }

    void thinkingIsNotAnswerText()
    {
        const Tokens tokens{30, 25, 0, 0};
        const QByteArray stream =
            AnthropicFixtures::messageStart(tokens) + AnthropicFixtures::contentBlockStart(0, "thinking") +
            AnthropicFixtures::thinkingDelta(0, QStringLiteral("Let me think about chickens.")) +
            AnthropicFixtures::contentBlockStop(0) + AnthropicFixtures::contentBlockStart(1) +
            AnthropicFixtures::textDelta(1, QStringLiteral("To get across.")) + AnthropicFixtures::contentBlockStop(1) +
            AnthropicFixtures::messageDelta(QStringLiteral("end_turn"), 25) + AnthropicFixtures::messageStop();
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("To get across."));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("To get across.")});

        QByteArray body = AnthropicFixtures::message(QStringLiteral("Answer."), tokens);
        body.replace("\"content\":[",
                     "\"content\":[{\"type\":\"thinking\",\"thinking\":\"hidden\",\"signature\":\"x\"},");
        m_loopback->server.enqueue(kPath, FakeResponse::json(200, body));
        const Outcome whole = run(request(false));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QCOMPARE(whole.result.text, QStringLiteral("Answer."));
    }

    void maxTokensStopIsSuccess()
    {
        m_loopback->server.enqueue(
            kPath, FakeResponse::sse(AnthropicFixtures::stream({QStringLiteral("Once upon a")}, Tokens{5, 64, 0, 0},
                                                               QStringLiteral("max_tokens"))));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.finishReason, QStringLiteral("max_tokens"));
        QCOMPARE(outcome.result.usage.output, qint64(64));
    }

    void overloadedIsTransient()
    {
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(529, AnthropicFixtures::errorBody(QStringLiteral("overloaded_error"),
                                                                        QStringLiteral("Overloaded"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Transient, kKey, kKeyMarker);
        QCOMPARE(outcome.result.httpStatus, 529);
        QVERIFY(outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("overloaded_error"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("Overloaded")));
        QVERIFY(outcome.deltas.isEmpty());
    }

    void rateLimitedWithRetryAfter()
    {
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(
                       429,
                       AnthropicFixtures::errorBody(
                           QStringLiteral("rate_limit_error"),
                           QStringLiteral("This request would exceed the rate limit for your organization of 50 "
                                          "input tokens per minute.")),
                       {{"retry-after", "7"},
                        {"anthropic-ratelimit-requests-remaining", "0"},
                        {"anthropic-ratelimit-requests-reset", "2026-11-22T22:00:07Z"}}));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::RateLimited, kKey, kKeyMarker);
        QCOMPARE(outcome.result.httpStatus, 429);
        QCOMPARE(outcome.result.retryAfterMs.value_or(-1), qint64(7000));
        QVERIFY(outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("rate_limit_error"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("rate limit")));
    }

    void promptTooLongIsContextTooLong()
    {
        m_loopback->server.enqueue(
            kPath,
            FakeResponse::json(400, AnthropicFixtures::errorBody(QStringLiteral("invalid_request_error"),
                                                                 QStringLiteral("prompt is too long: 215345 tokens > "
                                                                                "200000 maximum"))));
        const Outcome outcome = run(request(false));
        expectFailure(outcome, FailureClass::ContextTooLong, kKey, kKeyMarker);
        QVERIFY(!outcome.result.retryable);
        QCOMPARE(outcome.result.httpStatus, 400);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("prompt is too long")));

        // Any other invalid_request_error is plain validation.
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(400, AnthropicFixtures::errorBody(QStringLiteral("invalid_request_error"),
                                                                        QStringLiteral("max_tokens: Field required"))));
        const Outcome other = run(request(false));
        expectFailure(other, FailureClass::Validation, kKey, kKeyMarker);
        QVERIFY(!other.result.retryable);
    }

    void authenticationErrorNeverLeaksKey()
    {
        // A careless proxy might echo the key, and the header holding it.
        const QString message = QStringLiteral("invalid x-api-key %1 (x-api-key: %1)").arg(kKey);
        m_loopback->server.enqueue(
            kPath,
            FakeResponse::json(401, AnthropicFixtures::errorBody(QStringLiteral("authentication_error"), message)));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Authentication, kKey, kKeyMarker);
        QCOMPARE(outcome.result.httpStatus, 401);
        QVERIFY(!outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("authentication_error"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("invalid x-api-key")));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("[REDACTED]")));
        QVERIFY(outcome.result.rawErrorBody.contains("[REDACTED]"));
        QVERIFY(!outcome.result.rawErrorBody.contains("SECRET"));
    }

    void inBandErrorEventIsFailure()
    {
        const Tokens tokens{9, 4, 0, 0};
        const QByteArray stream =
            AnthropicFixtures::messageStart(tokens) + AnthropicFixtures::contentBlockStart(0) +
            AnthropicFixtures::textDelta(0, QStringLiteral("Once upon")) +
            AnthropicFixtures::errorEvent(QStringLiteral("overloaded_error"), QStringLiteral("Overloaded")) +
            AnthropicFixtures::textDelta(0, QStringLiteral(" never")) + AnthropicFixtures::contentBlockStop(0) +
            AnthropicFixtures::messageDelta(QStringLiteral("end_turn"), 4) + AnthropicFixtures::messageStop();
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey, kKeyMarker);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("overloaded_error"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("Overloaded")));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Once upon")});
        QVERIFY(!outcome.result.text.contains(QLatin1String("never")));
    }

    void errorJsonWithSuccessStatus()
    {
        // A gateway answering 200 with an error document instead of the stream.
        m_loopback->server.enqueue(kPath,
                                   FakeResponse::json(200, AnthropicFixtures::errorBody(QStringLiteral("api_error"),
                                                                                        QStringLiteral("Internal"))));
        const Outcome outcome = run(request());
        QVERIFY(!outcome.result.ok);
        QCOMPARE(failureClassName(outcome.result.failure), failureClassName(FailureClass::StreamCut));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("Internal")));

        // And a whole message to a streaming request is an answer.
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(200, AnthropicFixtures::message(QStringLiteral("whole"), Tokens{6, 2, 1, 0})));
        const Outcome whole = run(request());
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QCOMPARE(whole.deltas, QStringList{QStringLiteral("whole")});
        QCOMPARE(whole.result.usage, (Usage{6, 1, 0, 2, 0}));
    }

    void stopReasonWithoutMessageStopIsComplete()
    {
        const QByteArray stream = AnthropicFixtures::stream({QStringLiteral("almost")}, Tokens{4, 2, 0, 0},
                                                            QStringLiteral("end_turn"), false);
        // The body ends right after message_delta.
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream, {}, 0, FakeResponse::Framing::CloseDelimited));
        const Outcome closed = run(request());
        QVERIFY2(closed.result.ok, qPrintable(closed.result.errorMessage));
        QCOMPARE(closed.result.text, QStringLiteral("almost"));
        QCOMPARE(closed.result.usage, (Usage{4, 0, 0, 2, 0}));

        // The server goes quiet after message_delta without closing: the idle timeout finishes it as a success.
        ProviderRequest r = request();
        r.timeouts.idleMs = 200;
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream).then(FakeStep::stall()));
        const Outcome stalled = run(r);
        QVERIFY2(stalled.result.ok, qPrintable(stalled.result.errorMessage));
        QCOMPARE(stalled.result.finishReason, QStringLiteral("end_turn"));
        QVERIFY(stalled.elapsedMs < 1500);

        // message_stop without its blank line at the very end of the body still counts.
        QByteArray unterminated = AnthropicFixtures::stream({QStringLiteral("x")}, Tokens{1, 1, 0, 0});
        unterminated.chop(2);
        AnthropicParser parser;
        QVERIFY(!parser.feed(unterminated).complete);
        const ParseUpdate end = parser.finishStream();
        QVERIFY(!end.failure);
        QVERIFY(end.complete);
    }

    void cutStreamIsStreamCut_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<QByteArray>("cutBefore");
        QTest::newRow("chunked, inside a delta") << int(FakeResponse::Framing::Chunked) << QByteArray("two");
        QTest::newRow("close, before message_delta")
            << int(FakeResponse::Framing::CloseDelimited) << QByteArray("event: message_delta");
        QTest::newRow("chunked, before message_delta")
            << int(FakeResponse::Framing::Chunked) << QByteArray("event: message_delta");
    }
    void cutStreamIsStreamCut()
    {
        QFETCH(int, framing);
        QFETCH(QByteArray, cutBefore);
        const QByteArray full = AnthropicFixtures::stream(
            {QStringLiteral("one "), QStringLiteral("two "), QStringLiteral("three")}, Tokens{5, 3, 0, 0});
        const qsizetype cut = full.indexOf(cutBefore);
        QVERIFY(cut > 0);
        FakeResponse response = FakeResponse::sse(full.left(cut), {}, 0, FakeResponse::Framing(framing));
        response.then(FakeStep::wait(20)).then(FakeStep::close());
        m_loopback->server.enqueue(kPath, response);
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey, kKeyMarker);
        QVERIFY(outcome.deltas.size() >= 1);
        QCOMPARE(outcome.deltas.first(), QStringLiteral("one "));
    }

    void pingsKeepIdleTimerAlive()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 250;
        const Tokens tokens{3, 2, 0, 0};
        FakeResponse response =
            FakeResponse::sse(AnthropicFixtures::messageStart(tokens) + AnthropicFixtures::contentBlockStart(0) +
                              AnthropicFixtures::textDelta(0, QStringLiteral("a")));
        for (int i = 0; i < 6; ++i)
            response.then(FakeStep::wait(100)).then(FakeStep::write(AnthropicFixtures::ping()));
        response.then(FakeStep::write(
            AnthropicFixtures::textDelta(0, QStringLiteral("b")) + AnthropicFixtures::contentBlockStop(0) +
            AnthropicFixtures::messageDelta(QStringLiteral("end_turn"), 2) + AnthropicFixtures::messageStop()));
        m_loopback->server.enqueue(kPath, response);
        const Outcome outcome = run(r);
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("ab"));
        QVERIFY(outcome.elapsedMs >= 550);  // longer than twice the idle timeout: the pings kept it alive

        AnthropicParser parser;
        parser.feed(AnthropicFixtures::ping() + AnthropicFixtures::ping());
        QCOMPARE(parser.activityCount(), qint64(2));
    }

    void silenceWithoutPingsStalls()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 200;
        const QByteArray head = AnthropicFixtures::messageStart(Tokens{3, 1, 0, 0}) +
                                AnthropicFixtures::contentBlockStart(0) +
                                AnthropicFixtures::textDelta(0, QStringLiteral("Hel"));
        m_loopback->server.enqueue(kPath, FakeResponse::sse(head).then(FakeStep::stall()));
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::StreamStalled, kKey, kKeyMarker);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Hel")});
        QVERIFY(outcome.elapsedMs >= 190);
        QVERIFY2(outcome.elapsedMs < 1500, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void cancelMidStream()
    {
        FakeResponse response = FakeResponse::sse(AnthropicFixtures::messageStart(Tokens{3, 1, 0, 0}) +
                                                  AnthropicFixtures::contentBlockStart(0) +
                                                  AnthropicFixtures::textDelta(0, QStringLiteral("first")));
        for (int i = 0; i < 10; ++i)
            response.then(FakeStep::wait(100))
                .then(FakeStep::write(AnthropicFixtures::textDelta(0, QStringLiteral(" more"))));
        m_loopback->server.enqueue(kPath, response);
        const Outcome outcome = run(request(), 1);
        expectFailure(outcome, FailureClass::Cancelled, kKey, kKeyMarker);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("first")});
        QVERIFY(!outcome.result.retryable);
        QVERIFY2(outcome.elapsedMs < 500, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void refusalIsContentFilter()
    {
        m_loopback->server.enqueue(
            kPath, FakeResponse::sse(AnthropicFixtures::stream({QStringLiteral("I can")}, Tokens{5, 2, 0, 0},
                                                               QStringLiteral("refusal"))));
        const Outcome streamed = run(request());
        expectFailure(streamed, FailureClass::ContentFilter, kKey, kKeyMarker);
        QCOMPARE(streamed.result.errorCode, QStringLiteral("refusal"));

        m_loopback->server.enqueue(kPath,
                                   FakeResponse::json(200, AnthropicFixtures::message(QString(), Tokens{5, 0, 0, 0},
                                                                                      QStringLiteral("refusal"))));
        const Outcome whole = run(request(false));
        expectFailure(whole, FailureClass::ContentFilter, kKey, kKeyMarker);
    }

    void malformedEventFailsWithoutLeakingText()
    {
        const QByteArray stream =
            AnthropicFixtures::messageStart(Tokens{3, 1, 0, 0}) + AnthropicFixtures::contentBlockStart(0) +
            AnthropicFixtures::textDelta(0, QStringLiteral("visible")) +
            QByteArrayLiteral("event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
                              "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"PRIVATE"
                              "\"\n\n") +
            AnthropicFixtures::messageStop();
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::MalformedResponse, kKey, kKeyMarker);
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("PRIVATE")));
    }

    void listsModels()
    {
        m_loopback->server.enqueue(
            QStringLiteral("/v1/models"),
            FakeResponse::json(
                200,
                R"({"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"},{"type":"model","id":"claude-haiku-4-5","display_name":"Claude Haiku 4.5","created_at":"2025-10-01T00:00:00Z"}],"has_more":false,"first_id":"claude-sonnet-4-5","last_id":"claude-haiku-4-5"})"));
        AnthropicClient client;
        ModelListCall call(client, request().provider, Secret(QStringLiteral("env:K"), kKey), &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(call.result().ok(), qPrintable(call.result().ok() ? QString() : call.result().error().message));
        QCOMPARE(*call.result(),
                 (QStringList{QStringLiteral("claude-sonnet-4-5"), QStringLiteral("claude-haiku-4-5")}));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.path, QStringLiteral("/v1/models"));
        QCOMPARE(sent.header("x-api-key"), kKey.toUtf8());
        QCOMPARE(sent.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!sent.hasHeader("Authorization"));
        QVERIFY(!client.parseModelList(QByteArrayLiteral("{\"models\":[]}")).ok());
    }

    void modelListAuthFailureIsRedacted()
    {
        m_loopback->server.enqueue(
            QStringLiteral("/v1/models"),
            FakeResponse::json(401, AnthropicFixtures::errorBody(QStringLiteral("authentication_error"),
                                                                 QStringLiteral("invalid x-api-key ") + kKey)));
        AnthropicClient client;
        ModelListCall call(client, request().provider, Secret(QStringLiteral("env:K"), kKey), &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(!call.result().ok());
        QVERIFY(call.result().error().message.contains(QLatin1String("authentication")));
        QVERIFY(!call.result().error().message.contains(kKey));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicClient)
#include "tst_anthropicclient.moc"
