#pragma once

#include "core/common/Result.h"
#include "core/model/PromptVersion.h"

#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// Names a prompt version as users write it: "key" (latest), "key@3" (pinned version) or "key:production" (label).
struct PromptReference {
    QString key;
    std::optional<int> version;
    QString label;

    /// Parses the written form; errors say what is wrong with it.
    static Result<PromptReference> parse(const QString &text);
    /// The written form, the inverse of parse().
    QString toString() const;
    /// The version this reference names in the workspace: the pinned version, the label's target, or the latest.
    Result<PromptVersion> resolve(Database &database) const;
};

}  // namespace Switchyard
