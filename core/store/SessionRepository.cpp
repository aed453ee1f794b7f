#include "core/store/SessionRepository.h"

#include "core/model/Money.h"
#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

#include <QUuid>

namespace Switchyard {

using namespace SqlSupport;

namespace {

const QString SessionColumns =
    QStringLiteral("id, uuid, bot_id, config_id, user_ref, title, price_per_message_usd, price_locked_at, metadata, "
                   "created_at, updated_at, compare_group, compare_column");

std::optional<qint64> optionalMicros(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(MicroUsd::fromUsd(value.toDouble()));
}

QVariant nullableUsd(const std::optional<qint64> &micros)
{
    return micros ? QVariant(MicroUsd::toUsd(*micros)) : QVariant();
}

ChatSession sessionFromRow(const QSqlQuery &query)
{
    ChatSession session;
    session.id = query.value(0).toLongLong();
    session.uuid = query.value(1).toString();
    session.botId = optionalInt64(query.value(2));
    session.configId = optionalInt64(query.value(3));
    session.userRef = query.value(4).toString();
    session.title = query.value(5).toString();
    session.pricePerMessageMicroUsd = optionalMicros(query.value(6));
    session.priceLockedAt = fromDbTimestamp(query.value(7));
    session.metadata = fromDbJson(query.value(8));
    session.created = fromDbTimestamp(query.value(9));
    session.updated = fromDbTimestamp(query.value(10));
    session.compareGroup = query.value(11).toString();
    session.compareColumn = query.value(12).toInt();
    return session;
}

const QString MessageColumns =
    QStringLiteral("id, session_id, position, role, content, call_id, price_usd, created_at, winner");

SessionMessage messageFromRow(const QSqlQuery &query)
{
    SessionMessage message;
    message.id = query.value(0).toLongLong();
    message.sessionId = query.value(1).toLongLong();
    message.position = query.value(2).toInt();
    message.role = query.value(3).toString();
    message.content = query.value(4).toString();
    message.callId = optionalInt64(query.value(5));
    message.priceMicroUsd = optionalMicros(query.value(6));
    message.created = fromDbTimestamp(query.value(7));
    message.winner = query.value(8).toInt() != 0;
    return message;
}

Error sessionNotFound(const QString &which)
{
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("There is no chat session %1; start a new session.").arg(which));
}

/// Error::NotFound unless @p table has a row with @p id.
Result<void> requireRow(const QSqlDatabase &db, const QString &table, const QString &what, qint64 id)
{
    auto query = run(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {id},
                     QStringLiteral("find %1 %2").arg(what).arg(id));
    if (!query)
        return query.error();
    if (!query->next()) {
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("There is no %1 with id %2 to start a chat session with.").arg(what).arg(id));
    }
    return {};
}

/// @p text as a LIKE pattern that matches it anywhere, literally: the wildcards and the escape character are escaped
/// (used with ESCAPE '\\').
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

}  // namespace

SessionRepository::SessionRepository(Database &database) : m_database(database) {}

Result<ChatSession> SessionRepository::create(ChatSession session)
{
    if (session.pricePerMessageMicroUsd && *session.pricePerMessageMicroUsd < 0) {
        return Error::make(Error::Code::InvalidInput, QStringLiteral("A per-message price can't be negative (%1); fix "
                                                                     "price_per_message_usd in the config's metadata.")
                                                          .arg(MicroUsd::format(*session.pricePerMessageMicroUsd)));
    }
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    if (session.botId)
        SWITCHYARD_TRY(requireRow(*db, QStringLiteral("bots"), QStringLiteral("bot"), *session.botId));
    if (session.configId)
        SWITCHYARD_TRY(requireRow(*db, QStringLiteral("llm_configs"), QStringLiteral("LLM config"), *session.configId));

    if (session.uuid.isEmpty())
        session.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QDateTime now = nowUtc();
    const QVariant lockedAt = session.pricePerMessageMicroUsd ? toDbTimestamp(now) : QVariant();
    auto inserted =
        run(*db,
            QStringLiteral("INSERT INTO sessions (uuid, bot_id, config_id, user_ref, title, "
                           "price_per_message_usd, price_locked_at, metadata, created_at, updated_at, "
                           "compare_group, compare_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {session.uuid, nullable(session.botId), nullable(session.configId), session.userRef, session.title,
             nullableUsd(session.pricePerMessageMicroUsd), lockedAt, toDbJson(session.metadata), toDbTimestamp(now),
             toDbTimestamp(now), session.compareGroup.isEmpty() ? QVariant() : QVariant(session.compareGroup),
             session.compareColumn},
            QStringLiteral("start a chat session for '%1'").arg(session.userRef));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return byId(id);
}

