#include "WireTestSupport.h"
#include "core/providers/wire/NdjsonDecoder.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Wire;
using Switchyard::Wire::Test::bytePieces;
using Switchyard::Wire::Test::readFixture;
using Switchyard::Wire::Test::twoPieces;

namespace {

// A comparable summary of one item: "line: object" or "line: ERROR message".
QString summary(const NdjsonItem &item)
{
    if (item.error)
        return QStringLiteral("%1: ERROR %2").arg(item.line).arg(item.error->toString());
    return QStringLiteral("%1: %2").arg(item.line).arg(
        QString::fromUtf8(QJsonDocument(item.object).toJson(QJsonDocument::Compact)));
}

struct Outcome {
    QStringList items;
    bool truncated = false;
    bool operator==(const Outcome &) const = default;
};

Outcome decode(const QList<QByteArrayView> &pieces, qsizetype maxLineSize = NdjsonDecoder::DefaultMaxLineSize)
{
    NdjsonDecoder decoder(maxLineSize);
    QList<NdjsonItem> items;
    for (QByteArrayView piece : pieces)
        items += decoder.feed(piece);
    items += decoder.finish();
    Outcome outcome;
    for (const NdjsonItem &item : std::as_const(items))
        outcome.items << summary(item);
    outcome.truncated = decoder.truncated();
    return outcome;
}

}  // namespace

class TestNdjsonDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ollamaChatStream();
    void splitEverywhere_data();
    void splitEverywhere();
    void blankLinesAreSkippedButCounted();
    void crLfIsAccepted();
    void malformedLineIsAnErrorItem();
    void nonObjectLineIsAnErrorItem();
    void midStreamErrorObjectIsData();
    void finalLineWithoutNewline();
    void truncatedFinalLine();
    void oversizedLineIsSkipped();
    void sourceNameInErrors();
};

void TestNdjsonDecoder::ollamaChatStream()
{
    const QByteArray stream = readFixture(QStringLiteral("ollama_chat.ndjson"));
    QVERIFY2(!stream.isEmpty(), "fixture ollama_chat.ndjson is missing");
    NdjsonDecoder decoder;
    QList<NdjsonItem> items = decoder.feed(stream);
    items += decoder.finish();
    QVERIFY(!decoder.truncated());
    QCOMPARE(items.size(), 8);
    QString text;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const NdjsonItem &item = items.at(i);
        QVERIFY2(item.ok(), qPrintable(summary(item)));
        QCOMPARE(item.line, i + 1);
        QCOMPARE(item.object.value(QLatin1String("done")).toBool(), i == items.size() - 1);
        text += item.object.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
    }
    QCOMPARE(text, QStringLiteral("The sky is blue \u2014 bleu \U0001F324"));
    const QJsonObject last = items.last().object;
    QCOMPARE(last.value(QLatin1String("prompt_eval_count")).toInt(), 26);
    QCOMPARE(last.value(QLatin1String("eval_count")).toInt(), 282);
    QCOMPARE(last.value(QLatin1String("total_duration")).toInteger(), Q_INT64_C(4883583458));
    QCOMPARE(last.value(QLatin1String("done_reason")).toString(), QStringLiteral("stop"));
}

void TestNdjsonDecoder::splitEverywhere_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("expectedItems");
    QTest::addColumn<bool>("expectedTruncated");

    QTest::newRow("ollama") << readFixture(QStringLiteral("ollama_chat.ndjson")) << 8 << false;
    QTest::newRow("malformed-middle")
        << QByteArray("{\"message\":{\"content\":\"\xc3\xa9\"}}\n{\"message\":\n\n{\"done\":true}\n") << 3 << false;
    QTest::newRow("crlf-blank-lines") << QByteArray("\r\n{\"a\":1}\r\n  \r\n{\"b\":\"\xe2\x82\xac\"}\r\n") << 2
                                      << false;
    QTest::newRow("last-line-unterminated") << QByteArray("{\"a\":1}\n{\"done\":true}") << 2 << false;
    QTest::newRow("cut-mid-line") << QByteArray("{\"a\":1}\n{\"message\":{\"content\":\"Hel") << 2 << true;
}

void TestNdjsonDecoder::splitEverywhere()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, expectedItems);
    QFETCH(bool, expectedTruncated);
    QVERIFY2(!stream.isEmpty(), "fixture is missing");

    const Outcome whole = decode({QByteArrayView(stream)});
    QCOMPARE(whole.items.size(), expectedItems);
    QCOMPARE(whole.truncated, expectedTruncated);
    for (qsizetype at = 0; at <= stream.size(); ++at) {
        const Outcome split = decode(twoPieces(stream, at));
        if (!(split == whole))
            QFAIL(qPrintable(QStringLiteral("split at byte %1 gives\n%2\ninstead of\n%3")
                                 .arg(at)
                                 .arg(split.items.join(QLatin1Char('\n')), whole.items.join(QLatin1Char('\n')))));
    }
    QCOMPARE(decode(bytePieces(stream)), whole);
}

void TestNdjsonDecoder::blankLinesAreSkippedButCounted()
{
    NdjsonDecoder decoder;
    const QList<NdjsonItem> items = decoder.feed("\n{\"a\":1}\n\n \t\n{\"b\":2}\n");
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).line, 2);
    QCOMPARE(items.at(1).line, 5);
    QCOMPARE(decoder.lineCount(), 5);
}

