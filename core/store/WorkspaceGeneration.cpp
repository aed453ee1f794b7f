#include "core/store/WorkspaceGeneration.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"

namespace Switchyard {

WorkspaceGeneration::WorkspaceGeneration(Database &database) : m_database(database) {}

Result<qint64> WorkspaceGeneration::current()
{
    const QString action = QStringLiteral("read the workspace generation");
    if (!m_query) {
        auto db = m_database.checkedConnection();
        if (!db)
            return db.error();
        auto prepared =
            SqlSupport::prepare(*db, QStringLiteral("SELECT value FROM workspace_generation WHERE id = 1"), action);
        if (!prepared)
            return prepared.error();
        m_query = std::move(*prepared);
    }
    if (auto executed = SqlSupport::execPrepared(*m_query, {}, action); !executed) {
        m_query.reset();  // the connection may have been closed and reopened: prepare afresh next time
        return executed.error();
    }
    const bool found = m_query->next();
    const qint64 value = found ? m_query->value(0).toLongLong() : 0;
    // Reset the statement: an open SELECT would pin this connection's read snapshot and hide later commits.
    m_query->finish();
    if (!found)
        return Error::make(Error::Code::Database, QStringLiteral("The workspace generation row is missing; the "
                                                                 "workspace database is damaged."));
    return value;
}

}  // namespace Switchyard
