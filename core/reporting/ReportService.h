#pragma once

#include "core/common/Result.h"
#include "core/reporting/ReportQuery.h"
#include "core/reporting/ReportRows.h"

#include <QList>

namespace Switchyard {

class Database;

/**
 * The four reports (costs, latency, quality, fallbacks) over recorded calls, grouped and filtered by a ReportQuery,
 * as plain rows sorted by key. Safe to run on any thread (each uses that thread's connection).
 *
 * Costs, quality and fallbacks read the daily rollups of migration 5 (report_daily, report_daily_fallbacks), which
 * triggers keep exactly equal to aggregates of the raw rows (RollupChecker verifies that), so their cost does not
 * grow with the number of calls. Latency percentiles can not be summed: they are computed exactly from the raw rows
 * of answered calls, read through the covering index calls_report_latency (or the bot / config / served-model
 * indexes when those filters are given), with Percentile::nearestRank(). Exactness was chosen over per-day
 * histograms; the price is that a latency report reads every matching call, so its time grows with the calls the
 * filter matches (a week of one bot is tens of milliseconds at a million calls; all of them takes about a second —
 * run it off the UI thread). Day, week and month groupings are grouped by day in SQL and bucketed here.
 */
class ReportService {
public:
    explicit ReportService(Database &database);

    Result<QList<CostRow>> costs(const ReportQuery &query);
    Result<QList<LatencyRow>> latency(const ReportQuery &query);
    Result<QList<QualityRow>> quality(const ReportQuery &query);
    Result<QList<FallbackRow>> fallbacks(const ReportQuery &query);

private:
    Database &m_database;
};

}  // namespace Switchyard
