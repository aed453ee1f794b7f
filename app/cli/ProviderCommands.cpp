#include "ProviderCommands.h"

#include "CliContext.h"
#include "core/accounting/LiteLlmPriceImporter.h"
#include "core/providers/ProvidersFile.h"
#include "core/store/ProviderRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProviderCommands", text);
}

Result<QString> singleFileArgument(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::make(Error::Code::InvalidInput, tr("expected one FILE argument; see --help"));
    return args.first();
}

class ProvidersImportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("providers import"); }
    QString arguments() const override { return QStringLiteral("FILE"); }
    QString summary() const override
    {
        return tr("Replace the workspace's providers, models, prices and chains with a providers.yaml.");
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto path = singleFileArgument(parser);
        if (!path)
            return context.fail(path.error());
        QFile file(*path);
        if (!file.open(QIODevice::ReadOnly))
            return context.fail(
                Error::make(Error::Code::InvalidInput, tr("cannot read the file: %1").arg(file.errorString()), *path));
        auto parsed = ProvidersFile::parse(file.readAll(), *path);
        if (!parsed)
            return context.fail(parsed.error());
        for (const Warning &warning : parsed->warnings)
            context.err() << "switchyard-cli: " << warning.toString() << "\n";
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        if (auto replaced = ProviderRepository(**database).replaceAll(parsed->config); !replaced)
            return context.fail(replaced.error());
        int models = 0;
        QJsonArray providers;
        for (const ProviderSpec &provider : parsed->config.providers) {
            providers.append(provider.id);
            models += int(provider.models.size());
        }
        context.printJson(QJsonObject{{QStringLiteral("providers"), providers},
                                      {QStringLiteral("models"), models},
                                      {QStringLiteral("chains"), int(parsed->config.chains.size())},
                                      {QStringLiteral("warnings"), int(parsed->warnings.size())}});
        return ExitOk;
    }
};

class ProvidersExportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("providers export"); }
    QString arguments() const override { return QStringLiteral("FILE"); }
    QString summary() const override { return tr("Write the workspace's providers as providers.yaml (- for stdout)."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto path = singleFileArgument(parser);
        if (!path)
            return context.fail(path.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto config = ProviderRepository(**database).load();
        if (!config)
            return context.fail(config.error());
        const QByteArray yaml = ProvidersFile::serialize(*config);
        if (*path == QStringLiteral("-")) {
            context.out() << QString::fromUtf8(yaml);
            context.out().flush();
            return ExitOk;
        }
        QSaveFile file(*path);
        if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size() || !file.commit())
            return context.fail(
                Error::make(Error::Code::Io, tr("cannot write the file: %1").arg(file.errorString()), *path));
        context.printJson(
            QJsonObject{{QStringLiteral("file"), *path}, {QStringLiteral("providers"), int(config->providers.size())}});
        return ExitOk;
    }
};

class PricesImportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prices import"); }
    QString arguments() const override { return QStringLiteral("FILE"); }
    QString summary() const override
    {
        return tr("Import prices from LiteLLM's model_prices_and_context_window.json for the workspace's models.");
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto path = singleFileArgument(parser);
        if (!path)
            return context.fail(path.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto report = LiteLlmPriceImporter(**database).importFile(*path);
        if (!report)
            return context.fail(report.error());
        QJsonArray matches;
        for (const auto &match : report->matches) {
            matches.append(QJsonObject{{QStringLiteral("entry"), match.entry},
                                       {QStringLiteral("provider"), match.providerId},
                                       {QStringLiteral("model"), match.modelId},
                                       {QStringLiteral("input_per_1k"), match.price.inputPer1k},
                                       {QStringLiteral("output_per_1k"), match.price.outputPer1k}});
        }
        QJsonArray skipped;
        for (const auto &entry : report->skipped)
            skipped.append(
                QJsonObject{{QStringLiteral("entry"), entry.entry}, {QStringLiteral("reason"), entry.reason}});
        context.printJson(QJsonObject{{QStringLiteral("entries"), report->entries},
                                      {QStringLiteral("matched"), report->matched},
                                      {QStringLiteral("updated"), report->updated},
                                      {QStringLiteral("matches"), matches},
                                      {QStringLiteral("unmatched"), QJsonArray::fromStringList(report->unmatched)},
                                      {QStringLiteral("skipped"), skipped}});
        return ExitOk;
    }
};

}  // namespace

void addProviderCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<ProvidersImportCommand>());
    commands.push_back(std::make_unique<ProvidersExportCommand>());
    commands.push_back(std::make_unique<PricesImportCommand>());
}

}  // namespace Switchyard
