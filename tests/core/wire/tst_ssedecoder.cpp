#include "WireTestSupport.h"
#include "core/providers/wire/SseDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Switchyard::Wire;
using Switchyard::Wire::Test::bytePieces;
using Switchyard::Wire::Test::readFixture;
using Switchyard::Wire::Test::twoPieces;

namespace {

// Everything a decoder reports for one stream.
struct Outcome {
    QList<SseEvent> events;
    SseDecoder::End::Status status = SseDecoder::End::Status::Clean;
    std::optional<SseEvent> partialEvent;
    qint64 comments = 0;
    bool operator==(const Outcome &) const = default;
};

Outcome decode(const QList<QByteArrayView> &pieces, qsizetype maxEventSize = SseDecoder::DefaultMaxEventSize)
{
    SseDecoder decoder(maxEventSize);
    Outcome outcome;
    for (QByteArrayView piece : pieces)
        outcome.events += decoder.feed(piece);
    outcome.comments = decoder.commentCount();
    const SseDecoder::End end = decoder.finish();
    outcome.status = end.status;
    outcome.partialEvent = end.partialEvent;
    return outcome;
}

Outcome decodeWhole(const QByteArray &stream)
{
    return decode({QByteArrayView(stream)});
}

QJsonObject json(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

QString describe(const Outcome &outcome)
{
    QString text = QStringLiteral("%1 events, status %2, comments %3")
                       .arg(outcome.events.size())
                       .arg(int(outcome.status))
                       .arg(outcome.comments);
    for (const SseEvent &event : outcome.events)
        text += QStringLiteral("\n  [%1] %2").arg(event.event, QString::fromUtf8(event.data.left(60)));
    return text;
}

}  // namespace

class TestSseDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openAiStreamWithUsage();
    void anthropicNamedEvents();
    void geminiCrLfSeparators();
    void splitEverywhere_data();
    void splitEverywhere();
    void lineEndings_data();
    void lineEndings();
    void crAtChunkEndThenLfIsOneLineEnd();
    void dataLinesAndFieldSyntax();
    void commentsAreCountedNotDispatched();
    void idRetryAndUnknownFields();
    void blockWithoutDataIsNotDispatched();
    void utf8SplitInsideCharacter();
    void byteOrderMarkIsStripped();
    void truncatedEventIsReported();
    void unterminatedDoneIsReportedAsPartial();
    void cleanEndAndReuse();
    void oversizedEventFails();
    void oversizedPartialLineFails();
    void defaultLimitIs16MiB();
};

