#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <optional>

namespace Switchyard::Wire {

/// One line of a newline-delimited JSON stream: the object it held, or why it could not be read.
struct NdjsonItem {
    qint64 line = 0;             ///< 1-based line number in the stream (blank lines count)
    QJsonObject object;          ///< the parsed object; empty when error is set
    std::optional<Error> error;  ///< set for a malformed, non-object, oversized or truncated line (error->line == line)

    bool ok() const { return !error.has_value(); }
};

}  // namespace Switchyard::Wire
