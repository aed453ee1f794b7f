#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// render, vars: Mustache templates straight from files, no workspace needed.
void addTemplateCommands(CliCommandList &commands);

}  // namespace Switchyard
