#pragma once

#include "core/common/Result.h"
#include "core/prompts/PromptDocument.h"
#include "core/prompts/RenderedPrompt.h"
#include "core/prompts/StructuredPromptRenderer.h"
#include "core/templating/RenderOptions.h"
#include "core/templating/Template.h"

#include <QJsonObject>

namespace Switchyard {

/**
 * The one way the CLI, the studio and the engine turn a prompt document and variables into messages.
 *
 * The system instruction is the `system` template rendered with the variables, or, for a structured prompt, its
 * sections rendered by StructuredPromptRenderer. The `user` template is rendered with the same variables. Options
 * choose escaping, the missing-variable policy (keep, empty, error), partials and the system variables
 * (current_date, ...; RenderOptions::system). Declared variables' `sample` values are never used implicitly: a preview
 * that wants them passes them as variables.
 *
 * Compile once with compile() and render many times, or call the static render() for a one-off.
 */
class PromptRenderer {
public:
    /// A prompt with no text: renders empty messages.
    PromptRenderer() = default;

    /// Compiles the document's templates. A template error says which part (system, user, or section 'Title') and
    /// the line and column inside that text.
    static Result<PromptRenderer> compile(const PromptDocument &document);

    /**
     * Renders the system instruction and the user message.
     *
     * Every unresolved variable is listed in RenderedPrompt::missing under every policy. With MissingPolicy::Error
     * the call fails instead when there are any, and the error lists all of them (system, sections and user), not
     * only the first template's.
     */
    Result<RenderedPrompt> render(const QJsonObject &variables, const Templating::RenderOptions &options = {}) const;

    /// compile() and render() in one call.
    static Result<RenderedPrompt> render(const PromptDocument &document, const QJsonObject &variables,
                                         const Templating::RenderOptions &options = {});

    bool isStructured() const { return m_structured; }

private:
    bool m_structured = false;
    Templating::Template m_system;
    Templating::Template m_user;
    StructuredPromptRenderer m_sections;
};

}  // namespace Switchyard
