#pragma once

#include "core/common/Result.h"
#include "core/prompts/PromptDocument.h"
#include "core/prompts/RenderedPrompt.h"
#include "core/templating/RenderOptions.h"
#include "core/templating/Template.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace Switchyard {

/**
 * Turns the sections of a structured prompt into its system instruction.
 *
 * Each section's text is a Mustache template, compiled once. Rendering fills every section with the same data, drops
 * sections whose result is empty or only whitespace (an optional "Past Memories" section whose data is absent), trims
 * blank lines around what remains, and writes the sections in their original order as a YAML document of literal
 * blocks:
 *
 * @code{.yaml}
 * Role: |
 *   You are Jyoti, a Vedic astrologer speaking with Priya.
 * Daily Context: |
 *   Today is Thursday, 15 January 2026.
 * @endcode
 */
class StructuredPromptRenderer {
public:
    /// No sections: renders the empty string.
    StructuredPromptRenderer() = default;

    /// Compiles every section. A template error names the section and the line and column inside its text.
    static Result<StructuredPromptRenderer> compile(const QList<PromptSection> &sections);

    /// The rendered, non-empty sections in order (text trimmed of surrounding blank lines, ending in one newline).
    /// Unresolved tags are appended to @p missing (part "system", with the section title) under every policy;
    /// with MissingPolicy::Error the call fails when there are any.
    Result<QList<PromptSection>> renderSections(const QJsonValue &data, const Templating::RenderOptions &options = {},
                                                QList<MissingPromptVariable> *missing = nullptr) const;

    /// renderSections() written as the YAML system instruction (toYaml()).
    Result<QString> render(const QJsonValue &data, const Templating::RenderOptions &options = {},
                           QList<MissingPromptVariable> *missing = nullptr) const;

    /// The sections as a YAML mapping of title to literal block, in order; sections with blank text are left out.
    static QString toYaml(const QList<PromptSection> &sections);

    /// Reads a document written by toYaml() (or any YAML mapping of titles to text) back into sections, in order.
    static Result<QList<PromptSection>> fromYaml(const QString &yaml);

    const QList<PromptSection> &sections() const { return m_sections; }

private:
    QList<PromptSection> m_sections;
    QList<Templating::Template> m_templates;
};

}  // namespace Switchyard
