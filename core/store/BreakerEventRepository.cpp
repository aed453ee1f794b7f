#include "core/store/BreakerEventRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

namespace Switchyard {
namespace {

using namespace SqlSupport;

BreakerEventRow rowFrom(const QSqlQuery &query)
{
    BreakerEventRow row;
    row.provider = query.value(0).toString();
    row.model = query.value(1).toString();
    row.region = query.value(2).toString();
    row.fromState = query.value(3).toString();
    row.toState = query.value(4).toString();
    row.reason = query.value(5).toString();
    row.actor = query.value(6).toString();
    row.createdAt = fromDbTimestamp(query.value(7));
    return row;
}

Result<QList<BreakerEventRow>> rowsFrom(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    QList<BreakerEventRow> rows;
    while (query->next())
        rows.append(rowFrom(*query));
    return rows;
}

const QString kColumns = QStringLiteral("provider, model, region, from_state, to_state, reason, actor, created_at");

}  // namespace

BreakerEventRepository::BreakerEventRepository(Database &database) : m_database(database) {}

Result<void> BreakerEventRepository::append(const QList<BreakerEventRow> &events)
{
    if (events.isEmpty())
        return {};
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(*db);
    if (!transaction.isActive())
        return transaction.error();
    auto insert =
        prepare(*db, QStringLiteral("INSERT INTO breaker_events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns),
                QStringLiteral("record a circuit-breaker change"));
    if (!insert)
        return insert.error();
    for (const BreakerEventRow &event : events) {
        SWITCHYARD_TRY(
            execPrepared(*insert,
                         {event.provider, event.model, event.region, event.fromState, event.toState, event.reason,
                          event.actor, toDbTimestamp(event.createdAt.isValid() ? event.createdAt : nowUtc())},
                         QStringLiteral("record a circuit-breaker change")));
    }
    return transaction.commit();
}

Result<QList<BreakerEventRow>> BreakerEventRepository::latestPerBreaker()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // The highest id per breaker is its latest change (ids only grow). Portable SQL: a correlated MAX.
    return rowsFrom(
        run(*db,
            QStringLiteral("SELECT %1 FROM breaker_events e WHERE e.id = (SELECT MAX(id) FROM breaker_events x "
                           "WHERE x.provider = e.provider AND x.model = e.model AND x.region = e.region) "
                           "ORDER BY provider, model, region")
                .arg(kColumns),
            {}, QStringLiteral("read the circuit breakers")));
}

Result<QList<BreakerEventRow>> BreakerEventRepository::recent(int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    return rowsFrom(run(*db, QStringLiteral("SELECT %1 FROM breaker_events ORDER BY id DESC LIMIT ?").arg(kColumns),
                        {limit}, QStringLiteral("read the circuit-breaker history")));
}

}  // namespace Switchyard
