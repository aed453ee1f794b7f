#pragma once

#include "core/common/Result.h"
#include "core/model/Wallet.h"

#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// Users' prepaid wallets and every change to their balance.
///
/// Each change is one write transaction that reads the balance, computes the new one on integer micro-dollars
/// (core/model/Money.h), refuses it when it would go below zero, updates the wallet and writes the `transactions`
/// row. SQLite's write lock (Transaction::Mode::Write is BEGIN IMMEDIATE) serialises concurrent changes, and the
/// update is also conditional on the balance it read, so two concurrent charges can never both spend the same money.
/// The database refuses a negative balance by itself as well (migration 3).
class WalletRepository {
public:
    /// What a balance change is linked to (both optional).
    struct Link {
        std::optional<qint64> callId;
        std::optional<qint64> sessionId;
    };

    explicit WalletRepository(Database &database);

    /// The wallet of @p userRef, created with a zero balance when it does not exist yet.
    /// Error::InvalidInput for an empty user ref.
    Result<Wallet> ensure(const QString &userRef);

    /// The wallet of @p userRef. Error::NotFound when the user has none.
    Result<Wallet> byUser(const QString &userRef);

    /// The balance of @p userRef in micro-dollars; 0 for a user without a wallet.
    Result<qint64> balance(const QString &userRef);

    /// Adds @p amountMicroUsd (> 0) to the user's wallet, creating it when needed. Returns the wallet after it.
    Result<Wallet> topUp(const QString &userRef, qint64 amountMicroUsd, const QString &note = {});

    /// Takes @p amountMicroUsd (> 0) from the user's wallet. Refused with Error::Conflict, changing nothing, when the
    /// balance is smaller (or there is no wallet); Error::Conflict too when @p link's call was already charged.
    Result<Wallet> charge(const QString &userRef, qint64 amountMicroUsd, const Link &link, const QString &note = {});

    /// Gives @p amountMicroUsd (> 0) back, e.g. for a charged answer that turned out unusable.
    Result<Wallet> refund(const QString &userRef, qint64 amountMicroUsd, const Link &link, const QString &note);

    /// An admin's signed correction. Like a charge, it can't take the balance below zero.
    Result<Wallet> adjust(const QString &userRef, qint64 amountMicroUsd, const QString &note);

    /// The user's transactions, oldest first. Empty for a user without a wallet.
    Result<QList<WalletTransaction>> transactions(const QString &userRef);

private:
    Result<Wallet> apply(const QString &userRef, WalletTransaction::Kind kind, qint64 amountMicroUsd, const Link &link,
                         const QString &note);

    Database &m_database;
};

}  // namespace Switchyard
