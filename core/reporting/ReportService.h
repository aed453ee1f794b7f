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
 * Every report reads rollups that triggers (and, for UsageRecorder's batches, DeferredRollups) keep exactly equal to
 * aggregates of the raw rows (RollupChecker verifies that), so none scans the calls. Costs, quality and fallbacks
 * sum migration 5's daily rollups (report_daily, report_daily_fallbacks). Latency percentiles can not be summed:
 * migration 6's report_latency keeps every answered call's latency and time to first token, clustered by the
 * reports' key and day, so latency() reads one row per key and day and computes the exact nearest-rank percentiles
 * (Percentile) of all matching values. Day, week and month groupings are grouped by day in SQL and bucketed here.
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
