#include "core/prompts/StructuredPromptRenderer.h"

#include "core/common/YamlReader_p.h"
#include "core/common/YamlWriter.h"
#include "core/prompts/TemplateErrors_p.h"

namespace Switchyard {

namespace {

/// Drops blank lines before the first line with content and all whitespace at the end; empty when nothing is left.
QString tidy(const QString &text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0 || !QStringView(text).mid(start, end - start).trimmed().isEmpty())
            break;
        start = end + 1;
    }
    qsizetype stop = text.size();
    while (stop > start && text.at(stop - 1).isSpace())
        --stop;
    if (stop <= start || QStringView(text).mid(start, stop - start).trimmed().isEmpty())
        return {};
    return text.mid(start, stop - start) + QLatin1Char('\n');
}

}  // namespace

Result<StructuredPromptRenderer> StructuredPromptRenderer::compile(const QList<PromptSection> &sections)
{
    StructuredPromptRenderer renderer;
    renderer.m_sections = sections;
    renderer.m_templates.reserve(sections.size());
    for (const PromptSection &section : sections) {
        auto compiled = Templating::Template::compile(section.text);
        if (!compiled)
            return PromptTemplateErrors::inPart(compiled.error(), QStringLiteral("system"), section.title);
        renderer.m_templates.append(*compiled);
    }
    return renderer;
}

Result<QList<PromptSection>> StructuredPromptRenderer::renderSections(const QJsonValue &data,
                                                                      const Templating::RenderOptions &options,
                                                                      QList<MissingPromptVariable> *missing) const
{
    // Under the error policy every section is still rendered, so the error can list all missing variables at once.
    const bool failOnMissing = options.missing == Templating::MissingPolicy::Error;
    Templating::RenderOptions effective = options;
    if (failOnMissing)
        effective.missing = Templating::MissingPolicy::Keep;

    QList<MissingPromptVariable> found;
    QList<PromptSection> rendered;
    Templating::RenderReport report;
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        const QString &title = m_sections.at(i).title;
        auto text = m_templates.at(i).render(data, effective, &report);
        if (!text)
            return PromptTemplateErrors::inPart(text.error(), QStringLiteral("system"), title);
        PromptTemplateErrors::collect(report, QStringLiteral("system"), title, &found);
        const QString content = tidy(*text);
        if (!content.isEmpty())
            rendered.append(PromptSection{title, content});
    }
    if (failOnMissing && !found.isEmpty())
        return PromptTemplateErrors::missingError(found);
    if (missing)
        missing->append(found);
    return rendered;
}

Result<QString> StructuredPromptRenderer::render(const QJsonValue &data, const Templating::RenderOptions &options,
                                                 QList<MissingPromptVariable> *missing) const
{
    auto sections = renderSections(data, options, missing);
    if (!sections)
        return sections.error();
    return toYaml(*sections);
}

QString StructuredPromptRenderer::toYaml(const QList<PromptSection> &sections)
{
    YamlWriter out;
    for (const PromptSection &section : sections) {
        if (!section.text.trimmed().isEmpty())
            out.text(0, section.title, section.text);
    }
    return out.toString();
}

Result<QList<PromptSection>> StructuredPromptRenderer::fromYaml(const QString &yaml)
{
    if (yaml.trimmed().isEmpty())
        return QList<PromptSection>();
    YamlReader reader{QString()};
    try {
        auto root = reader.load(yaml.toUtf8(), QStringLiteral("expected 'Title: text' lines"));
        if (!root)
            return root.error();
        if (!root->IsMap())
            return reader.errorAt(*root, QStringLiteral("a structured system instruction must be a mapping of "
                                                        "'Title: text' lines, got %1")
                                             .arg(YamlReader::describe(*root)));
        if (auto checked = reader.checkMapping(*root, QStringLiteral("the system instruction"), {}); !checked)
            return checked.error();
        QList<PromptSection> sections;
        for (auto it = root->begin(); it != root->end(); ++it) {
            const QString title = YamlReader::keyText(it->first);
            auto text = reader.text(it->second, QStringLiteral("section '%1'").arg(title), it->first);
            if (!text)
                return text.error();
            sections.append(PromptSection{title, *text});
        }
        return sections;
    } catch (const YAML::Exception &e) {
        return Error::make(Error::Code::Internal, QStringLiteral("the system instruction could not be read (%1); "
                                                                 "please report this")
                                                      .arg(QString::fromStdString(e.msg)));
    }
}

}  // namespace Switchyard
