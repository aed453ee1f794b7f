#include "core/store/Transaction.h"

#include "core/store/SqlSupport.h"

#include <QHash>
#include <QSqlQuery>

namespace Switchyard {
namespace {

/// Open transactions per connection of this thread. Connections are per-thread (see Database), so no lock is needed.
thread_local QHash<QString, int> t_depthByConnection;

QString savepointName(int depth)
{
    return QStringLiteral("switchyard_%1").arg(depth);
}

}  // namespace

Transaction::Transaction(QSqlDatabase db, Mode mode) : m_db(std::move(db))
{
    if (!m_db.isOpen()) {
        m_error = Error::make(Error::Code::Database,
                              QStringLiteral("Could not start a transaction: the workspace database is not open."));
        return;
    }
    // SQLite's BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes can
    // fail with SQLITE_BUSY on the lock upgrade without waiting. PostgreSQL has row locks; plain BEGIN there.
    const bool sqlite = m_db.driverName() == QLatin1String("QSQLITE");
    m_depth = t_depthByConnection.value(m_db.connectionName());
    // SAVEPOINT / RELEASE / ROLLBACK TO are the same in SQLite and PostgreSQL.
    const QString begin = m_depth > 0                       ? QStringLiteral("SAVEPOINT ") + savepointName(m_depth)
                          : (mode == Mode::Write && sqlite) ? QStringLiteral("BEGIN IMMEDIATE")
                                                            : QStringLiteral("BEGIN");
    QSqlQuery query(m_db);
    if (!query.exec(begin)) {
        m_error = SqlSupport::queryError(query.lastError(), QStringLiteral("start a transaction"));
        return;
    }
    m_active = true;
    t_depthByConnection[m_db.connectionName()] = m_depth + 1;
}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active) {
        return Error::make(Error::Code::Internal,
                           QStringLiteral("Could not commit: no transaction is active (this is a bug in Switchyard)."));
    }
    QSqlQuery query(m_db);
    if (!query.exec(m_depth > 0 ? QStringLiteral("RELEASE ") + savepointName(m_depth) : QStringLiteral("COMMIT"))) {
        m_error = SqlSupport::queryError(query.lastError(), QStringLiteral("save the changes"));
        query.finish();
        rollback();
        return m_error;
    }
    m_active = false;
    leave();
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    if (m_depth > 0) {
        query.exec(QStringLiteral("ROLLBACK TO ") + savepointName(m_depth));
        query.exec(QStringLiteral("RELEASE ") + savepointName(m_depth));
    } else {
        query.exec(QStringLiteral("ROLLBACK"));
    }
    leave();
}

void Transaction::leave()
{
    const QString name = m_db.connectionName();
    if (m_depth > 0)
        t_depthByConnection[name] = m_depth;
    else
        t_depthByConnection.remove(name);
}

}  // namespace Switchyard
