#include "ProviderCommands.h"

#include "CliContext.h"
#include "core/accounting/LiteLlmPriceImporter.h"
#include "core/accounting/PriceCsv.h"
#include "core/providers/ProvidersFile.h"
#include "core/providers/client/ConnectionCheck.h"
#include "core/secrets/SecretResolver.h"
#include "core/store/ProviderRepository.h"
#include "core/workspace/WorkspaceTransfer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
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

/// Runs a ConnectionCheck on the workspace provider named by the single positional argument. The key is resolved
/// from its reference (environment or keychain) and never printed.
Result<ConnectionReport> checkWorkspaceProvider(const QCommandLineParser &parser, CliContext &context,
                                                const QString &model)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::make(Error::Code::InvalidInput, tr("expected one PROVIDER argument (its id); see --help"));
    auto database = context.database(parser);
    if (!database)
        return database.error();
    auto config = ProviderRepository(**database).load();
    if (!config)
        return config.error();
    const auto provider = std::find_if(config->providers.cbegin(), config->providers.cend(),
                                       [&](const ProviderSpec &p) { return p.id == args.first(); });
    if (provider == config->providers.cend()) {
        QStringList ids;
        for (const ProviderSpec &p : config->providers)
            ids << p.id;
        if (ids.isEmpty())
            return Error::make(Error::Code::NotFound,
                               tr("this workspace has no providers yet; add them with 'providers import FILE'"));
        return Error::make(
            Error::Code::NotFound,
            tr("no provider '%1' in this workspace; known: %2").arg(args.first(), ids.join(QStringLiteral(", "))));
    }
    Secret key;
    if (!provider->apiKeyRef.isEmpty()) {
        auto resolved = context.secrets().resolve(provider->apiKeyRef, tr("provider \"%1\"").arg(provider->id));
        if (!resolved)
            return resolved.error();
        key = *resolved;
    }
    QNetworkAccessManager network;
    ConnectionCheck check(*provider, key, &network, model);
    QEventLoop loop;
    QObject::connect(&check, &ConnectionCheck::finished, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return check.report();
}

QJsonObject reportJson(const ConnectionReport &report, const QString &providerId)
{
    QJsonObject json{{QStringLiteral("provider"), providerId},
                     {QStringLiteral("ok"), report.ok},
                     {QStringLiteral("method"), ConnectionReport::methodName(report.method)},
                     {QStringLiteral("latency_ms"), report.latencyMs}};
    if (report.method == ConnectionReport::Method::ModelList && report.ok)
        json.insert(QStringLiteral("models"), int(report.models.size()));
    if (!report.model.isEmpty())
        json.insert(QStringLiteral("model"), report.model);
    if (report.modelListed)
        json.insert(QStringLiteral("model_listed"), *report.modelListed);
    if (report.httpStatus)
        json.insert(QStringLiteral("http_status"), report.httpStatus);
    if (!report.ok)
        json.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("class"), failureClassName(report.failure)},
                                                         {QStringLiteral("message"), report.message}});
    return json;
}

class ProvidersTestCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("providers test"); }
    QString arguments() const override { return QStringLiteral("PROVIDER"); }
    QString summary() const override
    {
        return tr("Test the connection to a workspace provider: its model list where it has one, else a one-line "
                  "chat. Exits 1 when the provider cannot be reached or refuses the key.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("model"),
                          tr("A model to look for in the list, or to chat with (default: the provider's first)."),
                          QStringLiteral("MODEL")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto report = checkWorkspaceProvider(parser, context, parser.value(QStringLiteral("model")));
        if (!report)
            return context.fail(report.error());
        context.printJson(reportJson(*report, parser.positionalArguments().first()));
        return report->ok ? ExitOk : ExitUserError;
    }
};

class ProvidersModelsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("providers models"); }
    QString arguments() const override { return QStringLiteral("PROVIDER"); }
    QString summary() const override { return tr("List the models a workspace provider offers, asked live."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto report = checkWorkspaceProvider(parser, context, {});
        if (!report)
            return context.fail(report.error());
        const QString id = parser.positionalArguments().first();
        if (report->method != ConnectionReport::Method::ModelList) {
            return context.fail(Error::make(
                Error::Code::InvalidInput,
                tr("provider '%1' has no model list to ask; its models are the ones in providers.yaml").arg(id)));
        }
        if (!report->ok) {
            context.printJson(reportJson(*report, id));
            return ExitUserError;
        }
        context.printJson(QJsonObject{{QStringLiteral("provider"), id},
                                      {QStringLiteral("models"), QJsonArray::fromStringList(report->models)},
                                      {QStringLiteral("latency_ms"), report->latencyMs}});
        return ExitOk;
    }
};

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
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto report = WorkspaceTransfer::importProviders(**database, *path);
        if (!report)
            return context.fail(report.error());
        for (const Warning &warning : report->warnings)
            context.err() << "switchyard-cli: " << warning.toString() << "\n";
        context.printJson(QJsonObject{{QStringLiteral("providers"), QJsonArray::fromStringList(report->providers)},
                                      {QStringLiteral("models"), report->models},
                                      {QStringLiteral("chains"), report->chains},
                                      {QStringLiteral("warnings"), int(report->warnings.size())}});
        return ExitOk;
    }
};

/// Writes @p bytes to @p path atomically, or to stdout when @p path is "-"; prints @p summary after a file write.
int writeOutput(CliContext &context, const QString &path, const QByteArray &bytes, const QJsonObject &summary)
{
    if (path == QStringLiteral("-")) {
        context.out() << QString::fromUtf8(bytes);
        context.out().flush();
        return ExitOk;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return context.fail(
            Error::make(Error::Code::Io,
                        QCoreApplication::translate("Switchyard::ProviderCommands", "cannot write the file: %1")
                            .arg(file.errorString()),
                        path));
    context.printJson(summary);
    return ExitOk;
}

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
        return writeOutput(
            context, *path, ProvidersFile::serialize(*config),
            QJsonObject{{QStringLiteral("file"), *path}, {QStringLiteral("providers"), int(config->providers.size())}});
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

class PricesExportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("prices export"); }
    QString arguments() const override { return QStringLiteral("FILE"); }
    QString summary() const override
    {
        return tr("Write every stored price (providers.yaml, LiteLLM and manual) as CSV (- for stdout).");
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto path = singleFileArgument(parser);
        if (!path)
            return context.fail(path.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto prices = ProviderRepository(**database).prices();
        if (!prices)
            return context.fail(prices.error());
        return writeOutput(
            context, *path, PriceCsv::write(*prices).toUtf8(),
            QJsonObject{{QStringLiteral("file"), *path}, {QStringLiteral("prices"), int(prices->size())}});
    }
};

}  // namespace

void addProviderCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<ProvidersImportCommand>());
    commands.push_back(std::make_unique<ProvidersExportCommand>());
    commands.push_back(std::make_unique<ProvidersTestCommand>());
    commands.push_back(std::make_unique<ProvidersModelsCommand>());
    commands.push_back(std::make_unique<PricesImportCommand>());
    commands.push_back(std::make_unique<PricesExportCommand>());
}

}  // namespace Switchyard
