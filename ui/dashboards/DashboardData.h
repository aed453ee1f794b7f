#pragma once

#include "core/common/Result.h"
#include "core/reporting/ReportQuery.h"
#include "core/reporting/ReportRows.h"

#include <QList>
#include <QStringList>

namespace Switchyard {

class Database;

/// Everything the dashboards show for one filter: the reports behind each chart, read in one go (on a worker thread)
/// through ReportService, so the charts show exactly the numbers `switchyard-cli report` prints.
struct DashboardData {
    /// The cost of one group of the chosen grouping in each time bucket (a stacked layer of the cost chart).
    struct CostSeries {
        QString key;             ///< the group; "" for everything not in a named group
        ReportQuery query;       ///< the filters that select the group, grouped by the time bucket (for drill-down)
        QList<qint64> microUsd;  ///< one per DashboardData::timeKeys
    };

    /// Groups the cost chart names; the rest are summed into one "other" layer.
    static constexpr int MaxCostSeries = 8;

    ReportQuery query;                                ///< as asked
    ReportGrouping timeBucket = ReportGrouping::Day;  ///< of the time charts: the grouping when it is a time one
    QStringList timeKeys;                             ///< the time buckets that have calls, in order
    QList<CostSeries> costSeries;
    QList<CostRow> costsByGroup;          ///< costs by query.groupBy
    QList<CostRow> costsByTime;           ///< costs by timeBucket (tokens chart)
    QList<LatencyRow> latencyByModel;     ///< latency by model
    QList<FallbackRow> fallbacksByGroup;  ///< fallbacks by query.groupBy (outcome and fallback charts)
    QList<QualityRow> qualityByVersion;
    QList<QualityRow> qualityByModel;
    QString versionPrompt;                     ///< the prompt whose versions are compared; "" for none
    QList<VersionRow> versions;                ///< its versions, over the filters but for the version
    QList<BreakerRow> breakersByTime;          ///< breaker opens by timeBucket (days, provider and model filters only)
    QList<ConversationCostRow> conversations;  ///< cost per conversation and message by query.groupBy
    QList<BudgetUseRow> budgetUse;             ///< per bot with a budget and day (days and bot filters only)

    /// The time bucket for @p query: its grouping when that is day/week/month, else days for up to 62 days, weeks
    /// beyond (or without a range).
    static ReportGrouping timeBucketFor(const ReportQuery &query);

    /// @p query for the version comparison of @p prompt: its filters without a version, over that prompt.
    static ReportQuery versionQuery(ReportQuery query, const QString &prompt);

    /// Runs every report for @p query on the calling thread's connection; the version comparison compares the
    /// versions of @p versionPrompt (none when empty).
    static Result<DashboardData> load(Database &database, const ReportQuery &query, const QString &versionPrompt = {});
};

}  // namespace Switchyard
