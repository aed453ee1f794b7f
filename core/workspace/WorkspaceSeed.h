#pragma once

#include "core/common/Result.h"
#include "core/common/Warning.h"
#include "core/model/Bot.h"
#include "core/model/LlmConfig.h"
#include "core/model/PromptVersion.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Switchyard {

/// A bot with the configs to create for it, as written in workspace.yaml.
struct SeedBot {
    Bot bot;
    QList<LlmConfig> configs;  ///< at most one has active = true
};

/// The content of a workspace.yaml file: bots with their LLM configs, and where prompt labels point.
///
/// @code
/// prompt_labels:
///   support_answer: {production: 1, staging: 2}
/// bots:
///   - name: Support Desk            # required; slug derived unless given
///     slug: support-desk
///     description: ...
///     status: live                  # draft | live | archived
///     type: support
///     rank: 2
///     metadata: {audience: customers}
///     configs:
///       - name: GPT-4o mini
///         provider: openai          # required
///         model: gpt-4o-mini        # required
///         region: us-east-1
///         temperature: 0.2
///         top_p: 0.9
///         top_k: 40
///         max_output_tokens: 800
///         prompt: support_answer:production   # KEY, KEY@VERSION or KEY:LABEL
///         chain: cost_optimized
///         metadata: {experiment: a}
///         active: true
/// @endcode
struct WorkspaceSeed {
    QList<SeedBot> bots;
    QList<PromptLabel> labels;
    QList<Warning> warnings;

    /// Parses and validates; errors carry file:line:column.
    static Result<WorkspaceSeed> parse(const QByteArray &yaml, const QString &fileName);
};

}  // namespace Switchyard
