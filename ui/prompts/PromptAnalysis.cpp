#include "PromptAnalysis.h"

#include "core/accounting/CostCalculator.h"
#include "core/prompts/PromptLinter.h"
#include "core/prompts/PromptRenderer.h"
#include "core/prompts/PromptSectionsEditor.h"
#include "core/prompts/TokenEstimate.h"
#include "core/templating/SystemVariables.h"
#include "core/templating/Template.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <utility>

namespace Switchyard {

namespace {

using Templating::VariableKind;
using Templating::VariableUse;

/// Offset of a 1-based line and column in @p text.
qsizetype offsetOf(const QString &text, int line, int column)
{
    qsizetype offset = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype newline = text.indexOf(QLatin1Char('\n'), offset);
        if (newline < 0)
            return text.size();
        offset = newline + 1;
    }
    return qMin(text.size(), offset + column - 1);
}

/// The names a template uses outside of any section, in first-use order: those are what the caller has to pass
/// (names inside {{#items}}…{{/items}} are usually fields of each item). Dotted names count by their first part.
/// Sections are paired with their closing tag by text, which is enough for a preview form.
void collectTopLevel(const QString &text, QStringList &names)
{
    const auto uses = Templating::Template::discover(text);
    if (!uses)
        return;
    struct Range {
        qsizetype begin;
        qsizetype end;
    };
    QList<Range> sections;
    for (const VariableUse &use : *uses) {
        if (use.kind == VariableKind::System || use.kind == VariableKind::Partial)
            continue;
        const qsizetype at = offsetOf(text, use.line, use.column);
        bool inside = false;
        for (const Range &range : std::as_const(sections))
            inside = inside || (at > range.begin && at < range.end);
        if (!inside) {
            const QString root = use.name.section(QLatin1Char('.'), 0, 0);
            if (!root.isEmpty() && !names.contains(root) && !Templating::SystemVariables::isSystemVariable(root))
                names.append(root);
        }
        if (use.kind == VariableKind::Section || use.kind == VariableKind::Inverted) {
            const QRegularExpression closing(
                QStringLiteral("\\{\\{\\s*/\\s*%1\\s*\\}\\}").arg(QRegularExpression::escape(use.name)));
            const QRegularExpressionMatch match = closing.match(text, at);
            sections.append(Range{at, match.hasMatch() ? match.capturedStart() : text.size()});
        }
    }
}

}  // namespace

QList<PreviewVariable> discoverVariables(const PromptDocument &document)
{
    QList<PreviewVariable> variables;
    for (const PromptVariable &declared : document.variables)
        variables.append(
            PreviewVariable{declared.name, declared.description, declared.sample, true, declared.required});
    QStringList used;
    if (document.isStructured()) {
        for (const PromptSection &section : document.sections)
            collectTopLevel(section.text, used);
    } else {
        collectTopLevel(document.system, used);
    }
    collectTopLevel(document.user, used);
    for (const QString &name : std::as_const(used)) {
        const bool known = std::any_of(variables.cbegin(), variables.cend(),
                                       [&name](const PreviewVariable &variable) { return variable.name == name; });
        if (!known)
            variables.append(PreviewVariable{name, QString(), QJsonValue(QJsonValue::Undefined), false, false});
    }
    return variables;
}

QJsonValue previewValueFromText(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('[')) || trimmed.startsWith(QLatin1Char('{'))) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            return json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    }
    return text;
}

QString previewTextFromValue(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isString())
        return value.toString();
    if (value.isUndefined() || value.isNull())
        return QString();
    return value.toVariant().toString();
}

PromptAnalysis analysePrompt(const PromptAnalysisRequest &request)
{
    PromptAnalysis analysis;
    analysis.generation = request.generation;

    // The outline works on the text, so it stays available while the rest of the file is broken.
    analysis.hasSectionsBlock = PromptSectionsEditor::hasSectionsBlock(request.text);
    if (const auto sections = PromptSectionsEditor::sections(request.text); sections)
        analysis.sections = *sections;
    else
        analysis.sectionsError = sections.error().message;

    // Lint reads broken YAML too: its markers are what the editor shows while the text does not parse. It parses the
    // document on the way, so the YAML is loaded once per pause.
    const QString fileName = (request.key.isEmpty() ? QStringLiteral("prompt") : request.key) + QStringLiteral(".yaml");
    PromptLintResult lint =
        PromptLinter::lintAndParse(request.text, fileName, PromptLintContext{request.otherPromptVariables});
    analysis.diagnostics = std::move(lint.diagnostics);
    const Result<ParsedPrompt> &parsed = lint.parsed;
    if (!parsed) {
        analysis.parseError = parsed.error().toString();
        analysis.errorLine = parsed.error().line;
        analysis.errorColumn = parsed.error().column;
        return analysis;
    }
    analysis.parsed = true;
    analysis.warnings = parsed->warnings;
    analysis.variables = discoverVariables(parsed->doc);

    // Empty fields fall back to the declared sample, so a new prompt previews with realistic values.
    QJsonObject values = request.values;
    for (const PreviewVariable &variable : std::as_const(analysis.variables)) {
        if (!values.contains(variable.name) && !variable.sample.isUndefined())
            values.insert(variable.name, variable.sample);
    }

    Templating::SystemVariables system;
    if (request.timeZone.isValid())
        system.setTimeZone(request.timeZone);
    Templating::RenderOptions options;
    options.missing = request.missingPolicy;
    options.system = &system;

    const auto renderer = PromptRenderer::compile(parsed->doc);
    if (!renderer) {
        analysis.renderError = renderer.error().toString();
        return analysis;
    }
    // Render with "keep" for the panes, so a missing variable shows as its tag; the chosen policy decides the error.
    Templating::RenderOptions keep = options;
    keep.missing = Templating::MissingPolicy::Keep;
    const auto rendered = renderer->render(values, keep);
    if (!rendered) {
        analysis.renderError = rendered.error().toString();
        return analysis;
    }
    analysis.system = rendered->system;
    analysis.user = rendered->user;
    analysis.missing = rendered->missingNames();
    if (request.missingPolicy != Templating::MissingPolicy::Keep && !analysis.missing.isEmpty()) {
        if (const auto strict = renderer->render(values, options); strict) {
            analysis.system = strict->system;
            analysis.user = strict->user;
        } else {
            analysis.renderError = strict.error().toString();
        }
    }

    analysis.inputTokens = TokenEstimate::forText(analysis.system) + TokenEstimate::forText(analysis.user);
    analysis.outputTokens = request.maxOutputTokens.value_or(parsed->doc.maxTokens.value_or(0));
    if (request.price) {
        Usage usage;
        usage.input = analysis.inputTokens;
        usage.output = analysis.outputTokens;
        analysis.costUsd = CostCalculator::costUsd(usage, *request.price);
    }
    return analysis;
}

}  // namespace Switchyard
