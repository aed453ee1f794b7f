#include "WireTestSupport.h"
#include "core/providers/wire/Crc32.h"
#include "core/providers/wire/EventStreamDecoder.h"
#include "core/providers/wire/EventStreamEncoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

using namespace Switchyard;
using namespace Switchyard::Wire;
using Switchyard::Wire::Test::bytePieces;
using Switchyard::Wire::Test::twoPieces;

namespace {

// Frames built independently of this code (Python struct + zlib.crc32) and checked with botocore's decoder.
const QByteArray kEmptyFrame = QByteArray::fromHex("000000100000000005c248eb7d98c8ff");
const QByteArray kAllTypesFrame = QByteArray::fromHex(
    "0000008300000068d00dfc41017400016601046279746502f90573686f727403fed403696e740400011170046c6f6e6705fffffffed5fa0e00"
    "0562797465730600030001fe0373747207000668c3a96c6c6f027473080000019593fa5bc3047575696409123e4567e89b12d3a456426614"
    "1740007b226f6b223a747275657d85bf883e");
const QByteArray kDeltaFrame = QByteArray::fromHex(
    "0000009400000057b4ab9aee0b3a6576656e742d74797065070011636f6e74656e74426c6f636b44656c74610d3a636f6e74656e742d7479"
    "70650700106170706c69636174696f6e2f6a736f6e0d3a6d6573736167652d747970650700056576656e747b22636f6e74656e74426c6f63"
    "6b496e646578223a302c2264656c7461223a7b2274657874223a224869227d7d1f944657");

QByteArray encode(const EventStreamMessage &message)
{
    Result<QByteArray> frame = EventStreamEncoder::encode(message);
    if (!frame) {
        qWarning("%s", qPrintable(frame.error().toString()));
        return {};
    }
    return *frame;
}

// A Bedrock ConverseStream body, as the service sends it.
QByteArray converseStream()
{
    QByteArray body;
    body += encode(EventStreamMessage::event(QStringLiteral("messageStart"), R"({"role":"assistant"})"));
    const char *const deltas[] = {"Bonjour", " \xc3\xa0 tous", " \xe2\x80\x94 ", "\xe6\x97\xa5\xe6\x9c\xac",
                                  " \xf0\x9f\x91\x8b"};
    for (const char *delta : deltas) {
        QJsonObject payload{{QStringLiteral("contentBlockIndex"), 0},
                            {QStringLiteral("delta"), QJsonObject{{QStringLiteral("text"), QString::fromUtf8(delta)}}}};
        body += encode(EventStreamMessage::event(QStringLiteral("contentBlockDelta"),
                                                 QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    }
    body += encode(EventStreamMessage::event(QStringLiteral("contentBlockStop"), R"({"contentBlockIndex":0})"));
    body += encode(EventStreamMessage::event(QStringLiteral("messageStop"), R"({"stopReason":"end_turn"})"));
    body += encode(EventStreamMessage::event(
        QStringLiteral("metadata"),
        R"({"usage":{"inputTokens":21,"outputTokens":9,"totalTokens":30},"metrics":{"latencyMs":412}})"));
    return body;
}

struct Outcome {
    QList<EventStreamMessage> messages;
    bool finishedCleanly = false;
    QString error;
    bool operator==(const Outcome &) const = default;
};

Outcome decode(const QList<QByteArrayView> &pieces, quint32 maxMessageSize = EventStreamDecoder::DefaultMaxMessageSize)
{
    EventStreamDecoder decoder(maxMessageSize);
    Outcome outcome;
    for (QByteArrayView piece : pieces)
        outcome.messages += decoder.feed(piece);
    outcome.finishedCleanly = decoder.finish();
    outcome.error = decoder.errorString();
    return outcome;
}

Outcome decodeWhole(const QByteArray &body)
{
    return decode({QByteArrayView(body)});
}

// Rewrites the prelude of @p frame with new lengths and a valid prelude CRC (the message CRC is left as it was).
QByteArray withPrelude(QByteArray frame, quint32 total, quint32 headersLength)
{
    qToBigEndian<quint32>(total, frame.data());
    qToBigEndian<quint32>(headersLength, frame.data() + 4);
    qToBigEndian<quint32>(Crc32::compute(QByteArrayView(frame).first(8)), frame.data() + 8);
    return frame;
}

// A frame whose header section is @p headers verbatim, with correct lengths and both CRCs.
QByteArray rawFrame(const QByteArray &headers, const QByteArray &payload)
{
    QByteArray frame(12, '\0');
    frame += headers + payload;
    frame = withPrelude(frame + QByteArray(4, '\0'), quint32(frame.size() + 4), quint32(headers.size()));
    qToBigEndian<quint32>(Crc32::compute(QByteArrayView(frame).first(frame.size() - 4)),
                          frame.data() + frame.size() - 4);
    return frame;
}

}  // namespace

class TestEventStreamDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownFramesDecode();
    void encoderWritesKnownFrames();
    void bedrockConverseStream();
    void splitEverywhere_data();
    void splitEverywhere();
    void exceptionMessage();
    void roundTripEveryHeaderType();
    void badPreludeCrc();
    void badMessageCrc();
    void truncatedFrame();
    void impossibleLengths_data();
    void impossibleLengths();
    void malformedHeaders_data();
    void malformedHeaders();
    void messagesBeforeCorruptionAreKept();
    void everyByteFlipIsDetected();
    void randomBytesNeverCrash();
    void encoderRejectsInvalidMessages();
};

void TestEventStreamDecoder::knownFramesDecode()
{
    Outcome empty = decodeWhole(kEmptyFrame);
    QVERIFY(empty.finishedCleanly);
    QCOMPARE(empty.messages.size(), 1);
    QVERIFY(empty.messages.first().headers.isEmpty());
    QVERIFY(empty.messages.first().payload.isEmpty());

    const Outcome all = decodeWhole(kAllTypesFrame);
    QVERIFY2(all.finishedCleanly, qPrintable(all.error));
    QCOMPARE(all.messages.size(), 1);
    const EventStreamMessage &m = all.messages.first();
    QCOMPARE(m.headers.size(), 10);
    QCOMPARE(m.payload, QByteArray(R"({"ok":true})"));
    using Type = EventStreamHeader::Type;
    QCOMPARE(m.header(u"t")->type, Type::BoolTrue);
    QCOMPARE(m.header(u"t")->value.toBool(), true);
    QCOMPARE(m.header(u"f")->type, Type::BoolFalse);
    QCOMPARE(m.header(u"f")->value.toBool(), false);
    QCOMPARE(m.header(u"byte")->type, Type::Byte);
    QCOMPARE(m.header(u"byte")->value.toInt(), -7);
    QCOMPARE(m.header(u"short")->type, Type::Int16);
    QCOMPARE(m.header(u"short")->value.toInt(), -300);
    QCOMPARE(m.header(u"int")->type, Type::Int32);
    QCOMPARE(m.header(u"int")->value.toInt(), 70000);
    QCOMPARE(m.header(u"long")->type, Type::Int64);
    QCOMPARE(m.header(u"long")->value.toLongLong(), Q_INT64_C(-5000000000));
    QCOMPARE(m.header(u"bytes")->type, Type::Bytes);
    QCOMPARE(m.header(u"bytes")->value.toByteArray(), QByteArray::fromHex("0001fe"));
    QCOMPARE(m.header(u"str")->type, Type::String);
    QCOMPARE(m.stringHeader(u"str"), QStringLiteral("h\u00e9llo"));
    QCOMPARE(m.header(u"ts")->type, Type::Timestamp);
    QCOMPARE(m.header(u"ts")->value.toDateTime(),
             QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1741944413123), QTimeZone::utc()));
    QCOMPARE(m.header(u"uuid")->type, Type::Uuid);
    QCOMPARE(m.header(u"uuid")->value.toUuid(), QUuid(QStringLiteral("123e4567-e89b-12d3-a456-426614174000")));
    QVERIFY(m.header(u"missing") == nullptr);
    QCOMPARE(m.stringHeader(u"int"), QString());  // not a string header

    const Outcome delta = decodeWhole(kDeltaFrame);
    QCOMPARE(delta.messages.size(), 1);
    QCOMPARE(delta.messages.first().messageType(), QStringLiteral("event"));
    QCOMPARE(delta.messages.first().eventType(), QStringLiteral("contentBlockDelta"));
    QCOMPARE(delta.messages.first().contentType(), QStringLiteral("application/json"));
    QCOMPARE(delta.messages.first().payload, QByteArray(R"({"contentBlockIndex":0,"delta":{"text":"Hi"}})"));
}

