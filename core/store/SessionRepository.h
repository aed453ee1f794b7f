#pragma once

#include "core/common/Result.h"
#include "core/model/ChatSession.h"

#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// Chat sessions and their messages.
///
/// A session's per-message price is written once, when the session is created, and stamped with the time it was
/// locked; nothing here changes it afterwards, and the database refuses a change too (migration 3).
class SessionRepository {
public:
    explicit SessionRepository(Database &database);

    /// Inserts @p session (its id, uuid when empty, created/updated and, when it has a price, priceLockedAt are
    /// assigned) and returns it as stored. Error::NotFound for a bot or config id that does not exist;
    /// Error::InvalidInput for a negative price.
    Result<ChatSession> create(ChatSession session);

    /// Error::NotFound when there is no session with @p sessionId.
    Result<ChatSession> byId(qint64 sessionId);

    /// Error::NotFound when there is no session with @p uuid.
    Result<ChatSession> byUuid(const QString &uuid);

    /// Every session, oldest first (the studio's session list filters and sorts them itself).
    Result<QList<ChatSession>> list();
    /// Appends a message at the next position of the session (1 for the first) and returns it as stored.
    /// @p role is "system", "user", "assistant" or "tool" (Error::InvalidInput otherwise); @p callId and
    /// @p priceMicroUsd link an answer to its engine call and charge.
    Result<SessionMessage> appendMessage(qint64 sessionId, const QString &role, const QString &content,
                                         std::optional<qint64> callId = std::nullopt,
                                         std::optional<qint64> priceMicroUsd = std::nullopt);

    /// The session's messages in position order.
    Result<QList<SessionMessage>> messages(qint64 sessionId);

    /// Sessions whose title, user or any message contains @p text (case-insensitive for ASCII; taken literally, so
    /// '%' and '_' match themselves), most recently active first, at most @p limit (<= 0: all). An empty @p text
    /// lists every session.
    Result<QList<ChatSession>> search(const QString &text, int limit = 200);

    /// Gives the session a new title. Error::NotFound when there is no such session.
    Result<void> rename(qint64 sessionId, const QString &title);

    /// Deletes the session and its messages; its calls stay recorded (their session link is cleared).
    /// Error::NotFound when there is no such session.
    Result<void> remove(qint64 sessionId);

    /// The sessions (columns) of the comparison @p compareGroup, by column. Empty for an unknown group.
    Result<QList<ChatSession>> comparison(const QString &compareGroup);

    /// The stored message that is the answer of call row @p callId; an empty optional when no session holds it.
    Result<std::optional<SessionMessage>> messageForCall(qint64 callId);

    /// Marks the answer of call @p callId as the winner of its turn; in a comparison, the other columns' answers to
    /// the same turn lose the mark. Error::NotFound when no stored message is that call's answer.
    Result<void> markWinner(qint64 callId);

private:
    /// The sessions matching @p where (placeholders bound from @p values), in @p order (which may end in a LIMIT).
    Result<QList<ChatSession>> select(const QString &where, const QVariantList &values,
                                      const QString &order = QStringLiteral("id"));

    Database &m_database;
};

}  // namespace Switchyard
