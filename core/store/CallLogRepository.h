#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"
#include "core/reporting/ReportQuery.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>
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
    /// A bot that has calls: ReportQuery::botId and the slug to show (the id as text when the bot row is gone).
    struct Bot {
        qint64 id = 0;
        QString slug;
    };
    QStringList providers;     ///< reported providers
    QStringList models;        ///< reported model ids (without the provider)
    QStringList promptKeys;    ///< prompt keys that were called
    QList<Bot> bots;           ///< by slug
    QStringList errorClasses;  ///< the error classes of calls that did not answer, for CallLogFilter::failedWithClass
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

/// Where the next page of a listing starts: the sort key and id of the last row read (keyset paging). Opaque: only
/// CallLogRepository::page() makes and reads it, for the same filter, sort and order.
struct CallLogSeek {
    QVariantList key;
    qint64 id = 0;
};

/// One page of the call log.
struct CallLogPage {
    QList<CallLogRow> rows;
    /// Where the page after this one starts; empty when no call follows.
    std::optional<CallLogSeek> next;
};

/**
 * Read-only browsing of the `calls` table for the studio's Activity page and dashboard drill-downs: pages of calls
 * (never all of them), counts, and one call with its attempts. Filters use the rollups' key expressions
 * (ReportRollupSql), so a bucket lists exactly the calls a report counts in it.
 */
class CallLogRepository {
public:
    explicit CallLogRepository(Database &database);

    /// Up to @p limit calls in the order asked, ties broken by id in the same direction: the first ones, or the
    /// ones after @p after (the previous page's CallLogPage::next). Keyset paging: a page deep in the log costs what
    /// the first one does, and pages never repeat or skip a call, whatever is recorded meanwhile. Nulls sort first
    /// ascending. The time order walks the calls_created index; other orders read every call the filter keeps (on a
    /// large log, ask from a worker thread).
    Result<CallLogPage> page(const CallLogFilter &filter, CallLogSort sort, Qt::SortOrder order,
                             const std::optional<CallLogSeek> &after, int limit);
    /// How many calls match @p filter.
    Result<qint64> count(const CallLogFilter &filter);
    /// The providers, models, prompt keys, bots and error classes recorded calls have, sorted.
    Result<CallLogChoices> choices();
    /// The call with row id @p id, its attempts in order and, when recorded, what it sent (CallRecord::sent).
    /// Error::NotFound when there is none.
    Result<CallRecord> call(qint64 id);

private:
    Database &m_database;
};

}  // namespace Switchyard
