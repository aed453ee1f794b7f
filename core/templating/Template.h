#pragma once

#include "core/common/Result.h"
#include "core/templating/RenderData.h"
#include "core/templating/RenderOptions.h"
#include "core/templating/RenderReport.h"
#include "core/templating/VariableUse.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <memory>

namespace Switchyard::Templating {

namespace Detail {
struct CompiledTemplate;
struct DataNode;
}  // namespace Detail

/// Settings for Template::compile().
struct CompileOptions {
    QString sourceName;  ///< file (or other source) named in compile errors; may be empty
};

/// A compiled Mustache template: parse once, render many times.
///
/// Implements the public Mustache spec (interpolation, sections, inverted sections, comments, partials, set
/// delimiters, inheritance with parents and blocks, dynamic names; not lambdas) with prompt-friendly defaults chosen
/// through RenderOptions. Values are data: nothing in a value is ever parsed as a tag.
///
/// Lines and columns in errors, discovery and reports are 1-based; columns count UTF-16 code units of the QString.
/// A Template is an immutable, cheaply copyable value; render() is const and may run on several threads at once.
class Template {
public:
    /// An empty template: renders the empty string.
    Template();

    /// Parses @p text. Fails with Error::Code::InvalidInput, the line and column of the offending tag and a message
    /// that names the tag, for: a section, inverted section, parent or block that is never closed; a closing tag
    /// that does not match the open one (or matches none); an unclosed tag; a malformed set-delimiter tag; an empty
    /// tag name or a name containing whitespace.
    static Result<Template> compile(const QString &text, const CompileOptions &options = {});

    /// compile() and render() in one call, for one-off renders.
    static Result<QString> renderText(const QString &text, const QJsonValue &data, const RenderOptions &options = {},
                                      RenderReport *report = nullptr);

    /// Renders against @p data (usually a JSON object; any JSON value works as the root context).
    /// @p report, when given, is cleared and then lists missing variables and partials under every policy.
    /// Fails with Error::Code::InvalidInput when MissingPolicy::Error is chosen and any interpolated name is missing
    /// (the message lists them all; line and column are those of the first), when a partial does not compile, or
    /// when partials nest too deeply (a partial that includes itself without a stopping condition).
    Result<QString> render(const QJsonValue &data, const RenderOptions &options = {},
                           RenderReport *report = nullptr) const;

    /// Renders against data prepared with RenderData::fromJson(): the fast path for rendering the same data
    /// repeatedly. Same results and errors as the JSON overload.
    Result<QString> render(const RenderData &data, const RenderOptions &options = {},
                           RenderReport *report = nullptr) const;

    /// Every name the template uses, in source order: variables, sections, inverted sections, partials and parents
    /// (system variable names used as variables are reported as VariableKind::System). Comments, closing tags,
    /// block names and the implicit iterator "." are not listed. Partials' own contents are not included.
    QList<VariableUse> variables() const;

    /// Compiles @p text and returns variables(), or the compile error.
    static Result<QList<VariableUse>> discover(const QString &text, const CompileOptions &options = {});

    /// The text the template was compiled from.
    QString source() const;

private:
    explicit Template(std::shared_ptr<const Detail::CompiledTemplate> compiled);
    Result<QString> renderPrepared(const Detail::DataNode &data, const RenderOptions &options,
                                   RenderReport *report) const;

    std::shared_ptr<const Detail::CompiledTemplate> m_compiled;
};

}  // namespace Switchyard::Templating
