// `switchyard --report-startup FILE`: the first paint of the window and the idle memory end up in a JSON file.
#include "ui/StartupReport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Switchyard;

class TestStartupReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheProcessFigures()
    {
        const auto sinceStart = StartupReport::msSinceProcessStart();
        QVERIFY(sinceStart);
        QVERIFY(*sinceStart >= 0);
        QVERIFY(*sinceStart < 10 * 60 * 1000);  // this test process started minutes ago at most
        const auto rss = StartupReport::statusKiB("VmRSS");
        const auto hwm = StartupReport::statusKiB("VmHWM");
        QVERIFY(rss && hwm);
        QVERIFY(*rss > 1024);  // a Qt GUI process holds more than 1 MiB
        QVERIFY(*hwm >= *rss);
        QVERIFY(!StartupReport::statusKiB("NoSuchField"));
    }

    void writesTheReportAfterTheFirstPaint()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("startup.json"));
        StartupReport::markMainStarted();
        QWidget window;
        auto *report = new StartupReport(&window, file, 50);
        QSignalSpy written(report, &StartupReport::written);
        QVERIFY(!QFile::exists(file));  // nothing before the window paints
        window.resize(200, 100);
        window.show();
        QTRY_COMPARE(written.count(), 1);
        QCOMPARE(written.first().first().toString(), QString());  // no error

        QFile json(file);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject values = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(values, report->values());
        QVERIFY(values.value(QStringLiteral("first_paint_ms")).toDouble() >= 0);
        QVERIFY(values.value(QStringLiteral("first_paint_since_main_ms")).toDouble() >= 0);
        QVERIFY(values.value(QStringLiteral("first_paint_since_main_ms")).toDouble() <=
                values.value(QStringLiteral("first_paint_ms")).toDouble() + 10);  // main starts after the process
        QVERIFY(values.value(QStringLiteral("idle_rss_mb")).toDouble() > 1.0);
        QVERIFY(values.value(QStringLiteral("idle_hwm_mb")).toDouble() >=
                values.value(QStringLiteral("idle_rss_mb")).toDouble());
        QCOMPARE(values.value(QStringLiteral("idle_ms")).toInt(), 50);
        QCOMPARE(values.value(QStringLiteral("platform")).toString(), QStringLiteral("offscreen"));

        // Later paints change nothing: the report is about the first one.
        window.update();
        QTest::qWait(100);
        QCOMPARE(written.count(), 1);
    }

    void anUnwritableFileIsReported()
    {
        QWidget window;
        auto *report = new StartupReport(&window, QStringLiteral("/nonexistent-dir/startup.json"), 10);
        QSignalSpy written(report, &StartupReport::written);
        window.show();
        QTRY_COMPARE(written.count(), 1);
        QVERIFY(written.first().first().toString().contains(QStringLiteral("/nonexistent-dir/startup.json")));
    }
};

QTEST_MAIN(TestStartupReport)
#include "tst_startupreport.moc"
