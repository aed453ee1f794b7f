#include "core/store/PromptRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

#include <QCryptographicHash>

namespace Switchyard {

using namespace SqlSupport;

namespace {

const QString VersionColumns =
    QStringLiteral("v.id, p.key, v.version, v.body, v.author, v.note, v.content_hash, v.created_at");

PromptVersion versionFromRow(const QSqlQuery &query)
{
    PromptVersion version;
    version.id = query.value(0).toLongLong();
    version.key = query.value(1).toString();
    version.version = query.value(2).toInt();
    version.body = query.value(3).toString();
    version.author = query.value(4).toString();
    version.note = query.value(5).toString();
    version.contentHash = query.value(6).toString();
    version.created = fromDbTimestamp(query.value(7));
    return version;
}

Error promptNotFound(const QString &key)
{
    return Error::make(
        Error::Code::NotFound,
        QStringLiteral("There is no prompt '%1'; check the key (the prompt list shows every key).").arg(key));
}

Result<void> validateName(const QString &value, const QString &what)
{
    if (value.isEmpty() || value.trimmed() != value) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The %1 '%2' is not valid: it must not be empty or start or end with "
                                          "spaces.")
                               .arg(what, value));
    }
    return {};
}

/// The prompt's id, or an empty optional when the key is unknown.
Result<std::optional<qint64>> promptId(const QSqlDatabase &db, const QString &key)
{
    auto query = run(db, QStringLiteral("SELECT id FROM prompts WHERE key = ?"), {key},
                     QStringLiteral("find the prompt '%1'").arg(key));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

}  // namespace

PromptRepository::PromptRepository(Database &database) : m_database(database) {}

QString PromptRepository::contentHash(const QString &body)
{
    return QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<PromptRepository::AddVersionOutcome> PromptRepository::addVersion(const QString &key, const QString &body,
                                                                         const QString &author, const QString &note)
{
    if (auto valid = validateName(key, QStringLiteral("prompt key")); !valid)
        return valid.error();
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();

    const QString hash = contentHash(body);
    const QVariant now = toDbTimestamp(nowUtc());

    // A write transaction from the start: the next number is read and used under the same lock.
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    auto id = promptId(*db, key);
    if (!id)
        return id.error();
    if (!*id) {
        auto inserted = run(*db, QStringLiteral("INSERT INTO prompts (key, created_at) VALUES (?, ?)"), {key, now},
                            QStringLiteral("create the prompt '%1'").arg(key));
        if (!inserted)
            return inserted.error();
        *id = inserted->lastInsertId().toLongLong();
    }

    auto latestRow = run(*db,
                         QStringLiteral("SELECT version, content_hash FROM prompt_versions WHERE prompt_id = ? "
                                        "ORDER BY version DESC LIMIT 1"),
                         {**id}, QStringLiteral("read the latest version of '%1'").arg(key));
    if (!latestRow)
        return latestRow.error();
    int next = 1;
    if (latestRow->next()) {
        const int latestNumber = latestRow->value(0).toInt();
        if (latestRow->value(1).toString() == hash) {
            latestRow->finish();
            tx.rollback();
            auto unchanged = version(key, latestNumber);
            if (!unchanged)
                return unchanged.error();
            return AddVersionOutcome{*unchanged, false};
        }
        next = latestNumber + 1;
    }
    latestRow->finish();

    auto inserted =
        run(*db,
            QStringLiteral("INSERT INTO prompt_versions (prompt_id, version, body, author, note, "
                           "content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {**id, next, body, author, note, hash, now}, QStringLiteral("save version %1 of '%2'").arg(next).arg(key));
    if (!inserted)
        return inserted.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    auto created = version(key, next);
    if (!created)
        return created.error();
    return AddVersionOutcome{*created, true};
}

Result<PromptVersion> PromptRepository::version(const QString &key, int number)
{
    auto versions = selectVersions(QStringLiteral("p.key = ? AND v.version = ?"), {key, number}, QString());
    if (!versions)
        return versions.error();
    if (!versions->isEmpty())
        return versions->constFirst();
    auto newest = latest(key);
    if (!newest)
        return newest.error();
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("The prompt '%1' has no version %2; its versions are 1 to %3.")
                           .arg(key)
                           .arg(number)
                           .arg(newest->version));
}

Result<PromptVersion> PromptRepository::latest(const QString &key)
{
    auto versions =
        selectVersions(QStringLiteral("p.key = ?"), {key}, QStringLiteral("ORDER BY v.version DESC LIMIT 1"));
    if (!versions)
        return versions.error();
    if (versions->isEmpty())
        return promptNotFound(key);
    return versions->constFirst();
}

Result<PromptVersion> PromptRepository::byLabel(const QString &key, const QString &label)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT l.version FROM prompt_labels l JOIN prompts p ON p.id = l.prompt_id "
                                    "WHERE p.key = ? AND l.label = ?"),
                     {key, label}, QStringLiteral("read the label '%1' of '%2'").arg(label, key));
    if (!query)
        return query.error();
    if (!query->next()) {
        auto exists = promptId(*db, key);
        if (!exists)
            return exists.error();
        if (!*exists)
            return promptNotFound(key);
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("The prompt '%1' has no label '%2'; move the label to a version first.").arg(key, label));
    }
    const int number = query->value(0).toInt();
    query->finish();
    return version(key, number);
}

