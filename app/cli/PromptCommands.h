#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// prompt render | import | export | history | label.
void addPromptCommands(CliCommandList &commands);

}  // namespace Switchyard
