#include "core/prompts/LineDiff.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Switchyard;

namespace {

using Kind = DiffLine::Kind;

/// Replays @p lines against @p left: Equal and Removed lines must be exactly left's lines in order (with matching
/// numbers); the Equal and Added lines, in order, are the result.
QString apply(const QString &left, const QList<DiffLine> &lines)
{
    const QStringList leftLines = LineDiff::splitLines(left);
    QStringList result;
    int nextLeft = 1;
    int nextRight = 1;
    for (const DiffLine &line : lines) {
        if (line.kind != Kind::Added) {
            if (line.leftLine != nextLeft || leftLines.value(nextLeft - 1) != line.text)
                qFatal("diff does not match the left text at line %d", nextLeft);
            ++nextLeft;
        } else if (line.leftLine != 0) {
            qFatal("an added line has a left line number");
        }
        if (line.kind != Kind::Removed) {
            if (line.rightLine != nextRight)
                qFatal("right line numbers are not consecutive at %d", nextRight);
            ++nextRight;
            result.append(line.text);
        } else if (line.rightLine != 0) {
            qFatal("a removed line has a right line number");
        }
    }
    if (nextLeft - 1 != leftLines.size())
        qFatal("diff leaves out left lines");
    return result.isEmpty() ? QString() : result.join(QLatin1Char('\n'));
}

QString randomText(QRandomGenerator &random, int maxLines)
{
    // A small alphabet makes repeated lines (the hard case for a diff) common.
    static const QStringList words = {QStringLiteral("alpha"),
                                      QStringLiteral("beta"),
                                      QStringLiteral("gamma"),
                                      QStringLiteral("delta"),
                                      QString(),
                                      QStringLiteral("  indented")};
    QStringList lines;
    const int count = int(random.bounded(maxLines + 1));
    for (int i = 0; i < count; ++i)
        lines.append(words.at(int(random.bounded(qsizetype(words.size())))));
    QString text = lines.join(QLatin1Char('\n'));
    if (random.bounded(2) == 0 && !text.isEmpty())
        text += QLatin1Char('\n');
    return text;
}

/// A mutated copy of @p text: some lines dropped, replaced or inserted.
QString mutate(QRandomGenerator &random, const QString &text)
{
    QStringList lines = LineDiff::splitLines(text);
    const int edits = int(random.bounded(6));
    for (int i = 0; i < edits; ++i) {
        const int at = int(random.bounded(qsizetype(lines.size() + 1)));
        switch (random.bounded(3)) {
        case 0:
            if (at < lines.size())
                lines.removeAt(at);
            break;
        case 1:
            if (at < lines.size())
                lines[at] = QStringLiteral("changed %1").arg(i);
            break;
        default:
            lines.insert(at, QStringLiteral("inserted %1").arg(i));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

int changedCount(const QList<DiffLine> &lines)
{
    const DiffStats stats = LineDiff::stats(lines);
    return stats.added + stats.removed;
}

}  // namespace

class TestLineDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptySides();
    void identicalTexts();
    void replacedLineIsRemovedThenAdded();
    void insertionKeepsSurroundingLines();
    void trailingNewlineDifference();
    void minimalForKnownCases_data();
    void minimalForKnownCases();
    void sideBySidePairsAdjacentChanges();
    void changedRangesTrimCommonParts();
    void randomizedApplyGivesRight();
    void largeTextsAreFast();
};

void TestLineDiff::emptySides()
{
    QVERIFY(LineDiff::compare(QString(), QString()).isEmpty());

    const auto added = LineDiff::compare(QString(), QStringLiteral("a\nb"));
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.at(0), (DiffLine{Kind::Added, 0, 1, QStringLiteral("a")}));
    QCOMPARE(added.at(1), (DiffLine{Kind::Added, 0, 2, QStringLiteral("b")}));

    const auto removed = LineDiff::compare(QStringLiteral("a\nb"), QString());
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0), (DiffLine{Kind::Removed, 1, 0, QStringLiteral("a")}));
    QCOMPARE(removed.at(1), (DiffLine{Kind::Removed, 2, 0, QStringLiteral("b")}));
}

void TestLineDiff::identicalTexts()
{
    const QString text = QStringLiteral("key: a\nmodel: b\n\nsystem: |\n  hello\n");
    const auto lines = LineDiff::compare(text, text);
    QCOMPARE(lines.size(), 6);
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).kind, Kind::Equal);
        QCOMPARE(lines.at(i).leftLine, i + 1);
        QCOMPARE(lines.at(i).rightLine, i + 1);
    }
    QCOMPARE(LineDiff::stats(lines).equal, 6);
}

void TestLineDiff::replacedLineIsRemovedThenAdded()
{
    const auto lines =
        LineDiff::compare(QStringLiteral("a\ntemperature: 0.3\nc"), QStringLiteral("a\ntemperature: 0.7\nc"));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), (DiffLine{Kind::Equal, 1, 1, QStringLiteral("a")}));
    QCOMPARE(lines.at(1), (DiffLine{Kind::Removed, 2, 0, QStringLiteral("temperature: 0.3")}));
    QCOMPARE(lines.at(2), (DiffLine{Kind::Added, 0, 2, QStringLiteral("temperature: 0.7")}));
    QCOMPARE(lines.at(3), (DiffLine{Kind::Equal, 3, 3, QStringLiteral("c")}));
}

