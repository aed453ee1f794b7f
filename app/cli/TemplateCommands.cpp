#include "TemplateCommands.h"

#include "CliContext.h"
#include "CliInput.h"
#include "RenderFlags.h"
#include "core/templating/SystemVariables.h"
#include "core/templating/Template.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchyard {
namespace {

using namespace Templating;

QString tr(const char *text)
{
    return QCoreApplication::translate("TemplateCommands", text);
}

const QString kTemplate = QStringLiteral("template");

QString sourceName(const QString &path)
{
    return path == QStringLiteral("-") ? QStringLiteral("<stdin>") : path;
}

QString kindName(VariableKind kind)
{
    switch (kind) {
    case VariableKind::Variable:
        return QStringLiteral("variable");
    case VariableKind::Section:
        return QStringLiteral("section");
    case VariableKind::Inverted:
        return QStringLiteral("inverted");
    case VariableKind::Partial:
        return QStringLiteral("partial");
    case VariableKind::System:
        return QStringLiteral("system");
    }
    return {};
}

/// Reads --template FILE|- and compiles it.
Result<Template> compileTemplateOption(const QCommandLineParser &parser)
{
    const QString path = parser.value(kTemplate);
    if (path.isEmpty())
        return Error::make(Error::Code::InvalidInput, tr("--template FILE is required (use - for standard input)"));
    auto text = readTextInput(path);
    if (!text)
        return text.error();
    return Template::compile(*text, CompileOptions{sourceName(path)});
}

class RenderCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("render"); }
    QString summary() const override { return tr("Render a Mustache template file and print the text."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({kTemplate, tr("The template file, or - for standard input."), QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("data"), tr("JSON file with the variables."), QStringLiteral("FILE.json")});
        parser.addOption({QStringLiteral("partials"), tr("JSON file mapping partial names to template text."),
                          QStringLiteral("FILE.json")});
        addRenderFlags(parser);
    }

    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        RenderOptions options;
        SystemVariables system;
        if (auto applied = applyRenderFlags(parser, options, system); !applied)
            return context.fail(applied.error());

        QJsonValue data = QJsonObject();
        if (parser.isSet(QStringLiteral("data"))) {
            auto json = readJsonFile(parser.value(QStringLiteral("data")));
            if (!json)
                return context.fail(json.error());
            data = *json;
        }
        if (parser.isSet(QStringLiteral("partials"))) {
            const QString path = parser.value(QStringLiteral("partials"));
            auto json = readJsonFile(path);
            if (!json)
                return context.fail(json.error());
            if (!json->isObject())
                return context.fail(Error::make(Error::Code::InvalidInput,
                                                tr("partials must be a JSON object of name → template text"), path));
            const QJsonObject partials = json->toObject();
            for (auto it = partials.begin(); it != partials.end(); ++it) {
                if (!it.value().isString()) {
                    return context.fail(Error::make(Error::Code::InvalidInput,
                                                    tr("partial '%1' must be a string of template text").arg(it.key()),
                                                    path));
                }
                options.partials.insert(it.key(), it.value().toString());
            }
        }

        auto compiled = compileTemplateOption(parser);
        if (!compiled)
            return context.fail(compiled.error());
        auto rendered = compiled->render(data, options);
        if (!rendered)
            return context.fail(rendered.error());
        context.out() << *rendered;
        context.out().flush();
        return ExitOk;
    }
};

class VarsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("vars"); }
    QString summary() const override { return tr("List the variables a template uses, with line and column."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({kTemplate, tr("The template file, or - for standard input."), QStringLiteral("FILE")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto compiled = compileTemplateOption(parser);
        if (!compiled)
            return context.fail(compiled.error());
        QJsonArray array;
        for (const VariableUse &use : compiled->variables()) {
            array.append(QJsonObject{{QStringLiteral("name"), use.name},
                                     {QStringLiteral("line"), use.line},
                                     {QStringLiteral("column"), use.column},
                                     {QStringLiteral("kind"), kindName(use.kind)}});
        }
        context.printJson(array);
        return ExitOk;
    }
};

}  // namespace

void addTemplateCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<RenderCommand>());
    commands.push_back(std::make_unique<VarsCommand>());
}

}  // namespace Switchyard
