#include "core/store/WalletRepository.h"

#include "core/model/Money.h"
#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

namespace Switchyard {

using namespace SqlSupport;

namespace {

const QString WalletColumns = QStringLiteral("id, user_ref, balance_usd, created_at, updated_at");

Wallet walletFromRow(const QSqlQuery &query)
{
    Wallet wallet;
    wallet.id = query.value(0).toLongLong();
    wallet.userRef = query.value(1).toString();
    wallet.balanceMicroUsd = MicroUsd::fromUsd(query.value(2).toDouble());
    wallet.created = fromDbTimestamp(query.value(3));
    wallet.updated = fromDbTimestamp(query.value(4));
    return wallet;
}

Result<void> validateUser(const QString &userRef)
{
    if (userRef.trimmed().isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("A wallet belongs to a user; give the user ref (for example 'alice')."));
    }
    return {};
}

Result<void> validatePositive(qint64 amountMicroUsd, const QString &what)
{
    if (amountMicroUsd <= 0) {
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("A %1 must be a positive amount, not %2.").arg(what, MicroUsd::format(amountMicroUsd)));
    }
    return {};
}

}  // namespace

WalletRepository::WalletRepository(Database &database) : m_database(database) {}

Result<Wallet> WalletRepository::ensure(const QString &userRef)
{
    SWITCHYARD_TRY(validateUser(userRef));
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QVariant now = toDbTimestamp(nowUtc());
    // ON CONFLICT DO NOTHING: two threads ensuring the same wallet both succeed and see the same row.
    auto inserted = run(*db,
                        QStringLiteral("INSERT INTO wallets (user_ref, balance_usd, created_at, updated_at) "
                                       "VALUES (?, 0, ?, ?) ON CONFLICT (user_ref) DO NOTHING"),
                        {userRef, now, now}, QStringLiteral("create the wallet of '%1'").arg(userRef));
    if (!inserted)
        return inserted.error();
    return byUser(userRef);
}

Result<Wallet> WalletRepository::byUser(const QString &userRef)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db, QStringLiteral("SELECT %1 FROM wallets WHERE user_ref = ?").arg(WalletColumns), {userRef},
                     QStringLiteral("read the wallet of '%1'").arg(userRef));
    if (!query)
        return query.error();
    if (!query->next()) {
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("'%1' has no wallet yet; top it up to create one.").arg(userRef));
    }
    return walletFromRow(*query);
}

Result<qint64> WalletRepository::balance(const QString &userRef)
{
    const Result<Wallet> wallet = byUser(userRef);
    if (!wallet)
        return wallet.error().code == Error::Code::NotFound ? Result<qint64>(qint64(0)) : wallet.error();
    return wallet->balanceMicroUsd;
}

Result<Wallet> WalletRepository::topUp(const QString &userRef, qint64 amountMicroUsd, const QString &note)
{
    SWITCHYARD_TRY(validatePositive(amountMicroUsd, QStringLiteral("top-up")));
    return apply(userRef, WalletTransaction::Kind::TopUp, amountMicroUsd, {}, note);
}

Result<Wallet> WalletRepository::charge(const QString &userRef, qint64 amountMicroUsd, const Link &link,
                                        const QString &note)
{
    SWITCHYARD_TRY(validatePositive(amountMicroUsd, QStringLiteral("charge")));
    return apply(userRef, WalletTransaction::Kind::Charge, -amountMicroUsd, link, note);
}

Result<Wallet> WalletRepository::refund(const QString &userRef, qint64 amountMicroUsd, const Link &link,
                                        const QString &note)
{
    SWITCHYARD_TRY(validatePositive(amountMicroUsd, QStringLiteral("refund")));
    return apply(userRef, WalletTransaction::Kind::Refund, amountMicroUsd, link, note);
}

Result<Wallet> WalletRepository::adjust(const QString &userRef, qint64 amountMicroUsd, const QString &note)
{
    if (amountMicroUsd == 0) {
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("An adjustment of $0.00 changes nothing; give a positive or negative amount."));
    }
    return apply(userRef, WalletTransaction::Kind::Adjustment, amountMicroUsd, {}, note);
}

