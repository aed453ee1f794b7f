#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

namespace Switchyard {

class Database;

/// Read-only questions about recorded calls that billing asks (UsageRecorder writes the rows).
class CallUsageRepository {
public:
    /// A recorded call as billing sees it.
    struct CallStatus {
        qint64 id = 0;
        QString status;  ///< "ok", "failed", "cancelled" (calls.status)
    };

    /// Tokens and cost summed over calls.
    struct Totals {
        qint64 tokens = 0;       ///< every kind: input, cached input, cache writes, output, reasoning
        qint64 costNanoUsd = 0;  ///< 1e-9 USD, the precision CostCalculator stores costs at
    };

    explicit CallUsageRepository(Database &database);

    /// The call with @p uuid. Error::NotFound when it is not recorded (or not yet written by the UsageRecorder).
    Result<CallStatus> byUuid(const QString &uuid);

    /// What @p botId's calls created in [@p from, @p to) used, every status (a failed call counts only what its
    /// provider billed). Demo rows (is_demo) are sample history and are left out.
    Result<Totals> botUsage(qint64 botId, const QDateTime &from, const QDateTime &to);

    /// The statement behind botUsage() (bound: bot id, from, to); public for the query-plan test.
    static QString botUsageSql();

private:
    Database &m_database;
};

}  // namespace Switchyard
