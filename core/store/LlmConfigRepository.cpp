#include "core/store/LlmConfigRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

namespace Switchyard {

using namespace SqlSupport;

namespace {

const QString ConfigColumns =
    QStringLiteral("id, bot_id, name, provider, model, temperature, top_p, top_k, max_output_tokens, prompt_key, "
                   "prompt_version, prompt_label, chain, region, metadata, is_active, created_at, updated_at");

LlmConfig configFromRow(const QSqlQuery &query)
{
    LlmConfig config;
    config.id = query.value(0).toLongLong();
    config.botId = query.value(1).toLongLong();
    config.name = query.value(2).toString();
    config.provider = query.value(3).toString();
    config.model = query.value(4).toString();
    config.temperature = optionalDouble(query.value(5));
    config.topP = optionalDouble(query.value(6));
    config.topK = optionalInt(query.value(7));
    config.maxOutputTokens = optionalInt(query.value(8));
    config.promptKey = query.value(9).toString();
    config.promptVersion = optionalInt(query.value(10));
    config.promptLabel = query.value(11).toString();
    config.chain = query.value(12).toString();
    config.region = query.value(13).toString();
    config.metadata = fromDbJson(query.value(14));
    config.active = query.value(15).toInt() == 1;
    config.created = fromDbTimestamp(query.value(16));
    config.updated = fromDbTimestamp(query.value(17));
    return config;
}

Result<void> validate(const LlmConfig &config)
{
    if (config.provider.trimmed().isEmpty() || config.model.trimmed().isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("An LLM config needs a provider and a model (for example provider 'openai', "
                                          "model 'gpt-4o-mini'); fill both in and save again."));
    }
    if (config.promptVersion && *config.promptVersion < 1) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The pinned prompt version %1 is not valid; versions start at 1.")
                               .arg(*config.promptVersion));
    }
    return {};
}

Error configNotFound(qint64 configId)
{
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("There is no LLM config with id %1; check the bot's config list.").arg(configId));
}

/// The id of the bot's active config, if any.
Result<std::optional<qint64>> activeId(const QSqlDatabase &db, qint64 botId)
{
    auto query = run(db, QStringLiteral("SELECT id FROM llm_configs WHERE bot_id = ? AND is_active = 1"), {botId},
                     QStringLiteral("find the active config of bot %1").arg(botId));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

/// Inside a transaction: deactivates whatever is active for @p botId, then activates @p configId.
/// Deactivating first keeps the partial unique index satisfied after every statement.
Result<void> switchActive(const QSqlDatabase &db, qint64 botId, qint64 configId, const QVariant &now)
{
    auto off = run(db,
                   QStringLiteral("UPDATE llm_configs SET is_active = 0, updated_at = ? "
                                  "WHERE bot_id = ? AND is_active = 1 AND id <> ?"),
                   {now, botId, configId}, QStringLiteral("deactivate the current config of bot %1").arg(botId));
    if (!off)
        return off.error();
    auto on =
        run(db, QStringLiteral("UPDATE llm_configs SET is_active = 1, updated_at = ? WHERE id = ? AND is_active = 0"),
            {now, configId}, QStringLiteral("activate config %1").arg(configId));
    if (!on)
        return on.error();
    return {};
}

}  // namespace

LlmConfigRepository::LlmConfigRepository(Database &database) : m_database(database) {}

Result<LlmConfig> LlmConfigRepository::create(const LlmConfig &config)
{
    if (auto valid = validate(config); !valid)
        return valid.error();
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();

    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    auto bot = run(*db, QStringLiteral("SELECT 1 FROM bots WHERE id = ?"), {config.botId},
                   QStringLiteral("find bot %1").arg(config.botId));
    if (!bot)
        return bot.error();
    if (!bot->next()) {
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("There is no bot with id %1 to add the config '%2' to; create the bot first.")
                               .arg(config.botId)
                               .arg(config.name));
    }
    const QVariant now = toDbTimestamp(nowUtc());
    auto inserted = run(
        *db,
        QStringLiteral("INSERT INTO llm_configs (bot_id, name, provider, model, temperature, top_p, top_k, "
                       "max_output_tokens, prompt_key, prompt_version, prompt_label, chain, region, metadata, "
                       "is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"),
        {config.botId, config.name, config.provider, config.model, nullable(config.temperature), nullable(config.topP),
         nullable(config.topK), nullable(config.maxOutputTokens), config.promptKey, nullable(config.promptVersion),
         config.promptLabel, config.chain, config.region, toDbJson(config.metadata), now, now},
        QStringLiteral("create the config '%1'").arg(config.name));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (config.active) {
        if (auto switched = switchActive(*db, config.botId, id, now); !switched)
            return switched.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return byId(id);
}

