#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace Switchyard {

/// A user's prepaid balance (row of `wallets`). Amounts are micro-dollars (see core/model/Money.h).
struct Wallet {
    qint64 id = 0;
    QString userRef;  ///< who pays: the user id of the product calling Switchyard
    qint64 balanceMicroUsd = 0;
    QDateTime created;
    QDateTime updated;
};

/// One change of a wallet's balance (row of `transactions`). Every change writes one.
struct WalletTransaction {
    enum class Kind {
        TopUp,       ///< "topup": money paid in (positive)
        Charge,      ///< "charge": a message paid for (negative)
        Refund,      ///< "refund": a charge given back (positive)
        Adjustment,  ///< "adjustment": an admin's correction (either sign)
    };

    qint64 id = 0;
    qint64 walletId = 0;
    Kind kind = Kind::Adjustment;
    qint64 amountMicroUsd = 0;  ///< signed: charges are negative
    std::optional<qint64> callId;
    std::optional<qint64> sessionId;
    QString note;
    QDateTime created;

    /// "topup", "charge", "refund" or "adjustment" (the stored spelling).
    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::TopUp:
            return QStringLiteral("topup");
        case Kind::Charge:
            return QStringLiteral("charge");
        case Kind::Refund:
            return QStringLiteral("refund");
        case Kind::Adjustment:
            return QStringLiteral("adjustment");
        }
        return {};
    }

    /// The Kind for a stored spelling; empty for anything else.
    static std::optional<Kind> kindFromName(const QString &name)
    {
        for (Kind kind : {Kind::TopUp, Kind::Charge, Kind::Refund, Kind::Adjustment}) {
            if (kindName(kind) == name)
                return kind;
        }
        return std::nullopt;
    }
};

}  // namespace Switchyard