void TestSseDecoder::openAiStreamWithUsage()
{
    const QByteArray stream = readFixture(QStringLiteral("openai_chat_include_usage.sse"));
    QVERIFY2(!stream.isEmpty(), "fixture openai_chat_include_usage.sse is missing");
    const Outcome outcome = decodeWhole(stream);
    QCOMPARE(outcome.status, SseDecoder::End::Status::Clean);
    QCOMPARE(outcome.events.size(), 13);

    QString text;
    for (const SseEvent &event : outcome.events) {
        QVERIFY(event.event.isEmpty());  // unnamed events
        if (event.data == "[DONE]")
            continue;
        const QJsonObject chunk = json(event.data);
        QCOMPARE(chunk.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion.chunk"));
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        if (!choices.isEmpty())
            text += choices.first()
                        .toObject()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("content"))
                        .toString();
    }
    QCOMPARE(text, QStringLiteral("Bonjour ! \u00c7a va \u2014 tr\u00e8s bien \u65e5\u672c\u8a9e \U0001F44B"));

    const QJsonObject finishChunk = json(outcome.events.at(10).data);
    QCOMPARE(finishChunk.value(QLatin1String("choices"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("finish_reason"))
                 .toString(),
             QStringLiteral("stop"));
    const QJsonObject usageChunk = json(outcome.events.at(11).data);
    QVERIFY(usageChunk.value(QLatin1String("choices")).toArray().isEmpty());
    QCOMPARE(usageChunk.value(QLatin1String("usage")).toObject().value(QLatin1String("total_tokens")).toInt(), 29);
    QCOMPARE(outcome.events.last().data, QByteArray("[DONE]"));
}

void TestSseDecoder::anthropicNamedEvents()
{
    const QByteArray stream = readFixture(QStringLiteral("anthropic_messages.sse"));
    QVERIFY2(!stream.isEmpty(), "fixture anthropic_messages.sse is missing");
    const Outcome outcome = decodeWhole(stream);
    QCOMPARE(outcome.status, SseDecoder::End::Status::Clean);

    QStringList names;
    QString text;
    for (const SseEvent &event : outcome.events) {
        names << event.event;
        const QJsonObject payload = json(event.data);
        QCOMPARE(payload.value(QLatin1String("type")).toString(), event.event);  // every payload names its event
        if (event.event == QLatin1String("content_block_delta"))
            text += payload.value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
    }
    QCOMPARE(names, (QStringList{QStringLiteral("message_start"), QStringLiteral("content_block_start"),
                                 QStringLiteral("ping"), QStringLiteral("content_block_delta"),
                                 QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
                                 QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
                                 QStringLiteral("content_block_stop"), QStringLiteral("message_delta"),
                                 QStringLiteral("message_stop")}));
    QCOMPARE(text, QStringLiteral("Hello! Gr\u00fc\u00dfe aus Z\u00fcrich \u2728 \u2014 \u4f60\u597d"));
}

void TestSseDecoder::geminiCrLfSeparators()
{
    const QByteArray stream = readFixture(QStringLiteral("gemini_stream.sse"));
    QVERIFY2(!stream.isEmpty(), "fixture gemini_stream.sse is missing");
    QVERIFY2(stream.contains("\r\n\r\n") && !stream.contains("}\n\n"),
             "gemini_stream.sse lost its CRLF separators (check .gitattributes)");
    const Outcome outcome = decodeWhole(stream);
    QCOMPARE(outcome.status, SseDecoder::End::Status::Clean);
    QCOMPARE(outcome.events.size(), 5);
    QString text;
    for (const SseEvent &event : outcome.events) {
        QVERIFY(!event.data.contains('\r'));
        const QJsonObject candidate = json(event.data).value(QLatin1String("candidates")).toArray().first().toObject();
        text += candidate.value(QLatin1String("content"))
                    .toObject()
                    .value(QLatin1String("parts"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String("text"))
                    .toString();
    }
    QCOMPARE(text, QStringLiteral("Il \u00e9tait une fois un caf\u00e9 \u00e0 Ky\u014dto \U0001F375."));
    const QJsonObject last = json(outcome.events.last().data);
    QCOMPARE(last.value(QLatin1String("candidates"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("finishReason"))
                 .toString(),
             QStringLiteral("STOP"));
    QCOMPARE(last.value(QLatin1String("usageMetadata")).toObject().value(QLatin1String("totalTokenCount")).toInt(), 23);
}

void TestSseDecoder::splitEverywhere_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("expectedEvents");

    QTest::newRow("openai") << readFixture(QStringLiteral("openai_chat_include_usage.sse")) << 13;
    QTest::newRow("anthropic") << readFixture(QStringLiteral("anthropic_messages.sse")) << 11;
    QTest::newRow("gemini-crlf") << readFixture(QStringLiteral("gemini_stream.sse")) << 5;
    QTest::newRow("openrouter-comments")
        << QByteArray(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: {\"choices\":[{\"delta\":"
                      "{\"content\":\"\xc3\xa9t\xc3\xa9\"}}]}\n\n: keep-alive\n\ndata: [DONE]\n\n")
        << 2;
    QTest::newRow("mixed-line-ends")
        << QByteArray("event: a\rdata: 1\r\rid: 7\r\ndata: \xe2\x82\xac\r\ndata: 2\r\n\r\nretry: 1500\ndata: 3\n\n")
        << 3;
    QTest::newRow("cut-mid-event") << QByteArray("data: {\"a\":1}\n\ndata: {\"b\":") << 1;
}

void TestSseDecoder::splitEverywhere()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, expectedEvents);
    QVERIFY2(!stream.isEmpty(), "fixture is missing");

    const Outcome whole = decodeWhole(stream);
    QCOMPARE(whole.events.size(), expectedEvents);
    for (qsizetype at = 0; at <= stream.size(); ++at) {
        const Outcome split = decode(twoPieces(stream, at));
        if (!(split == whole))
            QFAIL(qPrintable(QStringLiteral("split at byte %1 differs:\n%2\nwhole:\n%3")
                                 .arg(at)
                                 .arg(describe(split), describe(whole))));
    }
    const Outcome bytes = decode(bytePieces(stream));
    QVERIFY2(bytes == whole, qPrintable(describe(bytes)));
}

void TestSseDecoder::lineEndings_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("lf") << QByteArray("event: e\ndata: a\ndata: b\n\ndata: c\n\n");
    QTest::newRow("crlf") << QByteArray("event: e\r\ndata: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");
    QTest::newRow("cr") << QByteArray("event: e\rdata: a\rdata: b\r\rdata: c\r\r");
}

