#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// providers import | export: providers.yaml in and out of the workspace.
void addProviderCommands(CliCommandList &commands);

}  // namespace Switchyard
