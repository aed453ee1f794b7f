#include "core/templating/SystemVariables.h"

#include <QRandomGenerator>
#include <memory>

namespace Switchyard::Templating {

namespace {

const QString kCurrentDate = QStringLiteral("current_date");
const QString kCurrentTime = QStringLiteral("current_time");
const QString kDayOfWeek = QStringLiteral("day_of_week");
const QString kRandom = QStringLiteral("random_number_1_4");
const QString kHistory = QStringLiteral("conversation_history");

SystemVariables::Clock realClock()
{
    return [] {
        return QDateTime::currentDateTimeUtc();
    };
}

SystemVariables::RandomSource globalRandom()
{
    return [] {
        return QRandomGenerator::global()->generate();
    };
}

// Formatted by hand, in the C locale's English names: QLocale::toString() parses its format string on every call,
// which made the system variables the costliest part of rendering a short prompt.
const char *const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char *const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

QString twoDigits(int value)
{
    return QString::number(value).rightJustified(2, QLatin1Char('0'));
}

/// "15 January 2026" (QLocale::c(), "dd MMMM yyyy").
QString formatDate(const QDateTime &when)
{
    const QDate date = when.date();
    return twoDigits(date.day()) + QLatin1Char(' ') + QLatin1String(kMonths[date.month() - 1]) + QLatin1Char(' ') +
           QString::number(date.year());
}

/// "02:45 PM" (QLocale::c(), "hh:mm AP": a 12-hour clock, 12 for noon and midnight).
QString formatTime(const QDateTime &when)
{
    const QTime time = when.time();
    const int hour12 = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
    return twoDigits(hour12) + QLatin1Char(':') + twoDigits(time.minute()) +
           (time.hour() < 12 ? QLatin1String(" AM") : QLatin1String(" PM"));
}

/// "Thursday" (QLocale::c(), "dddd").
QString formatDay(const QDateTime &when)
{
    return QLatin1String(kDays[when.date().dayOfWeek() - 1]);
}

}  // namespace

SystemVariables::SystemVariables()
    : m_timeZone(QTimeZone::systemTimeZone()), m_clock(realClock()), m_random(globalRandom())
{
}

const QList<SystemVariableInfo> &SystemVariables::definitions()
{
    static const QList<SystemVariableInfo> list{
        {kCurrentDate, QStringLiteral("Today's date in the configured time zone, e.g. \"15 January 2026\"")},
        {kCurrentTime, QStringLiteral("The time of day in the configured time zone, e.g. \"02:45 PM\"")},
        {kDayOfWeek, QStringLiteral("The weekday in the configured time zone, e.g. \"Thursday\"")},
        {kRandom, QStringLiteral("A random whole number from 1 to 4, new for every render")},
        {kHistory, QStringLiteral("The conversation so far, as text supplied by the caller")},
    };
    return list;
}

bool SystemVariables::isSystemVariable(QStringView name)
{
    for (const SystemVariableInfo &info : definitions()) {
        if (info.name == name)
            return true;
    }
    return false;
}

void SystemVariables::setTimeZone(const QTimeZone &zone)
{
    if (zone.isValid())
        m_timeZone = zone;
}

void SystemVariables::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : realClock();
}

void SystemVariables::setRandomSource(RandomSource source)
{
    m_random = source ? std::move(source) : globalRandom();
}

void SystemVariables::setRandomSeed(quint32 seed)
{
    // The generator lives behind a shared_ptr so the const accessors can advance it and copies stay cheap.
    auto generator = std::make_shared<QRandomGenerator>(seed);
    m_random = [generator] {
        return generator->generate();
    };
}

QDateTime SystemVariables::now() const
{
    return m_clock().toTimeZone(m_timeZone);
}

QString SystemVariables::currentDate() const
{
    return formatDate(now());
}

QString SystemVariables::currentTime() const
{
    return formatTime(now());
}

QString SystemVariables::dayOfWeek() const
{
    return formatDay(now());
}

int SystemVariables::randomNumber1To4() const
{
    // 2^32 is a multiple of 4, so the remainder is unbiased.
    return int(m_random() % 4U) + 1;
}

QJsonObject SystemVariables::values() const
{
    const QDateTime when = now();
    QJsonObject object;
    for (const QString &name : {kCurrentDate, kCurrentTime, kDayOfWeek, kRandom, kHistory})
        object.insert(name, valueAt(name, when));
    return object;
}

QJsonValue SystemVariables::valueAt(QStringView name, const QDateTime &now) const
{
    if (name == kCurrentDate)
        return formatDate(now);
    if (name == kCurrentTime)
        return formatTime(now);
    if (name == kDayOfWeek)
        return formatDay(now);
    if (name == kRandom)
        return randomNumber1To4();
    if (name == kHistory)
        return m_conversationHistory;
    return QJsonValue(QJsonValue::Undefined);
}

}  // namespace Switchyard::Templating