void TestSseDecoder::lineEndings()
{
    QFETCH(QByteArray, stream);
    const Outcome outcome = decodeWhole(stream);
    QCOMPARE(outcome.status, SseDecoder::End::Status::Clean);
    QCOMPARE(outcome.events.size(), 2);
    QCOMPARE(outcome.events.at(0).event, QStringLiteral("e"));
    QCOMPARE(outcome.events.at(0).data, QByteArray("a\nb"));
    QCOMPARE(outcome.events.at(1).event, QString());  // the event name does not carry over
    QCOMPARE(outcome.events.at(1).data, QByteArray("c"));
}

void TestSseDecoder::crAtChunkEndThenLfIsOneLineEnd()
{
    SseDecoder decoder;
    QVERIFY(decoder.feed("data: a\r").isEmpty());
    // Were "\r" + "\n" two line ends, the "\n" would be a blank line and dispatch "a" on its own.
    QVERIFY(decoder.feed("\ndata: b\r").isEmpty());
    QVERIFY(decoder.feed("\n").isEmpty());
    const QList<SseEvent> events = decoder.feed("\r\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data, QByteArray("a\nb"));
    QCOMPARE(decoder.finish().status, SseDecoder::End::Status::Clean);

    // A lone '\r' ending a piece is still a line end when the next piece starts with something else.
    SseDecoder other;
    QVERIFY(other.feed("data: x\r").isEmpty());
    const QList<SseEvent> next = other.feed("\rdata: y\n\n");
    QCOMPARE(next.size(), 2);
    QCOMPARE(next.at(0).data, QByteArray("x"));
    QCOMPARE(next.at(1).data, QByteArray("y"));
}

void TestSseDecoder::dataLinesAndFieldSyntax()
{
    SseDecoder decoder;
    const QList<SseEvent> events = decoder.feed("data:x\n\n"
                                                "data: x\n\n"
                                                "data:  two spaces\n\n"
                                                "data\n\n"
                                                "data:\ndata:\n\n"
                                                "data: {\"a\": 1,\ndata:  \"b\": 2}\n\n"
                                                "data: a:b:c\n\n");
    QCOMPARE(events.size(), 7);
    QCOMPARE(events.at(0).data, QByteArray("x"));
    QCOMPARE(events.at(1).data, QByteArray("x"));
    QCOMPARE(events.at(2).data, QByteArray(" two spaces"));  // only one leading space is dropped
    QCOMPARE(events.at(3).data, QByteArray(""));             // a bare field name has an empty value
    QCOMPARE(events.at(4).data, QByteArray("\n"));
    QCOMPARE(events.at(5).data, QByteArray("{\"a\": 1,\n \"b\": 2}"));
    QCOMPARE(QJsonDocument::fromJson(events.at(5).data).object().value(QLatin1String("b")).toInt(), 2);
    QCOMPARE(events.at(6).data, QByteArray("a:b:c"));
}

void TestSseDecoder::commentsAreCountedNotDispatched()
{
    SseDecoder decoder;
    QCOMPARE(decoder.commentCount(), 0);
    QVERIFY(decoder.feed(": OPENROUTER PROCESSING\n\n").isEmpty());
    QCOMPARE(decoder.commentCount(), 1);
    QCOMPARE(decoder.lastComment(), QByteArray("OPENROUTER PROCESSING"));
    const QList<SseEvent> events = decoder.feed("data: {\"x\":1}\n: keep-alive\ndata: {\"y\":2}\n\n:\n\n");
    QCOMPARE(decoder.commentCount(), 3);
    QCOMPARE(decoder.lastComment(), QByteArray());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data, QByteArray("{\"x\":1}\n{\"y\":2}"));  // a comment does not end the event
    QCOMPARE(decoder.finish().status, SseDecoder::End::Status::Clean);
    QCOMPARE(decoder.commentCount(), 3);  // kept across finish() for the caller's statistics
}

