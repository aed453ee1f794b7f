#pragma once

#include "core/model/Usage.h"

#include <QMap>
#include <QString>
#include <optional>

namespace Switchyard {

/// One row of the costs report. Cost is exact: each call's cost rounded to the micro-dollar, summed as integers.
struct CostRow {
    QString key;  ///< the group (see ReportGrouping)
    qint64 calls = 0;
    Usage tokens;  ///< summed by kind
    qint64 costMicroUsd = 0;
    bool operator==(const CostRow &) const = default;
};

/// Nearest-rank percentiles (Percentile::nearestRank) of one measure in milliseconds.
struct LatencyFigures {
    qint64 count = 0;  ///< calls that have the measure; the percentiles are unset when 0
    std::optional<qint64> p50;
    std::optional<qint64> p95;
    std::optional<qint64> p99;
    bool operator==(const LatencyFigures &) const = default;
};

/// One row of the latency report, over answered calls (status "ok") only.
struct LatencyRow {
    QString key;
    LatencyFigures total;             ///< calls.latency_ms: the whole call, every attempt included
    LatencyFigures timeToFirstToken;  ///< calls.ttft_ms: streamed calls
    bool operator==(const LatencyRow &) const = default;
};

/// One row of the quality report: feedback votes on the group's calls.
struct QualityRow {
    QString key;
    qint64 calls = 0;
    qint64 up = 0;
    qint64 down = 0;
    /// up / (up + down); unset without votes.
    std::optional<double> approvalRate() const
    {
        return up + down > 0 ? std::optional<double>(double(up) / double(up + down)) : std::nullopt;
    }
    bool operator==(const QualityRow &) const = default;
};

/// One row of the fallbacks report.
struct FallbackRow {
    QString key;
    qint64 calls = 0;
    qint64 okCalls = 0;  ///< status "ok"
    /// Answered calls by the index of the hop that answered (0 = the first hop): a later hop's answers are counted
    /// from their attempts; the first hop's are the rest of the ok calls.
    QMap<int, qint64> servedByHop;
    qint64 errorCalls = 0;               ///< every call whose status is not "ok" (failed or cancelled)
    QMap<QString, qint64> errorClasses;  ///< those calls by calls.error_class ("" when none was recorded)

    /// Calls a hop other than the first answered.
    qint64 fallbackCalls() const
    {
        qint64 sum = 0;
        for (auto it = servedByHop.cbegin(); it != servedByHop.cend(); ++it)
            sum += it.key() > 0 ? it.value() : 0;
        return sum;
    }
    bool operator==(const FallbackRow &) const = default;
};

/// One version of one prompt in the version comparison: the costs, latency and quality reports' figures for the
/// calls of that version, side by side.
struct VersionRow {
    int version = 0;  ///< 0 for calls that named the prompt without a version
    qint64 calls = 0;
    qint64 costMicroUsd = 0;
    LatencyFigures total;             ///< as LatencyRow::total: answered calls only
    LatencyFigures timeToFirstToken;  ///< as LatencyRow::timeToFirstToken
    qint64 up = 0;
    qint64 down = 0;
    bool operator==(const VersionRow &) const = default;
};

/// Circuit breakers opened in one group (see ReportService::breakerOpens), per breaker (provider and model; regions
/// are summed).
struct BreakerRow {
    QString key;
    QString provider;
    QString model;
    qint64 opens = 0;        ///< changes to "open": the engine opened the breaker after failures
    qint64 forcedOpens = 0;  ///< changes to "forced_open": an admin opened it
    bool operator==(const BreakerRow &) const = default;
};

/// What conversations cost in one group: the answered messages of chat sessions (messages linked to a call by
/// messages.call_id), each costing its call's cost in micro-dollars (rounded as in CostRow). A conversation is
/// counted in a group with the messages it has there, so one that spans two days counts on both.
struct ConversationCostRow {
    QString key;
    qint64 sessions = 0;
    qint64 messages = 0;
    qint64 costMicroUsd = 0;
    std::optional<qint64> medianSessionMicroUsd;  ///< nearest rank (Percentile), over the sessions' sums
    std::optional<qint64> medianMessageMicroUsd;  ///< nearest rank, over the messages' costs
    bool operator==(const ConversationCostRow &) const = default;
};

/// One bot's use of its daily budget on one UTC day: every recorded call of the bot that day (as the costs report
/// counts them) against the limits of its bot budget.
struct BudgetUseRow {
    QString bot;  ///< slug
    QString day;  ///< "2026-11-23"
    qint64 calls = 0;
    qint64 tokens = 0;  ///< every kind, as BudgetGuard counts them
    qint64 costMicroUsd = 0;
    std::optional<qint64> maxTokens;
    std::optional<qint64> maxCostMicroUsd;
    /// True when the day's tokens or cost passed a limit.
    bool overBudget() const
    {
        return (maxTokens && tokens > *maxTokens) || (maxCostMicroUsd && costMicroUsd > *maxCostMicroUsd);
    }
    bool operator==(const BudgetUseRow &) const = default;
};

}  // namespace Switchyard
