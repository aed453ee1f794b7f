#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace Switchyard {

/**
 * A cheap pre-scan that every YAML file goes through before yaml-cpp sees it.
 *
 * yaml-cpp parses nested collections recursively, so a file such as 100,000 `[` characters (or a block sequence
 * `- - - - ...` nested as deep) exhausts the stack of whoever loads it. The guard rejects such input, and files larger
 * than a size limit, with a clear error before any tree is built. It scans the bytes once, tracking quoted scalars,
 * comments and block scalars (`|`, `>`) so that brackets inside text do not count; the depth it measures is the number
 * of open flow collections (`[`, `{`) plus the number of nested block indentation levels.
 */
class YamlGuard {
public:
    static constexpr int kMaxDepth = 64;  ///< deepest nesting any Switchyard file needs, with margin
    static constexpr qsizetype kMaxBytes = qsizetype(4) << 20;  ///< 4 MiB

    /**
     * Checks @p yaml against the size and depth limits.
     * @param fileName used in the error (file:line:column).
     * @return an InvalidInput error naming the limit, the position where it was crossed and what to do; or success.
     */
    static Result<void> check(const QByteArray &yaml, const QString &fileName, int maxDepth = kMaxDepth,
                              qsizetype maxBytes = kMaxBytes);
};

}  // namespace Switchyard