Result<QList<WalletTransaction>> WalletRepository::transactions(const QString &userRef)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT t.id, t.wallet_id, t.kind, t.amount_usd, t.call_id, t.session_id, t.note, "
                                    "t.created_at FROM transactions t JOIN wallets w ON w.id = t.wallet_id "
                                    "WHERE w.user_ref = ? ORDER BY t.id"),
                     {userRef}, QStringLiteral("read the transactions of '%1'").arg(userRef));
    if (!query)
        return query.error();
    QList<WalletTransaction> list;
    while (query->next()) {
        WalletTransaction transaction;
        transaction.id = query->value(0).toLongLong();
        transaction.walletId = query->value(1).toLongLong();
        transaction.kind =
            WalletTransaction::kindFromName(query->value(2).toString()).value_or(WalletTransaction::Kind::Adjustment);
        transaction.amountMicroUsd = MicroUsd::fromUsd(query->value(3).toDouble());
        transaction.callId = optionalInt64(query->value(4));
        transaction.sessionId = optionalInt64(query->value(5));
        transaction.note = query->value(6).toString();
        transaction.created = fromDbTimestamp(query->value(7));
        list.append(transaction);
    }
    return list;
}

Result<Wallet> WalletRepository::apply(const QString &userRef, WalletTransaction::Kind kind, qint64 amountMicroUsd,
                                       const Link &link, const QString &note)
{
    SWITCHYARD_TRY(validateUser(userRef));
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString kindName = WalletTransaction::kindName(kind);
    const QString action =
        QStringLiteral("record a %1 of %2 for '%3'")
            .arg(kindName, MicroUsd::format(amountMicroUsd < 0 ? -amountMicroUsd : amountMicroUsd), userRef);

    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    // Money paid in creates the wallet; money taken out needs one (a missing wallet holds $0.00).
    if (amountMicroUsd > 0)
        SWITCHYARD_TRY(ensure(userRef));
    auto current = run(*db, QStringLiteral("SELECT id, balance_usd FROM wallets WHERE user_ref = ?"), {userRef},
                       QStringLiteral("read the wallet of '%1'").arg(userRef));
    if (!current)
        return current.error();
    const bool exists = current->next();
    const qint64 walletId = exists ? current->value(0).toLongLong() : 0;
    const QVariant storedBalance = exists ? current->value(1) : QVariant(0.0);
    current->finish();
    const qint64 before = MicroUsd::fromUsd(storedBalance.toDouble());
    const qint64 after = before + amountMicroUsd;
    if (after < 0) {
        return Error::make(Error::Code::Conflict,
                           QStringLiteral("The wallet of '%1' holds %2; it can't pay %3. Top it up first.")
                               .arg(userRef, MicroUsd::format(before), MicroUsd::format(-amountMicroUsd)));
    }

    if (kind == WalletTransaction::Kind::Charge && link.callId) {
        auto charged = run(*db, QStringLiteral("SELECT 1 FROM transactions WHERE call_id = ? AND kind = 'charge'"),
                           {*link.callId}, QStringLiteral("check the charges of call %1").arg(*link.callId));
        if (!charged)
            return charged.error();
        if (charged->next()) {
            return Error::make(
                Error::Code::Conflict,
                QStringLiteral("Call %1 was already charged; a call is charged only once.").arg(*link.callId));
        }
    }

    const QVariant now = toDbTimestamp(nowUtc());
    // Conditional on the balance read above: under SQLite's write lock it always matches; on a database with row
    // locks instead, a concurrent change makes this update miss rather than overwrite it.
    auto updated = run(*db,
                       QStringLiteral("UPDATE wallets SET balance_usd = ?, updated_at = ? WHERE id = ? "
                                      "AND balance_usd = ?"),
                       {MicroUsd::toUsd(after), now, walletId, storedBalance}, action);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() != 1) {
        return Error::make(
            Error::Code::Conflict,
            QStringLiteral("The wallet of '%1' changed while recording a %2; try again.").arg(userRef, kindName));
    }
    auto inserted = run(*db,
                        QStringLiteral("INSERT INTO transactions (wallet_id, kind, amount_usd, call_id, session_id, "
                                       "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        {walletId, kindName, MicroUsd::toUsd(amountMicroUsd), nullable(link.callId),
                         nullable(link.sessionId), note, now},
                        action);
    if (!inserted)
        return inserted.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return byUser(userRef);
}

}  // namespace Switchyard
