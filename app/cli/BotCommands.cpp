#include "BotCommands.h"

#include "CliContext.h"
#include "core/model/ModelJson.h"
#include "core/store/BotRepository.h"
#include "core/store/LlmConfigRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BotCommands", text);
}

const QString kBotOption = QStringLiteral("bot");
const QString kConfigOption = QStringLiteral("config");

class BotsListCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("bots list"); }
    QString summary() const override { return tr("List the workspace's bots."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("deleted"), tr("List only bots in the trash (soft-deleted).")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        BotRepository bots(**database);
        auto list = parser.isSet(QStringLiteral("deleted")) ? bots.listDeleted() : bots.list();
        if (!list)
            return context.fail(list.error());
        QJsonArray array;
        for (const Bot &bot : *list)
            array.append(toJson(bot));
        context.printJson(array);
        return ExitOk;
    }
};

/// The bot named by --bot, with a clear error when the option or the bot is missing.
Result<Bot> requireBot(const QCommandLineParser &parser, Database &database)
{
    const QString slug = parser.value(kBotOption);
    if (slug.isEmpty())
        return Error::make(Error::Code::InvalidInput, tr("--bot SLUG is required; 'bots list' shows the slugs"));
    auto bot = BotRepository(database).bySlug(slug);
    if (!bot && bot.error().code == Error::Code::NotFound) {
        return Error::make(Error::Code::NotFound, tr("no bot with slug '%1'; 'bots list' shows the slugs").arg(slug));
    }
    return bot;
}

class ConfigsListCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("configs list"); }
    QString summary() const override { return tr("List a bot's LLM configs; one is active."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({kBotOption, tr("The bot's slug."), QStringLiteral("SLUG")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto bot = requireBot(parser, **database);
        if (!bot)
            return context.fail(bot.error());
        auto configs = LlmConfigRepository(**database).listForBot(bot->id);
        if (!configs)
            return context.fail(configs.error());
        QJsonArray array;
        for (const LlmConfig &config : *configs)
            array.append(toJson(config));
        context.printJson(array);
        return ExitOk;
    }
};

class ConfigsActivateCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("configs activate"); }
    QString summary() const override { return tr("Make one of a bot's configs the active one (atomic switch)."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({kBotOption, tr("The bot's slug."), QStringLiteral("SLUG")});
        parser.addOption({kConfigOption, tr("The config id ('configs list' shows them)."), QStringLiteral("ID")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        bool isNumber = false;
        const qint64 configId = parser.value(kConfigOption).toLongLong(&isNumber);
        if (!isNumber || configId <= 0)
            return context.failUsage(tr("--config ID is required and must be a config id ('configs list --bot SLUG')"));
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto bot = requireBot(parser, **database);
        if (!bot)
            return context.fail(bot.error());
        LlmConfigRepository configs(**database);
        auto config = configs.byId(configId);
        if (!config || config->botId != bot->id) {
            return context.fail(Error::make(Error::Code::NotFound,
                                            tr("bot '%1' has no config %2; 'configs list --bot %1' shows its configs")
                                                .arg(bot->slug)
                                                .arg(configId)));
        }
        auto previous = configs.activate(configId);
        if (!previous)
            return context.fail(previous.error());
        auto active = configs.byId(configId);
        if (!active)
            return context.fail(active.error());
        context.printJson(QJsonObject{
            {QStringLiteral("bot"), bot->slug},
            {QStringLiteral("active"), toJson(*active)},
            {QStringLiteral("previous_config_id"), *previous ? QJsonValue(**previous) : QJsonValue()},
        });
        return ExitOk;
    }
};

}  // namespace

void addBotCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<BotsListCommand>());
    commands.push_back(std::make_unique<ConfigsListCommand>());
    commands.push_back(std::make_unique<ConfigsActivateCommand>());
}

}  // namespace Switchyard
