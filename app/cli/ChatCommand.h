#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// chat: one engine call to a bot (its active config, prompt and chain) or to explicit providers.
void addChatCommand(CliCommandList &commands);

}  // namespace Switchyard
