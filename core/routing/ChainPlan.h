#pragma once

#include "core/routing/PlannedHop.h"

#include <QList>
#include <QStringList>

namespace Switchyard {

/// The ordered hops of one call and what the planner had to leave out.
struct ChainPlan {
    QList<PlannedHop> hops;
    QStringList warnings;  ///< one complete sentence each: what was skipped, why, what to fix in providers.yaml
};

}  // namespace Switchyard
