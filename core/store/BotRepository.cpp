#include "core/store/BotRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

#include <QUuid>

namespace Switchyard {

using namespace SqlSupport;

namespace {

constexpr int MaxSlugLength = 64;

const QString BotColumns = QStringLiteral("id, uuid, name, slug, description, avatar, status, type, rank, metadata, "
                                          "launched_at, created_at, updated_at, deleted_at");

Bot botFromRow(const QSqlQuery &query)
{
    Bot bot;
    bot.id = query.value(0).toLongLong();
    bot.uuid = query.value(1).toString();
    bot.name = query.value(2).toString();
    bot.slug = query.value(3).toString();
    bot.description = query.value(4).toString();
    bot.avatar = query.value(5).toString();
    bot.status = query.value(6).toString();
    bot.type = query.value(7).toString();
    bot.rank = query.value(8).toInt();
    bot.metadata = fromDbJson(query.value(9));
    bot.launched = fromDbTimestamp(query.value(10));
    bot.created = fromDbTimestamp(query.value(11));
    bot.updated = fromDbTimestamp(query.value(12));
    bot.deleted = fromDbTimestamp(query.value(13));
    return bot;
}

bool isKnownStatus(const QString &status)
{
    return status == QLatin1String("draft") || status == QLatin1String("live") || status == QLatin1String("archived");
}

/// Letters that NFKD leaves whole, spelled the way people transliterate them.
QString foldSpecialLetter(QChar c)
{
    switch (c.unicode()) {
    case 0x00DF:  // ß
        return QStringLiteral("ss");
    case 0x00E6:  // æ
    case 0x00C6:
        return QStringLiteral("ae");
    case 0x0153:  // œ
    case 0x0152:
        return QStringLiteral("oe");
    case 0x00F8:  // ø
    case 0x00D8:
        return QStringLiteral("o");
    case 0x0111:  // đ
    case 0x0110:
    case 0x00F0:  // ð
    case 0x00D0:
        return QStringLiteral("d");
    case 0x0142:  // ł
    case 0x0141:
        return QStringLiteral("l");
    case 0x00FE:  // þ
    case 0x00DE:
        return QStringLiteral("th");
    case 0x0131:  // dotless ı
        return QStringLiteral("i");
    default:
        return QString();
    }
}

/// Checks the name, status and slug of a bot about to be saved, deriving the slug when empty.
Result<void> normalise(Bot &bot)
{
    bot.name = bot.name.trimmed();
    if (bot.name.isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("A bot needs a name; give it one and save again."));
    }
    if (!isKnownStatus(bot.status)) {
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("The bot status '%1' is not known; use draft, live or archived.").arg(bot.status));
    }
    if (bot.slug.isEmpty()) {
        bot.slug = BotRepository::slugify(bot.name);
        if (bot.slug.isEmpty()) {
            return Error::make(Error::Code::InvalidInput,
                               QStringLiteral("No slug can be made from the name '%1' (it has no letters or digits "
                                              "that fold to ASCII); give the bot a slug such as 'my-bot'.")
                                   .arg(bot.name));
        }
    } else if (BotRepository::slugify(bot.slug) != bot.slug) {
        const QString suggestion = BotRepository::slugify(bot.slug);
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The slug '%1' is not valid: use lower-case ASCII letters, digits and single "
                                          "'-' between them%2.")
                               .arg(bot.slug, suggestion.isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" (for example '%1')").arg(suggestion)));
    }
    return {};
}

/// Error::Conflict when another bot (not @p ownId) already has @p slug.
Result<void> checkSlugFree(const QSqlDatabase &db, const QString &slug, qint64 ownId)
{
    auto query = run(db, QStringLiteral("SELECT name, deleted_at FROM bots WHERE slug = ? AND id <> ?"), {slug, ownId},
                     QStringLiteral("check the slug '%1'").arg(slug));
    if (!query)
        return query.error();
    if (!query->next())
        return {};
    const QString owner = query->value(0).toString();
    const bool deleted = !query->value(1).isNull();
    return Error::make(
        Error::Code::Conflict,
        deleted
            ? QStringLiteral("The slug '%1' is taken by the deleted bot '%2'; restore that bot or "
                             "choose another slug.")
                  .arg(slug, owner)
            : QStringLiteral("The slug '%1' is taken by the bot '%2'; choose another name or slug.").arg(slug, owner));
}

Error botNotFound(const QString &what)
{
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("There is no bot with %1; check the bot list for the right one.").arg(what));
}

}  // namespace

BotRepository::BotRepository(Database &database) : m_database(database) {}

QString BotRepository::slugify(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString slug;
    slug.reserve(decomposed.size());
    bool pendingDash = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;  // the accent of a decomposed letter
        QString piece = foldSpecialLetter(c);
        if (piece.isEmpty()) {
            const QChar lower = c.toLower();
            if ((lower >= QLatin1Char('a') && lower <= QLatin1Char('z')) ||
                (lower >= QLatin1Char('0') && lower <= QLatin1Char('9')))
                piece = lower;
        }
        if (piece.isEmpty()) {
            pendingDash = !slug.isEmpty();
            continue;
        }
        if (pendingDash)
            slug += QLatin1Char('-');
        pendingDash = false;
        slug += piece;
    }
    if (slug.size() > MaxSlugLength) {
        slug.truncate(MaxSlugLength);
        while (slug.endsWith(QLatin1Char('-')))
            slug.chop(1);
    }
    return slug;
}

