#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// secrets set | remove (API keys in the OS keychain, for "keychain:NAME" references) and secrets check (does a
/// reference resolve?). Values are read from standard input and never printed.
void addSecretCommands(CliCommandList &commands);

}  // namespace Switchyard
