#include "core/store/CallUsageRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"

#include <cmath>

namespace Switchyard {

using namespace SqlSupport;

CallUsageRepository::CallUsageRepository(Database &database) : m_database(database) {}

Result<CallUsageRepository::CallStatus> CallUsageRepository::byUuid(const QString &uuid)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db, QStringLiteral("SELECT id, status FROM calls WHERE uuid = ?"), {uuid},
                     QStringLiteral("find call %1").arg(uuid));
    if (!query)
        return query.error();
    if (!query->next()) {
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("The call %1 is not recorded (yet); record it (and flush the usage "
                                          "recorder) first.")
                               .arg(uuid));
    }
    return CallStatus{query->value(0).toLongLong(), query->value(1).toString()};
}

QString CallUsageRepository::botUsageSql()
{
    // A range search on the calls_bot_created index (bot_id, created_at): one bot's day, never every call.
    return QStringLiteral("SELECT COALESCE(SUM(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens "
                          "+ reasoning_tokens), 0), COALESCE(SUM(cost_usd), 0) FROM calls "
                          "WHERE bot_id = ? AND created_at >= ? AND created_at < ? AND is_demo = 0");
}

Result<CallUsageRepository::Totals> CallUsageRepository::botUsage(qint64 botId, const QDateTime &from,
                                                                  const QDateTime &to)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db, botUsageSql(), {botId, toDbTimestamp(from), toDbTimestamp(to)},
                     QStringLiteral("read the usage of bot %1").arg(botId));
    if (!query)
        return query.error();
    Totals totals;
    if (query->next()) {
        totals.tokens = query->value(0).toLongLong();
        totals.costNanoUsd = qint64(std::llround(query->value(1).toDouble() * 1e9));
    }
    return totals;
}

}  // namespace Switchyard