void TestEventStreamDecoder::encoderWritesKnownFrames()
{
    QCOMPARE(encode(EventStreamMessage{}), kEmptyFrame);
    QCOMPARE(encode(EventStreamMessage::event(QStringLiteral("contentBlockDelta"),
                                              R"({"contentBlockIndex":0,"delta":{"text":"Hi"}})")),
             kDeltaFrame);
    EventStreamMessage all;
    all.headers = {
        EventStreamHeader::boolean(QStringLiteral("t"), true),
        EventStreamHeader::boolean(QStringLiteral("f"), false),
        EventStreamHeader::byte(QStringLiteral("byte"), -7),
        EventStreamHeader::int16(QStringLiteral("short"), -300),
        EventStreamHeader::int32(QStringLiteral("int"), 70000),
        EventStreamHeader::int64(QStringLiteral("long"), Q_INT64_C(-5000000000)),
        EventStreamHeader::bytes(QStringLiteral("bytes"), QByteArray::fromHex("0001fe")),
        EventStreamHeader::string(QStringLiteral("str"), QStringLiteral("h\u00e9llo")),
        EventStreamHeader::timestamp(QStringLiteral("ts"),
                                     QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1741944413123), QTimeZone::utc())),
        EventStreamHeader::uuid(QStringLiteral("uuid"), QUuid(QStringLiteral("123e4567-e89b-12d3-a456-426614174000")))};
    all.payload = R"({"ok":true})";
    QCOMPARE(encode(all), kAllTypesFrame);
}

