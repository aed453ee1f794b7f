#pragma once

#include "core/store/BatchRollupTotals.h"

#include <QString>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace Switchyard {

/// Adds BatchRollupTotals to the report rollup tables with one UPSERT per key (the same ON CONFLICT sums as the
/// rollup SQL: ReportRollupSql::dailyAccumulate(), latencyAccumulate()), straight through the SQLite C API of the
/// writer's connection: binding a QVariant per value through QSqlQuery would cost about as much as the UPSERTs.
/// The statements are prepared once per connection. Only in builds with the SQLite headers
/// (SWITCHYARD_HAVE_SQLITE3_API).
class RollupTotalsWriter {
public:
    /// nullptr when @p connection is null or a statement can not be prepared (@p error says why, if given).
    static std::unique_ptr<RollupTotalsWriter> create(sqlite3 *connection, QString *error = nullptr);
    ~RollupTotalsWriter();

    RollupTotalsWriter(const RollupTotalsWriter &) = delete;
    RollupTotalsWriter &operator=(const RollupTotalsWriter &) = delete;

    /// Adds @p totals (exact ones only) inside the caller's transaction. Empty on success, else SQLite's message:
    /// then part of the totals may be in, and the caller must roll the transaction back.
    QString write(const BatchRollupTotals &totals);

private:
    explicit RollupTotalsWriter(sqlite3 *connection);
    bool prepare();
    bool step(sqlite3_stmt *statement);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_daily = nullptr;
    sqlite3_stmt *m_fallbacks = nullptr;
    sqlite3_stmt *m_latency = nullptr;
    QString m_lastError;
};

}  // namespace Switchyard
