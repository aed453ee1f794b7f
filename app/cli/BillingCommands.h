#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// wallet topup | show (per-user balances that chat sessions charge) and budgets set | list | remove (daily token and
/// cost limits per bot, checked before every call).
void addBillingCommands(CliCommandList &commands);

}  // namespace Switchyard
