#include "core/store/DeferredRollups.h"

#include "core/store/ReportRollupSql.h"
#include "core/store/RollupTotalsWriter.h"
#include "core/store/SqliteHandle.h"

#include <QSqlError>
#include <QVariant>

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include <sqlite3.h>
#endif

namespace Switchyard {

DeferredRollups::DeferredRollups(QSqlDatabase db, bool enabled)
    : m_db(std::move(db)), m_enabled(enabled), m_lastId(m_db), m_setDeferred(m_db), m_addDaily(m_db),
      m_addFallbacks(m_db), m_addLatency(m_db)
{
}

DeferredRollups::~DeferredRollups() = default;

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
                          .arg(ReportRollupSql::keyColumns(), ReportRollupSql::dailyAggregate(newCalls, false),
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
    // Without it (another driver) apply() aggregates the rows.
    m_writer = RollupTotalsWriter::create(sqliteHandle(m_db));
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
    m_totals.clear();
    m_setDeferred.bindValue(QStringLiteral(":deferred"), 1);
    if (!m_setDeferred.exec())
        return failure(m_setDeferred, QStringLiteral("defer the report rollups"));
    return {};
}

void DeferredRollups::add(const CallRecord &call)
{
    if (!m_enabled)
        return;
    m_totals.add(call);
}

Result<void> DeferredRollups::apply()
{
    if (!m_enabled)
        return {};
    SWITCHYARD_TRY(prepare());
    if (!m_totals.isEmpty() && m_writer && m_totals.exact()) {
        if (const QString error = m_writer->write(m_totals); !error.isEmpty())
            return failure(error, QStringLiteral("update the report rollups"));
    } else {
        for (QSqlQuery *add : {&m_addDaily, &m_addFallbacks, &m_addLatency}) {
            add->bindValue(QStringLiteral(":last"), m_lastCallId);
            if (!add->exec())
                return failure(*add, QStringLiteral("update the report rollups"));
        }
    }
    m_totals.clear();
    m_setDeferred.bindValue(QStringLiteral(":deferred"), 0);
    if (!m_setDeferred.exec())
        return failure(m_setDeferred, QStringLiteral("update the report rollups"));
    return {};
}

bool DeferredRollups::skipRowTriggers(const QStringList &tables)
{
    if (!m_enabled)
        return false;
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    sqlite3 *handle = sqliteHandle(m_db);
    if (!handle)
        return false;
    // The rollup triggers of migrations 5, 6 and 8 on the tables a batch writer inserts into (8 has none for INSERT:
    // a message links to a call recorded before it). Any other trigger there
    // (a rule a later migration adds) must keep firing, so it keeps them all on.
    static const QStringList rollupTriggers = {
        QStringLiteral("calls_report_insert"),        QStringLiteral("calls_report_delete"),
        QStringLiteral("calls_report_update"),        QStringLiteral("calls_latency_delete"),
        QStringLiteral("calls_latency_update_old"),   QStringLiteral("calls_latency_update_new"),
        QStringLiteral("attempts_report_insert"),     QStringLiteral("attempts_report_delete"),
        QStringLiteral("attempts_report_update_old"), QStringLiteral("attempts_report_update_new"),
        QStringLiteral("calls_conversation_delete"),  QStringLiteral("calls_conversation_update")};
    QSqlQuery triggers(m_db);
    if (!triggers.exec(QStringLiteral("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")))
        return false;
    while (triggers.next()) {
        if (tables.contains(triggers.value(1).toString()) && !rollupTriggers.contains(triggers.value(0).toString()))
            return false;
    }
    int enabled = 1;
    return sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &enabled) == SQLITE_OK && enabled == 0;
#else
    Q_UNUSED(tables);
    return false;
#endif
}

Error DeferredRollups::failure(const QSqlQuery &query, const QString &action) const
{
    return failure(query.lastError().text(), action);
}

Error DeferredRollups::failure(const QString &reason, const QString &action) const
{
    return Error::make(Error::Code::Database,
                       QStringLiteral("Could not %1 (%2); the batch is rolled back. Check that the disk has room, and "
                                      "if the workspace is from another version, reopen it with this Switchyard.")
                           .arg(action, reason),
                       m_db.databaseName());
}

}  // namespace Switchyard