void TestEventStreamDecoder::bedrockConverseStream()
{
    const QByteArray body = converseStream();
    QVERIFY(!body.isEmpty());
    const Outcome outcome = decodeWhole(body);
    QVERIFY2(outcome.finishedCleanly, qPrintable(outcome.error));
    QStringList types;
    QString text;
    for (const EventStreamMessage &message : outcome.messages) {
        QCOMPARE(message.messageType(), QStringLiteral("event"));
        QCOMPARE(message.contentType(), QStringLiteral("application/json"));
        types << message.eventType();
        const QJsonObject payload = QJsonDocument::fromJson(message.payload).object();
        if (message.eventType() == QLatin1String("contentBlockDelta"))
            text += payload.value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
    }
    QCOMPARE(types, (QStringList{QStringLiteral("messageStart"), QStringLiteral("contentBlockDelta"),
                                 QStringLiteral("contentBlockDelta"), QStringLiteral("contentBlockDelta"),
                                 QStringLiteral("contentBlockDelta"), QStringLiteral("contentBlockDelta"),
                                 QStringLiteral("contentBlockStop"), QStringLiteral("messageStop"),
                                 QStringLiteral("metadata")}));
    QCOMPARE(text, QStringLiteral("Bonjour \u00e0 tous \u2014 \u65e5\u672c \U0001F44B"));
    const QJsonObject stop = QJsonDocument::fromJson(outcome.messages.at(7).payload).object();
    QCOMPARE(stop.value(QLatin1String("stopReason")).toString(), QStringLiteral("end_turn"));
    const QJsonObject metadata = QJsonDocument::fromJson(outcome.messages.at(8).payload).object();
    QCOMPARE(metadata.value(QLatin1String("usage")).toObject().value(QLatin1String("totalTokens")).toInt(), 30);
    QCOMPARE(metadata.value(QLatin1String("metrics")).toObject().value(QLatin1String("latencyMs")).toInt(), 412);
}

void TestEventStreamDecoder::splitEverywhere_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expectedMessages");
    QTest::addColumn<bool>("expectedClean");
    const QByteArray converse = converseStream();
    QTest::newRow("converse-stream") << converse << 9 << true;
    QTest::newRow("known-frames") << kEmptyFrame + kAllTypesFrame + kDeltaFrame << 3 << true;
    QTest::newRow("cut-inside-last-frame") << converse.left(converse.size() - 5) << 8 << false;
    QByteArray corrupt = converse;
    corrupt[converse.size() - 30] = char(corrupt[converse.size() - 30] ^ 0x01);
    QTest::newRow("corrupt-last-frame") << corrupt << 8 << false;
}

