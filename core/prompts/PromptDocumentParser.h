#pragma once

#include "core/common/Result.h"
#include "core/common/Warning.h"
#include "core/prompts/PromptDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Switchyard {

/// A parsed prompt file and the warnings (unknown keys, likely typos) found on the way.
struct ParsedPrompt {
    PromptDocument doc;
    QList<Warning> warnings;
};

/// Reads prompt files (see PromptDocument for the format).
class PromptDocumentParser {
public:
    /**
     * Parses and validates one prompt document.
     *
     * Errors (code InvalidInput) name @p fileName with the 1-based line and column: YAML syntax errors, wrong value
     * types ("temperature must be a number between 0 and 2, got 'hot'"), a missing or malformed `key`, both or
     * neither of `system` / `sections`, duplicate keys, and input that is too large or too deeply nested (checked by
     * YamlGuard before parsing). Unknown keys are warnings with a did-you-mean suggestion.
     */
    static Result<ParsedPrompt> parse(const QByteArray &yaml, const QString &fileName);

    /// True for a valid prompt key: one or more of a-z, 0-9, '_', '.', '-'.
    static bool isValidKey(const QString &key);
};

}  // namespace Switchyard
