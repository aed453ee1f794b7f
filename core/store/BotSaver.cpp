#include "core/store/BotSaver.h"

#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/Transaction.h"

#include <QSet>
#include <algorithm>

namespace Switchyard {

namespace {

/// Prefixes a config error with the config it is about, so a failed save of many configs says which one.
Error aboutConfig(const LlmConfig &config, int position, const Error &error)
{
    const QString which = config.name.isEmpty() ? QStringLiteral("config %1").arg(position + 1)
                                                : QStringLiteral("config '%1'").arg(config.name);
    Error named = error;
    named.message = QStringLiteral("%1: %2").arg(which, error.message);
    return named;
}

}  // namespace

BotSaver::BotSaver(Database &database) : m_database(database) {}

bool BotSaver::sameEditableFields(const Bot &a, const Bot &b)
{
    return a.name == b.name && a.slug == b.slug && a.description == b.description && a.avatar == b.avatar &&
           a.status == b.status && a.type == b.type && a.rank == b.rank && a.metadata == b.metadata &&
           a.launched == b.launched;
}

bool BotSaver::sameEditableFields(const LlmConfig &a, const LlmConfig &b)
{
    return a.name == b.name && a.provider == b.provider && a.model == b.model && a.temperature == b.temperature &&
           a.topP == b.topP && a.topK == b.topK && a.maxOutputTokens == b.maxOutputTokens &&
           a.promptKey == b.promptKey && a.promptVersion == b.promptVersion && a.promptLabel == b.promptLabel &&
           a.chain == b.chain && a.region == b.region && a.metadata == b.metadata;
}

Result<BotSaver::Saved> BotSaver::save(const Bot &bot, const QList<LlmConfig> &configs)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();

    BotRepository bots(m_database);
    LlmConfigRepository llmConfigs(m_database);

    Saved saved;
    if (bot.id == 0) {
        auto created = bots.create(bot);
        if (!created)
            return created.error();
        saved.bot = *created;
    } else {
        auto stored = bots.byId(bot.id);
        if (!stored)
            return stored.error();
        // An unchanged bot is not rewritten, so its "updated" time keeps meaning "last edited".
        auto written = sameEditableFields(*stored, bot) && !stored->isDeleted() ? stored : bots.update(bot);
        if (!written)
            return written.error();
        saved.bot = *written;
    }

    auto existing = llmConfigs.listForBot(saved.bot.id);
    if (!existing)
        return existing.error();

    QSet<qint64> kept;
    for (int i = 0; i < configs.size(); ++i) {
        LlmConfig config = configs.at(i);
        config.botId = saved.bot.id;
        const auto stored = std::find_if(existing->cbegin(), existing->cend(),
                                         [&config](const LlmConfig &c) { return c.id == config.id; });
        Result<LlmConfig> written = config;
        if (config.id != 0 && stored != existing->cend()) {
            written = sameEditableFields(*stored, config) ? Result<LlmConfig>(*stored) : llmConfigs.update(config);
        } else {
            // New, or removed from the database since it was loaded: store it as a new config.
            config.id = 0;
            config.active = false;
            written = llmConfigs.create(config);
        }
        if (!written)
            return aboutConfig(config, i, written.error());
        kept.insert(written->id);
        saved.configs.append(*written);
    }
    for (int i = 0; i < existing->size(); ++i) {
        const LlmConfig &old = existing->at(i);
        if (kept.contains(old.id))
            continue;
        if (auto removed = llmConfigs.remove(old.id); !removed)
            return aboutConfig(old, i, removed.error());
    }

    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return saved;
}

}  // namespace Switchyard
