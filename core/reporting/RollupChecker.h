#pragma once

#include "core/common/Result.h"

#include <QStringList>

namespace Switchyard {

class Database;

/// Differences between the trigger-maintained report rollups and fresh aggregates of the raw rows.
struct RollupDifferences {
    qint64 dailyRowsOff = 0;     ///< report_daily rows that differ from (or are missing in) the aggregate, both ways
    qint64 fallbackRowsOff = 0;  ///< the same for report_daily_fallbacks
    qint64 latencyRowsOff = 0;   ///< report_latency keys whose call count or values (as multisets) differ
    qint64 conversationRowsOff = 0;  ///< report_conversations keys whose counts, cost or entries (as multisets) differ
    QStringList examples;            ///< a few differing rows, as text, for a failure message

    bool consistent() const
    {
        return dailyRowsOff == 0 && fallbackRowsOff == 0 && latencyRowsOff == 0 && conversationRowsOff == 0;
    }
};

/// Checks that the report rollups (migrations 5, 6 and 8) equal what they summarise: every non-zero rollup row matches
/// the aggregate of the raw calls, feedback, attempts and messages (ReportRollupSql), and every aggregate group has its
/// row; report_latency's values and report_conversations' message entries are compared as sorted multisets. Rows whose
/// counts all fell to zero are ignored. A full scan of the raw rows: for tests, diagnostics and after bulk changes.
class RollupChecker {
public:
    explicit RollupChecker(Database &database);

    Result<RollupDifferences> check();

private:
    Database &m_database;
};

}  // namespace Switchyard
