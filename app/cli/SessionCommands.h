#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// sessions list / sessions export: chat sessions, searchable, exported to Markdown or JSON.
void addSessionCommands(CliCommandList &commands);

}  // namespace Switchyard
