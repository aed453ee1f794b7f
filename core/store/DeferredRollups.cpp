#include "core/store/DeferredRollups.h"

#include "core/store/ReportRollupSql.h"

#include <QSqlError>
#include <QVariant>

namespace Switchyard {

DeferredRollups::DeferredRollups(QSqlDatabase db, bool enabled)
    : m_db(std::move(db)), m_enabled(enabled), m_lastId(m_db), m_setDeferred(m_db), m_addDaily(m_db), m_addFallbacks(m_db),
      m_addLatency(m_db)
{
}

Result<void> DeferredRollups::prepare()
{
    if (m_prepared)
        return {};
    const QString newCalls = QStringLiteral(" AND c.id > :last");
    const struct {
        QSqlQuery *query;
        QString sql;
    } statements[] = {
        // AUTOINCREMENT gives new rows ids above both the largest id and the largest ever used.
        {&m_lastId, QStringLiteral("SELECT max(coalesce(max(id), 0), coalesce((SELECT seq FROM sqlite_sequence "
                                   "WHERE name = 'calls'), 0)) FROM calls")},
        {&m_setDeferred, QStringLiteral("UPDATE rollup_control SET deferred = :deferred WHERE id = 1")},
        {&m_addDaily, QStringLiteral("INSERT INTO report_daily (%1, calls, input_tokens, cached_input_tokens, "
                                     "cache_write_tokens, output_tokens, reasoning_tokens, cost_micro_usd, "
                                     "feedback_up, feedback_down) %2 %3")
                          .arg(ReportRollupSql::keyColumns(), ReportRollupSql::dailyAggregate(newCalls),
                               ReportRollupSql::dailyAccumulate())},
        // The attempts of new calls: attempts_call (call_id, ...) finds them by range.
        {&m_addFallbacks, QStringLiteral("INSERT INTO report_daily_fallbacks (%1, hop_index, calls) %2 ON CONFLICT "
                                         "(%1, hop_index) DO UPDATE SET calls = calls + excluded.calls")
                              .arg(ReportRollupSql::keyColumns(),
                                   ReportRollupSql::fallbacksAggregate(QStringLiteral(" AND a.call_id > :last")))},
        {&m_addLatency, QStringLiteral("INSERT INTO report_latency (%1, calls, latencies, ttfts) %2 %3")
                            .arg(ReportRollupSql::latencyKeyColumns(), ReportRollupSql::latencyAggregate(newCalls),
                                 ReportRollupSql::latencyAccumulate())},
    };
    for (const auto &[query, sql] : statements) {
        if (!query->prepare(sql))
            return failure(*query, QStringLiteral("prepare the report rollups' batch update"));
    }
    m_prepared = true;
    return {};
}

Result<void> DeferredRollups::defer()
{
    if (!m_enabled)
        return {};
    SWITCHYARD_TRY(prepare());
    if (!m_lastId.exec() || !m_lastId.next())
        return failure(m_lastId, QStringLiteral("read the last call id"));
    m_lastCallId = m_lastId.value(0).toLongLong();
    m_lastId.finish();
    m_setDeferred.bindValue(QStringLiteral(":deferred"), 1);
    if (!m_setDeferred.exec())
        return failure(m_setDeferred, QStringLiteral("defer the report rollups"));
    return {};
}

Result<void> DeferredRollups::apply()
{
    if (!m_enabled)
        return {};
    SWITCHYARD_TRY(prepare());
    for (QSqlQuery *add : {&m_addDaily, &m_addFallbacks, &m_addLatency}) {
        add->bindValue(QStringLiteral(":last"), m_lastCallId);
        if (!add->exec())
            return failure(*add, QStringLiteral("update the report rollups"));
    }
    m_setDeferred.bindValue(QStringLiteral(":deferred"), 0);
    if (!m_setDeferred.exec())
        return failure(m_setDeferred, QStringLiteral("update the report rollups"));
    return {};
}

Error DeferredRollups::failure(const QSqlQuery &query, const QString &action) const
{
    return Error::make(Error::Code::Database,
                       QStringLiteral("Could not %1 (%2); the workspace may be from another version: reopen it "
                                      "with this Switchyard.")
                           .arg(action, query.lastError().text()),
                       m_db.databaseName());
}

}  // namespace Switchyard
