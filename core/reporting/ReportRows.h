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

}  // namespace Switchyard