void TestEventStreamDecoder::splitEverywhere()
{
    QFETCH(QByteArray, body);
    QFETCH(int, expectedMessages);
    QFETCH(bool, expectedClean);

    const Outcome whole = decodeWhole(body);
    QCOMPARE(whole.messages.size(), expectedMessages);
    QCOMPARE(whole.finishedCleanly, expectedClean);
    for (qsizetype at = 0; at <= body.size(); ++at) {
        const Outcome split = decode(twoPieces(body, at));
        QVERIFY2(split.messages == whole.messages, qPrintable(QStringLiteral("split at byte %1").arg(at)));
        QCOMPARE(split.finishedCleanly, whole.finishedCleanly);
        QCOMPARE(split.error.isEmpty(), whole.error.isEmpty());
    }
    const Outcome bytes = decode(bytePieces(body));
    QVERIFY(bytes.messages == whole.messages);
    QCOMPARE(bytes.finishedCleanly, whole.finishedCleanly);
}

void TestEventStreamDecoder::exceptionMessage()
{
    const QByteArray frame = encode(EventStreamMessage::exception(
        QStringLiteral("throttlingException"), R"({"message":"Too many requests, please wait before trying again."})"));
    const Outcome outcome = decodeWhole(frame);
    QCOMPARE(outcome.messages.size(), 1);
    const EventStreamMessage &message = outcome.messages.first();
    QCOMPARE(message.messageType(), QStringLiteral("exception"));
    QCOMPARE(message.exceptionType(), QStringLiteral("throttlingException"));
    QCOMPARE(message.eventType(), QString());
    QVERIFY(message.payload.contains("Too many requests"));
}

void TestEventStreamDecoder::roundTripEveryHeaderType()
{
    EventStreamMessage message;
    message.headers = {EventStreamHeader::byte(QStringLiteral("min8"), -128),
                       EventStreamHeader::int16(QStringLiteral("max16"), 32767),
                       EventStreamHeader::int32(QStringLiteral("min32"), std::numeric_limits<qint32>::min()),
                       EventStreamHeader::int64(QStringLiteral("max64"), std::numeric_limits<qint64>::max()),
                       EventStreamHeader::bytes(QStringLiteral("empty"), QByteArray()),
                       EventStreamHeader::string(QStringLiteral("long"), QString(65535, QLatin1Char('s'))),
                       EventStreamHeader::string(QString(255, QLatin1Char('n')), QStringLiteral("longest name"))};
    message.payload = QByteArray(100000, 'p');
    const QByteArray frame = encode(message);
    QVERIFY(!frame.isEmpty());
    const Outcome outcome = decodeWhole(frame);
    QVERIFY2(outcome.finishedCleanly, qPrintable(outcome.error));
    QCOMPARE(outcome.messages.size(), 1);
    QVERIFY(outcome.messages.first() == message);
}

void TestEventStreamDecoder::badPreludeCrc()
{
    QByteArray frame = kDeltaFrame;
    frame[9] = char(frame[9] ^ 0x40);
    EventStreamDecoder decoder;
    QVERIFY(decoder.feed(frame).isEmpty());
    QVERIFY(decoder.hasError());
    QVERIFY2(decoder.errorString().contains(QLatin1String("prelude CRC mismatch")), qPrintable(decoder.errorString()));
    QVERIFY(decoder.errorString().contains(QLatin1String("message 1 at byte 0")));
    QVERIFY(!decoder.finish());
}

void TestEventStreamDecoder::badMessageCrc()
{
    QByteArray frame = kDeltaFrame;
    frame[frame.size() - 1] = char(frame[frame.size() - 1] ^ 0x01);
    EventStreamDecoder decoder;
    QVERIFY(decoder.feed(kEmptyFrame).size() == 1);
    QVERIFY(decoder.feed(frame).isEmpty());
    QVERIFY(decoder.hasError());
    QVERIFY2(decoder.errorString().contains(QLatin1String("message CRC mismatch")), qPrintable(decoder.errorString()));
    QVERIFY(decoder.errorString().contains(QLatin1String("message 2 at byte 16")));
    QVERIFY(decoder.feed(kEmptyFrame).isEmpty());  // a failed decoder stays failed
    QCOMPARE(decoder.pendingBytes(), 0);
}

