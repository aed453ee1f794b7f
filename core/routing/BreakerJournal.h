#pragma once

#include "core/common/Result.h"
#include "core/routing/BreakerEvent.h"
#include "core/store/BreakerEventRepository.h"

namespace Switchyard {

class BreakerRegistry;
class Database;

/// Connects the in-process BreakerRegistry to the workspace's `breaker_events` journal: admins' force-open and reset
/// (from the CLI or the studio) reach every process, and every state change the engine makes is recorded with its time.
class BreakerJournal {
public:
    explicit BreakerJournal(Database &database);

    /// Opens in @p registry every breaker whose latest journal entry is a forced open (before a call starts).
    Result<void> restoreForcedStates(BreakerRegistry &registry);
    /// Appends @p events (the registry's changes during a call) to the journal.
    Result<void> record(const QList<BreakerEvent> &events);

    /// An admin action, recorded at once: force the breaker open, or reset it to closed.
    Result<void> forceOpen(const BreakerKey &key, const QString &actor, const QString &reason);
    Result<void> reset(const BreakerKey &key, const QString &actor, const QString &reason);

    static BreakerEventRow toRow(const BreakerEvent &event);

private:
    Result<void> recordAdminChange(const BreakerKey &key, BreakerState to, const QString &actor, const QString &reason);

    Database &m_database;
};

}  // namespace Switchyard
