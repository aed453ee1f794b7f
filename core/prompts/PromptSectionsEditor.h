#pragma once

#include "core/common/Result.h"
#include "core/prompts/PromptDocument.h"

#include <QList>
#include <QString>

namespace Switchyard {

/**
 * Edits the `sections:` block of a prompt file as text, for the studio's outline of a structured prompt.
 *
 * Every operation reads the current sections from the block, changes the list and writes the block again; the rest
 * of the file (other keys, comments, blank lines, the order of the keys) is kept byte for byte. The rewritten block
 * holds every section as `Title: |` with its text as a literal block scalar (chomping and indentation indicators
 * chosen so that the text reads back exactly), so comments inside the block are not kept.
 *
 * The block is the top-level `sections:` line (at column 0) and the indented, blank or comment lines after it, up to
 * its last indented line. Errors (code InvalidInput) say what is wrong: a block that is not a mapping of titles to
 * text, an index out of range, an empty or duplicate title, or a section added to a prompt with a `system:` text.
 */
class PromptSectionsEditor {
public:
    /// The sections in file order; empty when the file has no `sections:` block.
    static Result<QList<PromptSection>> sections(const QString &yaml);

    /// True when the file has a top-level `sections:` key.
    static bool hasSectionsBlock(const QString &yaml);

    /// Replaces the sections with @p sections. A file without a `sections:` block gets one, before a top-level
    /// `user:` key when there is one, else at the end.
    static Result<QString> replaceSections(const QString &yaml, const QList<PromptSection> &sections);

    /// Inserts @p section at @p index (0..count).
    static Result<QString> addSection(const QString &yaml, int index, const PromptSection &section);
    /// Removes the section at @p index. Removing the last one leaves `sections: {}`.
    static Result<QString> removeSection(const QString &yaml, int index);
    /// Moves the section at @p from to position @p to (both 0..count-1).
    static Result<QString> moveSection(const QString &yaml, int from, int to);
    /// Renames the section at @p index to @p title (its text stays).
    static Result<QString> renameSection(const QString &yaml, int index, const QString &title);

    /// The block as written by replaceSections(): `sections:` and one literal block per section, indented by
    /// @p indent spaces, ending in a newline.
    static QString writeBlock(const QList<PromptSection> &sections, int indent = 2);
};

}  // namespace Switchyard
