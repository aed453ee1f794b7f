#include "core/accounting/ChatSessionLedger.h"

#include "core/model/Money.h"
#include "core/store/BotRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/SessionRepository.h"
#include "core/store/Transaction.h"
#include "core/store/WalletRepository.h"

#include <QJsonValue>

namespace Switchyard {

namespace {

/// "Message 3 of session <uuid>": the note on a charge, so a statement line says what was paid for.
QString chargeNote(const ChatSession &session, int position)
{
    return QStringLiteral("message %1 of session %2").arg(position).arg(session.uuid);
}

}  // namespace

ChatSessionLedger::ChatSessionLedger(Database &database) : m_database(database) {}

Result<qint64> ChatSessionLedger::pricePerMessage(const LlmConfig &config)
{
    const QJsonValue price = config.metadata.value(priceKey());
    if (price.isUndefined() || price.isNull()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The config '%1' has no per-message price; set \"%2\" in its metadata (in US "
                                          "dollars, 0 for a free bot) before starting chat sessions with it.")
                               .arg(config.name, priceKey()));
    }
    if (!price.isDouble() || price.toDouble() < 0) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The per-message price \"%1\" of the config '%2' must be a number of US "
                                          "dollars, 0 or more.")
                               .arg(priceKey(), config.name));
    }
    return MicroUsd::fromUsd(price.toDouble());
}

Result<ChatSession> ChatSessionLedger::startSession(const QString &botSlug, const QString &userRef,
                                                    const QString &title)
{
    BotRepository bots(m_database);
    const Result<Bot> bot = bots.bySlug(botSlug);
    if (!bot)
        return bot.error();
    if (bot->isDeleted()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The bot '%1' is deleted; restore it before chatting with it.").arg(botSlug));
    }
    LlmConfigRepository configs(m_database);
    const auto active = configs.activeForBot(bot->id);
    if (!active)
        return active.error();
    if (!active->has_value()) {
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("The bot '%1' has no active LLM config; activate one to chat with it.").arg(botSlug));
    }
    const LlmConfig &config = **active;
    const Result<qint64> price = pricePerMessage(config);
    if (!price)
        return price.error();

    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    WalletRepository wallets(m_database);
    SWITCHYARD_TRY(wallets.ensure(userRef));
    ChatSession session;
    session.botId = bot->id;
    session.configId = config.id;
    session.userRef = userRef;
    session.title = title;
    session.pricePerMessageMicroUsd = *price;
    SessionRepository sessions(m_database);
    const Result<ChatSession> created = sessions.create(session);
    if (!created)
        return created.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return created;
}

Result<void> ChatSessionLedger::checkAffordable(qint64 sessionId)
{
    SessionRepository sessions(m_database);
    const Result<ChatSession> session = sessions.byId(sessionId);
    if (!session)
        return session.error();
    const qint64 price = session->pricePerMessageMicroUsd.value_or(0);
    if (price == 0)
        return {};
    WalletRepository wallets(m_database);
    const Result<qint64> balance = wallets.balance(session->userRef);
    if (!balance)
        return balance.error();
    if (*balance < price) {
        return Error::make(Error::Code::Conflict,
                           QStringLiteral("wallet of '%1' holds %2; this message costs %3. Top up the wallet to "
                                          "continue the chat: switchyard-cli wallet topup %1 AMOUNT_USD")
                               .arg(session->userRef, MicroUsd::format(*balance), MicroUsd::format(price)));
    }
    return {};
}

Result<ChargedMessage> ChatSessionLedger::chargeMessage(qint64 sessionId, const QString &callUuid,
                                                        const QString &question, const QString &answer)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // One transaction around the repositories' own (they nest as savepoints): all of the turn is written, or none.
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    SessionRepository sessions(m_database);
    const Result<ChatSession> session = sessions.byId(sessionId);
    if (!session)
        return session.error();

    const auto call = CallUsageRepository(m_database).byUuid(callUuid);
    if (!call)
        return call.error();
    const qint64 callId = call->id;
    if (call->status != QLatin1String("ok")) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The call %1 did not succeed (%2); failed calls are never charged.")
                               .arg(callUuid, call->status));
    }

    ChargedMessage charged;
    charged.chargedMicroUsd = session->pricePerMessageMicroUsd.value_or(0);
    const Result<SessionMessage> asked = sessions.appendMessage(sessionId, QStringLiteral("user"), question);
    if (!asked)
        return asked.error();
    charged.question = *asked;

    WalletRepository wallets(m_database);
    if (charged.chargedMicroUsd > 0) {
        const Result<Wallet> wallet =
            wallets.charge(session->userRef, charged.chargedMicroUsd, WalletRepository::Link{callId, sessionId},
                           chargeNote(*session, charged.question.position + 1));
        if (!wallet)
            return wallet.error();
        charged.balanceMicroUsd = wallet->balanceMicroUsd;
    } else {
        const Result<qint64> balance = wallets.balance(session->userRef);
        if (!balance)
            return balance.error();
        charged.balanceMicroUsd = *balance;
    }

    const Result<SessionMessage> answered = sessions.appendMessage(
        sessionId, QStringLiteral("assistant"), answer, callId, std::optional<qint64>(charged.chargedMicroUsd));
    if (!answered)
        return answered.error();
    charged.answer = *answered;
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return charged;
}

}  // namespace Switchyard