Result<LlmConfig> LlmConfigRepository::update(const LlmConfig &config)
{
    if (auto valid = validate(config); !valid)
        return valid.error();
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto updated =
        run(*db,
            QStringLiteral("UPDATE llm_configs SET name = ?, provider = ?, model = ?, temperature = ?, top_p = ?, "
                           "top_k = ?, max_output_tokens = ?, prompt_key = ?, prompt_version = ?, prompt_label = ?, "
                           "chain = ?, region = ?, metadata = ?, updated_at = ? WHERE id = ?"),
            {config.name, config.provider, config.model, nullable(config.temperature), nullable(config.topP),
             nullable(config.topK), nullable(config.maxOutputTokens), config.promptKey, nullable(config.promptVersion),
             config.promptLabel, config.chain, config.region, toDbJson(config.metadata), toDbTimestamp(nowUtc()),
             config.id},
            QStringLiteral("save the config '%1'").arg(config.name));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return configNotFound(config.id);
    return byId(config.id);
}

Result<void> LlmConfigRepository::remove(qint64 configId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    const Result<LlmConfig> config = byId(configId);
    if (!config)
        return config.error();
    if (config->active) {
        return Error::make(Error::Code::Conflict,
                           QStringLiteral("The config '%1' is its bot's active config and can't be removed; activate "
                                          "another config (or deactivate it) first.")
                               .arg(config->name));
    }
    auto removed = run(*db, QStringLiteral("DELETE FROM llm_configs WHERE id = ?"), {configId},
                       QStringLiteral("remove the config '%1'").arg(config->name));
    if (!removed)
        return removed.error();
    return tx.commit();
}

Result<LlmConfig> LlmConfigRepository::byId(qint64 configId)
{
    auto configs = select(QStringLiteral("id = ?"), {configId});
    if (!configs)
        return configs.error();
    if (configs->isEmpty())
        return configNotFound(configId);
    return configs->constFirst();
}

Result<QList<LlmConfig>> LlmConfigRepository::listForBot(qint64 botId)
{
    return select(QStringLiteral("bot_id = ?"), {botId});
}

Result<std::optional<LlmConfig>> LlmConfigRepository::activeForBot(qint64 botId)
{
    auto configs = select(QStringLiteral("bot_id = ? AND is_active = 1"), {botId});
    if (!configs)
        return configs.error();
    if (configs->isEmpty())
        return std::optional<LlmConfig>();
    return std::optional<LlmConfig>(configs->constFirst());
}

Result<std::optional<qint64>> LlmConfigRepository::activate(qint64 configId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    auto target = run(*db, QStringLiteral("SELECT bot_id FROM llm_configs WHERE id = ?"), {configId},
                      QStringLiteral("find config %1").arg(configId));
    if (!target)
        return target.error();
    if (!target->next())
        return configNotFound(configId);
    const qint64 botId = target->value(0).toLongLong();
    target->finish();

    const auto previous = activeId(*db, botId);
    if (!previous)
        return previous.error();
    if (auto switched = switchActive(*db, botId, configId, toDbTimestamp(nowUtc())); !switched)
        return switched.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return *previous;
}

Result<std::optional<qint64>> LlmConfigRepository::deactivate(qint64 botId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    const auto previous = activeId(*db, botId);
    if (!previous)
        return previous.error();
    if (*previous) {
        auto off = run(*db, QStringLiteral("UPDATE llm_configs SET is_active = 0, updated_at = ? WHERE id = ?"),
                       {toDbTimestamp(nowUtc()), **previous}, QStringLiteral("deactivate config %1").arg(**previous));
        if (!off)
            return off.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return *previous;
}

Result<QList<LlmConfig>> LlmConfigRepository::select(const QString &where, const QVariantList &values)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db, QStringLiteral("SELECT %1 FROM llm_configs WHERE %2 ORDER BY id").arg(ConfigColumns, where),
                     values, QStringLiteral("read the LLM configs"));
    if (!query)
        return query.error();
    QList<LlmConfig> configs;
    while (query->next())
        configs.append(configFromRow(*query));
    return configs;
}

}  // namespace Switchyard
