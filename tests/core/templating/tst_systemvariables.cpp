// System variables: fixed clock and time zone, C-locale formatting, deterministic random numbers, and how they
// meet the render data.

#include "core/templating/SystemVariables.h"
#include "core/templating/Template.h"

#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTest>

using Switchyard::Result;
using namespace Switchyard::Templating;

namespace {

const QDateTime kFixedUtc(QDate(2026, 1, 15), QTime(14, 45), Qt::UTC);

SystemVariables fixedAt(const QDateTime &when, const QByteArray &zoneId)
{
    SystemVariables system;
    system.setClock([when] { return when; });
    system.setTimeZone(QTimeZone(zoneId));
    system.setRandomSeed(42);
    return system;
}

}  // namespace

class TestSystemVariables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void defaultsUseTheSystemTimeZone();
    void formatsInTheConfiguredZone_data();
    void formatsInTheConfiguredZone();
    void clockInAnotherZoneIsConverted();
    void formattingIgnoresTheDefaultLocale();
    void formatsLikeTheCLocaleAroundTheClock();
    void invalidZoneIsIgnored();
    void randomNumberStaysInRange();
    void randomNumberIsDeterministicWithASeed();
    void randomSourceCanBeInjected();
    void definitionsDescribeEveryVariable();
    void renderUsesSystemVariables();
    void oneRenderSeesOneSnapshot();
    void dataOverridesSystemVariable();
    void withoutSystemVariablesTheNamesAreMissing();
};

void TestSystemVariables::init()
{
    // A German default locale must not leak into the strings.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
}

void TestSystemVariables::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestSystemVariables::defaultsUseTheSystemTimeZone()
{
    const SystemVariables system;
    QCOMPARE(system.timeZone(), QTimeZone::systemTimeZone());
    QCOMPARE(system.conversationHistory(), QString());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = system.now();
    QVERIFY(qAbs(now.secsTo(before)) < 5);
}

void TestSystemVariables::formatsInTheConfiguredZone_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("day");

    QTest::newRow("UTC") << kFixedUtc << QByteArray("UTC") << QStringLiteral("15 January 2026")
                         << QStringLiteral("02:45 PM") << QStringLiteral("Thursday");
    QTest::newRow("Berlin") << kFixedUtc << QByteArray("Europe/Berlin") << QStringLiteral("15 January 2026")
                            << QStringLiteral("03:45 PM") << QStringLiteral("Thursday");
    const QDateTime lateUtc(QDate(2026, 1, 15), QTime(23, 30), Qt::UTC);
    QTest::newRow("Berlin after midnight")
        << lateUtc << QByteArray("Europe/Berlin") << QStringLiteral("16 January 2026") << QStringLiteral("12:30 AM")
        << QStringLiteral("Friday");
    QTest::newRow("UTC before midnight") << lateUtc << QByteArray("UTC") << QStringLiteral("15 January 2026")
                                         << QStringLiteral("11:30 PM") << QStringLiteral("Thursday");
    const QDateTime earlyUtc(QDate(2026, 3, 2), QTime(3, 5), Qt::UTC);
    QTest::newRow("New York day before") << earlyUtc << QByteArray("America/New_York")
                                         << QStringLiteral("01 March 2026") << QStringLiteral("10:05 PM")
                                         << QStringLiteral("Sunday");
}

void TestSystemVariables::formatsInTheConfiguredZone()
{
    QFETCH(QDateTime, instant);
    QFETCH(QByteArray, zone);
    QFETCH(QString, date);
    QFETCH(QString, time);
    QFETCH(QString, day);

    const SystemVariables system = fixedAt(instant, zone);
    QCOMPARE(system.timeZone().id(), zone);
    QCOMPARE(system.currentDate(), date);
    QCOMPARE(system.currentTime(), time);
    QCOMPARE(system.dayOfWeek(), day);

    const QJsonObject values = system.values();
    QCOMPARE(values.value(QStringLiteral("current_date")).toString(), date);
    QCOMPARE(values.value(QStringLiteral("current_time")).toString(), time);
    QCOMPARE(values.value(QStringLiteral("day_of_week")).toString(), day);
}