void TestLineDiff::insertionKeepsSurroundingLines()
{
    const auto lines = LineDiff::compare(QStringLiteral("a\nb\nc"), QStringLiteral("a\nb\nnew\nc"));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(2), (DiffLine{Kind::Added, 0, 3, QStringLiteral("new")}));
    QCOMPARE(lines.at(3), (DiffLine{Kind::Equal, 3, 4, QStringLiteral("c")}));
}

void TestLineDiff::trailingNewlineDifference()
{
    // "a\nb\n" has an empty third line that "a\nb" lacks: the only difference reported.
    const auto lines = LineDiff::compare(QStringLiteral("a\nb\n"), QStringLiteral("a\nb"));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).kind, Kind::Equal);
    QCOMPARE(lines.at(1).kind, Kind::Equal);
    QCOMPARE(lines.at(2), (DiffLine{Kind::Removed, 3, 0, QString()}));
    QCOMPARE(apply(QStringLiteral("a\nb\n"), lines), QStringLiteral("a\nb"));

    const auto back = LineDiff::compare(QStringLiteral("a\nb"), QStringLiteral("a\nb\n"));
    QCOMPARE(changedCount(back), 1);
    QCOMPARE(back.constLast(), (DiffLine{Kind::Added, 0, 3, QString()}));
}

void TestLineDiff::minimalForKnownCases_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<int>("changes");
    const auto lines = [](const char *letters) {
        return QString::fromLatin1(letters).split(QString(), Qt::SkipEmptyParts).join(QLatin1Char('\n'));
    };
    // The example of Myers' paper: edit distance 5.
    QTest::newRow("myers") << lines("abcabba") << lines("cbabac") << 5;
    QTest::newRow("swap") << lines("ab") << lines("ba") << 2;
    QTest::newRow("all different") << lines("abc") << lines("xyz") << 6;
    QTest::newRow("repeated lines") << lines("aaaa") << lines("aa") << 2;
    QTest::newRow("middle insert") << lines("abcdef") << lines("abcXdef") << 1;
}

void TestLineDiff::minimalForKnownCases()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(int, changes);
    const auto lines = LineDiff::compare(left, right);
    QCOMPARE(changedCount(lines), changes);
    QCOMPARE(apply(left, lines), right);
}

void TestLineDiff::sideBySidePairsAdjacentChanges()
{
    const auto rows = LineDiff::sideBySide(
        LineDiff::compare(QStringLiteral("keep\nold 1\nold 2\nold 3\nend"), QStringLiteral("keep\nnew 1\nend\nextra")));
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows.at(0).kind, DiffRow::Kind::Equal);
    QCOMPARE(rows.at(1).kind, DiffRow::Kind::Changed);
    QCOMPARE(rows.at(1).leftText, QStringLiteral("old 1"));
    QCOMPARE(rows.at(1).rightText, QStringLiteral("new 1"));
    QCOMPARE(rows.at(1).leftLine, 2);
    QCOMPARE(rows.at(1).rightLine, 2);
    QCOMPARE(rows.at(2).kind, DiffRow::Kind::Removed);
    QCOMPARE(rows.at(2).leftLine, 3);
    QCOMPARE(rows.at(2).rightLine, 0);
    QCOMPARE(rows.at(3).kind, DiffRow::Kind::Removed);
    QCOMPARE(rows.at(4).kind, DiffRow::Kind::Equal);
    QCOMPARE(rows.at(4).leftLine, 5);
    QCOMPARE(rows.at(4).rightLine, 3);
    QCOMPARE(rows.at(5).kind, DiffRow::Kind::Added);
    QCOMPARE(rows.at(5).rightText, QStringLiteral("extra"));
    QCOMPARE(rows.at(5).leftLine, 0);
}

void TestLineDiff::changedRangesTrimCommonParts()
{
    auto [left, right] =
        LineDiff::changedRanges(QStringLiteral("temperature: 0.3"), QStringLiteral("temperature: 0.75"));
    QCOMPARE(left, (DiffRange{15, 1}));
    QCOMPARE(right, (DiffRange{15, 2}));

    std::tie(left, right) = LineDiff::changedRanges(QStringLiteral("aXa"), QStringLiteral("aa"));
    QCOMPARE(left, (DiffRange{1, 1}));
    QCOMPARE(right, (DiffRange{1, 0}));

    std::tie(left, right) = LineDiff::changedRanges(QStringLiteral("same"), QStringLiteral("same"));
    QCOMPARE(left.length, 0);
    QCOMPARE(right.length, 0);
}

void TestLineDiff::randomizedApplyGivesRight()
{
    QRandomGenerator random(20261123);
    for (int round = 0; round < 2000; ++round) {
        const QString left = randomText(random, 30);
        const QString right = random.bounded(4) == 0 ? randomText(random, 30) : mutate(random, left);
        const auto lines = LineDiff::compare(left, right);
        QCOMPARE(apply(left, lines), right);
        // Never worse than deleting everything and adding everything.
        QVERIFY(changedCount(lines) <= LineDiff::splitLines(left).size() + LineDiff::splitLines(right).size());
        // Symmetry: the edit distance is the same in both directions.
        QCOMPARE(changedCount(LineDiff::compare(right, left)), changedCount(lines));
    }
}

void TestLineDiff::largeTextsAreFast()
{
    // Two 2,000-line prompts that share nothing: the worst case for O(ND).
    QStringList a;
    QStringList b;
    for (int i = 0; i < 2000; ++i) {
        a.append(QStringLiteral("left line %1").arg(i));
        b.append(QStringLiteral("right line %1").arg(i));
    }
    QElapsedTimer timer;
    timer.start();
    const auto lines = LineDiff::compare(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')));
    QCOMPARE(changedCount(lines), 4000);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