void TestNdjsonDecoder::crLfIsAccepted()
{
    NdjsonDecoder decoder;
    const QList<NdjsonItem> items = decoder.feed("{\"a\":1}\r\n{\"b\":2}\r\n");
    QCOMPARE(items.size(), 2);
    QVERIFY(items.at(0).ok() && items.at(1).ok());
    QCOMPARE(items.at(1).object.value(QLatin1String("b")).toInt(), 2);
}

void TestNdjsonDecoder::malformedLineIsAnErrorItem()
{
    NdjsonDecoder decoder;
    const QList<NdjsonItem> items = decoder.feed("{\"message\":{\"content\":\"Hi\"},\"done\":false}\n"
                                                 "{\"message\":{\"content\":\"oops\"},\"done\":fals}\n"
                                                 "{\"done\":true}\n");
    QCOMPARE(items.size(), 3);
    QVERIFY(items.at(0).ok());
    QVERIFY(!items.at(1).ok());
    QCOMPARE(items.at(1).line, 2);
    QCOMPARE(items.at(1).error->line, 2);
    QCOMPARE(items.at(1).error->code, Error::Code::InvalidInput);
    QVERIFY(items.at(1).error->column > 1);
    QVERIFY2(items.at(1).error->message.contains(QLatin1String("Line 2")), qPrintable(items.at(1).error->message));
    QVERIFY(items.at(1).object.isEmpty());
    QVERIFY(items.at(2).ok());  // decoding goes on after a bad line
    QVERIFY(items.at(2).object.value(QLatin1String("done")).toBool());
}

void TestNdjsonDecoder::nonObjectLineIsAnErrorItem()
{
    NdjsonDecoder decoder;
    const QList<NdjsonItem> items = decoder.feed("[1,2]\n42\n{\"ok\":1}\n");
    QCOMPARE(items.size(), 3);
    QVERIFY(!items.at(0).ok());
    QVERIFY(items.at(0).error->message.contains(QLatin1String("array")));
    QVERIFY(!items.at(1).ok());
    QVERIFY(items.at(2).ok());
}

void TestNdjsonDecoder::midStreamErrorObjectIsData()
{
    // Ollama reports a failure mid-stream as an ordinary line with status 200; the decoder hands it over as data.
    NdjsonDecoder decoder;
    const QList<NdjsonItem> items = decoder.feed("{\"error\":\"model runner has unexpectedly stopped\"}\n");
    QCOMPARE(items.size(), 1);
    QVERIFY(items.first().ok());
    QCOMPARE(items.first().object.value(QLatin1String("error")).toString(),
             QStringLiteral("model runner has unexpectedly stopped"));
}

void TestNdjsonDecoder::finalLineWithoutNewline()
{
    NdjsonDecoder decoder;
    QCOMPARE(decoder.feed("{\"a\":1}\n{\"done\":true,\"eval_count\":3}").size(), 1);
    const QList<NdjsonItem> last = decoder.finish();
    QCOMPARE(last.size(), 1);
    QVERIFY(last.first().ok());
    QCOMPARE(last.first().line, 2);
    QCOMPARE(last.first().object.value(QLatin1String("eval_count")).toInt(), 3);
    QVERIFY(!decoder.truncated());
}

void TestNdjsonDecoder::truncatedFinalLine()
{
    NdjsonDecoder decoder;
    QCOMPARE(decoder.feed("{\"a\":1}\n{\"message\":{\"content\":\"Hel").size(), 1);
    const QList<NdjsonItem> last = decoder.finish();
    QVERIFY(decoder.truncated());
    QCOMPARE(last.size(), 1);
    QVERIFY(!last.first().ok());
    QCOMPARE(last.first().line, 2);
    QCOMPARE(last.first().error->code, Error::Code::Io);
    QVERIFY(last.first().error->message.contains(QLatin1String("cut off")));

    NdjsonDecoder clean;
    QCOMPARE(clean.feed("{\"a\":1}\n").size(), 1);
    QVERIFY(clean.finish().isEmpty());
    QVERIFY(!clean.truncated());
}

void TestNdjsonDecoder::oversizedLineIsSkipped()
{
    NdjsonDecoder decoder(64);
    const QByteArray huge = "{\"content\":\"" + QByteArray(200, 'x') + "\"}";
    QList<NdjsonItem> items = decoder.feed("{\"a\":1}\n");
    // The long line arrives in pieces and never ends up buffered whole.
    for (qsizetype at = 0; at < huge.size(); at += 50)
        items += decoder.feed(QByteArrayView(huge).sliced(at, qMin<qsizetype>(50, huge.size() - at)));
    items += decoder.feed("\n{\"b\":2}\n");
    QCOMPARE(items.size(), 3);
    QVERIFY(items.at(0).ok());
    QVERIFY(!items.at(1).ok());
    QCOMPARE(items.at(1).line, 2);
    QVERIFY(items.at(1).error->message.contains(QLatin1String("64")));
    QVERIFY(items.at(2).ok());
    QCOMPARE(items.at(2).line, 3);
}

void TestNdjsonDecoder::sourceNameInErrors()
{
    NdjsonDecoder decoder(NdjsonDecoder::DefaultMaxLineSize, QStringLiteral("http://localhost:11434/api/chat"));
    const QList<NdjsonItem> items = decoder.feed("{\"a\":1}\n{bad}\n");
    QCOMPARE(items.size(), 2);
    QVERIFY(items.at(1).error->toString().startsWith(QLatin1String("http://localhost:11434/api/chat:2:")));
}

QTEST_GUILESS_MAIN(TestNdjsonDecoder)
#include "tst_ndjsondecoder.moc"
