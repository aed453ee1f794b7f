#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// bots list, configs list, configs activate.
void addBotCommands(CliCommandList &commands);

}  // namespace Switchyard
