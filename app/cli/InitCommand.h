#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// init: create a workspace holding the sample data (or a workspace folder's data).
void addInitCommand(CliCommandList &commands);

}  // namespace Switchyard