Result<ChatSession> SessionRepository::byId(qint64 sessionId)
{
    auto sessions = select(QStringLiteral("id = ?"), {sessionId});
    if (!sessions)
        return sessions.error();
    if (sessions->isEmpty())
        return sessionNotFound(QString::number(sessionId));
    return sessions->constFirst();
}

Result<QList<ChatSession>> SessionRepository::list()
{
    return select(QStringLiteral("1 = 1"), {});
}

Result<ChatSession> SessionRepository::byUuid(const QString &uuid)
{
    auto sessions = select(QStringLiteral("uuid = ?"), {uuid});
    if (!sessions)
        return sessions.error();
    if (sessions->isEmpty())
        return sessionNotFound(QStringLiteral("'%1'").arg(uuid));
    return sessions->constFirst();
}

Result<SessionMessage> SessionRepository::appendMessage(qint64 sessionId, const QString &role, const QString &content,
                                                        std::optional<qint64> callId,
                                                        std::optional<qint64> priceMicroUsd)
{
    static const QStringList roles{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant"),
                                   QStringLiteral("tool")};
    if (!roles.contains(role)) {
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("'%1' is not a message role; use system, user, assistant or tool.").arg(role));
    }
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // The write lock makes "next position" and the insert one step, so concurrent appends never collide.
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    SWITCHYARD_TRY(byId(sessionId));
    auto next = run(*db, QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM messages WHERE session_id = ?"),
                    {sessionId}, QStringLiteral("number the next message of session %1").arg(sessionId));
    if (!next)
        return next.error();
    next->next();
    const int position = next->value(0).toInt();
    next->finish();

    const QVariant now = toDbTimestamp(nowUtc());
    auto inserted = run(*db,
                        QStringLiteral("INSERT INTO messages (session_id, position, role, content, call_id, price_usd, "
                                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        {sessionId, position, role, content, nullable(callId), nullableUsd(priceMicroUsd), now},
                        QStringLiteral("save message %1 of session %2").arg(position).arg(sessionId));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    auto touched = run(*db, QStringLiteral("UPDATE sessions SET updated_at = ? WHERE id = ?"), {now, sessionId},
                       QStringLiteral("update session %1").arg(sessionId));
    if (!touched)
        return touched.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();

    SessionMessage message;
    message.id = id;
    message.sessionId = sessionId;
    message.position = position;
    message.role = role;
    message.content = content;
    message.callId = callId;
    message.priceMicroUsd = priceMicroUsd;
    message.created = fromDbTimestamp(now);
    return message;
}

Result<QList<SessionMessage>> SessionRepository::messages(qint64 sessionId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query =
        run(*db, QStringLiteral("SELECT %1 FROM messages WHERE session_id = ? ORDER BY position").arg(MessageColumns),
            {sessionId}, QStringLiteral("read the messages of session %1").arg(sessionId));
    if (!query)
        return query.error();
    QList<SessionMessage> list;
    while (query->next())
        list.append(messageFromRow(*query));
    return list;
}

