#pragma once

#include "core/common/Result.h"
#include "core/model/Bot.h"

#include <QList>
#include <QString>

namespace Switchyard {

class Database;

/// Bots of the workspace: create, edit, soft delete and restore.
///
/// Slugs are unique among all bots, deleted ones included (so a restore never collides). A bot created without a
/// slug gets slugify(name).
class BotRepository {
public:
    explicit BotRepository(Database &database);

    /// "Café Crème — Daily!" → "cafe-creme-daily": lower case, accents folded to ASCII, every run of other characters
    /// becomes one '-', no '-' at either end, at most 64 characters. Empty when nothing usable is left.
    static QString slugify(const QString &text);

    /// Inserts @p bot (its id, uuid when empty, created and updated are assigned) and returns it as stored.
    /// Error::InvalidInput for an empty name, a slug that is not already slug-shaped, or an unknown status;
    /// Error::Conflict when the slug is taken.
    Result<Bot> create(Bot bot);

    /// Saves every editable field of @p bot (matched by id) and returns it as stored. Deleted bots can't be edited:
    /// restore them first.
    Result<Bot> update(const Bot &bot);

    /// The bot with @p id, deleted or not. Error::NotFound when there is none.
    Result<Bot> byId(qint64 id);

    /// The bot with @p slug, deleted or not. Error::NotFound when there is none.
    Result<Bot> bySlug(const QString &slug);

    /// Bots by rank, then name. Deleted bots only when @p includeDeleted.
    Result<QList<Bot>> list(bool includeDeleted = false);

    /// Only the soft-deleted bots, most recently deleted first.
    Result<QList<Bot>> listDeleted();

    /// Marks the bot deleted (its configs and history stay). Deleting a deleted bot changes nothing.
    Result<void> softDelete(qint64 id);

    /// Brings a soft-deleted bot back. Restoring a bot that is not deleted changes nothing.
    Result<void> restore(qint64 id);

private:
    Result<QList<Bot>> select(const QString &where, const QVariantList &values, const QString &orderBy);
    Result<void> setDeleted(qint64 id, bool deleted);

    Database &m_database;
};

}  // namespace Switchyard