void TestEventStreamDecoder::truncatedFrame()
{
    for (qsizetype keep : {qsizetype(1), qsizetype(11), qsizetype(12), qsizetype(40), kDeltaFrame.size() - 1}) {
        EventStreamDecoder decoder;
        QVERIFY(decoder.feed(QByteArrayView(kDeltaFrame).first(keep)).isEmpty());
        QVERIFY(!decoder.hasError());  // not an error yet: more bytes may come
        QCOMPARE(decoder.pendingBytes(), keep);
        QVERIFY(!decoder.finish());
        QVERIFY(decoder.hasError());
        QVERIFY2(decoder.errorString().contains(QLatin1String("cut off")), qPrintable(decoder.errorString()));
    }
    EventStreamDecoder clean;
    QCOMPARE(clean.feed(kDeltaFrame).size(), 1);
    QVERIFY(clean.finish());
    QVERIFY(!clean.hasError());
}

void TestEventStreamDecoder::impossibleLengths_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<quint32>("maxMessageSize");
    QTest::newRow("total-below-16") << withPrelude(kEmptyFrame, 15, 0) << EventStreamDecoder::DefaultMaxMessageSize;
    QTest::newRow("total-zero") << withPrelude(kEmptyFrame, 0, 0) << EventStreamDecoder::DefaultMaxMessageSize;
    QTest::newRow("headers-past-total") << withPrelude(kDeltaFrame, quint32(kDeltaFrame.size()),
                                                       quint32(kDeltaFrame.size() - 15))
                                        << EventStreamDecoder::DefaultMaxMessageSize;
    QTest::newRow("headers-huge") << withPrelude(kDeltaFrame, quint32(kDeltaFrame.size()), 0xFFFFFFF0u)
                                  << EventStreamDecoder::DefaultMaxMessageSize;
    QTest::newRow("total-over-16MiB") << withPrelude(kEmptyFrame, 16 * 1024 * 1024 + 1, 0)
                                      << EventStreamDecoder::DefaultMaxMessageSize;
    QTest::newRow("total-4GiB") << withPrelude(kEmptyFrame, 0xFFFFFFFFu, 0)
                                << EventStreamDecoder::DefaultMaxMessageSize;
    QTest::newRow("over-custom-limit") << kDeltaFrame << quint32(100);
}

void TestEventStreamDecoder::impossibleLengths()
{
    QFETCH(QByteArray, frame);
    QFETCH(quint32, maxMessageSize);
    EventStreamDecoder decoder(maxMessageSize);
    // Only the prelude is needed to reject the lengths: the decoder must not wait for (or buffer) 4 GiB.
    QVERIFY(decoder.feed(QByteArrayView(frame).first(12)).isEmpty());
    QVERIFY(decoder.hasError());
    QVERIFY2(decoder.errorString().contains(QLatin1String("impossible lengths")), qPrintable(decoder.errorString()));
    QCOMPARE(decoder.pendingBytes(), 0);
}

void TestEventStreamDecoder::malformedHeaders_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty-name") << rawFrame(QByteArray::fromHex("0000"), {}) << QStringLiteral("empty header name");
    QTest::newRow("name-overrun") << rawFrame(QByteArray::fromHex("0a616263"), {}) << QStringLiteral("name runs past");
    QTest::newRow("missing-type") << rawFrame(QByteArray::fromHex("0161"), {}) << QStringLiteral("name runs past");
    QTest::newRow("unknown-type") << rawFrame(QByteArray::fromHex("01610a"), {})
                                  << QStringLiteral("unknown value type 10");
    QTest::newRow("int32-overrun") << rawFrame(QByteArray::fromHex("0161040001"), "payload")
                                   << QStringLiteral("int32 value runs past");
    QTest::newRow("string-length-overrun")
        << rawFrame(QByteArray::fromHex("01610700ff6869"), {}) << QStringLiteral("255-byte value runs past");
    QTest::newRow("string-length-missing")
        << rawFrame(QByteArray::fromHex("01610700"), {}) << QStringLiteral("value length runs past");
    QTest::newRow("uuid-overrun") << rawFrame(QByteArray::fromHex("01610900112233"), {})
                                  << QStringLiteral("uuid value runs past");
    QTest::newRow("duplicate") << rawFrame(QByteArray::fromHex("047465737400047465737401"), {})
                               << QStringLiteral("\"test\" appears twice");
}

