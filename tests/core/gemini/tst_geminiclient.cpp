#include "GeminiFixtures.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/gemini/GeminiClient.h"
#include "core/providers/gemini/GeminiParser.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/ProviderCallRunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kKey = QStringLiteral("AIzaSy-test-SECRET-0123456789");
const QString kKeyRef = QStringLiteral("env:GEMINI_API_KEY");
const QString kGeneratePath = QStringLiteral("/v1beta/models/gemini-2.5-flash:generateContent");
const QString kStreamPath = QStringLiteral("/v1beta/models/gemini-2.5-flash:streamGenerateContent");

using Outcome = Testing::CallOutcome;

}  // namespace

class TestGeminiClient : public QObject {
    Q_OBJECT

private:
    std::optional<LoopbackProvider> m_loopback;

    ProviderRequest request(bool stream = true) const
    {
        ProviderSpec spec;
        spec.id = QStringLiteral("test-gemini");
        spec.kind = QStringLiteral("gemini");
        spec.baseUrl = m_loopback->server.baseUrl();
        spec.timeouts = Timeouts{2000, 3000, 2000, 8000};
        ProviderRequest r = ProviderRequest::fromProvider(spec, QLatin1String(GeminiFixtures::Model));
        r.system = QStringLiteral("Be brief.");
        r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello")},
                      ChatMessage{ChatMessage::Role::Assistant, QStringLiteral("Hi!")},
                      ChatMessage{ChatMessage::Role::User, QStringLiteral("Tell me a joke")}};
        r.temperature = 0.25;
        r.topP = 0.5;
        r.topK = 40;
        r.maxOutputTokens = 64;
        r.stream = stream;
        r.apiKey = Secret(kKeyRef, kKey);
        return r;
    }

    Outcome run(const ProviderRequest &r, int cancelAfterDeltas = -1)
    {
        return Testing::runProviderCall(GeminiClient(), r, &m_loopback->manager, cancelAfterDeltas);
    }

    void expectNoKeyInUrl() const
    {
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QVERIFY(!sent.query.contains(kKey));
        QVERIFY(!sent.path.contains(kKey));
        QVERIFY(sent.queryItem(QStringLiteral("key")).isEmpty());
        QVERIFY(!sent.query.contains(QLatin1String("key=")));
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
        const GeminiFixtures::Tokens tokens{10, 0, 2, 0};
        if (stream)
            m_loopback->server.enqueue(kStreamPath,
                                       FakeResponse::sse(GeminiFixtures::stream({QStringLiteral("Hi")}, tokens)));
        else
            m_loopback->server.enqueue(
                kGeneratePath, FakeResponse::json(200, GeminiFixtures::response({QStringLiteral("Hi")}, tokens)));
        const Outcome outcome = run(request(stream));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));

        QCOMPARE(m_loopback->server.requestCount(), 1);
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, stream ? kStreamPath : kGeneratePath);
        QCOMPARE(sent.query, stream ? QStringLiteral("alt=sse") : QString());
        expectNoKeyInUrl();
        QCOMPARE(sent.header("x-goog-api-key"), kKey.toUtf8());
        QVERIFY(!sent.hasHeader("Authorization"));
        QVERIFY(sent.header("Content-Type").startsWith("application/json"));
        QCOMPARE(sent.header("Accept"), stream ? QByteArray("text/event-stream") : QByteArray("application/json"));

        const QJsonObject body = sent.json();
        QVERIFY(!body.contains(QLatin1String("model")));
        QVERIFY(!body.contains(QLatin1String("stream")));
        const QJsonArray system =
            body.value(QLatin1String("systemInstruction")).toObject().value(QLatin1String("parts")).toArray();
        QCOMPARE(system.size(), 1);
        QCOMPARE(system.at(0).toObject().value(QLatin1String("text")).toString(), QStringLiteral("Be brief."));
        const QJsonArray contents = body.value(QLatin1String("contents")).toArray();
        QCOMPARE(contents.size(), 3);
        const QStringList roles{QStringLiteral("user"), QStringLiteral("model"), QStringLiteral("user")};
        const QStringList texts{QStringLiteral("Hello"), QStringLiteral("Hi!"), QStringLiteral("Tell me a joke")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject content = contents.at(i).toObject();
            QCOMPARE(content.value(QLatin1String("role")).toString(), roles.at(i));
            const QJsonArray parts = content.value(QLatin1String("parts")).toArray();
            QCOMPARE(parts.size(), 1);
            QCOMPARE(parts.at(0).toObject().value(QLatin1String("text")).toString(), texts.at(i));
        }
        const QJsonObject config = body.value(QLatin1String("generationConfig")).toObject();
        QCOMPARE(config.value(QLatin1String("temperature")).toDouble(), 0.25);
        QCOMPARE(config.value(QLatin1String("topP")).toDouble(), 0.5);
        QCOMPARE(config.value(QLatin1String("topK")).toInt(), 40);
        QCOMPARE(config.value(QLatin1String("maxOutputTokens")).toInt(), 64);
        QCOMPARE(config.size(), 4);
    }

    void prepareVariants()
    {
        GeminiClient client;
        QCOMPARE(client.kind(), QStringLiteral("gemini"));

        // Default base, no key in the URL, system-role messages join the system instruction.
        ProviderRequest r = request(true);
        r.provider.baseUrl.clear();
        r.messages.prepend(ChatMessage{ChatMessage::Role::System, QStringLiteral("Answer in French.")});
        r.temperature.reset();
        r.topP.reset();
        r.topK.reset();
        r.maxOutputTokens.reset();
        Result<PreparedRequest> prepared = client.prepare(r);
        QVERIFY(prepared.ok());
        const QUrl url = prepared->request.url();
        QCOMPARE(url.toString(), QStringLiteral("https://generativelanguage.googleapis.com/v1beta/models/"
                                                "gemini-2.5-flash:streamGenerateContent?alt=sse"));
        QVERIFY(!url.toString().contains(kKey));
        QCOMPARE(prepared->request.rawHeader("x-goog-api-key"), kKey.toUtf8());
        const QJsonObject body = QJsonDocument::fromJson(prepared->body).object();
        const QJsonArray system =
            body.value(QLatin1String("systemInstruction")).toObject().value(QLatin1String("parts")).toArray();
        QCOMPARE(system.size(), 2);
        QCOMPARE(system.at(1).toObject().value(QLatin1String("text")).toString(), QStringLiteral("Answer in French."));
        QCOMPARE(body.value(QLatin1String("contents")).toArray().size(), 3);
        QVERIFY(!body.contains(QLatin1String("generationConfig")));

        // A base already carrying the version, a "models/" prefixed id, unstreamed.
        r.provider.baseUrl = QStringLiteral("https://proxy.example.com/gemini/v1beta/");
        r.model = QStringLiteral("models/gemini-2.5-pro");
        r.stream = false;
        r.system.clear();
        r.messages.removeFirst();
        prepared = client.prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().toString(),
                 QStringLiteral("https://proxy.example.com/gemini/v1beta/models/gemini-2.5-pro:generateContent"));
        QVERIFY(!QJsonDocument::fromJson(prepared->body).object().contains(QLatin1String("systemInstruction")));

        // Ids that would change the path, a missing key, a key-carrying base URL, no messages: refused.
        r.model = QStringLiteral("../files/x?key=1");
        QVERIFY(!client.prepare(r).ok());
        r.model = QLatin1String(GeminiFixtures::Model);
        ProviderRequest noKey = r;
        noKey.apiKey = Secret();
        QVERIFY(!client.prepare(noKey).ok());
        QVERIFY(client.prepare(noKey).error().message.contains(QLatin1String("API key")));
        ProviderRequest keyInBase = r;
        keyInBase.provider.baseUrl = QStringLiteral("https://generativelanguage.googleapis.com?key=") + kKey;
        QVERIFY(!client.prepare(keyInBase).ok());
        QVERIFY(!client.prepare(keyInBase).error().message.contains(kKey));
        ProviderRequest empty = r;
        empty.messages.clear();
        QVERIFY(!client.prepare(empty).ok());

        // The model list request carries the key in the header only.
        const Result<PreparedRequest> list = client.prepareModelList(r.provider, r.apiKey);
        QVERIFY(list.ok());
        QCOMPARE(list->request.url().path(), QStringLiteral("/gemini/v1beta/models"));
        QVERIFY(!list->request.url().toString().contains(kKey));
        QCOMPARE(list->request.rawHeader("x-goog-api-key"), kKey.toUtf8());
    }

    void missingKeyFailsWithoutNetwork()
    {
        ProviderRequest r = request();
        r.apiKey = Secret();
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::Validation, kKey);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("api_key")));
        QCOMPARE(m_loopback->server.requestCount(), 0);
    }

    void streamedAndUnstreamedAgree()
    {
        const GeminiFixtures::Tokens tokens{120, 100, 14, 37};
        const QStringList parts{QStringLiteral("Why did "), QStringLiteral("the chicken "), QStringLiteral("cross?")};
        const QString thought = QStringLiteral("**Planning** a classic joke");
        m_loopback->server.enqueue(
            kGeneratePath,
            FakeResponse::json(200, GeminiFixtures::response(parts, tokens, QStringLiteral("STOP"), thought)));
        m_loopback->server.enqueue(
            kStreamPath, FakeResponse::sse(GeminiFixtures::stream(parts, tokens, QStringLiteral("STOP"), thought)));
        const Outcome whole = run(request(false));
        const Outcome streamed = run(request(true));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QVERIFY2(streamed.result.ok, qPrintable(streamed.result.errorMessage));
        QCOMPARE(streamed.deltas, parts);  // the thought part is never text
        QCOMPARE(whole.deltas, QStringList{parts.join(QString())});
        QCOMPARE(streamed.result.text, whole.result.text);
        QCOMPARE(whole.result.text, parts.join(QString()));
        QCOMPARE(streamed.result.finishReason, QStringLiteral("STOP"));
        QCOMPARE(whole.result.finishReason, QStringLiteral("STOP"));
        // input = prompt - cached, cachedInput = cached, output = candidates, reasoning = thoughts.
        const Usage expected{20, 100, 0, 14, 37};
        QCOMPARE(whole.result.usage, expected);
        QCOMPARE(streamed.result.usage, expected);
        QVERIFY(streamed.result.usageReported);
        QCOMPARE(streamed.result.usage.totalInput(), qint64(120));
        QVERIFY(streamed.result.streamed);
        QVERIFY(!whole.result.streamed);
        QCOMPARE(streamed.firstTokenSignals, 1);
        QCOMPARE(whole.firstTokenSignals, 1);
        QVERIFY(streamed.result.ttftMs >= 0);
        QCOMPARE(streamed.result.httpStatus, 200);
    }

    void usageNormalisation()
    {
        QCOMPARE(GeminiParser::normaliseUsage(GeminiFixtures::usage({50, 0, 7, 0})), (Usage{50, 0, 0, 7, 0}));
        QCOMPARE(GeminiParser::normaliseUsage(GeminiFixtures::usage({50, 20, 7, 11})), (Usage{30, 20, 0, 7, 11}));
        // Mid-stream usage has no candidates yet; a cache larger than the prompt never goes negative.
        QCOMPARE(GeminiParser::normaliseUsage(GeminiFixtures::usage({50, 0, 7, 3}, false)), (Usage{50, 0, 0, 0, 3}));
        QCOMPARE(GeminiParser::normaliseUsage(QJsonObject{{QStringLiteral("promptTokenCount"), 5},
                                                          {QStringLiteral("cachedContentTokenCount"), 9}}),
                 (Usage{0, 5, 0, 0, 0}));
    }

    void splitStreamGivesSameAnswer()
    {
        const GeminiFixtures::Tokens tokens{30, 8, 6, 4};
        const QStringList parts{QStringLiteral("H\u00e9"), QStringLiteral(" \u4e16\u754c"), QStringLiteral("!")};
        const QByteArray stream = GeminiFixtures::stream(parts, tokens);
        const Usage expected{22, 8, 0, 6, 4};
        // The parser on its own: every split point.
        for (qsizetype at = 1; at < stream.size(); ++at) {
            GeminiParser parser;
            const ParseUpdate first = parser.feed(QByteArrayView(stream).first(at));
            const ParseUpdate second = parser.feed(QByteArrayView(stream).sliced(at));
            QVERIFY2(!first.failure && !second.failure, qPrintable(QString::number(at)));
            QCOMPARE((first.deltas + second.deltas).join(QString()), parts.join(QString()));
            QVERIFY(first.complete || second.complete);
            QCOMPARE(parser.usage(), expected);
        }
        // Over the network: every ~7 bytes plus each byte of every "\r\n\r\n" separator.
        QList<qsizetype> points;
        for (qsizetype at = 1; at < stream.size(); at += 7)
            points.append(at);
        for (qsizetype sep = stream.indexOf("\r\n\r\n"); sep >= 0; sep = stream.indexOf("\r\n\r\n", sep + 1))
            for (qsizetype offset = 1; offset <= 3; ++offset)
                points.append(sep + offset);
        QVERIFY(points.size() > 10);
        for (const qsizetype at : std::as_const(points)) {
            m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream, {at}, 1));
            const Outcome outcome = run(request());
            QVERIFY2(outcome.result.ok,
                     qPrintable(QStringLiteral("split at %1: %2").arg(at).arg(outcome.result.errorMessage)));
            QCOMPARE(outcome.deltas.join(QString()), parts.join(QString()));
            QCOMPARE(outcome.result.usage, expected);
        }
    }

    void tinyPiecesOverTheNetwork()
    {
        const QStringList parts{QStringLiteral("a"), QStringLiteral("\u00df"), QStringLiteral("\U0001F600")};
        m_loopback->server.enqueue(kStreamPath,
                                   FakeResponse::sseInPieces(GeminiFixtures::stream(parts, {4, 0, 3, 0}), 3));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.deltas, parts);
    }

    void lfSeparatedEventsAccepted()
    {
        QByteArray stream = GeminiFixtures::stream({QStringLiteral("x"), QStringLiteral("y")}, {3, 0, 2, 0});
        stream.replace("\r\n\r\n", "\n\n");
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("xy"));
    }

    void maxTokensFinishIsSuccess()
    {
        m_loopback->server.enqueue(
            kStreamPath, FakeResponse::sse(GeminiFixtures::stream({QStringLiteral("Once upon a")}, {5, 0, 64, 0},
                                                                  QStringLiteral("MAX_TOKENS"))));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.finishReason, QStringLiteral("MAX_TOKENS"));
        QCOMPARE(outcome.result.usage.output, qint64(64));
    }

    void safetyFinishIsContentFilter()
    {
        const QByteArray stream = GeminiFixtures::chunk(QStringLiteral("Here is how"), QString(),
                                                        GeminiFixtures::usage({12, 0, 0, 0}, false)) +
                                  GeminiFixtures::safetyChunk(QStringLiteral("HARM_CATEGORY_DANGEROUS_CONTENT"));
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::ContentFilter, kKey);
        QVERIFY(!outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("SAFETY"));
        QCOMPARE(outcome.result.finishReason, QStringLiteral("SAFETY"));
        QVERIFY2(outcome.result.errorMessage.contains(QLatin1String("SAFETY")),
                 qPrintable(outcome.result.errorMessage));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("HARM_CATEGORY_DANGEROUS_CONTENT (HIGH)")));
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("HARM_CATEGORY_HATE_SPEECH")));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Here is how")});
    }

    void blockedPromptIsContentFilter_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unstreamed SAFETY") << false << QStringLiteral("SAFETY");
        QTest::newRow("streamed SAFETY") << true << QStringLiteral("SAFETY");
        QTest::newRow("streamed PROHIBITED_CONTENT") << true << QStringLiteral("PROHIBITED_CONTENT");
    }
    void blockedPromptIsContentFilter()
    {
        QFETCH(bool, stream);
        QFETCH(QString, reason);
        const QByteArray blocked = GeminiFixtures::blockedPrompt(reason, QStringLiteral("HARM_CATEGORY_HARASSMENT"));
        if (stream)
            m_loopback->server.enqueue(kStreamPath, FakeResponse::sse("data: " + blocked + "\r\n\r\n"));
        else
            m_loopback->server.enqueue(kGeneratePath, FakeResponse::json(200, blocked));
        const Outcome outcome = run(request(stream));
        expectFailure(outcome, FailureClass::ContentFilter, kKey);
        QCOMPARE(outcome.result.errorCode, reason);
        QVERIFY(
            outcome.result.errorMessage.contains(QLatin1String("blocked the prompt (") + reason + QLatin1Char(')')));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("HARM_CATEGORY_HARASSMENT")));
        QVERIFY(outcome.deltas.isEmpty());
    }

    void rateLimitedHonoursRetryInfo()
    {
        m_loopback->server.enqueue(kStreamPath,
                                   FakeResponse::json(429, GeminiFixtures::rateLimited(QStringLiteral("31s"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::RateLimited, kKey);
        QCOMPARE(outcome.result.httpStatus, 429);
        QCOMPARE(outcome.result.retryAfterMs.value_or(-1), qint64(31000));
        QVERIFY(outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("RESOURCE_EXHAUSTED"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("exceeded your current quota")));
        QVERIFY(outcome.deltas.isEmpty());

        m_loopback->server.enqueue(kGeneratePath,
                                   FakeResponse::json(429, GeminiFixtures::rateLimited(QStringLiteral("1.5s"))));
        const Outcome fractional = run(request(false));
        expectFailure(fractional, FailureClass::RateLimited, kKey);
        QCOMPARE(fractional.result.retryAfterMs.value_or(-1), qint64(1500));
    }

    void contextTooLong()
    {
        m_loopback->server.enqueue(kStreamPath, FakeResponse::json(400, GeminiFixtures::contextTooLong()));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::ContextTooLong, kKey);
        QVERIFY(!outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("INVALID_ARGUMENT"));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("exceeds the maximum number of tokens")));
    }

    void invalidApiKeyIsAuthentication()
    {
        // Gemini does not echo the key; a proxy in between might, so the body carries it here.
        QByteArray body = GeminiFixtures::apiKeyInvalid();
        body.replace("Please pass a valid API key.", "Please pass a valid API key (got " + kKey.toUtf8() + ").");
        QVERIFY(body.contains(kKey.toUtf8()));
        m_loopback->server.enqueue(kStreamPath, FakeResponse::json(400, body));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Authentication, kKey);
        QCOMPARE(outcome.result.httpStatus, 400);
        QVERIFY(!outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("API_KEY_INVALID"));
        QVERIFY(outcome.result.errorMessage.startsWith(QLatin1String("authentication:")));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("API key not valid")));
        QVERIFY(outcome.result.errorMessage.contains(kKeyRef));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("[REDACTED]")));
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("SECRET")));
        QVERIFY(!outcome.result.rawErrorBody.contains("SECRET"));
        expectNoKeyInUrl();
    }

    void otherInvalidArgumentStaysValidation()
    {
        m_loopback->server.enqueue(
            kGeneratePath, FakeResponse::json(400, GeminiFixtures::errorBody(
                                                       400,
                                                       QStringLiteral("Invalid value at "
                                                                      "'generation_config.temperature' (TYPE_FLOAT)"),
                                                       QStringLiteral("INVALID_ARGUMENT"))));
        const ProviderResult refined = run(request(false)).result;
        QCOMPARE(refined.failure, FailureClass::Validation);
        QVERIFY(refined.errorMessage.startsWith(QLatin1String("validation:")));
    }

    void permissionDeniedIsAuthentication()
    {
        m_loopback->server.enqueue(
            kStreamPath,
            FakeResponse::json(403, GeminiFixtures::errorBody(403,
                                                              QStringLiteral("Method doesn't allow unregistered "
                                                                             "callers (callers without established "
                                                                             "identity)."),
                                                              QStringLiteral("PERMISSION_DENIED"))));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Authentication, kKey);
        QCOMPARE(outcome.result.errorCode, QStringLiteral("PERMISSION_DENIED"));
        QVERIFY(!outcome.result.retryable);
    }

    void serverErrorsAreTransient_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("grpcStatus");
        QTest::newRow("500 INTERNAL") << 500 << QStringLiteral("INTERNAL");
        QTest::newRow("503 UNAVAILABLE") << 503 << QStringLiteral("UNAVAILABLE");
    }
    void serverErrorsAreTransient()
    {
        QFETCH(int, status);
        QFETCH(QString, grpcStatus);
        m_loopback->server.enqueue(
            kStreamPath, FakeResponse::json(status, GeminiFixtures::errorBody(status,
                                                                              QStringLiteral("The model is overloaded. "
                                                                                             "Please try again later."),
                                                                              grpcStatus)));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Transient, kKey);
        QCOMPARE(outcome.result.httpStatus, status);
        QVERIFY(outcome.result.retryable);
        QCOMPARE(outcome.result.errorCode, grpcStatus);
        QVERIFY(!outcome.result.retryAfterMs.has_value());
    }

    void inBandErrorChunkIsNotSuccess()
    {
        const QByteArray stream =
            GeminiFixtures::chunk(QStringLiteral("Once upon"), QString(), GeminiFixtures::usage({4, 0, 0, 0}, false)) +
            "data: " +
            GeminiFixtures::errorBody(500, QStringLiteral("An internal error has occurred."),
                                      QStringLiteral("INTERNAL"))
                .replace('\n', ' ') +
            "\r\n\r\n";
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("internal error")));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Once upon")});
    }

    void cutStreamIsStreamCut_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<bool>("midEvent");
        QTest::newRow("chunked, on an event boundary") << int(FakeResponse::Framing::Chunked) << false;
        QTest::newRow("chunked, inside an event") << int(FakeResponse::Framing::Chunked) << true;
        QTest::newRow("close, on an event boundary") << int(FakeResponse::Framing::CloseDelimited) << false;
        QTest::newRow("close, inside an event") << int(FakeResponse::Framing::CloseDelimited) << true;
    }
    void cutStreamIsStreamCut()
    {
        QFETCH(int, framing);
        QFETCH(bool, midEvent);
        const QByteArray full = GeminiFixtures::stream(
            {QStringLiteral("one "), QStringLiteral("two "), QStringLiteral("three")}, {5, 0, 3, 0});
        // Cut before the chunk with the finishReason: either right after the second event or inside the third.
        const qsizetype third = full.indexOf("data: ", full.indexOf("two"));
        const qsizetype cut = midEvent ? third + 40 : third;
        FakeResponse response = FakeResponse::sse(full.left(cut), {}, 0, FakeResponse::Framing(framing));
        response.then(FakeStep::wait(20)).then(FakeStep::close());
        m_loopback->server.enqueue(kStreamPath, response);
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey);
        QCOMPARE(outcome.deltas, (QStringList{QStringLiteral("one "), QStringLiteral("two ")}));
        QVERIFY(!outcome.result.retryable);
    }

    void cleanEndWithoutFinishReasonIsStreamCut()
    {
        // The body ends properly (final chunk of a chunked response) but no chunk named a finish reason.
        const QByteArray stream =
            GeminiFixtures::chunk(QStringLiteral("half"), QString(), GeminiFixtures::usage({4, 0, 0, 0}, false));
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("finishReason")));
    }

    void finishReasonCompletesWithoutClose()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 5000;
        const QByteArray stream = GeminiFixtures::stream({QStringLiteral("done")}, {9, 0, 4, 1});
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream).then(FakeStep::stall()));
        const Outcome stalled = run(r);
        QVERIFY2(stalled.result.ok, qPrintable(stalled.result.errorMessage));
        QCOMPARE(stalled.result.usage, (Usage{9, 0, 0, 4, 1}));
        QVERIFY2(stalled.elapsedMs < 1500, qPrintable(QString::number(stalled.elapsedMs)));

        // The last event without its "\r\n\r\n", then the connection closes: still a whole answer.
        QByteArray unterminated = stream;
        unterminated.chop(4);
        m_loopback->server.enqueue(kStreamPath,
                                   FakeResponse::sse(unterminated, {}, 0, FakeResponse::Framing::CloseDelimited));
        const Outcome closed = run(r);
        QVERIFY2(closed.result.ok, qPrintable(closed.result.errorMessage));
        QCOMPARE(closed.result.text, QStringLiteral("done"));
    }

    void malformedChunkFailsWithoutLeakingText()
    {
        const QByteArray stream =
            GeminiFixtures::chunk(QStringLiteral("visible"), QString(), GeminiFixtures::usage({4, 0, 0, 0}, false)) +
            QByteArrayLiteral("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"PRIVATE-TEXT\"}\r\n\r\n") +
            GeminiFixtures::chunk(QStringLiteral("."), QStringLiteral("STOP"), GeminiFixtures::usage({4, 0, 2, 0}));
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::MalformedResponse, kKey);
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("PRIVATE-TEXT")));
    }

    void stallMidStreamIsStreamStalled()
    {
        ProviderRequest r = request();
        r.timeouts.idleMs = 200;
        const QByteArray head =
            GeminiFixtures::chunk(QStringLiteral("Hel"), QString(), GeminiFixtures::usage({4, 0, 0, 0}, false));
        m_loopback->server.enqueue(kStreamPath, FakeResponse::sse(head).then(FakeStep::stall()));
        const Outcome outcome = run(r);
        expectFailure(outcome, FailureClass::StreamStalled, kKey);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Hel")});
    }

    void cancelMidStreamIsPrompt()
    {
        FakeResponse response = FakeResponse::sse(
            GeminiFixtures::chunk(QStringLiteral("first"), QString(), GeminiFixtures::usage({4, 0, 0, 0}, false)));
        for (int i = 0; i < 10; ++i)
            response.then(FakeStep::wait(100))
                .then(FakeStep::write(GeminiFixtures::chunk(QStringLiteral(" more"), QString(),
                                                            GeminiFixtures::usage({4, 0, 0, 0}, false))));
        m_loopback->server.enqueue(kStreamPath, response);
        const Outcome outcome = run(request(), 1);
        expectFailure(outcome, FailureClass::Cancelled, kKey);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("first")});
        QVERIFY2(outcome.elapsedMs < 500, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void cancelBeforeAnyResponse()
    {
        m_loopback->server.enqueue(kStreamPath, FakeResponse::silence());
        GeminiClient client;
        ProviderCall *call = client.start(request(), &m_loopback->manager, this);
        QSignalSpy finished(call, &ProviderCall::finished);
        QVERIFY(!call->isFinished());
        call->cancel();
        call->cancel();
        QVERIFY(finished.wait(1000));
        QVERIFY(call->isFinished());
        QCOMPARE(call->result().failure, FailureClass::Cancelled);
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
        delete call;
    }

    void listsModels()
    {
        m_loopback->server.enqueue(QStringLiteral("/v1beta/models"),
                                   FakeResponse::json(200, GeminiFixtures::modelList()));
        GeminiClient client;
        ModelListCall call(client, request().provider, Secret(kKeyRef, kKey), &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        if (!call.result().ok())
            QFAIL(qPrintable(call.result().error().message));
        QCOMPARE(*call.result(), (QStringList{QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro")}));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.path, QStringLiteral("/v1beta/models"));
        QCOMPARE(sent.header("x-goog-api-key"), kKey.toUtf8());
        expectNoKeyInUrl();

        QVERIFY(!client.parseModelList(QByteArrayLiteral("{\"data\":[]}")).ok());
    }
};

QTEST_GUILESS_MAIN(TestGeminiClient)
#include "tst_geminiclient.moc"
