#pragma once

#include "core/common/Result.h"
#include "core/model/LlmConfig.h"

#include <QList>
#include <optional>

namespace Switchyard {

class Database;

/// The LLM configs of each bot, and which one is active.
///
/// At most one config per bot is active; the database enforces it (a partial unique index), and switching is one
/// transaction, so no reader ever sees a bot with two active configs or, while switching, with none.
class LlmConfigRepository {
public:
    explicit LlmConfigRepository(Database &database);

    /// Inserts @p config for its bot and returns it as stored. When config.active is set, it becomes the bot's active
    /// config in the same transaction. Error::NotFound for an unknown bot, Error::InvalidInput without provider/model.
    Result<LlmConfig> create(const LlmConfig &config);

    /// Saves the editable fields of @p config (matched by id). The bot and the active flag are not changed here:
    /// use activate() / deactivate().
    Result<LlmConfig> update(const LlmConfig &config);

    /// Removes a config. The active config can't be removed (Error::Conflict): activate another one first.
    Result<void> remove(qint64 configId);

    /// Error::NotFound when there is no config with @p configId.
    Result<LlmConfig> byId(qint64 configId);

    /// The bot's configs in creation order.
    Result<QList<LlmConfig>> listForBot(qint64 botId);

    /// The bot's active config; empty when none is active.
    Result<std::optional<LlmConfig>> activeForBot(qint64 botId);

    /// Makes @p configId its bot's active config, atomically deactivating the previous one.
    /// Returns the previously active config id (empty when none was active; @p configId when it already was), so the
    /// caller can undo with activate(previous) or deactivate(botId). On error nothing changes.
    Result<std::optional<qint64>> activate(qint64 configId);

    /// Leaves the bot without an active config. Returns the config that was active, if any.
    Result<std::optional<qint64>> deactivate(qint64 botId);

private:
    Result<QList<LlmConfig>> select(const QString &where, const QVariantList &values);

    Database &m_database;
};

}  // namespace Switchyard