Result<Bot> BotRepository::create(Bot bot)
{
    if (auto valid = normalise(bot); !valid)
        return valid.error();
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();

    if (bot.uuid.isEmpty())
        bot.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QDateTime now = nowUtc();

    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    if (auto free = checkSlugFree(*db, bot.slug, 0); !free)
        return free.error();
    auto inserted = run(*db,
                        QStringLiteral("INSERT INTO bots (uuid, name, slug, description, avatar, status, type, rank, "
                                       "metadata, launched_at, created_at, updated_at, deleted_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"),
                        {bot.uuid, bot.name, bot.slug, bot.description, bot.avatar, bot.status, bot.type, bot.rank,
                         toDbJson(bot.metadata), toDbTimestamp(bot.launched), toDbTimestamp(now), toDbTimestamp(now)},
                        QStringLiteral("create the bot '%1'").arg(bot.name));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return byId(id);
}

Result<Bot> BotRepository::update(const Bot &edited)
{
    Bot bot = edited;
    if (auto valid = normalise(bot); !valid)
        return valid.error();
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();

    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    const Result<Bot> stored = byId(bot.id);
    if (!stored)
        return stored.error();
    if (stored->isDeleted()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The bot '%1' is deleted; restore it before editing it.").arg(stored->name));
    }
    if (auto free = checkSlugFree(*db, bot.slug, bot.id); !free)
        return free.error();
    auto updated = run(*db,
                       QStringLiteral("UPDATE bots SET name = ?, slug = ?, description = ?, avatar = ?, status = ?, "
                                      "type = ?, rank = ?, metadata = ?, launched_at = ?, updated_at = ? WHERE id = ?"),
                       {bot.name, bot.slug, bot.description, bot.avatar, bot.status, bot.type, bot.rank,
                        toDbJson(bot.metadata), toDbTimestamp(bot.launched), toDbTimestamp(nowUtc()), bot.id},
                       QStringLiteral("save the bot '%1'").arg(bot.name));
    if (!updated)
        return updated.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return byId(bot.id);
}

Result<Bot> BotRepository::byId(qint64 id)
{
    auto bots = select(QStringLiteral("id = ?"), {id}, QStringLiteral("id"));
    if (!bots)
        return bots.error();
    if (bots->isEmpty())
        return botNotFound(QStringLiteral("id %1").arg(id));
    return bots->constFirst();
}

Result<Bot> BotRepository::bySlug(const QString &slug)
{
    auto bots = select(QStringLiteral("slug = ?"), {slug}, QStringLiteral("id"));
    if (!bots)
        return bots.error();
    if (bots->isEmpty())
        return botNotFound(QStringLiteral("slug '%1'").arg(slug));
    return bots->constFirst();
}

Result<QList<Bot>> BotRepository::list(bool includeDeleted)
{
    return select(includeDeleted ? QStringLiteral("1 = 1") : QStringLiteral("deleted_at IS NULL"), {},
                  QStringLiteral("rank, LOWER(name), id"));
}

Result<QList<Bot>> BotRepository::listDeleted()
{
    return select(QStringLiteral("deleted_at IS NOT NULL"), {}, QStringLiteral("deleted_at DESC, id DESC"));
}

Result<void> BotRepository::softDelete(qint64 id)
{
    return setDeleted(id, true);
}

Result<void> BotRepository::restore(qint64 id)
{
    return setDeleted(id, false);
}

Result<QList<Bot>> BotRepository::select(const QString &where, const QVariantList &values, const QString &orderBy)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db, QStringLiteral("SELECT %1 FROM bots WHERE %2 ORDER BY %3").arg(BotColumns, where, orderBy),
                     values, QStringLiteral("read the bots"));
    if (!query)
        return query.error();
    QList<Bot> bots;
    while (query->next())
        bots.append(botFromRow(*query));
    return bots;
}

Result<void> BotRepository::setDeleted(qint64 id, bool deleted)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QVariant now = toDbTimestamp(nowUtc());
    // Only rows whose state changes are touched, so deleting twice keeps the first deletion time.
    auto query = run(*db,
                     deleted ? QStringLiteral("UPDATE bots SET deleted_at = ?, updated_at = ? "
                                              "WHERE id = ? AND deleted_at IS NULL")
                             : QStringLiteral("UPDATE bots SET deleted_at = NULL, updated_at = ? "
                                              "WHERE id = ? AND deleted_at IS NOT NULL"),
                     deleted ? QVariantList{now, now, id} : QVariantList{now, id},
                     deleted ? QStringLiteral("delete bot %1").arg(id) : QStringLiteral("restore bot %1").arg(id));
    if (!query)
        return query.error();
    if (query->numRowsAffected() == 0) {
        const Result<Bot> existing = byId(id);
        if (!existing)
            return existing.error();
    }
    return {};
}

}  // namespace Switchyard
