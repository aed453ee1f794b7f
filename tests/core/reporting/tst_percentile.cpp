// The one percentile definition (nearest rank) on small hand-made sets, and the query's parsing of user input.
#include "core/reporting/Percentile.h"
#include "core/reporting/ReportQuery.h"

#include <QtTest>

using namespace Switchyard;

class TestPercentile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nearestRank_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<int>("percent");
        QTest::addColumn<qint64>("expected");
        // One value: every percentile is that value.
        QTest::newRow("one p50") << QList<qint64>{7} << 50 << qint64(7);
        QTest::newRow("one p99") << QList<qint64>{7} << 99 << qint64(7);
        // Even count: p50 is the lower middle value (at least half the values are <= it), never an average.
        QTest::newRow("two p50") << QList<qint64>{20, 10} << 50 << qint64(10);
        QTest::newRow("two p51") << QList<qint64>{20, 10} << 51 << qint64(20);
        QTest::newRow("four p50") << QList<qint64>{40, 10, 30, 20} << 50 << qint64(20);
        QTest::newRow("odd p50") << QList<qint64>{30, 10, 20} << 50 << qint64(20);
        // Ties: the value itself, whatever its multiplicity.
        QTest::newRow("ties p50") << QList<qint64>{2, 1, 2, 3, 2} << 50 << qint64(2);
        QTest::newRow("ties p80") << QList<qint64>{2, 1, 2, 3, 2} << 80 << qint64(2);
        QTest::newRow("ties p81") << QList<qint64>{2, 1, 2, 3, 2} << 81 << qint64(3);
        QTest::newRow("all equal p99") << QList<qint64>{5, 5, 5, 5} << 99 << qint64(5);
        // Ten values: p95 needs 9.5 values at or below, so the 10th.
        QTest::newRow("ten p95") << QList<qint64>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << 95 << qint64(10);
        QTest::newRow("ten p90") << QList<qint64>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << 90 << qint64(9);
        QTest::newRow("p0 is the minimum") << QList<qint64>{3, 1, 2} << 0 << qint64(1);
        QTest::newRow("p100 is the maximum") << QList<qint64>{3, 1, 2} << 100 << qint64(3);
    }

    void nearestRank()
    {
        QFETCH(QList<qint64>, values);
        QFETCH(int, percent);
        QFETCH(qint64, expected);
        std::vector<qint64> v(values.begin(), values.end());
        const std::vector<qint64> result = Percentile::nearestRank(v, {percent});
        QCOMPARE(result.size(), std::size_t(1));
        QCOMPARE(result.front(), expected);
    }

    void hundredValues()
    {
        std::vector<qint64> values;
        for (int i = 100; i >= 1; --i)
            values.push_back(i * 10);
        QCOMPARE(Percentile::nearestRank(values, {50, 95, 99}), (std::vector<qint64>{500, 950, 990}));
        // 101 values: p50 is the 51st (ceil(50.5)), p99 the 100th (ceil(99.99)).
        values.push_back(1010);
        QCOMPARE(Percentile::nearestRank(values, {50, 95, 99}), (std::vector<qint64>{510, 960, 1000}));
    }

    void emptyAndIndex()
    {
        std::vector<qint64> none;
        QVERIFY(Percentile::nearestRank(none, {50}).empty());
        QCOMPARE(Percentile::nearestRankIndex(0, 50), qsizetype(-1));
        QCOMPARE(Percentile::nearestRankIndex(1, 99), qsizetype(0));
        QCOMPARE(Percentile::nearestRankIndex(200, 95), qsizetype(189));
        QCOMPARE(Percentile::nearestRankIndex(3, 150), qsizetype(2));
    }

    void groupingsAndDates()
    {
        QCOMPARE(*ReportQuery::parseGrouping(QStringLiteral("week")), ReportGrouping::Week);
        const auto bad = ReportQuery::parseGrouping(QStringLiteral("hour"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(QStringLiteral("'hour'")), qPrintable(bad.error().message));
        QVERIFY(bad.error().message.contains(QStringLiteral("provider, model, bot, version, day, week, month")));

        QCOMPARE(*ReportQuery::parseDate(QStringLiteral("2026-02-28"), QStringLiteral("--from")), QDate(2026, 2, 28));
        for (const char *text : {"2026-02-30", "2026-2-3", "20260203", "2026-02-03T00:00:00", "yesterday", ""}) {
            const auto date = ReportQuery::parseDate(QString::fromLatin1(text), QStringLiteral("--to"));
            QVERIFY2(!date.ok(), text);
            QVERIFY(date.error().message.contains(QStringLiteral("--to must be a date written YYYY-MM-DD")));
        }

        ReportQuery query;
        query.from = QDate(2026, 3, 2);
        query.to = QDate(2026, 3, 1);
        QVERIFY(!query.validate().ok());
        query.to = QDate(2026, 3, 2);
        QVERIFY(query.validate().ok());
        query.promptVersion = 2;
        QVERIFY(!query.validate().ok());
        query.promptKey = QStringLiteral("support.answer");
        QVERIFY(query.validate().ok());
    }
};

QTEST_GUILESS_MAIN(TestPercentile)
#include "tst_percentile.moc"
