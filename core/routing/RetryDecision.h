#pragma once

#include <QString>
#include <QtGlobal>

namespace Switchyard {

/// What the executor does after a failed attempt.
struct RetryDecision {
    enum class Action {
        RetrySameHop,  ///< wait delayMs, then try the same provider/model/region again
        NextHop,       ///< give up on this hop, move to the next one of the plan
        Fail,          ///< stop the whole call (cancelled, or the call's time budget is spent)
    };
    Action action = Action::Fail;
    qint64 delayMs = 0;  ///< only for RetrySameHop
    QString reason;      ///< why, for the attempt log ("retry-after 2000 ms exceeds the 1500 ms left")
};

}  // namespace Switchyard
