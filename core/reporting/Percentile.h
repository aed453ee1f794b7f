#pragma once

#include <QtGlobal>
#include <vector>

namespace Switchyard::Percentile {

/**
 * The one definition of a percentile every report uses: the nearest rank.
 *
 * The p-th percentile (0 < p <= 100) of n values is the smallest value v such that at least p% of the values are
 * <= v; on the values sorted ascending that is the one at 1-based rank ceil(p * n / 100). It is always one of the
 * values (never an interpolation), so p50 of {10, 20} is 10, p50 of {10, 20, 30} is 20, p99 of 100 values is the
 * 99th smallest, and every percentile of one value is that value. p <= 0 gives the smallest value.
 *
 * The reports (and so the dashboards' charts, their CSV and `switchyard-cli report latency`) apply it to every value
 * that matches: ReportService::latency() reads them all from the report_latency rollup, which holds each answered
 * call's latency_ms and ttft_ms exactly (no histogram, no sampling, no error bound).
 *
 * @return the 0-based index of that value in the sorted values; -1 when @p count is 0.
 */
qsizetype nearestRankIndex(qsizetype count, int percent);

/// The nearest-rank @p percents (ascending, each 0..100) of @p values, which are reordered (partially sorted);
/// empty when @p values is empty.
std::vector<qint64> nearestRank(std::vector<qint64> &values, const std::vector<int> &percents);

}  // namespace Switchyard::Percentile
