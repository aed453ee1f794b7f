// Prices as CSV: one row per stored price, RFC 4180 quoting, empty cells for kinds a provider does not bill.
#include "core/accounting/PriceCsv.h"
#include "core/common/Csv.h"

#include <QTest>
#include <QTimeZone>

using namespace Switchyard;

class TestPriceCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fieldsAreQuotedOnlyWhenNeeded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("gpt-4o") << QStringLiteral("gpt-4o");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("empty") << QString() << QString();
    }
    void fieldsAreQuotedOnlyWhenNeeded()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(Csv::field(text), field);
    }

    void rowsFollowTheColumnsWithEmptyCellsForUnbilledKinds()
    {
        ProviderRepository::PriceRecord plain;
        plain.providerId = QStringLiteral("openai");
        plain.modelId = QStringLiteral("gpt-4o-mini");
        plain.price.inputPer1k = 0.00015;
        plain.price.outputPer1k = 0.0006;
        plain.price.cachedInputPer1k = 0.000075;
        plain.source = ProviderRepository::PriceSource::ProvidersYaml;
        plain.updated = QDateTime(QDate(2026, 11, 23), QTime(4, 5, 6), QTimeZone::utc());
        ProviderRepository::PriceRecord odd = plain;
        odd.modelId = QStringLiteral("model,with \"comma\"");
        odd.price.cachedInputPer1k.reset();
        odd.price.reasoningPer1k = 0.002;
        odd.source = ProviderRepository::PriceSource::Manual;

        const QStringList lines = PriceCsv::write({plain, odd}).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);  // header, two rows, and the empty string after the last line break
        QCOMPARE(lines.at(0), PriceCsv::columns().join(QLatin1Char(',')));
        QCOMPARE(lines.at(1), QStringLiteral("openai,gpt-4o-mini,providers.yaml,0.00015,0.0006,7.5e-05,,,"
                                             "2026-11-23T04:05:06Z"));
        QCOMPARE(lines.at(2), QStringLiteral("openai,\"model,with \"\"comma\"\"\",manual,0.00015,0.0006,,,0.002,"
                                             "2026-11-23T04:05:06Z"));
        QVERIFY(lines.at(3).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPriceCsv)
#include "tst_pricecsv.moc"