void TestEventStreamDecoder::malformedHeaders()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, expected);
    EventStreamDecoder decoder;
    QVERIFY(decoder.feed(frame).isEmpty());
    QVERIFY(decoder.hasError());
    QVERIFY2(decoder.errorString().contains(expected), qPrintable(decoder.errorString()));
}

void TestEventStreamDecoder::messagesBeforeCorruptionAreKept()
{
    QByteArray body = converseStream();
    const qsizetype firstFrame = qFromBigEndian<quint32>(body.constData());
    body[firstFrame + 20] = char(body[firstFrame + 20] ^ 0xFF);  // inside the second frame's headers
    EventStreamDecoder decoder;
    const QList<EventStreamMessage> messages = decoder.feed(body);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().eventType(), QStringLiteral("messageStart"));
    QVERIFY(decoder.hasError());
    QVERIFY(decoder.errorString().contains(QStringLiteral("message 2 at byte %1").arg(firstFrame)));
}

void TestEventStreamDecoder::everyByteFlipIsDetected()
{
    for (qsizetype i = 0; i < kAllTypesFrame.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray frame = kAllTypesFrame;
            frame[i] = char(frame[i] ^ (1 << bit));
            EventStreamDecoder decoder;
            const QList<EventStreamMessage> messages = decoder.feed(frame);
            const bool clean = decoder.finish();
            if (!messages.isEmpty() || clean)
                QFAIL(qPrintable(QStringLiteral("flipping bit %1 of byte %2 went unnoticed").arg(bit).arg(i)));
        }
    }
}

void TestEventStreamDecoder::randomBytesNeverCrash()
{
    QRandomGenerator random(42);
    for (int round = 0; round < 2000; ++round) {
        QByteArray garbage(random.bounded(1, 200), Qt::Uninitialized);
        for (char &c : garbage)
            c = char(random.bounded(256));
        if (round % 2 == 0 && garbage.size() >= 12) {
            // Half the rounds get a valid prelude so the header and CRC paths see garbage too.
            const quint32 total = quint32(garbage.size());
            garbage = withPrelude(garbage, total, random.bounded(total));
        }
        EventStreamDecoder decoder;
        QList<EventStreamMessage> messages;
        for (qsizetype at = 0; at < garbage.size(); at += 7)
            messages += decoder.feed(QByteArrayView(garbage).sliced(at, qMin<qsizetype>(7, garbage.size() - at)));
        QVERIFY(messages.isEmpty());
        QVERIFY(!decoder.finish());
    }
}

void TestEventStreamDecoder::encoderRejectsInvalidMessages()
{
    const auto fails = [](const EventStreamMessage &message, const char *expected) {
        const Result<QByteArray> frame = EventStreamEncoder::encode(message);
        if (frame)
            return false;
        return frame.error().message.contains(QLatin1String(expected));
    };
    EventStreamMessage longName;
    longName.headers = {EventStreamHeader::string(QString(256, QLatin1Char('n')), QStringLiteral("v"))};
    QVERIFY(fails(longName, "1 to 255 bytes"));

    EventStreamMessage emptyName;
    emptyName.headers = {EventStreamHeader::string(QString(), QStringLiteral("v"))};
    QVERIFY(fails(emptyName, "1 to 255 bytes"));

    EventStreamMessage longValue;
    longValue.headers = {EventStreamHeader::bytes(QStringLiteral("b"), QByteArray(65536, 'b'))};
    QVERIFY(fails(longValue, "at most 65535"));

    EventStreamMessage wrongType;
    wrongType.headers = {{QStringLiteral("n"), EventStreamHeader::Type::Int16, QVariant(QStringLiteral("12"))}};
    QVERIFY(fails(wrongType, "expected a 16-bit integer"));

    EventStreamMessage outOfRange;
    outOfRange.headers = {{QStringLiteral("n"), EventStreamHeader::Type::Byte, QVariant(300)}};
    QVERIFY(fails(outOfRange, "from -128 to 127"));

    EventStreamMessage tooBig;
    tooBig.payload = QByteArray(1000, 'x');
    QVERIFY(!EventStreamEncoder::encode(tooBig, 1000));
    QVERIFY(EventStreamEncoder::encode(tooBig, 1016));
}

QTEST_GUILESS_MAIN(TestEventStreamDecoder)
#include "tst_eventstreamdecoder.moc"
