#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/ProviderClientFactory.h"
#include "core/providers/cohere/CohereClient.h"
#include "core/providers/cohere/CohereParser.h"
#include "tests/core/cohere/CohereFixtures.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/ProviderCallRunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kKey = QStringLiteral("co-SECRET-0123456789abcdefABCDEF");
/// A fragment of kKey that must not survive in error text even when the key was only partly redacted.
const QString kKeyMarker = QStringLiteral("SECRET");
const QString kPath = QStringLiteral("/v2/chat");
const QString kModelsPath = QStringLiteral("/v1/models");
using Tokens = CohereFixtures::Tokens;

using Outcome = Testing::CallOutcome;

}  // namespace

class TestCohereClient : public QObject {
    Q_OBJECT

private:
    std::optional<LoopbackProvider> m_loopback;

    ProviderRequest request(bool stream = true) const
    {
        ProviderSpec spec;
        spec.id = QStringLiteral("test-cohere");
        spec.kind = QStringLiteral("cohere");
        spec.baseUrl = m_loopback->server.baseUrl();
        spec.timeouts = Timeouts{2000, 3000, 2000, 8000};
        ProviderRequest r = ProviderRequest::fromProvider(spec, CohereFixtures::model());
        r.system = QStringLiteral("Be brief.");
        r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello")},
                      ChatMessage{ChatMessage::Role::Assistant, QStringLiteral("Hi!")},
                      ChatMessage{ChatMessage::Role::User, QStringLiteral("Tell me a joke")}};
        r.temperature = 0.25;
        r.topP = 0.5;
        r.topK = 40;
        r.maxOutputTokens = 64;
        r.stream = stream;
        r.apiKey = Secret(QStringLiteral("env:CO_API_KEY"), kKey);
        return r;
    }

    Outcome run(const ProviderRequest &r) { return Testing::runProviderCall(CohereClient(), r, &m_loopback->manager); }

    static QJsonObject bodyOf(const ProviderRequest &r)
    {
        const Result<PreparedRequest> prepared = CohereClient().prepare(r);
        if (!prepared.ok())
            return {};
        return QJsonDocument::fromJson(prepared->body).object();
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
        const Tokens tokens{10, 2, 4, 2};
        m_loopback->server.enqueue(
            kPath, stream ? FakeResponse::sse(CohereFixtures::stream({QStringLiteral("Hi")}, tokens))
                          : FakeResponse::json(200, CohereFixtures::response(QStringLiteral("Hi"), tokens)));
        const Outcome outcome = run(request(stream));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("Hi"));

        QCOMPARE(m_loopback->server.requestCount(), 1);
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, kPath);
        QVERIFY(sent.query.isEmpty());
        QCOMPARE(sent.header("Authorization"), QByteArray("Bearer ") + kKey.toUtf8());
        QVERIFY(sent.header("Content-Type").startsWith("application/json"));
        QCOMPARE(sent.header("Accept"), stream ? QByteArray("text/event-stream") : QByteArray("application/json"));
        // The key travels in the Authorization header only.
        QVERIFY(!sent.body.contains(kKey.toUtf8()));
        int headersWithKey = 0;
        for (const auto &header : sent.headers)
            headersWithKey += header.second.contains(kKey.toUtf8()) ? 1 : 0;
        QCOMPARE(headersWithKey, 1);

        const QJsonObject body = sent.json();
        QCOMPARE(body.value(QLatin1String("model")).toString(), CohereFixtures::model());
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        const QStringList roles{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant"),
                                QStringLiteral("user")};
        const QStringList contents{QStringLiteral("Be brief."), QStringLiteral("Hello"), QStringLiteral("Hi!"),
                                   QStringLiteral("Tell me a joke")};
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const QJsonObject message = messages.at(i).toObject();
            QCOMPARE(message.value(QLatin1String("role")).toString(), roles.at(i));
            QCOMPARE(message.value(QLatin1String("content")).toString(), contents.at(i));
        }
        QVERIFY(!body.contains(QLatin1String("system")));
        QVERIFY(!body.contains(QLatin1String("preamble")));  // the v1 spelling
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 64);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.25);
        QCOMPARE(body.value(QLatin1String("p")).toDouble(), 0.5);
        QCOMPARE(body.value(QLatin1String("k")).toInt(), 40);
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), stream);
        for (const char *foreign : {"top_p", "top_k", "max_completion_tokens", "stream_options"})
            QVERIFY2(!body.contains(QLatin1String(foreign)), foreign);
    }

    void systemMessagesFoldIntoOneLeadingMessage()
    {
        // Cohere rejects a system turn anywhere but first: conversation system messages join the instruction.
        ProviderRequest r = request(false);
        r.messages.insert(1, ChatMessage{ChatMessage::Role::System, QStringLiteral("Answer in French.")});
        QJsonArray messages = bodyOf(r).value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("Be brief.\n\nAnswer in French."));
        for (qsizetype i = 1; i < messages.size(); ++i)
            QVERIFY(messages.at(i).toObject().value(QLatin1String("role")).toString() != QLatin1String("system"));

        // Without any system text there is no system message at all.
        r.system.clear();
        r.messages.removeAt(1);
        messages = bodyOf(r).value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    }

    void unsetParametersAreLeftOut()
    {
        ProviderRequest r = request(false);
        r.maxOutputTokens.reset();
        r.temperature.reset();
        r.topP.reset();
        r.topK.reset();
        const QJsonObject body = bodyOf(r);
        QVERIFY(!body.isEmpty());
        for (const char *key : {"max_tokens", "temperature", "p", "k"})
            QVERIFY2(!body.contains(QLatin1String(key)), key);
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), false);
    }

    void endpointsAndDefaults_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("chat");
        QTest::addColumn<QString>("models");
        QTest::newRow("default") << QString() << QStringLiteral("https://api.cohere.com/v2/chat")
                                 << QStringLiteral("https://api.cohere.com/v1/models?endpoint=chat&page_size=1000");
        QTest::newRow("sdk style /v2/") << QStringLiteral("https://api.cohere.com/v2/")
                                        << QStringLiteral("https://api.cohere.com/v2/chat")
                                        << QStringLiteral(
                                               "https://api.cohere.com/v1/models?endpoint=chat&page_size=1000");
        QTest::newRow("/v1") << QStringLiteral("https://api.cohere.ai/v1")
                             << QStringLiteral("https://api.cohere.ai/v2/chat")
                             << QStringLiteral("https://api.cohere.ai/v1/models?endpoint=chat&page_size=1000");
        QTest::newRow("gateway prefix") << QStringLiteral("https://gw.example.com/cohere")
                                        << QStringLiteral("https://gw.example.com/cohere/v2/chat")
                                        << QStringLiteral(
                                               "https://gw.example.com/cohere/v1/models?endpoint=chat&page_size=1000");
    }
    void endpointsAndDefaults()
    {
        QFETCH(QString, baseUrl);
        QFETCH(QString, chat);
        QFETCH(QString, models);
        ProviderRequest r = request();
        r.provider.baseUrl = baseUrl;
        const Result<PreparedRequest> prepared = CohereClient().prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().toString(), chat);
        const Result<PreparedRequest> list = CohereClient().prepareModelList(r.provider, r.apiKey);
        QVERIFY(list.ok());
        QCOMPARE(list->request.url().toString(), models);
        QCOMPARE(list->request.rawHeader("Authorization"), QByteArray("Bearer ") + kKey.toUtf8());
    }

    void factoryServesCohere()
    {
        QVERIFY(ProviderClientFactory::supportedKinds().contains(QStringLiteral("cohere")));
        const auto client = ProviderClientFactory::create(QStringLiteral("cohere"));
        QVERIFY(client);
        QCOMPARE(client->kind(), QStringLiteral("cohere"));
        QVERIFY(dynamic_cast<CohereClient *>(client.get()));
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
        // As api.cohere.com reports it: 186 tokens processed (Cohere's prompt template included), 21 billed.
        const Tokens tokens{186, 105, 21, 105};
        const QStringList parts{QStringLiteral("Coca"), QStringLiteral("-Cola is "), QStringLiteral("a soft drink.")};
        m_loopback->server.enqueue(kPath,
                                   FakeResponse::json(200, CohereFixtures::response(parts.join(QString()), tokens)));
        m_loopback->server.enqueue(kPath, FakeResponse::sse(CohereFixtures::stream(parts, tokens)));
        const Outcome whole = run(request(false));
        const Outcome streamed = run(request(true));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QVERIFY2(streamed.result.ok, qPrintable(streamed.result.errorMessage));
        QCOMPARE(streamed.deltas, parts);
        QCOMPARE(whole.deltas, QStringList{parts.join(QString())});
        QCOMPARE(streamed.result.text, whole.result.text);
        QCOMPARE(streamed.result.usage, whole.result.usage);
        // usage.tokens wins over billed_units.
        const Usage expected{186, 0, 0, 105, 0};
        QCOMPARE(whole.result.usage, expected);
        QVERIFY(whole.result.usageReported);
        QVERIFY(streamed.result.usageReported);
        QCOMPARE(streamed.result.finishReason, QStringLiteral("COMPLETE"));
        QCOMPARE(whole.result.finishReason, QStringLiteral("COMPLETE"));
        QVERIFY(streamed.result.streamed);
        QVERIFY(!whole.result.streamed);
        QCOMPARE(streamed.firstTokenSignals, 1);
        QCOMPARE(whole.firstTokenSignals, 1);
        QVERIFY(streamed.result.ttftMs >= 0);
        QVERIFY(streamed.result.ttftMs <= streamed.result.latencyMs);
        QCOMPARE(streamed.result.httpStatus, 200);
    }

    void usageFallsBackToBilledUnits()
    {
        auto usage = [](const char *json) {
            return CohereParser::normaliseUsage(QJsonDocument::fromJson(json).object());
        };
        QCOMPARE(usage(R"({"billed_units":{"input_tokens":21,"output_tokens":105}})"), (Usage{21, 0, 0, 105, 0}));
        QCOMPARE(usage(R"({"billed_units":{"input_tokens":21,"output_tokens":105},"tokens":{"input_tokens":186}})"),
                 (Usage{186, 0, 0, 105, 0}));
        QCOMPARE(usage(R"({"billed_units":{"input_tokens":3.0,"output_tokens":-4},"tokens":{}})"),
                 (Usage{3, 0, 0, 0, 0}));
        QCOMPARE(usage("{}"), Usage{});

        // A message-end without usage: the answer stands, its usage is unknown.
        CohereParser parser;
        const ParseUpdate update = parser.feed(
            CohereFixtures::messageStart() + CohereFixtures::contentStart(0) +
            CohereFixtures::contentDelta(0, QStringLiteral("x")) + CohereFixtures::contentEnd(0) +
            CohereFixtures::event("message-end", R"({"type":"message-end","delta":{"finish_reason":"COMPLETE"}})"));
        QVERIFY(update.complete);
        QVERIFY(!parser.usageReported());
        QCOMPARE(parser.text(), QStringLiteral("x"));
    }

    void splitStreamsGiveSameAnswer()
    {
        const Tokens tokens{17, 9, 7, 9};
        const QStringList parts{QStringLiteral("H\u00e9"), QStringLiteral(" \u4e16\u754c"),
                                QStringLiteral("\U0001F600!")};
        const QByteArray stream = CohereFixtures::stream(parts, tokens);
        const Usage expected{17, 0, 0, 9, 0};
        // The parser on its own, at every byte offset (cheap: no network).
        for (qsizetype at = 1; at < stream.size(); ++at) {
            CohereParser parser;
            const ParseUpdate first = parser.feed(QByteArrayView(stream).first(at));
            const ParseUpdate second = parser.feed(QByteArrayView(stream).sliced(at));
            QVERIFY2(!first.failure && !second.failure, qPrintable(QString::number(at)));
            QCOMPARE((first.deltas + second.deltas).join(QString()), parts.join(QString()));
            QVERIFY2(second.complete, qPrintable(QString::number(at)));
            QCOMPARE(parser.text(), parts.join(QString()));
            QCOMPARE(parser.usage(), expected);
            QCOMPARE(parser.finishReason(), QStringLiteral("COMPLETE"));
        }
        // Over the network: two HTTP chunks 1 ms apart, split every 11 bytes.
        for (qsizetype at = 1; at < stream.size(); at += 11) {
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
        QCOMPARE(pieces.result.usage, expected);
    }

    void eventsWithoutEventLinesStillParse()
    {
        // A proxy that drops "event:" lines: the data's "type" is enough.
        QByteArray stream = CohereFixtures::stream({QStringLiteral("plain")}, Tokens{3, 1, 3, 1});
        stream.replace("event: message-start\n", "")
            .replace("event: content-start\n", "")
            .replace("event: content-delta\n", "")
            .replace("event: content-end\n", "")
            .replace("event: message-end\n", "");
        QVERIFY(!stream.contains("event:"));
        CohereParser parser;
        const ParseUpdate update = parser.feed(stream);
        QVERIFY(!update.failure);
        QVERIFY(update.complete);
        QCOMPARE(update.deltas, QStringList{QStringLiteral("plain")});
    }

    void thinkingIsNotAnswerText()
    {
        const Tokens tokens{30, 25, 30, 25};
        const QByteArray stream = CohereFixtures::messageStart() + CohereFixtures::contentStart(0, "thinking") +
                                  CohereFixtures::thinkingDelta(0, QStringLiteral("Let me think about chickens.")) +
                                  CohereFixtures::contentEnd(0) + CohereFixtures::contentStart(1) +
                                  CohereFixtures::contentDelta(1, QStringLiteral("To get across.")) +
                                  CohereFixtures::contentEnd(1) +
                                  CohereFixtures::messageEnd(QStringLiteral("COMPLETE"), tokens);
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("To get across."));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("To get across.")});

        QByteArray body = CohereFixtures::response(QStringLiteral("Answer."), tokens);
        body.replace("\"content\":[", "\"content\":[{\"type\":\"thinking\",\"thinking\":\"hidden\"},");
        QVERIFY(body.contains("hidden"));
        m_loopback->server.enqueue(kPath, FakeResponse::json(200, body));
        const Outcome whole = run(request(false));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QCOMPARE(whole.result.text, QStringLiteral("Answer."));
    }

    void maxTokensFinishIsSuccess_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("unstreamed") << false;
        QTest::newRow("streamed") << true;
    }
    void maxTokensFinishIsSuccess()
    {
        QFETCH(bool, stream);
        const Tokens tokens{5, 64, 5, 64};
        const QString reason = QStringLiteral("MAX_TOKENS");
        m_loopback->server.enqueue(
            kPath,
            stream ? FakeResponse::sse(CohereFixtures::stream({QStringLiteral("Once upon a")}, tokens, reason))
                   : FakeResponse::json(200, CohereFixtures::response(QStringLiteral("Once upon a"), tokens, reason)));
        const Outcome outcome = run(request(stream));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.finishReason, reason);
        QCOMPARE(outcome.result.text, QStringLiteral("Once upon a"));
        QCOMPARE(outcome.result.usage.output, qint64(64));
    }

    void inBandErrorsAreFailures_data()
    {
        QTest::addColumn<QString>("finishReason");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("ERROR with message") << QStringLiteral("ERROR") << QStringLiteral("internal model failure")
                                            << int(FailureClass::StreamCut) << QStringLiteral("internal model failure");
        QTest::newRow("ERROR bare") << QStringLiteral("ERROR") << QString() << int(FailureClass::StreamCut)
                                    << QStringLiteral("finish_reason ERROR");
        QTest::newRow("TIMEOUT") << QStringLiteral("TIMEOUT") << QString() << int(FailureClass::StreamCut)
                                 << QStringLiteral("finish_reason TIMEOUT");
        QTest::newRow("error next to COMPLETE")
            << QStringLiteral("COMPLETE") << QStringLiteral("generation interrupted") << int(FailureClass::StreamCut)
            << QStringLiteral("generation interrupted");
        QTest::newRow("too long") << QStringLiteral("ERROR")
                                  << QStringLiteral("too many tokens: total number of tokens in the prompt cannot "
                                                    "exceed 128000 - received 130211")
                                  << int(FailureClass::ContextTooLong) << QStringLiteral("too many tokens");
    }
    void inBandErrorsAreFailures()
    {
        QFETCH(QString, finishReason);
        QFETCH(QString, error);
        QFETCH(int, failure);
        QFETCH(QString, mentions);
        const Tokens tokens{9, 4, 9, 4};
        const QByteArray stream = CohereFixtures::messageStart() + CohereFixtures::contentStart(0) +
                                  CohereFixtures::contentDelta(0, QStringLiteral("Once upon")) +
                                  CohereFixtures::contentEnd(0) +
                                  CohereFixtures::messageEnd(finishReason, tokens, error) +
                                  CohereFixtures::contentDelta(0, QStringLiteral(" never"));
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass(failure), kKey, kKeyMarker);
        QCOMPARE(outcome.result.errorCode, CohereParser::isFailedFinish(finishReason) ? finishReason : QString());
        QVERIFY2(outcome.result.errorMessage.contains(mentions), qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("Once upon")});
        QVERIFY(!outcome.result.text.contains(QLatin1String("never")));
        QCOMPARE(outcome.result.finishReason, finishReason);
        // What the failed call consumed is still reported.
        QVERIFY(outcome.result.usageReported);
        QCOMPARE(outcome.result.usage, (Usage{9, 0, 0, 4, 0}));
    }

    void errorDocumentsInsideSuccessfulResponses()
    {
        // Cohere's {"id","message"} error arriving as an event of a 200 stream.
        const QByteArray stream = CohereFixtures::messageStart() + CohereFixtures::contentStart(0) +
                                  CohereFixtures::contentDelta(0, QStringLiteral("Once")) +
                                  "data: " + CohereFixtures::errorBody(QStringLiteral("internal server error")) +
                                  "\n\n" + CohereFixtures::contentDelta(0, QStringLiteral(" never"));
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome streamed = run(request());
        expectFailure(streamed, FailureClass::StreamCut, kKey, kKeyMarker);
        QVERIFY(streamed.result.errorMessage.contains(QLatin1String("internal server error")));
        QCOMPARE(streamed.deltas, QStringList{QStringLiteral("Once")});

        // The same document as a whole 200 body, to a streaming and to an unstreamed request.
        for (bool stream : {true, false}) {
            m_loopback->server.enqueue(
                kPath, FakeResponse::json(200, CohereFixtures::errorBody(QStringLiteral("internal server error"))));
            const Outcome whole = run(request(stream));
            expectFailure(whole, FailureClass::StreamCut, kKey, kKeyMarker);
            QVERIFY(whole.result.errorMessage.contains(QLatin1String("internal server error")));
            QVERIFY(whole.deltas.isEmpty());
        }

        // An unstreamed answer whose finish_reason is ERROR is no answer.
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(200, CohereFixtures::response(QStringLiteral("partial"), Tokens{4, 1, 4, 1},
                                                                    QStringLiteral("ERROR"))));
        const Outcome failed = run(request(false));
        expectFailure(failed, FailureClass::StreamCut, kKey, kKeyMarker);
        QCOMPARE(failed.result.errorCode, QStringLiteral("ERROR"));
        QVERIFY(failed.deltas.isEmpty());

        // And a whole answer to a streaming request is an answer.
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(200, CohereFixtures::response(QStringLiteral("whole"), Tokens{6, 2, 3, 2})));
        const Outcome whole = run(request());
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QCOMPARE(whole.deltas, QStringList{QStringLiteral("whole")});
        QCOMPARE(whole.result.usage, (Usage{6, 0, 0, 2, 0}));
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("failure");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("400") << 400
                             << QStringLiteral("invalid request: cannot specify both frequency_penalty and "
                                               "presence_penalty.")
                             << int(FailureClass::Validation) << false;
        QTest::newRow("400 max tokens")
            << 400
            << QStringLiteral("too many tokens: max tokens must be less than or equal to 4096, the maximum output "
                              "for this model - received 8192.")
            << int(FailureClass::Validation) << false;
        QTest::newRow("400 context too long")
            << 400
            << QStringLiteral("too many tokens: total number of tokens in the prompt cannot exceed 4081 - received "
                              "4292. Try using a shorter prompt, or enabling prompt truncating.")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("401") << 401 << QStringLiteral("invalid api token") << int(FailureClass::Authentication)
                             << false;
        QTest::newRow("402") << 402 << QStringLiteral("Please add or update your payment method")
                             << int(FailureClass::InsufficientQuota) << false;
        QTest::newRow("404") << 404
                             << QStringLiteral("model 'command-x' not found, make sure the correct model ID "
                                               "was used")
                             << int(FailureClass::Validation) << false;
        QTest::newRow("498 invalid token")
            << 498 << QStringLiteral("invalid api token") << int(FailureClass::Authentication) << false;
        QTest::newRow("499 cancelled") << 499 << QStringLiteral("request cancelled") << int(FailureClass::Transient)
                                       << true;
        QTest::newRow("500") << 500
                             << QStringLiteral("internal server error, this has been reported to our "
                                               "developers")
                             << int(FailureClass::Transient) << true;
        QTest::newRow("503") << 503 << QStringLiteral("service unavailable") << int(FailureClass::Transient) << true;
    }
    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(int, failure);
        QFETCH(bool, retryable);
        m_loopback->server.enqueue(kPath, FakeResponse::json(status, CohereFixtures::errorBody(message)));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass(failure), kKey, kKeyMarker);
        QCOMPARE(outcome.result.httpStatus, status);
        QCOMPARE(outcome.result.retryable, retryable);
        QVERIFY2(outcome.result.errorMessage.contains(message), qPrintable(outcome.result.errorMessage));
        QVERIFY(outcome.result.rawErrorBody.contains(message.toUtf8()));
        QVERIFY(outcome.deltas.isEmpty());
        QVERIFY(outcome.result.text.isEmpty());
    }

    void rateLimitedWithRetryAfter()
    {
        m_loopback->server.enqueue(kPath,
                                   FakeResponse::json(429,
                                                      CohereFixtures::errorBody(QStringLiteral(
                                                          "You are past the per minute request limit, please wait and "
                                                          "try again later.")),
                                                      {{"Retry-After", "7"}}));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::RateLimited, kKey, kKeyMarker);
        QCOMPARE(outcome.result.httpStatus, 429);
        QCOMPARE(outcome.result.retryAfterMs.value_or(-1), qint64(7000));
        QVERIFY(outcome.result.retryable);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("per minute request limit")));
    }

    void authenticationErrorNeverLeaksKey()
    {
        // A careless proxy might echo the key and the header holding it.
        const QString message = QStringLiteral("invalid api token %1 (Authorization: Bearer %1)").arg(kKey);
        m_loopback->server.enqueue(kPath, FakeResponse::json(401, CohereFixtures::errorBody(message)));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::Authentication, kKey, kKeyMarker);
        QVERIFY(!outcome.result.retryable);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("invalid api token")));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("[REDACTED]")));
        QVERIFY(outcome.result.rawErrorBody.contains("[REDACTED]"));
        QVERIFY(!outcome.result.rawErrorBody.contains("SECRET"));
    }

    void cutStreamIsStreamCut_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<QByteArray>("cutBefore");
        QTest::newRow("chunked, inside a delta") << int(FakeResponse::Framing::Chunked) << QByteArray("two");
        QTest::newRow("close, before message-end")
            << int(FakeResponse::Framing::CloseDelimited) << QByteArray("event: message-end");
        QTest::newRow("chunked, before message-end")
            << int(FakeResponse::Framing::Chunked) << QByteArray("event: message-end");
        QTest::newRow("content-length, inside message-end")
            << int(FakeResponse::Framing::ContentLength) << QByteArray("\"usage\"");
    }
    void cutStreamIsStreamCut()
    {
        QFETCH(int, framing);
        QFETCH(QByteArray, cutBefore);
        const QByteArray full = CohereFixtures::stream(
            {QStringLiteral("one "), QStringLiteral("two "), QStringLiteral("three")}, Tokens{5, 3, 5, 3});
        const qsizetype cut = full.indexOf(cutBefore);
        QVERIFY(cut > 0);
        FakeResponse response = FakeResponse::sse(full.left(cut), {}, 0, FakeResponse::Framing(framing));
        response.then(FakeStep::wait(20)).then(FakeStep::close());
        m_loopback->server.enqueue(kPath, response);
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kKey, kKeyMarker);
        QVERIFY(!outcome.deltas.isEmpty());
        QCOMPARE(outcome.deltas.first(), QStringLiteral("one "));
        QVERIFY(!outcome.result.usageReported);
    }

    void messageEndWithoutBlankLineIsComplete()
    {
        QByteArray stream = CohereFixtures::stream({QStringLiteral("x")}, Tokens{1, 1, 1, 1});
        stream.chop(2);  // EOF right after message-end's data line
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream, {}, 0, FakeResponse::Framing::CloseDelimited));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("x"));
        QCOMPARE(outcome.result.usage, (Usage{1, 0, 0, 1, 0}));

        // A stream that never started is cut as well, and says so.
        CohereParser parser;
        QVERIFY(!parser.feed(": keep-alive\n\n").failure);
        QCOMPARE(parser.activityCount(), qint64(1));
        const ParseUpdate end = parser.finishStream();
        QVERIFY(end.failure);
        QCOMPARE(end.failure->failure, FailureClass::StreamCut);
        QVERIFY(end.failure->message.contains(QLatin1String("message-start")));
    }

    void malformedChunkNeverLeaks()
    {
        const QByteArray stream =
            CohereFixtures::messageStart() + CohereFixtures::contentStart(0) +
            CohereFixtures::contentDelta(0, QStringLiteral("visible")) +
            QByteArrayLiteral("event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":0,\"delta\":"
                              "{\"message\":{\"content\":{\"text\":\"PRIVATE\"\n\n") +
            CohereFixtures::contentDelta(0, QStringLiteral(" after")) +
            CohereFixtures::messageEnd(QStringLiteral("COMPLETE"), Tokens{3, 2, 3, 2});
        m_loopback->server.enqueue(kPath, FakeResponse::sse(stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::MalformedResponse, kKey, kKeyMarker);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("visible")});
        QVERIFY(!outcome.result.text.contains(QLatin1String("PRIVATE")));
        QVERIFY(!outcome.result.text.contains(QLatin1String("after")));
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("PRIVATE")));

        // An unstreamed body that is not a chat response.
        m_loopback->server.enqueue(
            kPath, FakeResponse::json(200, QByteArrayLiteral("{\"id\":\"x\",\"finish_reason\":\"COMPLETE\"}")));
        const Outcome whole = run(request(false));
        expectFailure(whole, FailureClass::MalformedResponse, kKey, kKeyMarker);
    }

    void listsModels()
    {
        m_loopback->server.enqueue(
            kModelsPath,
            FakeResponse::json(
                200,
                R"({"models":[{"name":"command-a-03-2025","endpoints":["generate","chat","summarize"],"finetuned":false,"context_length":256000,"default_endpoints":["chat"]},{"name":"command-r7b-12-2024","endpoints":["generate","chat","summarize"],"finetuned":false,"context_length":132000,"default_endpoints":[]}],"next_page_token":null})"));
        CohereClient client;
        ModelListCall call(client, request().provider, Secret(QStringLiteral("env:CO_API_KEY"), kKey),
                           &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(call.result().ok(), qPrintable(call.result().ok() ? QString() : call.result().error().message));
        QCOMPARE(*call.result(),
                 (QStringList{QStringLiteral("command-a-03-2025"), QStringLiteral("command-r7b-12-2024")}));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.path, kModelsPath);
        QCOMPARE(sent.queryItem(QStringLiteral("endpoint")), QStringLiteral("chat"));
        QCOMPARE(sent.queryItem(QStringLiteral("page_size")), QStringLiteral("1000"));
        QCOMPARE(sent.header("Authorization"), QByteArray("Bearer ") + kKey.toUtf8());
        QVERIFY(!sent.query.contains(kKey));
        // An OpenAI-shaped list is not a Cohere one.
        QVERIFY(!client.parseModelList(QByteArrayLiteral("{\"data\":[{\"id\":\"x\"}]}")).ok());
    }

    void modelListAuthFailureIsRedacted()
    {
        m_loopback->server.enqueue(
            kModelsPath,
            FakeResponse::json(498, CohereFixtures::errorBody(QStringLiteral("invalid api token ") + kKey)));
        CohereClient client;
        ModelListCall call(client, request().provider, Secret(QStringLiteral("env:CO_API_KEY"), kKey),
                           &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(!call.result().ok());
        QVERIFY(call.result().error().message.contains(QLatin1String("authentication")));
        QVERIFY(!call.result().error().message.contains(kKey));
        QVERIFY(!call.result().error().message.contains(QLatin1String("SECRET")));
    }
};

QTEST_GUILESS_MAIN(TestCohereClient)
#include "tst_cohereclient.moc"
