#pragma once

#include "core/common/Result.h"
#include "core/model/ChatSession.h"
#include "core/model/LlmConfig.h"

#include <QString>

namespace Switchyard {

class Database;

/// One answered and paid turn of a chat session.
struct ChargedMessage {
    SessionMessage question;     ///< the user's message
    SessionMessage answer;       ///< the bot's answer, linked to its call and carrying its price
    qint64 chargedMicroUsd = 0;  ///< the session's locked price (0 for a free session)
    qint64 balanceMicroUsd = 0;  ///< the user's wallet after the charge
};

/**
 * Per-message billing of chat sessions: the money side of a conversation, for the engine to call around each turn.
 *
 * 1. startSession() locks the per-message price of the bot's active config into a new session.
 * 2. Before each provider call, checkAffordable() refuses a wallet that can't pay the locked price.
 * 3. After a successful answer, chargeMessage() — in one transaction — charges the wallet the locked price, linked to
 *    the call, and appends the question and the priced answer to the session. A call that did not succeed is never
 *    charged, and a call is charged at most once.
 *
 * Where the price comes from: LlmConfig has no price field, so it is the config's metadata key
 * "price_per_message_usd" (a number of US dollars; 0 for a free bot). It travels with the config, so switching the
 * active config changes the price of new sessions only; a config without it can't start a session (a bot is never
 * free by omission).
 */
class ChatSessionLedger {
public:
    /// The LlmConfig metadata key holding the per-message price in US dollars.
    static QString priceKey() { return QStringLiteral("price_per_message_usd"); }

    explicit ChatSessionLedger(Database &database);

    /// The per-message price of @p config in micro-dollars. Error::InvalidInput when the metadata has no price, or
    /// one that is not a non-negative number.
    static Result<qint64> pricePerMessage(const LlmConfig &config);

    /// Starts a session of @p userRef with the bot @p botSlug at its active config's price, locked from now on, and
    /// makes sure the user has a wallet. Error::NotFound for an unknown bot, Error::InvalidInput for a deleted bot,
    /// a bot without an active config, or a config without a price.
    Result<ChatSession> startSession(const QString &botSlug, const QString &userRef, const QString &title = {});

    /// Call BEFORE the provider: Error::Conflict ("wallet of 'alice' holds $0.02; this message costs $0.05. ...")
    /// when the user's wallet can't pay one more message of @p sessionId.
    Result<void> checkAffordable(qint64 sessionId);

    /// After a successful answer: charges the session's locked price to its user's wallet, linked to the call
    /// @p callUuid, and appends @p question and @p answer to the session, all in one transaction.
    ///
    /// The call must already be in the `calls` table (UsageRecorder::flush() first). Nothing is written when the
    /// call is unknown (Error::NotFound), did not succeed (Error::InvalidInput: failed calls are never charged), was
    /// already charged, or the wallet can no longer pay (Error::Conflict).
    Result<ChargedMessage> chargeMessage(qint64 sessionId, const QString &callUuid, const QString &question,
                                         const QString &answer);

private:
    Database &m_database;
};

}  // namespace Switchyard
