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

    /**
     * The version comparison: every version of query.promptKey (required: an Error without it) with its calls,
     * cost, latency percentiles and votes, read through costs(), latency() and quality() grouped by version, so
     * each figure is the one those reports give. Sorted by version; query.groupBy is not used.
     */
    Result<QList<VersionRow>> versions(const ReportQuery &query);

    /**
     * Circuit breakers opened (breaker_events changing to open or forced_open), grouped by query.groupBy and per
     * breaker. Breakers belong to a provider and model, not to a bot or prompt: only the days, provider and model
     * filters apply, and grouping by bot or version is an Error. Reads breaker_events (its rows are state changes,
     * few even on a busy workspace).
     */
    Result<QList<BreakerRow>> breakerOpens(const ReportQuery &query);

    /**
     * Cost per conversation and per message (see ConversationCostRow), grouped and filtered like the costs report
     * by the answering call (its day, bot, config, provider, model and prompt). Medians use Percentile. Reads the
     * report_conversations rollup (a row per session and key-day, migration 8), not the messages.
     */
    Result<QList<ConversationCostRow>> conversationCosts(const ReportQuery &query);

    /**
     * Daily budget use: for every bot that has a bot budget (BudgetRepository), each day in the range on which it
     * made calls, from the daily rollups. Only the days and bot filters apply (a budget counts all of a bot's
     * calls); sorted by bot, then day. Demo calls count here as in every report, while BudgetGuard leaves them out.
     */
    Result<QList<BudgetUseRow>> budgetUse(const ReportQuery &query);

private:
    Database &m_database;
};

}  // namespace Switchyard