void TestSystemVariables::clockInAnotherZoneIsConverted()
{
    // A clock that reports Berlin wall time 14:45 is the instant 13:45 UTC.
    const QDateTime berlinWallTime(QDate(2026, 1, 15), QTime(14, 45), QTimeZone("Europe/Berlin"));
    QCOMPARE(fixedAt(berlinWallTime, "Europe/Berlin").currentTime(), QStringLiteral("02:45 PM"));
    QCOMPARE(fixedAt(berlinWallTime, "UTC").currentTime(), QStringLiteral("01:45 PM"));
}

void TestSystemVariables::formattingIgnoresTheDefaultLocale()
{
    QCOMPARE(QLocale().language(), QLocale::German);
    const SystemVariables system = fixedAt(QDateTime(QDate(2026, 3, 4), QTime(9, 7), Qt::UTC), "UTC");
    QCOMPARE(system.currentDate(), QStringLiteral("04 March 2026"));
    QCOMPARE(system.currentTime(), QStringLiteral("09:07 AM"));
    QCOMPARE(system.dayOfWeek(), QStringLiteral("Wednesday"));
}

void TestSystemVariables::invalidZoneIsIgnored()
{
    SystemVariables system = fixedAt(kFixedUtc, "Europe/Berlin");
    system.setTimeZone(QTimeZone("Not/AZone"));
    QCOMPARE(system.timeZone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(system.currentTime(), QStringLiteral("03:45 PM"));
}

void TestSystemVariables::randomNumberStaysInRange()
{
    SystemVariables system;  // the real global generator
    QSet<int> seen;
    for (int i = 0; i < 2000; ++i) {
        const int n = system.randomNumber1To4();
        QVERIFY2(n >= 1 && n <= 4, qPrintable(QString::number(n)));
        seen.insert(n);
    }
    QCOMPARE(seen.size(), 4);
}

void TestSystemVariables::randomNumberIsDeterministicWithASeed()
{
    auto sequence = [](quint32 seed) {
        SystemVariables system;
        system.setRandomSeed(seed);
        QList<int> numbers;
        for (int i = 0; i < 64; ++i)
            numbers.append(system.randomNumber1To4());
        return numbers;
    };
    const QList<int> first = sequence(7);
    QCOMPARE(sequence(7), first);
    QVERIFY(sequence(8) != first);
    for (int n : first)
        QVERIFY(n >= 1 && n <= 4);
}

void TestSystemVariables::randomSourceCanBeInjected()
{
    SystemVariables system;
    quint32 next = 0;
    system.setRandomSource([&next] { return next++; });
    QList<int> numbers;
    for (int i = 0; i < 6; ++i)
        numbers.append(system.randomNumber1To4());
    QCOMPARE(numbers, (QList<int>{1, 2, 3, 4, 1, 2}));
    system.setRandomSource({});  // back to the real generator
    const int n = system.randomNumber1To4();
    QVERIFY(n >= 1 && n <= 4);
}

void TestSystemVariables::definitionsDescribeEveryVariable()
{
    const QList<SystemVariableInfo> &definitions = SystemVariables::definitions();
    QStringList names;
    for (const SystemVariableInfo &info : definitions) {
        names.append(info.name);
        QVERIFY2(!info.description.isEmpty(), qPrintable(info.name));
        QVERIFY(SystemVariables::isSystemVariable(info.name));
    }
    QCOMPARE(names,
             (QStringList{QStringLiteral("current_date"), QStringLiteral("current_time"), QStringLiteral("day_of_week"),
                          QStringLiteral("random_number_1_4"), QStringLiteral("conversation_history")}));
    QVERIFY(!SystemVariables::isSystemVariable(u"current_dates"));
    QVERIFY(!SystemVariables::isSystemVariable(u"Current_Date"));

    // values() has exactly these keys.
    const QJsonObject values = fixedAt(kFixedUtc, "UTC").values();
    QStringList keys = values.keys();
    keys.sort();
    names.sort();
    QCOMPARE(keys, names);
}

void TestSystemVariables::renderUsesSystemVariables()
{
    SystemVariables system = fixedAt(kFixedUtc, "Europe/Berlin");
    system.setRandomSource([] { return quint32(2); });
    system.setConversationHistory(QStringLiteral("user: hi\nassistant: hello"));
    RenderOptions options;
    options.system = &system;
    options.missing = MissingPolicy::Error;
    const Result<QString> out = Template::renderText(
        QStringLiteral("Today is {{day_of_week}}, {{current_date}}, {{current_time}}. Pick {{random_number_1_4}}.\n"
                       "{{#conversation_history}}History:\n{{conversation_history}}{{/conversation_history}}"),
        QJsonObject(), options);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
    QCOMPARE(*out, QStringLiteral("Today is Thursday, 15 January 2026, 03:45 PM. Pick 3.\n"
                                  "History:\nuser: hi\nassistant: hello"));
}

void TestSystemVariables::oneRenderSeesOneSnapshot()
{
    SystemVariables system = fixedAt(kFixedUtc, "UTC");
    quint32 next = 0;
    system.setRandomSource([&next] { return next++; });
    RenderOptions options;
    options.system = &system;
    const Template twice = *Template::compile(QStringLiteral("{{random_number_1_4}}{{random_number_1_4}}"));
    QCOMPARE(*twice.render(QJsonObject(), options), QStringLiteral("11"));
    QCOMPARE(*twice.render(QJsonObject(), options), QStringLiteral("22"));
}

void TestSystemVariables::dataOverridesSystemVariable()
{
    const SystemVariables system = fixedAt(kFixedUtc, "UTC");
    RenderOptions options;
    options.system = &system;
    const QJsonObject data{
        {QStringLiteral("current_date"), QStringLiteral("the day after tomorrow")},
        {QStringLiteral("inner"), QJsonObject{{QStringLiteral("day_of_week"), QStringLiteral("Caturday")}}}};
    const Result<QString> out = Template::renderText(
        QStringLiteral("{{current_date}} | {{current_time}} | {{day_of_week}} | {{#inner}}{{day_of_week}}{{/inner}}"),
        data, options);
    QVERIFY(out.ok());
    QCOMPARE(*out, QStringLiteral("the day after tomorrow | 02:45 PM | Thursday | Caturday"));
}

void TestSystemVariables::withoutSystemVariablesTheNamesAreMissing()
{
    RenderReport report;
    const Result<QString> out =
        Template::renderText(QStringLiteral("{{current_date}}"), QJsonObject(), RenderOptions{}, &report);
    QVERIFY(out.ok());
    QCOMPARE(*out, QStringLiteral("{{current_date}}"));
    QCOMPARE(report.missing.size(), 1);
    QCOMPARE(report.missing.first().name, QStringLiteral("current_date"));
}

void TestSystemVariables::formatsLikeTheCLocaleAroundTheClock()
{
    // The formatting is done by hand for speed; it must match what QLocale::c() writes, at every hour of a leap year.
    const QDateTime start(QDate(2028, 1, 1), QTime(0, 7), QTimeZone::utc());
    for (int hours = 0; hours < 366 * 24; hours += 7) {
        const QDateTime when = start.addSecs(qint64(hours) * 3600);
        const SystemVariables variables = fixedAt(when, "UTC");
        QCOMPARE(variables.currentDate(), QLocale::c().toString(when, QStringLiteral("dd MMMM yyyy")));
        QCOMPARE(variables.currentTime(), QLocale::c().toString(when, QStringLiteral("hh:mm AP")));
        QCOMPARE(variables.dayOfWeek(), QLocale::c().toString(when, QStringLiteral("dddd")));
    }
}

QTEST_GUILESS_MAIN(TestSystemVariables)
#include "tst_systemvariables.moc"