Result<QList<ChatSession>> SessionRepository::search(const QString &text, int limit)
{
    const QString pattern = containsPattern(text);
    // The message match is a semi-join, so a session with many matching messages is listed once.
    return select(QStringLiteral("? = '' OR title LIKE ? ESCAPE '\\' OR user_ref LIKE ? ESCAPE '\\' OR EXISTS "
                                 "(SELECT 1 FROM messages m WHERE m.session_id = sessions.id "
                                 "AND m.content LIKE ? ESCAPE '\\')"),
                  {text, pattern, pattern, pattern, limit > 0 ? limit : -1},
                  QStringLiteral("updated_at DESC, id DESC LIMIT ?"));
}

Result<void> SessionRepository::rename(qint64 sessionId, const QString &title)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto updated =
        run(*db, QStringLiteral("UPDATE sessions SET title = ?, updated_at = ? WHERE id = ?"),
            {title, toDbTimestamp(nowUtc()), sessionId}, QStringLiteral("rename chat session %1").arg(sessionId));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return sessionNotFound(QString::number(sessionId));
    return {};
}

Result<void> SessionRepository::remove(qint64 sessionId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto deleted = run(*db, QStringLiteral("DELETE FROM sessions WHERE id = ?"), {sessionId},
                       QStringLiteral("delete chat session %1").arg(sessionId));
    if (!deleted)
        return deleted.error();
    if (deleted->numRowsAffected() == 0)
        return sessionNotFound(QString::number(sessionId));
    return {};
}

Result<QList<ChatSession>> SessionRepository::comparison(const QString &compareGroup)
{
    if (compareGroup.isEmpty())
        return QList<ChatSession>();
    return select(QStringLiteral("compare_group = ?"), {compareGroup}, QStringLiteral("compare_column, id"));
}

Result<std::optional<SessionMessage>> SessionRepository::messageForCall(qint64 callId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query =
        run(*db, QStringLiteral("SELECT %1 FROM messages WHERE call_id = ? ORDER BY id LIMIT 1").arg(MessageColumns),
            {callId}, QStringLiteral("find the message of call %1").arg(callId));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<SessionMessage>();
    return std::optional<SessionMessage>(messageFromRow(*query));
}

Result<void> SessionRepository::markWinner(qint64 callId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    auto message = messageForCall(callId);
    if (!message)
        return message.error();
    if (!*message) {
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("Call %1 is not an answer of a stored conversation, so it can not be marked "
                                          "as the winner; wait until the answer is stored.")
                               .arg(callId));
    }
    // One winner per turn: the answers at the same position of the comparison's other columns lose the mark.
    auto cleared = run(*db,
                       QStringLiteral("UPDATE messages SET winner = 0 WHERE winner = 1 AND position = ? AND "
                                      "session_id IN (SELECT o.id FROM sessions s JOIN sessions o ON "
                                      "o.compare_group = s.compare_group WHERE s.id = ? UNION SELECT ?)"),
                       {(*message)->position, (*message)->sessionId, (*message)->sessionId},
                       QStringLiteral("clear the winner of turn %1").arg((*message)->position));
    if (!cleared)
        return cleared.error();
    auto marked = run(*db, QStringLiteral("UPDATE messages SET winner = 1 WHERE id = ?"), {(*message)->id},
                      QStringLiteral("mark the answer of call %1 as the winner").arg(callId));
    if (!marked)
        return marked.error();
    return tx.commit();
}

Result<QList<ChatSession>> SessionRepository::select(const QString &where, const QVariantList &values,
                                                     const QString &order)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query =
        run(*db, QStringLiteral("SELECT %1 FROM sessions WHERE %2 ORDER BY %3").arg(SessionColumns, where, order),
            values, QStringLiteral("read the chat sessions"));
    if (!query)
        return query.error();
    QList<ChatSession> sessions;
    while (query->next())
        sessions.append(sessionFromRow(*query));
    return sessions;
}

}  // namespace Switchyard
