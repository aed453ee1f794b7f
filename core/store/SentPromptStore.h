#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>
#include <vector>

namespace Switchyard {

/**
 * Stores and reads what calls sent (CallRecord::sent): the rendered system instruction and messages of each call, in
 * `call_prompts`, with every text kept once in `prompt_texts` under its SHA-256 (see migration 7).
 *
 * The writer runs inside the caller's transaction, after the calls it describes were inserted: it finds each call's
 * row by its uuid, so it works whichever way the calls were written (UsageRecorder's batched native path or
 * QSqlQuery). Calls without a SentPrompt are skipped at no cost.
 */
class SentPromptStore {
public:
    /// Works on @p db (the caller's connection, for its thread); statements are prepared on first write.
    explicit SentPromptStore(QSqlDatabase db);

    /// Stores @p call's sent prompt (nothing when it has none). The call's row must exist.
    Result<void> write(const CallRecord &call);
    /// write() for every call of @p batch.
    Result<void> write(const std::vector<CallRecord> &batch);

    /// The sent prompt of call row @p callId; an empty optional when none was recorded with it.
    Result<std::optional<SentPrompt>> read(qint64 callId);

    /// The key a text is stored under: SHA-256, lower-case hex.
    static QString textHash(const QString &text);

private:
    Result<void> prepareWriting();
    /// Stores @p text once and returns its hash.
    Result<QString> storeText(const QString &text);

    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_insertText;
    std::optional<QSqlQuery> m_insertCallPrompt;
};

}  // namespace Switchyard
