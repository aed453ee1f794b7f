#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// breakers: list circuit breakers, force one open, or reset it.
void addBreakerCommand(CliCommandList &commands);

}  // namespace Switchyard