void TestSseDecoder::idRetryAndUnknownFields()
{
    SseDecoder decoder;
    const QByteArray stream = QByteArray("id: 41\nretry: 2500\nfoo: bar\ndata: one\n\n"
                                         "data: two\n\n"
                                         "id\nretry: soon\ndata: three\n\n"
                                         "id: 9\ndata: four\n\n"
                                         "id: a") +
                              '\0' + QByteArray("b\ndata: five\n\n");
    const QList<SseEvent> events = decoder.feed(stream);
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.at(0).id, QStringLiteral("41"));
    QCOMPARE(events.at(0).retry.value_or(-1), 2500);
    QCOMPARE(events.at(0).data, QByteArray("one"));   // the unknown field "foo" changed nothing
    QCOMPARE(events.at(1).id, QStringLiteral("41"));  // the last event id persists
    QVERIFY(!events.at(1).retry.has_value());
    QCOMPARE(events.at(2).id, QString());      // a bare "id" resets it
    QVERIFY(!events.at(2).retry.has_value());  // a non-numeric retry is ignored
    QCOMPARE(events.at(3).id, QStringLiteral("9"));
    QCOMPARE(events.at(4).id, QStringLiteral("9"));  // an id containing NUL is ignored
}

void TestSseDecoder::blockWithoutDataIsNotDispatched()
{
    SseDecoder decoder;
    const QList<SseEvent> events = decoder.feed("event: ping\n\nevent: message_stop\ndata: {}\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().event, QStringLiteral("message_stop"));
}

void TestSseDecoder::utf8SplitInsideCharacter()
{
    const QByteArray stream = "data: \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x91\x8b\n\n";  // "日本 👋"
    for (qsizetype at = 6; at < stream.size() - 2; ++at) {
        SseDecoder decoder;
        QList<SseEvent> events = decoder.feed(QByteArrayView(stream).first(at));
        events += decoder.feed(QByteArrayView(stream).sliced(at));
        QCOMPARE(events.size(), 1);
        QCOMPARE(QString::fromUtf8(events.first().data), QStringLiteral("\u65e5\u672c \U0001F44B"));
    }
}

void TestSseDecoder::byteOrderMarkIsStripped()
{
    SseDecoder decoder;
    QVERIFY(decoder.feed("\xEF\xBB").isEmpty());
    const QList<SseEvent> events = decoder.feed("\xBF"
                                                "data: x\n\ndata: \xEF\xBB\xBFy\n\n");
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).data, QByteArray("x"));
    QCOMPARE(events.at(1).data, QByteArray("\xEF\xBB\xBFy"));  // only a BOM at the very start is dropped
}

void TestSseDecoder::truncatedEventIsReported()
{
    SseDecoder decoder;
    QCOMPARE(
        decoder.feed("event: content_block_delta\ndata: {\"a\":1}\n\nevent: content_block_delta\ndata: {\"b\"").size(),
        1);
    const SseDecoder::End end = decoder.finish();
    QCOMPARE(end.status, SseDecoder::End::Status::Truncated);
    QVERIFY(end.partialEvent.has_value());
    QCOMPARE(end.partialEvent->event, QStringLiteral("content_block_delta"));
    QCOMPARE(end.partialEvent->data, QByteArray("{\"b\""));
    QVERIFY(end.message.contains(QLatin1String("cut off")));

    // A complete line but no blank line: still not a finished event.
    SseDecoder other;
    QVERIFY(other.feed("data: {\"choices\":[]}\n").isEmpty());
    const SseDecoder::End otherEnd = other.finish();
    QCOMPARE(otherEnd.status, SseDecoder::End::Status::Truncated);
    QCOMPARE(otherEnd.partialEvent->data, QByteArray("{\"choices\":[]}"));

    // Cut inside a field line that carries no data yet: truncated, nothing to show.
    SseDecoder third;
    QVERIFY(third.feed("data: x\n\neven").size() == 1);
    const SseDecoder::End thirdEnd = third.finish();
    QCOMPARE(thirdEnd.status, SseDecoder::End::Status::Truncated);
    QVERIFY(!thirdEnd.partialEvent.has_value());
}

