#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// providers import | export (providers.yaml in and out of the workspace), providers test | models (live checks
/// through the adapters) and prices import (LiteLLM prices).
void addProviderCommands(CliCommandList &commands);

}  // namespace Switchyard
