#include "core/providers/bedrock/BedrockClient.h"
#include "core/providers/bedrock/BedrockConverseParser.h"
#include "core/providers/bedrock/BedrockStreamParser.h"
#include "core/providers/client/HttpErrorClassifier.h"
#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/ProviderClientFactory.h"
#include "core/providers/wire/SigV4Request.h"
#include "core/providers/wire/SigV4Signer.h"
#include "tests/core/bedrock/BedrockFixtures.h"
#include "tests/support/LoopbackProvider.h"
#include "tests/support/ProviderCallRunner.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QtTest>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kAccessKey = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
const QString kSecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY");
/// A fragment of kSecretKey that must not survive in error text even when the key was only partly redacted.
const QString kSecretKeyMarker = QStringLiteral("SECRETKEY");
const QString kSessionToken = QStringLiteral("IQoJb3JpZ2luX2VjEXAMPLETOKEN/abc+def==");
const QString kRegion = QStringLiteral("us-east-1");
const QDateTime kNow(QDate(2026, 11, 22), QTime(23, 5, 9), QTimeZone::utc());
using Tokens = BedrockFixtures::Tokens;

using Outcome = Testing::CallOutcome;

Wire::SigV4Credentials credentials(bool withToken)
{
    return Wire::SigV4Credentials{kAccessKey, kSecretKey, withToken ? kSessionToken : QString()};
}

/// Signs what the server received, from the bytes it received, the way AWS checks a signature.
Wire::SigV4Signer::Signature resign(const RecordedRequest &sent, const Wire::SigV4Credentials &credentials,
                                    const QString &region)
{
    Wire::SigV4Request request = Wire::SigV4Request::fromTarget(sent.method, sent.target, sent.body);
    request.headers.append({QByteArrayLiteral("Host"), sent.header("Host")});
    if (sent.hasHeader("Content-Type"))
        request.headers.append({QByteArrayLiteral("Content-Type"), sent.header("Content-Type")});
    const Result<Wire::SigV4Signer::Signature> signature =
        Wire::SigV4Signer(credentials, region, QStringLiteral("bedrock")).sign(request, kNow);
    return signature ? *signature : Wire::SigV4Signer::Signature();
}

/// The parser fed @p stream in the pieces that end at @p cuts.
struct Fed {
    QString text;
    Usage usage;
    QString finishReason;
    bool complete = false;
    bool failed = false;
    bool usageReported = false;
};

Fed feedInPieces(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    BedrockStreamParser parser;
    Fed fed;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(stream.size());
    for (qsizetype end : ends) {
        const ParseUpdate update = parser.feed(QByteArrayView(stream).sliced(from, end - from));
        fed.text += update.deltas.join(QString());
        fed.failed = fed.failed || update.failure.has_value();
        fed.complete = fed.complete || update.complete;
        from = end;
    }
    fed.usage = parser.usage();
    fed.finishReason = parser.finishReason();
    fed.usageReported = parser.usageReported();
    return fed;
}

}  // namespace

class TestBedrockClient : public QObject {
    Q_OBJECT

private:
    std::optional<LoopbackProvider> m_loopback;

    ProviderSpec spec() const
    {
        ProviderSpec spec;
        spec.id = QStringLiteral("test-bedrock");
        spec.kind = QStringLiteral("bedrock");
        spec.baseUrl = m_loopback->server.baseUrl();
        spec.region = kRegion;
        spec.timeouts = Timeouts{2000, 3000, 2000, 8000};
        return spec;
    }

    ProviderRequest request(bool stream = true, bool withToken = false) const
    {
        ProviderRequest r = ProviderRequest::fromProvider(spec(), BedrockFixtures::model());
        r.system = QStringLiteral("Be brief.");
        r.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Hello")},
                      ChatMessage{ChatMessage::Role::Assistant, QStringLiteral("Hi!")},
                      ChatMessage{ChatMessage::Role::User, QStringLiteral("Tell me a joke")}};
        r.temperature = 0.25;
        r.topP = 0.5;
        r.topK = 40;
        r.maxOutputTokens = 64;
        r.stream = stream;
        const QString key =
            kAccessKey + QLatin1Char(':') + kSecretKey + (withToken ? QLatin1Char(':') + kSessionToken : QString());
        r.apiKey = Secret(QStringLiteral("env:BEDROCK_CREDENTIALS"), key);
        return r;
    }

    Outcome run(const ProviderRequest &r)
    {
        return Testing::runProviderCall(BedrockClient([] { return kNow; }), r, &m_loopback->manager);
    }

