#include "core/templating/Template.h"

#include "core/templating/DataNode.h"
#include "core/templating/Node.h"
#include "core/templating/Parser.h"
#include "core/templating/Renderer.h"

namespace Switchyard::Templating {

Template::Template() : m_compiled(std::make_shared<Detail::CompiledTemplate>()) {}

Template::Template(std::shared_ptr<const Detail::CompiledTemplate> compiled) : m_compiled(std::move(compiled)) {}

Result<Template> Template::compile(const QString &text, const CompileOptions &options)
{
    Result<std::shared_ptr<Detail::CompiledTemplate>> compiled = Detail::Parser::parse(text, options.sourceName);
    if (!compiled)
        return compiled.error();
    compiled.value()->sourceName = options.sourceName;
    return Template(std::move(compiled).value());
}

Result<QString> Template::renderText(const QString &text, const QJsonValue &data, const RenderOptions &options,
                                     RenderReport *report)
{
    Result<Template> compiled = compile(text);
    if (!compiled) {
        if (report)
            report->clear();
        return compiled.error();
    }
    return compiled->render(data, options, report);
}

Result<QString> Template::render(const QJsonValue &data, const RenderOptions &options, RenderReport *report) const
{
    // Data used once: numbers are formatted only if a tag uses them.
    const Detail::DataNode prepared = Detail::DataNode::fromJson(data, false);
    return renderPrepared(prepared, options, report);
}

Result<QString> Template::render(const RenderData &data, const RenderOptions &options, RenderReport *report) const
{
    return renderPrepared(*data.m_root, options, report);
}

Result<QString> Template::renderPrepared(const Detail::DataNode &data, const RenderOptions &options,
                                         RenderReport *report) const
{
    QString out;
    // The last render of this template is the best guess for the next one; the first guess is the literal text
    // plus half again for values.
    qsizetype hint = m_compiled->lastOutputSize.load(std::memory_order_relaxed);
    if (hint == 0)
        hint = m_compiled->literalSize + m_compiled->literalSize / 2;
    Detail::Renderer renderer(options, out);
    Result<void> rendered = renderer.run(*m_compiled, data, hint + hint / 8 + 16);
    m_compiled->lastOutputSize.store(out.size(), std::memory_order_relaxed);
    if (report) {
        report->missing = renderer.missing();
        report->missingPartials = renderer.missingPartials();
    }
    if (!rendered) {
        Error error = rendered.error();
        if (error.file.isEmpty())
            error.file = m_compiled->sourceName;
        return error;
    }
    return out;
}

QList<VariableUse> Template::variables() const
{
    return m_compiled->variables;
}

Result<QList<VariableUse>> Template::discover(const QString &text, const CompileOptions &options)
{
    Result<Template> compiled = compile(text, options);
    if (!compiled)
        return compiled.error();
    return compiled->variables();
}

QString Template::source() const
{
    return m_compiled->source;
}

}  // namespace Switchyard::Templating
