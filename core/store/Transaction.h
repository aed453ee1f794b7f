#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>

namespace Switchyard {

/// An explicit database transaction that rolls back unless committed.
///
/// @code
/// Transaction tx(db);
/// if (!tx.isActive())
///     return tx.error();
/// ... statements ...
/// return tx.commit();
/// @endcode
///
/// Transactions nest: a Transaction begun while another is active on the same connection becomes a SAVEPOINT, so a
/// composite operation (a folder import, a workspace install) can wrap repository operations that open their own.
/// An inner rollback undoes only the inner work; nothing is written before the outermost commit.
class Transaction {
public:
    enum class Mode {
        Write,  ///< takes the write lock at BEGIN, so concurrent writers wait (busy_timeout) instead of failing
        Read,   ///< a consistent snapshot for several reads
    };

    /// Begins a transaction on @p db. Check isActive() before using it.
    explicit Transaction(QSqlDatabase db, Mode mode = Mode::Write);

    /// Rolls back when neither commit() nor rollback() was called.
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// True between a successful begin and commit()/rollback().
    bool isActive() const { return m_active; }

    /// Why the transaction could not begin (or commit).
    const Error &error() const { return m_error; }

    /// Commits. On failure the transaction is rolled back and the Error says why.
    Result<void> commit();

    /// Rolls back now. Does nothing when not active.
    void rollback();

private:
    void leave();

    QSqlDatabase m_db;
    Error m_error;
    bool m_active = false;
    int m_depth = 0;  ///< 0 = the outermost transaction (BEGIN); n > 0 = SAVEPOINT n
};

}  // namespace Switchyard
