#pragma once

#include "core/model/CallRecord.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <array>

namespace Switchyard {

/**
 * What a batch of new calls adds to the report rollups (report_daily, report_daily_fallbacks, report_latency),
 * totalled in memory from the CallRecords as they are inserted, so that the batch writer need not read its rows back.
 *
 * The SQL in ReportRollupSql (and the triggers of migrations 5 and 6) is the definition; this reproduces it from the
 * text and numbers UsageRecorder binds for each row (CallRowText):
 * - the key: day = the first 10 characters of created_at, COALESCE(bot_id, 0), COALESCE(config_id, 0), the served
 *   provider and model or, when served_provider is '', the requested ones, prompt_key, COALESCE(prompt_version, 0),
 *   status and error_class;
 * - the cost: SQLite's CAST(ROUND(cost_usd * 1000000) AS INTEGER) (costMicroUsd());
 * - fallbacks: per call key and hop_index, the attempts with outcome 'ok' and hop_index > 0;
 * - latency: answered calls (status 'ok') per day, bot, config, served provider and model, prompt key and version:
 *   their count and each non-NULL latency_ms and ttft_ms as "v," (SQLite's integer-to-text is plain decimal).
 * A new call has no feedback yet, so it adds no votes.
 *
 * Keys are compared as QStrings; two strings SQLite stores alike (it converts UTF-16 to UTF-8) may become two
 * entries, which the writer's UPSERTs add to the same row, so the result is the same.
 */
class BatchRollupTotals {
public:
    /// The first 10 characters of created_at.
    using Day = std::array<char, 10>;

    struct DailyKey {
        Day day{};
        qint64 botId = 0;
        qint64 configId = 0;
        QString provider;
        QString model;
        QString promptKey;
        qint64 promptVersion = 0;
        QString status;
        QString errorClass;

        bool operator==(const DailyKey &) const = default;
    };

    struct DailyTotals {
        qint64 calls = 0;
        qint64 inputTokens = 0;
        qint64 cachedInputTokens = 0;
        qint64 cacheWriteTokens = 0;
        qint64 outputTokens = 0;
        qint64 reasoningTokens = 0;
        qint64 costMicroUsd = 0;
    };

    struct FallbackKey {
        DailyKey call;
        qint64 hopIndex = 0;

        bool operator==(const FallbackKey &) const = default;
    };

    struct LatencyKey {
        Day day{};
        qint64 botId = 0;
        qint64 configId = 0;
        QString provider;  ///< served_provider, as is
        QString model;     ///< served_model, as is
        QString promptKey;
        qint64 promptVersion = 0;

        bool operator==(const LatencyKey &) const = default;
    };

    struct LatencyTotals {
        qint64 calls = 0;
        QByteArray latencies;  ///< "812,1204,"
        QByteArray ttfts;
    };

    /// Adds @p call (inserted with its attempts) to the totals.
    void add(const CallRecord &call);

    /// Forgets everything added.
    void clear();

    bool isEmpty() const { return m_daily.isEmpty(); }

    /// False when a total left the 64-bit integers: SQLite's SUM() fails the statement then, and these totals must
    /// not be written (the caller aggregates the rows with SQL instead, which reports the overflow).
    bool exact() const { return m_exact; }

    const QHash<DailyKey, DailyTotals> &daily() const { return m_daily; }
    const QHash<FallbackKey, qint64> &fallbacks() const { return m_fallbacks; }
    const QHash<LatencyKey, LatencyTotals> &latency() const { return m_latency; }

    /// SQLite's CAST(ROUND(cost_usd * 1000000) AS INTEGER) for a REAL @p costUsd, step for step: ROUND() with no
    /// digits adds ±0.5 and truncates when |x| <= 2^52 (larger doubles have no fraction) and CAST saturates at the
    /// 64-bit limits. (A NaN cost is never stored: SQLite binds it as NULL, which cost_usd refuses.)
    static qint64 costMicroUsd(double costUsd);

private:
    void addChecked(qint64 &total, qint64 value);

    QHash<DailyKey, DailyTotals> m_daily;
    QHash<FallbackKey, qint64> m_fallbacks;
    QHash<LatencyKey, LatencyTotals> m_latency;
    bool m_exact = true;
};

size_t qHash(const BatchRollupTotals::DailyKey &key, size_t seed = 0);
size_t qHash(const BatchRollupTotals::FallbackKey &key, size_t seed = 0);
size_t qHash(const BatchRollupTotals::LatencyKey &key, size_t seed = 0);

}  // namespace Switchyard
