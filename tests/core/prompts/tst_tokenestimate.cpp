#include "core/prompts/TokenEstimate.h"
#include "core/providers/simulator/SimulatedCall.h"

#include <QTest>

using namespace Switchyard;

class TestTokenEstimate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forCharacters_data();
    void forCharacters();
    void textUsesItsLength();
    void simulatorUsesTheSharedEstimate();
};

void TestTokenEstimate::forCharacters_data()
{
    QTest::addColumn<qint64>("characters");
    QTest::addColumn<qint64>("tokens");
    QTest::newRow("none") << qint64(0) << qint64(0);
    QTest::newRow("negative") << qint64(-5) << qint64(0);
    QTest::newRow("one character is a token") << qint64(1) << qint64(1);
    QTest::newRow("exactly four") << qint64(4) << qint64(1);
    QTest::newRow("five rounds up") << qint64(5) << qint64(2);
    QTest::newRow("large") << qint64(4'000'001) << qint64(1'000'001);
}

void TestTokenEstimate::forCharacters()
{
    QFETCH(qint64, characters);
    QFETCH(qint64, tokens);
    QCOMPARE(TokenEstimate::forCharacters(characters), tokens);
}

void TestTokenEstimate::textUsesItsLength()
{
    QCOMPARE(TokenEstimate::forText(u""), 0);
    QCOMPARE(TokenEstimate::forText(u"Hello, world"), 3);   // 12 characters
    QCOMPARE(TokenEstimate::forText(u"Hello, world!"), 4);  // 13 characters
    // UTF-16 code units: an emoji outside the BMP counts two.
    QCOMPARE(TokenEstimate::forText(QStringView(u"abc\U0001F600")), 2);
}

void TestTokenEstimate::simulatorUsesTheSharedEstimate()
{
    const QString text = QStringLiteral("The quick brown fox jumps over the lazy dog");
    QCOMPARE(SimulatedCall::estimateTokens(text), TokenEstimate::forText(text));
    QCOMPARE(SimulatedCall::estimateTokens(text), 11);
}

QTEST_GUILESS_MAIN(TestTokenEstimate)
#include "tst_tokenestimate.moc"
