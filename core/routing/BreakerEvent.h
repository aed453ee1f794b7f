#pragma once

#include "core/routing/BreakerKey.h"

#include <QDateTime>
#include <QString>

namespace Switchyard {

/// The states of a circuit breaker.
enum class BreakerState {
    Closed,      ///< calls pass; outcomes are counted
    Open,        ///< calls are skipped until the open period ends
    HalfOpen,    ///< exactly one probe call may pass
    ForcedOpen,  ///< an admin opened it; stays open until reset
};

/// snake_case name as stored in breaker_events.from_state / to_state ("half_open").
inline QString breakerStateName(BreakerState state)
{
    switch (state) {
    case BreakerState::Closed:
        return QStringLiteral("closed");
    case BreakerState::Open:
        return QStringLiteral("open");
    case BreakerState::HalfOpen:
        return QStringLiteral("half_open");
    case BreakerState::ForcedOpen:
        return QStringLiteral("forced_open");
    }
    return {};
}

/// One state change, shaped like a breaker_events row (provider, model, region, from_state, to_state, reason, actor,
/// created_at).
struct BreakerEvent {
    BreakerKey key;
    BreakerState from = BreakerState::Closed;
    BreakerState to = BreakerState::Closed;
    qint64 atMs = 0;                         ///< Clock::monotonicMs() at the change
    QDateTime at;                            ///< Clock::utcNow() at the change (created_at)
    QString reason;                          ///< e.g. "3 of 5 calls failed in 60 s (60 % >= 50 %)"
    QString actor = QStringLiteral("auto");  ///< "auto", or the admin who forced or reset it

    bool operator==(const BreakerEvent &) const = default;
};

}  // namespace Switchyard
