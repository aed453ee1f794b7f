#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"
#include "core/reporting/ReportQuery.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// Which recorded calls to list: the report filters, optionally one bucket of a report, and the Activity page's
/// status and free-text filters. Empty members match everything.
struct CallLogFilter {
    ReportQuery report;  ///< from/to, bot, provider, model, prompt, config — the same meaning as in the reports
    /// Only the calls a report grouped by report.groupBy counts under this key (a bar of a dashboard chart).
    std::optional<QString> bucket;
    QString status;  ///< "ok", "failed" or "cancelled"
    /// Only calls that did not answer (failed or cancelled) with this calls.error_class ("" = none recorded).
    std::optional<QString> failedWithClass;
    /// Only answered calls that this hop answered (0 = the first hop: every answered call no later hop answered),
    /// counted like FallbackRow::servedByHop.
    std::optional<int> servedByHop;
    QString provider;  ///< the reported provider (the one that answered, else the one asked)
    QString text;      ///< a substring of the uuid, bot slug, prompt key, provider, model or error class
};

/// One line of the call log.
struct CallLogRow {
    qint64 id = 0;
    QString uuid;
    QDateTime createdAt;  ///< UTC
    QString botSlug;      ///< "" without a bot
    std::optional<qint64> configId;
    QString promptKey;
    std::optional<int> promptVersion;
    QString provider;  ///< reported provider (served, else requested)
    QString model;     ///< reported model
    QString status;
    QString errorClass;
    qint64 attempts = 0;
    qint64 tokens = 0;  ///< every kind
    qint64 costMicroUsd = 0;
    std::optional<qint64> latencyMs;
    std::optional<qint64> ttftMs;
};

/// The values the call log's filters can choose from, read from the report rollups (small, whatever the calls).
struct CallLogChoices {
    QStringList providers;   ///< reported providers
    QStringList models;      ///< reported model ids (without the provider)
    QStringList promptKeys;  ///< prompt keys that were called
};

/// The columns the call log can be sorted by.
enum class CallLogSort {
    Time,
    Bot,
    Config,
    Prompt,
    Provider,
    Status,
    ErrorClass,
    Attempts,
    Tokens,
    Cost,
    Latency,
    Ttft
};

/**
 * Read-only browsing of the `calls` table for the studio's Activity page and dashboard drill-downs: pages of calls
 * (never all of them), counts, and one call with its attempts. Filters use the rollups' key expressions
 * (ReportRollupSql), so a bucket lists exactly the calls a report counts in it.
 */
class CallLogRepository {
public:
    explicit CallLogRepository(Database &database);

    /// Up to @p limit calls from @p offset in the order asked (ties broken by id, newest first).
    Result<QList<CallLogRow>> page(const CallLogFilter &filter, CallLogSort sort, Qt::SortOrder order, qint64 offset,
                                   int limit);
    /// How many calls match @p filter.
    Result<qint64> count(const CallLogFilter &filter);
    /// The providers, models and prompt keys recorded calls have, sorted.
    Result<CallLogChoices> choices();
    /// The call with row id @p id, its attempts in order and, when recorded, what it sent (CallRecord::sent).
    /// Error::NotFound when there is none.
    Result<CallRecord> call(qint64 id);

private:
    Database &m_database;
};

}  // namespace Switchyard
