#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Switchyard {

/// A chat session (row of `sessions`): a user talking to a bot through one config, at a per-message price locked
/// when the session started, so a later price change never reprices a conversation in progress.
struct ChatSession {
    qint64 id = 0;
    QString uuid;
    std::optional<qint64> botId;     ///< empty once the bot is gone (ON DELETE SET NULL)
    std::optional<qint64> configId;  ///< the config the session started with
    QString userRef;
    QString title;
    std::optional<qint64> pricePerMessageMicroUsd;  ///< empty = the session is not billed
    QDateTime priceLockedAt;                        ///< when the price was locked; null when there is none
    QJsonObject metadata;
    QDateTime created;
    QDateTime updated;
    /// The columns of one compare-mode conversation share this id (each column is a session); empty for a single
    /// conversation.
    QString compareGroup;
    int compareColumn = 0;  ///< 0 = the page's own config, then the configs compared with it in order

    bool isComparison() const { return !compareGroup.isEmpty(); }
};

/// One message of a chat session (row of `messages`), numbered from 1 within the session.
struct SessionMessage {
    qint64 id = 0;
    qint64 sessionId = 0;
    int position = 0;
    QString role;  ///< "system", "user", "assistant" or "tool"
    QString content;
    std::optional<qint64> callId;         ///< the engine call that produced an answer
    std::optional<qint64> priceMicroUsd;  ///< what the message was charged; empty when not charged
    QDateTime created;
    bool winner = false;  ///< an answer marked as the winner of its turn in a comparison
};

}  // namespace Switchyard
