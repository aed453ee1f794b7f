#pragma once

#include <QString>
#include <QtGlobal>
#include <cmath>

namespace Switchyard {

/// Wallet money is held as integer micro-dollars (1e-6 USD) in memory.
///
/// Why: the tables store REAL dollars (Migration.cpp), and summing REAL amounts drifts (0.1 + 0.2 != 0.3), which a
/// balance that must never go below zero cannot afford. Every balance change is therefore computed on integers and
/// written back as micros / 1e6, which reads back to the same micros exactly (well below 2^53 micro-dollars, about
/// 9 billion dollars). A micro-dollar is far finer than any per-message price.
namespace MicroUsd {

inline constexpr qint64 PerDollar = 1000000;

/// Dollars (as stored in a REAL column) → micro-dollars, rounded half away from zero.
inline qint64 fromUsd(double usd)
{
    return qint64(std::llround(usd * double(PerDollar)));
}

/// Micro-dollars → dollars for a REAL column.
inline double toUsd(qint64 micros)
{
    return double(micros) / double(PerDollar);
}

/// "$0.05", "$12.50", "$0.000125", "-$1.00": at least cents, more digits only when the amount has them.
QString format(qint64 micros);

/// "12.500000", "-0.000125": a plain decimal with exactly six places, for machine-readable output (JSON, CSV) that
/// must carry the exact amount without floating-point rounding.
QString decimal(qint64 micros);

}  // namespace MicroUsd

}  // namespace Switchyard
