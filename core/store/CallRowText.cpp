#include "core/store/CallRowText.h"

#include <QDate>
#include <cstdio>

namespace Switchyard::CallRowText {

int formatTimestamp(const QDateTime &when, char *buffer)
{
    const qint64 msecs = when.toMSecsSinceEpoch();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86399999) / 86400000);
    const qint64 inDay = msecs - days * 86400000;
    const qint64 z = days + 719468;  // days since 0000-03-01
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;  // 0 = March
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    const int ms = int(inDay % 1000);
    const int s = int(inDay / 1000 % 60);
    const int m = int(inDay / 60000 % 60);
    const int h = int(inDay / 3600000);
    if (year < 1 || year > 9999) {
        // Outside four-digit years QDate's calendar (no year 0) decides; never seen in practice.
        int qYear = 0, qMonth = 0, qDay = 0;
        QDate::fromJulianDay(2440588 + days).getDate(&qYear, &qMonth, &qDay);
        return std::snprintf(buffer, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", qYear, qMonth, qDay, h, m, s, ms);
    }
    const auto put = [](char *out, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(buffer, int(year), 4);
    buffer[4] = '-';
    put(buffer + 5, month, 2);
    buffer[7] = '-';
    put(buffer + 8, day, 2);
    buffer[10] = 'T';
    put(buffer + 11, h, 2);
    buffer[13] = ':';
    put(buffer + 14, m, 2);
    buffer[16] = ':';
    put(buffer + 17, s, 2);
    buffer[19] = '.';
    put(buffer + 20, ms, 3);
    buffer[23] = 'Z';
    buffer[24] = '\0';
    return 24;
}

QString formatTimestamp(const QDateTime &when)
{
    char buffer[32];
    const int length = formatTimestamp(when, buffer);
    return QString::fromLatin1(buffer, length);
}

QString errorClass(FailureClass failure)
{
    return failure == FailureClass::None ? QString() : failureClassName(failure);
}

}  // namespace Switchyard::CallRowText
