#include "core/prompts/PromptRenderer.h"

#include "core/prompts/TemplateErrors_p.h"

namespace Switchyard {

Result<PromptRenderer> PromptRenderer::compile(const PromptDocument &document)
{
    PromptRenderer renderer;
    renderer.m_structured = document.isStructured();
    if (renderer.m_structured) {
        auto sections = StructuredPromptRenderer::compile(document.sections);
        if (!sections)
            return sections.error();
        renderer.m_sections = *sections;
    } else {
        auto system = Templating::Template::compile(document.system);
        if (!system)
            return PromptTemplateErrors::inPart(system.error(), QStringLiteral("system"), QString());
        renderer.m_system = *system;
    }
    auto user = Templating::Template::compile(document.user);
    if (!user)
        return PromptTemplateErrors::inPart(user.error(), QStringLiteral("user"), QString());
    renderer.m_user = *user;
    return renderer;
}

Result<RenderedPrompt> PromptRenderer::render(const QJsonObject &variables,
                                              const Templating::RenderOptions &options) const
{
    // Under the error policy every part is still rendered, so the error can list all missing variables at once.
    const bool failOnMissing = options.missing == Templating::MissingPolicy::Error;
    Templating::RenderOptions effective = options;
    if (failOnMissing)
        effective.missing = Templating::MissingPolicy::Keep;

    const QJsonValue data(variables);
    RenderedPrompt result;
    Templating::RenderReport report;
    if (m_structured) {
        auto system = m_sections.render(data, effective, &result.missing);
        if (!system)
            return system.error();
        result.system = *system;
    } else {
        auto system = m_system.render(data, effective, &report);
        if (!system)
            return PromptTemplateErrors::inPart(system.error(), QStringLiteral("system"), QString());
        PromptTemplateErrors::collect(report, QStringLiteral("system"), QString(), &result.missing);
        result.system = *system;
    }
    auto user = m_user.render(data, effective, &report);
    if (!user)
        return PromptTemplateErrors::inPart(user.error(), QStringLiteral("user"), QString());
    PromptTemplateErrors::collect(report, QStringLiteral("user"), QString(), &result.missing);
    result.user = *user;

    if (failOnMissing && !result.missing.isEmpty())
        return PromptTemplateErrors::missingError(result.missing);
    return result;
}

Result<RenderedPrompt> PromptRenderer::render(const PromptDocument &document, const QJsonObject &variables,
                                              const Templating::RenderOptions &options)
{
    auto renderer = compile(document);
    if (!renderer)
        return renderer.error();
    return renderer->render(variables, options);
}

}  // namespace Switchyard
