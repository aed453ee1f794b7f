#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Switchyard {

class Database;

/// One recorded circuit-breaker state change (a row of `breaker_events`).
struct BreakerEventRow {
    QString provider;
    QString model;
    QString region;
    QString fromState;  ///< closed | open | half_open | forced_open
    QString toState;
    QString reason;
    QString actor = QStringLiteral("auto");  ///< "auto" or the admin who forced or reset the breaker
    QDateTime createdAt;                     ///< UTC; now when empty
};

/// The journal of breaker state changes: the engine appends every change; admins' force-open and reset are rows
/// too, so they reach every process that opens the workspace.
class BreakerEventRepository {
public:
    explicit BreakerEventRepository(Database &database);

    /// Appends @p events in one transaction.
    Result<void> append(const QList<BreakerEventRow> &events);
    /// The latest event of every breaker (provider, model, region), ordered by provider, model, region.
    Result<QList<BreakerEventRow>> latestPerBreaker();
    /// The newest @p limit events, newest first.
    Result<QList<BreakerEventRow>> recent(int limit);

private:
    Database &m_database;
};

}  // namespace Switchyard
