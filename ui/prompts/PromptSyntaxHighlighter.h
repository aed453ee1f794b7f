#pragma once

#include <QHash>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Switchyard {

/**
 * Highlights a prompt file: YAML structure and the Mustache tags inside its values.
 *
 * The only state carried from line to line is "inside a block scalar (`|` or `>`) whose key is indented N
 * columns": such lines are template text, so "Question: {{question}}" in a `system: |` block is not taken for a
 * YAML key. Every other line is highlighted on its own, which keeps retyping one line cheap on long prompts.
 * Colours are derived from a palette (light or dark) so both stay readable.
 */
class PromptSyntaxHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    enum class Role {
        Key,             ///< `system:`
        Comment,         ///< `# ...`
        String,          ///< quoted scalars
        Scalar,          ///< plain numbers, booleans and null (`0.3`, `true`, `~`)
        BlockIndicator,  ///< `|`, `>-`, ...
        ListDash,        ///< the `-` of a list item
        Variable,        ///< `{{name}}`
        Section,         ///< `{{#name}}`, `{{^name}}`, `{{/name}}`, `{{$block}}`, `{{=<% %>=}}`
        TagComment,      ///< `{{! ... }}`
        RawVariable,     ///< `{{{name}}}`, `{{&name}}`
        Partial,         ///< `{{>name}}`, `{{<parent}}`
    };

    explicit PromptSyntaxHighlighter(QTextDocument *document, const QPalette &palette = QPalette());

    /// Rebuilds the colours from @p palette and rehighlights the document.
    void setPalette(const QPalette &palette);
    /// The format used for @p role (for tests and for a legend).
    QTextCharFormat format(Role role) const { return m_formats.value(role); }

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightYamlLine(const QString &text);
    /// Highlights a YAML value starting at @p from; returns true when it opens a block scalar.
    bool highlightValue(const QString &text, qsizetype from);
    void highlightTags(const QString &text, qsizetype from, qsizetype to);
    void buildFormats(const QPalette &palette);

    QHash<Role, QTextCharFormat> m_formats;
};

}  // namespace Switchyard
