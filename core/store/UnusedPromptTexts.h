#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>

namespace Switchyard {

/// Drops stored prompt texts (`prompt_texts`, migration 7) that no recorded call refers to any more.
///
/// The recorder keeps each distinct text once and shares it between calls without counting its users (counting would
/// cost every recorded call a write), so deleting calls leaves their texts behind. Every path that deletes calls runs
/// remove() afterwards, in the same transaction: a text goes exactly when the last call that sent it is gone.
class UnusedPromptTexts {
public:
    /// Deletes every text that no `call_prompts` row uses as its system prompt or one of its messages, and returns
    /// how many went. One pass over `call_prompts`: meant for after a deletion, not for every call.
    static Result<qint64> remove(const QSqlDatabase &db);
};

}  // namespace Switchyard