private Q_SLOTS:
    void init()
    {
        m_loopback.emplace();
        QVERIFY(m_loopback->start());
    }
    void cleanup() { m_loopback.reset(); }

    void factoryKnowsBedrock()
    {
        QVERIFY(ProviderClientFactory::supportedKinds().contains(QStringLiteral("bedrock")));
        const std::unique_ptr<ProviderClient> client = ProviderClientFactory::create(QStringLiteral("bedrock"));
        QVERIFY(client);
        QCOMPARE(client->kind(), QStringLiteral("bedrock"));
    }

    void requestIsSignedAndShaped_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("converse") << false;
        QTest::newRow("converse-stream") << true;
    }
    void requestIsSignedAndShaped()
    {
        QFETCH(bool, stream);
        const Tokens tokens{10, 2, 0, 0};
        m_loopback->server.enqueue(
            BedrockFixtures::path(stream),
            stream ? FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()),
                                            BedrockFixtures::stream({QStringLiteral("Hi")}, tokens))
                   : FakeResponse::json(200, BedrockFixtures::converse(QStringLiteral("Hi"), tokens)));
        const Outcome outcome = run(request(stream));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("Hi"));

        QCOMPARE(m_loopback->server.requestCount(), 1);
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        // The ':' of the model id goes on the wire encoded exactly once.
        const QByteArray leaf = stream ? QByteArrayLiteral("converse-stream") : QByteArrayLiteral("converse");
        QCOMPARE(sent.target, "/model/deepseek.r1-v1%3A0/" + leaf);
        QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(sent.header("Accept"),
                 stream ? QByteArray("application/vnd.amazon.eventstream") : QByteArray("application/json"));
        QCOMPARE(sent.header("X-Amz-Date"), QByteArray("20261122T230509Z"));
        QVERIFY(!sent.hasHeader("X-Amz-Security-Token"));

        // The Authorization header is exactly what SigV4 gives for the bytes the server received.
        const QByteArray authorization = sent.header("Authorization");
        QVERIFY(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/"
                                         "bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
                                         "Signature="));
        const Wire::SigV4Signer::Signature expected = resign(sent, credentials(false), kRegion);
        QCOMPARE(authorization, expected.authorization);
        QVERIFY2(expected.canonicalRequest.startsWith("POST\n/model/deepseek.r1-v1%253A0/" + leaf + "\n\n"),
                 expected.canonicalRequest.constData());
        // The secret key itself never travels.
        for (const auto &header : sent.headers)
            QVERIFY(!header.second.contains(kSecretKey.toUtf8()));
        QVERIFY(!sent.body.contains(kSecretKey.toUtf8()));

        const QJsonObject body = sent.json();
        QVERIFY(!body.contains(QStringLiteral("model")));  // the model is in the path only
        QCOMPARE(body.value(QStringLiteral("system")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Be brief.")}}}));
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                              {QStringLiteral("content"),
                               QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Hello")}}}}}));
        QCOMPARE(messages.at(1).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(messages.at(2)
                     .toObject()
                     .value(QStringLiteral("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("text")),
                 QJsonValue(QStringLiteral("Tell me a joke")));
        const QJsonObject inference = body.value(QStringLiteral("inferenceConfig")).toObject();
        QCOMPARE(inference.value(QStringLiteral("maxTokens")).toInt(), 64);
        QCOMPARE(inference.value(QStringLiteral("temperature")).toDouble(), 0.25);
        QCOMPARE(inference.value(QStringLiteral("topP")).toDouble(), 0.5);
        QCOMPARE(body.value(QStringLiteral("additionalModelRequestFields")).toObject(),
                 (QJsonObject{{QStringLiteral("top_k"), 40}}));
    }

    void optionalFieldsAreLeftOut()
    {
        ProviderRequest r = request(false);
        r.system.clear();
        r.topK.reset();
        r.temperature.reset();
        r.topP.reset();
        r.maxOutputTokens.reset();
        r.messages.prepend(ChatMessage{ChatMessage::Role::System, QStringLiteral("Folded.")});
        const BedrockClient client([] { return kNow; });
        const Result<PreparedRequest> prepared = client.prepare(r);
        QVERIFY(prepared.ok());
        const QJsonObject body = QJsonDocument::fromJson(prepared->body).object();
        QVERIFY(!body.contains(QStringLiteral("additionalModelRequestFields")));
        QVERIFY(!body.contains(QStringLiteral("inferenceConfig")));
        // A system message of the conversation becomes a system block, never a message.
        QCOMPARE(body.value(QStringLiteral("system")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Folded.")}}}));
        QCOMPARE(body.value(QStringLiteral("messages")).toArray().size(), 3);

        r.messages = {ChatMessage{ChatMessage::Role::System, QStringLiteral("only system")}};
        QVERIFY(!client.prepare(r).ok());
    }

    void awsEndpointsAndRegion()
    {
        const BedrockClient client([] { return kNow; });
        ProviderRequest r = request(true);
        r.provider.baseUrl.clear();
        Result<PreparedRequest> prepared = client.prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(
            prepared->request.url().toEncoded(),
            QByteArray("https://bedrock-runtime.us-east-1.amazonaws.com/model/deepseek.r1-v1%3A0/converse-stream"));

        // The request's region wins over the provider's, in the host and in the credential scope.
        r.region = QStringLiteral("ap-south-1");
        r.stream = false;
        prepared = client.prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().host(), QStringLiteral("bedrock-runtime.ap-south-1.amazonaws.com"));
        QVERIFY(prepared->request.rawHeader("Authorization").contains("/20261122/ap-south-1/bedrock/aws4_request"));

        // An ARN keeps its '/' and ':' encoded inside one path segment.
        r.model = QStringLiteral("arn:aws:bedrock:ap-south-1:123456789012:inference-profile/apac.anthropic.claude");
        prepared = client.prepare(r);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->request.url().path(QUrl::FullyEncoded),
                 QStringLiteral("/model/arn%3Aaws%3Abedrock%3Aap-south-1%3A123456789012%3Ainference-profile%2F"
                                "apac.anthropic.claude/converse"));

        r.region.clear();
        r.provider.region.clear();
        const Result<PreparedRequest> noRegion = client.prepare(r);
        QVERIFY(!noRegion.ok());
        QVERIFY(noRegion.error().message.contains(QLatin1String("region")));
        r.region = QStringLiteral("evil.example.com/x");
        QVERIFY(!client.prepare(r).ok());

        const Result<PreparedRequest> list = client.prepareModelList(spec(), r.apiKey);
        QVERIFY(list.ok());
        QVERIFY(list->request.url().toString().startsWith(m_loopback->server.baseUrl()));
        ProviderSpec aws = spec();
        aws.baseUrl.clear();
        aws.region = QStringLiteral("eu-west-3");
        const Result<PreparedRequest> awsList = client.prepareModelList(aws, r.apiKey);
        QVERIFY(awsList.ok());
        QCOMPARE(awsList->request.url().toString(),
                 QStringLiteral("https://bedrock.eu-west-3.amazonaws.com/foundation-models"));
    }

    void sessionTokenIsSentAndSigned()
    {
        m_loopback->server.enqueue(
            BedrockFixtures::path(false),
            FakeResponse::json(200, BedrockFixtures::converse(QStringLiteral("ok"), Tokens{3, 1, 0, 0})));
        const Outcome outcome = run(request(false, true));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.header("X-Amz-Security-Token"), kSessionToken.toUtf8());
        QVERIFY(
            sent.header("Authorization").contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,"));
        QCOMPARE(sent.header("Authorization"), resign(sent, credentials(true), kRegion).authorization);
        // Signed without the token, the signature would differ: the token really is covered.
        QVERIFY(sent.header("Authorization") != resign(sent, credentials(false), kRegion).authorization);
    }

    void malformedCredentialIsValidationWithoutSecret_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("no separator") << QStringLiteral("AKIAONLYSECRETKEYVALUE");
        QTest::newRow("too many parts") << QStringLiteral("AKIA:SECRETKEYVALUE:TOKEN:EXTRA");
        QTest::newRow("empty secret") << QStringLiteral("AKIA::SECRETKEYTOKEN");
        QTest::newRow("empty id") << QStringLiteral(":SECRETKEYVALUE");
        QTest::newRow("padded") << QStringLiteral("AKIA: SECRETKEYVALUE");
    }
    void malformedCredentialIsValidationWithoutSecret()
    {
        QFETCH(QString, key);
        ProviderRequest r = request(true);
        r.apiKey = Secret(QStringLiteral("env:BEDROCK_CREDENTIALS"), key);
        const Outcome outcome = run(r);
        QVERIFY(!outcome.result.ok);
        QCOMPARE(failureClassName(outcome.result.failure), failureClassName(FailureClass::Validation));
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("SECRETKEY")));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("env:BEDROCK_CREDENTIALS")));
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("ACCESS_KEY_ID:SECRET_ACCESS_KEY")));
        QCOMPARE(m_loopback->server.requestCount(), 0);

        const Result<Wire::SigV4Credentials> parsed = BedrockClient::parseCredentials(r.apiKey, QStringLiteral("p"));
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().message.contains(QLatin1String("SECRETKEY")));
    }

    void credentialsParse()
    {
        const Result<Wire::SigV4Credentials> twoParts = BedrockClient::parseCredentials(
            Secret(QStringLiteral("r"), kAccessKey + QLatin1Char(':') + kSecretKey), QString());
        QVERIFY(twoParts.ok());
        QCOMPARE(*twoParts, credentials(false));
        const Result<Wire::SigV4Credentials> threeParts = BedrockClient::parseCredentials(
            Secret(QStringLiteral("r"), kAccessKey + QLatin1Char(':') + kSecretKey + QLatin1Char(':') + kSessionToken),
            QString());
        QVERIFY(threeParts.ok());
        QCOMPARE(*threeParts, credentials(true));
    }

    void streamedAndUnstreamedAgree()
    {
        // inputTokens excludes the cache: 20 fresh + 300 read + 50 written = 370 prompt tokens in all.
        const Tokens tokens{20, 12, 300, 50};
        const QStringList parts{QStringLiteral("Why did "), QStringLiteral("the chicken "), QStringLiteral("cross?")};
        m_loopback->server.enqueue(BedrockFixtures::path(false),
                                   FakeResponse::json(200, BedrockFixtures::converse(parts.join(QString()), tokens)));
        m_loopback->server.enqueue(BedrockFixtures::path(true),
                                   FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()),
                                                          BedrockFixtures::stream(parts, tokens)));
        const Outcome whole = run(request(false));
        const Outcome streamed = run(request(true));
        QVERIFY2(whole.result.ok, qPrintable(whole.result.errorMessage));
        QVERIFY2(streamed.result.ok, qPrintable(streamed.result.errorMessage));
        QCOMPARE(streamed.deltas, parts);
        QCOMPARE(whole.deltas, QStringList{parts.join(QString())});
        QCOMPARE(streamed.result.text, whole.result.text);
        const Usage expected{20, 300, 50, 12, 0};
        QCOMPARE(whole.result.usage, expected);
        QCOMPARE(streamed.result.usage, expected);
        QCOMPARE(whole.result.usage.totalInput(), qint64(370));
        QVERIFY(whole.result.usageReported);
        QVERIFY(streamed.result.usageReported);
        QCOMPARE(whole.result.finishReason, QStringLiteral("end_turn"));
        QCOMPARE(streamed.result.finishReason, QStringLiteral("end_turn"));
        QVERIFY(streamed.result.streamed);
        QVERIFY(!whole.result.streamed);
    }

    void reasoningIsNotAnswerText()
    {
        const QByteArray stream =
            BedrockFixtures::messageStart() + BedrockFixtures::reasoningDelta(0, QStringLiteral("hmm, think")) +
            BedrockFixtures::contentBlockStop(0) + BedrockFixtures::contentBlockDelta(1, QStringLiteral("Answer")) +
            BedrockFixtures::messageStop() + BedrockFixtures::metadata(Tokens{4, 9, 0, 0});
        const Fed fed = feedInPieces(stream, {});
        QVERIFY(fed.complete);
        QCOMPARE(fed.text, QStringLiteral("Answer"));
    }

    void splitStreamsGiveSameAnswer()
    {
        const Tokens tokens{7, 3, 11, 5};
        const QStringList parts{QStringLiteral("H\u00e9"), QStringLiteral(" \u4e16\u754c"),
                                QStringLiteral("\U0001F600!")};
        const QByteArray stream = BedrockFixtures::stream(parts, tokens);
        const Usage expected{7, 11, 5, 3, 0};
        // The parser on its own: every split point, then one byte at a time.
        for (qsizetype at = 1; at < stream.size(); ++at) {
            const Fed fed = feedInPieces(stream, {at});
            QVERIFY2(!fed.failed && fed.complete, qPrintable(QString::number(at)));
            QCOMPARE(fed.text, parts.join(QString()));
            QCOMPARE(fed.usage, expected);
            QCOMPARE(fed.finishReason, QStringLiteral("end_turn"));
        }
        QList<qsizetype> everyByte;
        for (qsizetype at = 1; at < stream.size(); ++at)
            everyByte.append(at);
        const Fed bytewise = feedInPieces(stream, everyByte);
        QVERIFY(bytewise.complete && !bytewise.failed);
        QCOMPARE(bytewise.text, parts.join(QString()));
        QCOMPARE(bytewise.usage, expected);

        // Over the network: two HTTP chunks 1 ms apart, split every 13 bytes.
        for (qsizetype at = 1; at < stream.size(); at += 13) {
            m_loopback->server.enqueue(
                BedrockFixtures::path(true),
                FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()), stream, {at}, 1));
            const Outcome outcome = run(request());
            QVERIFY2(outcome.result.ok,
                     qPrintable(QStringLiteral("split at %1: %2").arg(at).arg(outcome.result.errorMessage)));
            QCOMPARE(outcome.deltas.join(QString()), parts.join(QString()));
            QCOMPARE(outcome.result.usage, expected);
        }
    }

    void corruptFrameFailsWithoutLeakingText_data()
    {
        QTest::addColumn<int>("offsetInFrame");  // negative: from the frame's end
        QTest::newRow("payload byte (message CRC)") << -20;
        QTest::newRow("message CRC") << -1;
        QTest::newRow("prelude CRC") << 9;
        QTest::newRow("total length") << 2;
    }
    void corruptFrameFailsWithoutLeakingText()
    {
        QFETCH(int, offsetInFrame);
        const QByteArray good =
            BedrockFixtures::messageStart() + BedrockFixtures::contentBlockDelta(0, QStringLiteral("fine "));
        QByteArray bad = BedrockFixtures::contentBlockDelta(0, QStringLiteral("LEAKED"));
        const qsizetype at = offsetInFrame < 0 ? bad.size() + offsetInFrame : offsetInFrame;
        bad[at] = char(bad.at(at) ^ 0x5A);
        const QByteArray rest = BedrockFixtures::contentBlockDelta(0, QStringLiteral("AFTER")) +
                                BedrockFixtures::messageStop() + BedrockFixtures::metadata(Tokens{1, 1, 0, 0});
        m_loopback->server.enqueue(BedrockFixtures::path(true),
                                   FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()),
                                                          good + bad + rest, {good.size()}, 5));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::MalformedResponse, kSecretKey, kSecretKeyMarker);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("fine ")});
        QVERIFY(!outcome.result.text.contains(QLatin1String("LEAKED")));
        QVERIFY(!outcome.result.text.contains(QLatin1String("AFTER")));
        QVERIFY(!outcome.result.errorMessage.contains(QLatin1String("LEAKED")));
    }

    void exceptionFrameMidStream_data()
    {
        QTest::addColumn<QString>("exceptionType");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("failure");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("throttling") << QStringLiteral("throttlingException")
                                    << QStringLiteral("Too many requests, please wait before trying again.")
                                    << int(FailureClass::RateLimited) << true;
        QTest::newRow("model stream error")
            << QStringLiteral("modelStreamErrorException") << QStringLiteral("The model stream failed.")
            << int(FailureClass::StreamCut) << false;
        QTest::newRow("validation") << QStringLiteral("validationException")
                                    << QStringLiteral("Malformed input request") << int(FailureClass::Validation)
                                    << false;
        QTest::newRow("too many input tokens")
            << QStringLiteral("validationException") << QStringLiteral("Too many input tokens.")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("internal server") << QStringLiteral("internalServerException")
                                         << QStringLiteral("Internal error") << int(FailureClass::Transient) << true;
        QTest::newRow("service unavailable") << QStringLiteral("serviceUnavailableException")
                                             << QStringLiteral("Try later") << int(FailureClass::Transient) << true;
    }
    void exceptionFrameMidStream()
    {
        QFETCH(QString, exceptionType);
        QFETCH(QString, message);
        QFETCH(int, failure);
        QFETCH(bool, retryable);
        const QByteArray stream = BedrockFixtures::messageStart() +
                                  BedrockFixtures::contentBlockDelta(0, QStringLiteral("partial ")) +
                                  BedrockFixtures::exception(exceptionType, message) +
                                  BedrockFixtures::contentBlockDelta(0, QStringLiteral("AFTER"));
        m_loopback->server.enqueue(BedrockFixtures::path(true),
                                   FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()), stream));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass(failure), kSecretKey, kSecretKeyMarker);
        QCOMPARE(outcome.result.retryable, retryable);
        QCOMPARE(outcome.result.errorCode, exceptionType);
        QVERIFY2(outcome.result.errorMessage.contains(message), qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("partial ")});
    }

    void errorFrameIsFailure()
    {
        // ":message-type" error frames name the failure in headers rather than in the payload.
        Wire::EventStreamMessage error;
        error.headers = {
            Wire::EventStreamHeader::string(QStringLiteral(":message-type"), QStringLiteral("error")),
            Wire::EventStreamHeader::string(QStringLiteral(":error-code"), QStringLiteral("ThrottlingException")),
            Wire::EventStreamHeader::string(QStringLiteral(":error-message"), QStringLiteral("Slow down"))};
        BedrockStreamParser parser;
        const ParseUpdate update =
            parser.feed(BedrockFixtures::messageStart() + BedrockFixtures::contentBlockDelta(0, QStringLiteral("x")) +
                        BedrockFixtures::frame(error));
        QCOMPARE(update.deltas, QStringList{QStringLiteral("x")});
        QVERIFY(update.failure.has_value());
        QCOMPARE(failureClassName(update.failure->failure), failureClassName(FailureClass::RateLimited));
        QCOMPARE(update.failure->code, QStringLiteral("ThrottlingException"));
        QVERIFY(update.failure->message.contains(QLatin1String("Slow down")));
        // Nothing after a failure is read.
        QVERIFY(parser.feed(BedrockFixtures::contentBlockDelta(0, QStringLiteral("y"))).deltas.isEmpty());
    }

    void jsonAnswerToStreamingRequest()
    {
        // A proxy that ignores converse-stream and answers with one Converse document still gives the answer.
        const Tokens tokens{6, 4, 2, 0};
        m_loopback->server.enqueue(BedrockFixtures::path(true),
                                   FakeResponse::json(200, BedrockFixtures::converse(QStringLiteral("whole"), tokens)));
        const Outcome outcome = run(request(true));
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("whole"));
        QCOMPARE(outcome.result.usage, (Usage{6, 2, 0, 4, 0}));
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("failure");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("400 validation") << 400 << QStringLiteral("ValidationException")
                                        << QStringLiteral("The provided model identifier is invalid.")
                                        << int(FailureClass::Validation) << false;
        QTest::newRow("400 input too long")
            << 400 << QStringLiteral("ValidationException") << QStringLiteral("Input is too long for requested model.")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("400 too many input tokens")
            << 400 << QStringLiteral("ValidationException") << QStringLiteral("Too many input tokens. Max: 128000")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("403 access denied")
            << 403 << QStringLiteral("AccessDeniedException")
            << QStringLiteral("You don't have access to the model with the specified model ID.")
            << int(FailureClass::Authentication) << false;
        QTest::newRow("404 not found") << 404 << QStringLiteral("ResourceNotFoundException")
                                       << QStringLiteral("Model not found.") << int(FailureClass::Validation) << false;
        QTest::newRow("429 model not ready")
            << 429 << QStringLiteral("ModelNotReadyException") << QStringLiteral("Model is not ready for inference.")
            << int(FailureClass::Transient) << true;
        QTest::newRow("503 unavailable") << 503 << QStringLiteral("ServiceUnavailableException")
                                         << QStringLiteral("Service unavailable.") << int(FailureClass::Transient)
                                         << true;
    }
    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, errorType);
        QFETCH(QString, message);
        QFETCH(int, failure);
        QFETCH(bool, retryable);
        m_loopback->server.enqueue(BedrockFixtures::path(true),
                                   FakeResponse::json(status, BedrockFixtures::errorBody(message),
                                                      {BedrockFixtures::errorTypeHeader(errorType)}));
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass(failure), kSecretKey, kSecretKeyMarker);
        QCOMPARE(outcome.result.httpStatus, status);
        QCOMPARE(outcome.result.retryable, retryable);
        // The header's name is cut at ':'.
        QCOMPARE(outcome.result.errorCode, errorType);
        QVERIFY2(outcome.result.errorMessage.contains(message), qPrintable(outcome.result.errorMessage));
    }

    void throttlingHonoursRetryAfter()
    {
        m_loopback->server.enqueue(
            BedrockFixtures::path(false),
            FakeResponse::json(
                429, BedrockFixtures::errorBody(QStringLiteral("Too many requests, please wait before trying again.")),
                {BedrockFixtures::errorTypeHeader(QStringLiteral("ThrottlingException")), {"retry-after", "7"}}));
        const Outcome outcome = run(request(false));
        expectFailure(outcome, FailureClass::RateLimited, kSecretKey, kSecretKeyMarker);
        QVERIFY(outcome.result.retryable);
        QCOMPARE(outcome.result.retryAfterMs.value_or(-1), qint64(7000));
        QCOMPARE(outcome.result.errorCode, QStringLiteral("ThrottlingException"));
    }

    void awsErrorNames()
    {
        QCOMPARE(HttpErrorClassifier::awsErrorStatus(QStringLiteral("ThrottlingException:http://x/")), 429);
        QCOMPARE(HttpErrorClassifier::awsErrorStatus(QStringLiteral("throttlingException")), 429);
        QCOMPARE(HttpErrorClassifier::awsErrorStatus(QStringLiteral("modelTimeoutException")), 408);
        QCOMPARE(HttpErrorClassifier::awsErrorStatus(QStringLiteral("modelStreamErrorException")), 0);
        QCOMPARE(HttpErrorClassifier::awsErrorStatus(QStringLiteral("somethingNewException")), 0);
        const ParseFailure unknown =
            HttpErrorClassifier::awsStreamFailure(QStringLiteral("somethingNewException"), "{\"message\":\"odd\"}");
        QCOMPARE(failureClassName(unknown.failure), failureClassName(FailureClass::StreamCut));
        QVERIFY(unknown.message.contains(QLatin1String("odd")));
    }

    void cutStreamIsStreamCut_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<bool>("midFrame");
        QTest::newRow("close, before messageStop") << int(FakeResponse::Framing::CloseDelimited) << false;
        QTest::newRow("chunked, before messageStop") << int(FakeResponse::Framing::Chunked) << false;
        QTest::newRow("chunked, inside a frame") << int(FakeResponse::Framing::Chunked) << true;
        QTest::newRow("content-length, before messageStop") << int(FakeResponse::Framing::ContentLength) << false;
    }
    void cutStreamIsStreamCut()
    {
        QFETCH(int, framing);
        QFETCH(bool, midFrame);
        QByteArray body =
            BedrockFixtures::messageStart() + BedrockFixtures::contentBlockDelta(0, QStringLiteral("one "));
        if (midFrame)
            body += BedrockFixtures::contentBlockDelta(0, QStringLiteral("two")).left(20);
        FakeResponse response = FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()), body, {}, 0,
                                                       FakeResponse::Framing(framing));
        if (FakeResponse::Framing(framing) != FakeResponse::Framing::ContentLength)
            response.then(FakeStep::wait(20)).then(FakeStep::close());
        m_loopback->server.enqueue(BedrockFixtures::path(true), response);
        const Outcome outcome = run(request());
        expectFailure(outcome, FailureClass::StreamCut, kSecretKey, kSecretKeyMarker);
        QCOMPARE(outcome.deltas, QStringList{QStringLiteral("one ")});
    }

    void messageStopWithoutMetadataIsComplete()
    {
        const QByteArray body =
            BedrockFixtures::stream({QStringLiteral("done")}, Tokens{}, QStringLiteral("max_tokens"), true, false);
        m_loopback->server.enqueue(BedrockFixtures::path(true),
                                   FakeResponse::streamed(QByteArray(BedrockFixtures::ContentType.data()), body));
        const Outcome outcome = run(request());
        QVERIFY2(outcome.result.ok, qPrintable(outcome.result.errorMessage));
        QCOMPARE(outcome.result.text, QStringLiteral("done"));
        QCOMPARE(outcome.result.finishReason, QStringLiteral("max_tokens"));
        QVERIFY(!outcome.result.usageReported);
    }

    void guardrailIsContentFilter()
    {
        m_loopback->server.enqueue(
            BedrockFixtures::path(false),
            FakeResponse::json(200, BedrockFixtures::converse(QStringLiteral("Sorry."), Tokens{5, 2, 0, 0},
                                                              QStringLiteral("guardrail_intervened"))));
        const Outcome outcome = run(request(false));
        expectFailure(outcome, FailureClass::ContentFilter, kSecretKey, kSecretKeyMarker);
        QVERIFY(outcome.result.errorMessage.contains(QLatin1String("guardrail_intervened")));
    }

    void listsModels()
    {
        m_loopback->server.enqueue(
            QStringLiteral("/foundation-models"),
            FakeResponse::json(
                200,
                R"({"modelSummaries":[{"modelArn":"arn:aws:bedrock:us-east-1::foundation-model/deepseek.r1-v1:0","modelId":"deepseek.r1-v1:0","modelName":"DeepSeek-R1","providerName":"DeepSeek"},{"modelArn":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0","modelId":"amazon.nova-pro-v1:0","modelName":"Nova Pro","providerName":"Amazon"}]})"));
        const BedrockClient client([] { return kNow; });
        const Secret key(QStringLiteral("env:BEDROCK_CREDENTIALS"), kAccessKey + QLatin1Char(':') + kSecretKey);
        ModelListCall call(client, spec(), key, &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(call.result().ok(), qPrintable(call.result().ok() ? QString() : call.result().error().message));
        QCOMPARE(*call.result(),
                 (QStringList{QStringLiteral("deepseek.r1-v1:0"), QStringLiteral("amazon.nova-pro-v1:0")}));
        const RecordedRequest sent = m_loopback->server.lastRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.target, QByteArray("/foundation-models"));
        QVERIFY(
            sent.header("Authorization").contains("/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date,"));
        QCOMPARE(sent.header("Authorization"), resign(sent, credentials(false), kRegion).authorization);
        QVERIFY(!client.parseModelList(QByteArrayLiteral("{\"models\":[]}")).ok());
    }

    void modelListFailureIsRedacted()
    {
        m_loopback->server.enqueue(
            QStringLiteral("/foundation-models"),
            FakeResponse::json(403,
                               BedrockFixtures::errorBody(QStringLiteral("The security token "
                                                                         "included in the request "
                                                                         "is invalid.")),
                               {BedrockFixtures::errorTypeHeader(QStringLiteral("UnrecognizedClientException"))}));
        const BedrockClient client([] { return kNow; });
        const Secret key(QStringLiteral("env:BEDROCK_CREDENTIALS"), kAccessKey + QLatin1Char(':') + kSecretKey);
        ModelListCall call(client, spec(), key, &m_loopback->manager);
        QSignalSpy finished(&call, &ModelListCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(!call.result().ok());
        QCOMPARE(call.httpStatus(), 403);
        QVERIFY(!call.result().error().message.contains(QLatin1String("SECRETKEY")));
    }
};

QTEST_GUILESS_MAIN(TestBedrockClient)
#include "tst_bedrockclient.moc"
