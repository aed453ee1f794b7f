#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>
#include <vector>

namespace Switchyard {

/**
 * Stores why calls' streams restarted (AttemptRecord::restartNote) in `attempt_restarts` (migration 9), one row per
 * attempt that has a note.
 *
 * Like SentPromptStore, the writer runs inside the caller's transaction, after the calls and their attempts were
 * inserted, so a note is kept exactly when its call is: it finds the call by uuid and the attempt by its position
 * among the call's attempts (their insertion order), whichever way they were written. Calls without a note, nearly
 * all of them, are skipped without a query. Readers join the table on the attempt id.
 */
class RestartNoteStore {
public:
    /// Works on @p db (the caller's connection, for its thread); the statement is prepared on first write.
    explicit RestartNoteStore(QSqlDatabase db);

    /// Stores the restart notes of @p call's attempts (nothing when none has one). The call and its attempts must
    /// exist.
    Result<void> write(const CallRecord &call);
    /// write() for every call of @p batch.
    Result<void> write(const std::vector<CallRecord> &batch);

private:
    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_insert;
};

}  // namespace Switchyard
