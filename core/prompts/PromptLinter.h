#pragma once

#include "core/prompts/PromptDiagnostic.h"
#include "core/prompts/PromptDocumentParser.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// What the linter knows beyond the file itself.
struct PromptLintContext {
    /// Variables used or declared by the workspace's other prompts: a second source of did-you-mean suggestions.
    QStringList otherPromptVariables;
};

/// A lint and the validation it did on the way.
struct PromptLintResult {
    QList<PromptDiagnostic> diagnostics;
    /// What PromptDocumentParser::parse() gives for the same text and file name (errors and warnings carry it).
    Result<ParsedPrompt> parsed = Error{};
};

/**
 * Checks a prompt file as the editor shows it and positions every finding in the whole YAML text.
 *
 * - A YAML syntax error ("yaml") or a validation error of PromptDocumentParser ("prompt") is the only finding: the
 *   templates cannot be located in a file that does not parse. Parser warnings (unknown keys) become "prompt"
 *   warnings.
 * - A Mustache compile error in `system`, `user` or a section ("template") is an error at its file position.
 *   Literal blocks (`|`) and single-line plain or quoted values map exactly. Folded blocks (`>`), multi-line plain
 *   or quoted values and quoted values with escapes map exactly on their first source line only; anything the
 *   folding or escaping moved is reported at the start of the value's first line.
 * - "undefined-variable": a name used in a template that is neither declared under `variables:` nor a system
 *   variable. Dotted names count by their first segment (`customer.name` is covered by `customer`). Names used
 *   inside a `{{#section}}...{{/section}}` block are never undefined: Mustache looks them up in the section's items
 *   first (`{{#orders}}{{id}}{{/orders}}`), and the linter cannot know the items' fields. Inverted sections push no
 *   context, so names inside them are checked like names outside.
 * - "near-miss" instead of "undefined-variable" when the name is a likely typo of a declared or system variable
 *   (or, failing that, of a variable of another prompt): "Unknown variable 'custmer_name' — did you mean
 *   'customer_name'?".
 * - "unused-variable": declared but used by no template (a use of `customer.name` uses `customer`), at the
 *   declaration.
 *
 * Runs in a few milliseconds on a 2,000-line prompt; meant to be called after every pause in typing.
 */
class PromptLinter {
public:
    static QList<PromptDiagnostic> lint(const QString &yamlText, const PromptLintContext &context = {});

    /// lint() that also hands out the parsed document, so a caller that needs both loads the YAML once.
    /// @p fileName names the file in the parse result's errors and warnings.
    static PromptLintResult lintAndParse(const QString &yamlText, const QString &fileName,
                                         const PromptLintContext &context = {});
};

}  // namespace Switchyard
