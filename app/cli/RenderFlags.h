#pragma once

#include "core/common/Result.h"

#include <QCommandLineParser>

namespace Switchyard {
namespace Templating {
struct RenderOptions;
class SystemVariables;
}  // namespace Templating

/// The flags every rendering command shares: --escape, --missing, --now and --tz.
void addRenderFlags(QCommandLineParser &parser);

/// Applies the render flags to @p options and @p system (and points options.system at it).
Result<void> applyRenderFlags(const QCommandLineParser &parser, Templating::RenderOptions &options,
                              Templating::SystemVariables &system);

}  // namespace Switchyard
