#include "WorkspaceInstaller.h"

#include "core/providers/ProvidersFile.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/Transaction.h"
#include "core/workspace/PromptFolder.h"
#include "core/workspace/WorkspaceSeed.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceInstaller", text);
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Io, tr("cannot read the file: %1").arg(file.errorString()), path);
    return file.readAll();
}

const ModelSpec *findModel(const ProvidersConfig &providers, const QString &provider, const QString &model)
{
    for (const ProviderSpec &spec : providers.providers) {
        if (spec.id != provider)
            continue;
        for (const ModelSpec &candidate : spec.models) {
            if (candidate.id == model)
                return &candidate;
        }
    }
    return nullptr;
}

/// Checks that every config names a provider/model of providers.yaml, a known chain and an existing prompt.
Result<void> validateSeed(const WorkspaceSeed &seed, const ProvidersConfig &providers, const QStringList &promptKeys,
                          const QString &file)
{
    for (const SeedBot &bot : seed.bots) {
        for (const LlmConfig &config : bot.configs) {
            const QString where = tr("bot '%1', config '%2': ").arg(bot.bot.name, config.name);
            if (!findModel(providers, config.provider, config.model)) {
                return Error::make(
                    Error::Code::InvalidInput,
                    where +
                        tr("model '%1' of provider '%2' is not in providers.yaml").arg(config.model, config.provider),
                    file);
            }
            if (!config.chain.isEmpty()) {
                const bool known = std::any_of(providers.chains.cbegin(), providers.chains.cend(),
                                               [&](const ChainSpec &chain) { return chain.name == config.chain; });
                if (!known) {
                    return Error::make(
                        Error::Code::InvalidInput,
                        where + tr("chain '%1' is not among the failover_chains of providers.yaml").arg(config.chain),
                        file);
                }
            }
            if (!config.promptKey.isEmpty() && !promptKeys.contains(config.promptKey)) {
                return Error::make(Error::Code::InvalidInput,
                                   where + tr("prompt '%1' is not in the prompts folder").arg(config.promptKey), file);
            }
        }
    }
    return {};
}

}  // namespace

WorkspaceInstaller::WorkspaceInstaller(Database &database) : m_database(database) {}

QString WorkspaceInstaller::sampleFolder()
{
    return QStringLiteral(":/sample");
}

Result<bool> WorkspaceInstaller::isEmpty()
{
    auto bots = BotRepository(m_database).list(true);
    if (!bots)
        return bots.error();
    auto prompts = PromptRepository(m_database).keys();
    if (!prompts)
        return prompts.error();
    auto providers = ProviderRepository(m_database).load();
    if (!providers)
        return providers.error();
    return bots->isEmpty() && prompts->isEmpty() && providers->providers.isEmpty();
}

Result<WorkspaceInstallReport> WorkspaceInstaller::install(const QString &folder)
{
    auto empty = isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty) {
        return Error::make(Error::Code::Conflict,
                           tr("the workspace already holds bots, prompts or providers; install into a new workspace "
                              "(choose another --db path) or import single parts with 'prompt import' and "
                              "'providers import'"),
                           m_database.path());
    }

    const QDir dir(folder);
    WorkspaceInstallReport report;

    // Validate everything before the first write.
    const QString providersPath = dir.filePath(QStringLiteral("providers.yaml"));
    auto providersText = readFile(providersPath);
    if (!providersText)
        return providersText.error();
    auto providers = ProvidersFile::parse(*providersText, providersPath);
    if (!providers)
        return providers.error();
    report.warnings += providers->warnings;

    const QString seedPath = dir.filePath(QStringLiteral("workspace.yaml"));
    auto seedText = readFile(seedPath);
    if (!seedText)
        return seedText.error();
    auto seed = WorkspaceSeed::parse(*seedText, seedPath);
    if (!seed)
        return seed.error();
    report.warnings += seed->warnings;

    auto connection = m_database.checkedConnection();
    if (!connection)
        return connection.error();
    Transaction transaction(*connection);
    if (!transaction.isActive())
        return transaction.error();

    SWITCHYARD_TRY(ProviderRepository(m_database).replaceAll(providers->config));
    report.providers = int(providers->config.providers.size());
    for (const ProviderSpec &provider : providers->config.providers)
        report.models += int(provider.models.size());

    auto imported =
        PromptFolder(m_database)
            .importFrom(dir.filePath(QStringLiteral("prompts")), QStringLiteral("switchyard"), tr("Sample workspace"));
    if (!imported)
        return imported.error();
    report.warnings += imported->warnings;
    report.prompts = int(imported->created.size());
    const QStringList promptKeys = imported->created + imported->updated + imported->unchanged;

    SWITCHYARD_TRY(validateSeed(*seed, providers->config, promptKeys, seedPath));

    PromptRepository prompts(m_database);
    for (const PromptLabel &label : seed->labels) {
        auto moved = prompts.moveLabel(label.key, label.label, label.version, QStringLiteral("switchyard"));
        if (!moved) {
            Error error = moved.error();
            error.file = seedPath;
            return error;
        }
    }

    BotRepository bots(m_database);
    LlmConfigRepository configs(m_database);
    for (const SeedBot &seedBot : seed->bots) {
        auto bot = bots.create(seedBot.bot);
        if (!bot)
            return bot.error();
        ++report.bots;
        for (LlmConfig config : seedBot.configs) {
            const bool active = config.active;
            config.active = false;
            config.botId = bot->id;
            auto created = configs.create(config);
            if (!created)
                return created.error();
            ++report.configs;
            if (active)
                SWITCHYARD_TRY(configs.activate(created->id));
        }
    }

    SWITCHYARD_TRY(transaction.commit());
    return report;
}

}  // namespace Switchyard