void TestSseDecoder::unterminatedDoneIsReportedAsPartial()
{
    SseDecoder decoder;
    QCOMPARE(decoder.feed("data: {\"choices\":[]}\n\ndata: [DONE]").size(), 1);
    const SseDecoder::End end = decoder.finish();
    QCOMPARE(end.status, SseDecoder::End::Status::Truncated);
    QCOMPARE(end.partialEvent->data, QByteArray("[DONE]"));  // the caller may accept this one
}

void TestSseDecoder::cleanEndAndReuse()
{
    SseDecoder decoder;
    QCOMPARE(decoder.finish().status, SseDecoder::End::Status::Clean);  // empty body
    QCOMPARE(decoder.feed("id: 5\ndata: a\n\n").size(), 1);
    const SseDecoder::End end = decoder.finish();
    QCOMPARE(end.status, SseDecoder::End::Status::Clean);
    QVERIFY(!end.partialEvent.has_value());
    QVERIFY(end.message.isEmpty());
    // finish() starts a new stream: no leftover id, no leftover partial line.
    const QList<SseEvent> events = decoder.feed("data: b\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().id, QString());
}

void TestSseDecoder::oversizedEventFails()
{
    SseDecoder decoder(1024);
    const QByteArray line = "data: " + QByteArray(100, 'x') + '\n';
    QList<SseEvent> events = decoder.feed("data: small\n\n");
    QCOMPARE(events.size(), 1);
    for (int i = 0; i < 10; ++i)
        QVERIFY(decoder.feed(line).isEmpty());
    QVERIFY(!decoder.hasError());        // 10 x 101 = 1010 bytes of data pending: still under the limit
    events = decoder.feed(line + "\n");  // this line pushes the event past 1024 bytes before its blank line
    QVERIFY(events.isEmpty());
    QVERIFY(decoder.hasError());
    QVERIFY(decoder.errorString().contains(QLatin1String("1024")));
    QCOMPARE(decoder.pendingBytes(), 0);  // nothing kept after the failure
    QVERIFY(decoder.feed("data: later\n\n").isEmpty());
    const QString error = decoder.errorString();
    const SseDecoder::End end = decoder.finish();
    QCOMPARE(end.status, SseDecoder::End::Status::Failed);
    QCOMPARE(end.message, error);
    QVERIFY(!decoder.hasError());  // finish() starts over
    QCOMPARE(decoder.feed("data: again\n\n").size(), 1);
}

void TestSseDecoder::oversizedPartialLineFails()
{
    SseDecoder decoder(4096);
    const QByteArray piece(1000, 'y');
    QVERIFY(decoder.feed("data: ").isEmpty());
    for (int i = 0; i < 4 && !decoder.hasError(); ++i) {
        QVERIFY(decoder.feed(piece).isEmpty());
        QVERIFY(decoder.pendingBytes() <= 4096);
    }
    QVERIFY(!decoder.hasError());
    QVERIFY(decoder.feed(piece).isEmpty());  // a line that never ends cannot grow past the limit
    QVERIFY(decoder.hasError());
    QCOMPARE(decoder.pendingBytes(), 0);
}

void TestSseDecoder::defaultLimitIs16MiB()
{
    QCOMPARE(SseDecoder::DefaultMaxEventSize, qsizetype(16 * 1024 * 1024));
    SseDecoder decoder;
    const QByteArray big(8 * 1024 * 1024, 'z');
    QVERIFY(decoder.feed("data: ").isEmpty());
    QVERIFY(decoder.feed(big).isEmpty());
    QVERIFY(!decoder.hasError());
    QVERIFY(decoder.feed(big).isEmpty());
    QVERIFY(decoder.hasError());
}

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "tst_ssedecoder.moc"
