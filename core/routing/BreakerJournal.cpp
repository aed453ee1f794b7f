#include "core/routing/BreakerJournal.h"

#include "core/routing/BreakerRegistry.h"

namespace Switchyard {

BreakerJournal::BreakerJournal(Database &database) : m_database(database) {}

BreakerEventRow BreakerJournal::toRow(const BreakerEvent &event)
{
    BreakerEventRow row;
    row.provider = event.key.provider;
    row.model = event.key.model;
    row.region = event.key.region;
    row.fromState = breakerStateName(event.from);
    row.toState = breakerStateName(event.to);
    row.reason = event.reason;
    row.actor = event.actor;
    row.createdAt = event.at;
    return row;
}

Result<void> BreakerJournal::restoreForcedStates(BreakerRegistry &registry)
{
    auto latest = BreakerEventRepository(m_database).latestPerBreaker();
    if (!latest)
        return latest.error();
    for (const BreakerEventRow &row : *latest) {
        if (row.toState == breakerStateName(BreakerState::ForcedOpen))
            registry.forceOpen(BreakerKey{row.provider, row.model, row.region}, row.actor, row.reason);
    }
    // Restoring is not a new change: keep the journal free of echoes.
    (void)registry.takeEvents();
    return {};
}

Result<void> BreakerJournal::record(const QList<BreakerEvent> &events)
{
    QList<BreakerEventRow> rows;
    rows.reserve(events.size());
    for (const BreakerEvent &event : events)
        rows.append(toRow(event));
    return BreakerEventRepository(m_database).append(rows);
}

Result<void> BreakerJournal::recordAdminChange(const BreakerKey &key, BreakerState to, const QString &actor,
                                               const QString &reason)
{
    BreakerEventRepository events(m_database);
    auto latest = events.latestPerBreaker();
    if (!latest)
        return latest.error();
    QString from = breakerStateName(BreakerState::Closed);
    for (const BreakerEventRow &row : *latest) {
        if (row.provider == key.provider && row.model == key.model && row.region == key.region)
            from = row.toState;
    }
    BreakerEventRow row;
    row.provider = key.provider;
    row.model = key.model;
    row.region = key.region;
    row.fromState = from;
    row.toState = breakerStateName(to);
    row.reason = reason;
    row.actor = actor;
    return events.append({row});
}

Result<void> BreakerJournal::forceOpen(const BreakerKey &key, const QString &actor, const QString &reason)
{
    return recordAdminChange(key, BreakerState::ForcedOpen, actor, reason);
}

Result<void> BreakerJournal::reset(const BreakerKey &key, const QString &actor, const QString &reason)
{
    return recordAdminChange(key, BreakerState::Closed, actor, reason);
}

}  // namespace Switchyard
