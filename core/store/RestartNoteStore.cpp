#include "core/store/RestartNoteStore.h"

#include "core/store/SqlSupport.h"

namespace Switchyard {

using namespace SqlSupport;

RestartNoteStore::RestartNoteStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<void> RestartNoteStore::write(const CallRecord &call)
{
    for (qsizetype position = 0; position < call.attempts.size(); ++position) {
        const AttemptRecord &attempt = call.attempts.at(position);
        if (attempt.restartNote.isEmpty())
            continue;
        if (!m_insert) {
            // By uuid and position: the recorder may have chosen the ids itself, in multi-row INSERTs.
            auto insert = prepare(m_db,
                                  QStringLiteral("INSERT INTO attempt_restarts (attempt_id, note) SELECT a.id, ? "
                                                 "FROM attempts a WHERE a.call_id = (SELECT id FROM calls WHERE "
                                                 "uuid = ?) ORDER BY a.id LIMIT 1 OFFSET ?"),
                                  QStringLiteral("prepare storing stream restart notes"));
            if (!insert)
                return insert.error();
            m_insert = std::move(*insert);
        }
        const QString action = QStringLiteral("store the stream restart note of attempt %1.%2 of call %3")
                                   .arg(attempt.hopIndex)
                                   .arg(attempt.retryIndex)
                                   .arg(call.uuid);
        SWITCHYARD_TRY(execPrepared(*m_insert, {attempt.restartNote, call.uuid, qint64(position)}, action));
        if (m_insert->numRowsAffected() != 1) {
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("Could not %1: the attempt is not recorded.").arg(action));
        }
    }
    return {};
}

Result<void> RestartNoteStore::write(const std::vector<CallRecord> &batch)
{
    for (const CallRecord &call : batch)
        SWITCHYARD_TRY(write(call));
    return {};
}

}  // namespace Switchyard
