#pragma once

#include "core/common/Result.h"
#include "core/store/BatchRollupTotals.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <memory>

namespace Switchyard {

class RollupTotalsWriter;

/**
 * Keeps the report rollups (report_daily, report_daily_fallbacks, report_latency) in sync for a writer that inserts
 * many calls in one transaction, with a few grouped UPSERTs per transaction instead of a trigger per row.
 *
 * @code
 * Transaction tx(db);
 * DeferredRollups rollups(db);
 * rollups.defer();     // before the first INSERT
 * ... INSERT calls, then their attempts ...
 * rollups.add(call);   // optional: for each call inserted, once it is in
 * rollups.apply();     // before commit
 * tx.commit();
 * @endcode
 *
 * defer() remembers the last call id and sets migration 6's rollup_control.deferred, which turns the rollups' INSERT
 * triggers off for this transaction only (other connections still see 0: see Migration). apply() adds the aggregate
 * of every call inserted since defer() and of their attempts, and sets the flag back. The aggregate comes either from
 * the writer's records, when it add()s every call it inserted (on SQLite: BatchRollupTotals, written by
 * RollupTotalsWriter, without reading the rows back), or else from the rows, with the same SQL that defines the
 * rollups (ReportRollupSql): when nothing was added, on another driver, or when a total overflows (the SQL then
 * fails the batch, as SQLite's SUM() does). Only INSERTs of new calls and of their attempts may happen in between:
 * updates and deletes still run their triggers, and a call inserted since defer() has no feedback yet. Savepoints
 * rolled back in between are fine (their calls are gone before apply() looks). If either step fails, roll the
 * transaction back.
 */
class DeferredRollups {
public:
    /// With @p enabled false, defer() and apply() do nothing and the triggers keep the rollups row by row.
    explicit DeferredRollups(QSqlDatabase db, bool enabled = true);
    ~DeferredRollups();

    DeferredRollups(const DeferredRollups &) = delete;
    DeferredRollups &operator=(const DeferredRollups &) = delete;

    Result<void> defer();
    /// Counts @p call, inserted since defer() with its attempts, into this transaction's totals. Either add every
    /// call inserted since defer() or none: apply() uses the added totals as the whole batch's when there are any.
    void add(const CallRecord &call);
    Result<void> apply();

    /// Turns all triggers off on this connection (SQLite only), when every trigger on @p tables — every table the
    /// writer inserts into — is one of the report rollup triggers that defer() and apply() stand in for. A trigger
    /// whose WHEN is false still runs a sub-program per row: about a third of the rollups' cost in a batch. Other
    /// connections keep their triggers. Call it only on a connection that does nothing but the deferred inserts.
    /// @return whether the triggers are off.
    bool skipRowTriggers(const QStringList &tables);

private:
    Result<void> prepare();
    Error failure(const QSqlQuery &query, const QString &action) const;
    Error failure(const QString &reason, const QString &action) const;

    QSqlDatabase m_db;
    bool m_enabled = true;
    bool m_prepared = false;
    qint64 m_lastCallId = 0;  ///< the calls inserted since defer() have larger ids (AUTOINCREMENT)
    QSqlQuery m_lastId;
    QSqlQuery m_setDeferred;
    QSqlQuery m_addDaily;
    QSqlQuery m_addFallbacks;
    QSqlQuery m_addLatency;
    BatchRollupTotals m_totals;                    ///< what add() counted since defer()
    std::unique_ptr<RollupTotalsWriter> m_writer;  ///< on SQLite only; prepared with the other statements
};

}  // namespace Switchyard
