#pragma once

#include "CliCommand.h"

namespace Switchyard {

/// report costs | latency | quality | fallbacks (the dashboards' numbers, headless, as JSON, CSV or a table) and
/// demo-data (write or remove synthetic call history marked as demo).
void addReportCommands(CliCommandList &commands);

}  // namespace Switchyard
