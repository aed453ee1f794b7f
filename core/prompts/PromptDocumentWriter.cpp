#include "core/prompts/PromptDocumentWriter.h"

#include "core/common/YamlWriter.h"

namespace Switchyard {

QByteArray PromptDocumentWriter::serialize(const PromptDocument &document)
{
    YamlWriter out;
    out.text(0, QStringLiteral("key"), document.key);
    if (document.version)
        out.raw(0, QStringLiteral("version"), QString::number(*document.version));
    if (!document.description.isEmpty())
        out.text(0, QStringLiteral("description"), document.description);
    if (!document.model.isEmpty())
        out.text(0, QStringLiteral("model"), document.model);
    if (document.temperature)
        out.raw(0, QStringLiteral("temperature"), YamlWriter::number(*document.temperature));
    if (document.maxTokens)
        out.raw(0, QStringLiteral("max_tokens"), QString::number(*document.maxTokens));

    if (!document.variables.isEmpty()) {
        out.key(0, QStringLiteral("variables"));
        for (const PromptVariable &variable : document.variables) {
            const bool hasSample = !variable.sample.isUndefined();
            if (variable.description.isEmpty() && !hasSample && !variable.required) {
                out.raw(2, variable.name, QStringLiteral("{}"));
                continue;
            }
            out.key(2, variable.name);
            if (!variable.description.isEmpty())
                out.text(4, QStringLiteral("description"), variable.description);
            if (variable.required)
                out.raw(4, QStringLiteral("required"), QStringLiteral("true"));
            if (hasSample)
                out.json(4, QStringLiteral("sample"), variable.sample);
        }
    }

    if (document.isStructured()) {
        out.key(0, QStringLiteral("sections"));
        for (const PromptSection &section : document.sections)
            out.text(2, section.title, section.text);
    } else {
        out.text(0, QStringLiteral("system"), document.system);
    }
    if (!document.user.isEmpty())
        out.text(0, QStringLiteral("user"), document.user);
    if (!document.metadata.isEmpty())
        out.json(0, QStringLiteral("metadata"), document.metadata);
    return out.toUtf8();
}

}  // namespace Switchyard
