#include "PromptCommands.h"

#include "CliContext.h"
#include "CliInput.h"
#include "RenderFlags.h"
#include "core/model/ModelJson.h"
#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/PromptRenderer.h"
#include "core/store/PromptRepository.h"
#include "core/templating/SystemVariables.h"
#include "core/workspace/PromptFolder.h"
#include "core/workspace/PromptReference.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PromptCommands", text);
}

QJsonArray warningsJson(const QList<Warning> &warnings)
{
    QJsonArray array;
    for (const Warning &warning : warnings)
        array.append(warning.toString());
    return array;
}

void printWarnings(CliContext &context, const QList<Warning> &warnings)
{
    for (const Warning &warning : warnings)
        context.err() << "switchyard-cli: " << warning.toString() << "\n";
    context.err().flush();
}

/// The positional arguments, or a usage error naming what is missing.
Result<QStringList> positional(const QCommandLineParser &parser, const QStringList &names)
{
    const QStringList values = parser.positionalArguments();
    if (values.size() != names.size()) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("expected %1, got %2 argument(s); see --help").arg(names.join(QLatin1Char(' '))).arg(values.size()));
    }
    return values;
}

class PromptRenderCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prompt render"); }
    QString arguments() const override { return QStringLiteral("KEY[@VERSION|:LABEL]"); }
    QString summary() const override { return tr("Render a stored prompt's system and user text as JSON."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("var"), tr("A variable: name=text, or name:=JSON. Repeatable."),
                          QStringLiteral("NAME=VALUE")});
        parser.addOption(
            {QStringLiteral("data"), tr("JSON file with variables (--var wins)."), QStringLiteral("FILE.json")});
        addRenderFlags(parser);
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto args = positional(parser, {arguments()});
        if (!args)
            return context.fail(args.error());
        auto reference = PromptReference::parse(args->first());
        if (!reference)
            return context.fail(reference.error());
        auto variables = readVariables(parser);
        if (!variables)
            return context.fail(variables.error());
        Templating::RenderOptions options;
        Templating::SystemVariables system;
        if (auto applied = applyRenderFlags(parser, options, system); !applied)
            return context.fail(applied.error());

        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto version = reference->resolve(**database);
        if (!version)
            return context.fail(version.error());
        const QString source = reference->key + QLatin1Char('@') + QString::number(version->version);
        auto parsed = PromptDocumentParser::parse(version->body.toUtf8(), source);
        if (!parsed)
            return context.fail(parsed.error());
        auto rendered = PromptRenderer::render(parsed->doc, *variables, options);
        if (!rendered)
            return context.fail(rendered.error());

        QJsonArray missing;
        for (const auto &variable : rendered->missing) {
            missing.append(QJsonObject{{QStringLiteral("name"), variable.name},
                                       {QStringLiteral("line"), variable.line},
                                       {QStringLiteral("column"), variable.column}});
        }
        context.printJson(QJsonObject{
            {QStringLiteral("key"), version->key},
            {QStringLiteral("version"), version->version},
            {QStringLiteral("system"), rendered->system},
            {QStringLiteral("user"), rendered->user},
            {QStringLiteral("temperature"),
             parsed->doc.temperature ? QJsonValue(*parsed->doc.temperature) : QJsonValue()},
            {QStringLiteral("max_tokens"), parsed->doc.maxTokens ? QJsonValue(*parsed->doc.maxTokens) : QJsonValue()},
            {QStringLiteral("missing"), missing},
        });
        return ExitOk;
    }
};

class PromptImportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prompt import"); }
    QString arguments() const override { return QStringLiteral("DIR"); }
    QString summary() const override
    {
        return tr("Import a folder of prompt files; changed files become new versions.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption(
            {QStringLiteral("author"), tr("Recorded on new versions (default: $USER)."), QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("note"), tr("Note recorded on new versions."), QStringLiteral("TEXT")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto args = positional(parser, {arguments()});
        if (!args)
            return context.fail(args.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        QString author = parser.value(QStringLiteral("author"));
        if (author.isEmpty())
            author = qEnvironmentVariable("USER", QStringLiteral("switchyard-cli"));
        auto report = PromptFolder(**database).importFrom(args->first(), author, parser.value(QStringLiteral("note")));
        if (!report)
            return context.fail(report.error());
        printWarnings(context, report->warnings);
        context.printJson(QJsonObject{
            {QStringLiteral("created"), QJsonArray::fromStringList(report->created)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(report->updated)},
            {QStringLiteral("unchanged"), QJsonArray::fromStringList(report->unchanged)},
            {QStringLiteral("warnings"), warningsJson(report->warnings)},
        });
        return ExitOk;
    }
};

class PromptExportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prompt export"); }
    QString arguments() const override { return QStringLiteral("DIR"); }
    QString summary() const override { return tr("Write the latest version of every prompt to a folder."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto args = positional(parser, {arguments()});
        if (!args)
            return context.fail(args.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto files = PromptFolder(**database).exportTo(args->first());
        if (!files)
            return context.fail(files.error());
        context.printJson(QJsonObject{{QStringLiteral("files"), QJsonArray::fromStringList(*files)}});
        return ExitOk;
    }
};

class PromptHistoryCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prompt history"); }
    QString arguments() const override { return QStringLiteral("KEY"); }
    QString summary() const override { return tr("A prompt's versions, labels and label moves."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto args = positional(parser, {arguments()});
        if (!args)
            return context.fail(args.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        PromptRepository prompts(**database);
        const QString key = args->first();
        auto history = prompts.history(key);
        if (!history)
            return context.fail(history.error());
        auto labels = prompts.labels(key);
        if (!labels)
            return context.fail(labels.error());
        auto moves = prompts.labelHistory(key);
        if (!moves)
            return context.fail(moves.error());
        QJsonArray versions, labelArray, moveArray;
        for (const PromptVersion &version : *history)
            versions.append(toJson(version, false));
        for (const PromptLabel &label : *labels)
            labelArray.append(toJson(label));
        for (const LabelMove &move : *moves)
            moveArray.append(toJson(move));
        context.printJson(QJsonObject{{QStringLiteral("key"), key},
                                      {QStringLiteral("versions"), versions},
                                      {QStringLiteral("labels"), labelArray},
                                      {QStringLiteral("label_history"), moveArray}});
        return ExitOk;
    }
};

class PromptLabelCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prompt label"); }
    QString arguments() const override { return QStringLiteral("KEY LABEL VERSION"); }
    QString summary() const override { return tr("Point a label (production, staging, …) at a version."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("by"), tr("Who moves the label (default: $USER)."), QStringLiteral("NAME")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto args = positional(parser, {QStringLiteral("KEY"), QStringLiteral("LABEL"), QStringLiteral("VERSION")});
        if (!args)
            return context.fail(args.error());
        bool isNumber = false;
        const int version = args->at(2).toInt(&isNumber);
        if (!isNumber || version < 1)
            return context.failUsage(tr("VERSION must be a version number (1, 2, …), got '%1'").arg(args->at(2)));
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        QString by = parser.value(QStringLiteral("by"));
        if (by.isEmpty())
            by = qEnvironmentVariable("USER", QStringLiteral("switchyard-cli"));
        PromptRepository prompts(**database);
        auto moved = prompts.moveLabel(args->at(0), args->at(1), version, by);
        if (!moved)
            return context.fail(moved.error());
        context.printJson(QJsonObject{{QStringLiteral("key"), args->at(0)},
                                      {QStringLiteral("label"), args->at(1)},
                                      {QStringLiteral("version"), version},
                                      {QStringLiteral("moved"), bool(*moved)},
                                      {QStringLiteral("move"), *moved ? QJsonValue(toJson(**moved)) : QJsonValue()}});
        return ExitOk;
    }
};

}  // namespace

void addPromptCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<PromptRenderCommand>());
    commands.push_back(std::make_unique<PromptImportCommand>());
    commands.push_back(std::make_unique<PromptExportCommand>());
    commands.push_back(std::make_unique<PromptHistoryCommand>());
    commands.push_back(std::make_unique<PromptLabelCommand>());
}

}  // namespace Switchyard