Result<QList<PromptVersion>> PromptRepository::history(const QString &key)
{
    auto versions = selectVersions(QStringLiteral("p.key = ?"), {key}, QStringLiteral("ORDER BY v.version"));
    if (!versions)
        return versions.error();
    if (versions->isEmpty())
        return promptNotFound(key);
    return versions;
}

Result<QStringList> PromptRepository::keys()
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query =
        run(*db, QStringLiteral("SELECT key FROM prompts ORDER BY key"), {}, QStringLiteral("list the prompts"));
    if (!query)
        return query.error();
    QStringList keys;
    while (query->next())
        keys.append(query->value(0).toString());
    return keys;
}

Result<std::optional<LabelMove>> PromptRepository::moveLabel(const QString &key, const QString &label, int number,
                                                             const QString &movedBy)
{
    if (auto valid = validateName(label, QStringLiteral("label")); !valid)
        return valid.error();
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();

    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    auto id = promptId(*db, key);
    if (!id)
        return id.error();
    if (!*id)
        return promptNotFound(key);
    auto target = version(key, number);
    if (!target)
        return target.error();

    auto current = run(*db, QStringLiteral("SELECT version FROM prompt_labels WHERE prompt_id = ? AND label = ?"),
                       {**id, label}, QStringLiteral("read the label '%1' of '%2'").arg(label, key));
    if (!current)
        return current.error();
    std::optional<int> from;
    if (current->next())
        from = current->value(0).toInt();
    current->finish();
    if (from == number)
        return std::optional<LabelMove>();

    const QDateTime now = nowUtc();
    const QVariant nowText = toDbTimestamp(now);
    // Upsert: ON CONFLICT ... DO UPDATE is the same in SQLite (3.24+) and PostgreSQL.
    auto moved = run(*db,
                     QStringLiteral("INSERT INTO prompt_labels (prompt_id, label, version, updated_at) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT (prompt_id, label) "
                                    "DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at"),
                     {**id, label, number, nowText},
                     QStringLiteral("move the label '%1' of '%2' to version %3").arg(label, key).arg(number));
    if (!moved)
        return moved.error();
    auto recorded = run(*db,
                        QStringLiteral("INSERT INTO prompt_label_moves (prompt_id, label, from_version, to_version, "
                                       "moved_by, moved_at) VALUES (?, ?, ?, ?, ?, ?)"),
                        {**id, label, nullable(from), number, movedBy, nowText},
                        QStringLiteral("record the move of the label '%1' of '%2'").arg(label, key));
    if (!recorded)
        return recorded.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return std::optional<LabelMove>(LabelMove{key, label, from, number, movedBy, now});
}

Result<QList<PromptLabel>> PromptRepository::labels(const QString &key)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto id = promptId(*db, key);
    if (!id)
        return id.error();
    if (!*id)
        return promptNotFound(key);
    auto query = run(*db,
                     QStringLiteral("SELECT label, version, updated_at FROM prompt_labels WHERE prompt_id = ? "
                                    "ORDER BY label"),
                     {**id}, QStringLiteral("read the labels of '%1'").arg(key));
    if (!query)
        return query.error();
    QList<PromptLabel> labels;
    while (query->next()) {
        labels.append(
            PromptLabel{key, query->value(0).toString(), query->value(1).toInt(), fromDbTimestamp(query->value(2))});
    }
    return labels;
}

Result<QList<LabelMove>> PromptRepository::labelHistory(const QString &key)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto id = promptId(*db, key);
    if (!id)
        return id.error();
    if (!*id)
        return promptNotFound(key);
    auto query = run(*db,
                     QStringLiteral("SELECT label, from_version, to_version, moved_by, moved_at "
                                    "FROM prompt_label_moves WHERE prompt_id = ? ORDER BY id"),
                     {**id}, QStringLiteral("read the label history of '%1'").arg(key));
    if (!query)
        return query.error();
    QList<LabelMove> moves;
    while (query->next()) {
        moves.append(LabelMove{key, query->value(0).toString(), optionalInt(query->value(1)), query->value(2).toInt(),
                               query->value(3).toString(), fromDbTimestamp(query->value(4))});
    }
    return moves;
}

Result<void> PromptRepository::removePrompt(const QString &key)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    // Labels first: they reference versions, and cascade order between siblings is not guaranteed everywhere.
    auto labels =
        run(*db, QStringLiteral("DELETE FROM prompt_labels WHERE prompt_id IN (SELECT id FROM prompts WHERE key = ?)"),
            {key}, QStringLiteral("remove the labels of '%1'").arg(key));
    if (!labels)
        return labels.error();
    auto removed = run(*db, QStringLiteral("DELETE FROM prompts WHERE key = ?"), {key},
                       QStringLiteral("remove the prompt '%1'").arg(key));
    if (!removed)
        return removed.error();
    if (removed->numRowsAffected() == 0)
        return promptNotFound(key);
    return tx.commit();
}

Result<QList<PromptVersion>> PromptRepository::selectVersions(const QString &where, const QVariantList &values,
                                                              const QString &suffix)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT %1 FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id WHERE %2 %3")
                         .arg(VersionColumns, where, suffix),
                     values, QStringLiteral("read prompt versions"));
    if (!query)
        return query.error();
    QList<PromptVersion> versions;
    while (query->next())
        versions.append(versionFromRow(*query));
    return versions;
}

}  // namespace Switchyard
