#pragma once

#include "core/common/Result.h"
#include "core/model/Bot.h"
#include "core/model/LlmConfig.h"

#include <QList>

namespace Switchyard {

class Database;

/// Saves an edited bot together with its LLM configs in one transaction: either everything is stored or nothing is.
///
/// This is what an editor's Save does. It goes through BotRepository and LlmConfigRepository (whose own transactions
/// become savepoints of this one), so their validation and messages apply unchanged.
class BotSaver {
public:
    /// The bot and its configs as stored, configs in the order they were given.
    struct Saved {
        Bot bot;
        QList<LlmConfig> configs;
    };

    explicit BotSaver(Database &database);

    /// Creates (id 0) or updates @p bot, then makes its stored configs equal @p configs: configs whose id is stored
    /// for this bot are updated, the others (id 0, or an id the database no longer has) are created, and stored
    /// configs missing from @p configs are removed. Which config is active is not changed here (that is
    /// LlmConfigRepository::activate); removing the active config fails with Error::Conflict.
    /// On any error nothing is written and the Error names the config it is about.
    Result<Saved> save(const Bot &bot, const QList<LlmConfig> &configs);

    /// True when the user-editable fields of two bots are equal (ids, uuid and timestamps are not compared).
    static bool sameEditableFields(const Bot &a, const Bot &b);

    /// True when the user-editable fields of two configs are equal (ids, bot, active flag and timestamps are not
    /// compared).
    static bool sameEditableFields(const LlmConfig &a, const LlmConfig &b);

private:
    Database &m_database;
};

}  // namespace Switchyard
