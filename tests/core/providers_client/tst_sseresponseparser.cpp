#include "core/providers/client/SseResponseParser.h"

#include <QtTest>

using namespace Switchyard;

namespace {

/// A minimal SSE format to pin down what the base decides: "end" terminates, "bad" fails, {"finish": ...} sets a
/// finish reason (which makes the stream look complete), anything else is text.
class ToyParser : public SseResponseParser {
public:
    ParseUpdate parseBody(const QByteArray &) override { return {}; }
    bool streamLooksComplete() const override { return !m_finishReason.isEmpty(); }

    int handled = 0;
    int finishUpdates = 0;

protected:
    void handleEvent(const Wire::SseEvent &event, ParseUpdate &update) override
    {
        ++handled;
        if (event.data == "end") {
            m_ended = true;
            update.complete = true;
        } else if (event.data == "bad") {
            update.failure = malformed(QStringLiteral("bad event"));
        } else if (event.data.startsWith("{\"finish\"")) {
            m_finishReason = QStringLiteral("stop");
        } else {
            m_text += QString::fromUtf8(event.data);
            update.deltas.append(QString::fromUtf8(event.data));
        }
    }
    bool terminated() const override { return m_ended; }
    QString cutReason() const override { return QStringLiteral("toy cut"); }
    void finishUpdate(ParseUpdate &) override { ++finishUpdates; }

private:
    bool m_ended = false;
};

}  // namespace

class TestSseResponseParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventsAfterTheTerminatorAreIgnored()
    {
        ToyParser parser;
        const ParseUpdate update = parser.feed("data: a\n\ndata: end\n\ndata: b\n\n");
        QCOMPARE(update.deltas, QStringList{QStringLiteral("a")});
        QVERIFY(update.complete);
        QCOMPARE(parser.handled, 2);
        QCOMPARE(parser.feed("data: c\n\n").deltas, QStringList());
        QCOMPARE(parser.handled, 2);
        QVERIFY(parser.finishStream().complete);
        QCOMPARE(parser.text(), QStringLiteral("a"));
    }

    void aFailureStopsTheFeed()
    {
        ToyParser parser;
        const ParseUpdate update = parser.feed("data: a\n\ndata: bad\n\ndata: b\n\n");
        QVERIFY(update.failure);
        QCOMPARE(update.failure->failure, FailureClass::MalformedResponse);
        QCOMPARE(update.deltas, QStringList{QStringLiteral("a")});
        QCOMPARE(parser.handled, 2);
        QCOMPARE(parser.finishUpdates, 1);  // the hook sees every feed() result, failed or not
    }

    void aPartialLastEventCountsOnlyWhenItsJsonIsWhole()
    {
        ToyParser whole;
        QVERIFY(!whole.feed("data: a\n\ndata: {\"finish\": 1}").complete);
        const ParseUpdate completed = whole.finishStream();
        QVERIFY(!completed.failure);
        QVERIFY(completed.complete);
        QCOMPARE(whole.handled, 2);
        QCOMPARE(whole.finishUpdates, 2);  // feed() and the completion

        ToyParser cut;
        cut.feed("data: a\n\ndata: {\"finish\": ");
        const ParseUpdate failed = cut.finishStream();
        QVERIFY(!failed.complete);
        QVERIFY(failed.failure);
        QCOMPARE(failed.failure->failure, FailureClass::StreamCut);
        QCOMPARE(failed.failure->message, QStringLiteral("toy cut"));
        QCOMPARE(cut.handled, 1);
        QCOMPARE(cut.finishUpdates, 1);  // not run for a cut
    }

    void looksCompleteWithoutTerminatorIsComplete()
    {
        ToyParser parser;
        parser.feed("data: a\n\ndata: {\"finish\": 1}\n\n");
        QVERIFY(parser.finishStream().complete);
    }

    void commentsCountAsActivity()
    {
        ToyParser parser;
        QCOMPARE(parser.activityCount(), qint64(0));
        parser.feed(": keep-alive\n\n: another\n\ndata: a\n\n");
        QCOMPARE(parser.activityCount(), qint64(2));
        QCOMPARE(parser.handled, 1);
    }
};

QTEST_GUILESS_MAIN(TestSseResponseParser)
#include "tst_sseresponseparser.moc"
