#include "core/model/Money.h"

namespace Switchyard::MicroUsd {

QString format(qint64 micros)
{
    const bool negative = micros < 0;
    // Work on the magnitude as unsigned so the most negative value does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(micros) : quint64(micros);
    const quint64 dollars = magnitude / quint64(PerDollar);
    QString fraction = QStringLiteral("%1").arg(magnitude % quint64(PerDollar), 6, 10, QLatin1Char('0'));
    while (fraction.size() > 2 && fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    return QStringLiteral("%1$%2.%3").arg(negative ? QStringLiteral("-") : QString()).arg(dollars).arg(fraction);
}

QString decimal(qint64 micros)
{
    const bool negative = micros < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(micros) : quint64(micros);
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(magnitude / quint64(PerDollar))
        .arg(magnitude % quint64(PerDollar), 6, 10, QLatin1Char('0'));
}

}  // namespace Switchyard::MicroUsd
